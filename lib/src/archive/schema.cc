#include "archive/schema.h"

#include <cstring>
#include <string>
#include <tuple>

namespace vanban::internal {
namespace {

constexpr ColumnType kKey = ColumnType::kKey, kText = ColumnType::kText, kInt = ColumnType::kInt,
                     kDocRef = ColumnType::kDocRef;

// Migration 1: documents, tasks, refs, deadlines and the full-text index.
Migration Version1() {
  Migration m;
  m.tables = {
      {"documents",
       {{"id", kKey},
        {"path", kText, true, true},
        {"sha256", kText, true},
        {"size", kInt, true},
        {"indexed_at", kText, true},
        {"administrative", kInt, true},
        {"ocr", kInt, true},
        {"restored", kInt, true},
        {"doc_type", kText},
        {"doc_type_label", kText},
        {"number", kText},
        {"symbol", kText},
        {"full_symbol", kText},
        {"issued_date", kText},
        {"issuer", kText},
        {"issuer_key", kText},
        {"place", kText},
        {"subject", kText},
        {"signer_position", kText},
        {"signer_name", kText},
        {"type_name", kText},
        {"code_number", kText},
        {"code_notation", kText},
        {"issued_date_vn", kText},
        {"organ_name", kText},
        {"language", kText},
        {"signer_info_position", kText},
        {"signer_info_full_name", kText},
        {"to_places", kText},
        {"priority", kText},
        {"dc_title", kText},
        {"dc_creator", kText},
        {"dc_subject", kText},
        {"dc_description", kText},
        {"dc_publisher", kText},
        {"dc_contributor", kText},
        {"dc_date", kText},
        {"dc_type", kText},
        {"dc_format", kText},
        {"dc_identifier", kText},
        {"dc_source", kText},
        {"dc_language", kText},
        {"dc_relation", kText},
        {"dc_coverage", kText},
        {"dc_rights", kText},
        {"text", kText, true},
        {"record_json", kText, true}}},
      {"tasks",
       {{"doc_id", kDocRef, true},
        {"task_id", kText, true},
        {"section_id", kText},
        {"source", kText},
        {"appendix", kText},
        {"stt", kText},
        {"task_text", kText},
        {"timeline_kind", kText},
        {"timeline_raw", kText},
        {"deadline_date", kText},
        {"recurrence", kText},
        {"lead_units", kText},
        {"support_units", kText},
        {"executor_units", kText},
        {"product", kText},
        {"line_start", kInt},
        {"line_end", kInt}}},
      {"refs",
       {{"doc_id", kDocRef, true},
        {"ref_id", kText, true},
        {"type_code", kText},
        {"type_label_vi", kText},
        {"number", kText},
        {"year", kText},
        {"symbol", kText},
        {"full_symbol", kText},
        {"style", kText},
        {"ref_date", kText},
        {"issuer_text", kText},
        {"mentions", kInt, true},
        {"line_start", kInt}}},
      {"deadlines",
       {{"doc_id", kDocRef, true},
        {"deadline_id", kText, true},
        {"date", kText},
        {"recurrence", kText},
        {"task_id", kText},
        {"text", kText},
        {"line_start", kInt}}},
  };
  m.indexes = {
      {"documents_type_date", "documents", "doc_type, issued_date"},
      {"documents_date", "documents", "issued_date"},
      {"documents_triple", "documents", "code_number, code_notation, organ_name"},
      {"tasks_doc", "tasks", "doc_id"},
      {"refs_doc", "refs", "doc_id"},
      {"refs_symbol", "refs", "full_symbol"},
      {"deadlines_doc", "deadlines", "doc_id"},
      {"deadlines_date", "deadlines", "date"},
  };
  // SQLite: FTS5 over the accented and the folded (SearchKey) text.
  m.sqlite_extra = R"sql(
CREATE VIRTUAL TABLE documents_fts USING fts5(
  subject, body, subject_key, body_key,
  tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
END;
)sql";
  // PostgreSQL: the same tokens (vanban's tokenizer, subject weight A, body B) as two
  // tsvectors, folded (SearchKey) and as written (lower case), each with a GIN index.
  m.postgres_extra = R"sql(
CREATE TABLE documents_search (
  doc_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  folded tsvector NOT NULL,
  exact  tsvector NOT NULL
);
CREATE INDEX documents_search_folded ON documents_search USING gin (folded);
CREATE INDEX documents_search_exact ON documents_search USING gin (exact);
CREATE INDEX documents_issuer_key ON documents (issuer_key);
)sql";
  return m;
}

// Migration 2: search speed on PostgreSQL. A tsvector of a few pages of text (~5 KB) was
// stored out of line (TOAST), and every search that matches or ranks many documents
// fetched it back for each of them, twice (the match, then ts_rank_cd): ~3x the time of
// reading it from the row. Each tsvector now has a table of its own whose rows keep it
// inline (storage MAIN, toast_tuple_target at a page), so a search reads only the one it
// needs. The stored types that --type chooses from (a DISTINCT over every document) come
// from an index-only scan instead of the table. SQLite: the columns the search filters read, with the id first, so that a
// filtered search looks them up in this index instead of in the documents rows (tens of
// KB each with the text and the record); the stored types come from it too.
Migration Version2() {
  Migration m;
  m.sqlite_extra = R"sql(
CREATE INDEX documents_search_filters ON documents(id, doc_type, doc_type_label, type_name, issuer_key, issued_date);
)sql";
  m.postgres_extra = R"sql(
ALTER TABLE documents_search RENAME TO documents_search_v1;
ALTER INDEX documents_search_pkey RENAME TO documents_search_v1_pkey;
DROP INDEX documents_search_folded;
DROP INDEX documents_search_exact;
CREATE TABLE documents_search (
  doc_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  folded tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE documents_search ALTER COLUMN folded SET STORAGE MAIN;
CREATE TABLE documents_search_exact (
  doc_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  exact tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE documents_search_exact ALTER COLUMN exact SET STORAGE MAIN;
INSERT INTO documents_search (doc_id, folded) SELECT doc_id, folded FROM documents_search_v1;
INSERT INTO documents_search_exact (doc_id, exact) SELECT doc_id, exact FROM documents_search_v1;
DROP TABLE documents_search_v1;
CREATE INDEX documents_search_folded ON documents_search USING gin (folded);
CREATE INDEX documents_search_exact_words ON documents_search_exact USING gin (exact);
CREATE INDEX documents_stored_types ON documents (doc_type, doc_type_label, type_name);
)sql";
  return m;
}

// Migration 3: search speed at 100,000 documents. --type chooses among the stored types
// (search_query.h SelectTypes), which were read with a DISTINCT over every document: tens
// of ms at that size, on every search with --type. An index of each document's type key
// (StoredTypeKeySql) lets them be read by a skip scan instead, one index seek per distinct
// type. On PostgreSQL it replaces the index of version 2 that the DISTINCT read.
Migration Version3() {
  Migration m;
  m.sqlite_extra = R"sql(
CREATE INDEX documents_type_key ON documents((coalesce(doc_type, '') || char(31) || coalesce(doc_type_label, '') || char(31) || coalesce(type_name, '')));
)sql";
  m.postgres_extra = R"sql(
CREATE INDEX documents_type_key ON documents((coalesce(doc_type, '') || chr(31) || coalesce(doc_type_label, '') || chr(31) || coalesce(type_name, '')));
DROP INDEX documents_stored_types;
)sql";
  return m;
}

