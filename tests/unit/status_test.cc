#include "vanban/status.h"

#include <doctest/doctest.h>

#include <string>

namespace vanban {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd: " + std::to_string(x));
  return x / 2;
}

Status Chain(int x, int* out) {
  auto r = Half(x);
  if (!r.ok()) return r.status();
  *out = *r;
  return Status::Ok();
}

TEST_CASE("Result carries a value or an error") {
  auto ok = Half(8);
  REQUIRE(ok.ok());
  CHECK(ok.value() == 4);
  CHECK(ok.status().ok());

  auto bad = Half(3);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().ToString() == "Invalid argument: odd: 3");
}

TEST_CASE("errors propagate through callers") {
  int out = 0;
  CHECK(Chain(10, &out).ok());
  CHECK(out == 5);
  Status st = Chain(7, &out);
  CHECK(st.code() == StatusCode::kInvalidArgument);
  CHECK(Status::Corruption("x").ToString() == "Corruption: x");
}

}  // namespace
}  // namespace vanban
