// The SQLite archive back end: parsed documents with accent-insensitive FTS5 search.
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "archive/archive_backend.h"
#include "archive/archive_rows.h"
#include "archive/fts5_match.h"
#include "archive/fts5_rank.h"
#include "archive/schema.h"
#include "archive/search_query.h"
#include "archive/search_terms.h"
#include "archive/search_text.h"
#include "archive/sqlite_db.h"
#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban {

using internal::Exec;
using internal::Stmt;

namespace {

class SqliteArchive final : public internal::ArchiveBackend {
 public:
  struct Impl;
  explicit SqliteArchive(std::unique_ptr<Impl> impl);
  ~SqliteArchive() override;
  int schema_version() const override;
  Result<std::unordered_map<std::string, std::string>> StoredHashes() override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  Result<PutResult> Put(const ArchiveDocument& d) override;
  Status Remove(const std::string& path) override;
  Result<std::vector<std::string>> StoredPaths() override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& q) override;
  Result<ArchiveStats> Stats() override;
  Status ForEachRecord(const std::function<void(const std::string&, const std::string&)>& fn) override;
  Status ForEachStoredRecord(const std::function<Status(const StoredRecord&)>& fn) override;
  Result<std::vector<std::string>> Check() override;
  Status Optimize() override;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace

struct SqliteArchive::Impl {
  sqlite3* db = nullptr;
  int version = 0;
  int wal_frames = 0;  // in the WAL after the last commit (OnWalCommit)
  // Statements prepared once per connection: Put runs the same eight for every document.
  std::unordered_map<std::string_view, std::unique_ptr<Stmt>> cache;
  Stmt& Cached(std::string_view sql) {
    std::unique_ptr<Stmt>& s = cache[sql];
    if (!s) {
      s = std::make_unique<Stmt>(db, sql, /*persistent=*/true);
    } else {
      s->Rewind();
    }
    return *s;
  }
  ~Impl() {
    cache.clear();  // finalize before closing
    if (db) sqlite3_close_v2(db);
  }
};

namespace {

// Several processes writing one archive (index workers) keep the WAL busy: each
// automatic (passive) checkpoint is overtaken by the next writer's frames, so the WAL is
// never started over and grows without bound (4.7 GB beside a 2.9 GB archive at 47,000
// documents, 4 workers), and writers waiting for the lock while it is checkpointed time
// out ("database is locked"). Past this many frames (64 MB of 4 KB pages) a commit waits
// for a checkpoint that completes and lets the next writer start the WAL over.
constexpr int kWalRestartFrames = 16384;
// A batch's wait for the write lock while other workers commit theirs.
constexpr int kWriterBusyMs = 60000;

// SQLite's wal hook, which replaces its automatic checkpoint: does that checkpoint
// (passive, from 1,000 frames) and remembers the WAL's size for Commit.
int OnWalCommit(void* impl, sqlite3* db, const char* name, int frames) {
  static_cast<SqliteArchive::Impl*>(impl)->wal_frames = frames;
  if (frames >= 1000) sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  return SQLITE_OK;
}

Result<int> ReadVersion(sqlite3* db) {
  Stmt has(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'");
  if (!has.Step()) return has.status().ok() ? Status::IOError("cannot read sqlite_master") : has.status();
  if (has.Int(0) == 0) return 0;
  Stmt v(db, "SELECT max(version) FROM schema_version");
  if (!v.Step()) {
    if (!v.status().ok()) return v.status();
    return 0;
  }
  return static_cast<int>(v.Int(0));
}

// The stored documents' candidate terms (schema version 4), from their stored search keys.
// The same query reads them back when a document is removed (the table is contentless:
// FTS5 deletes a row's tokens given them again).
std::string StoredTermsSql() {
  return "SELECT d.id, coalesce(f.subject_key, ''), coalesce(f.body_key, ''), " +
         internal::StoredTypeKeySql(internal::Dialect::kSqlite, "d.") +
         ", coalesce(d.issued_date, '') FROM documents d JOIN documents_fts f ON f.rowid = d.id";
}

Status BackfillSearchTerms(sqlite3* db) {
  Stmt read(db, StoredTermsSql());
  Stmt ins(db, "INSERT INTO documents_terms(rowid, terms) VALUES (?, ?)");
  while (read.Step()) {
    ins.Rewind();
    ins.Bind(1, read.Int(0)).Bind(2, internal::DocumentTermsText(read.Text(1), read.Text(2), read.Text(3), read.Text(4)));
    VANBAN_RETURN_IF_ERROR(ins.Run());
  }
  return read.status();
}

// The filter tokens of schema version 5: the full-text rows copied into documents_fts_v5,
// each with its document's filter tokens (search_terms.h DocumentFilterText).
// |more| columns of the full-text row follow.
std::string FilterTokensSql(const std::string& more = "") {
  return "SELECT f.rowid, f.subject, f.body, f.subject_key, f.body_key, " +
         internal::StoredTypeKeySql(internal::Dialect::kSqlite, "d.") + ", coalesce(d.issued_date, '')" + more +
         " FROM documents_fts f JOIN documents d ON d.id = f.rowid";
}

Status BackfillFilterTokens(sqlite3* db) {
  Stmt read(db, FilterTokensSql() + " ORDER BY f.rowid");
  Stmt ins(db, "INSERT INTO documents_fts_v5(rowid, subject, body, subject_key, body_key, filters) VALUES (?,?,?,?,?,?)");
  while (read.Step()) {
    ins.Rewind();
    ins.Bind(1, read.Int(0));
    for (int c = 1; c <= 4; ++c) ins.BindValue(c + 1, read, c);
    ins.Bind(6, internal::DocumentFilterText(read.Text(5), read.Text(6)));
    VANBAN_RETURN_IF_ERROR(ins.Run());
  }
  return read.status();
}

Status Migrate(sqlite3* db, int* version) {
  const auto& migrations = internal::ArchiveMigrations();
  if (*version > static_cast<int>(migrations.size())) {
    return Status::Unsupported("archive schema version " + std::to_string(*version) +
                               " is newer than this vanban supports (" + std::to_string(migrations.size()) + ")");
  }
  for (size_t v = *version; v < migrations.size(); ++v) {
    VANBAN_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
    // Under the write lock, read again: workers creating one archive at once find it made
    // by the first (it was "table documents already exists" for the others).
    auto now = ReadVersion(db);
    if (now.ok() && *now > static_cast<int>(v)) {
      VANBAN_RETURN_IF_ERROR(Exec(db, "ROLLBACK"));
      *version = *now;
      v = static_cast<size_t>(*now) - 1;
      continue;
    }
    Status st = now.ok() ? Exec(db, internal::kSchemaVersionTable) : now.status();
    if (st.ok()) st = Exec(db, internal::MigrationSql(migrations[v], internal::Dialect::kSqlite));
    if (st.ok() && migrations[v].backfill_search_terms) st = BackfillSearchTerms(db);
    if (st.ok() && migrations[v].backfill_filter_tokens) st = BackfillFilterTokens(db);
    if (st.ok() && *migrations[v].sqlite_after_backfill) st = Exec(db, migrations[v].sqlite_after_backfill);
    if (st.ok()) {
      Stmt ins(db, "INSERT INTO schema_version(version, applied_at) VALUES (?, ?)");
      ins.Bind(1, static_cast<int64_t>(v + 1)).Bind(2, internal::NowIso());
      st = ins.Run();
    }
    if (!st.ok()) {
      (void)Exec(db, "ROLLBACK");
      return Status(st.code(), "migration to schema version " + std::to_string(v + 1) + " failed: " + st.message());
    }
    VANBAN_RETURN_IF_ERROR(Exec(db, "COMMIT"));
    *version = static_cast<int>(v + 1);
  }
  return Status::Ok();
}

}  // namespace

SqliteArchive::SqliteArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteArchive::~SqliteArchive() = default;

namespace {

namespace fs = std::filesystem;

// Write permission on |p| as its mode bits say (no write bit for anyone is read-only even
// for root, who would otherwise write through it) and as the OS says (ACLs, read-only
// mounts). "" when writable, else why not.
std::string NotWritable(const fs::path& p, const char* what) {
  struct stat st{};
  if (::stat(p.c_str(), &st) != 0) return std::string("cannot examine ") + what + " " + p.string() + ": " + std::strerror(errno);
  if ((st.st_mode & 0222) == 0 || ::access(p.c_str(), W_OK) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return std::string(what) + " " + p.string() + " is read-only (mode " + mode + ")";
  }
  return "";
}

// The directory holding |path| (SQLite writes its -wal and -shm files beside the archive).
fs::path DirectoryOf(const std::string& path) {
  fs::path dir = fs::path(path).parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

// "file:" URI of |path| for sqlite3_open_v2 with SQLITE_OPEN_URI.
std::string FileUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      uri += buf;
    }
  }
  return uri + "?" + query;
}

// Refuses, before anything is written, files that are not (empty or) vanban archives.
// |sqlite_error|: SQLite's error code when the schema could not even be read.
Status CheckIsArchive(sqlite3* db, int* sqlite_error = nullptr) {
  Stmt tables(db, "SELECT count(*), sum(name = 'schema_version') FROM sqlite_master WHERE type = 'table'");
  if (!tables.Step()) {
    if (sqlite_error) *sqlite_error = sqlite3_errcode(db);
    return Status::InvalidArgument("not an archive database: " + tables.status().message());
  }
  if (tables.Int(0) > 0 && tables.Int(1) == 0) {
    return Status::InvalidArgument("not a vanban archive: an SQLite database with other tables");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<internal::ArchiveBackend>> internal::OpenSqliteArchive(const std::string& path,
                                                                            ArchiveAccess access) {
  auto impl = std::make_unique<SqliteArchive::Impl>();
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::InvalidArgument("is a directory, not a database file");
  if (access == ArchiveAccess::kReadOnly) {
    if (!fs::exists(path, ec)) return Status::NotFound("no such archive");
    // A WAL database needs its -shm index: when SQLite can neither find nor create it (a
    // read-only directory), the file is read as immutable (nobody can be writing it).
    Status st;
    for (const char* query : {"mode=ro", "mode=ro&immutable=1"}) {
      if (impl->db) sqlite3_close_v2(impl->db);
      impl->db = nullptr;
      if (sqlite3_open_v2(FileUri(path, query).c_str(), &impl->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
          SQLITE_OK) {
        return Status::IOError(std::string("cannot open database: ") + (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
      }
      sqlite3_busy_timeout(impl->db, 10000);
      int rc = SQLITE_OK;
      st = CheckIsArchive(impl->db, &rc);
      if (st.ok() || (rc != SQLITE_CANTOPEN && rc != SQLITE_READONLY)) break;
    }
    VANBAN_RETURN_IF_ERROR(st);
    VANBAN_RETURN_IF_ERROR(internal::RegisterVanbanRank(impl->db));
    // Not mapped (mmap_size 0, SQLite's default): a search is a process that reads scattered
    // pages of a large file once, and each page first touched through a mapping is a page
    // fault, which costs more than the read() that copies it from the OS cache (on a VM most
    // of all): at 110,000 documents the same query steps took 10-50% more CPU mapped, and
    // a larger page cache of SQLite's own cost more than it saved.
    auto version = ReadVersion(impl->db);
    if (!version.ok()) return Status(version.status().code(), "not an archive database: " + version.status().message());
    impl->version = *version;
    const int known = static_cast<int>(internal::ArchiveMigrations().size());
    if (impl->version == 0) return Status::InvalidArgument("not an archive database: no vanban schema");
    if (impl->version > known) {
      return Status::Unsupported("archive schema version " + std::to_string(impl->version) +
                                 " is newer than this vanban supports (" + std::to_string(known) + ")");
    }
    if (impl->version < known) {
      return Status::Unsupported("archive schema version " + std::to_string(impl->version) +
                                 " is older than this vanban's (" + std::to_string(known) +
                                 "): run vanban index on it once to upgrade");
    }
    return std::unique_ptr<internal::ArchiveBackend>(new SqliteArchive(std::move(impl)));
  }
  const bool existed = fs::exists(path, ec);
  std::string why = NotWritable(DirectoryOf(path), "the directory");
  if (why.empty() && existed) why = NotWritable(path, "the file");
  if (!why.empty()) return Status::IOError("cannot write the archive: " + why);
  if (sqlite3_open_v2(path.c_str(), &impl->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    return Status::IOError(std::string("cannot open database: ") + (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
  }
  sqlite3_busy_timeout(impl->db, 10000);
  VANBAN_RETURN_IF_ERROR(CheckIsArchive(impl->db));  // statement finalised: no read transaction left open
  VANBAN_RETURN_IF_ERROR(internal::RegisterVanbanRank(impl->db));
  if (sqlite3_db_readonly(impl->db, "main") == 1) {
    return Status::IOError("cannot write the archive: SQLite opened it read-only (permissions or file system)");
  }
  // WAL: readers never block the writer and a killed writer loses only its open transaction.
  // Switching a new archive to WAL takes an exclusive lock, and SQLite answers "database
  // is locked" at once, without its busy handler, when another worker opening the same
  // new archive holds one: such workers try again, as long as the busy timeout.
  constexpr const char* kWriterPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
  Status st = Exec(impl->db, kWriterPragmas);
  for (int waited_ms = 0; !st.ok() && (sqlite3_errcode(impl->db) & 0xff) == SQLITE_BUSY && waited_ms < 10000;
       waited_ms += 10) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    st = Exec(impl->db, kWriterPragmas);
  }
  if (!st.ok()) return st;
  // Storing a document reads the B-tree and FTS5 segment pages it changes: with SQLite's
  // 2 MB cache each was read again with a system call (pread was an eighth of the
  // writer's time at 100,000 documents); mapped, pages are read in place from the OS cache
  // (no difference measurable yet on a loaded machine: docs/archive.md, Performance).
  (void)Exec(impl->db, "PRAGMA cache_size = -65536; PRAGMA mmap_size = 2147418112");
  auto version = ReadVersion(impl->db);
  if (!version.ok()) return Status(version.status().code(), "not an archive database: " + version.status().message());
  impl->version = *version;
  // Workers opening one archive together migrate it one after the other (each migration
  // a write transaction): they wait for each other as for a batch, not only the 10 s.
  sqlite3_busy_timeout(impl->db, kWriterBusyMs);
  st = Migrate(impl->db, &impl->version);
  sqlite3_busy_timeout(impl->db, 10000);
  if (!st.ok()) return st;
  // A write lock is taken and given back: what is left (a lock held by another writer
  // beyond the busy timeout, a file system that refuses writes) shows up now.
  st = Exec(impl->db, "BEGIN IMMEDIATE");
  if (st.ok()) st = Exec(impl->db, "ROLLBACK");
  if (!st.ok()) return Status::IOError("cannot write the archive: " + st.message());
  sqlite3_busy_timeout(impl->db, kWriterBusyMs);
  sqlite3_wal_hook(impl->db, OnWalCommit, impl.get());
  return std::unique_ptr<internal::ArchiveBackend>(new SqliteArchive(std::move(impl)));
}

Status CheckArchiveWritable(const std::string& path) {
  if (IsPostgresArchive(path)) return Archive::Open(path, ArchiveAccess::kReadWrite).status();
  std::error_code ec;
  if (fs::exists(path, ec) || fs::is_symlink(path, ec)) {
    auto archive = Archive::Open(path, ArchiveAccess::kReadWrite);
    return archive.ok() ? Status::Ok() : archive.status();
  }
  fs::path dir = DirectoryOf(path);
  if (!fs::is_directory(dir, ec)) return Status::IOError("cannot create the archive: no such directory " + dir.string());
  std::string why = NotWritable(dir, "the directory");
  return why.empty() ? Status::Ok() : Status::IOError("cannot create the archive: " + why);
}

Status SqliteArchive::ForEachRecord(const std::function<void(const std::string&, const std::string&)>& fn) {
  Stmt s(impl_->db, "SELECT path, record_json FROM documents ORDER BY path");
  while (s.Step()) fn(s.Text(0), s.Text(1));
  return s.status();
}

Result<std::vector<std::string>> SqliteArchive::Check() {
  std::vector<std::string> problems;
  sqlite3* db = impl_->db;
  // Each check reports what it finds; one that cannot even run is a problem too.
  auto rows = [&](const char* what, const std::string& sql, const std::function<std::string(const Stmt&)>& line) {
    Stmt s(db, sql);
    while (s.Step()) {
      std::string l = line(s);
      if (!l.empty()) problems.push_back(std::string(what) + ": " + l);
    }
    if (!s.status().ok()) problems.push_back(std::string(what) + ": " + s.status().message());
  };
  rows("SQLite integrity_check", "PRAGMA integrity_check",
       [](const Stmt& s) { return s.Text(0) == "ok" ? std::string() : s.Text(0); });
  rows("SQLite foreign_key_check", "PRAGMA foreign_key_check", [](const Stmt& s) {
    return "row " + std::to_string(s.Int(1)) + " of " + s.Text(0) + " refers to a missing " + s.Text(2) + " row";
  });
  {
    Status st = Exec(db, "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')");
    if (!st.ok()) problems.push_back("FTS5 integrity-check: the full-text index does not match its text (" + st.message() + ")");
    st = Exec(db, "INSERT INTO documents_terms(documents_terms) VALUES ('integrity-check')");
    if (!st.ok()) problems.push_back("FTS5 integrity-check: the candidate index is damaged (" + st.message() + ")");
  }
  rows("full-text rows", "SELECT d.path FROM documents d LEFT JOIN documents_fts f ON f.rowid = d.id WHERE f.rowid IS NULL",
       [](const Stmt& s) { return s.Text(0) + " has no full-text row"; });
  rows("full-text rows",
       "SELECT d.path FROM documents d LEFT JOIN documents_terms_docsize t ON t.id = d.id WHERE t.id IS NULL",
       [](const Stmt& s) { return s.Text(0) + " has no candidate terms (schema version 4)"; });
  rows("full-text rows", FilterTokensSql(", f.filters"), [](const Stmt& s) {
    const std::string want = internal::DocumentFilterText(s.Text(5), s.Text(6));
    return s.Text(7) == want ? std::string() : "row " + std::to_string(s.Int(0)) + ": filter tokens '" + s.Text(7) +
                                                   "', not '" + want + "' (schema version 5)";
  });
  rows("full-text rows", "SELECT f.rowid FROM documents_fts f LEFT JOIN documents d ON d.id = f.rowid WHERE d.id IS NULL",
       [](const Stmt& s) { return "full-text row " + std::to_string(s.Int(0)) + " has no document"; });
  rows("documents",
       "SELECT d.path, f.body IS d.text, coalesce(f.subject, '') = coalesce(d.subject, ''), d.text, f.body_key,"
       " json_valid(d.record_json) FROM documents d JOIN documents_fts f ON f.rowid = d.id",
       [](const Stmt& s) {
         std::string what;
         auto add = [&](const char* w) { what += (what.empty() ? "" : ", ") + std::string(w); };
         if (s.Int(1) != 1) add("the text differs from its full-text copy");
         if (s.Int(2) != 1) add("the subject differs from its full-text copy");
         if (SearchKey(s.Text(3)) != s.Text(4)) add("the search key is not that of the text");
         if (s.Int(5) != 1) add("the record is not valid JSON");
         return what.empty() ? what : s.Text(0) + ": " + what;
       });
  return problems;
}

int SqliteArchive::schema_version() const { return impl_->version; }

Result<std::unordered_map<std::string, std::string>> SqliteArchive::StoredHashes() {
  std::unordered_map<std::string, std::string> out;
  Stmt s(impl_->db, "SELECT path, sha256 FROM documents");
  while (s.Step()) out.emplace(s.Text(0), s.Text(1));
  if (!s.status().ok()) return s.status();
  return out;
}

Status SqliteArchive::Begin() { return Exec(impl_->db, "BEGIN IMMEDIATE"); }
Status SqliteArchive::Commit() {
  VANBAN_RETURN_IF_ERROR(Exec(impl_->db, "COMMIT"));
  if (impl_->wal_frames >= kWalRestartFrames) {
    // It waits for the writer that took the lock meanwhile to commit its batch (with 2 s it
    // gave up under load, and the WAL still reached 1.1 GB at 76,000 documents); busy
    // beyond that (a long reader, e.g. an export): the next commit tries again.
    sqlite3_busy_timeout(impl_->db, 10000);
    sqlite3_wal_checkpoint_v2(impl_->db, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    sqlite3_busy_timeout(impl_->db, kWriterBusyMs);
    impl_->wal_frames = 0;
  }
  return Status::Ok();
}
Status SqliteArchive::Rollback() { return Exec(impl_->db, "ROLLBACK"); }

Status SqliteArchive::Optimize() {
  VANBAN_RETURN_IF_ERROR(Exec(impl_->db, "INSERT INTO documents_fts(documents_fts) VALUES ('optimize')"));
  VANBAN_RETURN_IF_ERROR(Exec(impl_->db, "INSERT INTO documents_terms(documents_terms) VALUES ('optimize')"));
  // The merge wrote the whole full-text index again through the WAL (700 MB at 110,000
  // documents): copied into the file, the WAL is truncated so that it does not keep them.
  sqlite3_busy_timeout(impl_->db, 10000);
  const int rc = sqlite3_wal_checkpoint_v2(impl_->db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  sqlite3_busy_timeout(impl_->db, kWriterBusyMs);
  // Busy (a reader still in the old WAL): the next writer's checkpoint copies it.
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) return Status::IOError(std::string("checkpoint: ") + sqlite3_errmsg(impl_->db));
  return Status::Ok();
}

Status SqliteArchive::Remove(const std::string& path) {
  // The contentless candidate table forgets a row only when given its tokens again.
  static const std::string kStoredTerms = StoredTermsSql() + " WHERE d.path = ?";
  Stmt& old = impl_->Cached(kStoredTerms);
  old.Bind(1, path);
  if (old.Step()) {
    const int64_t id = old.Int(0);
    const std::string terms = internal::DocumentTermsText(old.Text(1), old.Text(2), old.Text(3), old.Text(4));
    old.Rewind();
    Stmt& forget = impl_->Cached("INSERT INTO documents_terms(documents_terms, rowid, terms) VALUES ('delete', ?, ?)");
    forget.Bind(1, id).Bind(2, terms);
    VANBAN_RETURN_IF_ERROR(forget.Run());
  }
  VANBAN_RETURN_IF_ERROR(old.status());
  old.Rewind();
  Stmt& del = impl_->Cached("DELETE FROM documents WHERE path = ?");
  del.Bind(1, path);
  return del.Run();
}

Result<std::vector<std::string>> SqliteArchive::StoredPaths() {
  std::vector<std::string> out;
  Stmt s(impl_->db, "SELECT path FROM documents ORDER BY path");
  while (s.Step()) out.push_back(s.Text(0));
  if (!s.status().ok()) return s.status();
  return out;
}

Result<PutResult> SqliteArchive::Put(const ArchiveDocument& d) {
  if (d.doc == nullptr) return Status::InvalidArgument("ArchiveDocument without a parsed document");
  sqlite3* db = impl_->db;
  VANBAN_RETURN_IF_ERROR(Exec(db, "SAVEPOINT put_document"));
  auto body = [&]() -> Result<PutResult> {
    PutResult result;
    const Document& doc = *d.doc;
    const Header& h = doc.header;
    {
      Stmt& old = impl_->Cached("SELECT id FROM documents WHERE path = ?");
      old.Bind(1, d.path);
      result.replaced = old.Step();
      VANBAN_RETURN_IF_ERROR(old.status());
      old.Rewind();
    }
    if (result.replaced) VANBAN_RETURN_IF_ERROR(Remove(d.path));
    const internal::DocumentRows rows = internal::RowsOf(d, internal::NowIso());
    const ArchivalFields& f = rows.fields;
    auto question = [](int) { return std::string("?"); };
    // Binds |row| from parameter |first| on (a NULL for nullopt).
    auto bind = [](Stmt& st, int first, const internal::Row& row) {
      for (size_t k = 0; k < row.size(); ++k) {
        if (row[k]) st.Bind(first + static_cast<int>(k), *row[k]);
        else st.BindNullable(first + static_cast<int>(k), "");
      }
    };
    static const std::string kInsertDocument = internal::InsertSql("documents", question);
    Stmt& ins = impl_->Cached(kInsertDocument);
    VANBAN_RETURN_IF_ERROR(ins.status());
    bind(ins, 1, rows.document);
    VANBAN_RETURN_IF_ERROR(ins.Run());
    int64_t id = sqlite3_last_insert_rowid(db);

    std::string subject = h.subject ? h.subject->text : "";
    std::string subject_key = d.subject_key.empty() ? SearchKey(subject) : std::string();
    std::string text_key = d.text_key.empty() ? SearchKey(d.text) : std::string();
    const std::string type_key = internal::DocumentTypeKey(rows.document);
    const std::string issued_date = internal::DocumentValue(rows.document, "issued_date");
    Stmt& fts = impl_->Cached(
        "INSERT INTO documents_fts(rowid, subject, body, subject_key, body_key, filters) VALUES (?,?,?,?,?,?)");
    fts.Bind(1, id).Bind(2, subject).Bind(3, d.text);
    fts.Bind(4, d.subject_key.empty() ? subject_key : d.subject_key).Bind(5, d.text_key.empty() ? text_key : d.text_key);
    fts.Bind(6, internal::DocumentFilterText(type_key, issued_date));
    VANBAN_RETURN_IF_ERROR(fts.Run());
    Stmt& terms = impl_->Cached("INSERT INTO documents_terms(rowid, terms) VALUES (?, ?)");
    terms.Bind(1, id).Bind(2, internal::DocumentTermsText(d.subject_key.empty() ? subject_key : d.subject_key,
                                                           d.text_key.empty() ? text_key : d.text_key, type_key,
                                                           issued_date));
    VANBAN_RETURN_IF_ERROR(terms.Run());

    static const std::string kInsertTask = internal::InsertSql("tasks", question);
    static const std::string kInsertRef = internal::InsertSql("refs", question);
    static const std::string kInsertDeadline = internal::InsertSql("deadlines", question);
    for (const auto& [sql, table] : {std::pair{&kInsertTask, &rows.tasks}, std::pair{&kInsertRef, &rows.refs},
                                     std::pair{&kInsertDeadline, &rows.deadlines}}) {
      Stmt& st = impl_->Cached(*sql);
      for (const internal::Row& row : *table) {
        st.Bind(1, id);
        bind(st, 2, row);
        VANBAN_RETURN_IF_ERROR(st.Run());
        VANBAN_RETURN_IF_ERROR(st.Reset());
      }
    }
    // NĐ 30 Phụ lục VI III.1.h: warn on a second document with the same number, symbol, issuer.
    if (!f.code_number.empty() && !f.code_notation.empty()) {
      Stmt& dup = impl_->Cached(R"sql(SELECT path FROM documents WHERE code_number = ? AND code_notation = ?
                          AND organ_name IS ? AND substr(issued_date, 1, 4) IS substr(?, 1, 4) AND id <> ? LIMIT 1)sql");
      dup.Bind(1, f.code_number).Bind(2, f.code_notation).BindNullable(3, f.organ_name).BindNullable(4, f.dc_date).Bind(5, id);
      if (dup.Step()) result.duplicate_of = dup.Text(0);
      VANBAN_RETURN_IF_ERROR(dup.status());
      dup.Rewind();
    }
    return result;
  };
  auto result = body();
  if (!result.ok()) {
    (void)Exec(db, "ROLLBACK TO put_document");
    (void)Exec(db, "RELEASE put_document");
    return result.status();
  }
  VANBAN_RETURN_IF_ERROR(Exec(db, "RELEASE put_document"));
  return result;
}

namespace {

// ?2: the (doc_type, doc_type_label, type_name) triples to accept, as a JSON array of
// TypeKey strings, '' for any; ?3: an issuer_key substring; ?4, ?5: ISO date bounds.
const char* const kFilters =
    " AND (?2 = '' OR (coalesce(d.doc_type, '') || char(31) || coalesce(d.doc_type_label, '') || char(31) ||"
    " coalesce(d.type_name, '')) IN (SELECT value FROM json_each(?2)))"
    " AND (?3 = '' OR d.issuer_key LIKE '%' || ?3 || '%' ESCAPE '\\')"
    " AND (?4 = '' OR d.issued_date >= ?4) AND (?5 = '' OR d.issued_date <= ?5)";

// The columns of a hit, after d.id: see HitRow.
const char* const kHitColumns =
    "d.path, d.full_symbol, d.doc_type, d.doc_type_label, d.type_name, d.issued_date, d.issuer, d.subject";

// The filters of a query in the form the SQL takes them (dates as ISO bounds).
struct Filters {
  std::string types;  // JSON array of TypeKey, '' = any
  std::string issuer, from, to;
  // The filters as candidate terms (search_terms.h): one of each group must be there.
  std::vector<std::vector<std::string>> terms;
  bool no_type = false;  // --type names no stored type
  bool any() const { return !types.empty() || !issuer.empty() || !from.empty() || !to.empty(); }
};

void BindFilters(Stmt& s, const Filters& f, int64_t limit) {
  s.Bind(2, f.types).Bind(3, f.issuer).Bind(4, f.from).Bind(5, f.to).Bind(6, limit);
}

// The stored types that --type names (internal::SelectTypeKeys), as a JSON array of type
// keys for json_each; '' when there is no type filter, "[]" when it names no stored type.
Result<std::vector<std::string>> TypeKeys(sqlite3* db, const std::string& type) {
  std::vector<std::string> stored;
  Stmt s(db, internal::StoredTypeKeysSql(internal::Dialect::kSqlite));
  while (s.Step()) stored.push_back(s.Text(0));
  VANBAN_RETURN_IF_ERROR(s.status());
  return internal::SelectTypeKeys(type, stored);
}

Result<Filters> FiltersOf(sqlite3* db, const SearchQuery& q) {
  Filters f;
  if (!q.type.empty()) {
    auto keys = TypeKeys(db, q.type);
    if (!keys.ok()) return keys.status();
    nlohmann::json array = nlohmann::json::array();
    std::vector<std::string> terms;
    for (const std::string& key : *keys) {
      array.push_back(key);
      terms.push_back(internal::TypeTerm(key));
    }
    f.types = array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    f.no_type = terms.empty();
    if (!terms.empty()) f.terms.push_back(std::move(terms));
  }
  f.issuer = internal::LikeLiteral(SearchKey(q.issuer));
  if (Status st = internal::ResolveDateBounds(q, &f.from, &f.to); !st.ok()) return st;
  if (std::vector<std::string> years = internal::DateRangeTerms(f.from, f.to); !years.empty()) {
    f.terms.push_back(std::move(years));
  }
  return f;
}

// d.id, kHitColumns, score: one hit without its snippet.
SearchHit HitRow(const Stmt& s) {
  SearchHit h;
  h.id = s.Int(0);
  h.path = s.Text(1);
  h.full_symbol = s.Text(2);
  h.doc_type = internal::EffectiveTypeCode(s.Text(3), s.Text(4), s.Text(5));
  h.issued_date = s.Text(6);
  h.issuer = s.Text(7);
  h.subject = s.Text(8);
  return h;
}

// The matches of one step that pass the filters and are not in |exclude| (a JSON array
// of ids), from |what| (columns of documents_fts and d) on: the filter columns of each
// match come from the covering index documents_search_filters, not from its documents
// row (tens of KB with the text and the record; schema version 2).
std::string StepMatches(const std::string& what, const Filters& filters) {
  return filters.any() ? "SELECT " + what + " FROM documents_fts JOIN documents d INDEXED BY documents_search_filters"
                         " ON d.id = documents_fts.rowid WHERE documents_fts MATCH ?1" + kFilters +
                         " AND d.id NOT IN (SELECT value FROM json_each(?7))"
                       : "SELECT " + what + " FROM documents_fts WHERE documents_fts MATCH ?1"
                         " AND documents_fts.rowid NOT IN (SELECT value FROM json_each(?7))";
}

// The candidates of a step (search_terms.h) in id order, when the step's pairs and filters
// leave at most kMaxCandidates; nullopt when they leave more, constrain nothing, or when
// a filter keeps so few documents that scanning them costs less than checking the
// candidates (kCandidateCheckCostInScannedDocuments): the step then scans the full-text
// index.
Result<std::optional<std::vector<int64_t>>> StepCandidates(sqlite3* db, const internal::SearchStep& step,
                                                           const internal::ParsedQuery& parsed, const Filters& filters) {
  internal::CandidateQuery c;
  c.pairs = internal::RequiredPairs(parsed, step.kind);
  c.any_of = filters.terms;
  c.none = filters.no_type;
  if (c.none) return std::optional<std::vector<int64_t>>(std::vector<int64_t>());
  if (c.empty()) return std::optional<std::vector<int64_t>>();
  Stmt s(db, "SELECT rowid FROM documents_terms WHERE documents_terms MATCH ?1 ORDER BY rowid LIMIT ?2");
  VANBAN_RETURN_IF_ERROR(s.status());
  s.Bind(1, internal::Fts5CandidateMatch(c)).Bind(2, internal::kMaxCandidates + 1);
  std::vector<int64_t> ids;
  while (s.Step()) ids.push_back(s.Int(0));
  VANBAN_RETURN_IF_ERROR(s.status());
  if (static_cast<int64_t>(ids.size()) > internal::kMaxCandidates) return std::optional<std::vector<int64_t>>();
  // Filtered: scanning the documents the filter keeps may be cheaper than checking the
  // candidates; a few candidates are always checked (the count would cost more).
  const int64_t scan_equivalent = static_cast<int64_t>(ids.size()) * internal::kCandidateCheckCostInScannedDocuments;
  if (!filters.terms.empty() && ids.size() > 32) {
    internal::CandidateQuery only_filters;
    only_filters.any_of = filters.terms;
    Stmt kept(db, "SELECT count(*) FROM (SELECT rowid FROM documents_terms WHERE documents_terms MATCH ?1 LIMIT ?2)");
    kept.Bind(1, internal::Fts5CandidateMatch(only_filters)).Bind(2, scan_equivalent);
    if (!kept.Step()) return kept.status().ok() ? Status::Internal("no count") : kept.status();
    if (kept.Int(0) < scan_equivalent) return std::optional<std::vector<int64_t>>();
  }
  return std::optional<std::vector<int64_t>>(std::move(ids));
}

// One step of the search plan: its first |cap| matches in id order (0: all of them) that
// pass the filters and are not in |exclude|, each ranked as FTS5 produces it (FTS5's own
// order, so the scan stops at the cap; vanban_rank reads only the row's own instances and
// sizes, fts5_rank.h); the best |limit| of those with their snippets and the rank as the
// relevance. One pass over the doclists: the cap's id was first found in a pass of its
// own, and bm25() then read the phrases' whole doclists for their IDF before ranking in a
// third.
Status RankedHits(sqlite3* db, const std::string& match, const std::string& exclude, int64_t limit, int64_t cap,
                  const internal::SearchStep& step, const internal::ParsedQuery& parsed, const SearchQuery& q,
                  const Filters& filters, std::vector<SearchHit>* out, std::vector<double>* relevance) {
  struct Ranked {
    int64_t id;
    double score;  // vanban_rank: lower is better
  };
  std::vector<Ranked> ranked;
  const std::string weights = internal::Fts5RankWeights(parsed, step);
  const std::string what = "documents_fts.rowid, vanban_rank(documents_fts, " + weights + ")";
  // Few candidates (search_terms.h): each is checked by its id, in id order, up to the
  // cap: the same matches as the scan, which would read every document with the words.
  const internal::Fts5Probe probe = internal::Fts5ProbeMatch(parsed, step);
  std::optional<std::vector<int64_t>> candidates;
  if (q.candidates && !probe.match.empty()) {
    auto found = StepCandidates(db, step, parsed, filters);
    if (!found.ok()) return found.status();
    candidates = std::move(*found);
  }
  if (candidates) {
    std::string probe_what = what;
    if (!probe.groups.empty()) {
      probe_what = "documents_fts.rowid, vanban_phrase_rank(documents_fts, " + weights;
      for (size_t n : probe.groups) probe_what += ", " + std::to_string(n);
      probe_what += ")";
    }
    Stmt s(db, StepMatches(probe_what, filters) + " AND documents_fts.rowid = ?8 LIMIT ?6");
    VANBAN_RETURN_IF_ERROR(s.status());
    for (int64_t id : *candidates) {
      if (cap > 0 && static_cast<int64_t>(ranked.size()) >= cap) break;
      s.Rewind();
      s.Bind(1, probe.match).Bind(7, exclude).Bind(8, id);
      BindFilters(s, filters, 1);
      // NULL: the tokens are there, not as the phrase.
      if (s.Step() && !s.IsNull(1)) ranked.push_back({s.Int(0), s.Double(1)});
      VANBAN_RETURN_IF_ERROR(s.status());
    }
  } else {
    Stmt s(db, StepMatches(what, filters) + " ORDER BY documents_fts.rowid LIMIT ?6");
    VANBAN_RETURN_IF_ERROR(s.status());
    // The filter tokens in the MATCH (schema version 5): FTS5 checks the words only in the
    // documents that have them; the SQL filters still decide (exact dates, the issuer).
    s.Bind(1, internal::Fts5WithFilters(match, filters.terms)).Bind(7, exclude);
    BindFilters(s, filters, cap > 0 ? cap : -1);
    while (s.Step()) ranked.push_back({s.Int(0), s.Double(1)});
    VANBAN_RETURN_IF_ERROR(s.status());
  }
  // The matches of the hits shown are found in C++ (FindMatches): FTS5 highlight() would
  // tokenise every hit inside a second MATCH.
  const size_t shown = std::min(ranked.size(), static_cast<size_t>(std::max<int64_t>(limit, 0)));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(shown), ranked.end(),
                    [](const Ranked& a, const Ranked& b) { return a.score != b.score ? a.score < b.score : a.id < b.id; });
  Stmt s(db, std::string("SELECT d.id, ") + kHitColumns + ", d.text FROM documents d WHERE d.id = ?1");
  VANBAN_RETURN_IF_ERROR(s.status());
  for (size_t i = 0; i < shown; ++i) {
    s.Rewind();
    s.Bind(1, ranked[i].id);
    if (!s.Step()) {
      VANBAN_RETURN_IF_ERROR(s.status());
      continue;
    }
    SearchHit h = HitRow(s);
    h.exact = step.as_typed;
    h.match = std::string(internal::MatchKindName(step.kind));
    relevance->push_back(-ranked[i].score);
    const std::string body = s.Text(9);
    internal::Matches found = internal::FindMatches(body, parsed);
    // Accented query: mark the words as typed when this document has them.
    const auto& marks = parsed.accented && !found.exact.empty() ? found.exact : found.folded;
    h.snippet = internal::Snippet(body, marks, q.snippet_bytes, q.mark_open, q.mark_close);
    out->push_back(std::move(h));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<SearchHit>> SqliteArchive::Search(const SearchQuery& q) {
  std::vector<SearchHit> hits;
  const internal::ParsedQuery parsed = internal::ParseQuery(q.text);
  const bool blank = q.text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (parsed.terms.empty() && !blank) {
    return Status::InvalidArgument("the query '" + q.text + "' has no words to search for");
  }
  const int64_t limit = q.limit > 0 ? q.limit : 20;
  // The pages an earlier search left in the connection's cache are let go first: in a
  // session of many searches (`search --queries`) a search that found the cache full cost
  // more than the same search in a new process (100,000 documents, one session of the 200
  // bench queries: CPU p99 62-84 ms kept, 40-47 let go; docs/archive.md, pg-session). A
  // single search starts with an empty cache, so this costs it nothing.
  sqlite3_db_release_memory(impl_->db);
  auto filters = FiltersOf(impl_->db, q);
  if (!filters.ok()) return filters.status();
  Status st;
  if (parsed.terms.empty()) {
    // No words: the documents the filters select, newest first.
    Stmt s(impl_->db, std::string("SELECT d.id, ") + kHitColumns + " FROM documents d WHERE ?1 = ''" + kFilters +
                          " ORDER BY d.issued_date DESC, d.path LIMIT ?6");
    VANBAN_RETURN_IF_ERROR(s.status());
    s.Bind(1, "");
    BindFilters(s, *filters, limit);
    while (s.Step()) hits.push_back(HitRow(s));
    st = s.status();
  } else {
    // Each step of the plan (phrase, near, all words; accents as typed first) adds the
    // documents the earlier ones did not find, until the page is full.
    const std::vector<internal::SearchStep> plan = internal::SearchPlan(parsed, q.exact);
    std::vector<size_t> step_of;
    std::vector<double> relevance;
    for (size_t k = 0; k < plan.size() && st.ok() && static_cast<int64_t>(hits.size()) < limit; ++k) {
      std::string ids = "[";
      for (const SearchHit& h : hits) ids += (ids.size() > 1 ? "," : "") + std::to_string(h.id);
      const int64_t wanted = limit - static_cast<int64_t>(hits.size());
      st = RankedHits(impl_->db, internal::Fts5Match(parsed, plan[k]), ids + "]", wanted,
                      internal::RankedMatchesCap(q, wanted), plan[k], parsed, q, *filters, &hits, &relevance);
      step_of.resize(hits.size(), k);
    }
    if (st.ok()) internal::AssignScores(&hits, step_of, relevance, plan.size());
  }
  // The query is vanban's own FTS expression: a statement that fails is the database's
  // fault (damaged, unreadable), not the user's.
  if (!st.ok()) return Status(st.code(), "search failed for '" + q.text + "': " + st.message());
  return hits;
}

Result<ArchiveStats> SqliteArchive::Stats() {
  ArchiveStats st;
  Stmt s(impl_->db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tasks),"
                    " (SELECT count(*) FROM refs), (SELECT count(*) FROM deadlines)");
  if (!s.Step()) return s.status().ok() ? Status::Internal("no row") : s.status();
  st.documents = s.Int(0);
  st.tasks = s.Int(1);
  st.references = s.Int(2);
  st.deadlines = s.Int(3);
  return st;
}

Status SqliteArchive::ForEachStoredRecord(const std::function<Status(const StoredRecord&)>& fn) {
  Stmt s(impl_->db, "SELECT id, path, sha256, full_symbol, doc_type, issued_date, issuer, subject, text, record_json"
                    " FROM documents ORDER BY id");
  while (s.Step()) {
    StoredRecord r{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6), s.Text(7), s.Text(8), s.Text(9)};
    VANBAN_RETURN_IF_ERROR(fn(r));
  }
  return s.status();
}

}  // namespace vanban
