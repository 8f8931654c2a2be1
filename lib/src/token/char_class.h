// Character classes the tokenizer works with: one decode of the UTF-8 character at a
// byte offset, folded into the few classes that decide token boundaries.
#ifndef VANBAN_TOKEN_CHAR_CLASS_H_
#define VANBAN_TOKEN_CHAR_CLASS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vanban::internal {

enum class CharClass : uint8_t {
  kLetter,     // Unicode letter, combining mark, or a non-ASCII digit-like character
  kDigit,      // ASCII 0-9 (only these make numbers, dates and symbols)
  kOcrSymbol,  // ¢ & | € £ ¥ § ©: OCR reads letters as these, so inside words they are letters
  kSpace,      // horizontal white space (space, tab, VT, FF, U+00A0, U+2000..., U+3000)
  kNewline,    // \n or \r
  kPunct,      // anything else, including each byte of invalid UTF-8
};

struct CharInfo {
  CharClass cls = CharClass::kPunct;
  uint8_t length = 1;    // bytes; 1 for an invalid byte
  bool upper = false;    // an uppercase or titlecase letter
  bool lower = false;    // a lowercase letter
  bool mark = false;     // a combining mark (the text is not in NFC)
  char32_t code = 0;     // the code point; for an invalid byte, the byte value
};

// Out-of-line part of ClassifyChar for bytes >= 0x80.
CharInfo ClassifyNonAscii(std::string_view text, size_t pos);

// Classifies the character starting at |text[pos]|; requires pos < text.size().
inline CharInfo ClassifyChar(std::string_view text, size_t pos) {
  const unsigned char b = static_cast<unsigned char>(text[pos]);
  if (b >= 0x80) return ClassifyNonAscii(text, pos);
  CharInfo info;
  info.code = b;
  if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
    info.cls = CharClass::kLetter;
    info.upper = b <= 'Z';
    info.lower = !info.upper;
  } else if (b >= '0' && b <= '9') {
    info.cls = CharClass::kDigit;
  } else if (b == ' ' || b == '\t' || b == '\v' || b == '\f') {
    info.cls = CharClass::kSpace;
  } else if (b == '\n' || b == '\r') {
    info.cls = CharClass::kNewline;
  } else if (b == '&' || b == '|') {
    info.cls = CharClass::kOcrSymbol;
  }
  return info;
}

}  // namespace vanban::internal

#endif  // VANBAN_TOKEN_CHAR_CLASS_H_
