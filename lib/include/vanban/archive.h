// The archivist's workflow: a searchable archive of parsed documents, in an SQLite file
// (the default) or a PostgreSQL database shared by many workers and readers.
//
//   auto db = vanban::Archive::Open("archive.sqlite");   // creates or migrates the schema
//   // or Archive::Open("postgresql://clerk@db.example/archive")
//   vanban::IndexOptions o; o.inputs = {"scans/"}; o.db_path = "archive.sqlite";
//   auto stats = vanban::IndexDocuments(o);               // parallel, incremental, resumable
//   auto hits = (*db)->Search({.text = "nghi quyet dan chu"});
//
// Schema, migrations and the search syntax: docs/archive.md. Search is accent-insensitive
// (a diacritic-free, lower-case copy of every text is indexed next to the original) and
// ranked with FTS5 bm25, exact accented matches first.
#ifndef VANBAN_ARCHIVE_H_
#define VANBAN_ARCHIVE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vanban/document.h"
#include "vanban/model.h"
#include "vanban/pipeline.h"
#include "vanban/status.h"

namespace vanban {

// Lower-case hex SHA-256 of |data| (the content hash of archived files).
std::string Sha256Hex(std::string_view data);

// Accent- and case-insensitive search key: every code point lower-cased and stripped of
// Vietnamese marks (đ -> d), one code point out per code point in, so offsets in the key
// are offsets in the text.
std::string SearchKey(std::string_view text);

// ---- Archival metadata (design note §2) -------------------------------------------------

struct ArchivalFields {
  // NĐ 30 Phụ lục VI (outgoing document); English tag names of the standard.
  std::string type_name;      // TypeName "Kế hoạch"
  std::string code_number;    // CodeNumber "34"
  std::string code_notation;  // CodeNotation "KH-UBND"
  std::string issued_date;    // IssuedDate "21/01/2026"
  std::string organ_name;     // OrganName
  std::string subject;        // Subject
  std::string language = "vi";
  std::string signer_position;   // SignerInfo/Position
  std::string signer_full_name;  // SignerInfo/FullName
  std::string to;                // To: recipients joined with "; "
  std::string priority;          // urgency / secrecy
  // Dublin Core 1.1.
  std::string dc_title, dc_creator, dc_subject, dc_description, dc_publisher, dc_contributor,
      dc_date, dc_type, dc_format, dc_identifier, dc_source, dc_language, dc_relation,
      dc_coverage, dc_rights;
};
ArchivalFields ArchivalFieldsOf(const Document& doc, std::string_view sha256);
// The two JSON members "archival":{TypeName, CodeNumber, …, SignerInfo:{Position,
// FullName}, To:[…], Priority} and "dublin_core":{title, …, relation:[…], rights}
// (empty values null), for splicing into an object.
std::string ArchivalJson(const ArchivalFields& f);
// The vanban.doc/1 record (DocumentToJson) with those two members added: what the archive
// stores and `index --export jsonl` / `export --to json` write. |indent| < 0: one line.
std::string ArchivalRecordJson(const Document& doc, std::string_view sha256, int indent = -1);
// The same handed to |sink| piece by piece as it is written (WriteDocumentJson): memory
// stays small however long the document.
void WriteArchivalRecordJson(const Document& doc, std::string_view sha256, int indent, const JsonSink& sink);
// |record| (a vanban.doc/1 object on one line) with the two members added unless it has
// them already.
std::string WithArchivalJson(std::string record, const Document& doc, std::string_view sha256);

// ---- The archive database ---------------------------------------------------------------

inline constexpr int kArchiveSchemaVersion = 8;

struct ArchiveDocument {
  std::string path;  // absolute, the key: re-indexing a path replaces its row
  std::string sha256;
  int64_t size = 0;
  std::string text;         // full (restored) text, indexed for search
  std::string record_json;  // ArchivalRecordJson(doc, sha256)
  const Document* doc = nullptr;
  // SearchKey(text) and SearchKey(subject), when already computed (IndexDocuments does it
  // on the worker threads); empty = computed by Put.
  std::string text_key, subject_key;
};

struct PutResult {
  bool replaced = false;           // a row for this path existed (content changed)
  std::string duplicate_of;        // another path with the same (number, symbol, issuer)
};

struct SearchQuery {
  // Words (accents optional), "quoted phrases", prefix*. Empty: the documents the filters
  // select, newest first; text without any word (punctuation only) is kInvalidArgument.
  std::string text;
  bool exact = false;  // accents must match as written (no accent-free matching)
  // Document type by code or name: "KH", "kh", "Kế hoạch", "CV", "cong van" (công văn).
  std::string type;
  std::string issuer;  // substring of the issuer, accent-insensitive
  std::string from;    // issued on or after: YYYY, YYYY-MM or YYYY-MM-DD (SearchDateBound)
  std::string to;      // issued on or before (a year or month: up to its last day)
  int limit = 20;
  // Each kind of match (SearchPlan step) ranks at most this many of its matches (at least
  // |limit|): when more match, the first found in the order of indexing (lowest ids). A
  // common word matches half an archive, and ranking all of it (bm25, ts_rank_cd reading
  // every match's positions) is what made a search slow; 0: rank every match. The same
  // on both back ends, so that they show the same documents (200: at 100,000 documents
  // a median PostgreSQL query's server time halves, SQLite's query p99 62 -> 38 ms).
  int rank_at_most = 200;
  // A phrase step or a filtered one first asks the candidate index of schema version 4
  // for the documents that can match (docs/archive.md, Search); false: every step scans
  // the full-text index as before (the same answers; for tests and measurements).
  bool candidates = true;
  std::string mark_open = "[";  // around matched words in snippets
  std::string mark_close = "]";
  size_t snippet_bytes = 240;
};

struct SearchHit {
  int64_t id = 0;
  std::string path, full_symbol, doc_type, issued_date, issuer, subject;
  std::string snippet;   // plain text, one line, control characters escaped (EscapeControlChars)
  // Relevance 0..1 (three decimals), hits in decreasing order: the kind of match sets the
  // band (a phrase above words near each other above words anywhere; accents as typed
  // above accent-free), bm25 relative to the best hit of that kind places it inside.
  // 0 when listing without words.
  double score = 0;
  std::string match;     // "phrase", "near", "words"; "" when listing without words
  bool exact = false;    // accented query: the words occur with exactly these accents
};

// True when |text| has a word to search for (not empty, blank or punctuation only).
bool SearchTextHasWords(std::string_view text);

// A --from/--to date: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date. The ISO date that
// bounds the period: its first day, or with |upper| its last ("2026-02" -> "2026-02-28").
// kInvalidArgument saying what is wrong otherwise ("2026-02-30": February has 28 days).
Result<std::string> SearchDateBound(std::string_view text, bool upper);

// The longest query searched: a pasted subject line fits many times over, and a text of
// the same words repeated thousands of times, which the full-text engines take minutes to
// match, does not.
inline constexpr size_t kMaxSearchWords = 100;
inline constexpr size_t kMaxSearchQueryBytes = 2000;

// What a search of |q| refuses before asking the archive, with |*field| set to the
// member at fault: "from" or "to" (not a date: SearchDateBound's message), or "query"
// (empty or blank, or punctuation only, when |text_given|; longer than kMaxSearchWords
// words or kMaxSearchQueryBytes bytes); without |text_given| an empty text lists the
// documents the filters select. kInvalidArgument; OK when none.
Status CheckSearchQuery(const SearchQuery& q, bool text_given, std::string* field);

// One hit as `search --format jsonl` writes it: {"path", "symbol", "type", "issued_date",
// "issuer", "subject", "score", "match", "exact", "snippet"}, empty values null, score
// null when listing without words; |indent| >= 0: indented by that many spaces. DEL and
// the C1 controls, which JSON may carry raw, are written \u007f, \u0080..\u009f, so that a
// terminal showing the JSON never receives a control character.
std::string SearchHitJson(const SearchHit& hit, int indent = -1);

// |text| for a terminal: C0 control characters except tab and newline, DEL and the C1
// controls (U+0080..U+009F) as "\x1b" / "\u009b", so that document text can never move
// the cursor, change colours or ring the bell.
std::string EscapeControlChars(std::string_view text);

struct ArchiveStats {
  int64_t documents = 0, tasks = 0, references = 0, deadlines = 0;
};

// One stored document, as the export reads it.
struct StoredRecord {
  int64_t id = 0;
  std::string path, sha256, full_symbol, doc_type, issued_date, issuer, subject, text, record_json;
};

// Claiming a document before indexing it, so that several processes writing one shared
// archive never index a document twice: kClaimed (index it, then Release), kBusy (another
// worker holds it now: try again later), kDone (already stored with this content).
enum class ClaimOutcome { kClaimed, kBusy, kDone };

namespace internal {
class ArchiveBackend;
}

// True when |db| names a PostgreSQL archive: "postgresql://…", "postgres://…" (libpq URIs)
// or "pg:" followed by libpq keyword/value settings or nothing (then the PG* variables and
// ~/.pgpass decide).
bool IsPostgresArchive(std::string_view db);
// |db| fit for messages and logs: a PostgreSQL connection string with its password masked.
std::string ArchiveDisplayName(std::string_view db);


enum class ArchiveAccess {
  kReadWrite,  // create when missing, migrate, write
  kReadOnly,   // search only: never writes, also in a read-only directory
};

class Archive {
 public:
  // kReadWrite: opens or creates |path|, in WAL mode, and applies any pending schema
  // migrations; a file or directory that cannot be written (no write permission, even
  // for root; a read-only file system) is kIOError before anything else happens.
  // kReadOnly: opens an existing archive for reading only (SQLITE_OPEN_READONLY; when
  // its directory cannot be written and SQLite cannot make its WAL index there, as an
  // immutable file); it must be at the current schema version.
  // A database from a newer vanban is kUnsupported; a file that is not an archive (not
  // SQLite, or SQLite with other tables) is kInvalidArgument and left untouched. Messages
  // do not repeat |path|: the caller names it (with ArchiveDisplayName).
  // A PostgreSQL |path| (IsPostgresArchive) connects and migrates the same schema there
  // (kReadOnly: connects and checks the schema version only); a database with other
  // tables, or a schema other than this vanban's, is refused untouched; messages never
  // contain the password.
  static Result<std::unique_ptr<Archive>> Open(const std::string& path,
                                               ArchiveAccess access = ArchiveAccess::kReadWrite);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  int schema_version() const;
  // path -> sha256 of every stored document (for incremental indexing).
  Result<std::unordered_map<std::string, std::string>> StoredHashes();

