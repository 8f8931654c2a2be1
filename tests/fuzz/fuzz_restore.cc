// Fuzz target: the restorer must never crash and must keep every byte it does not restore.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <unistd.h>
#include <filesystem>
#include <string>
#include <string_view>

#include "vanban/model.h"
#include "vanban/restore.h"

namespace {

std::shared_ptr<const vanban::Model> FixtureModel() {
  static const std::shared_ptr<const vanban::Model> model = [] {
    // The fixture dictionaries (tests/data/model); an absolute path from the build, since
    // __FILE__ may be relative (compiler caches rewrite it).
    std::string dir = std::string(VANBAN_TESTS_DIR) + "/data/model";
    std::string path = "/tmp/vanban_fuzz_restore_fixture." + std::to_string(getpid()) + ".model";
    if (!vanban::BuildModel(dir, path).ok()) __builtin_trap();
    auto m = vanban::Model::Load(path);
    std::remove(path.c_str());  // mapped or copied: the file is no longer needed
    if (!m.ok()) __builtin_trap();
    return *m;
  }();
  return model;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto model = FixtureModel();
  vanban::RestoreOptions o;
  o.confidence = size % 2 == 0;
  o.ocr = size % 3 != 0;
  vanban::Restorer r(model, o);
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto res = r.Restore(in);
  for (const auto& t : res.tokens) {
    if (t.end > in.size() || t.out_end > res.text.size() || t.begin > t.end) __builtin_trap();
  }
  return 0;
}
