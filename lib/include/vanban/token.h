// Lossless tokenizer: the concatenation of all token texts is the input, byte for byte.
#ifndef VANBAN_TOKEN_H_
#define VANBAN_TOKEN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace vanban {

enum class TokenKind : uint8_t {
  kVietWord,    // letters forming a plausible Vietnamese syllable (marked or not)
  kOtherWord,   // other letter runs: foreign words, OCR garbage with letters, "x4"
  kNumber,      // 12, 3.5, 1.000.000, 2,5
  kSymbol,      // document number/symbol: 20/NQ-HĐND, 61/2023/NĐ-CP, 55-NQ/TU, NĐ-CP
  kDate,        // 19/12/2025, 05/6, 2026-01-26
  kUrl,         // http(s)://…, www.…, e-mail addresses
  kPunct,       // one punctuation or symbol character
  kSpace,       // run of spaces/tabs (no newline)
  kNewline,     // "\n" or "\r\n" or "\r"
};

std::string_view TokenKindName(TokenKind kind);

struct Token {
  TokenKind kind;
  uint32_t begin;  // byte offset in the tokenized text
  uint32_t end;    // one past the last byte
  uint32_t line;   // 1-based line number of |begin|

  std::string_view text(std::string_view source) const { return source.substr(begin, end - begin); }
};

// Splits UTF-8 |text| into tokens. Never fails: invalid bytes become kPunct tokens
// of one byte each, so the round trip holds for any input.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace vanban

#endif  // VANBAN_TOKEN_H_
