// Archive: the public face of the archive; the back end (SQLite or PostgreSQL) does the work.
#include <utility>

#include "archive/archive_backend.h"
#include "vanban/archive.h"

namespace vanban {

Archive::Archive(std::unique_ptr<internal::ArchiveBackend> backend) : backend_(std::move(backend)) {}
Archive::~Archive() = default;

Result<std::unique_ptr<Archive>> Archive::Open(const std::string& path, ArchiveAccess access) {
  std::string_view db = path;
  Result<std::unique_ptr<internal::ArchiveBackend>> backend =
      !IsPostgresArchive(db)       ? internal::OpenSqliteArchive(path, access)
      : db.substr(0, 3) == "pg:"   ? internal::OpenPostgresArchive(path.substr(3), access)
                                   : internal::OpenPostgresArchive(path, access);
  if (!backend.ok()) return backend.status();
  return std::unique_ptr<Archive>(new Archive(std::move(*backend)));
}

int Archive::schema_version() const { return backend_->schema_version(); }
Result<std::unordered_map<std::string, std::string>> Archive::StoredHashes() { return backend_->StoredHashes(); }
Status Archive::Begin() { return backend_->Begin(); }
Status Archive::Commit() { return backend_->Commit(); }
Status Archive::Rollback() { return backend_->Rollback(); }
Result<PutResult> Archive::Put(const ArchiveDocument& d) { return backend_->Put(d); }
Status Archive::Remove(const std::string& path) { return backend_->Remove(path); }
Result<std::vector<std::string>> Archive::StoredPaths() { return backend_->StoredPaths(); }
Result<std::vector<SearchHit>> Archive::Search(const SearchQuery& q) {
  // The limits hold for every caller, not only for the command line, which checks first.
  std::string field;
  if (Status st = CheckSearchQuery(q, /*text_given=*/false, &field); !st.ok()) {
    return Status::InvalidArgument(field + ": " + st.message());
  }
  return backend_->Search(q);
}
Result<ArchiveStats> Archive::Stats() { return backend_->Stats(); }
Status Archive::ForEachRecord(const std::function<void(const std::string&, const std::string&)>& fn) {
  return backend_->ForEachRecord(fn);
}
Status Archive::ForEachStoredRecord(const std::function<Status(const StoredRecord&)>& fn) {
  return backend_->ForEachStoredRecord(fn);
}
Result<std::vector<std::string>> Archive::Check() { return backend_->Check(); }
Status Archive::Optimize() { return backend_->Optimize(); }
Result<ClaimOutcome> Archive::Claim(const std::string& path, const std::string& sha256) {
  return backend_->Claim(path, sha256);
}
Status Archive::Release(const std::string& path) { return backend_->Release(path); }

}  // namespace vanban
