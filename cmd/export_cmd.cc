// vanban export: a document as Markdown, standalone HTML or the JSON record.
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "vanban/archive.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  std::string to;
};

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  if (o.to == "html" && files.size() > 1) {
    PrintError("--to html", 0, "one standalone page per document: give one FILE (e.g. in a shell loop)");
    return kExitUsage;
  }
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  bool first = true;
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    if (o.to == "md") {
      out->Write(std::string(first ? "" : "\n---\n\n") + DocumentToMarkdown(doc));
    } else if (o.to == "html") {
      out->Write(DocumentToHtml(doc));
    } else {
      // One file: pretty; several: JSON Lines, one record per line.
      out->Write(ArchivalRecordJson(doc, "", files.size() == 1 ? 2 : -1) + "\n");
    }
    first = false;
  });
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "export", "Export restored, structured documents as Markdown, standalone HTML or JSON",
    R"(Examples:
  vanban export --to md plan.txt > plan.md        headings, lists, appendix tables as tables
  vanban export --to html -o plan.html plan.txt   one printable A4 page, no external files
  vanban export --to json plans/*.txt             JSON Lines: vanban.doc/1 records with the
                                                  NĐ 30 Phụ lục VI and Dublin Core fields)",
    54, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      app.add_option("--to,--format", o->to, "md, html or json")->required()->check(CLI::IsMember({"md", "html", "json"}));
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
