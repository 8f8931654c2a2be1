// Read-only view of a validated vanban.model (mapped or copied), with the
// lookups the restorer needs. Immutable after Open; safe to share between threads.
#ifndef VANBAN_MODEL_MODEL_DATA_H_
#define VANBAN_MODEL_MODEL_DATA_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model_format.h"
#include "vanban/status.h"

namespace vanban::internal {

// Language-model state: up to three preceding words (oldest first) and the
// backoff of each context suffix (bo[k] = backoff of the newest k+1 words).
struct LmState {
  uint16_t words[3] = {0, 0, 0};
  float bo[3] = {0, 0, 0};
  uint8_t len = 0;
  bool SameWords(const LmState& o) const {
    return len == o.len && words[0] == o.words[0] && words[1] == o.words[1] && words[2] == o.words[2];
  }
};

class ModelData {
 public:
  static Result<std::unique_ptr<ModelData>> Open(const std::string& path);
  static Result<std::unique_ptr<ModelData>> FromBuffer(std::string_view bytes);
  ~ModelData();
  ModelData(const ModelData&) = delete;
  ModelData& operator=(const ModelData&) = delete;

  int order() const { return static_cast<int>(header_->order); }
  uint32_t vocab_size() const { return header_->vocab_size; }
  uint32_t bos() const { return header_->bos; }
  uint32_t eos() const { return header_->eos; }
  uint32_t unk() const { return header_->unk; }
  uint32_t num() const { return header_->num; }
  size_t file_size() const { return size_; }
  uint64_t ngram_count(int n) const;

  std::string_view Word(uint32_t id) const {
    return std::string_view(strings_ + offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  // Id of a vocabulary string, or unk().
  uint32_t WordId(std::string_view w) const {
    auto it = word_ids_.find(w);
    return it == word_ids_.end() ? unk() : it->second;
  }
  // Syllables whose diacritic-free lower-case form is |key|, most frequent first.
  std::span<const CandidateItem> Candidates(std::string_view key) const;
  // Upper-case form of a symbol part ("hdnd" -> "HĐND") and how often the corpus has
  // it; nullptr if unknown.
  struct SymbolPartEntry {
    std::string_view form;
    uint64_t count;
  };
  const SymbolPartEntry* SymbolPart(std::string_view key) const {
    auto it = symbol_parts_.find(key);
    return it == symbol_parts_.end() ? nullptr : &it->second;
  }

  // Text of the OCR channel table stored in the model (empty if it has none).
  std::string_view ChannelTable() const { return channel_table_; }
  // Text of the confidence calibration (dictionaries/confidence.tsv; may be empty).
  std::string_view ConfidenceTable() const { return confidence_table_; }

  // The 2025 communes, their provinces and the old units each absorbed, keyed by the
  // commune (model/place_merges.h; empty if the model has none).
  std::string_view PlaceMergesTable() const { return place_merges_; }

  // Readings most likely after / before |w| (kNeighbours each, 0-padded).
  std::span<const uint16_t> Successors(uint32_t w) const {
    return neighbours_ == nullptr || w >= vocab_size() ? std::span<const uint16_t>()
                                                        : std::span<const uint16_t>(neighbours_ + w * 2 * kNeighbours, kNeighbours);
  }
  std::span<const uint16_t> Predecessors(uint32_t w) const {
    return neighbours_ == nullptr || w >= vocab_size()
               ? std::span<const uint16_t>()
               : std::span<const uint16_t>(neighbours_ + w * 2 * kNeighbours + kNeighbours, kNeighbours);
  }

  // Names as pairs of syllables in a row, of places (the gazetteer) and of people
  // (surname and given name): the pairs that start with |w| / end with |w|, and whether
  // (a, b) is one.
  struct NamePairs {
    std::span<const NamePair> by_first, by_second;
    // Where each word's run starts in by_first / by_second (vocab_size + 1 entries),
    // built at load: the search asks Has for every extension in a name's context, and
    // bisecting 10^5 pairs missed the caches on each ask.
    std::vector<uint32_t> first_runs, second_runs;
    std::span<const NamePair> After(uint32_t w) const;
    std::span<const NamePair> Before(uint32_t w) const;
    bool Has(uint32_t a, uint32_t b) const;
  };
  const NamePairs& places() const { return places_; }
  const NamePairs& people() const { return people_; }
  // Pairs of a rarer surname (Sầm, Tào, Lô) and a given name's first syllable: a name only
  // where a person's name stands (a signer's line, after "đồng chí"), for elsewhere they
  // are common words ("TIỀN LƯƠNG" is no Tiên Lương).
  const NamePairs& rare_people() const { return rare_people_; }
  // Word |w| is a surname (dictionaries/surnames.txt: Nguyễn, Đặng, Sầm).
  bool IsSurname(uint32_t w) const { return std::binary_search(surnames_.begin(), surnames_.end(), w); }
  bool IsPlacePair(uint32_t a, uint32_t b) const { return places_.Has(a, b); }
  // A pair of a place's or a person's name.
  bool IsNamePair(uint32_t a, uint32_t b) const { return places_.Has(a, b) || people_.Has(a, b); }

  // log10 P(w) without context.
  float UnigramLogProb(uint32_t w) const { return unigrams_[w < vocab_size() ? w : unk()].logprob; }

  // The begin-of-sentence state.
  LmState BeginState() const;
  // log10 P(w | in) and the state after w.
  float Score(const LmState& in, uint32_t w, LmState* out) const;
  // Starts loading the n-gram buckets Score(in, w) reads first (Score starts them
  // itself): a search that knows several look-ups ahead overlaps their waits on memory
  // instead of queueing them.
  // Always inline: as a call GCC 12's mod-ref analysis takes it for one without
  // effects and drops it.
  [[gnu::always_inline]] void Prefetch(const LmState& in, uint32_t w) const {
    if (w == 0 || w >= vocab_size()) w = unk();
    uint64_t key = w;
    for (int k = 1; k <= in.len; ++k) {
      key |= static_cast<uint64_t>(in.words[in.len - k]) << (kBitsPerWord * k);
      const Table& t = tables_[k + 1];
      if (t.buckets != 0) __builtin_prefetch(t.entries + HomeBucket(MixKey(key), t.buckets));
    }
  }

 private:
  ModelData() = default;
  Status Validate();

  // Owner of the bytes: either a mapping or a heap copy.
  void* map_ = nullptr;
  std::unique_ptr<uint64_t[]> copy_;
  const unsigned char* base_ = nullptr;
  size_t size_ = 0;

  const FileHeader* header_ = nullptr;
  const uint32_t* offsets_ = nullptr;
  const char* strings_ = nullptr;
  const UnigramEntry* unigrams_ = nullptr;
  struct Table {
    const NgramEntry* entries = nullptr;
    uint64_t buckets = 0;
    uint64_t count = 0;
  };
  Table tables_[kMaxOrder + 1];  // index = order (2..4)
  const CandidateRef* cand_refs_ = nullptr;
  uint64_t cand_buckets_ = 0;
  const CandidateItem* cand_items_ = nullptr;
  std::unordered_map<std::string_view, uint32_t> word_ids_;
  std::unordered_map<std::string_view, SymbolPartEntry> symbol_parts_;
  std::string_view channel_table_;
  std::string_view confidence_table_;
  std::string_view place_merges_;
  const uint16_t* neighbours_ = nullptr;
  NamePairs places_, people_, rare_people_;
  std::span<const uint32_t> surnames_;  // sorted
};

}  // namespace vanban::internal

#endif  // VANBAN_MODEL_MODEL_DATA_H_
