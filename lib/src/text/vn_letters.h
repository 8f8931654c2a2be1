// The Vietnamese letter model shared by the text core: every Latin letter used in
// Vietnamese split into an ASCII base, a letter mark (â ă ơ đ ...) and a tone mark.
#ifndef VANBAN_TEXT_VN_LETTERS_H_
#define VANBAN_TEXT_VN_LETTERS_H_

#include <cstdint>

namespace vanban::internal {

// The mark that makes a different letter (part of the spelling, not the tone).
enum class Quality : uint8_t { kNone, kCircumflex, kBreve, kHorn, kStroke };
// The five marked tones; kNone is the level tone (ngang).
enum class Tone : uint8_t { kNone, kGrave, kAcute, kHook, kTilde, kDot };
inline constexpr int kToneCount = 6;

struct VnLetter {
  char base = 0;  // lowercase ASCII letter
  Quality quality = Quality::kNone;
  Tone tone = Tone::kNone;
  bool upper = false;
};

// Splits |c| if it is an ASCII letter or a precomposed Vietnamese letter
// (the 134 marked letters, đ/Đ and the bare ones); false for anything else.
bool DecomposeLetter(char32_t c, VnLetter* out);
// The precomposed code point for |l|, or 0 when Unicode has none.
char32_t ComposeLetter(const VnLetter& l);

inline bool IsVowelBase(char b) {
  return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y';
}
// The combining mark (U+03xx) for a tone, 0 for kNone.
char32_t CombiningTone(Tone t);
// Tone for a combining mark, or false if |c| is not one of the five tone marks.
bool ToneFromCombining(char32_t c, Tone* t);

}  // namespace vanban::internal

#endif  // VANBAN_TEXT_VN_LETTERS_H_
