// Measures an OCR channel on held-out clean<TAB>ocr lines: how many clean syllables
// the OCR already gets right, and how often the right syllable is among the
// channel's candidates for the aligned OCR token (the restorer's upper bound).
#ifndef VANBAN_CHANNEL_CHANNEL_EVAL_H_
#define VANBAN_CHANNEL_CHANNEL_EVAL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "channel/ocr_channel.h"
#include "channel/syllable_trie.h"

namespace vanban::internal {

struct ChannelEvalResult {
  uint64_t lines = 0;
  uint64_t syllables = 0;          // clean tokens whose word part is letters only
  uint64_t matched = 0;            // ... aligned 1:1 with an OCR token
  uint64_t raw_exact = 0;          // ... and the OCR word part is identical
  uint64_t raw_exact_nocase = 0;   // ... identical ignoring case
  uint64_t raw_stripped = 0;       // ... identical after folding both (marks and case)
  uint64_t in_inventory = 0;       // clean syllable (lower case) is in the inventory
  uint64_t recall_at_1 = 0;        // right syllable is the channel's best candidate
  uint64_t recall_at_k = 0;        // right syllable among the top k
  uint64_t candidate_calls = 0;
  double candidate_seconds = 0.0;  // time spent in Candidates (no caching)
  double mean_candidates = 0.0;
  std::string examples;            // a few misses, "clean -> ocr: candidates" lines
};

// |tsv|: lines "clean<TAB>ocr". Only the first |k| candidates count.
ChannelEvalResult EvaluateChannel(const OcrChannel& channel, const SyllableTrie& inventory,
                                  std::string_view tsv, size_t k, size_t max_examples = 20,
                                  double prior_weight = OcrChannel::kDefaultPriorWeight);

// Strips leading and trailing characters that are not letters or digits.
std::u32string_view WordPart(std::u32string_view token);

}  // namespace vanban::internal

#endif  // VANBAN_CHANNEL_CHANNEL_EVAL_H_
