#include "channel/code_points.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "text/utf8.h"

namespace vanban::internal {
namespace {

// Latin, Latin-1, Latin Extended and Vietnamese (U+1EA0..1EF9) all lie below this.
constexpr char32_t kTableSize = 0x2000;

struct FoldTables {
  std::array<char32_t, kTableSize> lower;
  std::array<char32_t, kTableSize> fold;
  FoldTables() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      char32_t lo = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
      lower[cp] = lo;
      char32_t base = lo;
      icu::UnicodeString d;
      if (U_SUCCESS(status) && nfd->getDecomposition(static_cast<UChar32>(lo), d) && d.length() > 0) {
        char32_t first = static_cast<char32_t>(d.char32At(0));
        // Only strip marks from letters; keep e.g. compatibility characters as they are.
        if (u_isalpha(static_cast<UChar32>(first))) base = first;
      }
      if (base == U'đ') base = U'd';
      fold[cp] = base;
    }
  }
};

const FoldTables& Tables() {
  static const FoldTables tables;
  return tables;
}

}  // namespace

U32 DecodeUtf8(std::string_view s) {
  U32 out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(NextCodePoint(s, &i));
  return out;
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t cp : s) AppendUtf8(&out, cp);
  return out;
}

char32_t LowerChar(char32_t cp) { return cp < kTableSize ? Tables().lower[cp] : cp; }

U32 Lower(std::u32string_view s) {
  U32 out(s);
  for (char32_t& c : out) c = LowerChar(c);
  return out;
}

char32_t FoldChar(char32_t cp) { return cp < kTableSize ? Tables().fold[cp] : cp; }

U32 Fold(std::u32string_view s) {
  U32 out(s);
  for (char32_t& c : out) c = FoldChar(c);
  return out;
}

bool IsWordChar(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)) != 0; }

}  // namespace vanban::internal
