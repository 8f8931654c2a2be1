// CSV (RFC 4180) and escaped TSV: writing and reading back; the same rows as typed JSON.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "vanban/export.h"

namespace vanban {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool NeedsCsvQuotes(std::string_view s, char delimiter) {
  return s.find_first_of("\"\r\n") != std::string_view::npos || s.find(delimiter) != std::string_view::npos;
}

void AppendCsvField(std::string_view s, char delimiter, std::string* out) {
  if (!NeedsCsvQuotes(s, delimiter)) {
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

Result<std::vector<TableRowValues>> ParseCsv(std::string_view s, char delimiter) {
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
      if (i < s.size() && s[i] != delimiter && s[i] != '\n' && s[i] != '\r') {
        return Status::Corruption("characters after a closing quote on line " + std::to_string(line));
      }
      continue;
    }
    if (c == delimiter) {
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

// "-5", "+3.25", "-0,5": a signed number, which a spreadsheet reads as a value.
bool IsPlainNumber(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  size_t digits = 0, marks = 0;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      ++digits;
    } else if ((s[i] == '.' || s[i] == ',') && digits > 0 && marks == 0 && i + 1 < s.size()) {
      ++marks;
    } else {
      return false;
    }
  }
  return digits > 0;
}

}  // namespace

std::string NeutraliseFormula(std::string_view cell) {
  if (cell.empty()) return std::string();
  const char c = cell[0];
  const bool trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  if (!trigger || IsPlainNumber(cell)) return std::string(cell);
  return "'" + std::string(cell);
}

std::string FormatTableRow(const TableRowValues& row, const TableOptions& options) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    const std::string guarded = options.formula_guard ? NeutraliseFormula(row[i]) : std::string();
    const std::string& cell = options.formula_guard ? guarded : row[i];
    if (options.format == TableFormat::kCsv) {
      if (i) out.push_back(options.delimiter);
      AppendCsvField(cell, options.delimiter, &out);
    } else {
      if (i) out.push_back('\t');
      AppendTsvField(cell, &out);
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
                                                       "ref_date_variants", "alias", "other_deadline_dates",
                                                       "unsure_words"};
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
          size_t first = v.find_first_not_of(' ', start);  // cells join with "; "
          if (first < end) list.push_back(v.substr(first, end - first));
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

Result<std::vector<TableRowValues>> ParseTable(std::string_view text, TableFormat format, char delimiter) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  return format == TableFormat::kCsv ? ParseCsv(text, delimiter) : ParseTsv(text);
}

}  // namespace vanban
