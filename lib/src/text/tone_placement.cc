// NormalizeTonePlacement: moves the tone mark of each Vietnamese syllable to the
// vowel the chosen convention prescribes (they differ only for open oa, oe, uy).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

#include "text/syllable.h"
#include "text/utf8.h"
#include "text/vn_letters.h"
#include "vanban/text.h"

namespace vanban {
namespace {

// Appends |word| with its tone moved if it is a syllable whose tone is misplaced.
void AppendNormalizedWord(std::string_view word, ToneStyle style, std::string* out) {
  internal::VnLetter letters[internal::kMaxSyllableLetters];
  int n = 0;
  internal::SyllableParts parts;
  if (internal::IsAscii(word) || !internal::WordToLetters(word, letters, &n) ||
      !internal::AnalyzeSyllable(letters, n, &parts) || parts.tone_index < 0) {
    out->append(word);
    return;
  }
  const int target = internal::CanonicalToneIndex(letters, parts, style);
  if (target == parts.tone_index) {
    out->append(word);
    return;
  }
  letters[target].tone = letters[parts.tone_index].tone;
  letters[parts.tone_index].tone = internal::Tone::kNone;
  std::string rebuilt;
  for (int i = 0; i < n; ++i) {
    char32_t c = internal::ComposeLetter(letters[i]);
    if (c == 0) {  // e.g. a tone on a letter Unicode has no precomposed form for
      out->append(word);
      return;
    }
    internal::AppendUtf8(&rebuilt, c);
  }
  out->append(rebuilt);
}

bool IsWordChar(UChar32 c) { return u_isalpha(c) || (c >= 0x0300 && c <= 0x036F); }

}  // namespace

std::string NormalizeTonePlacement(std::string_view text, ToneStyle style) {
  std::string out;
  out.reserve(text.size());
  const char* s = text.data();
  const size_t len = text.size();
  size_t i = 0;
  while (i < len) {
    const size_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0 || !IsWordChar(c)) {
      out.append(s + start, i - start);
      continue;
    }
    size_t end = i;
    while (end < len) {
      size_t next = end;
      U8_NEXT(s, next, len, c);
      if (c < 0 || !IsWordChar(c)) break;
      end = next;
    }
    AppendNormalizedWord(std::string_view(s + start, end - start), style, &out);
    i = end;
  }
  return out;
}

}  // namespace vanban
