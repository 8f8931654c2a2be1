// Small UTF-8 helpers shared by the text core (header-only, no allocation).
#ifndef VANBAN_TEXT_UTF8_UTIL_H_
#define VANBAN_TEXT_UTF8_UTIL_H_

#include <unicode/utf8.h>

#include <string>
#include <string_view>

namespace vanban::internal {

inline void AppendUtf8(std::string* out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(buf, static_cast<size_t>(len));
}

inline bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// 1-based line number of byte |offset|.
inline size_t LineOfOffset(std::string_view s, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

}  // namespace vanban::internal

#endif  // VANBAN_TEXT_UTF8_UTIL_H_
