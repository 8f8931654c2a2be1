// vanban parse: one structured JSON record ("vanban.doc/1") per input document.
#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "cli_io.h"
#include "command.h"
#include "vanban/document.h"
#include "vanban/model.h"
#include "vanban/parse.h"
#include "vanban/restore.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DecodeOptions decode;
  bool jsonl = false;
  bool pretty = false;
  std::string fields;
  bool no_restore = false;
  std::string model;
  bool no_merge_tables = false;
};

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

int Run(const Options& o) {
  JsonOptions json;
  json.fields = SplitComma(o.fields);
  std::string unknown = FirstUnknownFieldName(json.fields);
  if (!unknown.empty()) {
    std::string names;
    for (const auto& n : DocumentFieldNames()) names += (names.empty() ? "" : ",") + n;
    PrintError("--fields", 0, fmt::format("unknown field '{}' (known: {})", unknown, names));
    return kExitUsage;
  }
  // Restoration by default when a model can be found; otherwise parse the OCR text as is.
  std::shared_ptr<const Model> model;
  std::unique_ptr<Restorer> restorer;
  if (!o.no_restore) {
    std::string path = o.model.empty() ? Model::DefaultPath() : o.model;
    auto loaded = Model::Load(path);
    if (loaded.ok()) {
      model = *loaded;
      RestoreOptions ro;
      ro.record_tokens = false;  // parsing reads the restored text only
      restorer = std::make_unique<Restorer>(model, ro);
    } else if (!o.model.empty()) {
      return ReportStatus(o.model, loaded.status());
    }
  }
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  json.indent = (o.pretty || (!o.jsonl && files.size() == 1 && out->is_tty())) ? 2 : -1;
  int rc = kExitOk;
  for (const std::string& path : files) {
    std::string name = DisplayName(path);
    auto text = ReadText(path, o.decode);
    if (!text.ok()) {
      rc = std::max(rc, ReportStatus(name, text.status()));
      continue;
    }
    const std::vector<DocumentPart> parts = SplitDocuments(*text);
    if (parts.size() > 1) WarnSeveralDocuments(name, parts);
    for (const DocumentPart& part : parts) {
      ParseOptions po;
      po.source_name = path == "-" ? "" : path;
      po.merge_tables = !o.no_merge_tables;
      po.first_line = part.first_line;
      auto doc = RestoreAndParse(part.text, restorer.get(), po);
      if (!doc.ok()) {
        rc = std::max(rc, ReportStatus(name, doc.status()));
        continue;
      }
      if (!doc->administrative) PrintWarning(name, 0, "not an administrative document: no header found");
      out->Write(DocumentToJson(*doc, json));
      out->Write("\n");
    }
  }
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "parse", "Parse documents into structured JSON records (header, body, tasks, references)",
    R"(Examples:
  vanban parse plan.txt                         pretty JSON on a terminal
  vanban parse *.txt > records.jsonl            one record per line
  vanban parse --fields header,tasks plan.txt   only some parts of the record
  vanban parse --no-restore scan.txt            skip diacritic restoration
Fields: source, header, preamble, body, tasks, deadlines, references, internal_refs,
appendix_refs, appendices, closing, recipients, signature, digital_signatures,
footnotes, furniture, warnings. Schema: docs/schema.md ("vanban.doc/1").)",
    40, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_flag("--jsonl", o->jsonl, "One record per line, even for one file on a terminal");
      app.add_flag("--pretty", o->pretty, "Indented JSON, even when not on a terminal");
      app.add_option("--fields", o->fields, "Comma-separated parts of the record to print (default: all)");
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      app.add_flag("--no-merge-tables", o->no_merge_tables, "Keep table rows split across pages apart");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
