// vanban header: one line of header fields per document (a catalogue of a folder).
#include <nlohmann/json.hpp>

#include <memory>

#include "cli_io.h"
#include "command.h"
#include "document_input.h"
#include "vanban/document.h"
#include "vanban/export.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string output = "-";
  DocumentInputOptions input;
  std::string format = "tsv";
  bool no_header_row = false;
};

// JSON Lines: one object per document, empty values null.
std::string JsonLine(const std::vector<std::pair<std::string, std::string>>& row) {
  nlohmann::ordered_json j;
  for (const auto& [k, v] : row) j[k] = v.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

int Run(const Options& o) {
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  const TableOptions table{o.format == "csv" ? TableFormat::kCsv : TableFormat::kTsv, false};
  bool header_done = o.no_header_row || o.format == "json";
  int rc = ForEachDocument(files, o.input, [&](const std::string&, const Document& doc) {
    auto row = HeaderRow(doc);
    if (o.format == "json") {
      out->Write(JsonLine(row));
      return;
    }
    TableRowValues names, values;
    for (const auto& [k, v] : row) {
      names.push_back(k);
      values.push_back(v);
    }
    if (!header_done) out->Write(FormatTableRow(names, table));
    header_done = true;
    out->Write(FormatTableRow(values, table));
  });
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "header", "One line of header fields (number, type, date, issuer, subject) per document",
    R"(Examples:
  vanban header scans/*.txt                    TSV with a header row
  vanban header --format csv *.txt > list.csv  RFC 4180 CSV
  vanban header --format json plan.txt         one JSON object per line
Columns: file, number, symbol, type, date, issuer, place, subject, signer, position.)",
    41, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddDocumentInputOptions(app, &o->files, &o->input);
      AddOutputOption(app, &o->output);
      app.add_option("--format", o->format, "tsv (default), csv or json")
          ->check(CLI::IsMember({"tsv", "csv", "json"}))
          ->capture_default_str();
      app.add_flag("--no-header-row", o->no_header_row, "Omit the column-name row (tsv, csv)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
