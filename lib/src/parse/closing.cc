// Page furniture (signature timestamps, inlined footnotes, page breaks), the regions at
// the end of the document (closing paragraph, Nơi nhận, signature, appendices) and the
// sign-off block, where OCR interleaves the recipient column with the signature column.
#include <algorithm>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

bool IsTerminal(const std::string& key) {
  std::string t = TrimChars(key, "");
  if (t.empty()) return true;
  char c = t.back();
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == '"' || c == ')';
}

size_t CodePoints(const std::string& key) { return key.size(); }

const RE2& NoiNhanRe() {
  static const RE2 re(R"(^\s*n[o0]i\s*nh\S{1,3}n\s*:?)", ReOptions());
  return re;
}

const RE2& AuthorityRe() {
  static const RE2 re(
      R"((?:^|\s|;)(tm|kt|tl|tuq|q)\s*\.?\s+((?:u\S?\s*ban|ch\S{1,3}\s+t\S{1,2}ch|pho|giam|truong|bo\b|hoi|chanh|thu\s+truong|ban\s)))",
      ReOptions());
  return re;
}

const RE2& PositionRe() {
  static const RE2 re(
      R"(((?:pho\s+)?(?:ch\S{1,3}\s+t\S{1,2}ch|giam\s+doc|truong\s+(?:phong|ban)|chanh\s+van\s+phong|bi\s+thu|thu\s+truong|tong\s+giam\s+doc))[\s.,:;|_-]*$)",
      ReOptions());
  return re;
}

std::string CanonicalPosition(const std::string& key) {
  std::string k = CollapseSpaces(key);
  bool pho = k.rfind("pho ", 0) == 0;
  std::string base = pho ? k.substr(4) : k;
  std::string out;
  if (base.rfind("ch", 0) == 0 && base.find("t") != std::string::npos && base.size() <= 10) out = "CHỦ TỊCH";
  else if (base == "giam doc") out = "GIÁM ĐỐC";
  else if (base == "tong giam doc") out = "TỔNG GIÁM ĐỐC";
  else if (base == "truong phong") out = "TRƯỞNG PHÒNG";
  else if (base == "truong ban") out = "TRƯỞNG BAN";
  else if (base == "chanh van phong") out = "CHÁNH VĂN PHÒNG";
  else if (base == "bi thu") out = "BÍ THƯ";
  else if (base == "thu truong") out = "THỨ TRƯỞNG";
  if (out.empty()) return "";
  return pho ? "PHÓ " + out : out;
}

// "Vũ Thị Hòa", "Nguyén Tuin Anh": 2-5 words, each capitalised, letters only.
bool LooksLikeName(const Line& l) {
  std::string k = TrimChars(l.key, "-.,;:|_ ");
  if (k.empty() || k.size() > 40) return false;
  int words = 0;
  bool word_start = true;
  std::string raw = TrimChars(l.raw, "-.,;:|_ ");
  for (char c : k) {
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (!(c >= 'a' && c <= 'z')) return false;
    if (word_start) ++words;
    word_start = false;
  }
  if (words < 2 || words > 5) return false;
  // Each word starts upper case, and the words are not all capitals.
  double upper = UpperRatio(raw);
  if (upper >= 0.8) return false;
  bool at_start = true;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == ' ') {
      at_start = true;
      continue;
    }
    if (at_start) {
      if (c < 0x80 && !(c >= 'A' && c <= 'Z')) return false;
      at_start = false;
    }
  }
  return true;
}

}  // namespace

