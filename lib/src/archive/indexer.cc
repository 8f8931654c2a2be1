// IndexDocuments: parallel, incremental batch indexing into the archive.
// Workers (index_work.h: one DocumentReader each) read, hash, restore, parse and serialise;
// the calling thread is this process's only writer and commits in batches, so a killed
// run loses at most one open batch. On a shared archive (PostgreSQL) other processes index
// too: a worker claims each document before the work (Archive::Claim); a document another
// process holds is put aside and tried again at the end, so it is taken over if that
// process dies. IndexDocuments, at the end, reads as the list of the run's steps.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <thread>

#include "archive/index_work.h"
#include "pipeline/stopwatch.h"
#include "vanban/archive.h"
#include "vanban/document.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using internal::PrepareContext;
using internal::ResultQueue;
using internal::SecondsSince;
using internal::ThreadCpuSeconds;
using internal::WorkItem;
using internal::WorkResult;
using internal::WorkSource;

// True when |path| is |root| or lies below it (both absolute and normalised).
bool Under(const std::string& path, const std::string& root) {
  if (path == root) return true;
  if (path.size() <= root.size() || path.compare(0, root.size(), root) != 0) return false;
  return root.back() == '/' || path[root.size()] == '/';
}

// What a run reads: the files to index, or the stream of records to import.
struct RunInputs {
  bool import = false;
  std::vector<std::string> files;
  std::vector<std::pair<std::string, std::string>> missing;  // inputs that do not exist, and why
  std::unique_ptr<std::ifstream> records_file;
  std::istream* records = nullptr;  // import: the JSON Lines stream
  std::string records_name;         // ... as messages name it
};

// Step 1: the inputs |options| name (an input that does not exist is listed in |missing|;
// only a records file that cannot be opened is an error).
Result<RunInputs> OpenInputs(const IndexOptions& options) {
  RunInputs in;
  in.import = !options.from_jsonl.empty();
  if (!in.import) {
    auto files = ExpandInputs(options.inputs, &in.missing);
    if (!files.ok()) return files.status();
    in.files = std::move(*files);
    return in;
  }
  in.records_name = options.from_jsonl == "-" ? "<stdin>" : options.from_jsonl;
  if (options.from_jsonl == "-") {
    in.records = &std::cin;
    return in;
  }
  in.records_file = std::make_unique<std::ifstream>(options.from_jsonl, std::ios::binary);
  if (!*in.records_file) return Status::NotFound(options.from_jsonl + ": cannot open the records file");
  in.records = in.records_file.get();
  return in;
}

// What the workers and the writer share while a run lasts.
struct RunControl {
  const std::atomic<bool>* cancel = nullptr;  // the caller's
  std::atomic<bool> stop{false};              // the archive failed: no point going on
  std::atomic<int> first_pass{0};             // workers still on their first pass
  bool cancelled() const { return stop.load() || (cancel && cancel->load(std::memory_order_relaxed)); }
};

// The writer's side of the archive: opened when the first document is stored (a run that
// stores nothing leaves no file behind), written in batches, each one transaction; the
// claims of a batch are released once it is committed. The first error of the archive
// itself is kept (fatal) and stops the run.
class BatchWriter {
 public:
  BatchWriter(const IndexOptions& options, IndexStats* stats, RunControl* control)
      : options_(options), stats_(stats), control_(control) {}

  // Step 2: the path -> sha256 of the stored documents, for skipping unchanged files. A
  // shared archive (PostgreSQL) is opened now: the workers claim documents in it.
  Result<std::unordered_map<std::string, std::string>> StoredHashes() {
    shared_ = IsPostgresArchive(options_.db_path);
    std::error_code ec;
    if (!shared_ && !fs::exists(options_.db_path, ec)) return std::unordered_map<std::string, std::string>();
    VANBAN_RETURN_IF_ERROR(Open());
    return archive_->StoredHashes();
  }
  Archive* claims() const { return shared_ ? archive_.get() : nullptr; }
  Archive* archive() const { return archive_.get(); }
  const Status& fatal() const { return fatal_; }