// Migration 4: search speed at 100,000 documents (search_terms.h). A phrase of common
// words that is rare as a phrase (`nam cua truong`: 98% of the documents hold the words,
// 9 the phrase) or a step whose filter keeps few of the word matches (`--type QĐ`) read
// every document holding the words to find out. The pairs of adjacent folded tokens and a
// type and a year token per document, without positions, give such a step its candidates
// from short lists. Filled by vanban for the stored documents (backfill_search_terms) and
// kept with each document since; SQLite's table is contentless (a few MB per 1,000
// documents), so a document's terms are deleted by vanban with its row (Remove).
Migration Version4() {
  Migration m;
  m.sqlite_extra = R"sql(
CREATE VIRTUAL TABLE documents_terms USING fts5(
  terms, content = '', detail = none,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
)sql";
  m.postgres_extra = R"sql(
CREATE TABLE documents_search_terms (
  doc_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  terms tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE documents_search_terms ALTER COLUMN terms SET STORAGE MAIN;
)sql";
  m.backfill_search_terms = true;
  m.postgres_after_backfill = "CREATE INDEX documents_search_terms_gin ON documents_search_terms USING gin (terms);";
  return m;
}

// Migration 5: filtered search speed on SQLite at 100,000 documents. A step filtered by
// --type or --from/--to that the candidates of version 4 cannot answer (a NEAR step, or
// more than kMaxCandidates) checked the words' positions in every document that holds
// them and filtered afterwards. The type and year tokens are now also in the main
// full-text index (a column `filters`), so the MATCH intersects them with the words and
// FTS5 skips to the documents of the type (search_terms.h Fts5WithFilters). FTS5 cannot
// add a column: the index is built again (a copy filled by vanban, then put in the old
// one's place). PostgreSQL: nothing changes at this version (its number follows SQLite's).
Migration Version5() {
  Migration m;
  m.sqlite_extra = R"sql(
CREATE VIRTUAL TABLE documents_fts_v5 USING fts5(
  subject, body, subject_key, body_key, filters,
  tokenize = 'unicode61 remove_diacritics 0'
);
)sql";
  m.backfill_filter_tokens = true;
  // The trigger names the old table: dropped with it and made again for the new one.
  m.sqlite_after_backfill = R"sql(
