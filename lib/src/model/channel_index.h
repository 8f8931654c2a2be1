// The OCR channel ready for decoding: the learned edit table plus a trie of the
// model's syllables (with unigram counts as prior), built once per Model and
// shared read-only by every Restorer.
#ifndef VANBAN_MODEL_CHANNEL_INDEX_H_
#define VANBAN_MODEL_CHANNEL_INDEX_H_

#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "channel/ocr_channel.h"
#include "channel/syllable_trie.h"
#include "vanban/status.h"

namespace vanban::internal {

class ModelData;

class ChannelIndex {
 public:
  // |table| is the text of an ocr_channel.tsv; the inventory is every vocabulary
  // word of |model| shaped like a Vietnamese syllable.
  static Result<std::unique_ptr<ChannelIndex>> Build(const ModelData& model, std::string_view table);

  // Up to |max| clean syllables for the lower-case OCR word |ocr|, best first, as
  // (syllable, log10 P(ocr | syllable)); ranked with the unigram prior (|prior_weight|).
  void Candidates(std::string_view ocr, size_t max, double prior_weight,
                  std::vector<OcrChannel::Candidate>* out) const {
    channel_.Candidates(ocr, trie_, max, out, prior_weight);
  }
  // log10 P(ocr | clean) for a given pair (both lower case); -inf if impossible.
  double LogProb(std::string_view clean, std::string_view ocr) const { return channel_.LogProb(clean, ocr); }
  double LogProbSmooth(std::string_view clean, std::string_view ocr) const {
    return channel_.LogProbSmooth(clean, ocr);
  }
  // A quick screen before LogProbOfWord: false when reading word |id| as |ocr| is
  // implausible under the learned channel (far apart in length, or a first letter
  // it hardly ever misreads that way).
  bool Plausible(uint32_t id, std::u32string_view ocr) const {
    if (ocr.empty() || !PlausibleStart(id, ocr[0])) return false;
    const size_t a = words32_[id].size(), b = ocr.size();
    return (a > b ? a - b : b - a) <= kMaxLengthGap;
  }
  // Plausible's screen of the first letter alone: whether an OCR word starting with
  // |ocr0| may read word |id| (its first or second letter misread as |ocr0|).
  bool PlausibleStart(uint32_t id, char32_t ocr0) const {
    if (id >= words32_.size() || words32_[id].empty()) return false;
    const std::u32string& w = words32_[id];
    return channel_.SubstitutionCost(w[0], ocr0) <= kMaxFirstLetterCost ||
           (w.size() > 1 && channel_.SubstitutionCost(w[1], ocr0) <= kMaxFirstLetterCost);
  }
  // A stricter screen for words the channel reads well: the word's letters without
  // marks must be within a small edit distance of the OCR word read the way English
  // OCR usually misreads (6 -> o, 4 -> a, 1 -> l): "ddi" may be dõi, "trong" not tượng.
  bool Resembles(uint32_t id, std::string_view ocr_skeleton) const;
  // The skeleton Resembles compares against.
  static void Skeleton(std::u32string_view ocr, std::string* out);
  static constexpr size_t kMaxLengthGap = 2;
  static constexpr float kMaxFirstLetterCost = 7.0f;

  // log10 P(ocr | vocabulary word |id|), |ocr| lower-case code points.
  double LogProbOfWord(uint32_t id, std::u32string_view ocr, bool smooth,
                       double floor = -std::numeric_limits<double>::infinity()) const {
    return id < words32_.size() ? channel_.LogProb32(words32_[id], ocr, smooth, floor) : -1e9;
  }

  const OcrChannel& channel() const { return channel_; }

 private:
  ChannelIndex(OcrChannel channel, SyllableTrie trie, std::vector<std::u32string> words32,
               std::vector<std::string> skeletons)
      : channel_(std::move(channel)), trie_(std::move(trie)), words32_(std::move(words32)),
        skeletons_(std::move(skeletons)) {}
  OcrChannel channel_;
  SyllableTrie trie_;
  std::vector<std::u32string> words32_;  // vocabulary, lower-case code points
  std::vector<std::string> skeletons_;   // vocabulary, diacritic-free letters
};

}  // namespace vanban::internal

#endif  // VANBAN_MODEL_CHANNEL_INDEX_H_
