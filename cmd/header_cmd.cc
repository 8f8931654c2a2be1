// vanban header: one line of header fields per document (a catalogue of a folder).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

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
  std::string format = "tsv";
  bool no_restore = false;
  bool no_header_row = false;
  std::string model;
};

std::string CsvField(const std::string& v) {
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string TsvField(std::string v) {
  for (char& c : v) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return v;
}

std::string FormatRow(const std::vector<std::pair<std::string, std::string>>& row, const std::string& format,
                      bool names) {
  if (format == "json") {
    nlohmann::ordered_json j;
    for (const auto& [k, v] : row) j[k] = v.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  std::string line;
  for (size_t i = 0; i < row.size(); ++i) {
    const std::string& v = names ? row[i].first : row[i].second;
    if (i) line += format == "csv" ? "," : "\t";
    line += format == "csv" ? CsvField(v) : TsvField(v);
  }
  return line + (format == "csv" ? "\r\n" : "\n");
}

int Run(const Options& o) {
  std::shared_ptr<const Model> model;
  std::unique_ptr<Restorer> restorer;
  if (!o.no_restore) {
    auto loaded = Model::Load(o.model.empty() ? Model::DefaultPath() : o.model);
    if (loaded.ok()) {
      model = *loaded;
      restorer = std::make_unique<Restorer>(model);
    } else if (!o.model.empty()) {
      return ReportStatus(o.model, loaded.status());
    }
  }
  auto files = InputsOrStdin(o.files);
  auto out = Output::Open(o.output, files);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  int rc = kExitOk;
  bool header_done = o.no_header_row || o.format == "json";
  for (const std::string& path : files) {
    std::string name = path == "-" ? "<stdin>" : path;
    auto text = ReadText(path, o.decode);
    if (!text.ok()) {
      rc = std::max(rc, ReportStatus(name, text.status()));
      continue;
    }
    ParseOptions po;
    po.source_name = path == "-" ? "" : path;
    auto doc = RestoreAndParse(*text, restorer.get(), po);
    if (!doc.ok()) {
      rc = std::max(rc, ReportStatus(name, doc.status()));
      continue;
    }
    if (!doc->administrative) PrintWarning(name, 0, "not an administrative document: no header found");
    auto row = HeaderRow(*doc);
    if (!header_done) {
      out->Write(FormatRow(row, o.format, true));
      header_done = true;
    }
    out->Write(FormatRow(row, o.format, false));
  }
  return FinishOutput(*out, o.output, rc);
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "header", "One line of header fields (number, type, date, issuer, subject) per document",
    R"(Examples:
  vanban header scans/*.txt                    TSV with a header row
  vanban header --format csv *.txt > list.csv
  vanban header --format json plan.txt         one JSON object per line
Columns: file, number, symbol, type, date, issuer, place, subject, signer, position.)",
    41, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      AddInputFiles(app, &o->files);
      AddOutputOption(app, &o->output);
      AddDecodeOptions(app, &o->decode);
      app.add_option("--format", o->format, "Output format")
          ->check(CLI::IsMember({"tsv", "csv", "json"}))
          ->capture_default_str();
      app.add_flag("--no-header-row", o->no_header_row, "Omit the column-name row (tsv, csv)");
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_option("--model", o->model, "Restoration model file");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
