// Code-point strings for the OCR channel: UTF-8 <-> UTF-32, Vietnamese-aware
// lower-casing and the diacritic-free "key" fold used by candidate search.
#ifndef VANBAN_CHANNEL_CODE_POINTS_H_
#define VANBAN_CHANNEL_CODE_POINTS_H_

#include <string>
#include <string_view>

namespace vanban::internal {

using U32 = std::u32string;

// Decodes UTF-8 with NextCodePoint (text/utf8.h): invalid bytes become U+FFFD, one per byte.
U32 DecodeUtf8(std::string_view s);
std::string EncodeUtf8(std::u32string_view s);

// Simple (1:1) lower-casing; keeps the length in code points, so alignments made on
// one form carry over to the other.
char32_t LowerChar(char32_t cp);
U32 Lower(std::u32string_view s);

// Lower-cases and removes every Vietnamese diacritic (đ -> d); other characters
// (digits, ¢, &) are kept. One code point in, one out.
char32_t FoldChar(char32_t cp);
U32 Fold(std::u32string_view s);

// True for letters and digits (what makes a token a word rather than punctuation).
bool IsWordChar(char32_t cp);

}  // namespace vanban::internal

#endif  // VANBAN_CHANNEL_CODE_POINTS_H_
