#include "model/channel_index.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "model/model_data.h"
#include "text/viet_chars.h"

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
  std::vector<std::string> skeletons(m.vocab_size());
  for (uint32_t id = 1; id < m.vocab_size(); ++id) {
    words32[id] = Lower(DecodeUtf8(m.Word(id)));
    Skeleton(words32[id], &skeletons[id]);
  }
  for (uint32_t id = 1; id < m.vocab_size(); ++id) {
    if (id == m.bos() || id == m.eos() || id == m.unk() || id == m.num()) continue;
    std::string_view w = m.Word(id);
    // Only the model's readings (well-formed syllables): foreign words ("church") and
    // corpus typos are not OCR readings.
    if (!KeyInto(w, &key) || !IsSyllableKey(key)) continue;
    auto readings = m.Candidates(key);
    if (std::none_of(readings.begin(), readings.end(),
                     [&](const CandidateItem& c) { return c.id == id && !(c.flags & kNameOnlyReading); }))
      continue;
    double p = std::pow(10.0, static_cast<double>(m.Score(empty, id, &ignored)));
    trie.Add(w, p * kPseudoCorpusSize);
  }
  return std::unique_ptr<ChannelIndex>(
      new ChannelIndex(std::move(*channel), std::move(trie), std::move(words32), std::move(skeletons)));
}

void ChannelIndex::Skeleton(std::u32string_view s, std::string* out) {
  out->clear();
  for (char32_t c : s) {
    char32_t f = FoldChar(c);
    switch (f) {
      case '0': case '6': case '@': case '&': case 0xA2: case 0xA9: case 0xAE: f = 'o'; break;
      case '4': case '3': f = 'a'; break;
      case '1': case '|': case '!': f = 'l'; break;
      case 'w': f = 'u'; break;
      default: break;
    }
    if (f < 0x80 && ((f >= 'a' && f <= 'z'))) out->push_back(static_cast<char>(f));
  }
}

bool ChannelIndex::Resembles(uint32_t id, std::string_view ocr) const {
  if (id >= skeletons_.size()) return false;
  std::string_view w = skeletons_[id];
  const size_t n = w.size(), m = ocr.size();
  const size_t max = std::max(n, m) >= 5 ? 2 : 1;
  if ((n > m ? n - m : m - n) > max || n > 15 || m > 15) return false;
  // Bounded Levenshtein on two short strings.
  size_t row[16], prev[16];
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= m; ++j) {
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (w[i - 1] == ocr[j - 1] ? 0 : 1)});
      best = std::min(best, row[j]);
    }
    if (best > max) return false;
    std::copy(row, row + m + 1, prev);
  }
  return prev[m] <= max;
}

}  // namespace vanban::internal
