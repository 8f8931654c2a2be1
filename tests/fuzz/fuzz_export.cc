// Fuzz target: parse, then export as HTML, Markdown and the outline, on arbitrary bytes and
// on the same bytes repeated: the first byte picks how often (up to 4,081 times, at most
// 1 MB in all), so that short inputs reach long lines and thousands of sections with the
// same numbering ("Điều 1." x 1,000, "1.1.1.1." nested deep). Never a crash; a repeated
// input must not take more than libFuzzer's -timeout either (time linear in the input).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vanban/export.h"
#include "vanban/parse.h"

namespace {

void ParseAndExport(std::string_view text) {
  auto doc = vanban::ParseDocument(text, {});
  if (!doc.ok()) return;
  (void)vanban::DocumentToHtml(*doc);
  (void)vanban::DocumentToMarkdown(*doc);
  (void)vanban::DocumentOutline(*doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  ParseAndExport(text);
  if (text.empty()) return 0;
  size_t times = std::min<size_t>(size_t{1} + data[0] * size_t{16}, (size_t{1} << 20) / text.size());
  if (times < 2) return 0;
  std::string repeated;
  repeated.reserve(text.size() * times);
  for (size_t i = 0; i < times; ++i) repeated.append(text);
  ParseAndExport(repeated);
  return 0;
}
