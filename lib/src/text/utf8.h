// UTF-8 for the whole library: the one decoder (NextCodePoint), the encoder, and the
// checks built on them. Header-only and allocation-free: the restorer, the parser and
// the archive decode every character of every document through NextCodePoint.
#ifndef VANBAN_TEXT_UTF8_H_
#define VANBAN_TEXT_UTF8_H_

#include <unicode/utf8.h>

#include <string>
#include <string_view>

namespace vanban::internal {

// Decodes the code point at |*pos| and advances |*pos| past it. A byte that does not
// start a complete sequence (a stray continuation byte, a sequence cut short, 0xF8-0xFF)
// decodes as U+FFFD and advances by one byte, so every byte is read exactly once. Ranges
// are not checked (overlong forms and surrogates decode arithmetically): text from
// Decode never holds them, and FirstInvalidUtf8 is the check for input that may.
inline char32_t NextCodePoint(std::string_view s, size_t* pos) {
  const size_t i = *pos;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  auto cont = [&](size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  auto bits = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if ((c & 0xE0) == 0xC0 && cont(1)) {
    *pos = i + 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | bits(1);
  }
  if ((c & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    *pos = i + 3;
    return (static_cast<char32_t>(c & 0x0F) << 12) | (bits(1) << 6) | bits(2);
  }
  if ((c & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    *pos = i + 4;
    return (static_cast<char32_t>(c & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
  }
  *pos = i + 1;
  return 0xFFFD;
}

// Offset of the first byte NextCodePoint cannot decode, or of an overlong two-byte
// sequence (0xC0, 0xC1); npos when there is none.
inline size_t FirstInvalidUtf8(std::string_view s) {
  for (size_t i = 0, next = 0; i < s.size(); i = next) {
    const char32_t cp = NextCodePoint(s, &next);
    if ((cp == 0xFFFD && next == i + 1) || (next == i + 2 && static_cast<unsigned char>(s[i]) < 0xC2)) return i;
  }
  return std::string_view::npos;
}

// Appends the UTF-8 form of |c|; nothing for a surrogate or a value above U+10FFFF.
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

#endif  // VANBAN_TEXT_UTF8_H_
