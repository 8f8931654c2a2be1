// Input side of the clerk commands (outline, tasks, refs, deadlines, header, export,
// check): the restoration options and one reader that reads, restores and parses inputs.
#ifndef VANBAN_CMD_DOCUMENT_INPUT_H_
#define VANBAN_CMD_DOCUMENT_INPUT_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "restore_options.h"
#include "table_output.h"
#include "worker_pool.h"
#include "vanban/document.h"
#include "vanban/export.h"
#include "vanban/pipeline.h"
#include "vanban/text.h"

namespace vanban::cli {

struct DocumentInputOptions {
  DecodeOptions decode;
  RestoreChoice restore;
  bool merge_tables = true;  // --no-merge-tables (parse) turns it off
  // Warn on stderr when a document has no administrative header (off for `check`, whose
  // report already says so).
  bool warn_not_administrative = true;
};

// Adds FILE..., --from, --lossy, --no-restore, --model and --fast.
void AddDocumentInputOptions(CLI::App& app, std::vector<std::string>* files, DocumentInputOptions* options);

// Reads, decodes, restores and parses one input after another with one model: the CLI's
// side (files, stdin, messages) of vanban::DocumentReader.
class InputReader {
 public:
  explicit InputReader(DocumentInputOptions options) : options_(std::move(options)) {}
  // Its reader pool makes readers with its own model and options.
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;
  // Loads the model (unless --no-restore); prints why it cannot and returns 1 then.
  int LoadModel();
  // Reads |path| ("-" = stdin, named "<stdin>") and calls |use| with the record of each
  // document in it, in order (a file may hold several one after another; a warning says
  // so), after |begin| with the number of documents it holds. The documents of a file are
  // read on one thread a core (ReadInOrder: the same records as one at a time), a few
  // ahead of |use|, and each record is dropped after |use|, so a file of many documents
  // costs its text and a few records. Returns that number; 0 for a bad input (missing, a
  // directory, undecodable, binary), reported as "vanban: FILE: why" with *rc raised to its
  // exit code, and then neither is called. A document that fails is reported the same way
  // and skipped.
  size_t Read(const std::string& path, int* rc, const std::function<void(size_t documents)>& begin,
              const std::function<void(const Document& doc)>& use);
  size_t Read(const std::string& path, int* rc, const std::function<void(const Document& doc)>& use) {
    return Read(path, rc, [](size_t) {}, use);
  }

 private:
  DocumentInputOptions options_;
  std::shared_ptr<const Model> model_;  // nullptr: --no-restore
  ReadOptions read_options_;
  // Made with the model and options LoadModel sets.
  WorkerPool<DocumentReader> readers_{[this] { return std::make_unique<DocumentReader>(model_, read_options_); }};
};

// Loads the model, then reads each of |files| in order and calls |use| with its display
// name and record; bad inputs are reported and skipped. Returns 0, or 1 when any input
// was bad or the model could not be loaded.
int ForEachDocument(const std::vector<std::string>& files, const DocumentInputOptions& options,
                    const std::function<void(const std::string& name, const Document& doc)>& use);

// A command that lists rows of each document (tasks, refs).
struct RowListOptions {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  TableOutputOptions table{.format = "csv"};
};

// Adds the document input options, -o and the table options (--format csv|tsv|json|jsonl, ...).
void AddRowListOptions(CLI::App& app, RowListOptions* options);

// Writes |columns| and the rows |rows_of| gives for each document, each document's rows
// as soon as it is parsed (record_output.h). Returns the exit code of ForEachDocument and
// the output.
int WriteDocumentRows(const RowListOptions& options, const TableRowValues& columns,
                      const std::function<std::vector<TableRowValues>(const Document& doc)>& rows_of);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_DOCUMENT_INPUT_H_
