// vanban header: one line of header fields per document (a catalogue of a folder).
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "record_output.h"
#include "vanban/document.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  std::string format = "tsv";
  bool no_header_row = false;
};

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  TableRowValues columns;
  for (const auto& field : HeaderRow(Document())) columns.push_back(field.first);
  RecordStream records(*out, o.format, columns);
  records.set_header_row(!o.no_header_row);
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    TableRowValues values;
    for (auto& field : HeaderRow(doc)) values.push_back(std::move(field.second));
    records.AddRow(values);
  });
  records.Finish();
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "header", "One line of header fields (number, type, date, issuer, subject) per document",
    R"(Examples:
  vanban header scans/*.txt                    TSV with a header row
  vanban header --format csv *.txt > list.csv  RFC 4180 CSV
  vanban header --format jsonl *.txt           one JSON object per document and line
Columns: file, number, symbol, type, issued_date, issuer, place, subject, signer, position.)",
    41, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      AddFormatOption(app, &o->format, {"tsv", "csv", "json", "jsonl"},
                      "tsv (default), csv, json (one array) or jsonl (one object per line)");
      app.add_flag("--no-header-row", o->no_header_row, "Omit the column-name row (tsv, csv)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
