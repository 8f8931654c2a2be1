// The one diacritic fold (lib/src/text/fold.h). Each caller used to fold with its own code;
// those folds are kept here, as they were, and each option of the one fold must give what
// its caller's old fold gave for every code point: archive search keys made before must
// still match, and the channel's tables and the parser's keys must not move.
#include <doctest/doctest.h>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <unordered_map>
#include <utility>

#include "text/fold.h"
#include "text/utf8.h"
#include "vanban/archive.h"
#include "vanban/text.h"

namespace {

using vanban::internal::FoldScope;

constexpr char32_t kTableEnd = 0x2000;

bool Surrogate(char32_t cp) { return cp >= 0xD800 && cp < 0xE000; }

// channel/code_points.cc FoldChar before the one fold.
char32_t OldChannelFold(char32_t cp) {
  if (cp >= kTableEnd) return cp;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  char32_t lo = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
  char32_t base = lo;
  icu::UnicodeString d;
  if (U_SUCCESS(status) && nfd->getDecomposition(static_cast<UChar32>(lo), d) && d.length() > 0) {
    char32_t first = static_cast<char32_t>(d.char32At(0));
    if (u_isalpha(static_cast<UChar32>(first))) base = first;
  }
  if (base == U'đ') base = U'd';
  return base;
}

// text/strip_diacritics.cc's table before the one fold: the ASCII letter a code point
// reduces to once its combining marks are dropped, or 0.
char OldStripBase(char32_t cp) {
  if (cp == 0x0110) return 'D';
  if (cp == 0x0111) return 'd';
  if (cp < 0x80 || cp >= kTableEnd) return 0;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString d;
  if (!nfd->getDecomposition(static_cast<UChar32>(cp), d) || d.length() < 2) return 0;
  UChar32 first = d.char32At(0);
  if (first >= 0x80 || !u_isalpha(first)) return 0;
  for (int32_t i = U16_LENGTH(first); i < d.length(); ++i) {
    UChar u = d.charAt(i);
    if (u < 0x0300 || u > 0x036F) return 0;
  }
  return static_cast<char>(first);
}

// archive/search_key.cc FoldCodePoint before the one fold (StripDiacritics itself is
// checked against OldStripBase below).
char32_t OldArchiveFold(char32_t cp) {
  std::string utf8;
  vanban::internal::AppendUtf8(&utf8, cp);
  std::string folded = vanban::StripDiacritics(vanban::ToLower(utf8));
  char32_t out = cp;
  if (!folded.empty()) {
    size_t i = 0;
    char32_t first = vanban::internal::NextCodePoint(folded, &i);
    if (i == folded.size()) out = first;
  }
  return out;
}

// parse/source_lines.cc FoldCodePoint before the one fold.
char OldParseFold(char32_t cp) {
  static const auto* table = [] {
    auto* t = new std::unordered_map<char32_t, char>();
    const std::pair<const char*, char> groups[] = {
        {"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬäåÄÅ", 'a'},
        {"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆëË€", 'e'},
        {"ìíỉĩịÌÍỈĨỊïÏîÎ", 'i'},
        {"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢöÖ¢øØ", 'o'},
        {"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰüÜûÛ", 'u'},
        {"ỳýỷỹỵÝỲỶỸỴ¥ÿ", 'y'},
        {"đĐ", 'd'},
        {"–—―−~", '-'},
        {"“”„«»", '"'},
        {"‘’‚`´", '\''},
        {"…", '.'},
        {"§", 'a'},
        {"\u00a0\u2002\u2003\u2009\u200b", ' '},
    };
    for (const auto& [chars, folded] : groups) {
      std::string_view s(chars);
      for (size_t i = 0; i < s.size();) (*t)[vanban::internal::NextCodePoint(s, &i)] = folded;
    }
    return t;
  }();
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if (c == '\t') return ' ';
    return c;
  }
  auto it = table->find(cp);
  return it == table->end() ? '?' : it->second;
}

}  // namespace

TEST_CASE("the fold's channel option is the channel's former fold for every code point up to U+FFFF") {
  int differ = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (Surrogate(cp)) continue;
    if (vanban::internal::FoldCodePoint(cp, FoldScope::kAnyScript) != OldChannelFold(cp)) ++differ;
  }
  CHECK(differ == 0);
  CHECK(vanban::internal::FoldCodePoint(U'Ấ', FoldScope::kAnyScript) == U'a');
  CHECK(vanban::internal::FoldCodePoint(U'Đ', FoldScope::kAnyScript) == U'd');
  CHECK(vanban::internal::FoldCodePoint(U'й', FoldScope::kAnyScript) == U'и');
}

TEST_CASE("StripDiacritics's letters are its former table's for every code point up to U+FFFF") {
  int differ = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (Surrogate(cp)) continue;
    if (vanban::internal::AsciiBase(cp) != OldStripBase(cp)) ++differ;
  }
  CHECK(differ == 0);
  CHECK(vanban::StripDiacritics("Đường Nghị ĐỊNH ñ й") == "Duong Nghi DINH n й");
}

TEST_CASE("archive search keys fold every code point as before") {
  // An archive indexed before the one fold must still match: compare over all of Unicode.
  int differ = 0;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (Surrogate(cp)) continue;
    if (vanban::internal::FoldCodePoint(cp, FoldScope::kLatinScript) != OldArchiveFold(cp)) ++differ;
  }
  CHECK(differ == 0);
  CHECK(vanban::SearchKey("Nghị Quyết ĐẢNG Ñ й Ａ") == "nghi quyet dang n й ａ");
}

TEST_CASE("the parser's key byte is its former fold for every code point up to U+FFFF") {
  int differ = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (Surrogate(cp)) continue;
    if (vanban::internal::FoldToKeyByte(cp) != OldParseFold(cp)) ++differ;
  }
  CHECK(differ == 0);
  CHECK(vanban::internal::FoldToKeyByte(U'ñ') == '?');  // not a letter the parser reads
  CHECK(vanban::internal::FoldToKeyByte(U'¢') == 'o');
}
