// StripDiacritics: Vietnamese (and other Latin) letters to their ASCII base.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <string>
#include <string_view>

#include "text/utf8.h"
#include "vanban/text.h"

namespace vanban {
namespace {

constexpr UChar32 kLatinLimit = 0x2000;

// For each code point below kLatinLimit: the ASCII letter it reduces to once its
// combining marks are dropped, or 0 to keep it unchanged.
struct StripTable {
  std::array<char, kLatinLimit> base{};
  StripTable() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    if (U_FAILURE(err)) return;
    for (UChar32 c = 0x80; c < kLatinLimit; ++c) {
      icu::UnicodeString d;
      if (!nfd->getDecomposition(c, d) || d.length() < 2) continue;
      UChar32 first = d.char32At(0);
      if (first >= 0x80 || !u_isalpha(first)) continue;
      bool marks_only = true;
      for (int32_t i = U16_LENGTH(first); i < d.length(); ++i) {
        UChar u = d.charAt(i);
        if (u < 0x0300 || u > 0x036F) marks_only = false;
      }
      if (marks_only) base[static_cast<size_t>(c)] = static_cast<char>(first);
    }
    base[0x0110] = 'D';
    base[0x0111] = 'd';
  }
};

const StripTable& GetStripTable() {
  static const StripTable* table = new StripTable();
  return *table;
}

bool IsLatinLetter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return ((c >= 0xC0 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00)) && u_isalpha(c);
}

}  // namespace

std::string StripDiacritics(std::string_view text) {
  const StripTable& table = GetStripTable();
  std::string out;
  out.reserve(text.size());
  const char* s = text.data();
  const size_t len = text.size();
  size_t i = 0;
  bool after_latin = false;  // combining marks are dropped only on Latin letters
  while (i < len) {
    const unsigned char byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
      after_latin = ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
      ++i;
      continue;
    }
    const size_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) {
      out.append(s + start, i - start);
      after_latin = false;
      continue;
    }
    if (c >= 0x0300 && c <= 0x036F) {
      if (!after_latin) out.append(s + start, i - start);
      continue;
    }
    if (c < kLatinLimit && table.base[static_cast<size_t>(c)] != 0) {
      out.push_back(table.base[static_cast<size_t>(c)]);
      after_latin = true;
      continue;
    }
    out.append(s + start, i - start);
    after_latin = IsLatinLetter(c);
  }
  return out;
}

}  // namespace vanban
