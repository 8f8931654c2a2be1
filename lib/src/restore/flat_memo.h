// A memo from 64-bit keys to small values (open addressing in one array). It starts small
// and doubles while it may, so a short text pays for a small table; past its largest size,
// when full, it forgets everything, which only costs recomputation.
// Keys are hashes: bit 0 is used to mark empty slots, so callers must not rely on it.
#ifndef VANBAN_RESTORE_FLAT_MEMO_H_
#define VANBAN_RESTORE_FLAT_MEMO_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace vanban::internal {

template <typename Value>
class FlatMemo {
 public:
  explicit FlatMemo(size_t log2_capacity = 16, size_t log2_max_capacity = 0)
      : slots_(size_t{1} << log2_capacity),
        mask_(slots_.size() - 1),
        max_slots_(size_t{1} << std::max(log2_capacity, log2_max_capacity)) {}

  // The value stored for |key|, or nullptr.
  const Value* Find(uint64_t key) const {
    key |= 1;  // 0 marks an empty slot
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }
  // Starts loading the slot Find(key) reads first: a caller that asks for many keys in a
  // row starts them all, so their loads overlap. Always inline: GCC 12 drops a call
  // whose only effect is a prefetch.
  [[gnu::always_inline]] void Prefetch(uint64_t key) const {
    __builtin_prefetch(&slots_[Home(key | 1)]);
  }
  void Put(uint64_t key, const Value& value) {
    key |= 1;
    if (used_ * 4 >= slots_.size() * 3) {
      if (slots_.size() < max_slots_) Grow();
      else Clear();
    }
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == 0) {
        slots_[i] = {key, value};
        ++used_;
        return;
      }
      if (slots_[i].key == key) {
        slots_[i].value = value;
        return;
      }
    }
  }
  // Slots held (what the memo costs: 8 bytes of key and the value each).
  size_t capacity() const { return slots_.size(); }
  void Clear() {
    if (used_ == 0) return;
    for (Slot& s : slots_) s.key = 0;
    used_ = 0;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    Value value{};
  };
  size_t Home(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask_; }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = Home(s.key);
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t mask_;
  size_t max_slots_;
  size_t used_ = 0;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_FLAT_MEMO_H_
