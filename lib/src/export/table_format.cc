// CSV (RFC 4180) and escaped TSV: writing and reading back; the same rows as typed JSON.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "vanban/export.h"

namespace vanban {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool NeedsCsvQuotes(std::string_view s) {
  return s.find_first_of(",\"\r\n") != std::string_view::npos;
}

void AppendCsvField(std::string_view s, std::string* out) {
  if (!NeedsCsvQuotes(s)) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendTsvField(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\\': out->append("\\\\"); break;
      default: out->push_back(c);
    }
  }
}

Result<std::vector<TableRowValues>> ParseCsv(std::string_view s) {
  std::vector<TableRowValues> rows;
  TableRowValues row;
  std::string field;
  size_t i = 0;
  int line = 1;
  bool at_field_start = true;
  while (i < s.size()) {
    char c = s[i];
    if (at_field_start && c == '"') {
      int quote_line = line;
      ++i;
      for (;;) {
        if (i >= s.size()) return Status::Corruption("unterminated quoted field starting on line " + std::to_string(quote_line));
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (s[i] == '\n') ++line;
        field.push_back(s[i++]);
      }
      at_field_start = false;
      if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
        return Status::Corruption("characters after a closing quote on line " + std::to_string(line));
      }
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      ++i;
    } else if (c == '\r' || c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      at_field_start = true;
      i += (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
      ++line;
    } else {
      field.push_back(c);
      at_field_start = false;
      ++i;
    }
  }
  if (!at_field_start || !field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<TableRowValues>> ParseTsv(std::string_view s) {
  std::vector<TableRowValues> rows;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = s.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    TableRowValues row(1);
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '\t') {
        row.emplace_back();
      } else if (c == '\\' && i + 1 < line.size()) {
        char e = line[++i];
        row.back().push_back(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
      } else {
        row.back().push_back(c);
      }
    }
    rows.push_back(std::move(row));
    start = end + 1;
  }
  return rows;
}

}  // namespace

std::string FormatTableRow(const TableRowValues& row, const TableOptions& options) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (options.format == TableFormat::kCsv) {
      if (i) out.push_back(',');
      AppendCsvField(row[i], &out);
    } else {
      if (i) out.push_back('\t');
      AppendTsvField(row[i], &out);
    }
  }
  // RFC 4180 records end in CRLF; TSV is for Unix tools, LF.
  out.append(options.format == TableFormat::kCsv ? "\r\n" : "\n");
  return out;
}

std::string FormatTable(const std::vector<TableRowValues>& rows, const TableOptions& options) {
  std::string out;
  if (options.bom) out.append(kBom);
  for (const auto& r : rows) out.append(FormatTableRow(r, options));
  return out;
}

std::string TableToJson(const TableRowValues& columns, const std::vector<TableRowValues>& rows, int indent) {
  static const std::vector<std::string_view> kIntegers = {"line_start", "line_end", "mention_no", "char_start",
                                                          "char_end"};
  static const std::vector<std::string_view> kBooleans = {"first_mention", "page_break_inside", "year_inferred"};
  static const std::vector<std::string_view> kLists = {"lead_units", "support_units", "executor_units", "flags",
                                                       "ref_date_variants", "alias"};
  auto in = [](const std::vector<std::string_view>& set, const std::string& c) {
    return std::find(set.begin(), set.end(), c) != set.end();
  };
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const TableRowValues& row : rows) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string& c = columns[i];
      const std::string v = i < row.size() ? row[i] : std::string();
      if (in(kLists, c)) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        size_t start = 0;
        while (start < v.size()) {
          size_t end = v.find(';', start);
          if (end == std::string::npos) end = v.size();
          if (end > start) list.push_back(v.substr(start, end - start));
          start = end + 1;
        }
        obj[c] = std::move(list);
      } else if (v.empty()) {
        obj[c] = nullptr;  // missing is null, never "" (design note §5.1)
      } else if (in(kBooleans, c)) {
        obj[c] = v == "1";
      } else if (in(kIntegers, c)) {
        obj[c] = std::strtoll(v.c_str(), nullptr, 10);
      } else if (c == "confidence") {
        obj[c] = std::strtod(v.c_str(), nullptr);
      } else {
        obj[c] = v;
      }
    }
    array.push_back(std::move(obj));
  }
  return array.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Result<std::vector<TableRowValues>> ParseTable(std::string_view text, TableFormat format) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  return format == TableFormat::kCsv ? ParseCsv(text) : ParseTsv(text);
}

}  // namespace vanban
