// vanban deadlines: the dated deadlines of documents, as a table or an iCalendar file.
#include <iterator>
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "record_output.h"
#include "table_output.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  TableOutputOptions table{.format = "csv"};
  bool ics = false;
  std::string dtstamp;
  int remind_days = -1;
};

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  const std::string format = o.ics ? "ics" : TableFormatName(o.table);
  RecordStream records(*out, format, DeadlineColumns());
  records.set_table(ResolveTableOptions(o.table, o.output), HeaderRowFor(o.table, DeadlineColumns()));
  std::vector<CalendarEvent> events;  // the calendar is one object, written at the end
  bool any_document = false;
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    any_document = true;
    if (format != "ics") {
      records.AddRows(DeadlineRows(doc));
      return;
    }
    for (auto& e : DeadlineEvents(doc)) events.push_back(std::move(e));
  });
  if (format == "ics" && any_document) {
    CalendarOptions co;
    co.dtstamp = o.dtstamp;
    co.name = "vanban: thời hạn";
    co.alarm_days_before = o.remind_days;
    out->Write(FormatCalendar(events, co));
  }
  records.Finish();
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "deadlines", "List the deadlines and recurring reports of documents, or write a calendar (.ics)",
    R"(Examples:
  vanban deadlines plan.txt                       CSV: date, recurrence, phrase, task, units
  vanban deadlines --ics -o plan.ics plans/*.txt  iCalendar: one all-day event per deadline
  vanban deadlines --ics --remind 3 plan.txt      ... with a reminder 3 days before
The calendar (RFC 5545) imports into Google Calendar, Outlook, Thunderbird: each event
names the task and the lead unit; yearly reports ("trước ngày 05/6 hằng năm") repeat
with RRULE. Deadlines without a usable date stay in the table but not in the calendar.)",
    53, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      AddTableOutputOptions(app, &o->table, {"csv", "tsv", "json", "jsonl", "ics"});
      app.add_flag("--ics", o->ics, "Same as --format ics (RFC 5545 calendar)");
      app.add_option("--remind", o->remind_days, "Calendar: add a reminder DAYS before each deadline")
          ->type_name("DAYS")->check(CLI::Range(0, 365));
      app.add_option("--dtstamp", o->dtstamp, "Calendar: DTSTAMP of the events, YYYYMMDDTHHMMSSZ (default: now)")
          ->type_name("TIME")
          ->check([](const std::string& v) {
            bool ok = v.size() == 16 && v[8] == 'T' && v[15] == 'Z';
            for (size_t i = 0; ok && i < 15; ++i) ok = i == 8 || (v[i] >= '0' && v[i] <= '9');
            return ok ? std::string() : std::string("expected YYYYMMDDTHHMMSSZ, e.g. 20260101T000000Z");
          });
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
