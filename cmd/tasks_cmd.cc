// vanban tasks: the responsibility table (tasks.csv) of documents.
#include <nlohmann/json.hpp>

#include <memory>

#include "cli_io.h"
#include "command.h"
#include "vanban/archive.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DecodeOptions decode;
  std::string format = "csv";
  bool bom = false;
  bool crlf = false;
  bool no_restore = false;
  std::string model;
};

int Run(const Options& o) {
  std::shared_ptr<const Model> model;
  if (!o.no_restore) {
    auto m = LoadRestorationModel(o.model);
    if (!m.ok()) return ReportStatus(o.model, m.status());
    model = *m;
  }
  Ingester ingester(model);
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  TableOptions table{o.format == "tsv" ? TableFormat::kTsv : TableFormat::kCsv, o.bom, o.crlf};
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  if (o.format != "json") out->Write(FormatTable({TaskColumns()}, table));
  int rc = kExitOk;
  for (const std::string& path : files) {
    std::string name = path == "-" ? "<stdin>" : path;
    auto text = ReadText(path, o.decode);
    if (!text.ok()) {
      rc = std::max(rc, ReportStatus(name, text.status()));
      continue;
    }
    auto in = ingester.FromText(*text, path == "-" ? "" : path);
    if (!in.ok()) {
      rc = std::max(rc, ReportStatus(name, in.status()));
      continue;
    }
    for (const auto& row : TaskRows(in->doc)) {
      if (o.format == "json") {
        nlohmann::ordered_json obj;
        for (size_t i = 0; i < row.size(); ++i) obj[TaskColumns()[i]] = row[i];
        json.push_back(std::move(obj));
      } else {
        out->Write(FormatTableRow(row, table));
      }
    }
  }
  if (o.format == "json") out->Write(json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "tasks", "List the tasks (responsibility units) of documents as CSV, TSV or JSON",
    R"(Examples:
  vanban tasks plan.txt > tasks.csv              RFC 4180 CSV, UTF-8
  vanban tasks --bom -o tasks.csv plans/*.txt    with a BOM, for Excel
  vanban tasks --format json plan.txt
Columns: doc_id, doc_symbol, issued_date, task_id, source, appendix, section_path, stt,
group_stt, group_text, task_text, timeline_*, deadline_date, recurrence, lead_*, support_*,
executor_units, product, line_start, line_end, page_break_inside, confidence, flags.)",
    51, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_option("--format", o->format, "csv, tsv or json")->check(CLI::IsMember({"csv", "tsv", "json"}));
      app.add_flag("--bom", o->bom, "Start with a UTF-8 byte order mark (for Excel)");
      app.add_flag("--crlf", o->crlf, "CRLF line ends");
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
