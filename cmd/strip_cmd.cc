// vanban strip: remove every Vietnamese diacritic (test input, search keys).
#include "cli_io.h"
#include "command.h"
#include "output_target.h"
#include "vanban/text.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  OutputTarget target;
  DecodeOptions decode;
  bool lower = false;
};

int Run(const Options& o) {
  return ForEachInputOutput(InputsOrStdin(o.files), o.target, "", [&](const std::string& path, Output& out) -> int {
    auto text = ReadText(path, o.decode);
    if (!text.ok()) return ReportStatus(DisplayName(path), text.status());
    std::string stripped = StripDiacritics(*text);
    out.Write(o.lower ? ToLower(stripped) : stripped);
    return kExitOk;
  });
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "strip", "Remove all Vietnamese diacritics (đ becomes d)",
    R"(Examples:
  vanban strip clean.txt > test-input.txt     make stripped input for a benchmark
  echo "Nghị quyết số 20/NQ-HĐND" | vanban strip
  vanban strip --lower names.txt              lower-case search keys
  vanban strip --output-dir stripped/ *.txt   stripped/NAME.txt for each file)",
    20, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputTargetOptions(app, &o->target);
      AddDecodeOptions(app, &o->decode);
      app.add_flag("--lower", o->lower, "Also lower-case the text");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
