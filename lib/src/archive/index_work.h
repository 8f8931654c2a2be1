// The worker side of IndexDocuments: what a worker thread is handed (WorkItem), what it
// hands the writer (WorkResult), and the two thread-safe hand-offs between them.
#ifndef VANBAN_ARCHIVE_INDEX_WORK_H_
#define VANBAN_ARCHIVE_INDEX_WORK_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <istream>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "vanban/archive.h"
#include "vanban/pipeline.h"

namespace vanban::internal {

// A record carries its document's text and what parse read in it: the largest record
// line imported is this many times the largest input file (IndexOptions::max_input_bytes).
inline constexpr uint64_t kRecordBytesPerInputByte = 8;

// A file to index, or a record to import (line_no > 0).
struct WorkItem {
  std::string path;
  std::string line;
  size_t line_no = 0;
  bool too_long = false;  // a record line past WorkSource's limit: |line| holds only its start
};

struct WorkResult {
  std::string path;
  std::string sha256;
  int64_t size = 0;
  bool unchanged = false;
  bool busy = false;     // another process holds the claim: try again later
  bool claimed = false;  // this process holds the claim until the document is committed
  bool fatal = false;    // |error| is the archive's, not the document's: stop
  Status error;
  std::optional<ReadResult> read;
  // Prepared by the worker, off the writer thread.
  std::string record_json, text_key, subject_key;
  double read_seconds = 0;
  double record_cpu_seconds = 0;
};

// What every worker reads while preparing items.
struct PrepareContext {
  std::string records_name;  // the records stream, as messages name it
  const std::unordered_map<std::string, std::string>* known = nullptr;  // path -> stored sha256
  uint64_t max_bytes = 0;    // largest input file; 0: any size
  Archive* claims = nullptr;  // the shared archive to claim documents in; null with a single writer
};

// One file or record, on a worker thread: everything but the database write (read, hash,
// skip unchanged, claim, restore and parse with |reader|, the record and search keys).
WorkResult Prepare(const WorkItem& item, const PrepareContext& context, DocumentReader& reader);

// Hands out the work to the worker threads: the files, or the records of a JSON Lines
// stream, then the items put aside because another process held them.
class WorkSource {
 public:
  // A record line is kept up to |max_line_bytes| (0: any length); reading one stops when
  // |cancel| is set.
  WorkSource(const std::vector<std::string>* files, std::istream* records, uint64_t max_line_bytes,
             const std::atomic<bool>* cancel)
      : files_(files), records_(records), max_line_bytes_(max_line_bytes), cancel_(cancel) {}
  std::optional<WorkItem> Next();
  void PutAside(WorkItem item);
  std::optional<WorkItem> TakeAside();

 private:
  std::mutex mu_;
  const std::vector<std::string>* files_;
  std::istream* records_;
  uint64_t max_line_bytes_;
  const std::atomic<bool>* cancel_;
  size_t next_file_ = 0, line_no_ = 0;
  std::deque<WorkItem> aside_;
};

// Bounded hand-off from the workers to the writer.
class ResultQueue {
 public:
  explicit ResultQueue(size_t capacity) : capacity_(capacity) {}
  void Push(WorkResult r);
  // Empty optional once every producer is done and the queue is drained, or on timeout.
  std::optional<WorkResult> Pop(double timeout_seconds);
  bool finished();
  void SetProducers(int n);
  void ProducerDone();

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<WorkResult> items_;
  size_t capacity_;
  int producers_ = 0;
};

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_INDEX_WORK_H_
