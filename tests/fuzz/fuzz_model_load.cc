// Fuzz target: loading arbitrary bytes as a model returns Corruption, never crashes;
// a model that loads can be queried.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/model_data.h"
#include "model/model_parts.h"
#include "vanban/model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto m = vanban::Model::LoadFromBuffer(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!m.ok()) return 0;
  const auto& md = (*m)->parts().data();
  (void)(*m)->LogProb({"<s>", "căn", "cứ"});
  (void)md.Candidates("nghi");
  return 0;
}
