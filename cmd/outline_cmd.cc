// vanban outline: the section tree of each document, as indented text or Markdown.
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
  std::string format = "text";
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
    if (files.size() > 1) out->Write((o.format == "md" ? "## " : "==> ") + name + (o.format == "md" ? "\n\n" : " <==\n"));
    out->Write(o.format == "md" ? DocumentOutlineMarkdown(in->doc) : DocumentOutline(in->doc));
    if (files.size() > 1) out->Write("\n");
  }
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "outline", "Print the section tree (Mục, khoản, điểm, appendices) of documents",
    R"(Examples:
  vanban outline plan.txt                 indented text with source line ranges
  vanban outline --format md plan.txt     nested Markdown bullets)",
    50, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_option("--format", o->format, "text or md")->check(CLI::IsMember({"text", "md"}));
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
