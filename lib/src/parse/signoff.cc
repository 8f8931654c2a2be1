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

// "Lưu: VT, VP."; party documents write "Lưu Văn phòng Đảng ủy" without the colon.
const RE2& ArchiveRe() {
  static const RE2 re(R"(^\s*l\S{0,2}u\s*(?::|\s)\s*(.*)$)", ReOptions());
  return re;
}

// The archive line whose codes start at key position |codes_from| of |l|, to |b|.
ArchiveLine ReadArchiveLine(const Line& l, size_t x, size_t codes_from, size_t b) {
  ArchiveLine ar;
  ar.raw = Trim(l.Raw(x, b));
  std::string codes = TrimChars(l.Value(codes_from, b), ".;|:~ ");
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
  return ar;
}

// "TT ĐU - TT HĐND xã", "TT Đảng ủy, TT HĐND xã": two recipients sharing a first word, in
// the recipient key |k| that starts at key position |x| and ends at |y|; else one piece.
std::vector<std::pair<size_t, size_t>> RecipientPieces(const std::string& k, size_t x, size_t y) {
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
  return pieces;
}

// A capitals line right under the authority lines is the position even when it is not
// a title we know ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC").
bool UnknownPositionLine(const Line& l, size_t* pos_start, std::string* pos_label) {
  std::string core = Trim(l.key.substr(l.core_begin, l.core_end - l.core_begin));
  size_t words = std::count(core.begin(), core.end(), ' ') + 1;
  if (core.size() < 4 || words > 6 || core.find_first_of("0123456789-;") != std::string::npos ||
      UpperRatio(l.Raw(l.core_begin)) < 0.9) {
    return false;
  }
  *pos_start = l.core_begin;
  *pos_label = TrimLowerTail(l.Value(l.core_begin));
  return true;
}

// Reads the sign-off block one line at a time: each line's left column holds recipients
// (or the archive line, or the signer's name), its right column the signature.
class SignoffReader {
 public:
  explicit SignoffReader(Document* doc) : doc_(*doc) {}

