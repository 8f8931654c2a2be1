// Lines read as they come, each kept up to a limit (archive/line_reader.h): the query
// lines of `search --queries` and the records of `index --from-jsonl`.
#include <doctest/doctest.h>

#include <atomic>
#include <sstream>
#include <string>
#include <vector>

#include "archive/line_reader.h"

namespace vanban::internal {
namespace {

struct Line {
  std::string text;
  bool too_long;
};

std::vector<Line> ReadAll(const std::string& input, size_t limit) {
  std::istringstream in(input);
  std::vector<Line> lines;
  std::string line;
  bool too_long = false;
  while (ReadBoundedLine(in, limit, &line, &too_long)) lines.push_back({line, too_long});
  CHECK_FALSE(in.bad());
  return lines;
}

TEST_CASE("bounded lines: newlines, blank lines and a last line without its newline") {
  auto lines = ReadAll("a\n\nbc\nlast", 100);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].text == "a");
  CHECK(lines[1].text.empty());
  CHECK(lines[2].text == "bc");
  CHECK(lines[3].text == "last");
  for (const Line& l : lines) CHECK_FALSE(l.too_long);
  CHECK(ReadAll("", 100).empty());
  CHECK(ReadAll("x\n", 100).size() == 1);
}

TEST_CASE("bounded lines: a longer line keeps its start, the rest is dropped, the next line is whole") {
  // Lengths around the reader's 64 KiB chunk, where a line ends on a chunk's last byte.
  for (size_t n : {size_t{10}, size_t{65534}, size_t{65535}, size_t{65536}, size_t{200000}}) {
    CAPTURE(n);
    const std::string big(n, 'x');
    auto kept = ReadAll(big + "\nnext\n", n);
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].text == big);
    CHECK_FALSE(kept[0].too_long);
    auto cut = ReadAll(big + "\nnext\n", n - 1);
    REQUIRE(cut.size() == 2);
    CHECK(cut[0].text == big.substr(0, n - 1));
    CHECK(cut[0].too_long);
    CHECK(cut[1].text == "next");
    CHECK_FALSE(cut[1].too_long);
  }
}

TEST_CASE("bounded lines: a stop asked for ends a long line's reading") {
  std::istringstream in(std::string(8 << 20, 'x'));
  std::atomic<bool> stop{true};
  std::string line;
  bool too_long = false;
  CHECK_FALSE(ReadBoundedLine(in, 100, &line, &too_long, &stop));
  CHECK(line.size() == 100);
}

}  // namespace
}  // namespace vanban::internal
