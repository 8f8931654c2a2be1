// The archivist's workflow: a searchable SQLite archive of parsed documents.
//
//   auto db = vanban::Archive::Open("archive.sqlite");   // creates or migrates the schema
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
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vanban/document.h"
#include "vanban/model.h"
#include "vanban/restore.h"
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

// ---- Reading one document: decode, restore, parse -----------------------------------------

// Loads the restoration model: |path| when given, else $VANBAN_MODEL, else the default
// locations. Only when no model exists anywhere is the result nullptr (documents are then
// parsed as they are); a model that exists but cannot be loaded is an error.
Result<std::shared_ptr<const Model>> LoadRestorationModel(const std::string& path);

struct IngestedDocument {
  Document doc;
  std::string text;  // restored text (the source text when there is no model)
  double restore_seconds = 0;      // wall time
  double parse_seconds = 0;
  double restore_cpu_seconds = 0;  // CPU time of the calling thread
  double parse_cpu_seconds = 0;
};

// Decode + restore + parse. Not thread-safe (owns a Restorer): one per thread; the model
// may be shared.
class Ingester {
 public:
  explicit Ingester(std::shared_ptr<const Model> model, const RestoreOptions& restore = {});
  ~Ingester();
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  bool restores() const;
  // Time one document may take in FromText (FromBytes: after decoding); 0, the default,
  // is no limit. Restore and parse stop cooperatively once it has passed, and the
  // document fails with kUnsupported.
  void set_time_budget(double seconds);
  // |text| is NFC UTF-8 already. Text with a NUL character (binary data) is kCorruption.
  Result<IngestedDocument> FromText(std::string_view text, const std::string& source_name);
  // Raw file bytes: refuses binary data (NUL bytes), detects the encoding, then FromText.
  Result<IngestedDocument> FromBytes(std::string_view bytes, const std::string& source_name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- The archive database ---------------------------------------------------------------

inline constexpr int kArchiveSchemaVersion = 1;

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
  std::string text;    // words (accents optional), "quoted phrases", prefix*
  bool exact = false;  // accents must match as written (no accent-free matching)
  std::string type;    // document type code, e.g. "KH"
  std::string issuer;  // substring of the issuer, accent-insensitive
  std::string from;    // issued on or after (YYYY-MM-DD)
  std::string to;      // issued on or before
  int limit = 20;
  std::string mark_open = "[";  // around matched words in snippets
  std::string mark_close = "]";
  size_t snippet_bytes = 240;
};

struct SearchHit {
  int64_t id = 0;
  std::string path, full_symbol, doc_type, issued_date, issuer, subject;
  std::string snippet;
  double score = 0;     // bm25, lower is better
  bool exact = false;   // accented query: the words occur with exactly these accents
};

struct ArchiveStats {
  int64_t documents = 0, tasks = 0, references = 0, deadlines = 0;
};

class Archive {
 public:
  // Opens or creates |path|, in WAL mode, and applies any pending schema migrations.
  // A database from a newer vanban is kUnsupported; a file that is not an archive (not
  // SQLite, or SQLite with other tables) is kInvalidArgument and left untouched. Messages
  // do not repeat |path|: the caller names it.
  static Result<std::unique_ptr<Archive>> Open(const std::string& path);
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

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

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
  std::string db_path;
  int jobs = 0;                      // worker threads; 0 = all cores
  std::shared_ptr<const Model> model;  // nullptr = parse without restoring
  RestoreOptions restore;              // how documents are restored
  size_t batch_size = 32;           // documents per transaction
  double batch_seconds = 1.0;       // ... or commit at least this often
  const std::atomic<bool>* cancel = nullptr;  // set to stop early (work done is kept)
  // Per input: only regular files are read (a FIFO, device or socket fails, reported and
  // skipped), of at most max_input_bytes (0: any size); a document whose restore and
  // parse take longer than document_seconds (0: no limit) fails. The batch goes on.
  uint64_t max_input_bytes = uint64_t{64} << 20;
  double document_seconds = 60;
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

// Indexes every input into the archive: unchanged files (same path and hash) skipped,
// changed ones replaced, bad ones (also inputs that do not exist) reported through
// on_file and skipped. Each batch is one transaction, so an interrupted run leaves a
// consistent database and can be resumed. Errors: only the database itself.
Result<IndexStats> IndexDocuments(const IndexOptions& options);

}  // namespace vanban

#endif  // VANBAN_ARCHIVE_H_
