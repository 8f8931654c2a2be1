// vanban check: Decree-30 lint, one line per finding ("FILE:LINE: code: message").
#include <fmt/format.h>

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
  int rc = kExitOk;
  size_t findings = 0;
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
    for (const Finding& f : CheckDocument(in->doc)) {
      out->Write(fmt::format("{}:{}: {}: {}\n", name, f.line, f.code, f.message));
      ++findings;
    }
  }
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
Codes: not-administrative, motto-missing, issuer-missing, number-missing, number-malformed,
symbol-missing, symbol-malformed, type-mismatch, type-missing, date-missing, date-incomplete,
place-missing, subject-missing, numbering-gap, numbering-repeat, signer-missing,
signer-position-missing, signer-name-missing, recipients-missing, archive-copy-missing.)",
    55, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
