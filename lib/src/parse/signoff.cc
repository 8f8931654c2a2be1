// The sign-off block: "Nơi nhận" recipients (with purpose notes and the archive line)
// and the signature (authority lines, position, signer's name). OCR flattens the two
// columns onto shared lines ("- UBND tỉnh (b/c); CHỦ TỊCH"), so each line is cut where
// the right column starts; stamp and signature smudges are kept as furniture.
#include <algorithm>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

// Drops lower-case specks after a capitals phrase ("UY BAN NHAN DAN oe ee").
std::string TrimLowerTail(const std::string& s) {
  std::string out = Trim(s);
  while (true) {
    size_t sp = out.rfind(' ');
    if (sp == std::string::npos) break;
    std::string last = out.substr(sp + 1);
    bool lower = !last.empty() && std::all_of(last.begin(), last.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '.' || c == ':' || c == '|' || c == '-' || c == '_';
    });
    if (!lower) break;
    out = Trim(out.substr(0, sp));
  }
  return TrimChars(out, ".:;,|_");
}

}  // namespace

void ParseSignoff(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document& doc = *ctx.doc;
  if (ctx.signoff_start >= ctx.appendix_start) return;
  Recipients rec;
  Signature sig;
  bool have_rec = false, after_archive = false;
  bool last_closed = true;  // the previous recipient line ended with ';' or '.'
  int last_sig_line = 0;    // last line that held an authority line or the position

  // "Lưu: VT, VP."; party documents write "Lưu Văn phòng Đảng ủy" without the colon.
  static const RE2 kArchive(R"(^\s*l\S{0,2}u\s*(?::|\s)\s*(.*)$)", ReOptions());
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
      // "TT ĐU - TT HĐND xã", "TT Đảng ủy, TT HĐND xã": two recipients sharing a first word.
      std::vector<std::pair<size_t, size_t>> pieces;
      for (const char* sep : {" - ", ", "}) {
        size_t cut = k.find(sep);
        if (cut == std::string::npos || !pieces.empty()) continue;
        size_t len = std::string(sep).size();
        std::string left = Trim(k.substr(0, cut)), right = Trim(k.substr(cut + len));
        std::string lw = left.substr(0, left.find(' ')), rw = right.substr(0, right.find(' '));
        if (!lw.empty() && lw == rw && left.find(' ') != std::string::npos) {
          pieces.push_back({x, x + cut});
          pieces.push_back({x + cut + len, y});
        }
      }
      if (pieces.empty()) pieces.push_back({x, y});
      for (auto [u, v] : pieces) {
        // A lower-case speck between recipients ("… (b/c); . aoe") is not one.
        std::string pk2 = Trim(l.key.substr(u, v - u));
        if (pk2.size() <= 3 && UpperRatio(l.Raw(u, v)) == 0) {
          doc.furniture.push_back({"stamp_noise", Trim(l.Raw(u, v)), {l.number, l.number}});
          continue;
        }
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
    // Specks with letters cut from the line's edges ("…; . aoe") are stamp or signature
    // smudges: kept as furniture.
    std::string tail = Trim(l.raw.substr(l.raw_off[l.core_end]));
    if (std::any_of(tail.begin(), tail.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); })) {
      doc.furniture.push_back({"stamp_noise", tail, {l.number, l.number}});
    }
    Match m;
    size_t noi_end = 0;
    if (!have_rec && MatchNoiNhan(key, &noi_end)) {
      have_rec = true;
      rec.label_vi = "Nơi nhận";
      rec.lines = {l.number, l.number};
      left_start = noi_end;
    }
    // Right column: an authority line or a position at the end of the line.
    size_t right = key.size();
    AuthorityHit auth;
    size_t pos_start = 0;
    std::string pos_label;
    bool is_auth = FindAuthority(l, left_start, &auth);
    bool is_pos = !is_auth && FindPosition(l, left_start, &pos_start, &pos_label);
    // A capitals line right under the authority lines is the position even when it is not
    // a title we know ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC").
    if (!is_auth && !is_pos && !sig.authority_lines.empty() && sig.position.empty() && left_start == 0 &&
        l.number - sig.lines.end <= 2) {
      std::string core = Trim(key.substr(l.core_begin, l.core_end - l.core_begin));
      size_t words = std::count(core.begin(), core.end(), ' ') + 1;
      if (core.size() >= 4 && words <= 6 && core.find_first_of("0123456789-;") == std::string::npos &&
          UpperRatio(l.Raw(l.core_begin)) >= 0.9) {
        is_pos = true;
        pos_start = l.core_begin;
        pos_label = TrimLowerTail(l.Value(l.core_begin));
      }
    }
    if (is_auth) {
      right = auth.start;
    } else if (is_pos) {
      right = pos_start;
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
      if (is_auth) {
        AuthorityLine a;
        a.prefix = auth.prefix;
        a.raw = Trim(l.Raw(right));
        a.text = TrimLowerTail(l.Value(auth.phrase_start));
        a.line = l.number;
        sig.authority_lines.push_back(a);
      } else {
        sig.position_raw = Trim(l.Value(right));
        sig.position = pos_label;
      }
      last_sig_line = l.number;
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
    static const RE2 kArchiveStart(R"(^\s*-?\s*l[uo]u\s*:|^\s*-\s*l\S{0,2}u\s+(?:v\S{1,2}n\s+ph\S{1,2}ng|vt\b|h\S\s+s\S))", ReOptions());
    if (FindAnchored(kArchiveStart, left_key, &m)) {
      add_recipient(l, left_start, left_end);
      continue;
    }
    // The signer's name follows the position (or the authority lines) within a few lines.
    bool near_signature = last_sig_line > 0 && l.number - last_sig_line <= 8;
    std::string name;
    if ((after_archive || near_signature || !have_rec) && left_key[0] != '-' && sig.signer_name.empty() &&
        ReadSignerName(l, left_start, left_end, &name)) {
      sig.signer_name = name;
      if (sig.lines.empty()) sig.lines = {l.number, l.number};
      sig.lines.end = l.number;
      continue;
    }
    if (!have_rec && left_key[0] != '-') continue;
    if (after_archive && left_key[0] != '-') {
      // Nothing but the signature follows the archive line: keep what is left as furniture.
      doc.furniture.push_back({"stamp_noise", Trim(l.Raw(left_start, left_end)), {l.number, l.number}});
      continue;
    }
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
      if (a.prefix == "KT." && CanonicalPosition(FoldKey(a.text)) == sig.position) {
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
