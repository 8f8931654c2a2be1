// VIQR (RFC 1456): Vietnamese written in ASCII with mnemonic marks after vowels.
#ifndef VANBAN_TEXT_VIQR_H_
#define VANBAN_TEXT_VIQR_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::internal {

struct ViqrStats {
  size_t words = 0;         // runs of ASCII letters
  size_t marked_words = 0;  // words that took at least one mark
  size_t strong = 0;        // marks no plain text would produce (a^, o+, a(, mark inside a word, dd)
};

// Decodes VIQR in |text| (UTF-8; non-ASCII passes through) to precomposed UTF-8.
// A mnemonic is a mark only when it follows a vowel and the result is a valid
// syllable with its tone on a conventional vowel; "\" makes the next mnemonic literal.
std::string DecodeViqr(std::string_view text, ViqrStats* stats = nullptr);

// Encodes NFC UTF-8 |text| to VIQR, escaping literal mnemonics that would be read as
// marks. Characters outside Vietnamese are passed through as UTF-8.
std::string EncodeViqr(std::string_view text);

}  // namespace vanban::internal

#endif  // VANBAN_TEXT_VIQR_H_
