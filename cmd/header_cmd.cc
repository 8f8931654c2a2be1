// vanban header: one line of header fields per document (a catalogue of a folder).
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "record_output.h"
#include "table_output.h"
#include "vanban/document.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  TableOutputOptions table{.format = "tsv"};
};

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  RecordStream records(*out, TableFormatName(o.table), HeaderColumns());
  records.set_table(ResolveTableOptions(o.table, o.output), HeaderRowFor(o.table, HeaderColumns()));
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    records.AddRow(HeaderTableRow(doc));
  });
  records.Finish();
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "header", "One line of header fields (number, type, date, issuer, subject) per document",
    R"(Examples:
  vanban header scans/*.txt                    TSV with a header row
  vanban header --format csv *.txt > list.csv  RFC 4180 CSV (with a BOM: it goes to a file)
  vanban header --excel-vi -o list.csv *.txt   for Excel with Vietnamese settings
  vanban header --format jsonl *.txt           one JSON object per document and line
Columns: file, number, symbol, type, issued_date, issued_date_precision (day, month or
year: a date with blanks, "ngày … tháng 01 năm 2025", is written 2025-01), issuer, place,
subject, signer, position.)",
    41, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      AddTableOutputOptions(app, &o->table, {"tsv", "csv", "json", "jsonl"});
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
