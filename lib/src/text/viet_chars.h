// Vietnamese words on the hot paths of training and restoration: case mapping,
// diacritic stripping, the syllable shape check. The letters come from the one letter
// table (text/vn_letters.h), flattened here into an array lookup so that no call
// allocates or calls out per character. Input is assumed NFC; other code points pass
// through unchanged.
#ifndef VANBAN_TEXT_VIET_CHARS_H_
#define VANBAN_TEXT_VIET_CHARS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/utf8.h"
#include "vanban/text.h"
#include "text/vn_letters.h"

namespace vanban::internal {

struct VietLetter {
  char base = 0;        // ASCII lower-case base letter ('d' for đ); 0 if not a Vietnamese letter
  bool upper = false;
  bool marked = false;  // carries a tone mark, a vowel modifier or is đ
  char32_t lower = 0;
  char32_t upper_cp = 0;
  Tone tone = Tone::kNone;
  char32_t toneless = 0;  // lower case, same letter without the tone mark
};

// LookupLetter's table, built on first use (viet_chars.cc): Latin-1 and Latin
// Extended-A/B up to ư, then Latin Extended Additional (ạ ... ỹ).
struct LetterTable {
  static constexpr char32_t kLowEnd = 0x1B1, kHighStart = 0x1EA0, kHighEnd = 0x1F00;
  const VietLetter* low;   // code points [0, kLowEnd)
  const VietLetter* high;  // code points [kHighStart, kHighEnd)
};
const LetterTable& GetLetterTable();
inline constexpr VietLetter kNoLetter{};

// Table lookup; base == 0 for anything that is not a (possibly marked) Latin letter
// of the Vietnamese alphabet (f, j, w, z included since they occur in names). Inline:
// every character of every word asks it, and the call cost more than the lookup.
inline const VietLetter& LookupLetter(char32_t cp) {
  static const LetterTable& table = GetLetterTable();
  if (cp < LetterTable::kLowEnd) return table.low[cp];
  if (cp - LetterTable::kHighStart < LetterTable::kHighEnd - LetterTable::kHighStart)
    return table.high[cp - LetterTable::kHighStart];
  return kNoLetter;
}

inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Lower-cases Vietnamese letters; other code points unchanged.
void LowerInto(std::string_view s, std::string* out);
// Lower-cases and strips all marks: "Nghị" -> "nghi", "ĐƯỜNG" -> "duong". Returns
// false (out unspecified) if |s| holds anything but Vietnamese letters.
bool KeyInto(std::string_view s, std::string* out);
// Lower case with the tone mark moved to the end as a digit, so that tone
// placement variants compare equal: "hoà" and "hòa" both give "hoa1".
void ToneKeyInto(std::string_view s, std::string* out);
// True if |s| has at least one marked letter.
bool HasMarks(std::string_view s);
// Writes |restored| (lower case) into |out| with the letter case of |original|,
// character by character; when the lengths differ, uses the word's overall pattern.
void ApplyCaseInto(std::string_view restored, std::string_view original, std::string* out);
// The letters of a word: how many, how many upper case, whether the first is, and
// whether anything else (digits, symbols an OCR engine put in it) is there too.
struct LetterCase {
  size_t letters = 0, upper = 0;
  bool first_upper = false, other = false;
};
LetterCase LetterCaseOf(std::string_view s);
// Writes the syllable |restored| (lower case) in the case pattern of the word
// |original| as a whole: all capitals if it has two or more letters, all upper case;
// capitalised if its first letter is upper case; else lower case. Digits and symbols
// an OCR engine put in the word ("T6", "nguGi") do not count, nor do stray capitals.
void ApplyWordCaseInto(std::string_view restored, std::string_view original, std::string* out);
// True when the first letter is upper case and the others lower case ("Nghị", "Đ").
bool IsCapitalised(std::string_view s);
// True when the first letter of |s| is upper case ("Nghị", "PiCH", "UBND").
bool StartsUpper(std::string_view s);
// True when every letter of |s| is upper case and it has at least one letter.
bool IsAllUpper(std::string_view s);

// True for a number with a unit of measure, or a unit squared or cubed: "25m", "3,5ha",
// "10kg", "m2", "km2", "cm3". Digits next to letters that are not OCR damage.
bool IsMeasurement(std::string_view token);
// True for a numbered item with a letter, as legal texts number inserted articles and
// points: "5a", "10b", "2đ". |strict| asks for two digits or more ("10a"): OCR writes
// digits for letters ("1a" for là, "6n" for ổn).
bool IsNumberedItem(std::string_view token, bool strict);

// True if the lower-case, diacritic-free |key| has the shape of a Vietnamese
// syllable: onset + 1..3 vowels + coda ("nghieng" yes, "church" no).
bool IsSyllableKey(std::string_view key);
// Syllables plus single letters (list labels "a)", "đ)", initials): what the
// model keeps as words.
inline bool IsWordKey(std::string_view key) { return key.size() == 1 || IsSyllableKey(key); }

// Of keys (one byte a letter): vanban/text.h.
using vanban::EditDistance;

}  // namespace vanban::internal

#endif  // VANBAN_TEXT_VIET_CHARS_H_
