// A direct-mapped cache of language-model scores, keyed by context words and the next
// word. A beam search asks for the same (context, word) pairs again and again: the
// same phrases recur through a document, and a second pass over a line repeats the
// first. A collision only costs a recomputation. 2^18 slots (12 MB) keep a fifth
// more of a document's lookups than 2^16 without costing short texts.
#ifndef VANBAN_RESTORE_LM_CACHE_H_
#define VANBAN_RESTORE_LM_CACHE_H_

#include <cstdint>
#include <vector>

#include "model/model_data.h"

namespace vanban::internal {

class LmCache {
 public:
  explicit LmCache(const ModelData& model, int log2_slots = 18)
      : m_(model), slots_(size_t{1} << log2_slots), shift_(64 - log2_slots) {}

  // Same as ModelData::Score.
  float Score(const LmState& in, uint32_t w, LmState* out) {
    // The scores depend on the context words only (the backoffs follow from them):
    // the four 16-bit words fill the context key, the length goes with the word.
    const uint64_t ctx = in.PackedWords();
    const uint32_t tag = (uint32_t{in.len} << 17) | (w + 1);
    Slot& s = slots_[static_cast<size_t>(((ctx + (uint64_t{tag} << 20)) * 0x9E3779B97F4A7C15ull) >> shift_)];
    if (s.tag == tag && s.ctx == ctx) {
      *out = s.out;
      return s.prob;
    }
    s.prob = m_.Score(in, w, &s.out);
    s.ctx = ctx;
    s.tag = tag;
    *out = s.out;
    return s.prob;
  }

 private:
  struct Slot {
    uint64_t ctx = 0;
    uint32_t tag = 0;  // context length << 17 | (word + 1); 0 = empty
    float prob = 0;
    LmState out;
  };
  const ModelData& m_;
  std::vector<Slot> slots_;
  int shift_;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_LM_CACHE_H_