  void Fail(const Status& st) {
    if (fatal_.ok()) fatal_ = st;
    control_->stop = true;
  }
  void HoldClaim(const std::string& path) { batch_claims_.push_back(path); }

  // Stores a prepared document and says so in |ev|; false when the archive failed (the
  // document is then neither done nor its fault: no event).
  bool Store(WorkResult& r, IndexFileEvent* ev) {
    ReadResult& in = *r.read;
    ArchiveDocument d;
    d.path = r.path;
    d.sha256 = r.sha256;
    d.size = r.size;
    d.text = std::move(in.text);
    d.record_json = std::move(r.record_json);
    d.text_key = std::move(r.text_key);
    d.subject_key = std::move(r.subject_key);
    d.doc = &in.doc;
    Timed([&] {
      if (!BeginBatch()) return;
      auto put = archive_->Put(d);
      if (put.ok()) {
        ev->outcome = put->replaced ? IndexOutcome::kReplaced : IndexOutcome::kIndexed;
        if (!put->duplicate_of.empty()) ev->warning = "same number, symbol and issuer as " + put->duplicate_of;
        if (!in.doc.administrative) {
          ev->warning += std::string(ev->warning.empty() ? "" : "; ") + "not an administrative document: no header found";
        }
        ev->record_json = std::move(d.record_json);
        ++in_batch_;
      } else if (put.status().code() == StatusCode::kIOError) {
        Fail(put.status());  // the database, not this document
      } else {
        ev->outcome = IndexOutcome::kFailed;
        ev->error = put.status().message();
      }
    });
    return fatal_.ok();
  }

  // Commits the open batch once it is full or old enough.
  void CommitIfDue() {
    if (in_batch_ >= options_.batch_size || SecondsSince(batch_start_) >= options_.batch_seconds) Commit();
  }

  void Commit() {
    if (in_txn_) {
      Timed([&] {
        Status st = archive_->Commit();
        if (!st.ok()) Fail(st);
      });
      in_txn_ = false;
      in_batch_ = 0;
    }
    for (const std::string& path : batch_claims_) {
      if (!claims()) break;
      Status st = claims()->Release(path);
      if (!st.ok()) Fail(st);
    }
    batch_claims_.clear();
  }

  // |fn| on this thread, its time counted as the database's.
  template <class Fn>
  void Timed(Fn&& fn) {
    auto t0 = Clock::now();
    double c0 = ThreadCpuSeconds();
    fn();
    stats_->db_seconds += SecondsSince(t0);
    stats_->db_cpu_seconds += ThreadCpuSeconds() - c0;
  }

 private:
  Status Open() {
    if (archive_) return Status::Ok();
    auto opened = Archive::Open(options_.db_path);
    if (!opened.ok()) return opened.status();
    archive_ = std::move(*opened);
    return Status::Ok();
  }

  // Opens the archive and a transaction when none is open; false when the archive failed.
  bool BeginBatch() {
    if (!in_txn_) {
      Status st = Open();
      if (st.ok()) st = archive_->Begin();
      if (!st.ok()) {
        Fail(st);
        return false;
      }
      in_txn_ = true;
      batch_start_ = Clock::now();
    }
    return fatal_.ok();
  }

  const IndexOptions& options_;
  IndexStats* stats_;
  RunControl* control_;
  std::unique_ptr<Archive> archive_;
  bool shared_ = false;
  Status fatal_;
  std::vector<std::string> batch_claims_;
  bool in_txn_ = false;
  size_t in_batch_ = 0;
  Clock::time_point batch_start_ = Clock::now();
};

// Counts each file's outcome and tells the caller (on_file, on_progress at most every
// 0.1 s and at the end).
class Reporter {
 public:
  Reporter(const IndexOptions& options, IndexStats* stats, Clock::time_point start)
      : options_(options), stats_(stats), start_(start) {
    progress_.total = stats->files;
  }

