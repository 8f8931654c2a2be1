// The worker side of IndexDocuments (index_work.h).
#include "archive/index_work.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "archive/line_reader.h"
#include "archive/record_import.h"
#include "pipeline/stopwatch.h"

namespace vanban::internal {
namespace {

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
  std::string bytes;               // what the content hash covers
  std::optional<ReadResult> read;  // records: already there; files: after reading
};

// The bytes of |item| (and for a record the document it carries); sets r->path to the
// record's source.path.
Result<Source> LoadSource(const WorkItem& item, WorkResult* r, uint64_t max_bytes) {
  Source source;
  if (item.line_no == 0) {
    auto bytes = ReadFile(item.path, max_bytes);
    if (!bytes.ok()) return bytes.status();
    source.bytes = std::move(*bytes);
    return source;
  }
  if (item.too_long) {
    return Status::Unsupported(std::to_string(item.line_no) + ": record line over the limit of " +
                               SizeText(max_bytes * kRecordBytesPerInputByte) +
                               " (8 times the limit per input); skipped");
  }
  auto record = RecordFromJsonLine(item.line);
  if (!record.ok()) return Status(record.status().code(), std::to_string(item.line_no) + ": " + record.status().message());
  r->path = record->doc.source.path;
  source.bytes = std::move(record->record);
  source.read.emplace();
  source.read->doc = std::move(record->doc);
  source.read->text = std::move(record->text);
  return source;
}

// Claims r->path in the shared archive (|claims|; always granted with a single writer).
// False when the work stops here: unchanged, busy elsewhere, or the archive failed.
bool ClaimDocument(Archive* claims, WorkResult* r) {
  auto claim = claims ? claims->Claim(r->path, r->sha256) : Result<ClaimOutcome>(ClaimOutcome::kClaimed);
  if (!claim.ok()) {
    r->error = claim.status();
    r->fatal = true;
    return false;
  }
  if (*claim != ClaimOutcome::kClaimed) {
    r->busy = *claim == ClaimOutcome::kBusy;
    r->unchanged = *claim == ClaimOutcome::kDone;  // another process has just stored it
    return false;
  }
  r->claimed = true;
  return true;
}

// r->error is the document's: gives its claim back (failing that is the archive's error).
void ReleaseFailed(Archive* claims, WorkResult* r) {
  Status released = claims ? claims->Release(r->path) : Status::Ok();
  if (!released.ok()) {
    r->error = released;
    r->fatal = true;
  }
  r->claimed = false;
}

}  // namespace

WorkResult Prepare(const WorkItem& item, const PrepareContext& context, DocumentReader& reader) {
  WorkResult r;
  r.path = item.line_no > 0 ? context.records_name : item.path;
  auto t0 = std::chrono::steady_clock::now();
  auto source = LoadSource(item, &r, context.max_bytes);
  if (!source.ok()) {
    r.error = source.status();
    return r;
  }
  r.size = static_cast<int64_t>(source->bytes.size());
  r.sha256 = Sha256Hex(source->bytes);
  r.read_seconds = SecondsSince(t0);
  auto it = context.known->find(r.path);
  if (it != context.known->end() && it->second == r.sha256) {
    r.unchanged = true;
    return r;
  }
  if (!ClaimDocument(context.claims, &r)) return r;
  if (!source->read) {
    auto read = reader.FromBytes(source->bytes, item.path);
    if (!read.ok()) {
      r.error = read.status();
      ReleaseFailed(context.claims, &r);
      return r;
    }
    source->read = std::move(*read);
  }
  double c0 = ThreadCpuSeconds();
  const Document& doc = source->read->doc;
  r.record_json =
      item.line_no > 0 ? WithArchivalJson(source->bytes, doc, r.sha256) : ArchivalRecordJson(doc, r.sha256);
  r.text_key = SearchKey(source->read->text);
  r.subject_key = SearchKey(doc.header.subject ? doc.header.subject->text : "");
  r.record_cpu_seconds = ThreadCpuSeconds() - c0;
  r.read = std::move(*source->read);
  return r;
}

std::optional<WorkItem> WorkSource::Next() {
  std::lock_guard lock(mu_);
  if (files_ != nullptr) {
    if (next_file_ >= files_->size()) return std::nullopt;
    return WorkItem{(*files_)[next_file_++], "", 0};
  }
  std::string line;
  bool too_long = false;
  const size_t limit = max_line_bytes_ == 0 ? std::string::npos : static_cast<size_t>(max_line_bytes_);
  while (records_ != nullptr && ReadBoundedLine(*records_, limit, &line, &too_long, cancel_)) {
    ++line_no_;
    if (too_long || line.find_first_not_of(" \t\r") != std::string::npos)
      return WorkItem{"", std::move(line), line_no_, too_long};
  }
  return std::nullopt;
}

void WorkSource::PutAside(WorkItem item) {
  std::lock_guard lock(mu_);
  aside_.push_back(std::move(item));
}

std::optional<WorkItem> WorkSource::TakeAside() {
  std::lock_guard lock(mu_);
  if (aside_.empty()) return std::nullopt;
  WorkItem item = std::move(aside_.front());
  aside_.pop_front();
  return item;
}

void ResultQueue::Push(WorkResult r) {
  std::unique_lock lock(mu_);
  not_full_.wait(lock, [&] { return items_.size() < capacity_; });
  items_.push_back(std::move(r));
  not_empty_.notify_one();
}

std::optional<WorkResult> ResultQueue::Pop(double timeout_seconds) {
  std::unique_lock lock(mu_);
  not_empty_.wait_for(lock, std::chrono::duration<double>(timeout_seconds),
                      [&] { return !items_.empty() || producers_ == 0; });
  if (items_.empty()) return std::nullopt;
  WorkResult r = std::move(items_.front());
  items_.pop_front();
  not_full_.notify_one();
  return r;
}

bool ResultQueue::finished() {
  std::lock_guard lock(mu_);
  return items_.empty() && producers_ == 0;
}

void ResultQueue::SetProducers(int n) {
  std::lock_guard lock(mu_);
  producers_ = n;
}

void ResultQueue::ProducerDone() {
  std::lock_guard lock(mu_);
  --producers_;
  not_empty_.notify_all();
}

}  // namespace vanban::internal
