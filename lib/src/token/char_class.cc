#include "token/char_class.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace vanban::internal {

CharInfo ClassifyNonAscii(std::string_view text, size_t pos) {
  CharInfo info;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data() + pos);
  // Local offsets keep ICU's int32 arithmetic safe for any text size.
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size() - pos, 4));
  int32_t k = 0;
  UChar32 c;
  U8_NEXT(p, k, n, c);
  if (c < 0) {
    // Invalid UTF-8: one byte at a time, so every byte is accounted for.
    info.code = p[0];
    return info;
  }
  info.length = static_cast<uint8_t>(k);
  info.code = static_cast<char32_t>(c);
  // Fast paths for the letters of Vietnamese text, skipping the ICU property lookup:
  // À..ÿ (but × ÷) and the Vietnamese block Ạ..ỹ, where capitals have even code points.
  if ((c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) || (c >= 0x1EA0 && c <= 0x1EFF)) {
    info.cls = CharClass::kLetter;
    info.upper = c < 0x100 ? c < 0xDF : (c & 1) == 0;
    info.lower = !info.upper;
    return info;
  }
  switch (c) {
    case 0x00A2:  // ¢
    case 0x00A3:  // £
    case 0x00A5:  // ¥
    case 0x00A7:  // §
    case 0x00A9:  // ©
    case 0x20AC:  // €
      info.cls = CharClass::kOcrSymbol;
      return info;
    default:
      break;
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      info.cls = CharClass::kLetter;
      info.upper = true;
      break;
    case U_LOWERCASE_LETTER:
      info.cls = CharClass::kLetter;
      info.lower = true;
      break;
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:  // non-ASCII digits and ², ½: word material, never numbers
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      info.cls = CharClass::kLetter;
      break;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      info.cls = CharClass::kLetter;
      info.mark = true;
      break;
    default:
      // NEL, U+2028 and U+2029 land here too: white space, but not line breaks for us,
      // since only \n, \r\n and \r count as lines.
      if (u_isUWhiteSpace(c)) info.cls = CharClass::kSpace;
      break;
  }
  return info;
}

}  // namespace vanban::internal