  void AddLine(const Line& l) {
    std::string_view key = l.key;
    size_t left_start = 0, left_end = key.size();
    // Specks with letters cut from the line's edges ("…; . aoe") are stamp or signature
    // smudges: kept as furniture.
    std::string tail = Trim(l.raw.substr(l.RawOffset(l.core_end)));
    if (std::any_of(tail.begin(), tail.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); })) {
      doc_.furniture.push_back({"stamp_noise", tail, {l.number, l.number}});
    }
    size_t noi_end = 0;
    if (!have_rec_ && MatchNoiNhan(key, &noi_end)) {
      have_rec_ = true;
      rec_.label_vi = "Nơi nhận";
      rec_.lines = {l.number, l.number};
      left_start = noi_end;
    }
    size_t right = ReadRightColumn(l, left_start, &left_end);
    left_end = std::min(left_end, right);
    AddLeftColumn(l, left_start, left_end);
  }

  // Writes the recipients and the signature found into the document.
  void Finish() {
    // Remove duplicate flags.
    std::sort(sig_.flags.begin(), sig_.flags.end());
    sig_.flags.erase(std::unique(sig_.flags.begin(), sig_.flags.end()), sig_.flags.end());
    if (!sig_.position.empty() && sig_.position.rfind("PHÓ", 0) != 0) {
      for (const auto& a : sig_.authority_lines) {
        if (a.prefix == "KT." && CanonicalPosition(FoldKey(a.text)) == sig_.position) {
          sig_.position = "PHÓ " + sig_.position;
          sig_.flags.push_back("position_inferred");
        }
      }
    }
    if (sig_.signer_name.empty()) sig_.flags.push_back("name_missing");
    if (have_rec_) doc_.recipients = rec_;
    if (!sig_.authority_lines.empty() || !sig_.position.empty() || !sig_.signer_name.empty()) doc_.signature = sig_;
  }

 private:
  void Noise(const Line& l, size_t a, size_t b) {
    doc_.furniture.push_back({"stamp_noise", Trim(l.Raw(a, b)), {l.number, l.number}});
  }

  // Right column: an authority line or a position at the end of the line, read into the
  // signature. Returns where it starts (the key's size when there is none); stamp noise
  // before a position may end the left column at |*left_end|.
  size_t ReadRightColumn(const Line& l, size_t left_start, size_t* left_end) {
    std::string_view key = l.key;
    size_t right = key.size();
    AuthorityHit auth;
    size_t pos_start = 0;
    std::string pos_label;
    bool is_auth = FindAuthority(l, left_start, &auth);
    bool is_pos = !is_auth && FindPosition(l, left_start, &pos_start, &pos_label);
    if (!is_auth && !is_pos && !sig_.authority_lines.empty() && sig_.position.empty() && left_start == 0 &&
        l.number - sig_.lines.end <= 2) {
      is_pos = UnknownPositionLine(l, &pos_start, &pos_label);
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
        Noise(l, from, right);
        sig_.flags.push_back("stamp_noise");
        right = from;
        std::string before = Trim(key.substr(left_start, from - left_start));
        if (before.empty()) *left_end = left_start;
      }
    }
    if (right >= key.size()) return right;
    if (sig_.lines.empty()) sig_.lines = {l.number, l.number};
    sig_.lines.end = l.number;
    if (is_auth) {
      AuthorityLine a;
      a.prefix = auth.prefix;
      a.raw = Trim(l.Raw(right));
      a.text = TrimLowerTail(l.Value(auth.phrase_start));
      a.line = l.number;
      sig_.authority_lines.push_back(a);
    } else {
      sig_.position_raw = Trim(l.Value(right));
      sig_.position = pos_label;
    }
    last_sig_line_ = l.number;
    return right;
  }

  // Left column [left_start, left_end): the archive line, the signer's name, recipients.
  void AddLeftColumn(const Line& l, size_t left_start, size_t left_end) {
    std::string left_key = Trim(l.key.substr(left_start, left_end - left_start));
    if (left_key.empty()) return;
    // Noise right after "Nơi nhận:" ("e~") that is not a recipient.
    if (left_start > 0 && left_key[0] != '-' && left_key.size() <= 3) return Noise(l, left_start, left_end);
    if (left_key.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
      Noise(l, left_start, left_end);
      sig_.flags.push_back("stamp_noise");
      return;
    }
    static const RE2 kArchiveStart(R"(^\s*-?\s*l[uo]u\s*:|^\s*-\s*l\S{0,2}u\s+(?:v\S{1,2}n\s+ph\S{1,2}ng|vt\b|h\S\s+s\S))", ReOptions());
    Match m;
    if (FindAnchored(kArchiveStart, left_key, &m)) return AddRecipients(l, left_start, left_end);
    // The signer's name follows the position (or the authority lines) within a few lines.
    bool near_signature = last_sig_line_ > 0 && l.number - last_sig_line_ <= 8;
    std::string name;
    if ((after_archive_ || near_signature || !have_rec_) && left_key[0] != '-' && sig_.signer_name.empty() &&
        ReadSignerName(l, left_start, left_end, &name)) {
      sig_.signer_name = name;
      if (sig_.lines.empty()) sig_.lines = {l.number, l.number};
      sig_.lines.end = l.number;
      return;
    }
    if (!have_rec_ && left_key[0] != '-') return;
    // Nothing but the signature follows the archive line: keep what is left as furniture.
    if (after_archive_ && left_key[0] != '-') return Noise(l, left_start, left_end);
    // Continuation of the previous recipient (one recipient over two lines).
    if (left_key[0] != '-' && !rec_.items.empty() && !last_closed_ && left_start == 0) {
      std::string more = TrimChars(l.Value(left_start, left_end), ";. ");
      rec_.items.back().text = TrimChars(rec_.items.back().text, ". ") + " " + more;
      rec_.items.back().raw += " " + Trim(l.Raw(left_start, left_end));
      rec_.items.back().lines.end = l.number;
      rec_.lines.end = l.number;
      return;
    }
    AddRecipients(l, left_start, left_end);
    std::string closed = TrimChars(left_key, " |:>~");
    // A lone speck " ." does not close the line ("… thuộc ." / "UBND xã;").
    last_closed_ = !closed.empty() && (closed.back() == ';' ||
                                       (closed.back() == '.' && closed.size() > 1 && closed[closed.size() - 2] != ' '));
    rec_.lines.end = l.number;
  }

  // The recipients of key range [a, b) of |l|, split on ';'; the archive line ends them.
  void AddRecipients(const Line& l, size_t a, size_t b) {
    size_t start = a;
    for (size_t p = a; p <= b; ++p) {
      if (p < b && l.key[p] != ';') continue;
      size_t x = start, y = p;
      start = p + 1;
      // Leading bullet.
      while (x < y && (l.key[x] == ' ' || l.key[x] == '-')) ++x;
      while (y > x && (l.key[y - 1] == ' ' || l.key[y - 1] == '.' || l.key[y - 1] == ',')) --y;
      std::string k(l.key.substr(x, y - x));
      if (k.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) continue;
      Match m;
      if (FindAnchored(ArchiveRe(), k, &m)) {
        rec_.archive = ReadArchiveLine(l, x, x + m.Start(1), b);
        after_archive_ = true;
        return;
      }
      for (auto [u, v] : RecipientPieces(k, x, y)) AddRecipient(l, u, v);
    }
  }

  // One recipient at key range [u, v) of |l|, with its purpose note ("(b/c)").
  void AddRecipient(const Line& l, size_t u, size_t v) {
    static const RE2 kPurpose(R"(\(([^()]{1,20})\)\s*$)", ReOptions());
    // A lower-case speck between recipients ("… (b/c); . aoe") is not one.
    std::string pk2 = Trim(l.key.substr(u, v - u));
    if (pk2.size() <= 3 && UpperRatio(l.Raw(u, v)) == 0) return Noise(l, u, v);
    Recipient r;
    std::string rk(l.key.substr(u, v - u));
    Match pm;
    size_t text_end = v;
    if (Find(kPurpose, rk, 0, &pm)) {
      r.purpose = Trim(l.Value(u + pm.Start(1), u + pm.End(1)));
      text_end = u + pm.Start();
    }
    r.text = TrimChars(l.Value(u, text_end), "-;,.");
    r.raw = Trim(l.Raw(u, v));
    r.lines = {l.number, l.number};
    rec_.items.push_back(r);
  }

  Document& doc_;
  Recipients rec_;
  Signature sig_;
  bool have_rec_ = false;
  bool after_archive_ = false;
  bool last_closed_ = true;  // the previous recipient line ended with ';' or '.'
  int last_sig_line_ = 0;    // last line that held an authority line or the position
};

}  // namespace

void ParseSignoff(Context& ctx, size_t signoff_start) {
  if (signoff_start >= ctx.appendix_start) return;
  SignoffReader reader(ctx.doc);
  for (size_t i = signoff_start; i < ctx.appendix_start; ++i) {
    if (ctx.src[i].blank || ctx.use[i] == LineUse::kFurniture || ctx.use[i] == LineUse::kFootnote) continue;
    reader.AddLine(ctx.src[i]);
  }
  reader.Finish();
}

}  // namespace vanban::internal
