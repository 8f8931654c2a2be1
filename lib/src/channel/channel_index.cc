#include "channel/channel_index.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "model/model_data.h"
#include "model/viet_chars.h"

namespace vanban::internal {

// Unigram probabilities become pseudo-counts for the trie's prior (only ratios matter).
constexpr double kPseudoCorpusSize = 1e8;

Result<std::unique_ptr<ChannelIndex>> ChannelIndex::Build(const ModelData& m, std::string_view table) {
  auto channel = OcrChannel::Load(table);
  if (!channel.ok()) return channel.status();
  SyllableTrie trie;
  LmState empty, ignored;  // no context: unigram probabilities
  std::string key;
  std::vector<std::u32string> words32(m.vocab_size());
  for (uint32_t id = 1; id < m.vocab_size(); ++id) words32[id] = Lower(DecodeUtf8(m.Word(id)));
  for (uint32_t id = 1; id < m.vocab_size(); ++id) {
    if (id == m.bos() || id == m.eos() || id == m.unk() || id == m.num()) continue;
    std::string_view w = m.Word(id);
    // Only the model's readings (well-formed syllables): foreign words ("church") and
    // corpus typos are not OCR readings.
    if (!KeyInto(w, &key) || !IsSyllableKey(key)) continue;
    auto readings = m.Candidates(key);
    if (std::none_of(readings.begin(), readings.end(), [&](const CandidateItem& c) { return c.id == id; })) continue;
    double p = std::pow(10.0, static_cast<double>(m.Score(empty, id, &ignored)));
    trie.Add(w, p * kPseudoCorpusSize);
  }
  return std::unique_ptr<ChannelIndex>(new ChannelIndex(std::move(*channel), std::move(trie), std::move(words32)));
}

}  // namespace vanban::internal
