// The language model's view of a line: how text is cut into tokens and which
// vocabulary entry each token stands for. Training and restoration both use it,
// so the two can never disagree on tokenization.
#ifndef VANBAN_MODEL_LM_TOKENS_H_
#define VANBAN_MODEL_LM_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::internal {

enum class LmTokenKind : uint8_t {
  kWord,    // letters of the Vietnamese alphabet only (marked or not)
  kNumber,  // digits, with . or , between digits
  kMixed,   // letters mixed with digits or non-Vietnamese letters ("x4", "s6", "Müller")
  kPunct,   // one other character
  kSpace,   // spaces and tabs
};

struct LmToken {
  uint32_t begin;
  uint32_t end;
  LmTokenKind kind;
};

// Splits a decoding unit into tokens covering it byte for byte. Line breaks
// inside the unit are kSpace tokens.
void SplitLine(std::string_view line, std::vector<LmToken>* out);

// True when |next_line| continues the previous line (a hard-wrapped sentence, as
// in PDF text): its first letter is lower case. Training and restoration join
// such lines into one decoding unit.
bool ContinuesLine(std::string_view next_line);

inline constexpr std::string_view kBos = "<s>";
inline constexpr std::string_view kEos = "</s>";
inline constexpr std::string_view kUnk = "<unk>";
inline constexpr std::string_view kNum = "<num>";
inline constexpr std::string_view kOtherPunct = "<p>";
// Abbreviations are model words "#" + diacritic-free key: "UBND" -> "#ubnd".
inline constexpr char kAbbreviationMark = '#';

// The vocabulary string of |text| (a token of |kind|); may point into |scratch|.
// Words become lower case if they have the shape of a syllable; all-caps words that do
// not (abbreviations) become "#" + their diacritic-free key; the rest <unk>.
std::string_view LmWord(std::string_view text, LmTokenKind kind, std::string* scratch);

}  // namespace vanban::internal

#endif  // VANBAN_MODEL_LM_TOKENS_H_
