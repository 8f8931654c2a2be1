// vanban outline: the section tree of each document, as indented text or Markdown headings.
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

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  const bool md = o.format == "md";
  const bool several = files.size() > 1;
  bool first = true;
  int rc = ForEachDocument(files, o.input, [&](const std::string& name, const Document& doc) {
    if (several) {
      // Text: a "==> FILE <==" banner like head(1); Markdown: one level-1 heading per file.
      out->Write(md ? std::string(first ? "" : "\n") + "# " + name + "\n\n" : (first ? "" : "\n") + ("==> " + name + " <==\n"));
    }
    std::string outline = md ? DocumentOutlineMarkdown(doc, several ? 2 : 1) : DocumentOutline(doc);
    out->Write(outline);
    first = false;
  });
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "outline", "Print the section tree (Mục, khoản, điểm, appendices) of documents",
    R"(Examples:
  vanban outline plan.txt                 indented text with source line ranges [from-to]
  vanban outline --format md plan.txt     Markdown headings (# I. …, ## 1. …, ### a) …)
  cat scan.txt | vanban outline --no-restore)",
    50, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      AddFormatOption(app, &o->format, {"text", "md"}, "text (default) or md (Markdown headings)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
