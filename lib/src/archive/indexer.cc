// IndexDocuments: parallel, incremental batch indexing into the archive.
// Workers (one Ingester each) read, hash, restore and parse; the calling thread is the
// only writer and commits in batches, so a killed run loses at most one open batch.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "vanban/archive.h"
#include "vanban/document.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct WorkResult {
  std::string path;
  std::string sha256;
  int64_t size = 0;
  bool unchanged = false;
  Status error;
  std::optional<IngestedDocument> ingested;
  std::string record_json;  // serialised by the worker, off the writer thread
  double read_seconds = 0;
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

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError("read error");
  return ss.str();
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

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
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
    if (ec || !fs::exists(st)) return Status::NotFound(in + ": no such file or directory");
    if (fs::is_directory(st)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") found.push_back(it->path());
      }
      if (ec) return Status::IOError(in + ": " + ec.message());
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
  auto files = ExpandInputs(options.inputs);
  if (!files.ok()) return files.status();
  auto archive = Archive::Open(options.db_path);
  if (!archive.ok()) return archive.status();
  auto stored = (*archive)->StoredHashes();
  if (!stored.ok()) return stored.status();
  const std::unordered_map<std::string, std::string>& known = *stored;

  IndexStats stats;
  stats.files = files->size();
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(1, files->size()))));

  std::atomic<size_t> next{0};
  ResultQueue queue(static_cast<size_t>(jobs) * 4 + 4);
  queue.SetProducers(jobs);
  auto cancelled = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      Ingester ingester(options.model);
      for (;;) {
        if (cancelled()) break;
        size_t i = next.fetch_add(1);
        if (i >= files->size()) break;
        WorkResult r;
        r.path = (*files)[i];
        auto t0 = Clock::now();
        auto bytes = ReadFile(r.path);
        if (!bytes.ok()) {
          r.error = bytes.status();
          queue.Push(std::move(r));
          continue;
        }
        r.size = static_cast<int64_t>(bytes->size());
        r.sha256 = Sha256Hex(*bytes);
        r.read_seconds = Since(t0);
        auto it = known.find(r.path);
        if (it != known.end() && it->second == r.sha256) {
          r.unchanged = true;
        } else {
          auto ingested = ingester.FromBytes(*bytes, r.path);
          if (ingested.ok()) {
            auto t1 = Clock::now();
            r.record_json = DocumentToJson(ingested->doc);
            ingested->parse_seconds += Since(t1);
            r.ingested = std::move(*ingested);
          } else {
            r.error = ingested.status();
          }
        }
        queue.Push(std::move(r));
      }
      queue.ProducerDone();
    });
  }

  // The writer: this thread.
  Archive& db = **archive;
  Status fatal;
  bool in_txn = false;
  size_t in_batch = 0;
  auto batch_start = Clock::now();
  IndexProgress progress;
  progress.total = files->size();
  auto last_progress = Clock::now() - std::chrono::seconds(1);
  auto commit = [&]() {
    if (!in_txn) return;
    auto t0 = Clock::now();
    Status st = db.Commit();
    stats.db_seconds += Since(t0);
    if (!st.ok() && fatal.ok()) fatal = st;
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
      ev.error = r.error.ToString();
    } else if (r.unchanged) {
      ev.outcome = IndexOutcome::kUnchanged;
    } else if (fatal.ok()) {
      IngestedDocument& in = *r.ingested;
      stats.restore_seconds += in.restore_seconds;
      stats.parse_seconds += in.parse_seconds;
      auto t0 = Clock::now();
      ArchiveDocument d;
      d.path = r.path;
      d.sha256 = r.sha256;
      d.size = r.size;
      d.text = std::move(in.text);
      d.record_json = std::move(r.record_json);
      d.doc = &in.doc;
      if (!in_txn) {
        Status st = db.Begin();
        if (!st.ok()) {
          fatal = st;
        } else {
          in_txn = true;
          batch_start = Clock::now();
        }
      }
      if (fatal.ok()) {
        auto put = db.Put(d);
        if (put.ok()) {
          ev.outcome = put->replaced ? IndexOutcome::kReplaced : IndexOutcome::kIndexed;
          if (!put->duplicate_of.empty()) ev.warning = "same number, symbol and issuer as " + put->duplicate_of;
          ev.record_json = std::move(d.record_json);
          ++in_batch;
        } else {
          ev.outcome = IndexOutcome::kFailed;
          ev.error = put.status().ToString();
        }
      } else {
        ev.outcome = IndexOutcome::kFailed;
        ev.error = fatal.ToString();
      }
      stats.db_seconds += Since(t0);
      if (in_batch >= options.batch_size || Since(batch_start) >= options.batch_seconds) commit();
    } else {
      ev.outcome = IndexOutcome::kFailed;
      ev.error = fatal.ToString();
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
  stats.wall_seconds = Since(t_start);
  if (options.on_progress) {
    progress.elapsed_seconds = stats.wall_seconds;
    options.on_progress(progress);
  }
  if (!fatal.ok()) return fatal;
  return stats;
}

}  // namespace vanban
