#include "archive/line_reader.h"

#include <algorithm>

namespace vanban::internal {

bool ReadBoundedLine(std::istream& in, size_t limit, std::string* line, bool* too_long,
                     const std::atomic<bool>* stop) {
  line->clear();
  *too_long = false;
  // getline into a buffer scans the stream's own buffer for the newline, as
  // std::getline does; a chunk that fills the buffer sets failbit, cleared to go on.
  char buf[1 << 16];
  constexpr std::streamsize kChunk = sizeof buf;
  bool any = false;
  for (size_t chunks = 1;; ++chunks) {
    in.getline(buf, kChunk);
    const auto got = static_cast<size_t>(in.gcount());
    const bool full = in.fail() && !in.eof() && in.gcount() == kChunk - 1;
    const bool newline = !in.fail() && !in.eof();
    const size_t text = newline ? got - 1 : got;  // gcount counts the newline it took
    any = any || got > 0;
    const size_t room = limit - std::min(limit, line->size());
    line->append(buf, std::min(text, room));
    if (text > room) *too_long = true;
    if (!full) return any;
    in.clear();
    if (stop != nullptr && chunks % 16 == 0 && stop->load(std::memory_order_relaxed)) return false;
  }
}

}  // namespace vanban::internal