  void Count(const IndexFileEvent& ev) {
    switch (ev.outcome) {
      case IndexOutcome::kIndexed: ++stats_->indexed; break;
      case IndexOutcome::kReplaced: ++stats_->replaced; break;
      case IndexOutcome::kUnchanged: ++stats_->unchanged; break;
      case IndexOutcome::kFailed: ++stats_->failed; ++progress_.failed; break;
    }
    ++progress_.done;
    if (options_.on_file) options_.on_file(ev);
  }

  void CountAndShow(const IndexFileEvent& ev) {
    Count(ev);
    if (options_.on_progress && (SecondsSince(last_) >= 0.1 || progress_.done == progress_.total)) {
      progress_.elapsed_seconds = SecondsSince(start_);
      options_.on_progress(progress_);
      last_ = Clock::now();
    }
  }

  void Finish() {
    if (!options_.on_progress) return;
    progress_.elapsed_seconds = stats_->wall_seconds;
    options_.on_progress(progress_);
  }

 private:
  const IndexOptions& options_;
  IndexStats* stats_;
  Clock::time_point start_;
  IndexProgress progress_;
  Clock::time_point last_ = Clock::now() - std::chrono::seconds(1);
};

// Inputs that do not exist fail first, each as a file of its own.
void ReportMissing(const std::vector<std::pair<std::string, std::string>>& missing, Reporter& reporter) {
  for (const auto& [path, why] : missing) {
    IndexFileEvent ev;
    ev.path = path;
    ev.outcome = IndexOutcome::kFailed;
    ev.error = why;
    reporter.Count(ev);
  }
}

// Worker threads: options.jobs (0: one per core), and for files never more than files.
int WorkerCount(const IndexOptions& options, const RunInputs& in) {
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!in.import) jobs = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(1, in.files.size()))));
  return jobs;
}

