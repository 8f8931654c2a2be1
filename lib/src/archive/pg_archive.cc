// The PostgreSQL archive back end: the schema of schema.h on a server that many `vanban
// index` processes write at once and many readers search.
//
// Several writers: a document is claimed before it is read and parsed (a session-level
// advisory lock on its path, pg_try_advisory_lock), released once its row is committed.
// A worker that dies loses its connection and with it its claims, so the others (or the
// next run) take its documents over; nothing to expire or clean up. After a claim the
// stored hash is read again, so a document another worker has just committed is not
// indexed twice. Each document is stored in one transaction with its dependent rows.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <tuple>
#include <string>
#include <unordered_map>

#include "archive/archive_backend.h"
#include "archive/archive_rows.h"
#include "archive/pg_connection.h"
#include "archive/pg_text_search.h"
#include "archive/schema.h"
#include "archive/search_query.h"
#include "archive/search_terms.h"
#include "archive/search_text.h"
#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

// The first key of vanban's advisory locks ("vanb"); the second is the hashed path, or 0
// for the lock that serialises schema migrations.
constexpr const char* kLockClass = "1986096738";
constexpr const char* kPathLock = "hashtext($1)";

// A step's candidates are checked by TID when there are at most this many (PgArchive::
// RankedHits), else the step scans the GIN matches of its words. A candidate costs its
// terms row, the lookup of its TID and the check of its tsvector, a scanned row only the
// check (~5 µs each, 20,000 documents); a candidate query that finds more than this has
// read that many rows for nothing. 2,500 against 1,000 and 5,000 at 20,000 documents
// (server CPU of the 200 bench queries: 1,000 saw least of the gain; 5,000 made common
// phrases such as `quy định --exact` slower, their candidates many and nearly all matches).
// A step with pairs goes on up to kPgMostCandidatesByCost when the candidates cost less
// than the scan (search_terms.h, PgCandidatesCheaperThanScan).
constexpr int64_t kPgMaxCandidates = 2500;

std::string Dollar(int i) { return "$" + std::to_string(i); }

// A text[] literal of |items| ("{\"KH\",\"QĐ\"}").
std::string TextArray(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const std::string& c : items) {
    out += out.size() > 1 ? ",\"" : "\"";
    for (char ch : c) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  return out + "}";
}

