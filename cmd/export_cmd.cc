// vanban export: a document as Markdown, standalone HTML or the JSON record.
#include <filesystem>
#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "output_target.h"
#include "record_output.h"
#include "vanban/archive.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  OutputTarget target;
  DocumentInputOptions input;
  std::string format;
};

// The format an output file's extension names, as pandoc infers it; "" when none does.
std::string FormatOfExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".json") return "json";
  if (ext == ".jsonl") return "jsonl";
  return "";
}

int Run(Options o) {
  auto files = InputsOrStdin(o.files);
  if (o.format.empty()) {
    // --format wins; else -o names it; else a usage error (there is no natural default).
    if (o.target.output != "-") o.format = FormatOfExtension(o.target.output);
    if (o.format.empty()) {
      PrintError("export", 0,
                 o.target.output == "-" ? "give --format md, html, json or jsonl"
                                        : "cannot tell the format from '" + o.target.output +
                                              "' (.md, .markdown, .html, .htm, .json, .jsonl): give --format");
      return kExitUsage;
    }
  }
  if (o.format == "html" && files.size() > 1 && !o.target.per_file()) {
    PrintError("--format html", 0, "one standalone page per document: give one FILE or --output-dir DIR");
    return kExitUsage;
  }
  if (int rc = CheckOneJsonDocument(o.format, files.size(), o.target.per_file()); rc != kExitOk) return rc;
  InputReader reader(o.input);
  if (int rc = reader.LoadModel(); rc != kExitOk) return rc;
  bool first = true;  // Markdown documents in one stream are separated by a rule
  const std::string extension = o.format == "jsonl" ? ".json" : "." + o.format;
  return ForEachInputOutput(files, o.target, extension, [&](const std::string& path, Output& out) {
    int rc = kExitOk;
    RecordStream records(out, o.format, {}, RecordStream::JsonShape::kSingle);
    reader.Read(path, &rc, [&](const Document& doc) {
      if (o.format == "md") {
        out.Write(std::string(first ? "" : "\n---\n\n") + DocumentToMarkdown(doc));
      } else if (o.format == "html") {
        WriteDocumentHtml(doc, [&out](std::string_view piece) { out.Write(piece); });
      } else {
        records.AddStreamed(
            [&](const JsonSink& sink) { WriteArchivalRecordJson(doc, "", records.json_indent(), sink); });
      }
      first = false;
    });
    if (o.target.per_file()) first = true;
    return rc;
  });
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "export", "Export restored, structured documents as Markdown, standalone HTML or JSON",
    R"(Examples:
  vanban export --format md plan.txt > plan.md      headings, lists, appendix tables as tables
  vanban export -o plan.html plan.txt               the format from the extension: one A4 page
  vanban export --format html --output-dir out/ plans/*.txt   out/NAME.html for each plan
  vanban export --format jsonl plans/*.txt          vanban.doc/1 records, one per line, with
                                                    the NĐ 30 Phụ lục VI and Dublin Core fields
Without --format the extension of -o chooses: .md, .markdown, .html, .htm, .json, .jsonl.)",
    54, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputTargetOptions(app, &o->target);
      AddFormatOption(app, &o->format, {"md", "html", "json", "jsonl"},
                      "md, html, json (one indented record) or jsonl (one record per line); default: from "
                      "the extension of -o",
                      "--format,--to");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
