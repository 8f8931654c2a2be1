// Estimates the OCR channel table (see channel/ocr_channel.h for the format) from
// clean<TAB>ocr line pairs: tokens are aligned first (with splits, merges, drops and
// junk), then every matched token pair is aligned character by character with
// substring edits (0-2 code points a side). Edit costs are re-estimated from the
// alignments (hard EM: start from unit costs, re-align under -ln P, |iterations|
// alignments in all) and the last alignment's counts are written.
#ifndef VANBAN_TRAIN_CHANNEL_TRAINER_H_
#define VANBAN_TRAIN_CHANNEL_TRAINER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "channel/code_points.h"
#include "channel/ocr_channel.h"

namespace vanban::internal {

struct ChannelTrainOptions {
  int iterations = 3;                // character alignments: 1 with unit costs + re-estimations
  double max_token_distance = 0.6;   // matched pairs farther apart are not used for chars
  uint64_t min_count = 2;            // edits seen fewer times are left out of the table
  uint64_t min_token_count = 2;      // same for token-level rows
};

struct ChannelTrainSummary {
  uint64_t lines = 0;
  uint64_t char_tokens = 0;  // matched token pairs used for character statistics
  TokenChannelStats tokens;
  double final_cost = 0.0;   // total alignment cost of the last iteration (nats)
};

class ChannelTrainer {
 public:
  explicit ChannelTrainer(ChannelTrainOptions options = {}) : options_(options) {}

  // One rendered line: clean text and its OCR reading (NFC).
  void AddLine(std::string_view clean, std::string_view ocr);

  // Runs the iterations and returns the table text.
  std::string Finish();

  const ChannelTrainSummary& summary() const { return summary_; }

 private:
  using PairKey = std::pair<U32, U32>;
  ChannelTrainOptions options_;
  ChannelTrainSummary summary_;
  std::vector<std::pair<U32, U32>> token_pairs_;  // cased clean, cased ocr
  std::map<std::pair<std::string, std::string>, uint64_t> token_events_;
};

}  // namespace vanban::internal

#endif  // VANBAN_TRAIN_CHANNEL_TRAINER_H_