// A bigint[] literal of |ids| ("{3,14}").
std::string IdArray(const std::vector<int64_t>& ids) {
  std::string out = "{";
  for (int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "}";
}

class PgArchive final : public ArchiveBackend {
 public:
  PgArchive(std::string conninfo, std::unique_ptr<PgConnection> db, int version)
      : conninfo_(std::move(conninfo)), db_(std::move(db)), version_(version) {}

  int schema_version() const override { return version_; }

  Result<std::unordered_map<std::string, std::string>> StoredHashes() override {
    auto r = db_->Query("SELECT path, sha256 FROM documents");
    if (!r.ok()) return r.status();
    std::unordered_map<std::string, std::string> out;
    out.reserve(static_cast<size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i) out.emplace(r->Text(i, 0), r->Text(i, 1));
    return out;
  }

  Status Begin() override {
    VANBAN_RETURN_IF_ERROR(db_->Exec("BEGIN"));
    in_txn_ = true;
    return Status::Ok();
  }
  Status Commit() override {
    in_txn_ = false;
    return db_->Exec("COMMIT");
  }
  Status Rollback() override {
    in_txn_ = false;
    return db_->Exec("ROLLBACK");
  }

  Result<PutResult> Put(const ArchiveDocument& d) override;

  Status Remove(const std::string& path) override {
    return db_->Exec("DELETE FROM documents WHERE path = $1", {path});
  }

  Result<std::vector<std::string>> StoredPaths() override {
    auto r = db_->Query("SELECT path FROM documents ORDER BY path");
    if (!r.ok()) return r.status();
    std::vector<std::string> out;
    for (int i = 0; i < r->rows(); ++i) out.push_back(r->Text(i, 0));
    return out;
  }

  Result<std::vector<SearchHit>> Search(const SearchQuery& q) override;

  Result<ArchiveStats> Stats() override {
    auto r = db_->Query("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tasks),"
                        " (SELECT count(*) FROM refs), (SELECT count(*) FROM deadlines)");
    if (!r.ok()) return r.status();
    return ArchiveStats{r->Int(0, 0), r->Int(0, 1), r->Int(0, 2), r->Int(0, 3)};
  }

  Status ForEachRecord(const std::function<void(const std::string&, const std::string&)>& fn) override {
    // Keyset pages by path: constant memory on any archive size, no long transaction.
    std::string after;
    for (bool first = true;; first = false) {
      auto r = db_->Query("SELECT path, record_json FROM documents WHERE $1 = 't' OR path > $2 ORDER BY path LIMIT 500",
                          {first ? "t" : "f", after});
      if (!r.ok()) return r.status();
      if (r->rows() == 0) return Status::Ok();
      for (int i = 0; i < r->rows(); ++i) fn(r->Text(i, 0), r->Text(i, 1));
      after = r->Text(r->rows() - 1, 0);
    }
  }

  // What autovacuum would do some time after a bulk load, now: the GIN pending lists
  // merged into the index (a search reads them in full otherwise) and the statistics
  // the planner chooses between the GIN index and a scan by.
  Status Optimize() override {
    return db_->Exec("VACUUM (ANALYZE) documents, documents_search, documents_search_exact, documents_search_terms");
  }

  // The server checks its own storage; what can drift apart here is a document and its
  // search row, as vanban's cross-checks on SQLite find it (same messages): a missing row,
  // tokens that are not those of the text and subject, a record that is not JSON.
  Result<std::vector<std::string>> Check() override {
    std::vector<std::string> problems;
    std::string after = "0";
    for (;;) {
      // Keyset pages: constant memory on any archive size.
      auto page = db_->Query(
          "SELECT d.id, d.path, coalesce(d.subject, ''), d.text, d.record_json,"
          " s.doc_id IS NULL OR e.doc_id IS NULL OR t.doc_id IS NULL, " + StoredTypeKeySql(Dialect::kPostgres, "d.") +
          ", coalesce(d.issued_date, '') FROM documents d LEFT JOIN documents_search s ON s.doc_id = d.id"
          " LEFT JOIN documents_search_exact e ON e.doc_id = d.id LEFT JOIN documents_search_terms t ON t.doc_id = d.id"
          " WHERE d.id > $1 ORDER BY d.id LIMIT 200",
          {after});
      if (!page.ok()) return page.status();
      if (page->rows() == 0) return problems;
      std::vector<std::string> ids, folded, exact, terms;
      std::unordered_map<std::string, std::string> paths;
      for (int i = 0; i < page->rows(); ++i) {
        const std::string id = page->Text(i, 0), path = page->Text(i, 1);
        after = id;
        if (page->Text(i, 5) == "t") {
          problems.push_back("full-text rows: " + path + " has no full-text row");
          continue;
        }
        if (!nlohmann::json::accept(page->Text(i, 4))) problems.push_back("documents: " + path + ": the record is not valid JSON");
        ids.push_back(id);
        paths[id] = path;
        folded.push_back(TsVectorLiteral(page->Text(i, 2), page->Text(i, 3), true));
        exact.push_back(TsVectorLiteral(page->Text(i, 2), page->Text(i, 3), false));
        terms.push_back(TsVectorLexemes(
            DocumentTerms(SearchKey(page->Text(i, 2)), SearchKey(page->Text(i, 3)), page->Text(i, 6), page->Text(i, 7))));
      }
      auto differ = db_->Query(
          "SELECT u.id, s.folded <> u.folded::tsvector, e.exact <> u.exact::tsvector, t.terms <> u.terms::tsvector,"
          " (s.type_key, s.issued_date, s.issuer_key, e.type_key, e.issued_date, e.issuer_key) IS DISTINCT FROM"
          " (f.key, d.issued_date, d.issuer_key, f.key, d.issued_date, d.issuer_key)"
          " FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(id, folded, exact, terms)"
          " JOIN documents_search s ON s.doc_id = u.id JOIN documents_search_exact e ON e.doc_id = u.id"
          " JOIN documents_search_terms t ON t.doc_id = u.id JOIN documents d ON d.id = u.id,"
          " LATERAL (SELECT " + StoredTypeKeySql(Dialect::kPostgres, "d.") + " AS key) f ORDER BY u.id",
          {TextArray(ids), TextArray(folded), TextArray(exact), TextArray(terms)});
      if (!differ.ok()) return differ.status();
      for (int i = 0; i < differ->rows(); ++i) {
        std::string what;
        if (differ->Text(i, 1) == "t") what = "the search key is not that of the text";
        if (differ->Text(i, 2) == "t") what += (what.empty() ? "" : ", ") + std::string("the text differs from its full-text copy");
        if (differ->Text(i, 3) == "t") what += (what.empty() ? "" : ", ") + std::string("the candidate terms are not those of the text");
        if (differ->Text(i, 4) == "t") what += (what.empty() ? "" : ", ") + std::string("the search rows' filter values are not those of the document");
        if (!what.empty()) problems.push_back("documents: " + paths[differ->Text(i, 0)] + ": " + what);
      }
    }
  }

  Status ForEachStoredRecord(const std::function<Status(const StoredRecord&)>& fn) override {
    // Keyset pages: constant memory on any archive size, no long transaction.
    int64_t after = 0;
    for (;;) {
      auto r = db_->Query("SELECT id, path, sha256, full_symbol, doc_type, issued_date, issuer, subject, text,"
                          " record_json FROM documents WHERE id > $1 ORDER BY id LIMIT 500",
                          {std::to_string(after)});
      if (!r.ok()) return r.status();
      if (r->rows() == 0) return Status::Ok();
      for (int i = 0; i < r->rows(); ++i) {
        StoredRecord rec{r->Int(i, 0),  r->Text(i, 1), r->Text(i, 2), r->Text(i, 3), r->Text(i, 4),
                         r->Text(i, 5), r->Text(i, 6), r->Text(i, 7), r->Text(i, 8), r->Text(i, 9)};
        after = rec.id;
        VANBAN_RETURN_IF_ERROR(fn(rec));
      }
    }
  }

  Result<ClaimOutcome> Claim(const std::string& path, const std::string& sha256) override {
    std::lock_guard lock(claims_mu_);
    if (!claims_) {
      // Claims live on a connection of their own: the writer's is inside transactions.
      auto c = PgConnection::Connect(conninfo_);
      if (!c.ok()) return c.status();
      claims_ = std::move(*c);
    }
    auto got = claims_->Query(std::string("SELECT pg_try_advisory_lock(") + kLockClass + ", " + kPathLock + ")", {path});
    if (!got.ok()) return got.status();
    if (got->Text(0, 0) != "t") return ClaimOutcome::kBusy;
    // Read after the lock: a worker commits before it releases, so this sees its row.
    auto stored = claims_->Query("SELECT sha256 FROM documents WHERE path = $1", {path});
    if (!stored.ok()) return stored.status();
    if (stored->rows() > 0 && stored->Text(0, 0) == sha256) {
      VANBAN_RETURN_IF_ERROR(UnlockLocked(path));
      return ClaimOutcome::kDone;
    }
    return ClaimOutcome::kClaimed;
  }

  Status Release(const std::string& path) override {
    std::lock_guard lock(claims_mu_);
    if (!claims_) return Status::Ok();
    return UnlockLocked(path);
  }

 private:
  Status UnlockLocked(const std::string& path) {
    return claims_->Exec(std::string("SELECT pg_advisory_unlock(") + kLockClass + ", " + kPathLock + ")", {path});
  }
  Result<PutResult> PutRows(const ArchiveDocument& d);
  struct Filters;
  Status RankedHits(const SearchStep& step, const std::vector<int64_t>& exclude, int64_t limit, int64_t cap,
                    const ParsedQuery& parsed, const SearchQuery& q, const Filters& filters,
                    std::vector<SearchHit>* out, std::vector<double>* relevance);
  Result<Filters> FiltersOf(const SearchQuery& q);
  // As on SQLite (archive_db.cc): the step's candidates when few, else nullopt.
  // |table|, |column| and |step_tsquery| are the step's own (RankedHits), |cap| its
  // ranked matches (RankedMatchesCap).
  Result<std::optional<std::vector<int64_t>>> StepCandidates(const SearchStep& step, const ParsedQuery& parsed,
                                                             const Filters& filters, const std::string& table,
                                                             const std::string& column,
                                                             const std::string& step_tsquery, int64_t cap);
  // The first |cap| matches by id of a step without candidates (|from_where| with
  // |params|, not in |exclude|), found range by range from the lowest id; nullopt when the
  // step is better run over all ids at once (RankedHits).
  Result<std::optional<std::vector<int64_t>>> FirstMatchesByRange(const SearchStep& step, const ParsedQuery& parsed,
                                                                  const Filters& filters, const std::string& table,
                                                                  const std::string& column, const std::string& tsquery,
                                                                  int64_t cap, const std::string& from_where,
                                                                  const std::vector<PgParam>& params,
                                                                  const std::vector<int64_t>& exclude);
  // The planner's estimate of the rows |select| returns (EXPLAIN: statistics, no scan).
  Result<int64_t> EstimatedRows(const std::string& select, const std::vector<PgParam>& params);

  std::string conninfo_;
  std::unique_ptr<PgConnection> db_;
  int version_;
  // Per search table: its rows as of the last VACUUM or ANALYZE (pg_class), its lowest and
  // highest document id.
  struct TableIds {
    double rows;
    int64_t min_id, max_id;
  };
  std::unordered_map<std::string, TableIds> table_ids_;
  bool in_txn_ = false;
  std::mutex claims_mu_;
  std::unique_ptr<PgConnection> claims_;
};

// A search row: document $1's filter values (schema version 8) as its documents row, just
// written in the same transaction, has them, and the tsvector $2.
std::string SearchRowInsertSql(const std::string& table, const std::string& column) {
  return "INSERT INTO " + table + " (doc_id, type_key, issued_date, issuer_key, " + column + ") SELECT d.id, " +
         StoredTypeKeySql(Dialect::kPostgres, "d.") + ", d.issued_date, d.issuer_key, $2::tsvector FROM documents d WHERE d.id = $1";
}

// Inserts |rows| into |table| after the document key, a few hundred rows per statement.
Status InsertChildRows(PgConnection& db, const char* table, const std::string& doc_id, const std::vector<Row>& rows) {
  if (rows.empty()) return Status::Ok();
  static const std::unordered_map<std::string, std::string> kInserts = [] {
    std::unordered_map<std::string, std::string> m;
    for (const char* t : {"tasks", "refs", "deadlines"}) m[t] = InsertSql(t, Dollar);
    return m;
  }();
  const std::string& single = kInserts.at(table);
  const std::string head = single.substr(0, single.find(" VALUES (") + 8);
  const size_t width = rows.front().size() + 1;
  const size_t per_statement = std::max<size_t>(1, 30000 / width);
  for (size_t first = 0; first < rows.size(); first += per_statement) {
    std::string sql = head;
    std::vector<PgParam> params;
    for (size_t r = first; r < std::min(rows.size(), first + per_statement); ++r) {
      sql += r == first ? "(" : ",(";
      params.emplace_back(doc_id);
      sql += Dollar(static_cast<int>(params.size()));
      for (const RowValue& v : rows[r]) {
        params.push_back(v);
        sql += "," + Dollar(static_cast<int>(params.size()));
      }
      sql += ")";
    }
    VANBAN_RETURN_IF_ERROR(db.Exec(sql, params));
  }
  return Status::Ok();
}

Result<PutResult> PgArchive::PutRows(const ArchiveDocument& d) {
  PutResult result;
  const DocumentRows rows = RowsOf(d, NowIso());
  auto old = db_->Query("DELETE FROM documents WHERE path = $1 RETURNING id", {d.path});
  if (!old.ok()) return old.status();
  result.replaced = old->rows() > 0;
  static const std::string kInsert = InsertSql("documents", Dollar) + " RETURNING id";
  auto inserted = db_->Query(kInsert, rows.document);
  if (!inserted.ok()) return inserted.status();
  const std::string id = inserted->Text(0, 0);
  const Header& h = d.doc->header;
  const std::string subject = h.subject ? h.subject->text : "";
  static const std::string kFoldedRow = SearchRowInsertSql("documents_search", "folded");
  static const std::string kExactRow = SearchRowInsertSql("documents_search_exact", "exact");
  VANBAN_RETURN_IF_ERROR(db_->Exec(kFoldedRow, {id, TsVectorLiteral(subject, d.text, true)}));
  VANBAN_RETURN_IF_ERROR(db_->Exec(kExactRow, {id, TsVectorLiteral(subject, d.text, false)}));
  VANBAN_RETURN_IF_ERROR(db_->Exec(
      "INSERT INTO documents_search_terms (doc_id, terms) VALUES ($1, $2::tsvector)",
      {id, TsVectorLexemes(DocumentTerms(d.subject_key.empty() ? SearchKey(subject) : d.subject_key,
                                         d.text_key.empty() ? SearchKey(d.text) : d.text_key,
                                         DocumentTypeKey(rows.document), DocumentValue(rows.document, "issued_date")))}));
  VANBAN_RETURN_IF_ERROR(InsertChildRows(*db_, "tasks", id, rows.tasks));
  VANBAN_RETURN_IF_ERROR(InsertChildRows(*db_, "refs", id, rows.refs));
  VANBAN_RETURN_IF_ERROR(InsertChildRows(*db_, "deadlines", id, rows.deadlines));
  // NĐ 30 Phụ lục VI III.1.h: warn on a second document with the same number, symbol, issuer.
  const ArchivalFields& f = rows.fields;
  if (!f.code_number.empty() && !f.code_notation.empty()) {
    auto dup = db_->Query(
        "SELECT path FROM documents WHERE code_number = $1 AND code_notation = $2"
        " AND organ_name IS NOT DISTINCT FROM $3 AND substr(issued_date, 1, 4) IS NOT DISTINCT FROM substr($4, 1, 4)"
        " AND id <> $5 LIMIT 1",
        {f.code_number, f.code_notation, f.organ_name.empty() ? PgParam() : PgParam(f.organ_name),
         f.dc_date.empty() ? PgParam() : PgParam(f.dc_date), id});
    if (!dup.ok()) return dup.status();
    if (dup->rows() > 0) result.duplicate_of = dup->Text(0, 0);
  }
  return result;
}

Result<PutResult> PgArchive::Put(const ArchiveDocument& d) {
  if (d.doc == nullptr) return Status::InvalidArgument("ArchiveDocument without a parsed document");
  // Inside a batch: a savepoint keeps the batch going when one document fails.
  const bool own_txn = !in_txn_;
  VANBAN_RETURN_IF_ERROR(db_->Exec(own_txn ? "BEGIN" : "SAVEPOINT put_document"));
  auto result = PutRows(d);
  if (!result.ok()) {
    (void)db_->Exec(own_txn ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT put_document");
    return result.status();
  }
  VANBAN_RETURN_IF_ERROR(db_->Exec(own_txn ? "COMMIT" : "RELEASE SAVEPOINT put_document"));
  return result;
}

// ---- Search ----------------------------------------------------------------------------
// The plan of search_query.h, as on SQLite: phrase, then all words, accents as typed
// before accent-free, each step adding the documents the earlier ones did not find.
// PostgreSQL's <N> is an exact distance, not "within N", so the near step is left out:
// its documents come with the all-words step, ranked by cover density (ts_rank_cd),
// which favours words close together.

// The columns of a hit: see HitRow.
const char* const kHitColumns =
    "d.id, d.path, d.full_symbol, d.doc_type, d.doc_type_label, d.type_name, d.issued_date, d.issuer, d.subject";

// Filters on |type_key| and the issuer_key and issued_date columns of |alias|: $2 the
// accepted (doc_type, doc_type_label, type_name) keys (a text array, NULL for any), $3 an
// issuer_key substring, $4/$5 ISO date bounds. One key is compared with = (the planner
// folds the CASE, the parameters being known when it plans), so that an index of (type
// key, id) gives that type's rows in id order (with = ANY it yields them by key, then id).
std::string FiltersSql(const std::string& alias, const std::string& type_key) {
  return " AND ($2::text[] IS NULL OR CASE WHEN cardinality($2::text[]) = 1 THEN " + type_key +
         " = ($2::text[])[1] ELSE " + type_key + " = ANY($2::text[]) END)" + " AND ($3 = '' OR " + alias +
         ".issuer_key LIKE '%' || $3 || '%' ESCAPE '\\')" + " AND ($4 = '' OR " + alias + ".issued_date >= $4) AND ($5 = '' OR " +
         alias + ".issued_date <= $5)";
}
// On documents d (documents_type_key_id, schema version 7), or on a search row s, which
// holds the same values (schema version 8: documents_search_type_key_id and _date_id).
const std::string kDocumentFilters = FiltersSql("d", StoredTypeKeySql(Dialect::kPostgres, "d."));
const std::string kSearchRowFilters = FiltersSql("s", "s.type_key");


}  // namespace

// The filters of a query as the SQL takes them.
struct PgArchive::Filters {
  PgParam types;  // NULL: any type
  std::string issuer, from, to;
  // The filters as candidate terms (search_terms.h): one of each group must be there.
  std::vector<std::vector<std::string>> terms;
  bool no_type = false;  // --type names no stored type
  bool any() const { return types.has_value() || !issuer.empty() || !from.empty() || !to.empty(); }
  // $1 (the caller's), then $2..$5.
  std::vector<PgParam> Params() const { return {PgParam(), types, issuer, from, to}; }
};

namespace {

// d.id, the hit columns: one hit without score and snippet.
SearchHit HitRow(const PgResult& r, int i) {
  SearchHit h;
  h.id = r.Int(i, 0);
  h.path = r.Text(i, 1);
  h.full_symbol = r.Text(i, 2);
  h.doc_type = EffectiveTypeCode(r.Text(i, 3), r.Text(i, 4), r.Text(i, 5));
  h.issued_date = r.Text(i, 6);
  h.issuer = r.Text(i, 7);
  h.subject = r.Text(i, 8);
  return h;
}

}  // namespace

Result<PgArchive::Filters> PgArchive::FiltersOf(const SearchQuery& q) {
  Filters f;
  if (!q.type.empty()) {
    auto r = db_->Query(StoredTypeKeysSql(Dialect::kPostgres));
    if (!r.ok()) return r.status();
    std::vector<std::string> stored;
    for (int i = 0; i < r->rows(); ++i) stored.push_back(r->Text(i, 0));
    const std::vector<std::string> keys = SelectTypeKeys(q.type, stored);
    f.types = TextArray(keys);  // "{}" (no stored type) selects nothing, as on SQLite
    std::vector<std::string> terms;
    for (const std::string& key : keys) terms.push_back(TypeTerm(key));
    f.no_type = terms.empty();
    if (!terms.empty()) f.terms.push_back(std::move(terms));
  }
  f.issuer = internal::LikeLiteral(SearchKey(q.issuer));
  if (Status st = internal::ResolveDateBounds(q, &f.from, &f.to); !st.ok()) return st;
  if (!f.from.empty() || !f.to.empty()) {
    // The years the stored dates span bound the candidate terms (search_terms.h,
    // StoredDateRangeTerms): two seeks in the index documents_date.
    auto span = db_->Query("SELECT coalesce(min(issued_date), ''), coalesce(max(issued_date), '') FROM documents");
    if (!span.ok()) return span.status();
    f.terms.push_back(StoredDateRangeTerms(f.from, f.to, span->Text(0, 0), span->Text(0, 1)));
  }
  return f;
}

Status PgArchive::RankedHits(const SearchStep& step, const std::vector<int64_t>& exclude, int64_t limit,
                             int64_t cap, const ParsedQuery& parsed, const SearchQuery& q, const Filters& filters,
                             std::vector<SearchHit>* out, std::vector<double>* relevance) {
  // Cover density (ts_rank_cd: proximity of the words), subject (A) before body (B).
  const bool fold = !step.as_typed;
  // The folded and the as-typed tsvectors have a table each (schema version 2).
  const std::string column = fold ? "s.folded" : "s.exact";
  const std::string table = fold ? "documents_search" : "documents_search_exact";
  const std::string tsquery = step.kind == MatchKind::kPhrase ? TsQueryPhrase(parsed, fold) : TsQueryAll(parsed, fold);
  // At most |cap| matches, the first by document id (the order of indexing, as on SQLite:
  // an order of the archive, not of where its rows happen to lie, which differs with the
  // number of import workers), then ranked (ts_rank_cd only for those), then the best
  // |limit|. The documents rows are read only for those (the filters' values are in the
  // search rows, schema version 8).
  // Few candidates (search_terms.h, kPgMaxCandidates): only they are checked, by id in
  // ascending order up to the cap, so the first |cap| matches are those of the scan. The
  // match is then no index condition (IS TRUE), or the planner could intersect it with the
  // GIN scan of the words, the cost this avoids.
  auto candidates = q.candidates ? StepCandidates(step, parsed, filters, table, column, tsquery, cap)
                                 : Result<std::optional<std::vector<int64_t>>>(std::optional<std::vector<int64_t>>());
  if (!candidates.ok()) return candidates.status();
  const bool by_id = candidates->has_value();
  if (by_id && (*candidates)->empty()) return Status::Ok();
  // The step's matches as |from_where| has them (the FROM and WHERE clauses, on the search
  // rows s alone: schema version 8); $1 the step's tsquery, $2..$5 the filters when it names them.
  std::vector<PgParam> params = filters.Params();
  params[0] = tsquery;
  if (!filters.any()) params.resize(1);
  std::string from_where;
  if (by_id) {
    std::sort((*candidates)->begin(), (*candidates)->end());
    params.push_back(IdArray(**candidates));
    const std::string ids = Dollar(static_cast<int>(params.size())) + "::bigint[]";
    // The filters (schema version 8: on the search row itself; a candidate holds the
    // filters' type and year tokens, but the bounds may be days) are no index condition
    // either: with the type's index the planner checked every candidate of the type and
    // sorted them (`vien thong --type NĐ`: 980 for 200, 15 ms against 3 in id order).
    from_where = " FROM " + table + " s WHERE s.doc_id = ANY(" + ids + ")" +
                 (filters.any() ? " AND (TRUE" + kSearchRowFilters + ") IS TRUE" : "") + " AND (" + column +
                 " @@ $1::tsquery) IS TRUE";
  } else if (filters.any()) {
    from_where = " FROM " + table + " s WHERE " + column + " @@ $1::tsquery" + kSearchRowFilters;
  } else {
    from_where = " FROM " + table + " s WHERE " + column + " @@ $1::tsquery";
  }
  // The first |cap| matches by id, ranked; the best |limit| with their documents row, and
  // how many matches there were. Ranked in a second pass over those alone: with the rank
  // beside the id, a plan that sorts the matches by id ranked every one of them first.
  auto ranked = [&](const std::string& where, std::vector<PgParam> p) -> Result<PgResult> {
    p.push_back(IdArray(exclude));
    std::string first = "SELECT s.doc_id" + where + " AND NOT (s.doc_id = ANY(" + Dollar(static_cast<int>(p.size())) +
                        "::bigint[]))";
    if (cap > 0) {
      p.push_back(std::to_string(cap));
      first += " ORDER BY s.doc_id LIMIT " + Dollar(static_cast<int>(p.size()));
    }
    p.push_back(std::to_string(limit));
    return db_->Query("WITH first AS MATERIALIZED (" + first + "), m AS MATERIALIZED (SELECT s.doc_id AS id," +
                          " ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', " + column + ", $1::tsquery, 1) AS score FROM " + table +
                          " s WHERE s.doc_id = ANY(ARRAY(SELECT doc_id FROM first))), top AS (SELECT id, score FROM m" +
                          " ORDER BY score DESC, id LIMIT " + Dollar(static_cast<int>(p.size())) + ") SELECT " +
                          kHitColumns + ", top.score, d.text, (SELECT count(*) FROM m) FROM top" +
                          " JOIN documents d ON d.id = top.id ORDER BY top.score DESC, d.id",
                      p);
  };
  // A step with many matches finds its first |cap| by id range by range from the lowest
  // (FirstMatchesByRange) and ranks those; the planner then reads a range in id order or
  // intersects the GIN scan with it, where over all ids it sorted every match by id
  // (`thuc hien`: 92% of the documents).
  std::optional<PgResult> result;
  if (!by_id && q.candidates) {
    auto first = FirstMatchesByRange(step, parsed, filters, table, column, tsquery, cap, from_where, params, exclude);
    if (!first.ok()) return first.status();
    if (*first) {
      if ((*first)->empty()) return Status::Ok();
      auto r = ranked(" FROM " + table + " s WHERE s.doc_id = ANY($2::bigint[])", {tsquery, IdArray(**first)});
      if (!r.ok()) return r.status();
      result = std::move(*r);
    }
  }
  if (!result) {
    auto r = ranked(from_where, std::move(params));
    if (!r.ok()) return r.status();
    result = std::move(*r);
  }
  for (int i = 0; i < result->rows(); ++i) {
    SearchHit h = HitRow(*result, i);
    h.exact = step.as_typed;
    h.match = std::string(MatchKindName(step.kind));
    relevance->push_back(result->Double(i, 9));
    h.snippet = HitSnippet(result->Text(i, 10), parsed, q.snippet_bytes, q.mark_open, q.mark_close);
    out->push_back(std::move(h));
  }
  return Status::Ok();
}

Result<int64_t> PgArchive::EstimatedRows(const std::string& select, const std::vector<PgParam>& params) {
  auto plan = db_->Query("EXPLAIN " + select, params);
  if (!plan.ok()) return plan.status();
  const std::string line = plan->rows() > 0 ? plan->Text(0, 0) : "";
  const size_t at = line.find(" rows=");
  return at == std::string::npos ? 0 : std::strtoll(line.c_str() + at + 6, nullptr, 10);
}

Result<std::optional<std::vector<int64_t>>> PgArchive::FirstMatchesByRange(
    const SearchStep& step, const ParsedQuery& parsed, const Filters& filters, const std::string& table,
    const std::string& column, const std::string& tsquery, int64_t cap, const std::string& from_where,
    const std::vector<PgParam>& params, const std::vector<int64_t>& exclude) {
  using Ids = std::optional<std::vector<int64_t>>;
  // Every match ranked: no first few will do. One type: documents_search_type_key_id
  // (schema version 8) gives its rows in id order, and the step stops at the cap over all ids.
  if (cap <= 0 || filters.types.has_value()) return Ids();
  auto size = table_ids_.find(table);
  if (size == table_ids_.end()) {
    auto r = db_->Query("SELECT c.reltuples, (SELECT min(doc_id) FROM " + table + "), (SELECT max(doc_id) FROM " + table +
                            ") FROM pg_catalog.pg_class c WHERE c.oid = $1::regclass",
                        {table});
    if (!r.ok()) return r.status();
    size = table_ids_.emplace(table, TableIds{r->Double(0, 0), r->Int(0, 1), r->Int(0, 2)}).first;
  }
  const TableIds ids = size->second;
  if (ids.rows < 1 || ids.max_id < ids.min_id) return Ids();  // never analysed, or empty
  // The planner takes a phrase for its words (`nam cua truong` would be in 98% of the
  // documents); its pairs bound it better (`nam_cua` & `cua_truong`, in
  // documents_search_terms; a phrase of two words is its pair). A filtered step: the
  // estimate of its own join.
  CandidateQuery pairs;
  if (step.kind == MatchKind::kPhrase && !filters.any()) pairs.pairs = RequiredPairs(parsed, step.kind);
  auto matches = filters.any()       ? EstimatedRows("SELECT 1" + from_where, params)
                 : pairs.pairs.empty() ? EstimatedRows("SELECT 1 FROM " + table + " s WHERE " + column + " @@ $1::tsquery", {tsquery})
                                       : EstimatedRows("SELECT 1 FROM documents_search_terms WHERE terms @@ $1::tsquery",
                                                       {TsQueryCandidates(pairs)});
  if (!matches.ok()) return matches.status();
  double share = static_cast<double>(*matches) / ids.rows;
  // Very few matches: sorting them all by id costs less than a range. Not for a phrase,
  // whose estimate from its pairs can be far below the truth (`nước nắm giữ` as typed:
  // under 50, 7,261 among 8,916 documents with the words, all rechecked and sorted in 64
  // ms; `bồi dưỡng theo`: 3,154 among 11,162, 103 ms), nor when a few times the cap.
  if (step.kind != MatchKind::kPhrase && 4.0 * share * ids.rows < static_cast<double>(cap)) return Ids();
  share = std::max(share, 1 / ids.rows);
  // Each range should hold twice the matches still wanted (the ids taken as evenly spread
  // between the lowest and the highest), and is at most an eighth of the ids: a match in
  // the range is then a condition of the bitmap (the GIN scan's and the key's intersected)
  // where, over most ids, the planner fetched every match to filter it (`chứng khoán` as
  // typed: estimated from its pair at 500 matches, 4,298, read in 58 ms for 200 of them).
  // The share is then the one measured in the last range (at least an eighth of the
  // previous: a range without matches grows eightfold). After kRanges ranges, when a range
  // would reach the highest id, or when at the measured share the rest should hold at most
  // twice the matches still wanted, the rest at once.
  constexpr int kRanges = 4;
  const double span = static_cast<double>(ids.max_id - ids.min_id + 1);
  const double rows_per_id = ids.rows / span;
  std::vector<int64_t> found;
  int64_t from = ids.min_id;
  bool rest = false;
  for (int range = 0; static_cast<int64_t>(found.size()) < cap; ++range) {
    const int64_t wanted = cap - static_cast<int64_t>(found.size());
    const double range_ids = std::min(2.0 * static_cast<double>(wanted) / share / rows_per_id, span / 8);
    const int64_t to = range < kRanges && !rest ? from + static_cast<int64_t>(range_ids) + 1 : 0;
    std::vector<PgParam> p = params;
    p.push_back(std::to_string(from));
    std::string where = from_where + " AND s.doc_id >= " + Dollar(static_cast<int>(p.size())) + "::bigint";
    const bool last = to <= 0 || to > ids.max_id;
    if (!last) {
      p.push_back(std::to_string(to));
      where += " AND s.doc_id < " + Dollar(static_cast<int>(p.size())) + "::bigint";
    }
    p.push_back(IdArray(exclude));
    where += " AND NOT (s.doc_id = ANY(" + Dollar(static_cast<int>(p.size())) + "::bigint[]))";
    p.push_back(std::to_string(wanted));
    auto r = db_->Query("SELECT s.doc_id" + where + " ORDER BY s.doc_id LIMIT " + Dollar(static_cast<int>(p.size())), p);
    if (!r.ok()) return r.status();
    for (int i = 0; i < r->rows(); ++i) found.push_back(r->Int(i, 0));
    if (last) break;
    const double measured = r->rows() / (static_cast<double>(to - from) * rows_per_id);
    rest = measured * static_cast<double>(ids.max_id - to + 1) * rows_per_id <= 2.0 * static_cast<double>(wanted - r->rows());
    share = std::max(measured, share / 8);
    from = to;
  }
  return Ids(std::move(found));
}

Result<std::optional<std::vector<int64_t>>> PgArchive::StepCandidates(const SearchStep& step, const ParsedQuery& parsed,
                                                                       const Filters& filters, const std::string& table,
                                                                       const std::string& column,
                                                                       const std::string& step_tsquery, int64_t cap) {
  CandidateQuery c;
  c.pairs = RequiredPairs(parsed, step.kind);
  c.any_of = filters.terms;
  c.none = filters.no_type;
  if (c.none) return std::optional<std::vector<int64_t>>(std::vector<int64_t>());
  if (c.empty()) return std::optional<std::vector<int64_t>>();
  // Candidates of a filter alone (no pair): the scan reads the filter's own index
  // (documents_type_key), cheaper than looking its documents up by TID once there are
  // more than kMaxCandidates (`dinh muc luong --type NQ`'s words step, 1,705 NQ documents
  // at 20,000: 25 ms scanning, 36 by TID).
  int64_t most = c.pairs.empty() ? kMaxCandidates : kPgMostCandidatesByCost;
  const std::string tsquery = TsQueryCandidates(c);
  // The planner's estimate first (its statistics know the commonest lexemes): a pair that
  // most documents hold (`thuc_hien`, 92% of them) read |most| + 1 rows for nothing, 26 ms
  // of the server's time at 20,000 documents, where the estimate costs a plan (0.3 ms).
  // With filters only when it can be right (search_terms.h, PgCandidateEstimateTrusted):
  // a filter alone or one pair with filters (`--from 2024-01-01`: 42,856 documents read
  // 1,001 candidate rows in 14-28 ms at 100,000 on every words step).
  if (PgCandidateEstimateTrusted(c)) {
    auto estimate = EstimatedRows("SELECT doc_id FROM documents_search_terms WHERE terms @@ $1::tsquery", {tsquery});
    if (!estimate.ok()) return estimate.status();
    if (*estimate > 2 * most) return std::optional<std::vector<int64_t>>();
  }
  // Past kPgMaxCandidates, by cost (search_terms.h), with the planner's estimate of the
  // documents that hold the words (common words: its statistics know them). A filtered
  // scan reads the documents that pass the filters instead (a nested loop at 100,000
  // documents), also until |cap| matches, so the same model holds: `chinh phu cap
  // --from 2024-01-01`, 3,952 candidates and 1 match among the 42,856 documents dated
  // 2024 or later, 400 -> 120 ms of server CPU. Asked before the candidates are read, so
  // that no more are read than the model could take (PgMostCandidatesCheaperThanScan).
  int64_t words = 0;
  const bool by_cost = most > kPgMaxCandidates;
  if (by_cost) {
    auto estimate = EstimatedRows("SELECT 1 FROM " + table + " s WHERE " + column + " @@ $1::tsquery", {step_tsquery});
    if (!estimate.ok()) return estimate.status();
    words = *estimate;
    most = std::max(kPgMaxCandidates, PgMostCandidatesCheaperThanScan(words, cap, 1.0));
  }
  // No ORDER BY: sorting the ids read every row of the GIN scan's bitmap (tens of
  // thousands for a common pair) only to find that there were too many; unsorted, the
  // heap scan stops after one more than the limit. Through the GIN index always (schema
  // version 6: a scan of the table would read every row's terms out of line).
  auto read = [&](int64_t limit) {
    return db_->Query("SELECT vanban_candidates($1::tsquery, $2)", {tsquery, std::to_string(limit + 1)});
  };
  auto r = read(most);
  if (!r.ok()) return r.status();
  // The share of matches among the first candidates read (unsorted: as they lie).
  auto sample_share = [&]() -> Result<double> {
    std::string sample = "{";
    for (int i = 0; i < r->rows() && i < kPgCandidateSample; ++i) sample += (i ? "," : "") + r->Text(i, 0);
    auto matched = db_->Query("SELECT count(*) FROM " + table + " s WHERE s.doc_id = ANY($2::bigint[]) AND (" +
                                  column + " @@ $1::tsquery) IS TRUE",
                              {step_tsquery, sample + "}"});
    if (!matched.ok()) return matched.status();
    return static_cast<double>(matched->Int(0, 0)) / static_cast<double>(std::min<int64_t>(r->rows(), kPgCandidateSample));
  };
  const bool matches_unknown = !CandidatesAreMatches(parsed, step);
  if (r->rows() > most) {
    // Too many if every candidate is a match. With more than one pair they may be far
    // fewer (search_terms.h, CandidatesAreMatches): their share tells how many the model
    // could take, and the candidates are read again up to that (`công nhân dân --exact`:
    // none of 6,741).
    if (!by_cost || !matches_unknown) return std::optional<std::vector<int64_t>>();
    auto share = sample_share();
    if (!share.ok()) return share.status();
    const int64_t most_for_share = PgMostCandidatesCheaperThanScan(words, cap, *share);
    if (most_for_share <= most) return std::optional<std::vector<int64_t>>();
    most = most_for_share;
    r = read(most);
    if (!r.ok()) return r.status();
    if (r->rows() > most) return std::optional<std::vector<int64_t>>();
  }
  std::vector<int64_t> ids;
  for (int i = 0; i < r->rows(); ++i) ids.push_back(r->Int(i, 0));
  return std::optional<std::vector<int64_t>>(std::move(ids));
}

Result<std::vector<SearchHit>> PgArchive::Search(const SearchQuery& q) {
  std::vector<SearchHit> hits;
  const ParsedQuery parsed = ParseQuery(q.text);
  const bool blank = q.text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (parsed.terms.empty() && !blank) {
    return Status::InvalidArgument("the query '" + q.text + "' has no words to search for");
  }
  const int64_t limit = q.limit > 0 ? q.limit : 20;
  auto filters = FiltersOf(q);
  if (!filters.ok()) return filters.status();
  Status st;
  if (parsed.terms.empty()) {
    // No words: the documents the filters select, newest first.
    std::vector<PgParam> params = filters->Params();
    params[0] = "";
    params.push_back(std::to_string(limit));
    auto r = db_->Query(std::string("SELECT ") + kHitColumns + " FROM documents d WHERE $1 = ''" + kDocumentFilters +
                            " ORDER BY d.issued_date DESC NULLS LAST, d.path LIMIT $6",
                        params);
    if (!r.ok()) return r.status();
    for (int i = 0; i < r->rows(); ++i) hits.push_back(HitRow(*r, i));
  } else {
    std::vector<SearchStep> plan;
    for (const SearchStep& step : SearchPlan(parsed, q.exact)) {
      if (step.kind != MatchKind::kNear) plan.push_back(step);
    }
    std::vector<size_t> step_of;
    std::vector<double> relevance;
    for (size_t k = 0; k < plan.size() && st.ok() && static_cast<int64_t>(hits.size()) < limit; ++k) {
      std::vector<int64_t> ids;
      for (const SearchHit& h : hits) ids.push_back(h.id);
      const int64_t wanted = limit - static_cast<int64_t>(hits.size());
      st = RankedHits(plan[k], ids, wanted, RankedMatchesCap(q, wanted), parsed, q, *filters, &hits, &relevance);
      step_of.resize(hits.size(), k);
    }
    if (st.ok()) AssignScores(&hits, step_of, relevance, plan.size());
  }
  if (!st.ok()) return Status(st.code(), "search failed for '" + q.text + "': " + st.message());
  return hits;
}

namespace {

// ---- Opening ----------------------------------------------------------------------------

Result<int> ReadVersion(PgConnection& db, bool* other_tables) {
  // The other tables are counted only without a schema_version table: planning the
  // pg_tables view on a new connection's cold catalog caches took 2 ms of the server's
  // time in every search. Counted with the version table again, in one snapshot: a
  // worker that has just created the schema must not look like other tables.
  auto r = db.Query("SELECT to_regclass('schema_version') IS NOT NULL");
  if (!r.ok()) return r.status();
  *other_tables = false;
  if (r->Text(0, 0) != "t") {
    r = db.Query(
        "SELECT to_regclass('schema_version') IS NOT NULL,"
        " (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema())");
    if (!r.ok()) return r.status();
    if (r->Text(0, 0) != "t") {
      *other_tables = r->Int(0, 1) > 0;
      return 0;
    }
  }
  auto v = db.Query("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!v.ok()) return v.status();
  return static_cast<int>(v->Int(0, 0));
}

// The candidate terms (search_terms.h) of every stored document, computed here (they are
// vanban's tokens): keyset pages of documents, each page one INSERT.
Status BackfillSearchTerms(PgConnection& db) {
  std::string after = "0";
  for (;;) {
    auto page = db.Query("SELECT id, coalesce(subject, ''), text, " + StoredTypeKeySql(Dialect::kPostgres) +
                             ", coalesce(issued_date, '') FROM documents WHERE id > $1 ORDER BY id LIMIT 500",
                         {after});
    if (!page.ok()) return page.status();
    if (page->rows() == 0) return Status::Ok();
    std::vector<std::string> ids, terms;
    for (int i = 0; i < page->rows(); ++i) {
      ids.push_back(after = page->Text(i, 0));
      terms.push_back(TsVectorLexemes(
          DocumentTerms(SearchKey(page->Text(i, 1)), SearchKey(page->Text(i, 2)), page->Text(i, 3), page->Text(i, 4))));
    }
    VANBAN_RETURN_IF_ERROR(db.Exec("INSERT INTO documents_search_terms (doc_id, terms)"
                                   " SELECT * FROM unnest($1::bigint[], $2::tsvector[])",
                                   {TextArray(ids), TextArray(terms)}));
  }
}

Status CheckVersion(int version) {
  const int known = static_cast<int>(ArchiveMigrations().size());
  if (version > known) {
    return Status::Unsupported("archive schema version " + std::to_string(version) +
                               " is newer than this vanban supports (" + std::to_string(known) + ")");
  }
  return Status::Ok();
}

// As SQLite's write lock probe: a role that may only read, or a read-only database (a
// standby, default_transaction_read_only), is one error before any work, not a failure
// of every document.
Status CheckWritable(PgConnection& db) {
  auto r = db.Query(
      "SELECT current_setting('transaction_read_only') = 'on', current_user,"
      " (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_catalog.pg_class c"
      "  WHERE c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema())"
      "  AND c.relkind = 'r' AND NOT ("
      "   has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT') AND"
      "   has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE')))");
  if (!r.ok()) return r.status();
  if (r->Text(0, 0) == "t") {
    return Status::IOError("cannot write the archive: the database is read-only (a standby server, or "
                           "default_transaction_read_only is on)");
  }
  if (!r->IsNull(0, 2)) {
    return Status::IOError("cannot write the archive: role " + r->Text(0, 1) +
                           " may not insert, update and delete in table(s) " + r->Text(0, 2));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<ArchiveBackend>> OpenPostgresArchive(const std::string& conninfo, ArchiveAccess access) {
  auto db = PgConnection::Connect(conninfo);
  if (!db.ok()) return db.status();
  PgConnection& c = **db;
  // No synchronised sequential scans and no parallel workers: a step's first matches are
  // those of the lowest ids whatever the plan, but a scan that starts where another
  // session's stopped, or a Gather that yields its workers' rows as they come, makes the
  // work of a search differ from one run to the next; on 2 cores shared by 8 clients the
  // workers saved no time either.
  VANBAN_RETURN_IF_ERROR(c.Exec(
      "SELECT set_config('synchronize_seqscans', 'off', false), set_config('max_parallel_workers_per_gather', '0', false)"));
  bool other_tables = false;
  auto version = ReadVersion(c, &other_tables);
  if (!version.ok()) return version.status();
  // Before anything is written: refuse databases that are not (empty or) vanban archives.
  if (other_tables) return Status::InvalidArgument("not a vanban archive: a PostgreSQL database with other tables");
  VANBAN_RETURN_IF_ERROR(CheckVersion(*version));
  const auto& migrations = ArchiveMigrations();
  if (access == ArchiveAccess::kReadOnly) {
    // As on SQLite: a reader neither creates nor upgrades the schema.
    const int known = static_cast<int>(migrations.size());
    if (*version == 0) return Status::InvalidArgument("not an archive database: no vanban schema");
    if (*version < known) {
      return Status::Unsupported("archive schema version " + std::to_string(*version) +
                                 " is older than this vanban's (" + std::to_string(known) +
                                 "): run vanban index on it once to upgrade");
    }
    return std::unique_ptr<ArchiveBackend>(new PgArchive(conninfo, std::move(*db), *version));
  }
  if (*version < static_cast<int>(migrations.size())) {
    // Workers starting together: one migrates, the others wait for it and find it done.
    VANBAN_RETURN_IF_ERROR(c.Exec("BEGIN"));
    auto migrate = [&]() -> Status {
      VANBAN_RETURN_IF_ERROR(c.Exec(std::string("SELECT pg_advisory_xact_lock(") + kLockClass + ", 0)"));
      bool other = false;
      auto now = ReadVersion(c, &other);
      if (!now.ok()) return now.status();
      if (other) return Status::InvalidArgument("not a vanban archive: a PostgreSQL database with other tables");
      VANBAN_RETURN_IF_ERROR(CheckVersion(*now));
      VANBAN_RETURN_IF_ERROR(c.ExecScript(kSchemaVersionTable));
      for (size_t v = static_cast<size_t>(*now); v < migrations.size(); ++v) {
        // A migration of SQLite's alone (version 5) has no SQL here: PostgreSQL refuses an
        // empty query string.
        const std::string sql = MigrationSql(migrations[v], Dialect::kPostgres);
        Status st = sql.empty() ? Status::Ok() : c.ExecScript(sql);
        if (st.ok() && migrations[v].backfill_search_terms) st = BackfillSearchTerms(c);
        if (st.ok() && *migrations[v].postgres_after_backfill) st = c.ExecScript(migrations[v].postgres_after_backfill);
        if (st.ok()) {
          st = c.Exec("INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
                      {std::to_string(v + 1), NowIso()});
        }
        if (!st.ok()) {
          return Status(st.code(), "migration to schema version " + std::to_string(v + 1) + " failed: " + st.message());
        }
      }
      return Status::Ok();
    };
    Status st = migrate();
    if (!st.ok()) {
      (void)c.Exec("ROLLBACK");
      return st;
    }
    VANBAN_RETURN_IF_ERROR(c.Exec("COMMIT"));
    *version = static_cast<int>(migrations.size());
  }
  VANBAN_RETURN_IF_ERROR(CheckWritable(c));
  return std::unique_ptr<ArchiveBackend>(new PgArchive(conninfo, std::move(*db), *version));
}

}  // namespace vanban::internal
