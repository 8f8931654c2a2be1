// Exporters for the clerk's workflows: delimited tables (CSV/TSV), iCalendar, Markdown,
// standalone HTML, the section outline and the Decree-30 lint. Every function is pure:
// it formats a Document (vanban/document.h) into a string; I/O is the caller's job.
#ifndef VANBAN_EXPORT_H_
#define VANBAN_EXPORT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/document.h"
#include "vanban/status.h"

namespace vanban {

// ---- Delimited tables -------------------------------------------------------------------

enum class TableFormat {
  kCsv,  // RFC 4180: CRLF record ends; fields with the delimiter, " CR or LF quoted, " doubled
  kTsv,  // tab-separated, LF ends; tab, LF, CR, backslash in fields as \t \n \r \\ (2 chars)
};

struct TableOptions {
  TableFormat format = TableFormat::kCsv;
  bool bom = false;  // UTF-8 byte order mark first (Excel opens UTF-8 CSV correctly then)
  // CSV only: ',' (RFC 4180), ';' (what Excel expects where ',' is the decimal mark, as in
  // Vietnamese regional settings) or '\t'.
  char delimiter = ',';
  // Cells a spreadsheet would run as a formula get a leading "'" (see NeutraliseFormula).
  bool formula_guard = true;
};

// OWASP "CSV injection": Excel and LibreOffice evaluate a cell that starts with = + - @
// (after a TAB or CR some of them strip), so "=cmd|' /C calc'!A0" in an OCR'd task would
// run on opening. Such a cell gets a leading "'", which the spreadsheet shows as text and
// does not display. A plain number ("-5", "+3.5") is a value, not a formula, and is kept.
std::string NeutraliseFormula(std::string_view cell);

using TableRowValues = std::vector<std::string>;

// One formatted record, with its line end.
std::string FormatTableRow(const TableRowValues& row, const TableOptions& options);
// All rows (the first is normally the header), with the BOM when asked for.
std::string FormatTable(const std::vector<TableRowValues>& rows, const TableOptions& options);
// Parses RFC 4180 CSV (LF or CRLF, optional BOM, quoted fields spanning lines) or the
// escaped TSV above. Unbalanced quotes are kCorruption naming the line. A guarded
// formula's "'" is kept (it cannot be told from a cell that starts with one).
Result<std::vector<TableRowValues>> ParseTable(std::string_view text, TableFormat format, char delimiter = ',');

// The rows as a JSON array of objects keyed by |columns|, typed: line numbers and
// confidence as numbers, 0/1 flags as booleans, "; "-joined units/flags as arrays,
// empty values as null. |indent| < 0: one line.
std::string TableToJson(const TableRowValues& columns, const std::vector<TableRowValues>& rows, int indent);

// Identifier of a document in tables: the file name without directory and extension.
std::string DocumentId(const Document& doc);

// A date cell of a table never holds blanks ("2025-01-??"): the known part goes in the date
// column, how much is known in the "<column>_precision" column beside it.
struct PartialDate {
  std::string date;       // "2025-01-21", "2025-01", "2025", "--06-05" (year unknown), ""
  std::string precision;  // "day", "month", "year", "month_day", "" (no date)
};
// |iso| as DateValue::iso and the parser write it ("YYYY-MM-DD" with "??" for blanks).
PartialDate SplitPartialDate(std::string_view iso);

// Column titles for people: |language| "en" gives |columns| as they are (the machine
// names), "vi" the Vietnamese title of each ("lead_raw" -> "Đơn vị chủ trì (nguyên văn)").
TableRowValues ColumnTitles(const TableRowValues& columns, std::string_view language);

// `vanban header` as a table: file, number, symbol, type, date, date_precision, issuer,
// place, subject, signer, position (HeaderRow with its date split).
const TableRowValues& HeaderColumns();
TableRowValues HeaderTableRow(const Document& doc);

// tasks.csv: one row per task; several units in one cell are joined with "; ".
const TableRowValues& TaskColumns();
std::vector<TableRowValues> TaskRows(const Document& doc);

// references.csv (§5.3): one row per cited document, or one per mention.
const TableRowValues& ReferenceColumns();
std::vector<TableRowValues> ReferenceRows(const Document& doc, bool per_mention);

// deadlines: doc_id, doc_symbol, deadline_id, date, date_precision, recurrence,
// year_inferred, text (the phrase), task_id, task_text, lead_units, support_units,
// executor_units, line_start, line_end.
const TableRowValues& DeadlineColumns();
std::vector<TableRowValues> DeadlineRows(const Document& doc);

// ---- iCalendar (RFC 5545) -------------------------------------------------------------

struct CalendarEvent {
  std::string uid;          // globally unique, stable across runs
  std::string date;         // "YYYY-MM-DD" (all-day event)
  std::string summary;
  std::string description;
  std::string rrule;        // "FREQ=YEARLY" etc.; empty = one-off
  std::vector<std::string> categories;  // CATEGORIES (the responsible units)
};

struct CalendarOptions {
  std::string prodid = "-//vanban//vanban deadlines//VI";
  std::string dtstamp;  // "YYYYMMDDTHHMMSSZ"; empty = current UTC time
  std::string name;     // X-WR-CALNAME, optional
  int alarm_days_before = -1;  // >= 0: a VALARM (display reminder) that many days before
};

// TEXT value escaping: backslash, ';', ',' and newlines.
std::string EscapeIcsText(std::string_view text);
// One content line folded at 75 octets (never inside a UTF-8 sequence), ending in CRLF.
std::string FoldIcsLine(std::string_view line);
std::string FormatCalendar(const std::vector<CalendarEvent>& events, const CalendarOptions& options);
// Events for the dated deadlines of |doc|: full dates as they are; yearly "--MM-DD" dates
// placed in the issue year (or the next year when already past) with FREQ=YEARLY.
// Summary: document, task, lead unit; description: deadline phrase, task, lead/support/
// executing units, the document and source line; categories: the responsible units.
// UIDs hash the document's identity (symbol, issuer, date, file name) and the deadline id.
// Deadlines without a usable date are left out.
std::vector<CalendarEvent> DeadlineEvents(const Document& doc);

// ---- Text renderings ----------------------------------------------------------------

// The section tree as indented text, one line per section: "II.1  Nhiệm vụ … [53-68]".
std::string DocumentOutline(const Document& doc);
// The same tree as Markdown ATX headings, top-level sections at |top_level| ("#" = 1),
// appendices at the same level.
std::string DocumentOutlineMarkdown(const Document& doc, int top_level = 1);
// The whole document as Markdown: headings from the section tree, appendix tables as
// pipe tables.
std::string DocumentToMarkdown(const Document& doc);
// The whole document as one standalone, well-formed HTML5 page (inline print CSS, no
// external assets).
std::string DocumentToHtml(const Document& doc);
// Receives a rendering piece by piece, in order.
using HtmlSink = std::function<void(std::string_view)>;
// The same page handed to |sink| as it is written (pieces of about 64 KB): memory stays
// small however long the document (a page is about twice its text).
void WriteDocumentHtml(const Document& doc, const HtmlSink& sink);
std::string HtmlEscape(std::string_view text);

// ---- Decree-30 lint -----------------------------------------------------------------

struct Finding {
  int line = 0;          // 1-based; 0 = the document as a whole
  std::string code;      // number-missing, symbol-malformed, date-missing, ...
  std::string message;
};

// Checks the components NĐ 30/2020 requires: number and symbol, place and date, signer,
// recipients ("Nơi nhận"), numbering without gaps, type code agreeing with the title.
std::vector<Finding> CheckDocument(const Document& doc);

}  // namespace vanban

#endif  // VANBAN_EXPORT_H_