  Status Begin();
  Status Commit();
  Status Rollback();
  // Stores one document (documents, tasks, refs, deadlines, full-text rows), replacing any
  // row with the same path; all or nothing (savepoint), inside or outside Begin/Commit.
  Result<PutResult> Put(const ArchiveDocument& d);
  Status Remove(const std::string& path);
  // Stored paths (for pruning files that no longer exist).
  Result<std::vector<std::string>> StoredPaths();

  Result<std::vector<SearchHit>> Search(const SearchQuery& q);
  Result<ArchiveStats> Stats();
  // Calls |fn| with the path and stored record (ArchivalRecordJson) of every document, by
  // path: what `index --export jsonl` writes.
  Status ForEachRecord(const std::function<void(const std::string& path, const std::string& record_json)>& fn);
  // Consistency check: SQLite's integrity_check and foreign_key_check, FTS5's
  // integrity-check, every document with its full-text row holding the same text and
  // search keys, every record valid JSON. One line per problem found; empty when sound.
  // (Needs write access: FTS5 runs its check as a command written to the table.)
  Result<std::vector<std::string>> Check();
  // Every stored document in id order, with the fields the bulk export needs; stops at
  // the first error |fn| returns.
  Status ForEachStoredRecord(const std::function<Status(const StoredRecord&)>& fn);
  // Readies the archive for searching after a bulk load (`index --optimize`): on SQLite the
  // FTS5 index merged into one segment (a load leaves tens; each term of a query is then
  // looked up in every one) and the WAL checkpointed; on PostgreSQL VACUUM ANALYZE of the
  // search tables (GIN pending lists merged, planner statistics). Answers do not change.
  Status Optimize();

