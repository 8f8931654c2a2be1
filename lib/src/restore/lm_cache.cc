#include "restore/lm_cache.h"

#include <new>

#include <sys/mman.h>

namespace vanban::internal {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;

}  // namespace

LmCache::LmCache(const ModelData& model, int log2_slots) : m_(model), mask_((size_t{1} << log2_slots) - 1) {
  const size_t bytes = (mask_ + 1) * sizeof(Slot);
  // A huge page must start on a 2 MiB boundary: map one more and start at the first.
  mapping_size_ = bytes >= kHugePage ? bytes + kHugePage : bytes;
  mapping_ = mmap(nullptr, mapping_size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) {
    mapping_ = nullptr;
    throw std::bad_alloc();
  }
  auto start = reinterpret_cast<uintptr_t>(mapping_);
  if (bytes >= kHugePage) {
    start = (start + kHugePage - 1) & ~(kHugePage - 1);
#ifdef MADV_HUGEPAGE
    madvise(reinterpret_cast<void*>(start), bytes, MADV_HUGEPAGE);  // a hint: without it, small pages
#endif
  }
  // Anonymous memory reads as zeros: every slot empty (w = 0), as Slot's initialisers say.
  slots_ = reinterpret_cast<Slot*>(start);
}

LmCache::~LmCache() {
  if (mapping_ != nullptr) munmap(mapping_, mapping_size_);
}

}  // namespace vanban::internal
