#include "document_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "vanban/archive.h"

namespace vanban::cli {

void AddDocumentInputOptions(CLI::App& app, std::vector<std::string>* files, DocumentInputOptions* options) {
  AddInputFiles(app, files);
  AddDecodeOptions(app, &options->decode);
  app.add_flag("--no-restore", options->no_restore, "Do not restore diacritics before parsing");
  app.add_option("--model", options->model,
                 "Restoration model file (default: $VANBAN_MODEL, then the built or installed one)")
      ->type_name("FILE");
}

int ForEachDocument(const std::vector<std::string>& files, const DocumentInputOptions& options,
                    const std::function<void(const std::string& name, const Document& doc)>& use) {
  std::shared_ptr<const Model> model;
  if (!options.no_restore) {
    auto m = LoadRestorationModel(options.model);
    if (!m.ok()) {
      // Model errors usually name the file already.
      std::string where = options.model.empty() ? Model::DefaultPath() : options.model;
      std::string message = m.status().message();
      if (message.find(where) == std::string::npos) message = where + ": " + message;
      fmt::print(stderr, "vanban: {} (--no-restore parses without restoring)\n", message);
      return kExitBadInput;
    }
    model = *m;
  }
  Ingester ingester(model);
  int rc = kExitOk;
  for (const std::string& path : files) {
    const std::string name = DisplayName(path);
    auto text = ReadText(path, options.decode);
    if (!text.ok()) {
      rc = std::max(rc, ReportStatus(name, text.status()));
      continue;
    }
    auto in = ingester.FromText(*text, path == "-" ? "" : path);
    if (!in.ok()) {
      rc = std::max(rc, ReportStatus(name, in.status()));
      continue;
    }
    if (options.warn_not_administrative && !in->doc.administrative) {
      bool blank = std::all_of(text->begin(), text->end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
      PrintWarning(name, 0, blank ? "empty input" : "not an administrative document: no header found");
    }
    use(name, in->doc);
  }
  return rc;
}

void AddRowListOptions(CLI::App& app, RowListOptions* o) {
  AddDocumentInputOptions(app, &o->files, &o->input);
  AddOutputOption(app, &o->output);
  AddTableOutputOptions(app, &o->table, {"csv", "tsv", "json"});
}

int WriteDocumentRows(const RowListOptions& o, const TableRowValues& columns,
                      const std::function<std::vector<TableRowValues>(const Document& doc)>& rows_of) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  const bool json = TableFormatName(o.table) == "json";
  const TableOptions table = ResolveTableOptions(o.table, o.output);
  std::vector<TableRowValues> rows;  // JSON only: the array is written at the end
  if (!json) out->Write(FormatTable(HeaderRowFor(o.table, columns), table));
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    for (auto& row : rows_of(doc)) {
      if (json) rows.push_back(std::move(row));
      else out->Write(FormatTableRow(row, table));
    }
  });
  if (json) out->Write(TableToJson(columns, rows, 2));
  return FinishOutput(*out, o.output, rc);
}

}  // namespace vanban::cli
