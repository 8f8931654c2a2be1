// The learned OCR channel (P(OCR text | clean text) as substring edits): training
// from clean/OCR line pairs and measurement on held-out pairs. The restorer uses the
// table stored in the model (Model::has_ocr_channel). Table format: lib/src/channel/ocr_channel.h and
// dictionaries/OCR.md.
#ifndef VANBAN_OCR_CHANNEL_H_
#define VANBAN_OCR_CHANNEL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/model.h"
#include "vanban/status.h"

namespace vanban {

struct OcrChannelTrainOptions {
  int iterations = 3;      // character alignments: unit costs, then re-estimated costs
  uint64_t min_count = 2;  // rarer edits are left out of the table
};

struct OcrChannelTrainReport {
  uint64_t lines = 0;
  uint64_t clean_tokens = 0;
  uint64_t char_token_pairs = 0;  // matched token pairs the character statistics come from
  uint64_t split = 0, merged = 0, dropped = 0, inserted = 0;  // token-level events
  size_t edits = 0;               // rows of the character table
};

// |pairs|: lines "clean<TAB>ocr" (NFC); lines without a tab are skipped. Returns the
// table text (deterministic for the same input).
Result<std::string> TrainOcrChannel(std::string_view pairs, const OcrChannelTrainOptions& options,
                                    OcrChannelTrainReport* report = nullptr);

struct OcrChannelEvalReport {
  uint64_t lines = 0;
  uint64_t syllables = 0;         // clean tokens whose word part is letters only
  uint64_t matched = 0;           // ... aligned 1:1 with an OCR token
  uint64_t raw_exact = 0;         // ... whose OCR word part is identical
  uint64_t raw_exact_nocase = 0;
  uint64_t raw_stripped = 0;      // ... identical once marks and case are removed
  uint64_t in_inventory = 0;
  uint64_t recall_at_1 = 0;       // right syllable is the best candidate
  uint64_t recall_at_k = 0;       // right syllable among the top k
  uint64_t candidate_calls = 0;
  double microseconds_per_call = 0;  // uncached
  double mean_candidates = 0;
  size_t inventory_size = 0;
  std::string misses;             // a few examples, one per line
};

// |syllables|: the candidate inventory, lines "syllable" or "syllable<TAB>count".
Result<OcrChannelEvalReport> EvaluateOcrChannel(std::string_view table, std::string_view syllables,
                                                std::string_view pairs, size_t k,
                                                size_t max_misses = 0, double prior_weight = 0.5);

}  // namespace vanban

#endif  // VANBAN_OCR_CHANNEL_H_
