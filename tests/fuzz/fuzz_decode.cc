// Fuzzes decoding: for any bytes, lossy Decode must succeed and give text the parser
// accepts as UTF-8. Any broken invariant aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "text/utf8.h"
#include "vanban/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vanban::DecodeOptions options;
  options.lossy = true;
  const vanban::Result<vanban::DecodedText> decoded = vanban::Decode(bytes, options);
  if (!decoded.ok()) {
    std::fprintf(stderr, "fuzz_decode: lossy Decode failed: %s\n", decoded.status().ToString().c_str());
    std::abort();
  }
  if (vanban::internal::FirstInvalidUtf8(decoded.value().text) != std::string_view::npos) {
    std::fprintf(stderr, "fuzz_decode: lossy Decode gave invalid UTF-8\n");
    std::abort();
  }
  return 0;
}
