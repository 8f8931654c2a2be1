// How a document's words were produced, estimated from the words themselves: typed
// correctly (clean), typed without marks (stripped), or read by an OCR engine. The
// decoder's channel is the mixture
//   P(written | meant) = clean * [written == meant] + stripped * [written == strip(meant)]
//                      + ocr * P_ocr(written | meant),
// so one decoder keeps correct text, restores stripped text and repairs OCR.
#ifndef VANBAN_RESTORE_CHANNEL_MIX_H_
#define VANBAN_RESTORE_CHANNEL_MIX_H_

#include <cstddef>
#include <string_view>

namespace vanban::internal {

class ModelData;

struct ChannelMix {
  double clean = 0.998, stripped = 0.001, ocr = 0.001;  // sum to 1
  // Word statistics the estimate came from: valid syllables with and without marks,
  // unknown words without marks (names, foreign words, or OCR), and words only OCR
  // makes: marks on an impossible syllable ("quyét"), digits in letters ("s6").
  size_t words = 0, marked = 0, unmarked = 0, unknown = 0, damaged = 0;
  // Lower-case words without marks that no syllable spells but one letter changed or
  // dropped would ("dugc"); counted into damaged or unknown once the estimate is made.
  size_t misshapen = 0;
};

// Looks at the first |max_bytes| of |text|.
ChannelMix EstimateChannelMix(std::string_view text, const ModelData& model, size_t max_bytes = 1 << 18);

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_CHANNEL_MIX_H_
