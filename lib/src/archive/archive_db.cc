// The SQLite archive back end: parsed documents with accent-insensitive FTS5 search.
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "archive/archive_backend.h"
#include "archive/archive_rows.h"
#include "archive/schema.h"
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
  Status ForEachRecord(const std::function<Status(const StoredRecord&)>& fn) override;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace

struct SqliteArchive::Impl {
  sqlite3* db = nullptr;
  int version = 0;
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

Status Migrate(sqlite3* db, int* version) {
  const auto& migrations = internal::ArchiveMigrations();
  if (*version > static_cast<int>(migrations.size())) {
    return Status::Unsupported("archive schema version " + std::to_string(*version) +
                               " is newer than this vanban supports (" + std::to_string(migrations.size()) + ")");
  }
  for (size_t v = *version; v < migrations.size(); ++v) {
    VANBAN_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
    Status st = Exec(db, internal::kSchemaVersionTable);
    if (st.ok()) st = Exec(db, internal::MigrationSql(migrations[v], internal::Dialect::kSqlite));
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

Result<std::unique_ptr<internal::ArchiveBackend>> internal::OpenSqliteArchive(const std::string& path) {
  auto impl = std::make_unique<SqliteArchive::Impl>();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::InvalidArgument("is a directory, not a database file");
  if (sqlite3_open_v2(path.c_str(), &impl->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    return Status::IOError(std::string("cannot open database: ") + (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
  }
  sqlite3_busy_timeout(impl->db, 10000);
  // Before anything is written: refuse files that are not (empty or) vanban archives.
  {
    Stmt tables(impl->db, "SELECT count(*), sum(name = 'schema_version') FROM sqlite_master WHERE type = 'table'");
    if (!tables.Step()) {
      return Status::InvalidArgument("not an archive database: " + tables.status().message());
    }
    if (tables.Int(0) > 0 && tables.Int(1) == 0) {
      return Status::InvalidArgument("not a vanban archive: an SQLite database with other tables");
    }
  }  // statement finalised: no read transaction left open
  // WAL: readers never block the writer and a killed writer loses only its open transaction.
  Status st = Exec(impl->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (!st.ok()) return st;
  auto version = ReadVersion(impl->db);
  if (!version.ok()) return Status(version.status().code(), "not an archive database: " + version.status().message());
  impl->version = *version;
  st = Migrate(impl->db, &impl->version);
  if (!st.ok()) return st;
  return std::unique_ptr<internal::ArchiveBackend>(new SqliteArchive(std::move(impl)));
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
Status SqliteArchive::Commit() { return Exec(impl_->db, "COMMIT"); }
Status SqliteArchive::Rollback() { return Exec(impl_->db, "ROLLBACK"); }

Status SqliteArchive::Remove(const std::string& path) {
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
    Stmt& fts = impl_->Cached("INSERT INTO documents_fts(rowid, subject, body, subject_key, body_key) VALUES (?,?,?,?,?)");
    fts.Bind(1, id).Bind(2, subject).Bind(3, d.text);
    fts.Bind(4, d.subject_key.empty() ? subject_key : d.subject_key).Bind(5, d.text_key.empty() ? text_key : d.text_key);
    VANBAN_RETURN_IF_ERROR(fts.Run());

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

// ?2: the type codes to accept as a JSON array, '' for any; ?3: an issuer_key substring.
const char* const kFilters =
    " AND (?2 = '' OR d.doc_type IN (SELECT value FROM json_each(?2)))"
    " AND (?3 = '' OR d.issuer_key LIKE '%' || ?3 || '%' ESCAPE '\\')"
    " AND (?4 = '' OR d.issued_date >= ?4) AND (?5 = '' OR d.issued_date <= ?5)";

// LIKE pattern characters in a user's text are literal.
std::string LikeLiteral(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

void BindFilters(Stmt& s, const SearchQuery& q, const std::string& types, int64_t limit) {
  s.Bind(2, types).Bind(3, LikeLiteral(SearchKey(q.issuer))).Bind(4, q.from).Bind(5, q.to).Bind(6, limit);
}

// The stored type codes that --type names (SelectTypeCodes), as a JSON array for
// json_each; '' when there is no type filter.
Result<std::string> TypeCodes(sqlite3* db, const std::string& type) {
  if (type.empty()) return std::string();
  std::vector<std::string> stored;
  Stmt s(db, "SELECT DISTINCT doc_type FROM documents WHERE doc_type IS NOT NULL");
  while (s.Step()) stored.push_back(s.Text(0));
  VANBAN_RETURN_IF_ERROR(s.status());
  nlohmann::json array = nlohmann::json::array();
  for (const auto& c : internal::SelectTypeCodes(stored, type)) array.push_back(c);
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

SearchHit HitRow(const Stmt& s) {
  SearchHit h;
  h.id = s.Int(0);
  h.path = s.Text(1);
  h.full_symbol = s.Text(2);
  h.doc_type = s.Text(3);
  h.issued_date = s.Text(4);
  h.issuer = s.Text(5);
  h.subject = s.Text(6);
  h.score = s.Double(7);
  return h;
}

// One ranked full-text query: the best |limit| documents for |match| (bm25) that pass the
// filters and are not in |exclude| (a JSON array of ids), with their snippets.
Status RankedHits(sqlite3* db, const std::string& match, const std::string& exclude, int64_t limit, bool exact,
                  const internal::ParsedQuery& parsed, const SearchQuery& q, const std::string& types,
                  std::vector<SearchHit>* out) {
  // Rank and cut in SQL; the matches of the hits shown are found in C++ (FindMatches):
  // FTS5 highlight() would tokenise every hit again inside a second MATCH.
  std::string sql =
      "WITH top AS (SELECT d.id AS id, bm25(documents_fts, 8.0, 2.0, 4.0, 1.0) AS score"
      " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH ?1" +
      std::string(kFilters) + " AND d.id NOT IN (SELECT value FROM json_each(?7)) ORDER BY score LIMIT ?6)"
      " SELECT d.id, d.path, d.full_symbol, d.doc_type, d.issued_date, d.issuer, d.subject, top.score, d.text"
      " FROM top JOIN documents d ON d.id = top.id ORDER BY top.score";
  Stmt s(db, sql);
  VANBAN_RETURN_IF_ERROR(s.status());
  s.Bind(1, match).Bind(7, exclude);
  BindFilters(s, q, types, limit);
  while (s.Step()) {
    SearchHit h = HitRow(s);
    h.exact = exact;
    const std::string body = s.Text(8);
    h.snippet = internal::HitSnippet(body, parsed, q.snippet_bytes, q.mark_open, q.mark_close);
    out->push_back(std::move(h));
  }
  return s.status();
}

}  // namespace

Result<std::vector<SearchHit>> SqliteArchive::Search(const SearchQuery& q) {
  std::vector<SearchHit> hits;
  const internal::ParsedQuery parsed = internal::ParseQuery(q.text);
  const internal::MatchExpressions match = internal::BuildMatch(parsed, q.exact);
  const int64_t limit = q.limit > 0 ? q.limit : 20;
  auto types = TypeCodes(impl_->db, q.type);
  if (!types.ok()) return types.status();
  Status st;
  if (match.any.empty()) {
    // No words: the documents the filters select, newest first.
    Stmt s(impl_->db, "SELECT d.id, d.path, d.full_symbol, d.doc_type, d.issued_date, d.issuer, d.subject, 0.0"
                      " FROM documents d WHERE ?1 = ''" + std::string(kFilters) +
                      " ORDER BY d.issued_date DESC, d.path LIMIT ?6");
    VANBAN_RETURN_IF_ERROR(s.status());
    s.Bind(1, "");
    BindFilters(s, q, *types, limit);
    while (s.Step()) hits.push_back(HitRow(s));
    st = s.status();
  } else if (parsed.accented && !q.exact) {
    // An accented query ranks the documents that have the words with exactly those accents
    // first, then those that match only without them, each by bm25: two queries, the
    // second only when the first does not fill the page.
    st = RankedHits(impl_->db, match.exact, "[]", limit, true, parsed, q, *types, &hits);
    if (st.ok() && static_cast<int64_t>(hits.size()) < limit) {
      std::string ids = "[";
      for (const SearchHit& h : hits) ids += (ids.size() > 1 ? "," : "") + std::to_string(h.id);
      st = RankedHits(impl_->db, match.any, ids + "]", limit - static_cast<int64_t>(hits.size()), false, parsed, q,
                      *types, &hits);
    }
  } else {
    st = RankedHits(impl_->db, match.any, "[]", limit, q.exact, parsed, q, *types, &hits);
  }
  if (!st.ok()) return Status::InvalidArgument("search failed for '" + q.text + "': " + st.message());
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

Status SqliteArchive::ForEachRecord(const std::function<Status(const StoredRecord&)>& fn) {
  Stmt s(impl_->db, "SELECT id, path, sha256, full_symbol, doc_type, issued_date, issuer, subject, text, record_json"
                    " FROM documents ORDER BY id");
  while (s.Step()) {
    StoredRecord r{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6), s.Text(7), s.Text(8), s.Text(9)};
    VANBAN_RETURN_IF_ERROR(fn(r));
  }
  return s.status();
}

}  // namespace vanban
