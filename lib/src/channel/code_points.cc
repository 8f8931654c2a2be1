#include "channel/code_points.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "text/utf8_util.h"

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
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    size_t n;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if ((c >> 5) == 0x6) {
      cp = c & 0x1F;
      n = 2;
    } else if ((c >> 4) == 0xE) {
      cp = c & 0x0F;
      n = 3;
    } else if ((c >> 3) == 0x1E) {
      cp = c & 0x07;
      n = 4;
    } else {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    if (i + n > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    bool ok = true;
    for (size_t k = 1; k < n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += n;
  }
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
