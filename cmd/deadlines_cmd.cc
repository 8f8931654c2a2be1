// vanban deadlines: the dated deadlines of documents, as a table or an iCalendar file.
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
  bool ics = false;
  bool bom = false;
  std::string dtstamp;
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
  const std::string format = o.ics ? "ics" : o.format;
  TableOptions table{format == "tsv" ? TableFormat::kTsv : TableFormat::kCsv, o.bom, false};
  std::vector<TableRowValues> rows = {DeadlineColumns()};
  std::vector<CalendarEvent> events;
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
    auto more = DeadlineRows(in->doc);
    rows.insert(rows.end(), more.begin(), more.end());
    auto ev = DeadlineEvents(in->doc);
    events.insert(events.end(), ev.begin(), ev.end());
  }
  if (format == "ics") {
    CalendarOptions co;
    co.dtstamp = o.dtstamp;
    co.name = "vanban deadlines";
    out->Write(FormatCalendar(events, co));
  } else if (format == "json") {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (size_t r = 1; r < rows.size(); ++r) {
      nlohmann::ordered_json obj;
      for (size_t i = 0; i < rows[r].size(); ++i) obj[rows[0][i]] = rows[r][i];
      a.push_back(std::move(obj));
    }
    out->Write(a.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  } else {
    out->Write(FormatTable(rows, table));
  }
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "deadlines", "List the deadlines of documents, or write them as an iCalendar (.ics) file",
    R"(Examples:
  vanban deadlines plan.txt                      CSV: doc, date, recurrence, task, text, lines
  vanban deadlines --ics -o plan.ics plans/*.txt all-day events, yearly ones with RRULE
Deadlines without a usable date stay in the table but are left out of the calendar.)",
    53, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_option("--format", o->format, "csv, tsv, json or ics")->check(CLI::IsMember({"csv", "tsv", "json", "ics"}));
      app.add_flag("--ics", o->ics, "Same as --format ics (RFC 5545 calendar)");
      app.add_flag("--bom", o->bom, "Start CSV/TSV with a UTF-8 byte order mark");
      app.add_option("--dtstamp", o->dtstamp, "DTSTAMP of the events, YYYYMMDDTHHMMSSZ (default: now)");
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