void DetectFurniture(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document& doc = *ctx.doc;
  static const RE2 kStamp(R"(^\s*(\d{4}-\d{2}-\d{2})t(\d{2}:\d{2}:\d{2})\s*([+-]\d{2}):?(\d{2})\s*$)", ReOptions());
  for (size_t i = 0; i < src.size(); ++i) {
    Match m;
    if (FindAnchored(kStamp, src[i].key, &m)) {
      DigitalSignature d;
      d.raw = Trim(src[i].raw);
      d.timestamp = m.Str(1) + "T" + m.Str(2) + m.Str(3) + ":" + m.Str(4);
      d.lines = {src[i].number, src[i].number};
      doc.digital_signatures.push_back(d);
      doc.furniture.push_back({"signature_timestamp", d.raw, d.lines});
      ctx.use[i] = LineUse::kFurniture;
    }
  }
  // A visible digital-signature block printed in the page ("Ký bởi: …", "Cơ quan: …",
  // "Ngày ký: 2026-04-24 17:05:16 +07:00").
  static const RE2 kSigned(
      R"(^\s*[-_.]*\s*(?:ng\S{1,2}y|th\S{1,2}i\s+gian)\s+k\S\s*:\s*(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})[./](\d{2})[./](\d{4})\.?)\s+(\d{2}:\d{2}:\d{2})\s*:?\s*([+-]\d{2}):?(\d{2}))",
      ReOptions());
  static const RE2 kSignedBy(
      R"(^\s*[-_.]*\s*(k\S\s+b\S{1,2}i|ng\S{1,3}i\s+k\S|email|c\S{1,2}\s*'?\s*quan)\s*:)", ReOptions());
  for (size_t i = 0; i < src.size(); ++i) {
    Match m;
    if (!FindAnchored(kSigned, src[i].key, &m)) continue;
    DigitalSignature d;
    d.raw = Trim(src[i].raw);
    std::string date = m.Has(1) && !m.Str(1).empty() ? m.Str(1) + "-" + m.Str(2) + "-" + m.Str(3)
                                                      : m.Str(6) + "-" + m.Str(5) + "-" + m.Str(4);
    d.timestamp = date + "T" + m.Str(7) + m.Str(8) + ":" + m.Str(9);
    size_t first = i;
    while (first > 0 && i - first < 4 && FindAnchored(kSignedBy, src[first - 1].key, &m)) --first;
    d.lines = {src[first].number, src[i].number};
    doc.digital_signatures.push_back(d);
    doc.furniture.push_back({"digital_signature_block", src.JoinRaw(first, i), d.lines});
    for (size_t k = first; k <= i; ++k) ctx.use[k] = LineUse::kFurniture;
  }
  // Footnotes inlined by OCR: a long line "N Text…" that interrupts a sentence, up to
  // the line that resumes the sentence (it starts with a single space).
  static const RE2 kFootStart(R"(^(\d{1,2})\s+(\S.*)$)", ReOptions());
  for (size_t i = 1; i < src.size(); ++i) {
    Match m;
    const Line& l = src[i];
    if (ctx.use[i] != LineUse::kFree || CodePoints(l.key) < 90) continue;
    if (!FindAnchored(kFootStart, l.key, &m)) continue;
    size_t prev = i - 1;
    while (prev > 0 && src[prev].blank) --prev;
    if (IsTerminal(src[prev].key)) continue;
    size_t end = SIZE_MAX;
    for (size_t j = i + 1; j < src.size() && j < i + 25; ++j) {
      const std::string& r = src[j].raw;
      if (r.size() >= 2 && r[0] == ' ' && r[1] != ' ') {
        end = j;
        break;
      }
    }
    if (end == SIZE_MAX) continue;
    size_t last = end - 1;
    while (last > i && src[last].blank) --last;
    Footnote f;
    f.marker = m.Str(1);
    f.anchor_line = src[prev].number;
    f.lines = {l.number, src[last].number};
    std::string text = Trim(l.Value(m.Start(2)));
    for (size_t j = i + 1; j <= last; ++j) {
      if (src[j].blank) continue;
      text += " " + Trim(src[j].value);
    }
    f.text = CollapseSpaces(text);
    doc.footnotes.push_back(f);
    for (size_t j = i; j <= last; ++j) ctx.use[j] = LineUse::kFootnote;
    i = last;
  }
  // Page breaks show as runs of three or more blank lines.
  for (size_t i = 0; i < src.size();) {
    size_t j = i;
    while (j < src.size() && src[j].blank) ++j;
    if (j - i >= 3 && i > 0 && j < src.size()) {
      doc.furniture.push_back({"page_break", "", {src[i].number, src[j - 1].number}});
    }
    i = j == i ? i + 1 : j;
  }
}

