// ReadInOrder: the documents of one file read by several readers at once, handed over in
// the file's order. Restoring is most of a document's time and each document is restored
// on its own, so a file of many documents (a batch of scans saved as one text) keeps every
// core busy while its records come out as a single reader would give them.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "vanban/pipeline.h"

namespace vanban {

void ReadInOrder(std::span<const DocumentPart> parts, const std::string& source_name,
                 std::span<DocumentReader* const> readers,
                 const std::function<void(size_t index, Result<ReadResult> read)>& use) {
  if (readers.empty()) return;
  if (readers.size() == 1 || parts.size() <= 1) {
    for (size_t i = 0; i < parts.size(); ++i) use(i, readers[0]->FromText(parts[i].text, source_name, parts[i].first_line));
    return;
  }
  // Results waiting for |use|: slot k holds document |handed| + k once it is read.
  const size_t ahead = 2 * readers.size();
  std::mutex mu;
  std::condition_variable changed;
  std::deque<std::optional<Result<ReadResult>>> ready;
  size_t next = 0;    // the next document a worker takes
  size_t handed = 0;  // documents given to |use| so far
  bool stop = false;  // |use| is done (all handed over)
  auto work = [&](DocumentReader* reader) {
    std::unique_lock lock(mu);
    while (true) {
      // A worker waits while it would run too far ahead of |use|.
      changed.wait(lock, [&] { return stop || next >= parts.size() || next < handed + ahead; });
      if (stop || next >= parts.size()) return;
      const size_t i = next++;
      lock.unlock();
      Result<ReadResult> read = reader->FromText(parts[i].text, source_name, parts[i].first_line);
      lock.lock();
      if (ready.size() <= i - handed) ready.resize(i - handed + 1);
      ready[i - handed].emplace(std::move(read));
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(readers.size());
  for (DocumentReader* reader : readers) threads.emplace_back(work, reader);
  {
    std::unique_lock lock(mu);
    while (handed < parts.size()) {
      changed.wait(lock, [&] { return !ready.empty() && ready.front().has_value(); });
      Result<ReadResult> read = std::move(*ready.front());
      ready.pop_front();
      const size_t i = handed++;
      changed.notify_all();
      lock.unlock();
      use(i, std::move(read));
      lock.lock();
    }
    stop = true;
    changed.notify_all();
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace vanban
