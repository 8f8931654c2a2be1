// The restorer's fixed-size memo (restore/flat_memo.h): it grows before it forgets.
#include <doctest/doctest.h>

#include <cstdint>

#include "restore/flat_memo.h"

TEST_CASE("restore: the memo of channel scores grows to its largest size before it forgets") {
  vanban::internal::FlatMemo<int> memo(4, 6);  // 16 slots, growing to 64
  // Three quarters of 64: every key stays, through two doublings.
  for (uint64_t k = 1; k <= 48; ++k) memo.Put(k * 0x10001, static_cast<int>(k));
  for (uint64_t k = 1; k <= 48; ++k) {
    const int* v = memo.Find(k * 0x10001);
    REQUIRE(v != nullptr);
    CHECK(*v == static_cast<int>(k));
  }
  CHECK(memo.Find(49 * 0x10001) == nullptr);
  // Full at its largest size: it starts again with the new key.
  memo.Put(49 * 0x10001, 49);
  CHECK(memo.Find(1 * 0x10001) == nullptr);
  REQUIRE(memo.Find(49 * 0x10001) != nullptr);
  CHECK(*memo.Find(49 * 0x10001) == 49);
}
