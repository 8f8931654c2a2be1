// IndexDocuments: parallel, incremental batch indexing into the archive.
// Workers (one Ingester each) read, hash, restore, parse and serialise; the calling thread
// is the only writer and commits in batches, so a killed run loses at most one open batch.
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

struct WorkResult {
  std::string path;
  std::string sha256;
  int64_t size = 0;
  bool unchanged = false;
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

// One file, on a worker thread: everything but the database write.
WorkResult Prepare(const std::string& path, const std::unordered_map<std::string, std::string>& known,
                   uint64_t max_bytes, Ingester& ingester) {
  WorkResult r;
  r.path = path;
  auto t0 = Clock::now();
  auto bytes = ReadFile(path, max_bytes);
  if (!bytes.ok()) {
    r.error = bytes.status();
    return r;
  }
  r.size = static_cast<int64_t>(bytes->size());
  r.sha256 = Sha256Hex(*bytes);
  r.read_seconds = Since(t0);
  auto it = known.find(path);
  if (it != known.end() && it->second == r.sha256) {
    r.unchanged = true;
    return r;
  }
  auto ingested = ingester.FromBytes(*bytes, path);
  if (!ingested.ok()) {
    r.error = ingested.status();
    return r;
  }
  double c0 = ThreadCpuSeconds();
  const Document& doc = ingested->doc;
  r.record_json = ArchivalRecordJson(doc, r.sha256);
  r.text_key = SearchKey(ingested->text);
  r.subject_key = SearchKey(doc.header.subject ? doc.header.subject->text : "");
  r.record_cpu_seconds = ThreadCpuSeconds() - c0;
  r.ingested = std::move(*ingested);
  return r;
}

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
  auto expanded = ExpandInputs(options.inputs, &missing);
  if (!expanded.ok()) return expanded.status();
  const std::vector<std::string>& files = *expanded;
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
  std::error_code exists_ec;
  if (fs::exists(options.db_path, exists_ec)) {
    VANBAN_RETURN_IF_ERROR(open_archive());
    auto stored = archive->StoredHashes();
    if (!stored.ok()) return stored.status();
    known = std::move(*stored);
  }

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
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(1, files.size()))));

  std::atomic<size_t> next{0};
  ResultQueue queue(static_cast<size_t>(jobs) * 4 + 4);
  queue.SetProducers(jobs);
  auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      Ingester ingester(options.model, options.restore);
      ingester.set_time_budget(options.document_seconds);
      for (;;) {
        if (cancelled()) break;
        size_t i = next.fetch_add(1);
        if (i >= files.size()) break;
        queue.Push(Prepare(files[i], known, options.max_input_bytes, ingester));
      }
      queue.ProducerDone();
    });
  }

  // The writer: this thread.
  Status fatal;
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
  auto commit = [&]() {
    if (!in_txn) return;
    timed([&] {
      Status st = archive->Commit();
      if (!st.ok() && fatal.ok()) fatal = st;
    });
    in_txn = false;
    in_batch = 0;
  };
  for (;;) {
    auto item = queue.Pop(0.2);
    if (!item) {
      commit();  // idle: do not keep finished work uncommitted
      if (queue.finished()) break;
      continue;
    }
    WorkResult& r = *item;
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
            fatal = st;
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
        } else {
          ev.outcome = IndexOutcome::kFailed;
          ev.error = put.status().message();
        }
      });
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
