// Fuzzes the lines of `search --queries`: any bytes are read as bounded lines and each
// line as a query (plain words or a JSON object with its own filters). A line keeps at
// most its limit; a line is read into a query or refused as an invalid argument, never
// anything else, and a query read passes the checks a search makes first.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "archive/line_reader.h"
#include "vanban/archive.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  constexpr size_t kLimit = 256;
  std::string line;
  bool too_long = false;
  vanban::SearchQuery defaults;
  defaults.type = "KH";
  while (vanban::internal::ReadBoundedLine(in, kLimit, &line, &too_long)) {
    if (line.size() > kLimit) {
      std::fprintf(stderr, "fuzz_query_lines: a line of %zu bytes kept past the limit\n", line.size());
      std::abort();
    }
    auto q = vanban::ParseQueryLine(line, defaults);
    if (!q.ok()) {
      if (q.status().code() != vanban::StatusCode::kInvalidArgument) {
        std::fprintf(stderr, "fuzz_query_lines: refused as %s\n", q.status().ToString().c_str());
        std::abort();
      }
      continue;
    }
    std::string field;
    if (!vanban::CheckSearchQuery(*q, /*text_given=*/false, &field).ok()) {
      std::fprintf(stderr, "fuzz_query_lines: a query read fails the search's checks (%s)\n", field.c_str());
      std::abort();
    }
  }
  return 0;
}
