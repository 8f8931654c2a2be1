// The pipeline: the one place a document flows from bytes to a record (decode -> restore
// -> parse), and the one rule for finding the restoration model. Every command that reads
// documents and the archive's indexer go through it.
//
//   auto model = vanban::LoadModel({.path = "vanban.model", .restore = true});  // {}: default
//   if (!model.ok()) return Fail(model.status());               // names the file
//   vanban::DocumentReader reader(*model, vanban::ReadOptions::Fast());  // one per thread
//   auto read = reader.FromBytes(bytes, "plan.txt");            // decode, restore, parse
//   if (read.ok()) std::cout << vanban::DocumentToJson(read->doc);
//
// Keywords are found in the source text and values read from the restored text (see
// ParseOptions::restored_text), so a reading the restorer gets wrong never moves the
// structure of the record.
#ifndef VANBAN_PIPELINE_H_
#define VANBAN_PIPELINE_H_

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "vanban/document.h"
#include "vanban/model.h"
#include "vanban/parse.h"
#include "vanban/restore.h"
#include "vanban/status.h"
#include "vanban/text.h"

namespace vanban {

// Which model to restore with (what --model, $VANBAN_MODEL and --no-restore say).
struct ModelChoice {
  // The model file. Empty: $VANBAN_MODEL, else the first of Model::SearchPath() that exists.
  std::string path;
  // False: read documents as they are, without a model (--no-restore).
  bool restore = true;
};

// Loads the model |choice| names. The one rule, everywhere (docs/cli.md, "Model"):
// restoration is never skipped silently. Without |choice.restore| the result is nullptr
// (no model, nothing loaded); otherwise a model is returned or the error says which file
// is missing or broken (its message names the file): a missing or damaged explicit file
// (|path| or $VANBAN_MODEL) is an error like any other, and so is finding no model at all
// (kNotFound, naming the places searched).
Result<std::shared_ptr<const Model>> LoadModel(const ModelChoice& choice);

// How documents are read: one set of options for every command and the archive.
struct ReadOptions {
  DecodeOptions decode;    // FromBytes: the input encoding, lossy decoding
  RestoreOptions restore;  // how the text is restored (when there is a model)
  bool merge_tables = true;  // ParseOptions::merge_tables
  // Time one document may take to restore and parse (FromBytes: after decoding); 0 is no
  // limit. Restore and parse stop cooperatively once it has passed, and the document
  // fails with kUnsupported.
  double time_budget_seconds = 0;
  // Restored documents up to this size (bytes) have the words the restorer was unsure of
  // listed on the values read from them (UnsureWord, vanban/document.h); 0: never. It
  // costs the restorer's confidence pass and a record per word while the document is
  // read (about 300 bytes a word), so a larger text (a 50 MB concatenation) goes without.
  size_t unsure_words_max_bytes = size_t{1} << 20;

  // The preset of --fast: OCR'd text without the readings proposed from context (about
  // 1.5x faster, about 1 point less accurate), and no unsure words listed.
  static ReadOptions Fast();
};

// A document read: the record, the text its values were read from, and where the time went.
struct ReadResult {
  Document doc;
  std::string text;  // the restored text (the source text when nothing was restored)
  double restore_seconds = 0;      // wall time
  double parse_seconds = 0;
  double restore_cpu_seconds = 0;  // CPU time of the calling thread
  double parse_cpu_seconds = 0;
};

// Decode -> restore -> parse. Not thread-safe (owns a Restorer): one per thread; the model
// may be shared.
class DocumentReader {
 public:
  // |model| nullptr: documents are parsed as they are (LoadModel with restore = false).
  explicit DocumentReader(std::shared_ptr<const Model> model, const ReadOptions& options = {});
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  bool restores() const;
  // |text| is NFC UTF-8 already. Text with a NUL character (binary data) is kCorruption.
  // |source_name| is recorded as source.path; |first_line|: the number of the text's first
  // line in its file (a part of SplitDocuments).
  Result<ReadResult> FromText(std::string_view text, const std::string& source_name, int first_line = 1);
  // Raw file bytes: decoded with options.decode (binary data refused), then FromText.
  Result<ReadResult> FromBytes(std::string_view bytes, const std::string& source_name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads the documents of one file (|parts|, from SplitDocuments) with FromText and calls
// |use| with each result, in order, on the calling thread. With more than one reader, the
// readers work at the same time, one thread each, each on the next document not yet
// taken; a document's record depends on its text and the model only, so the results are
// the same with any number of readers. At most twice as many documents as readers are
// read ahead of |use|, so a file of many documents costs its text and a few records.
// One reader (or one part) reads on the calling thread.
void ReadInOrder(std::span<const DocumentPart> parts, const std::string& source_name,
                 std::span<DocumentReader* const> readers,
                 const std::function<void(size_t index, Result<ReadResult> read)>& use);

// Restores the documents of one file (|parts|, from SplitDocuments) each on its own and
// calls |use| with each result, in order, on the calling thread, as ReadInOrder reads
// them: one thread a restorer, a few documents ahead of |use|. A document's restoration
// depends on its text and the model only, so the results are the same with any number of
// restorers (of the same options). Each result's offsets and lines count from its part.
void RestoreInOrder(std::span<const DocumentPart> parts, std::span<Restorer* const> restorers,
                    const std::function<void(size_t index, RestoreResult restored)>& use);

}  // namespace vanban

#endif  // VANBAN_PIPELINE_H_
