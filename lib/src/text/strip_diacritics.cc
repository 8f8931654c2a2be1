// StripDiacritics: Vietnamese (and other Latin) letters to their ASCII base.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

#include "text/fold.h"
#include "text/utf8.h"
#include "vanban/text.h"

namespace vanban {
namespace {

bool IsLatinLetter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return ((c >= 0xC0 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00)) && u_isalpha(c);
}

}  // namespace

std::string StripDiacritics(std::string_view text) {
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
    if (const char base = internal::AsciiBase(static_cast<char32_t>(c)); base != 0) {
      out.push_back(base);
      after_latin = true;
      continue;
    }
    out.append(s + start, i - start);
    after_latin = IsLatinLetter(c);
  }
  return out;
}

}  // namespace vanban