DROP TRIGGER documents_fts_delete;
DROP TABLE documents_fts;
ALTER TABLE documents_fts_v5 RENAME TO documents_fts;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
END;
)sql";
  return m;
}

// Migration 6: PostgreSQL candidate queries at 100,000 documents. A step's candidates
// (search_terms.h) are the doc_id of each documents_search_terms row that the GIN index
// finds; the index cannot give the doc_id, so the heap row is read. Version 4 kept the
// terms (a few KB: every pair of adjacent tokens) inline, about 3 rows a page, so 5,374
// candidates (`sinh_vien`) read 4,966 pages for their ids: 10-15 ms of the server's CPU
// in most searches. The terms are now stored out of line (TOAST, not compressed), the
// row is its doc_id and a pointer, a hundred a page; nothing in a search reads the terms
// themselves (a GIN match of lexemes without positions is not rechecked). CLUSTER writes
// the stored rows again under the new storage (an ALTER alone leaves them as they are)
// and builds the indexes again; the planner's statistics of the table stay (they are the
// same terms).
// The planner does not count the reading of TOASTed values: with the table that small a
// sequential scan looked cheaper than the GIN index for candidates it estimates in
// thousands (`chinh_phu & phu_quy` with the years of `--from 2024-01-01`: 28,283), and it
// read and checked the terms of 35,000 rows out of line (640 ms against 90). So the
// candidates are asked through vanban_candidates, whose query may not scan the table
// (OR REPLACE: an archive whose version rows were taken back by hand, as tests do, has it).
// SQLite: nothing changes at this version.
Migration Version6() {
  Migration m;
  m.postgres_extra = R"sql(
ALTER TABLE documents_search_terms SET (toast_tuple_target = 128);
ALTER TABLE documents_search_terms ALTER COLUMN terms SET STORAGE EXTERNAL;
CLUSTER documents_search_terms USING documents_search_terms_pkey;
CREATE OR REPLACE FUNCTION vanban_candidates(q tsquery, most bigint) RETURNS SETOF bigint
  LANGUAGE sql STABLE SET enable_seqscan = off
  AS 'SELECT doc_id FROM documents_search_terms WHERE terms @@ q LIMIT most';
)sql";
  return m;
}

// Migration 7: PostgreSQL steps with --type in id order. A step ranks its first matches
// by document id (search_query.h); a step filtered by one stored type walks the documents
// of that type in id order through this index (the type key, then the id), checking each
// one's words, and stops at the cap: `chinh --type QĐ` at 100,000 documents 52 -> 5 ms,
// where reading the words' matches in id order looked up the documents rows of 3,889 of
// them for 200 of the type (documents_type_key gives a type's documents by TID).
// IF NOT EXISTS: an archive whose version rows were taken back by hand, as tests do, has
// it. SQLite: nothing changes (its filters are tokens in the full-text MATCH, version 5).
Migration Version7() {
  Migration m;
  m.postgres_extra = R"sql(
CREATE INDEX IF NOT EXISTS documents_type_key_id ON documents((coalesce(doc_type, '') || chr(31) || coalesce(doc_type_label, '') || chr(31) || coalesce(type_name, '')), id);
)sql";
  return m;
}