void FindRegions(Context& ctx) {
  const SourceLines& src = ctx.src;
  size_t n = src.size();
  static const RE2 kAppendix(R"(^\s*ph[uy]\s*l[uy]c(?:\s+([ivxl1|]+|\d+))?\s*:?\s*$)", ReOptions());
  ctx.appendix_start = n;
  for (size_t i = ctx.header_end; i < n; ++i) {
    Match m;
    if (FindAnchored(kAppendix, src[i].key, &m) && UpperRatio(src[i].raw) >= 0.6) {
      ctx.appendix_start = i;
      break;
    }
  }
  ctx.signoff_start = ctx.appendix_start;
  for (size_t i = ctx.header_end; i < ctx.appendix_start; ++i) {
    Match m;
    if (FindAnchored(NoiNhanRe(), src[i].key, &m)) {
      ctx.signoff_start = i;
      break;
    }
  }
  if (ctx.signoff_start == ctx.appendix_start) {
    // No "Nơi nhận": the signature block, if any, starts at the last authority line.
    size_t from = ctx.header_end + (ctx.appendix_start - ctx.header_end) / 2;
    for (size_t i = from; i < ctx.appendix_start; ++i) {
      Match m;
      if (Find(AuthorityRe(), src[i].key, 0, &m) && m.Start(1) <= 2 && UpperRatio(src[i].raw) >= 0.6) {
        ctx.signoff_start = i;
        break;
      }
    }
  }
  for (size_t i = ctx.signoff_start; i < ctx.appendix_start; ++i) {
    if (ctx.use[i] == LineUse::kFree) ctx.use[i] = LineUse::kSignoff;
  }
  for (size_t i = ctx.appendix_start; i < n; ++i) {
    if (ctx.use[i] == LineUse::kFree) ctx.use[i] = LineUse::kAppendix;
  }

  // Closing paragraph: the last paragraph before the sign-off, when it is not a list item.
  ctx.body_end = ctx.signoff_start;
  size_t i = ctx.signoff_start;
  auto skip = [&](size_t k) { return src[k].blank || ctx.use[k] == LineUse::kFootnote || ctx.use[k] == LineUse::kFurniture; };
  while (i > ctx.header_end && skip(i - 1)) --i;
  if (i <= ctx.header_end) return;
  size_t last = i - 1, first = last;
  while (first > ctx.header_end) {
    size_t k = first - 1;
    if (ctx.use[k] == LineUse::kFootnote || ctx.use[k] == LineUse::kFurniture) {
      --first;
      continue;
    }
    if (src[k].blank) {
      // A blank line next to an inlined footnote does not end the paragraph.
      size_t b = k, f = k;
      while (b > ctx.header_end && src[b].blank) --b;
      while (f + 1 < src.size() && src[f].blank) ++f;
      if (ctx.use[b] == LineUse::kFootnote || ctx.use[f] == LineUse::kFootnote) {
        first = k;
        continue;
      }
      break;
    }
    // Without blank lines, a line ending a sentence closes the previous paragraph.
    std::string pk = TrimChars(src[k].key, " |");
    if (!pk.empty() && (pk.back() == '.' || pk.back() == ';' || pk.back() == ':')) break;
    first = k;
  }
  while (first < last && (src[first].blank || ctx.use[first] != LineUse::kFree)) ++first;
  std::string first_key = Trim(src[first].key);
  std::string last_key = TrimChars(src[last].key, "");
  // "./." may be followed by OCR specks ("./. .").
  size_t mark = last_key.rfind("./.");
  bool end_mark = mark != std::string::npos && last_key.size() - mark <= 6;
  static const RE2 kMarker(R"(^[,.]?\s*(?:\d{1,2}\s*[.,]|[a-z]\s*\)|[-+~]|[ivxl1|]{1,5}\s*\.|di\S{1,2}u\s*[\dil|]{1,3}\s*[.:]))", ReOptions());
  static const RE2 kClosingStart(R"(^(tren\s+day\s+la|trong\s+qua\s+trinh|yeu\s+cau|de\s+nghi\s+cac|giao\s+|noi\s+nhan))",
                                 ReOptions());
  Match m;
  bool marker = FindAnchored(kMarker, first_key, &m);
  bool opener = FindAnchored(kClosingStart, first_key, &m);
  if (!marker && (end_mark || opener)) {
    Closing c;
    std::string text;
    for (size_t k = first; k <= last; ++k) {
      if (skip(k)) continue;
      text += (text.empty() ? "" : " ") + Trim(src[k].value);
      ctx.use[k] = LineUse::kClosing;
    }
    c.text = CollapseSpaces(text);
    c.end_mark = end_mark;
    c.lines = {src[first].number, src[last].number};
    ctx.doc->closing = c;
    ctx.body_end = first;
  } else if (end_mark) {
    Closing c;
    c.end_mark = true;
    c.lines = {src[last].number, src[last].number};
    ctx.doc->closing = c;
  }
}

