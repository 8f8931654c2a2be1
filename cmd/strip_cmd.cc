// vanban strip: remove every Vietnamese diacritic (test input, search keys).
#include "cli_io.h"
#include "command.h"
#include "vanban/text.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DecodeOptions decode;
  bool lower = false;
};

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  int rc = kExitOk;
  for (const std::string& path : files) {
    auto text = ReadText(path, o.decode);
    if (!text.ok()) {
      rc = std::max(rc, ReportStatus(DisplayName(path), text.status()));
      continue;
    }
    std::string stripped = StripDiacritics(*text);
    out->Write(o.lower ? ToLower(stripped) : stripped);
  }
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "strip", "Remove all Vietnamese diacritics (đ becomes d)",
    R"(Examples:
  vanban strip clean.txt > test-input.txt     make stripped input for a benchmark
  echo "Nghị quyết số 20/NQ-HĐND" | vanban strip
  vanban strip --lower names.txt              lower-case search keys)",
    20, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_flag("--lower", o->lower, "Also lower-case the text");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
