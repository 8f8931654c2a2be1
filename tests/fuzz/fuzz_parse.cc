// Fuzz target: ParseDocument on arbitrary bytes (as source, and split in two as source +
// restored text) must never crash, and its JSON must always serialise.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vanban/document.h"
#include "vanban/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = vanban::ParseDocument(text, {});
  if (doc.ok()) (void)vanban::DocumentToJson(*doc);
  // Second half as a "restored" version of the first half.
  size_t half = size / 2;
  vanban::ParseOptions options;
  options.restored_text = text.substr(half);
  auto doc2 = vanban::ParseDocument(text.substr(0, half), options);
  if (doc2.ok()) (void)vanban::DocumentToJson(*doc2, {2, {"header", "tasks"}});
  return 0;
}
