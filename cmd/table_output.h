// The options every table command shares (tasks, refs, deadlines, header), and how they
// become the library's TableOptions: one set, so a clerk learns them once.
#ifndef VANBAN_CMD_TABLE_OUTPUT_H_
#define VANBAN_CMD_TABLE_OUTPUT_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "vanban/export.h"

namespace vanban::cli {

struct TableOutputOptions {
  std::string format;           // csv | tsv | json (| ics for deadlines)
  bool bom = false;             // --bom: always
  bool no_bom = false;          // --no-bom: never (default: CSV written to a file gets one)
  std::string delimiter = ",";  // CSV: "," ";" or "\t" (after --delimiter's aliases)
  std::string header = "en";    // column-name row: en (machine names) | vi (titles)
  bool excel_vi = false;        // --excel-vi: csv, BOM, ";", Vietnamese titles
  bool no_formula_guard = false;
  bool no_header_row = false;
};

// Adds --format (|formats|, |format| preset as the default), --bom, --no-bom, --delimiter,
// --header, --excel-vi, --no-formula-guard and --no-header-row.
void AddTableOutputOptions(CLI::App& app, TableOutputOptions* options, const std::vector<std::string>& formats);

// The format after --excel-vi.
std::string TableFormatName(const TableOutputOptions& options);

// The library options for writing to |output| ("-" = standard output). Without --bom or
// --no-bom, CSV written to a regular file (-o FILE, or "> FILE" in the shell) starts with
// a byte order mark, which Excel needs to read UTF-8; a pipe or a terminal gets none.
TableOptions ResolveTableOptions(const TableOutputOptions& options, const std::string& output);

// The column-name row as --header asks, or nothing with --no-header-row.
std::vector<TableRowValues> HeaderRowFor(const TableOutputOptions& options, const TableRowValues& columns);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_TABLE_OUTPUT_H_
