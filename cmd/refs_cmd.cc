// vanban refs: the documents cited by documents (references.csv).
#include <nlohmann/json.hpp>

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
  std::string format = "csv";
  bool bom = false;
  bool crlf = false;
  bool mentions = false;
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
  TableOptions table{o.format == "tsv" ? TableFormat::kTsv : TableFormat::kCsv, o.bom, o.crlf};
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  if (o.format != "json") out->Write(FormatTable({ReferenceColumns()}, table));
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
    for (const auto& row : ReferenceRows(in->doc, o.mentions)) {
      if (o.format == "json") {
        nlohmann::ordered_json obj;
        for (size_t i = 0; i < row.size(); ++i) obj[ReferenceColumns()[i]] = row[i];
        json.push_back(std::move(obj));
      } else {
        out->Write(FormatTableRow(row, table));
      }
    }
  }
  if (o.format == "json") out->Write(json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "refs", "List the documents cited (Nghị quyết số 20/NQ-HĐND ...) as CSV, TSV or JSON",
    R"(Examples:
  vanban refs plan.txt > references.csv
  vanban refs --mentions plan.txt         one row per mention, with line numbers
  vanban refs --format json plans/*.txt
Columns: doc_id, ref_id, mention_no, first_mention, raw, type_label_vi, type_code, number,
year, symbol, full_symbol, style, ref_date, ref_date_variants, issuer_text, issuer_level,
subject, alias, section_path, line_start, line_end, char_start, char_end, confidence, flags.)",
    52, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_option("--format", o->format, "csv, tsv or json")->check(CLI::IsMember({"csv", "tsv", "json"}));
      app.add_flag("--bom", o->bom, "Start with a UTF-8 byte order mark (for Excel)");
      app.add_flag("--crlf", o->crlf, "CRLF line ends");
      app.add_flag("--mentions", o->mentions, "One row per mention instead of one per cited document");
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
