// Input side of the clerk commands (outline, tasks, refs, deadlines, export, check):
// the restoration options and one loop that reads, restores and parses every input.
#ifndef VANBAN_CMD_DOCUMENT_INPUT_H_
#define VANBAN_CMD_DOCUMENT_INPUT_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "table_output.h"
#include "vanban/document.h"
#include "vanban/export.h"
#include "vanban/text.h"

namespace vanban::cli {

struct DocumentInputOptions {
  DecodeOptions decode;
  bool no_restore = false;
  std::string model;
  // Warn on stderr when a document has no administrative header (off for `check`, whose
  // report already says so).
  bool warn_not_administrative = true;
};

// Adds FILE..., --from, --lossy, --no-restore and --model.
void AddDocumentInputOptions(CLI::App& app, std::vector<std::string>* files, DocumentInputOptions* options);

// Loads the model (unless --no-restore), then reads, decodes, restores and parses each of
// |files| ("-" = stdin) in order and calls |use| with its display name and record. A bad
// input (missing, a directory, undecodable, binary) is reported as "vanban: FILE: why"
// and skipped. Returns 0, or 1 when any input was bad or the model could not be loaded.
int ForEachDocument(const std::vector<std::string>& files, const DocumentInputOptions& options,
                    const std::function<void(const std::string& name, const Document& doc)>& use);

// A command that lists rows of each document (tasks, refs).
struct RowListOptions {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  TableOutputOptions table{.format = "csv"};
};

// Adds the document input options, -o and the table options (--format csv|tsv|json, ...).
void AddRowListOptions(CLI::App& app, RowListOptions* options);

// Writes |columns| and the rows |rows_of| gives for each document: CSV or TSV streamed
// (a document's rows as soon as it is parsed), JSON as one array at the end. Returns the
// exit code of ForEachDocument and the output.
int WriteDocumentRows(const RowListOptions& options, const TableRowValues& columns,
                      const std::function<std::vector<TableRowValues>(const Document& doc)>& rows_of);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_DOCUMENT_INPUT_H_
