// Specks inside an OCR'd title. Scans leave dirt between the words of an article title or
// a trích yếu that no clerk typed: "Phạm vi.điều chỉnh", "hiệu lực-thi hành", "Căn cứ?
// cấp", "quyền hạn‘của", "phân cấp; đơn giản", "Phạm:vi", "lao: động", "định,. giao",
// "liên ) quan", "nhà ; nước", "tháng 10.năm", "Bộ.Lao động --", "Bộ:Lao động- Thương binh",
// "2019 = 2023". Titles are one phrase, so a full stop, semicolon or colon
// before a word of the title's case, a hyphen glued between lower-case words, a stop or
// hyphen glued between a number and a word, a stop after a comma, a lone closing bracket
// and stray quotes or bars are OCR's, not the text's. (Typed article titles hold a colon
// before a lower-case word about once in 2,000: "Điều kiện chào bán: trái phiếu"; the
// scans of the skeleton bench put one in about one title in 80.)
#include <algorithm>

#include "parse/parse_context.h"
#include "text/viet_chars.h"

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

// The letters of the word that ends at key position |i|.
std::string_view KeyWordBefore(std::string_view key, size_t i) {
  size_t a = i;
  while (a > 0 && key[a - 1] >= 'a' && key[a - 1] <= 'z') --a;
  return key.substr(a, i - a);
}

// The word before key position |i| (a stop glued to it) is one no sentence ends on: a
// preposition or a link word ("của", "với", "và").
bool AfterLinkWord(std::string_view key, size_t i) {
  // A ministry's "Bộ" is followed by its name ("của Bộ. Lao động").
  static const std::string_view kLinks[] = {"cua", "voi", "va", "ve", "cho", "tai", "theo", "thuoc", "trong", "cac", "den", "tu", "bo"};
  return std::find(std::begin(kLinks), std::end(kLinks), KeyWordBefore(key, i)) != std::end(kLinks);
}

// The word before key position |i| is one a number follows in dates and references
// ("ngày", "tháng", "năm", "số"). Narrower than body.cc's NumbersFollow: a sentence may
// end on "xã" or "lần", not on these.
bool DateWordBefore(std::string_view key, size_t i) {
  static const std::string_view kWords[] = {"ngay", "thang", "nam", "so", "dieu", "khoan"};
  return std::find(std::begin(kWords), std::end(kWords), KeyWordBefore(key, i)) != std::end(kWords);
}

// Four digits (a year) end right before key position |i|, or start after the dashes and
// spaces from |i| on, with no digit beyond them.
bool YearBefore(std::string_view key, size_t i) {
  size_t a = i;
  while (a > 0 && (key[a - 1] == ' ' || key[a - 1] == '.')) --a;  // "2019.- 2023"
  size_t d = a;
  while (d > 0 && IsAsciiDigit(key[d - 1])) --d;
  return a - d == 4 && (d == 0 || !IsAsciiDigit(key[d - 1]));
}
bool YearAfter(std::string_view key, size_t i) {
  size_t a = i;
  while (a < key.size() && (key[a] == '-' || key[a] == ' ')) ++a;
  size_t d = a;
  while (d < key.size() && IsAsciiDigit(key[d])) ++d;
  return d - a == 4 && (d == key.size() || !IsAsciiDigit(key[d]));
}

}  // namespace

// The title without its stray marks, so that the rules of DropInnerSpecks see through
// them ("nợ’. của", "nhà. ~ nước"). A degree sign stays after a digit ("37°C").
std::string DropStrayMarks(std::string_view title) {
  std::vector<uint32_t> off;
  const std::string key = FoldWithOffsets(title, &off);
  const size_t n = key.size();
  auto cp = [&](size_t i) { return title.substr(off[i], off[i + 1] - off[i]); };
  auto kind = [&](size_t i) { return i < n ? KindOf(cp(i), key[i]) : Kind::kSpace; };  // i wraps below 0
  auto letter = [&](size_t i) { return kind(i) == Kind::kLower || kind(i) == Kind::kUpper; };
  auto alnum = [&](size_t i) { return letter(i) || kind(i) == Kind::kDigit; };
  std::string out;
  out.reserve(title.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string_view c = cp(i);
    const bool stray = (StrayMark(c) && !(c == "'" && letter(i - 1) && letter(i + 1))) ||
                       (c == "\u00B0" && kind(i - 1) != Kind::kDigit);
    if (!stray) {
      out += c;
    } else if (alnum(i - 1) && alnum(i + 1)) {
      out.push_back(' ');
    }
  }
  return CollapseSpaces(out);
}

