#include "vanban/ocr_channel.h"

#include <cmath>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "channel/ocr_channel.h"
#include "channel/syllable_trie.h"
#include "model/model_data.h"
#include "model/viet_chars.h"

namespace vanban {
namespace {

// Unigram probabilities become pseudo-counts for the trie's prior (only ratios matter).
constexpr double kPseudoCorpusSize = 1e8;

class OcrChannelSource final : public CandidateSource {
 public:
  OcrChannelSource(std::shared_ptr<const Model> model, OcrChannel channel,
                   internal::SyllableTrie trie, const OcrChannelSourceOptions& options)
      : model_(std::move(model)),
        channel_(std::move(channel)),
        trie_(std::move(trie)),
        options_(options) {}

  void Candidates(std::string_view token, std::vector<ChannelCandidate>* out) const override {
    if (options_.cache_entries > 0) {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = cache_.find(std::string(token));
      if (it != cache_.end()) {
        out->insert(out->end(), it->second.begin(), it->second.end());
        return;
      }
    }
    std::vector<OcrChannel::Candidate> found;
    channel_.Candidates(token, trie_, options_.max_candidates, &found, options_.prior_weight);
    std::vector<ChannelCandidate> result;
    result.reserve(found.size());
    for (auto& [text, log_prob] : found) result.push_back({std::move(text), log_prob});
    out->insert(out->end(), result.begin(), result.end());
    if (options_.cache_entries > 0) {
      std::lock_guard<std::mutex> lock(mu_);
      if (cache_.size() >= options_.cache_entries) cache_.clear();
      cache_.emplace(std::string(token), std::move(result));
    }
  }

 private:
  std::shared_ptr<const Model> model_;  // keeps the vocabulary the trie was built from
  OcrChannel channel_;
  internal::SyllableTrie trie_;
  OcrChannelSourceOptions options_;
  mutable std::mutex mu_;
  mutable std::unordered_map<std::string, std::vector<ChannelCandidate>> cache_;
};

}  // namespace

Result<std::unique_ptr<CandidateSource>> MakeOcrChannelSource(
    std::shared_ptr<const Model> model, std::string_view channel_tsv,
    const OcrChannelSourceOptions& options) {
  if (model == nullptr) return Status::InvalidArgument("OCR channel source: no model");
  auto channel = OcrChannel::Load(channel_tsv);
  if (!channel.ok()) return channel.status();
  const internal::ModelData& m = model->data();
  internal::SyllableTrie trie;
  internal::LmState empty;  // no context: unigram probabilities
  internal::LmState ignored;
  std::string key;
  for (uint32_t id = 1; id < m.vocab_size(); ++id) {
    if (id == m.bos() || id == m.eos() || id == m.unk() || id == m.num()) continue;
    std::string_view w = m.Word(id);
    // Only Vietnamese-shaped syllables: foreign words ("church") are not OCR readings.
    if (!internal::KeyInto(w, &key) || !internal::IsSyllableKey(key)) continue;
    double p = std::pow(10.0, static_cast<double>(m.Score(empty, id, &ignored)));
    trie.Add(w, p * kPseudoCorpusSize);
  }
  return std::unique_ptr<CandidateSource>(
      new OcrChannelSource(std::move(model), std::move(*channel), std::move(trie), options));
}

}  // namespace vanban
