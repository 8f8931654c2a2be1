#include "document_input.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli_io.h"
#include "command.h"
#include "record_output.h"
#include "vanban/parse.h"

namespace vanban::cli {

void AddDocumentInputOptions(CLI::App& app, std::vector<std::string>* files, DocumentInputOptions* options) {
  AddInputFiles(app, files);
  AddDecodeOptions(app, &options->decode);
  AddRestoreOptions(app, &options->restore);
}

int InputReader::LoadModel() {
  if (int rc = LoadChosenModel(options_.restore, &model_); rc != kExitOk) return rc;
  read_options_ = ReadOptionsOf(options_.restore);
  read_options_.merge_tables = options_.merge_tables;
  readers_.For(1);
  return kExitOk;
}

size_t InputReader::Read(const std::string& path, int* rc, const std::function<void(size_t documents)>& begin,
                         const std::function<void(const Document& doc)>& use) {
  const std::string name = DisplayName(path);
  auto text = ReadText(path, options_.decode);
  if (!text.ok()) {
    *rc = std::max(*rc, ReportStatus(name, text.status()));
    return 0;
  }
  // A file holding several documents one after another gives one record each.
  const std::vector<DocumentPart> parts = SplitDocuments(*text);
  if (parts.size() > 1) WarnSeveralDocuments(name, parts);
  begin(parts.size());
  // The record names standard input as messages do.
  ReadInOrder(parts, name, readers_.For(parts.size()), [&](size_t index, Result<ReadResult> in) {
    const DocumentPart& part = parts[index];
    if (!in.ok()) {
      *rc = std::max(*rc, ReportStatus(name, in.status()));
      return;
    }
    if (options_.warn_not_administrative && !in->doc.administrative) {
      bool blank = std::all_of(part.text.begin(), part.text.end(),
                               [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
      PrintWarning(name, part.first_line > 1 ? static_cast<size_t>(part.first_line) : 0,
                   blank ? "empty input" : "not an administrative document: no header found");
    }
    // The record alone is kept while it is used: the copy of the text it was read from goes first.
    std::string().swap(in->text);
    use(in->doc);
  });
  return parts.size();
}

int ForEachDocument(const std::vector<std::string>& files, const DocumentInputOptions& options,
                    const std::function<void(const std::string& name, const Document& doc)>& use) {
  InputReader reader(options);
  if (int rc = reader.LoadModel(); rc != kExitOk) return rc;
  int rc = kExitOk;
  for (const std::string& path : files) {
    reader.Read(path, &rc, [&](const Document& doc) { use(DisplayName(path), doc); });
  }
  return rc;
}

void AddRowListOptions(CLI::App& app, RowListOptions* o) {
  AddDocumentInputOptions(app, &o->files, &o->input);
  AddOutputOption(app, &o->output);
  AddTableOutputOptions(app, &o->table, {"csv", "tsv", "json", "jsonl"});
}

int WriteDocumentRows(const RowListOptions& o, const TableRowValues& columns,
                      const std::function<std::vector<TableRowValues>(const Document& doc)>& rows_of) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  RecordStream records(*out, TableFormatName(o.table), columns);
  records.set_table(ResolveTableOptions(o.table, o.output), HeaderRowFor(o.table, columns));
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    records.Begin();
    records.AddRows(rows_of(doc));
  });
  records.Finish();
  return FinishOutput(*out, o.output, rc);
}

}  // namespace vanban::cli