std::string DropSpecks(std::string_view title) {
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
  auto lower = [&](size_t i) { return at(i) == Kind::kLower; };
  // The last code point that is not a space: a hyphen there ends no word.
  size_t last = n;
  while (last > 0 && kind[last - 1] == Kind::kSpace) --last;
  std::string out;
  out.reserve(title.size());
  int opened = 0;  // brackets open before i
  for (size_t i = 0; i < n; ++i) {
    const std::string_view c = cp(i);
    const bool glued = letter(i - 1) && letter(i + 1);
    // The title's case: the words of a capitals title are capitals.
    auto title_case = [&](size_t j) { return lower(j) || (capitals && at(j) == Kind::kUpper); };
    const bool after_comma = !out.empty() && (out.back() == ',' || (out.back() == ' ' && out.size() > 1 && out[out.size() - 2] == ','));
    const bool digit_word = (at(i - 1) == Kind::kDigit && lower(i + 1) && lower(i + 2)) ||
                            (lower(i - 1) && lower(i - 2) && at(i + 1) == Kind::kDigit);
    if ((c == "." || c == ";" || c == ":") && after_comma && at(i + 1) != Kind::kOther) {
      continue;  // "thẩm định,. giao"
    } else if ((c == "." || c == ";" || c == ":") && at(i - 1) == Kind::kSpace && letter(i - 2) &&
               at(i + 1) == Kind::kSpace && letter(i + 2)) {
      continue;  // "quản lý nhà ; nước", "của Bộ : Y tế": a mark standing alone between words of the phrase
    } else if ((c == "." || c == ";" || c == ":") && at(i - 1) == Kind::kSpace && letter(i - 2) &&
               at(i + 1) == Kind::kSpace && i + 2 < n && cp(i + 2) == "-" && at(i + 3) == Kind::kSpace &&
               letter(i + 4)) {
      continue;  // "Lao động : - Thương binh": such a mark before the dash between two names
    } else if (c == ":" && letter(i - 1) && letter(i - 2) && i + 1 < n && cp(i + 1) == "-" && at(i + 2) == Kind::kUpper) {
      out.push_back(' ');  // "của:-Luật": a colon and a hyphen glued before a capitalised word
      ++i;
      continue;
    } else if (c == "." && letter(i - 1) && at(i + 1) == Kind::kSpace && at(i + 2) == Kind::kDigit &&
               DateWordBefore(key, i)) {
      continue;  // "ngày. 21 tháng 10": no sentence ends on a word its number follows
    } else if ((c == "}" || c == "]") && at(i - 1) == Kind::kSpace && at(i + 1) == Kind::kSpace && opened == 0) {
      continue;  // "pháp luật } thuộc": a lone closer nothing opens
    } else if (c == "." && at(i - 1) == Kind::kSpace && lower(i + 1)) {
      continue;  // "mục tiêu .quốc gia": glued before a small letter
    } else if ((c == "." || c == ":") && letter(i - 1) && at(i + 1) == Kind::kSpace && at(i + 2) == Kind::kUpper &&
               AfterLinkWord(key, i)) {
      continue;  // "của. Bộ", "đối với. Bảo hiểm": no sentence ends on a link word
    } else if (c == "," && letter(i - 1) && letter(i + 1)) {
      out += ", ";  // "phí,lệ phí", "Cắt giảm,đơn giản"
      continue;
    } else if (c == "," && letter(i - 1) && i + 1 < n && (cp(i + 1) == "." || cp(i + 1) == ";") && letter(i + 2)) {
      out += ", ";  // "phí,.lệ phí", "giảm,.đơn giản": a speck's stop glued after the comma
      ++i;
      continue;
    } else if (c == ";" && letter(i - 1) && i + 1 < n && cp(i + 1) == "." && lower(i + 2)) {
      out += ", ";  // "sản xuất;.kinh doanh"
      ++i;
      continue;
    } else if (c == "." && at(i - 1) == Kind::kDigit && i + 1 < n && cp(i + 1) == "-") {
      continue;  // "2019.- 2023"
    } else if (c == "-" && YearBefore(key, i) && YearAfter(key, i)) {
      // "2019-- 2023", "2021-2025": the dash of a range of years stands spaced.
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += " - ";
      while (i + 1 < n && (cp(i + 1) == "-" || at(i + 1) == Kind::kSpace)) ++i;
      continue;
    } else if ((c == "." || c == "-") && digit_word) {
      out.push_back(' ');  // "tháng 10.năm 2016", "năm-2016": a number and a word are two words
      continue;
    } else if (c == ")" && at(i - 1) == Kind::kSpace && at(i + 1) == Kind::kSpace && opened == 0) {
      continue;  // "có liên ) quan"
    } else if (c == ".") {
      // "v.v." and "TP." are abbreviations: a stop after a one-letter word stays.
      bool after_word = letter(i - 1) && letter(i - 2);
      // "Bộ.Lao động": glued after a word in lower case, before a capital ("TP.Hồ" stays).
      if (after_word && ((glued && (lower(i + 1) || capitals || lower(i - 1))) ||
                         (at(i + 1) == Kind::kSpace && title_case(i + 2)))) {
        out.push_back(' ');
        continue;
      }
    } else if (c == "=" && at(i - 1) == Kind::kSpace && at(i + 1) == Kind::kSpace && at(i - 2) == Kind::kDigit &&
               at(i + 2) == Kind::kDigit) {
      out += "-";  // "2019 = 2023": the dash of a range
      continue;
    } else if (c == "-") {
      if (i + 1 < n && cp(i + 1) == "-" && at(i - 1) == Kind::kSpace) continue;  // "Lao động -- Thương binh"
      // "Lao động- Thương binh", "động-- Thương": the dash between two names stands spaced.
      const size_t dash_end = i + 1 < n && cp(i + 1) == "-" ? i + 2 : i + 1;
      if (letter(i - 1) && at(dash_end) == Kind::kSpace && at(dash_end + 1) == Kind::kUpper && !capitals) {
        out += " -";
        i = dash_end - 1;
        continue;
      }
      if (glued && (lower(i - 1) || lower(i + 1))) {  // "hiệu lực-thi hành"; "TT-BTC" stays
        out.push_back(' ');
        continue;
      }
      if (at(i - 1) == Kind::kSpace && lower(i + 1)) continue;  // "Phạm -vi"
      if (lower(i - 1) && at(i + 1) == Kind::kSpace && lower(i + 2)) continue;  // "đơn giản- hóa"
      if (i + 1 == last && letter(i - 1)) continue;             // "thực hiện-"
    } else if (c == ";") {
      if (letter(i - 1) && (lower(i + 1) || (at(i + 1) == Kind::kSpace && lower(i + 2)))) {
        out += lower(i + 1) ? ", " : ",";
        continue;
      }
    } else if (c == ":") {
      // "Phạm:vi", "lao: động", "SỬ: DỤNG", "TRUNG:HẠN", "phạm vi : quản lý"
      const size_t word = at(i - 1) == Kind::kSpace ? i - 2 : i - 1;
      const size_t next = at(i + 1) == Kind::kSpace ? i + 2 : i + 1;
      if (letter(word) && letter(word - 1) && title_case(next) && next < last) {
        if (next == i + 1 && word == i - 1) out.push_back(' ');
        continue;
      }
      // "của Bộ:Lao động": glued between two words, before a capital too (typed "X: Y" is spaced).
      if (word == i - 1 && next == i + 1 && letter(word) && letter(word - 1) && at(next) == Kind::kUpper && lower(next + 1)) {
        out.push_back(' ');
        continue;
      }
    } else if (c == "{") {
      // "{%)": the scan's curly bracket for a round one that closes; else a speck.
      if (title.find(')', off[i]) != std::string_view::npos) ++opened, out += "(";
      continue;
    } else if (c == "(") {
      ++opened;
    } else if (c == ")" && opened > 0) {
      --opened;
    }
    out += c;
  }
  return CollapseSpaces(Trim(out));
}

