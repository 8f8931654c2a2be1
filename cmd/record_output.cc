#include "record_output.h"

#include <fmt/format.h>

#include "command.h"
#include "help_format.h"

namespace vanban::cli {
namespace {

TableOptions TableStyle(const std::string& format) {
  return {format == "tsv" ? TableFormat::kTsv : TableFormat::kCsv, false};
}

}  // namespace

CLI::Option* AddFormatOption(CLI::App& app, std::string* format, const std::vector<std::string>& choices,
                             const std::string& help, const std::string& names) {
  return app.add_option(names, *format, help)->type_name("FORMAT")->check(OneOf(choices));
}

std::string DefaultJsonFormat(const Output& out, size_t inputs) {
  return inputs == 1 && out.is_tty() ? "json" : "jsonl";
}

int CheckOneJsonDocument(const std::string& format, size_t inputs, bool per_file_outputs) {
  if (format != "json" || inputs <= 1 || per_file_outputs) return kExitOk;
  PrintError("--format json", 0,
             "one JSON document per document: use --format jsonl (one record per line) or --output-dir DIR");
  return kExitUsage;
}

RecordStream::RecordStream(Output& out, std::string format, TableRowValues columns, JsonShape shape)
    : out_(out), format_(std::move(format)), columns_(std::move(columns)), shape_(shape) {}

void RecordStream::Begin() {
  if (begun_) return;
  begun_ = true;
  if (format_ != "csv" && format_ != "tsv") return;
  TableOptions table = Table();
  std::vector<TableRowValues> first = has_table_ ? header_rows_ : std::vector<TableRowValues>();
  if (!has_table_ && header_row_) first.push_back(columns_);
  if (!first.empty()) out_.Write(FormatTable(first, table));
  else if (table.bom) out_.Write("\xEF\xBB\xBF");
}

TableOptions RecordStream::Table() const {
  if (has_table_) return table_;
  TableOptions table = TableStyle(format_);
  table.bom = bom_;
  return table;
}

void RecordStream::AddRow(const TableRowValues& row) { AddRows({row}); }

void RecordStream::AddRows(const std::vector<TableRowValues>& rows) {
  Begin();
  if (!is_json()) {
    const TableOptions table = Table();
    for (const TableRowValues& row : rows) out_.Write(FormatTableRow(row, table));
    return;
  }
  if (rows.empty()) return;
  // TableToJson types the values (numbers, booleans, ";"-joined lists); one array per call.
  for (const auto& record : nlohmann::ordered_json::parse(TableToJson(columns_, rows, -1))) AddJson(record);
}

void RecordStream::AddJson(const nlohmann::ordered_json& record) {
  AddSerialized(record.dump(json_indent(), ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

void RecordStream::AddSerialized(std::string_view record) {
  AddStreamed([&](const JsonSink& sink) { sink(record); });
}

void RecordStream::AddStreamed(const std::function<void(const JsonSink&)>& write) {
  Begin();
  if (format_ == "jsonl" || shape_ == JsonShape::kSingle) {
    write([&](std::string_view piece) { out_.Write(piece); });
    out_.Write("\n");
    ++records_;
    return;
  }
  // An element of the indented array: every line two more spaces in (JSON strings hold
  // no raw line breaks, so this cannot touch a value).
  out_.Write(records_ == 0 ? "[\n  " : ",\n  ");
  write([&](std::string_view piece) {
    size_t start = 0;
    for (size_t nl = piece.find('\n'); nl != std::string_view::npos; nl = piece.find('\n', start)) {
      out_.Write(piece.substr(start, nl + 1 - start));
      out_.Write("  ");
      start = nl + 1;
    }
    out_.Write(piece.substr(start));
  });
  ++records_;
}

void RecordStream::Write(std::string_view text) {
  Begin();
  out_.Write(text);
}

void RecordStream::Finish() {
  if (format_ != "json" || shape_ != JsonShape::kArray || !begun_) return;
  out_.Write(records_ == 0 ? "[]\n" : "\n]\n");
}

}  // namespace vanban::cli
