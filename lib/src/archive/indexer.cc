// IndexDocuments: parallel, incremental batch indexing into the archive.
// Workers (one Ingester each) read, hash, restore, parse and serialise; the calling thread
// is this process's only writer and commits in batches, so a killed run loses at most one
// open batch. On a shared archive (PostgreSQL) other processes index too: a worker claims
// each document before the work (Archive::Claim); a document another process holds is
// put aside and tried again at the end, so it is taken over if that process dies.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include "archive/record_import.h"
#include "vanban/archive.h"
#include "vanban/document.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A file to index, or a record to import (line_no > 0).
struct WorkItem {
  std::string path;
  std::string line;
  size_t line_no = 0;
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
  std::optional<IngestedDocument> ingested;
  // Prepared by the worker, off the writer thread.
  std::string record_json, text_key, subject_key;
  double read_seconds = 0;
  double record_cpu_seconds = 0;
};

// Bounded hand-off from the workers to the writer.
class ResultQueue {
 public:
  explicit ResultQueue(size_t capacity) : capacity_(capacity) {}
  void Push(WorkResult r) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(r));
    not_empty_.notify_one();
  }
  // Empty optional once every producer is done and the queue is drained.
  std::optional<WorkResult> Pop(double timeout_seconds) {
    std::unique_lock lock(mu_);
    not_empty_.wait_for(lock, std::chrono::duration<double>(timeout_seconds),
                        [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return std::nullopt;
    WorkResult r = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return r;
  }
  bool finished() {
    std::lock_guard lock(mu_);
    return items_.empty() && producers_ == 0;
  }
  void SetProducers(int n) {
    std::lock_guard lock(mu_);
    producers_ = n;
  }
  void ProducerDone() {
    std::lock_guard lock(mu_);
    --producers_;
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<WorkResult> items_;
  size_t capacity_;
  int producers_ = 0;
};

std::string SizeText(uint64_t bytes) {
  if (bytes < (uint64_t{1} << 20)) return std::to_string(bytes) + " bytes";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

Status TooLarge(uint64_t size, uint64_t max_bytes) {
  return Status::Unsupported("file of " + SizeText(size) + " is over the limit of " + SizeText(max_bytes) +
                             " per input; skipped");
}

// Reads a regular file of at most |max_bytes| (0: any size). Opened without blocking and
// checked on the open descriptor, so a FIFO is refused instead of waiting for a writer, a
// device such as /dev/zero is never read, and a file that grows while read stops at the cap.
Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? Status::NotFound("cannot open file") : Status::IOError(std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Status::IOError(std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Status::IOError("is a directory, not a file");
  if (!S_ISREG(st.st_mode)) {
    const char* kind = S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode) ? "a socket"
                     : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" : "a special file";
    return Status::Unsupported(std::string("not a regular file (") + kind + "); only regular files are indexed");
  }
  uint64_t size = static_cast<uint64_t>(st.st_size);
  if (max_bytes > 0 && size > max_bytes) return TooLarge(size, max_bytes);
  std::string bytes;
  bytes.reserve(size);
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IOError(std::string("read error: ") + std::strerror(errno));
    if (n == 0) break;
    if (max_bytes > 0 && bytes.size() + static_cast<size_t>(n) > max_bytes) {
      return TooLarge(bytes.size() + static_cast<size_t>(n), max_bytes);
    }
    bytes.append(buf, static_cast<size_t>(n));
  }
  return bytes;
}

// The document of |item|: a file read, restored and parsed, or a record read back.
struct Source {
  std::string bytes;                    // what the content hash covers
  std::optional<IngestedDocument> doc;  // records: already there; files: after ingesting
};

// One file or record, on a worker thread: everything but the database write. |claims|:
// the shared archive to claim documents in (PostgreSQL); null with a single writer.
WorkResult Prepare(const WorkItem& item, const std::string& records_name,
                   const std::unordered_map<std::string, std::string>& known, uint64_t max_bytes,
                   Ingester& ingester, Archive* claims) {
  WorkResult r;
  r.path = item.line_no > 0 ? records_name : item.path;
  auto t0 = Clock::now();
  Source source;
  if (item.line_no > 0) {
    auto record = internal::RecordFromJsonLine(item.line);
    if (!record.ok()) {
      r.error = Status(record.status().code(), std::to_string(item.line_no) + ": " + record.status().message());
      return r;
    }
    r.path = record->doc.source.path;
    source.bytes = std::move(record->record);
    source.doc.emplace();
    source.doc->doc = std::move(record->doc);
    source.doc->text = std::move(record->text);
  } else {
    auto bytes = ReadFile(item.path, max_bytes);
    if (!bytes.ok()) {
      r.error = bytes.status();
      return r;
    }
    source.bytes = std::move(*bytes);
  }
  r.size = static_cast<int64_t>(source.bytes.size());
  r.sha256 = Sha256Hex(source.bytes);
  r.read_seconds = Since(t0);
  auto it = known.find(r.path);
  if (it != known.end() && it->second == r.sha256) {
    r.unchanged = true;
    return r;
  }
  auto claim = claims ? claims->Claim(r.path, r.sha256) : Result<ClaimOutcome>(ClaimOutcome::kClaimed);
  if (!claim.ok()) {
    r.error = claim.status();
    r.fatal = true;
    return r;
  }
  if (*claim != ClaimOutcome::kClaimed) {
    r.busy = *claim == ClaimOutcome::kBusy;
    r.unchanged = *claim == ClaimOutcome::kDone;  // another process has just stored it
    return r;
  }
  r.claimed = true;
  if (!source.doc) {
    auto ingested = ingester.FromBytes(source.bytes, item.path);
    if (!ingested.ok()) {
      r.error = ingested.status();
      Status released = claims ? claims->Release(r.path) : Status::Ok();
      if (!released.ok()) {
        r.error = released;
        r.fatal = true;
      }
      r.claimed = false;
      return r;
    }
    source.doc = std::move(*ingested);
  }
  double c0 = ThreadCpuSeconds();
  const Document& doc = source.doc->doc;
  r.record_json = item.line_no > 0 ? WithArchivalJson(source.bytes, doc, r.sha256) : ArchivalRecordJson(doc, r.sha256);
  r.text_key = SearchKey(source.doc->text);
  r.subject_key = SearchKey(doc.header.subject ? doc.header.subject->text : "");
  r.record_cpu_seconds = ThreadCpuSeconds() - c0;
  r.ingested = std::move(*source.doc);
  return r;
}

// Hands out the work to the worker threads: the files, or the records of a JSON Lines
// stream, then the items put aside because another process held them.
class WorkSource {
 public:
  WorkSource(const std::vector<std::string>* files, std::istream* records) : files_(files), records_(records) {}
  std::optional<WorkItem> Next() {
    std::lock_guard lock(mu_);
    if (files_ != nullptr) {
      if (next_file_ >= files_->size()) return std::nullopt;
      return WorkItem{(*files_)[next_file_++], "", 0};
    }
    std::string line;
    while (records_ != nullptr && std::getline(*records_, line)) {
      ++line_no_;
      if (line.find_first_not_of(" \t\r") != std::string::npos) return WorkItem{"", std::move(line), line_no_};
    }
    return std::nullopt;
  }
  void PutAside(WorkItem item) {
    std::lock_guard lock(mu_);
    aside_.push_back(std::move(item));
  }
  std::optional<WorkItem> TakeAside() {
    std::lock_guard lock(mu_);
    if (aside_.empty()) return std::nullopt;
    WorkItem item = std::move(aside_.front());
    aside_.pop_front();
    return item;
  }

 private:
  std::mutex mu_;
  const std::vector<std::string>* files_;
  std::istream* records_;
  size_t next_file_ = 0, line_no_ = 0;
  std::deque<WorkItem> aside_;
};

// True when |path| is |root| or lies below it (both absolute and normalised).
bool Under(const std::string& path, const std::string& root) {
  if (path == root) return true;
  if (path.size() <= root.size() || path.compare(0, root.size(), root) != 0) return false;
  return root.back() == '/' || path[root.size()] == '/';
}

}  // namespace

std::string_view IndexOutcomeName(IndexOutcome o) {
  switch (o) {
    case IndexOutcome::kIndexed: return "indexed";
    case IndexOutcome::kReplaced: return "replaced";
    case IndexOutcome::kUnchanged: return "unchanged";
    case IndexOutcome::kFailed: return "failed";
  }
  return "?";
}

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs,
                                              std::vector<std::pair<std::string, std::string>>* missing) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    std::string key = ec ? p.string() : abs.string();
    if (seen.insert(key).second) files.push_back(key);
  };
  for (const std::string& in : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      if (missing == nullptr) return Status::NotFound(in + ": no such file or directory");
      missing->emplace_back(in, "no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") found.push_back(it->path());
      }
      if (ec) {
        if (missing == nullptr) return Status::IOError(in + ": " + ec.message());
        missing->emplace_back(in, ec.message());
        continue;
      }
      std::sort(found.begin(), found.end());
      for (const auto& p : found) add(p);
    } else {
      add(in);
    }
  }
  return files;
}

