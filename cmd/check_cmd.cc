// vanban check: Decree-30 lint, one line per finding ("FILE:LINE: code: message").
#include <fmt/format.h>

#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "record_output.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  std::string format = "text";
};

int Run(Options o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  o.input.warn_not_administrative = false;  // the report says so itself
  size_t findings = 0;
  RecordStream records(*out, o.format);
  int rc = ForEachDocument(files, o.input, [&](const std::string& name, const Document& doc) {
    records.Begin();
    for (const Finding& f : CheckDocument(doc)) {
      if (records.is_json()) {
        records.AddJson({{"file", name}, {"line", f.line}, {"code", f.code}, {"message", f.message}});
      } else {
        records.Write(fmt::format("{}:{}: {}: {}\n", name, f.line, f.code, f.message));
      }
      ++findings;
    }
  });
  records.Finish();
  // The report is the output: keep it even when there are findings.
  int closed = FinishOutput(*out, o.output, kExitOk);
  if (closed != kExitOk) return closed;
  return findings > 0 ? kExitBadInput : rc;
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "check", "Check documents against NĐ 30/2020 (number, symbol, date, signer, recipients, numbering)",
    R"(Examples:
  vanban check plan.txt          prints FILE:LINE: code: message; exit 1 when anything is found
  vanban check plans/*.txt -o report.txt
  vanban check --format json plan.txt   [{"file", "line", "code", "message"}, ...]
Codes: not-administrative, motto-missing, issuer-missing, number-missing, number-malformed,
symbol-missing, symbol-malformed, type-mismatch, type-missing, date-missing, date-incomplete,
date-malformed, place-missing, subject-missing, numbering-gap, numbering-repeat,
signer-missing, signer-position-missing, signer-name-missing, recipients-missing,
archive-copy-missing.)",
    55, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      AddFormatOption(app, &o->format, {"text", "json", "jsonl"},
                      "text (default: FILE:LINE: code: message), json (one array) or jsonl (one object per line)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
