// vanban refs: the documents cited by documents (references.csv).
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  std::string format = "csv";
  bool bom = false;
  bool mentions = false;
};

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  const bool json = o.format == "json";
  TableOptions table{o.format == "tsv" ? TableFormat::kTsv : TableFormat::kCsv, o.bom};
  std::vector<TableRowValues> rows;  // JSON only: the array is written at the end
  if (!json) out->Write(FormatTable({ReferenceColumns()}, table));
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    for (auto& row : ReferenceRows(doc, o.mentions)) {
      if (json) rows.push_back(std::move(row));
      else out->Write(FormatTableRow(row, {table.format, false}));
    }
  });
  if (json) out->Write(TableToJson(ReferenceColumns(), rows, 2));
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "refs", "List the documents cited (Nghị quyết số 20/NQ-HĐND ...) as CSV, TSV or JSON",
    R"(Examples:
  vanban refs plan.txt > references.csv          one row per cited document
  vanban refs --mentions plan.txt                one row per mention, with its line numbers
  vanban refs --format json plans/*.txt
Columns (design note §5.3): doc_id, ref_id, mention_no, first_mention, raw, type_label_vi,
type_code, number, year, symbol, full_symbol, style, ref_date, ref_date_variants,
issuer_text, issuer_level, subject, alias, section_path, line_start, line_end,
char_start, char_end, confidence, flags.)",
    52, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      app.add_option("--format", o->format, "csv (default), tsv or json")->check(CLI::IsMember({"csv", "tsv", "json"}));
      app.add_flag("--bom", o->bom, "Start with a UTF-8 byte order mark (for Excel)");
      app.add_flag("--mentions", o->mentions, "One row per mention instead of one per cited document");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