void ParseSignoff(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document& doc = *ctx.doc;
  if (ctx.signoff_start >= ctx.appendix_start) return;
  Recipients rec;
  Signature sig;
  bool have_rec = false, after_archive = false, after_position = false;
  bool last_closed = true;  // the previous recipient line ended with ';' or '.'

  static const RE2 kArchive(R"(^\s*l[uo]u\s*:\s*(.*)$)", ReOptions());
  static const RE2 kPurpose(R"(\(([^()]{1,20})\)\s*$)", ReOptions());
  auto add_recipient = [&](const Line& l, size_t a, size_t b) {
    std::string key = l.key.substr(a, b - a);
    // Split on ';' into pieces.
    size_t start = a;
    for (size_t p = a; p <= b; ++p) {
      if (p < b && l.key[p] != ';') continue;
      size_t x = start, y = p;
      start = p + 1;
      std::string pk = Trim(l.key.substr(x, y - x));
      // Leading bullet.
      while (x < y && (l.key[x] == ' ' || l.key[x] == '-')) ++x;
      while (y > x && (l.key[y - 1] == ' ' || l.key[y - 1] == '.' || l.key[y - 1] == ',')) --y;
      std::string k = l.key.substr(x, y - x);
      if (k.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) continue;
      Match m;
      if (FindAnchored(kArchive, k, &m)) {
        ArchiveLine ar;
        ar.raw = Trim(l.Raw(x, b));
        std::string codes = TrimChars(l.Value(x + m.Start(1), b), ".;|:~ ");
        std::vector<std::string> parts;
        std::string cur;
        for (char c : codes + ",") {
          if (c == ',') {
            if (!TrimChars(cur, ".;|:~ ").empty()) parts.push_back(TrimChars(cur, ".;|:~ "));
            cur.clear();
          } else {
            cur.push_back(c);
          }
        }
        if (!parts.empty()) ar.office_code = parts[0];
        if (parts.size() > 1) ar.drafting_unit = parts[1];
        if (parts.size() > 2) ar.copies = parts[2];
        ar.lines = {l.number, l.number};
        rec.archive = ar;
        after_archive = true;
        return;
      }
      // "TT ĐU - TT HĐND xã": two recipients sharing a first word.
      std::vector<std::pair<size_t, size_t>> pieces;
      size_t dash = k.find(" - ");
      if (dash != std::string::npos) {
        std::string left = Trim(k.substr(0, dash)), right = Trim(k.substr(dash + 3));
        std::string lw = left.substr(0, left.find(' ')), rw = right.substr(0, right.find(' '));
        if (!lw.empty() && lw == rw) {
          pieces.push_back({x, x + dash});
          pieces.push_back({x + dash + 3, y});
        }
      }
      if (pieces.empty()) pieces.push_back({x, y});
      for (auto [u, v] : pieces) {
        Recipient r;
        std::string rk = l.key.substr(u, v - u);
        Match pm;
        size_t text_end = v;
        if (Find(kPurpose, rk, 0, &pm)) {
          r.purpose = Trim(l.Value(u + pm.Start(1), u + pm.End(1)));
          text_end = u + pm.Start();
        }
        r.text = TrimChars(l.Value(u, text_end), "-;,.");
        r.raw = Trim(l.Raw(u, v));
        r.lines = {l.number, l.number};
        rec.items.push_back(r);
      }
    }
  };

  for (size_t i = ctx.signoff_start; i < ctx.appendix_start; ++i) {
    const Line& l = src[i];
    if (l.blank || ctx.use[i] == LineUse::kFurniture || ctx.use[i] == LineUse::kFootnote) continue;
    const std::string& key = l.key;
    size_t left_start = 0, left_end = key.size();
    Match m;
    if (FindAnchored(NoiNhanRe(), key, &m)) {
      have_rec = true;
      rec.label_vi = "Nơi nhận";
      rec.lines = {l.number, l.number};
      left_start = m.End();
    }
    // Right column: an authority line or a position at the end of the line.
    size_t right = key.size();
    if (Find(AuthorityRe(), key, left_start, &m) && UpperRatio(l.Raw(m.Start(1))) >= 0.5) {
      right = m.Start(1);
    } else if (Find(PositionRe(), key, left_start, &m) && UpperRatio(l.Raw(m.Start(1))) >= 0.6) {
      right = m.Start(1);
      // Text between the last ';' and the position is stamp/signature noise.
      size_t semi = key.rfind(';', right);
      size_t from = semi == std::string::npos || semi < left_start ? left_start : semi + 1;
      std::string noise = Trim(key.substr(from, right - from));
      if (!noise.empty() && (semi != std::string::npos || UpperRatio(l.Raw(from, right)) >= 0.5 || noise.size() <= 6) &&
          noise[0] != '-') {
        doc.furniture.push_back({"stamp_noise", Trim(l.Raw(from, right)), {l.number, l.number}});
        sig.flags.push_back("stamp_noise");
        right = from;
        std::string before = Trim(key.substr(left_start, from - left_start));
        if (before.empty()) left_end = left_start;
      }
    }
    if (right < key.size()) {
      std::string rk = CollapseSpaces(Trim(key.substr(right)));
      std::string rv = Trim(l.Value(right));
      if (sig.lines.empty()) sig.lines = {l.number, l.number};
      sig.lines.end = l.number;
      static const RE2 kAuth(R"(^(tm|kt|tl|tuq|q)\s*\.?\s+(.*)$)", ReOptions());
      Match am;
      // A position line may be preceded by stamp noise inside the right part.
      Match pm;
      if (FindAnchored(kAuth, rk, &am)) {
        AuthorityLine a;
        a.prefix = AsciiUpper(am.Str(1)) + ".";
        size_t skip = right;
        while (skip < key.size() && key[skip] == ' ') ++skip;
        a.raw = rv;
        a.text = Trim(l.Value(skip + (am.Start(2) - am.Start(0))));
        a.line = l.number;
        sig.authority_lines.push_back(a);
      } else if (Find(PositionRe(), rk, 0, &pm)) {
        if (pm.Start(1) > 0) {
          doc.furniture.push_back({"stamp_noise", Trim(rv.substr(0, std::min(rv.size(), pm.Start(1)))), {l.number, l.number}});
          sig.flags.push_back("stamp_noise");
        }
        sig.position_raw = Trim(l.Value(right)).substr(0);
        sig.position = CanonicalPosition(pm.Str(1));
        if (sig.position.empty()) sig.position = rv;
        after_position = true;
      }
      left_end = std::min(left_end, right);
    }
    std::string left_key = Trim(key.substr(left_start, left_end - left_start));
    if (left_key.empty()) continue;
    // Noise right after "Nơi nhận:" ("e~") that is not a recipient.
    if (left_start > 0 && left_key[0] != '-' && left_key.size() <= 3) {
      doc.furniture.push_back({"stamp_noise", Trim(l.Raw(left_start, left_end)), {l.number, l.number}});
      continue;
    }
    if (left_key.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
      doc.furniture.push_back({"stamp_noise", Trim(l.Raw(left_start, left_end)), {l.number, l.number}});
      sig.flags.push_back("stamp_noise");
      continue;
    }
    if ((after_archive || after_position || !have_rec) && left_key[0] != '-' && LooksLikeName(l)) {
      sig.signer_name = TrimChars(l.value, "-.,;:|_ ");
      if (sig.lines.empty()) sig.lines = {l.number, l.number};
      sig.lines.end = l.number;
      continue;
    }
    if (!have_rec && left_key[0] != '-') continue;
    // Continuation of the previous recipient (one recipient over two lines).
    if (left_key[0] != '-' && !rec.items.empty()) {
      if (!last_closed && left_start == 0) {
        std::string more = TrimChars(l.Value(left_start, left_end), ";. ");
        rec.items.back().text = TrimChars(rec.items.back().text, ". ") + " " + more;
        rec.items.back().raw += " " + Trim(l.Raw(left_start, left_end));
        rec.items.back().lines.end = l.number;
        rec.lines.end = l.number;
        continue;
      }
    }
    add_recipient(l, left_start, left_end);
    std::string closed = TrimChars(left_key, " |:>~");
    // A lone speck " ." does not close the line ("… thuộc ." / "UBND xã;").
    last_closed = !closed.empty() && (closed.back() == ';' ||
                                      (closed.back() == '.' && closed.size() > 1 && closed[closed.size() - 2] != ' '));
    rec.lines.end = l.number;
  }
  // Remove duplicate flags.
  std::sort(sig.flags.begin(), sig.flags.end());
  sig.flags.erase(std::unique(sig.flags.begin(), sig.flags.end()), sig.flags.end());
  if (!sig.position.empty() && sig.position.rfind("PHÓ", 0) != 0) {
    for (const auto& a : sig.authority_lines) {
      if (a.prefix == "KT." && CanonicalPosition(CollapseSpaces(FoldKey(a.text))) == sig.position) {
        sig.position = "PHÓ " + sig.position;
        sig.flags.push_back("position_inferred");
      }
    }
  }
  if (sig.signer_name.empty()) sig.flags.push_back("name_missing");
  if (have_rec) doc.recipients = rec;
  if (!sig.authority_lines.empty() || !sig.position.empty() || !sig.signer_name.empty()) doc.signature = sig;
}

}  // namespace vanban::internal
