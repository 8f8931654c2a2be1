#include "table_output.h"

#include "help_format.h"
#include "record_output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <map>

namespace vanban::cli {
namespace {

// Whether |output| is (or will be) a regular file rather than a pipe, terminal or device.
bool WritesRegularFile(const std::string& output) {
  struct stat st {};
  if (output == "-") return fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode);
  if (stat(output.c_str(), &st) != 0) return true;  // a new file
  return S_ISREG(st.st_mode);
}

}  // namespace

void AddTableOutputOptions(CLI::App& app, TableOutputOptions* o, const std::vector<std::string>& formats) {
  std::string names;
  for (const auto& f : formats) names += (names.empty() ? "" : ", ") + f + (f == o->format ? " (default)" : "");
  auto* format = AddFormatOption(app, &o->format, formats, names);
  auto* bom = app.add_flag("--bom", o->bom,
                           "Start CSV/TSV with a UTF-8 byte order mark (default for CSV written to a file)");
  auto* no_bom = app.add_flag("--no-bom", o->no_bom, "Never write a byte order mark (for scripts reading a file)");
  bom->excludes(no_bom);
  // Aliases so that a shell user need not type a literal tab or quote ";".
  static const std::map<std::string, std::string> kDelimiters = {
      {",", ","}, {"comma", ","}, {";", ";"}, {"semicolon", ";"}, {"\t", "\t"}, {"\\t", "\t"}, {"tab", "\t"}};
  auto* delimiter = app.add_option("--delimiter", o->delimiter,
                                   "CSV field separator: ',' (default), ';' (Excel with Vietnamese regional "
                                   "settings) or tab (also: comma, semicolon, \\t)")
                        ->transform(CLI::CheckedTransformer(kDelimiters).description(""))
                        ->type_name("SEP");
  auto* header = app.add_option("--header", o->header,
                                "Column names: en (field names, default) or vi (Vietnamese titles, e.g. "
                                "\"Đơn vị chủ trì\")")
                     ->check(OneOf({"en", "vi"}))
                     ->type_name("LANG");
  auto* excel = app.add_flag("--excel-vi", o->excel_vi,
                             "For Excel with Vietnamese regional settings: CSV, ';', a byte order mark and "
                             "Vietnamese column titles");
  excel->excludes(format)->excludes(no_bom)->excludes(delimiter)->excludes(header);
  app.add_flag("--no-formula-guard", o->no_formula_guard,
               "Write cells starting with = + - @ as they are (by default they get a leading ' so that a "
               "spreadsheet does not run them as formulas)");
  app.add_flag("--no-header-row", o->no_header_row, "Omit the column-name row (csv, tsv)");
}

std::string TableFormatName(const TableOutputOptions& o) { return o.excel_vi ? "csv" : o.format; }

TableOptions ResolveTableOptions(const TableOutputOptions& o, const std::string& output) {
  TableOptions t;
  t.format = TableFormatName(o) == "tsv" ? TableFormat::kTsv : TableFormat::kCsv;
  t.delimiter = o.excel_vi ? ';' : o.delimiter.empty() ? ',' : o.delimiter[0];
  t.formula_guard = !o.no_formula_guard;
  if (o.bom || o.excel_vi) t.bom = true;
  else if (o.no_bom) t.bom = false;
  else t.bom = t.format == TableFormat::kCsv && WritesRegularFile(output);
  return t;
}

std::vector<TableRowValues> HeaderRowFor(const TableOutputOptions& o, const TableRowValues& columns) {
  if (o.no_header_row) return {};
  return {ColumnTitles(columns, o.excel_vi ? "vi" : o.header)};
}

}  // namespace vanban::cli
