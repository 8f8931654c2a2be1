// A direct-mapped cache of language-model scores, keyed by context words and the next
// word. A beam search asks for the same (context, word) pairs again and again: the
// same phrases recur through a document, and a second pass over a line repeats the
// first. A collision only costs a recomputation. 2^18 slots (10 MB) keep a fifth
// more of a document's lookups than 2^16 without costing short texts.
#ifndef VANBAN_RESTORE_LM_CACHE_H_
#define VANBAN_RESTORE_LM_CACHE_H_

#include <cstddef>
#include <cstdint>

#include "model/model_data.h"

namespace vanban::internal {

class LmCache {
 public:
  explicit LmCache(const ModelData& model, int log2_slots = 18);
  ~LmCache();
  LmCache(const LmCache&) = delete;
  LmCache& operator=(const LmCache&) = delete;

  // Same as ModelData::Score.
  float Score(const LmState& in, uint32_t w, LmState* out) {
    const uint64_t ctx = Context(in);
    Slot& s = slots_[SlotOf(ctx, w)];
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

  // Starts loading the slot Score(in, w) will read. The table is far larger than the
  // second-level cache and a look-up is a load the search then waits on; a search that
  // knows its next look-ups asks for them together, so the loads overlap.
  // Always inline: as a call GCC 12's mod-ref analysis takes it for one without effects
  // and drops it.
  [[gnu::always_inline]] void Prefetch(const LmState& in, uint32_t w) const {
    const Slot* s = &slots_[SlotOf(Context(in), w)];
    __builtin_prefetch(s);
    // Slots are 40 bytes: every other one ends in the next cache line.
    __builtin_prefetch(reinterpret_cast<const char*>(s + 1) - 1);
  }
  // Once the slot has arrived (after Prefetch): where it does not hold the score, starts
  // loading what the model's Score will read.
  [[gnu::always_inline]] void PrefetchMiss(const LmState& in, uint32_t w) const {
    const uint64_t ctx = Context(in);
    const Slot& s = slots_[SlotOf(ctx, w)];
    if (s.w != w + 1 || s.ctx != ctx) m_.Prefetch(in, w);
  }

 private:
  // The scores depend on the context words only (the backoffs follow from them).
  static uint64_t Context(const LmState& in) {
    return (uint64_t{in.words[0]} << 34) | (uint64_t{in.words[1]} << 18) |
           (uint64_t{in.words[2]} << 2) | in.len;
  }
  size_t SlotOf(uint64_t ctx, uint32_t w) const {
    return static_cast<size_t>(((ctx ^ (uint64_t{w} << 50)) * 0x9E3779B97F4A7C15ull) >> 40) & mask_;
  }
  struct Slot {
    uint64_t ctx = 0;
    uint32_t w = 0;  // word + 1; 0 = empty
    float prob = 0;
    LmState out;
  };
  const ModelData& m_;
  // The slots live in a mapping of their own, on 2 MiB pages where the system gives them
  // (transparent huge pages on request): on 4 KiB pages the 10 MB are 2,560 pages, more
  // than the TLB holds, so a look-up that missed the cache missed the TLB as well.
  Slot* slots_ = nullptr;
  void* mapping_ = nullptr;
  size_t mapping_size_ = 0;
  size_t mask_;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_LM_CACHE_H_