// Step 3, one worker thread: prepares items with its own reader until the work runs out,
// then retries what other processes held until they commit it (then it is unchanged) or
// die (then it is claimed here).
void RunWorker(const IndexOptions& options, const PrepareContext& context, WorkSource& work, ResultQueue& queue,
               RunControl& control) {
  DocumentReader reader(options.model, options.read);
  auto run = [&](WorkItem item) {
    WorkResult r = Prepare(item, context, reader);
    if (r.busy) {
      work.PutAside(std::move(item));
      return false;
    }
    queue.Push(std::move(r));
    return true;
  };
  while (!control.cancelled()) {
    auto item = work.Next();
    if (!item) break;
    run(std::move(*item));
  }
  --control.first_pass;
  while (!control.cancelled()) {
    auto item = work.TakeAside();
    if (!item) {
      if (control.first_pass.load() == 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    if (!run(std::move(*item))) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  queue.ProducerDone();
}

// Step 4, the writer (the calling thread): stores what the workers prepared, in completion
// order, until they are done; commits when idle so that finished work is not kept open.
void WriteResults(ResultQueue& queue, BatchWriter& writer, Reporter& reporter, IndexStats* stats) {
  for (;;) {
    auto item = queue.Pop(0.2);
    if (!item) {
      writer.Commit();
      if (queue.finished()) break;
      continue;
    }
    WorkResult& r = *item;
    if (r.fatal) writer.Fail(r.error);
    // Once the archive has failed, the rest is neither done nor the documents' fault:
    // the one error is returned (a rerun resumes).
    if (!writer.fatal().ok()) continue;
    if (r.claimed) writer.HoldClaim(r.path);
    IndexFileEvent ev;
    ev.path = r.path;
    stats->read_seconds += r.read_seconds;
    if (!r.error.ok()) {
      ev.outcome = IndexOutcome::kFailed;
      ev.error = r.error.message();
    } else if (r.unchanged) {
      ev.outcome = IndexOutcome::kUnchanged;
    } else {
      stats->restore_seconds += r.read->restore_seconds;
      stats->parse_seconds += r.read->parse_seconds;
      stats->restore_cpu_seconds += r.read->restore_cpu_seconds;
      stats->parse_cpu_seconds += r.read->parse_cpu_seconds;
      stats->record_cpu_seconds += r.record_cpu_seconds;
      if (!writer.Store(r, &ev)) continue;
      writer.CommitIfDue();
    }
    reporter.CountAndShow(ev);
  }
}

// The input directories and files of |options|, absolute, without a trailing '/'.
std::vector<std::string> PruneRoots(const IndexOptions& options) {
  std::vector<std::string> roots;
  for (const std::string& in : options.inputs) {
    std::error_code ec;
    fs::path abs = fs::absolute(in, ec).lexically_normal();
    std::string root = abs.string();
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    if (!ec) roots.push_back(root);
  }
  return roots;
}

// Step 5, only after a complete pass (an interrupted run must not remove anything):
// removes the stored documents under the inputs whose files are gone, in one transaction.
// Listing the stored paths failing is returned; a failure to remove is the writer's fatal.
Status Prune(const IndexOptions& options, const std::vector<std::string>& files, BatchWriter& writer,
             IndexStats* stats) {
  Archive& db = *writer.archive();
  auto paths = db.StoredPaths();
  if (!paths.ok()) return paths.status();
  const std::vector<std::string> roots = PruneRoots(options);
  const std::set<std::string> present(files.begin(), files.end());
  writer.Timed([&] {
    Status st = db.Begin();
    for (const std::string& p : *paths) {
      if (!st.ok()) break;
      if (present.count(p) != 0 ||
          !std::any_of(roots.begin(), roots.end(), [&](const std::string& r) { return Under(p, r); })) {
        continue;
      }
      std::error_code ec;
      if (fs::exists(p, ec)) continue;  // e.g. no longer a *.txt name match: kept
      st = db.Remove(p);
      if (st.ok()) ++stats->removed;
    }
    if (st.ok()) {
      st = db.Commit();
    } else {
      (void)db.Rollback();
    }
    if (!st.ok() && writer.fatal().ok()) writer.Fail(st);
  });
  return Status::Ok();
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
  const auto start = Clock::now();
  auto inputs = OpenInputs(options);
  if (!inputs.ok()) return inputs.status();
  const RunInputs& in = *inputs;
  VANBAN_RETURN_IF_ERROR(CheckArchiveWritable(options.db_path));
  IndexStats stats;
  RunControl control;
  control.cancel = options.cancel;
  BatchWriter writer(options, &stats, &control);
  auto known = writer.StoredHashes();
  if (!known.ok()) return known.status();

  stats.files = in.files.size() + in.missing.size();
  Reporter reporter(options, &stats, start);
  ReportMissing(in.missing, reporter);

  const int jobs = WorkerCount(options, in);
  WorkSource work(in.import ? nullptr : &in.files, in.records, options.max_input_bytes * internal::kRecordBytesPerInputByte,
                  options.cancel);
  ResultQueue queue(static_cast<size_t>(jobs) * 4 + 4);
  queue.SetProducers(jobs);
  control.first_pass = jobs;
  const PrepareContext context{in.records_name, &*known, options.max_input_bytes, writer.claims()};
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&] { RunWorker(options, context, work, queue, control); });
  }
  WriteResults(queue, writer, reporter, &stats);
  for (auto& t : workers) t.join();
  writer.Commit();
  stats.cancelled = control.cancelled();
  if (in.import) stats.files = stats.indexed + stats.replaced + stats.unchanged + stats.failed;

  if (options.prune && writer.fatal().ok() && !stats.cancelled && writer.archive()) {
    VANBAN_RETURN_IF_ERROR(Prune(options, in.files, writer, &stats));
  }
  stats.wall_seconds = SecondsSince(start);
  reporter.Finish();
  if (!writer.fatal().ok()) return writer.fatal();
  return stats;
}

}  // namespace vanban
