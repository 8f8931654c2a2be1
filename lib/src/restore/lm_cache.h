// A direct-mapped cache of language-model scores, keyed by context words and the next
// word. A beam search asks for the same (context, word) pairs again and again: the
// same phrases recur through a document, and a second pass over a line repeats the
// first. A collision only costs a recomputation. 2^18 slots (10 MB) keep a fifth
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
      : m_(model), slots_(size_t{1} << log2_slots), mask_(slots_.size() - 1) {}

  // Same as ModelData::Score.
  float Score(const LmState& in, uint32_t w, LmState* out) {
    // The scores depend on the context words only (the backoffs follow from them).
    const uint64_t ctx = (uint64_t{in.words[0]} << 34) | (uint64_t{in.words[1]} << 18) |
                         (uint64_t{in.words[2]} << 2) | in.len;
    Slot& s = slots_[static_cast<size_t>(((ctx ^ (uint64_t{w} << 50)) * 0x9E3779B97F4A7C15ull) >> 40) & mask_];
    if (s.w == w + 1 && s.ctx == ctx) {
      *out = s.out;
      return s.prob;
    }
    s.prob = m_.Score(in, w, &s.out);
    s.ctx = ctx;
    s.w = w + 1;
    *out = s.out;
    return s.prob;
  }

 private:
  struct Slot {
    uint64_t ctx = 0;
    uint32_t w = 0;  // word + 1; 0 = empty
    float prob = 0;
    LmState out;
  };
  const ModelData& m_;
  std::vector<Slot> slots_;
  size_t mask_;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_LM_CACHE_H_