Result<IndexStats> IndexDocuments(const IndexOptions& options) {
  auto t_start = Clock::now();
  std::vector<std::pair<std::string, std::string>> missing;
  const bool import = !options.from_jsonl.empty();
  std::ifstream records_file;
  std::istream* records = nullptr;
  if (import) {
    if (options.from_jsonl == "-") {
      records = &std::cin;
    } else {
      records_file.open(options.from_jsonl, std::ios::binary);
      if (!records_file) return Status::NotFound(options.from_jsonl + ": cannot open the records file");
      records = &records_file;
    }
  }
  auto expanded = import ? Result<std::vector<std::string>>(std::vector<std::string>()) : ExpandInputs(options.inputs, &missing);
  if (!expanded.ok()) return expanded.status();
  const std::vector<std::string>& files = *expanded;
  const std::string records_name = options.from_jsonl == "-" ? "<stdin>" : options.from_jsonl;
  VANBAN_RETURN_IF_ERROR(CheckArchiveWritable(options.db_path));
  // A missing archive is created when the first document is stored (open_archive): a run
  // with nothing to store leaves no file behind.
  std::unique_ptr<Archive> archive;
  auto open_archive = [&]() -> Status {
    if (archive) return Status::Ok();
    auto opened = Archive::Open(options.db_path);
    if (!opened.ok()) return opened.status();
    archive = std::move(*opened);
    return Status::Ok();
  };
  std::unordered_map<std::string, std::string> known;
  // A shared archive (PostgreSQL) is opened now: the workers claim documents in it.
  const bool shared = IsPostgresArchive(options.db_path);
  std::error_code exists_ec;
  if (shared || fs::exists(options.db_path, exists_ec)) {
    VANBAN_RETURN_IF_ERROR(open_archive());
    auto stored = archive->StoredHashes();
    if (!stored.ok()) return stored.status();
    known = std::move(*stored);
  }
  Archive* claims = shared ? archive.get() : nullptr;

  IndexStats stats;
  stats.files = files.size() + missing.size();
  IndexProgress progress;
  progress.total = stats.files;
  for (const auto& [path, why] : missing) {
    IndexFileEvent ev;
    ev.path = path;
    ev.outcome = IndexOutcome::kFailed;
    ev.error = why;
    ++stats.failed;
    ++progress.failed;
    ++progress.done;
    if (options.on_file) options.on_file(ev);
  }

  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!import) jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(1, files.size()))));

  WorkSource work(import ? nullptr : &files, records);
  ResultQueue queue(static_cast<size_t>(jobs) * 4 + 4);
  queue.SetProducers(jobs);
  std::atomic<bool> stop{false};  // the archive failed: no point going on
  auto cancelled = [&] { return stop.load() || (options.cancel && options.cancel->load(std::memory_order_relaxed)); };
  std::atomic<int> first_pass{jobs};  // workers still on their first pass
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      Ingester ingester(options.model, options.restore);
      ingester.set_time_budget(options.document_seconds);
      auto run = [&](WorkItem item) {
        WorkResult r = Prepare(item, records_name, known, options.max_input_bytes, ingester, claims);
        if (r.busy) {
          work.PutAside(std::move(item));
          return false;
        }
        queue.Push(std::move(r));
        return true;
      };
      while (!cancelled()) {
        auto item = work.Next();
        if (!item) break;
        run(std::move(*item));
      }
      --first_pass;
      // What other processes held: again until they commit it (then it is unchanged) or
      // die (then it is claimed here).
      while (!cancelled()) {
        auto item = work.TakeAside();
        if (!item) {
          if (first_pass.load() == 0) break;
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          continue;
        }
        if (!run(std::move(*item))) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      queue.ProducerDone();
    });
  }

  // The writer: this thread.
  Status fatal;
  std::vector<std::string> batch_claims;  // released once their batch is committed
  bool in_txn = false;
  size_t in_batch = 0;
  auto batch_start = Clock::now();
  auto last_progress = Clock::now() - std::chrono::seconds(1);
  auto timed = [&](auto&& fn) {
    auto t0 = Clock::now();
    double c0 = ThreadCpuSeconds();
    fn();
    stats.db_seconds += Since(t0);
    stats.db_cpu_seconds += ThreadCpuSeconds() - c0;
  };
  auto fail = [&](const Status& st) {
    if (fatal.ok()) fatal = st;
    stop = true;
  };
  auto commit = [&]() {
    if (in_txn) {
      timed([&] {
        Status st = archive->Commit();
        if (!st.ok()) fail(st);
      });
      in_txn = false;
      in_batch = 0;
    }
    for (const std::string& path : batch_claims) {
      if (!claims) break;
      Status st = claims->Release(path);
      if (!st.ok()) fail(st);
    }
    batch_claims.clear();
  };
  for (;;) {
    auto item = queue.Pop(0.2);
    if (!item) {
      commit();  // idle: do not keep finished work uncommitted
      if (queue.finished()) break;
      continue;
    }
    WorkResult& r = *item;
    if (r.fatal) fail(r.error);
    // Once the archive has failed, the rest is neither done nor the documents' fault:
    // the one error is returned (a rerun resumes).
    if (!fatal.ok()) continue;
    if (r.claimed) batch_claims.push_back(r.path);
    IndexFileEvent ev;
    ev.path = r.path;
    stats.read_seconds += r.read_seconds;
    if (!r.error.ok()) {
      ev.outcome = IndexOutcome::kFailed;
      ev.error = r.error.message();
    } else if (r.unchanged) {
      ev.outcome = IndexOutcome::kUnchanged;
    } else if (fatal.ok()) {
      IngestedDocument& in = *r.ingested;
      stats.restore_seconds += in.restore_seconds;
      stats.parse_seconds += in.parse_seconds;
      stats.restore_cpu_seconds += in.restore_cpu_seconds;
      stats.parse_cpu_seconds += in.parse_cpu_seconds;
      stats.record_cpu_seconds += r.record_cpu_seconds;
      ArchiveDocument d;
      d.path = r.path;
      d.sha256 = r.sha256;
      d.size = r.size;
      d.text = std::move(in.text);
      d.record_json = std::move(r.record_json);
      d.text_key = std::move(r.text_key);
      d.subject_key = std::move(r.subject_key);
      d.doc = &in.doc;
      timed([&] {
        if (!in_txn) {
          Status st = open_archive();
          if (st.ok()) st = archive->Begin();
          if (!st.ok()) {
            fail(st);
          } else {
            in_txn = true;
            batch_start = Clock::now();
          }
        }
        if (!fatal.ok()) {
          ev.outcome = IndexOutcome::kFailed;
          ev.error = fatal.message();
          return;
        }
        auto put = archive->Put(d);
        if (put.ok()) {
          ev.outcome = put->replaced ? IndexOutcome::kReplaced : IndexOutcome::kIndexed;
          if (!put->duplicate_of.empty()) ev.warning = "same number, symbol and issuer as " + put->duplicate_of;
          if (!in.doc.administrative) {
            ev.warning += std::string(ev.warning.empty() ? "" : "; ") + "not an administrative document: no header found";
          }
          ev.record_json = std::move(d.record_json);
          ++in_batch;
        } else if (put.status().code() == StatusCode::kIOError) {
          fail(put.status());  // the database, not this document
        } else {
          ev.outcome = IndexOutcome::kFailed;
          ev.error = put.status().message();
        }
      });
      if (!fatal.ok()) continue;
      if (in_batch >= options.batch_size || Since(batch_start) >= options.batch_seconds) commit();
    } else {
      ev.outcome = IndexOutcome::kFailed;
      ev.error = fatal.message();
    }
    switch (ev.outcome) {
      case IndexOutcome::kIndexed: ++stats.indexed; break;
      case IndexOutcome::kReplaced: ++stats.replaced; break;
      case IndexOutcome::kUnchanged: ++stats.unchanged; break;
      case IndexOutcome::kFailed: ++stats.failed; ++progress.failed; break;
    }
    ++progress.done;
    if (options.on_file) options.on_file(ev);
    if (options.on_progress && (Since(last_progress) >= 0.1 || progress.done == progress.total)) {
      progress.elapsed_seconds = Since(t_start);
      options.on_progress(progress);
      last_progress = Clock::now();
    }
  }
  for (auto& t : workers) t.join();
  commit();
  stats.cancelled = cancelled();
  if (import) stats.files = stats.indexed + stats.replaced + stats.unchanged + stats.failed;

  // Pruning only after a complete pass: an interrupted run must not remove anything.
  if (options.prune && fatal.ok() && !stats.cancelled && archive) {
    Archive& db = *archive;
    auto paths = db.StoredPaths();
    if (!paths.ok()) return paths.status();
    std::vector<std::string> roots;
    for (const std::string& in : options.inputs) {
      std::error_code ec;
      fs::path abs = fs::absolute(in, ec).lexically_normal();
      std::string root = abs.string();
      while (root.size() > 1 && root.back() == '/') root.pop_back();
      if (!ec) roots.push_back(root);
    }
    std::set<std::string> present(files.begin(), files.end());
    timed([&] {
      Status st = db.Begin();
      for (const std::string& p : *paths) {
        if (!st.ok()) break;
        if (present.count(p) != 0 || !std::any_of(roots.begin(), roots.end(), [&](const std::string& r) { return Under(p, r); })) {
          continue;
        }
        std::error_code ec;
        if (fs::exists(p, ec)) continue;  // e.g. no longer a *.txt name match: kept
        st = db.Remove(p);
        if (st.ok()) ++stats.removed;
      }
      if (st.ok()) {
        st = db.Commit();
      } else {
        (void)db.Rollback();
      }
      if (!st.ok() && fatal.ok()) fatal = st;
    });
  }
  stats.wall_seconds = Since(t_start);
  if (options.on_progress) {
    progress.elapsed_seconds = stats.wall_seconds;
    options.on_progress(progress);
  }
  if (!fatal.ok()) return fatal;
  return stats;
}

}  // namespace vanban