  // Coordination of several writing processes (PostgreSQL); thread-safe. A claim lasts
  // until Release (after the document is committed) or until the process ends, so the
  // documents of a killed worker are taken over by the others.
  Result<ClaimOutcome> Claim(const std::string& path, const std::string& sha256);
  Status Release(const std::string& path);

 private:
  explicit Archive(std::unique_ptr<internal::ArchiveBackend> backend);
  std::unique_ptr<internal::ArchiveBackend> backend_;
};

// ---- Many searches over one connection (`search --queries FILE`) -----------------------

// One line of a query file: the query it asks for. A line whose first character that is
// not blank is "{" is a JSON object whose members replace those of |defaults| (the
// command line's): "query" (words, as QUERY; left out: the documents the filters
// select), "type", "issuer", "from", "to" (strings; "" removes that filter), "exact"
// (true or false), "limit" (a whole number, 1 to 10000). Any other line is the query's
// words, as typed (a quoted "phrase" included). kInvalidArgument naming what is wrong:
// not JSON, a member that is not one of these, given twice or of another type, a date
// that is not one, a query without words (CheckSearchQuery).
Result<SearchQuery> ParseQueryLine(std::string_view line, const SearchQuery& defaults);

struct QueryLineAnswer {
  size_t line = 0;                    // 1-based, blank lines counted
  std::optional<std::string> query;   // the words asked for; none for a listing or a line not read
  std::vector<SearchHit> hits;
  Status error;                       // not OK: this line was not answered, why
  // The archive itself failed (a lost connection: kIOError): no line after this one is
  // answered, and AnswerQueryLines returns |error|.
  bool ends_session = false;
  double wall_ms = 0, cpu_ms = 0;     // Archive::Search of this line (CPU: the process's)
  // The answer as one line of JSON (no newline): {"line": N, "query": …, "hits": [hit,
  // …]} with SearchHitJson's hits, or {"line": N, "query": …, "error": "…"}.
  std::string json;
};

struct QuerySessionStats {
  size_t answered = 0;     // lines answered (with hits or without)
  size_t without_hits = 0; // of those, lines that found nothing
  size_t failed = 0;       // lines refused or whose search failed
};

// Answers the lines of |in| one by one, in order, over the one connection of |archive|:
// each line (ParseQueryLine over |defaults|) is searched and handed to |on_answer| before
// the next is read, so that a program may hold the session open and talk to it through a
// pipe. Blank lines are skipped; a line's own error is its answer and the session goes
// on, also for a line over 16,000 bytes, which is read past without being kept. Ends at the end of |in|, at the first error |on_answer| returns (returned), or when
// the archive fails (ends_session; its error returned), never waiting for more input.
Result<QuerySessionStats> AnswerQueryLines(Archive& archive, std::istream& in, const SearchQuery& defaults,
                                           const std::function<Status(const QueryLineAnswer&)>& on_answer);

// ---- Bulk export for search clusters ----------------------------------------------------

struct BulkExportOptions {
  // Files written: OUT/vanban-00001.ndjson … when |out| is a directory (or ends with '/'),
  // else OUT-00001.ndjson …
  std::string out;
  std::string index = "vanban";            // _index of every action line
  size_t max_file_bytes = 10'000'000;     // a new file before this size is passed
};

struct BulkExportStats {
  size_t documents = 0;
  std::vector<std::string> files;
};

// Writes the whole archive in the OpenSearch / Elasticsearch bulk format (NDJSON: an
// action line {"index":{"_index","_id"}} then the document), one `curl --data-binary @FILE
// …/_bulk` per file. Documents carry the text as stored and pre-folded (SearchKey) copies
// for the mapping in docs/opensearch-mapping.json. A document larger than the limit gets
// a file of its own.
Result<BulkExportStats> ExportBulk(Archive& archive, const BulkExportOptions& options);

// The document line of one stored record (also what tests check against the mapping).
std::string BulkDocumentJson(const StoredRecord& r);

// ---- Batch indexing ---------------------------------------------------------------------

enum class IndexOutcome { kIndexed, kReplaced, kUnchanged, kFailed };
std::string_view IndexOutcomeName(IndexOutcome o);

struct IndexFileEvent {
  std::string path;
  IndexOutcome outcome = IndexOutcome::kIndexed;
  std::string error;        // kFailed: why
  std::string warning;      // e.g. duplicate of another document
  std::string record_json;  // kIndexed / kReplaced
};

struct IndexProgress {
  size_t done = 0, total = 0, failed = 0;
  double elapsed_seconds = 0;
};

struct IndexStats {
  size_t files = 0, indexed = 0, replaced = 0, unchanged = 0, failed = 0, removed = 0;
  double wall_seconds = 0;
  // Wall time per phase: read, restore, parse, record summed over the workers; db on the
  // writer thread.
  double read_seconds = 0, restore_seconds = 0, parse_seconds = 0, db_seconds = 0;
  // CPU time per phase (thread CPU clocks): not inflated when the machine is busy.
  double restore_cpu_seconds = 0, parse_cpu_seconds = 0;
  double record_cpu_seconds = 0;  // JSON record and search keys, on the workers
  double db_cpu_seconds = 0;      // SQLite inserts and commits, on the writer
  bool cancelled = false;
};

struct IndexOptions {
  std::vector<std::string> inputs;  // files and directories (searched for *.txt, recursively)
  // Import `vanban parse` records (vanban.doc/1 JSON Lines; "-" = standard input) instead
  // of reading |inputs|: nothing is restored or parsed again. A record's key is its
  // source.path, its content hash the SHA-256 of its line.
  std::string from_jsonl;
  std::string db_path;
  int jobs = 0;                      // worker threads; 0 = all cores
  std::shared_ptr<const Model> model;  // nullptr = parse without restoring (LoadModel)
  // How documents are read (vanban/pipeline.h); a document whose restore and parse take
  // longer than read.time_budget_seconds fails, and the batch goes on.
  ReadOptions read{.decode = {}, .restore = {}, .merge_tables = true, .time_budget_seconds = 60};
  size_t batch_size = 32;           // documents per transaction
  double batch_seconds = 1.0;       // ... or commit at least this often
  const std::atomic<bool>* cancel = nullptr;  // set to stop early (work done is kept)
  // Per input: only regular files are read (a FIFO, device or socket fails, reported and
  // skipped), of at most max_input_bytes (0: any size). The batch goes on.
  uint64_t max_input_bytes = uint64_t{64} << 20;
  // Remove stored documents that lie under an input directory (or are an input file)
  // but no longer exist on disk.
  bool prune = false;
  // Called on the calling thread, in completion order.
  std::function<void(const IndexFileEvent&)> on_file;
  std::function<void(const IndexProgress&)> on_progress;
};

// The files |inputs| name, as absolute paths: files as given, directories walked for *.txt
// (sorted). An input that does not exist is an error, or, when |missing| is given, listed
// there (with the reason) and skipped.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs,
                                              std::vector<std::pair<std::string, std::string>>* missing = nullptr);

// Whether IndexDocuments can write the archive at |path|: an existing archive is opened
// for writing (Archive::Open, kReadWrite: permissions, not an archive, newer schema), a
// missing one needs a writable directory; a PostgreSQL archive is connected to (and
// migrated). Run before any work so that a read-only archive (or wrong credentials) is
// one clear error, not a failure of every document.
Status CheckArchiveWritable(const std::string& path);

// Indexes every input into the archive: unchanged files (same path and hash) skipped,
// changed ones replaced, bad ones (also inputs that do not exist) reported through
// on_file and skipped. Each batch is one transaction, so an interrupted run leaves a
// consistent database and can be resumed. A missing archive is created only when the
// first document is stored: a run that stores nothing leaves no file behind. Errors:
// only the database itself (CheckArchiveWritable first).
Result<IndexStats> IndexDocuments(const IndexOptions& options);

}  // namespace vanban

#endif  // VANBAN_ARCHIVE_H_
