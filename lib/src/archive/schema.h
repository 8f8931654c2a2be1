// The archive's schema, described once for both back ends (SQLite and PostgreSQL): each
// migration lists its tables as columns of portable types, and the DDL of either dialect
// is generated from that list; only the full-text index differs (FTS5 on SQLite, tsvector
// columns with GIN indexes on PostgreSQL). Version N = the first N migrations applied.
// Documented in docs/archive.md; never edit a released migration, append a new one.
#ifndef VANBAN_ARCHIVE_SCHEMA_H_
#define VANBAN_ARCHIVE_SCHEMA_H_

#include <string>
#include <vector>

namespace vanban::internal {

enum class Dialect { kSqlite, kPostgres };

enum class ColumnType {
  kKey,     // the integer row key (SQLite rowid alias / PostgreSQL identity)
  kText,
  kInt,     // 64-bit integer
  kDocRef,  // documents(id), rows removed with their document
};

struct Column {
  const char* name;
  ColumnType type;
  bool not_null = false;
  bool unique = false;
};

struct TableDef {
  const char* name;
  std::vector<Column> columns;
};

struct IndexDef {
  const char* name;
  const char* table;
  const char* columns;  // "doc_type, issued_date"
};

struct Migration {
  std::vector<TableDef> tables;
  std::vector<IndexDef> indexes;
  // What only one dialect has (the full-text index), run after the tables.
  const char* sqlite_extra = "";
  const char* postgres_extra = "";
  // After the SQL: the back end computes the candidate terms (search_terms.h) of every
  // stored document (SQL alone cannot: they are vanban's tokens).
  bool backfill_search_terms = false;
  // After the backfill (PostgreSQL: the GIN index is built once, not row by row).
  const char* postgres_after_backfill = "";
  // SQLite: after the SQL, the back end copies the full-text index into documents_fts_v5,
  // which has the column `filters` (search_terms.h DocumentFilterText: computed by vanban),
  // then runs sqlite_after_backfill (which puts the copy in place of the old table).
  bool backfill_filter_tokens = false;
  const char* sqlite_after_backfill = "";
};

// Every migration, in order; the schema version is their count.
const std::vector<Migration>& ArchiveMigrations();

// The DDL of one migration in |dialect|.
std::string MigrationSql(const Migration& m, Dialect dialect);

// The columns of table |name| as of the latest migration, in order (for INSERT lists).
std::vector<std::string> ColumnNames(const char* table);

// The key of a document's type as migration 3 indexes it: code, title and type name,
// each '' when NULL, joined by U+001F; |table| prefixes the columns ("d." or "").
std::string StoredTypeKeySql(Dialect dialect, const std::string& table = "");
// The distinct type keys of the documents, one per row, in order: a skip scan over that
// index (a recursive query, one index seek per distinct key) instead of a DISTINCT over
// every document.
std::string StoredTypeKeysSql(Dialect dialect);

// The schema_version table (one row per applied migration), the same on both back ends.
inline constexpr const char* kSchemaVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)";

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_SCHEMA_H_
