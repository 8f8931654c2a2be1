// vanban tasks: the responsibility table (tasks.csv) of documents.
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
};

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  const bool json = o.format == "json";
  TableOptions table{o.format == "tsv" ? TableFormat::kTsv : TableFormat::kCsv, o.bom};
  std::vector<TableRowValues> rows;  // JSON only: the array is written at the end
  if (!json) out->Write(FormatTable({TaskColumns()}, table));
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    for (auto& row : TaskRows(doc)) {
      if (json) rows.push_back(std::move(row));
      else out->Write(FormatTableRow(row, {table.format, false}));
    }
  });
  if (json) out->Write(TableToJson(TaskColumns(), rows, 2));
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "tasks", "List the tasks (who does what, by when) of documents as CSV, TSV or JSON",
    R"(Examples:
  vanban tasks plan.txt > tasks.csv              RFC 4180 CSV (UTF-8, CRLF), one row per task
  vanban tasks --bom -o tasks.csv plans/*.txt    with a byte order mark, for Excel
  vanban tasks --format json plan.txt            typed JSON (numbers, lists, null)
Columns (design note §5.2): doc_id, doc_symbol, issued_date, task_id, source (text|table),
appendix, section_path, stt, group_stt, group_text, task_text, timeline_label_vi,
timeline_raw, timeline_kind, deadline_date, recurrence, lead_raw, lead_units, support_raw,
support_units, executor_units, product, line_start, line_end, page_break_inside,
confidence, flags. Several units in one cell are joined with ";".)",
    51, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      app.add_option("--format", o->format, "csv (default), tsv or json")->check(CLI::IsMember({"csv", "tsv", "json"}));
      app.add_flag("--bom", o->bom, "Start with a UTF-8 byte order mark (for Excel)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
