// The output formats of the commands that print records (docs/cli.md, "Output formats"):
// one --format option and one writer, so that json, jsonl, csv and tsv mean the same in
// every command.
//   jsonl  one compact JSON object per line, written as soon as it is ready
//   json   one indented JSON document: an array of the rows, findings or hits; for the
//          commands that write one record per document (parse, export, restore), that
//          record (several documents need jsonl or --output-dir)
//   csv    RFC 4180, header row first;  tsv  the same with tabs
// Nothing is written before the first document has been read, so a run whose inputs are
// all missing leaves its output empty.
#ifndef VANBAN_CMD_RECORD_OUTPUT_H_
#define VANBAN_CMD_RECORD_OUTPUT_H_

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli_io.h"
#include "vanban/export.h"

namespace vanban::cli {

// Adds --format FORMAT (or |names|) accepting |choices|; |help| describes them.
CLI::Option* AddFormatOption(CLI::App& app, std::string* format, const std::vector<std::string>& choices,
                             const std::string& help, const std::string& names = "--format");

// parse's default: indented JSON for a person reading one document on a terminal, JSON
// Lines everywhere else (pipes, files, several documents).
std::string DefaultJsonFormat(const Output& out, size_t inputs);

// A usage error (exit 2, message printed) when |format| is json and several documents
// would go to one output: one JSON document holds one record. 0 otherwise.
int CheckOneJsonDocument(const std::string& format, size_t inputs, bool per_file_outputs);

class RecordStream {
 public:
  enum class JsonShape { kArray, kSingle };
  // |format| is json, jsonl, csv or tsv (anything else: text written by the caller with
  // Write). |columns| name the fields of rows.
  RecordStream(Output& out, std::string format, TableRowValues columns = {}, JsonShape shape = JsonShape::kArray);

  void set_bom(bool bom) { bom_ = bom; }
  // CSV/TSV: the delimiter, BOM and formula guard of the table options, and the rows
  // written first instead of the column names (Vietnamese titles, or none).
  void set_table(const TableOptions& table, std::vector<TableRowValues> header_rows) {
    table_ = table;
    header_rows_ = std::move(header_rows);
    has_table_ = true;
  }
  void set_header_row(bool header_row) { header_row_ = header_row; }
  bool is_json() const { return format_ == "json" || format_ == "jsonl"; }
  // Indentation for a serialiser that writes a record itself (-1: one line).
  int json_indent() const { return format_ == "json" ? 2 : -1; }

  // A document has been read: the output exists from now on (csv/tsv: the header row;
  // json: an array, empty if no row follows).
  void Begin();
  void AddRow(const TableRowValues& row);
  // |rows| as typed JSON objects (numbers, booleans, lists; TableToJson) or table rows.
  void AddRows(const std::vector<TableRowValues>& rows);
  void AddJson(const nlohmann::ordered_json& record);
  // A record already serialised with json_indent().
  void AddSerialized(std::string_view record);
  // A record that |write| serialises with json_indent(), handing it to the sink piece by
  // piece (WriteDocumentJson): it goes to the output as it comes, never held whole.
  void AddStreamed(const std::function<void(const JsonSink&)>& write);
  // Free text (text formats).
  void Write(std::string_view text);
  // Closes the JSON array, if one was begun.
  void Finish();

 private:
  TableOptions Table() const;
  Output& out_;
  std::string format_;
  TableRowValues columns_;
  JsonShape shape_;
  bool bom_ = false;
  bool header_row_ = true;
  bool has_table_ = false;
  TableOptions table_;
  std::vector<TableRowValues> header_rows_;
  bool begun_ = false;
  size_t records_ = 0;
};

}  // namespace vanban::cli

#endif  // VANBAN_CMD_RECORD_OUTPUT_H_
