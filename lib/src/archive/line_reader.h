// Lines of a stream read as they come (a pipe another program keeps open), each kept up
// to a limit: the rest of a longer line is read past and dropped, so a stream without
// newlines (a binary file, /dev/zero through a pipe) takes bounded memory.
#ifndef VANBAN_ARCHIVE_LINE_READER_H_
#define VANBAN_ARCHIVE_LINE_READER_H_

#include <atomic>
#include <cstddef>
#include <istream>
#include <string>

namespace vanban::internal {

// Reads the next line of |in| into |*line| without its newline, keeping at most |limit|
// bytes; |*too_long| says more were dropped. |stop|, when given, is polled every MiB of a
// line. False at the end of |in| with nothing read, or once |stop| is set.
bool ReadBoundedLine(std::istream& in, size_t limit, std::string* line, bool* too_long,
                     const std::atomic<bool>* stop = nullptr);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_LINE_READER_H_
