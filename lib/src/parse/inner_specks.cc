// Specks inside an OCR'd title. Scans leave dirt between the words of an article title or
// a trích yếu that no clerk typed: "Phạm vi.điều chỉnh", "hiệu lực-thi hành", "Căn cứ?
// cấp", "quyền hạn‘của", "phân cấp; đơn giản", "Phạm:vi". Titles are one phrase, so a
// full stop or a semicolon before a lower-case word, a hyphen or colon glued between
// lower-case words, and stray quotes or bars are OCR's, not the text's.
#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

enum class Kind : char { kLower, kUpper, kDigit, kSpace, kOther };

// |cp| is one code point, |key| its folded byte.
Kind KindOf(std::string_view cp, char key) {
  unsigned char c = static_cast<unsigned char>(cp[0]);
  if (cp.size() == 1) {
    if (c >= 'a' && c <= 'z') return Kind::kLower;
    if (c >= 'A' && c <= 'Z') return Kind::kUpper;
    if (c >= '0' && c <= '9') return Kind::kDigit;
    if (c == ' ' || c == '\t') return Kind::kSpace;
    return Kind::kOther;
  }
  if (key < 'a' || key > 'z') return Kind::kOther;
  return UpperRatio(cp) > 0 ? Kind::kUpper : Kind::kLower;
}

// Marks that never stand inside a Vietnamese title: dropped wherever they are.
bool StrayMark(std::string_view cp) {
  static const char* const kStray[] = {"\u2018", "\u2019", "'", "`", "\u00B4", "~", "|", "^", "*", "!", "?", "_"};
  for (const char* s : kStray) {
    if (cp == s) return true;
  }
  return false;
}

}  // namespace

std::string DropInnerSpecks(std::string_view title) {
  // One pass over the code points (a title may be a megabyte-long line): a byte of kind
  // each, found through the folded key, no string per code point.
  std::vector<uint32_t> off;
  const std::string key = FoldWithOffsets(title, &off);
  const size_t n = key.size();
  auto cp = [&](size_t i) { return title.substr(off[i], off[i + 1] - off[i]); };
  std::vector<Kind> kind(n);
  size_t letters = 0, upper = 0;
  for (size_t i = 0; i < n; ++i) {
    kind[i] = KindOf(cp(i), key[i]);
    letters += kind[i] == Kind::kLower || kind[i] == Kind::kUpper;
    upper += kind[i] == Kind::kUpper;
  }
  const bool capitals = letters > 0 && upper * 5 >= letters * 4;  // "QUẢN LÝ.LAO ĐỘNG"
  auto at = [&](size_t i) { return i < n ? kind[i] : Kind::kSpace; };  // i wraps below 0
  auto letter = [&](size_t i) { return at(i) == Kind::kLower || at(i) == Kind::kUpper; };
  auto alnum = [&](size_t i) { return letter(i) || at(i) == Kind::kDigit; };
  auto lower = [&](size_t i) { return at(i) == Kind::kLower; };
  // The last code point that is not a space: a hyphen there ends no word.
  size_t last = n;
  while (last > 0 && kind[last - 1] == Kind::kSpace) --last;
  std::string out;
  out.reserve(title.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string_view c = cp(i);
    const bool glued = letter(i - 1) && letter(i + 1);
    if (c == "'" && glued) {
      // "THU'C HIEN": text the restorer did not read keeps its VIQR-like marks.
    } else if (StrayMark(c)) {
      if (alnum(i - 1) && alnum(i + 1)) out.push_back(' ');
      continue;
    } else if (c == ".") {
      // "v.v." and "TP." are abbreviations: a stop after a one-letter word stays.
      bool after_word = letter(i - 1) && letter(i - 2);
      if (after_word && ((glued && (lower(i + 1) || capitals)) || (at(i + 1) == Kind::kSpace && lower(i + 2)))) {
        out.push_back(' ');
        continue;
      }
    } else if (c == "-") {
      if (glued && (lower(i - 1) || lower(i + 1))) {  // "hiệu lực-thi hành"; "TT-BTC" stays
        out.push_back(' ');
        continue;
      }
      if (at(i - 1) == Kind::kSpace && lower(i + 1)) continue;  // "Phạm -vi"
      if (i + 1 == last && letter(i - 1)) continue;             // "thực hiện-"
    } else if (c == ";") {
      if (letter(i - 1) && (lower(i + 1) || (at(i + 1) == Kind::kSpace && lower(i + 2)))) {
        out += lower(i + 1) ? ", " : ",";
        continue;
      }
    } else if (c == ":") {
      if (glued && lower(i + 1)) {  // "Phạm:vi"
        out.push_back(' ');
        continue;
      }
    }
    out += c;
  }
  return CollapseSpaces(Trim(out));
}

}  // namespace vanban::internal
