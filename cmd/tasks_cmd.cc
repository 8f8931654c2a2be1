// vanban tasks: the responsibility table (tasks.csv) of documents.
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

int Run(const RowListOptions& o) {
  return WriteDocumentRows(o, TaskColumns(), [](const Document& doc) { return TaskRows(doc); });
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "tasks", "List the tasks (who does what, by when) of documents as CSV, TSV or JSON",
    R"(Examples:
  vanban tasks plan.txt > tasks.csv              CSV (UTF-8, CRLF, a BOM since it goes to a file)
  vanban tasks --excel-vi -o tasks.csv plans/*.txt   for Excel with Vietnamese settings
  vanban tasks --format json plan.txt            typed JSON (numbers, lists, null)
  vanban tasks --format jsonl plans/*.txt        one JSON object per task and line
Columns: doc_id, doc_symbol, issued_date, issued_date_precision, task_id, source
(text|table), appendix, section_path, stt, group_stt, group_text, task_text,
timeline_label_vi, timeline_raw, timeline_kind, deadline_date, deadline_date_precision,
other_deadline_dates (the task's dates as `vanban deadlines` lists them), recurrence, lead_raw, lead_units, support_raw, support_units, executor_raw,
executor_units, product, line_start, line_end, page_break_inside, confidence, flags.
Several units in one cell are joined with "; ". A date with blanks is written with what
is known (2025-01) and its precision (day, month, year) in the next column. Cells that
start with = + - @ get a leading ' (no formula runs in a spreadsheet; --no-formula-guard).)",
    51, [](CLI::App& app) {
      auto o = std::make_shared<RowListOptions>();
      AddRowListOptions(app, o.get());
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
