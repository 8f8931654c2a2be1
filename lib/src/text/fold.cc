#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <unordered_map>
#include <utility>

#include "text/utf8.h"
#include "text/viet_chars.h"

namespace vanban::internal {
namespace {

// Latin, Latin-1, Latin Extended, Greek, Cyrillic and Vietnamese (U+1EA0..1EF9) all lie
// below this.
constexpr char32_t kTableSize = 0x2000;

// Per code point below kTableSize, from Unicode's canonical decompositions.
struct FoldTable {
  std::array<char32_t, kTableSize> lower{};     // simple lower case
  std::array<char32_t, kTableSize> any_base{};  // lower case, first letter of its decomposition
  std::array<char, kTableSize> ascii_base{};    // ASCII letter + marks only: the letter, case kept
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      const auto c = static_cast<UChar32>(cp);
      const auto lo = static_cast<char32_t>(u_tolower(c));
      lower[cp] = lo;
      char32_t base = lo;
      icu::UnicodeString d;
      // Only strip marks from letters; keep e.g. compatibility characters as they are.
      if (U_SUCCESS(status) && nfd->getDecomposition(static_cast<UChar32>(lo), d) && d.length() > 0 &&
          u_isalpha(d.char32At(0))) {
        base = static_cast<char32_t>(d.char32At(0));
      }
      any_base[cp] = base == U'đ' ? U'd' : base;
      if (cp >= 0x80 && U_SUCCESS(status)) ascii_base[cp] = MarksOnlyAsciiBase(*nfd, c);
    }
    ascii_base[0x0110] = 'D';
    ascii_base[0x0111] = 'd';
  }

  // The ASCII letter of a decomposition into that letter and combining marks; 0 otherwise.
  static char MarksOnlyAsciiBase(const icu::Normalizer2& nfd, UChar32 c) {
    icu::UnicodeString d;
    if (!nfd.getDecomposition(c, d) || d.length() < 2) return 0;
    UChar32 first = d.char32At(0);
    if (first >= 0x80 || !u_isalpha(first)) return 0;
    for (int32_t i = U16_LENGTH(first); i < d.length(); ++i) {
      UChar u = d.charAt(i);
      if (u < 0x0300 || u > 0x036F) return 0;
    }
    return static_cast<char>(first);
  }
};

const FoldTable& Table() {
  static const FoldTable* table = new FoldTable();
  return *table;
}

// Non-Vietnamese characters the parser reads as a letter or as ASCII punctuation: OCR's
// look-alikes of Vietnamese letters ("¢" for ơ, "ä" for ă) and typographic punctuation.
const std::unordered_map<char32_t, char>& KeyLookalikes() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<char32_t, char>();
    const std::pair<const char*, char> groups[] = {
        {"äåÄÅ§", 'a'},       {"ëË€", 'e'},  {"ïÏîÎ", 'i'}, {"öÖ¢øØ", 'o'},
        {"üÜûÛ", 'u'},        {"¥ÿ", 'y'},   {"–—―−", '-'}, {"“”„«»", '"'},
        {"‘’‚´", '\''},      {"…", '.'},    {"\u00a0\u2002\u2003\u2009\u200b", ' '},
    };
    for (const auto& [chars, folded] : groups) {
      std::string_view s(chars);
      for (size_t i = 0; i < s.size();) (*t)[NextCodePoint(s, &i)] = folded;
    }
    return t;
  }();
  return *table;
}

}  // namespace

char32_t LowerCodePoint(char32_t cp) { return cp < kTableSize ? Table().lower[cp] : cp; }

char AsciiBase(char32_t cp) { return cp < kTableSize ? Table().ascii_base[cp] : 0; }

char32_t FoldCodePoint(char32_t cp, FoldScope scope) {
  const FoldTable& t = Table();
  if (scope == FoldScope::kAnyScript) return cp < kTableSize ? t.any_base[cp] : cp;
  const char32_t lo = cp < kTableSize ? t.lower[cp] : static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
  const char base = AsciiBase(lo);
  return base != 0 ? static_cast<char32_t>(base) : lo;
}

char FoldToKeyByte(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
    return cp == '\t' ? ' ' : static_cast<char>(cp);
  }
  const VietLetter& v = LookupLetter(cp);
  if (v.base != 0) return v.base;
  const auto& t = KeyLookalikes();
  auto it = t.find(cp);
  return it == t.end() ? '?' : it->second;
}

}  // namespace vanban::internal