// Migration 8: PostgreSQL's filtered steps read one table. A step filtered by --type,
// --issuer or --from/--to joined each match (or candidate) to its documents row for the
// filter values; those values (the type key of migration 3, the date, the accent-free
// issuer) are now in each search row too, with indexes that give one type's or a date
// range's rows in id order, for a step's first matches by id (migration 7). The tables are
// written again with the documents' values (CREATE TABLE AS: no dead rows, as an UPDATE of
// every row would leave), their indexes built after, their statistics taken; the storage
// (MAIN, inline) is set after for the rows to come, the rows copied keeping their form.
// Re-runnable (an archive whose version rows were taken back by hand, as tests do): the
// old table's columns are not read, its indexes go with it. SQLite: nothing changes
// (its filters are tokens in the full-text MATCH, version 5).
std::string Version8Sql() {
  std::string sql;
  for (const auto& [table, column, words] : {std::tuple{"documents_search", "folded", "documents_search_folded"},
                                             std::tuple{"documents_search_exact", "exact", "documents_search_exact_words"}}) {
    const std::string t = table, old = t + "_v7";
    sql += "ALTER TABLE " + t + " RENAME TO " + old + ";\nALTER INDEX " + t + "_pkey RENAME TO " + old + "_pkey;\n" + "CREATE TABLE " + t +
           " (doc_id, type_key, issued_date, issuer_key, " + column + ") WITH (toast_tuple_target = 8160) AS\n  SELECT s.doc_id, " +
           StoredTypeKeySql(Dialect::kPostgres, "d.") + ", d.issued_date, d.issuer_key, s." + column + "\n  FROM " + old +
           " s JOIN documents d ON d.id = s.doc_id ORDER BY s.doc_id;\n" + "ALTER TABLE " + t + " ALTER COLUMN " + column +
           " SET STORAGE MAIN, ALTER COLUMN doc_id SET NOT NULL, ALTER COLUMN type_key SET NOT NULL,\n  ALTER COLUMN " + column +
           " SET NOT NULL, ADD PRIMARY KEY (doc_id), ADD FOREIGN KEY (doc_id) REFERENCES documents(id) ON DELETE CASCADE;\n" +
           "DROP TABLE " + old + ";\nCREATE INDEX " + words + " ON " + t + " USING gin (" + column + ");\n" + "CREATE INDEX " +
           t + "_type_key_id ON " + t + " (type_key, doc_id);\nCREATE INDEX " + t + "_date_id ON " + t +
           " (issued_date, doc_id);\n";
  }
  return sql + "ANALYZE documents_search, documents_search_exact;\n";
}
Migration Version8() {
  static const std::string kSql = Version8Sql();
  Migration m;
  m.postgres_extra = kSql.c_str();
  return m;
}

const char* TypeSql(ColumnType t, Dialect d) {
  const bool pg = d == Dialect::kPostgres;
  switch (t) {
    case ColumnType::kKey: return pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY";
    case ColumnType::kText: return "TEXT";
    case ColumnType::kInt: return pg ? "BIGINT" : "INTEGER";
    case ColumnType::kDocRef: return pg ? "BIGINT" : "INTEGER";
  }
  return "TEXT";
}

}  // namespace

const std::vector<Migration>& ArchiveMigrations() {
  static const std::vector<Migration> kMigrations = {Version1(), Version2(), Version3(), Version4(), Version5(), Version6(),
                                                     Version7(), Version8()};
  return kMigrations;
}

std::string MigrationSql(const Migration& m, Dialect dialect) {
  std::string sql;
  for (const TableDef& t : m.tables) {
    sql += std::string("CREATE TABLE ") + t.name + " (";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const Column& c = t.columns[i];
      sql += std::string(i ? ",\n  " : "\n  ") + c.name + " " + TypeSql(c.type, dialect);
      if (c.not_null) sql += " NOT NULL";
      if (c.unique) sql += " UNIQUE";
      if (c.type == ColumnType::kDocRef) sql += " REFERENCES documents(id) ON DELETE CASCADE";
    }
    sql += "\n);\n";
  }
  for (const IndexDef& x : m.indexes) {
    sql += std::string("CREATE INDEX ") + x.name + " ON " + x.table + "(" + x.columns + ");\n";
  }
  sql += dialect == Dialect::kSqlite ? m.sqlite_extra : m.postgres_extra;
  return sql;
}

std::string StoredTypeKeySql(Dialect dialect, const std::string& table) {
  const std::string sep = dialect == Dialect::kSqlite ? " || char(31) || " : " || chr(31) || ";
  return "(coalesce(" + table + "doc_type, '')" + sep + "coalesce(" + table + "doc_type_label, '')" + sep + "coalesce(" +
         table + "type_name, ''))";
}

std::string StoredTypeKeysSql(Dialect dialect) {
  const std::string key = StoredTypeKeySql(dialect);
  const std::string first = "SELECT " + key + " FROM documents";
  const std::string order = " ORDER BY " + key + " LIMIT 1";
  return "WITH RECURSIVE k(v) AS (SELECT (" + first + order + ") UNION ALL SELECT (" + first + " WHERE " + key +
         " > k.v" + order + ") FROM k WHERE k.v IS NOT NULL) SELECT v FROM k WHERE v IS NOT NULL";
}

std::vector<std::string> ColumnNames(const char* table) {
  std::vector<std::string> names;
  for (const Migration& m : ArchiveMigrations()) {
    for (const TableDef& t : m.tables) {
      if (std::strcmp(t.name, table) != 0) continue;
      for (const Column& c : t.columns) names.emplace_back(c.name);
    }
  }
  return names;
}

}  // namespace vanban::internal
