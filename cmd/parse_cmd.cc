// vanban parse: one structured JSON record ("vanban.doc/1") per input document.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <sstream>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "output_target.h"
#include "record_output.h"
#include "vanban/document.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  OutputTarget target;
  DocumentInputOptions input;
  std::string format;  // empty: indented on a terminal, JSON Lines elsewhere
  bool jsonl = false;
  bool pretty = false;
  std::string fields;
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
  InputReader reader(o.input);
  if (int rc = reader.LoadModel(); rc != kExitOk) return rc;
  auto files = InputsOrStdin(o.files);
  std::string format = o.pretty ? "json" : o.jsonl ? "jsonl" : o.format;
  if (int rc = CheckOneJsonDocument(format, files.size(), o.target.per_file()); rc != kExitOk) return rc;
  return ForEachInputOutput(files, o.target, ".json", [&](const std::string& path, Output& out) -> int {
    int rc = kExitOk;
    std::optional<RecordStream> records;  // once the input is read: its format counts its documents
    JsonOptions shown = json;
    reader.Read(
        path, &rc,
        [&](size_t documents) {
          records.emplace(out, format.empty() ? DefaultJsonFormat(out, files.size() * documents) : format,
                          TableRowValues{}, RecordStream::JsonShape::kSingle);
          shown.indent = records->json_indent();
        },
        [&](const Document& doc) {
          records->AddStreamed([&](const JsonSink& sink) { WriteDocumentJson(doc, shown, sink); });
        });
    return rc;
  });
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "parse", "Parse documents into structured JSON records (header, body, tasks, references)",
    R"(Examples:
  vanban parse plan.txt                         pretty JSON on a terminal
  vanban parse *.txt > records.jsonl            one record per line
  vanban parse --output-dir records/ *.txt      records/NAME.json for each file
  vanban parse --fields header,tasks plan.txt   only some parts of the record
  vanban parse --no-restore scan.txt            skip diacritic restoration
Fields: source, header, preamble, body, tasks, deadlines, references, internal_refs,
appendix_refs, appendices, closing, recipients, signature, digital_signatures,
footnotes, furniture, warnings. Schema: docs/schema.md ("vanban.doc/1").)",
    40, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputTargetOptions(app, &o->target);
      auto* format = AddFormatOption(app, &o->format, {"json", "jsonl"},
                                     "json (one indented record; default for one file on a terminal) or jsonl "
                                     "(one record per line; default otherwise)");
      app.add_flag("--jsonl", o->jsonl, "Same as --format jsonl")->excludes(format);
      app.add_flag("--pretty", o->pretty, "Same as --format json")->excludes(format);
      app.add_option("--fields", o->fields, "Comma-separated parts of the record to print (default: all)")
          ->type_name("LIST");
      app.add_flag("--no-merge-tables", o->no_merge_tables, "Keep table rows split across pages apart");
      return RunFn([o] {
        o->input.merge_tables = !o->no_merge_tables;
        return Run(*o);
      });
    }});

}  // namespace vanban::cli
