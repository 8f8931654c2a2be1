// vanban export: a document as Markdown, standalone HTML or the JSON record.
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "vanban/archive.h"
#include "vanban/document.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DecodeOptions decode;
  std::string to;
  bool no_restore = false;
  std::string model;
};

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  if (o.to == "html" && files.size() > 1) {
    PrintError("--to html", 0, "HTML is one page per document: give one file (or use a shell loop)");
    return kExitUsage;
  }
  std::shared_ptr<const Model> model;
  if (!o.no_restore) {
    auto m = LoadRestorationModel(o.model);
    if (!m.ok()) return ReportStatus(o.model, m.status());
    model = *m;
  }
  Ingester ingester(model);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  int rc = kExitOk;
  bool first = true;
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
    if (o.to == "md") {
      if (!first) out->Write("\n---\n\n");
      out->Write(DocumentToMarkdown(in->doc));
    } else if (o.to == "html") {
      out->Write(DocumentToHtml(in->doc));
    } else {
      JsonOptions jo;
      jo.indent = files.size() == 1 ? 2 : -1;
      out->Write(DocumentToJson(in->doc, jo) + "\n");
    }
    first = false;
  }
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "export", "Export documents as Markdown, standalone HTML or JSON",
    R"(Examples:
  vanban export --to md plan.txt > plan.md       headings from the section tree, tables
  vanban export --to html -o plan.html plan.txt  one printable page, no external files
  vanban export --to json plans/*.txt            JSON Lines, one record per document)",
    54, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_option("--to", o->to, "md, html or json")->required()->check(CLI::IsMember({"md", "html", "json"}));
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
