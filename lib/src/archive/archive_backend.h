// The storage behind vanban::Archive: one implementation per database (SQLite, the embedded
// default, in archive_db.cc; PostgreSQL, the shared server, in pg_archive.cc). Archive
// forwards every call; Archive::Open picks the back end from the --db string.
#ifndef VANBAN_ARCHIVE_ARCHIVE_BACKEND_H_
#define VANBAN_ARCHIVE_ARCHIVE_BACKEND_H_

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "vanban/archive.h"
#include "vanban/status.h"

namespace vanban::internal {

class ArchiveBackend {
 public:
  virtual ~ArchiveBackend() = default;

  virtual int schema_version() const = 0;
  virtual Result<std::unordered_map<std::string, std::string>> StoredHashes() = 0;
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  virtual Result<PutResult> Put(const ArchiveDocument& d) = 0;
  virtual Status Remove(const std::string& path) = 0;
  virtual Result<std::vector<std::string>> StoredPaths() = 0;
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& q) = 0;
  virtual Result<ArchiveStats> Stats() = 0;
  virtual Status ForEachRecord(const std::function<void(const std::string&, const std::string&)>& fn) = 0;
  virtual Status ForEachStoredRecord(const std::function<Status(const StoredRecord&)>& fn) = 0;
  virtual Result<std::vector<std::string>> Check() = 0;
  virtual Status Optimize() = 0;  // see Archive::Optimize

  // Shared archives (several writing processes) coordinate through claims; a database
  // with one writer at a time (SQLite) has nothing to claim. Thread-safe.
  virtual Result<ClaimOutcome> Claim(const std::string& /*path*/, const std::string& /*sha256*/) {
    return ClaimOutcome::kClaimed;
  }
  virtual Status Release(const std::string& /*path*/) { return Status::Ok(); }
};

Result<std::unique_ptr<ArchiveBackend>> OpenSqliteArchive(const std::string& path, ArchiveAccess access);
// |conninfo|: a libpq URI or keyword/value string ("" = the PG* variables and ~/.pgpass).
// kReadOnly: nothing is created or migrated; the schema must be at this vanban's version.
Result<std::unique_ptr<ArchiveBackend>> OpenPostgresArchive(const std::string& conninfo, ArchiveAccess access);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_ARCHIVE_BACKEND_H_