// "… thuộc phạm vi quản lý của BỘ Y tế": in a sentence-case title (an article's, a trích
// yếu) a word in capitals that carries a vowel mark is a word the scan bent, not an
// abbreviation (abbreviations carry none: "UBND", "HĐND", "TT-BLĐTBXH"); it takes title
// case ("Bộ").
std::string CapitalsWordsAsTitle(std::string_view title) {
  std::string out;
  out.reserve(title.size());
  size_t a = 0;
  while (a < title.size()) {
    size_t b = title.find(' ', a);
    if (b == std::string_view::npos) b = title.size();
    std::string_view word = title.substr(a, b - a);
    std::string_view first = FirstCodePoint(word);
    std::string_view rest = word.substr(first.size());
    bool marked = false;
    for (size_t x = 0; x < word.size(); ++x) {
      // Any non-ASCII letter but Đ (C4 90) is a vowel with a mark.
      marked |= static_cast<unsigned char>(word[x]) >= 0x80 &&
                !(static_cast<unsigned char>(word[x]) == 0xC4 && x + 1 < word.size() &&
                  static_cast<unsigned char>(word[x + 1]) == 0x90);
      if (static_cast<unsigned char>(word[x]) >= 0x80) ++x;
    }
    std::string lower = ToLower(rest);
    if (marked && !rest.empty() && UpperRatio(word) > 0.99 && lower != rest) {
      out += first;
      out += lower;
    } else {
      out += word;
    }
    if (b < title.size()) out.push_back(' ');
    a = b + 1;
  }
  return out;
}

std::string DropInnerSpecks(std::string_view title) { return DropSpecks(DropStrayMarks(title)); }

}  // namespace vanban::internal
