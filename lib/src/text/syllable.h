// Vietnamese syllable grammar (onset + rhyme + tone) on decomposed letters; used by
// IsVietnameseSyllable, tone placement, VIQR decoding and encoding detection.
#ifndef VANBAN_TEXT_SYLLABLE_H_
#define VANBAN_TEXT_SYLLABLE_H_

#include <string_view>

#include "text/vn_letters.h"
#include "vanban/text.h"

namespace vanban::internal {

inline constexpr int kMaxSyllableLetters = 10;

struct SyllableParts {
  int nucleus_begin = 0;  // first vowel that can carry the tone (after the qu/gi glide)
  int nucleus_end = 0;    // one past the last vowel
  bool has_coda = false;
  int tone_index = -1;    // letter index carrying the tone, -1 if none
};

// True when |letters| spell a well-formed Vietnamese syllable. A word without any
// vowel mark is checked against the unmarked spellings (so "Trien" passes), unless
// |exact|: then it must be a syllable as written, marks and all ("cuoc" is not; "ban" is).
bool AnalyzeSyllable(const VnLetter* letters, int n, SyllableParts* parts, bool exact = false);

// Index of the letter that should carry the tone under |style|.
int CanonicalToneIndex(const VnLetter* letters, const SyllableParts& parts, ToneStyle style);

// Splits a UTF-8 word into letters; false when it holds anything else or is too long.
bool WordToLetters(std::string_view word, VnLetter* letters, int* n);

}  // namespace vanban::internal

#endif  // VANBAN_TEXT_SYLLABLE_H_
