// Tables for spreadsheets: formula injection neutralised, delimiters, partial dates in
// their own precision column, Vietnamese column titles, "; " between units.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "vanban/export.h"

namespace vanban {
namespace {

size_t Column(const TableRowValues& columns, const std::string& name) {
  auto it = std::find(columns.begin(), columns.end(), name);
  REQUIRE(it != columns.end());
  return static_cast<size_t>(it - columns.begin());
}

TEST_CASE("cells a spreadsheet would run as formulas get a leading quote") {
  CHECK(NeutraliseFormula("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
  CHECK(NeutraliseFormula("=1+2") == "'=1+2");
  CHECK(NeutraliseFormula("+SUM(A1)") == "'+SUM(A1)");
  CHECK(NeutraliseFormula("@SUM(1+1)") == "'@SUM(1+1)");
  CHECK(NeutraliseFormula("-2+3") == "'-2+3");
  CHECK(NeutraliseFormula("- Phòng Văn hóa") == "'- Phòng Văn hóa");
  CHECK(NeutraliseFormula("-") == "'-");
  CHECK(NeutraliseFormula("\t=1") == "'\t=1");
  CHECK(NeutraliseFormula("\r=1") == "'\r=1");
  // Plain numbers are values, not formulas.
  CHECK(NeutraliseFormula("-5") == "-5");
  CHECK(NeutraliseFormula("+3.25") == "+3.25");
  CHECK(NeutraliseFormula("-0,5") == "-0,5");
  CHECK(NeutraliseFormula("a=1") == "a=1");
  CHECK(NeutraliseFormula("") == "");

  const std::vector<TableRowValues> rows = {{"doc_id", "task_text"}, {"=1+2", "=cmd|' /C calc'!A0"}};
  TableOptions o;
  o.bom = true;  // Excel mode is no excuse
  CHECK(FormatTable(rows, o) == "\xEF\xBB\xBF" "doc_id,task_text\r\n'=1+2,'=cmd|' /C calc'!A0\r\n");
  o.format = TableFormat::kTsv;
  CHECK(FormatTable(rows, o) == "\xEF\xBB\xBF" "doc_id\ttask_text\n'=1+2\t'=cmd|' /C calc'!A0\n");
  o.formula_guard = false;  // --no-formula-guard
  CHECK(FormatTable(rows, o) == "\xEF\xBB\xBF" "doc_id\ttask_text\n=1+2\t=cmd|' /C calc'!A0\n");
}

TEST_CASE("csv with ';' or tab between fields quotes what holds the delimiter and reads back") {
  const std::vector<TableRowValues> rows = {{"a;b", "c,d", "e\tf", "đ"}};
  TableOptions o;
  o.delimiter = ';';
  std::string csv = FormatTable(rows, o);
  CHECK(csv == "\"a;b\";c,d;e\tf;đ\r\n");
  auto back = ParseTable(csv, TableFormat::kCsv, ';');
  REQUIRE(back.ok());
  CHECK(*back == rows);
  o.delimiter = '\t';
  csv = FormatTable(rows, o);
  CHECK(csv == "a;b\tc,d\t\"e\tf\"\tđ\r\n");
  back = ParseTable(csv, TableFormat::kCsv, '\t');
  REQUIRE(back.ok());
  CHECK(*back == rows);
}

TEST_CASE("partial dates: the known part and its precision") {
  auto split = [](std::string_view iso) {
    PartialDate d = SplitPartialDate(iso);
    return d.date + "|" + d.precision;
  };
  CHECK(split("2026-01-21") == "2026-01-21|day");
  CHECK(split("2025-01-??") == "2025-01|month");
  CHECK(split("2025-?\?-??") == "2025|year");
  CHECK(split("???\?-06-05") == "--06-05|month_day");
  CHECK(split("???\?-?\?-??") == "|");
  CHECK(split("") == "|");
  CHECK(split("--06-05") == "--06-05|month_day");
}

TEST_CASE("task, deadline, reference and header rows: dates split, units joined with '; '") {
  Document d;
  d.source.path = "dir/=1+2.txt";
  d.header.issued_date = DateValue{"ngày … tháng 01 năm 2025", "2025-01-??", true, false, {4, 4}};
  Task t;
  t.task_id = "t1";
  t.task_text = "=cmd|' /C calc'!A0";
  t.roles = {Role{"lead", "Cơ quan chủ trì", {"Phòng Văn hóa - Xã hội", "Công an xã"}, "Phòng VH-XH, CA xã", {}, {}},
             Role{"unit_heading", "", {"Ủy ban nhân dân xã"}, "UBND xã", {}, {}}};
  d.tasks = {t};
  Deadline dl;
  dl.id = "d1";
  dl.date = "???\?-06-05";
  dl.task_id = "t1";
  d.deadlines = {dl};
  const TableRowValues& tc = TaskColumns();
  auto task = TaskRows(d).at(0);
  REQUIRE(task.size() == tc.size());
  CHECK(task[Column(tc, "doc_id")] == "=1+2");
  CHECK(task[Column(tc, "issued_date")] == "2025-01");
  CHECK(task[Column(tc, "issued_date_precision")] == "month");
  CHECK(task[Column(tc, "lead_units")] == "Phòng Văn hóa - Xã hội; Công an xã");
  CHECK(task[Column(tc, "lead_raw")] == "Phòng VH-XH, CA xã");
  CHECK(task[Column(tc, "executor_units")] == "Ủy ban nhân dân xã");
  CHECK(task[Column(tc, "executor_raw")] == "UBND xã");
  CHECK(task[Column(tc, "deadline_date")] == "--06-05");
  CHECK(task[Column(tc, "deadline_date_precision")] == "month_day");
  auto deadline = DeadlineRows(d).at(0);
  CHECK(deadline[Column(DeadlineColumns(), "date")] == "--06-05");
  CHECK(deadline[Column(DeadlineColumns(), "date_precision")] == "month_day");
  CHECK(deadline[Column(DeadlineColumns(), "lead_units")] == "Phòng Văn hóa - Xã hội; Công an xã");
  auto header = HeaderTableRow(d);
  REQUIRE(header.size() == HeaderColumns().size());
  CHECK(header[Column(HeaderColumns(), "issued_date")] == "2025-01");
  CHECK(header[Column(HeaderColumns(), "issued_date_precision")] == "month");
  // The JSON view reads "; " lists back as arrays.
  std::string json = TableToJson(tc, TaskRows(d), -1);
  CHECK(json.find("\"lead_units\":[\"Phòng Văn hóa - Xã hội\",\"Công an xã\"]") != std::string::npos);
}

TEST_CASE("Vietnamese column titles: one for every column of every table") {
  for (const TableRowValues* columns : {&TaskColumns(), &ReferenceColumns(), &DeadlineColumns(), &HeaderColumns()}) {
    TableRowValues vi = ColumnTitles(*columns, "vi");
    REQUIRE(vi.size() == columns->size());
    for (size_t i = 0; i < vi.size(); ++i) {
      INFO((*columns)[i]);
      CHECK(vi[i] != (*columns)[i]);
    }
    CHECK(ColumnTitles(*columns, "en") == *columns);
  }
  TableRowValues vi = ColumnTitles({"lead_raw", "support_units", "timeline_kind"}, "vi");
  CHECK(vi == TableRowValues{"Đơn vị chủ trì (nguyên văn)", "Đơn vị phối hợp", "Loại thời gian"});
}

}  // namespace
}  // namespace vanban
