// Exporters: CSV/TSV round trips, iCalendar read back field by field, HTML tag balance.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "vanban/export.h"

namespace vanban {
namespace {

Document SampleDocument() {
  Document d;
  d.source.path = "dir/000_test.txt";
  d.source.line_count = 40;
  d.header.motto.present = true;
  d.header.issuer = Issuer{"ỦY BAN NHÂN DÂN XÃ NGHI ĐƯƠNG", "", "ubnd", "xa", "Nghi Đương", {1, 2}, 1.0, {}};
  NumberSymbol ns;
  ns.number = "34"; ns.symbol = "KH-UBND"; ns.doc_type_code = "KH"; ns.full = "34/KH-UBND"; ns.registered = true;
  ns.lines = {4, 4};
  d.header.number_symbol = ns;
  d.header.place = TextValue{"Nghi Đương", "", {4, 4}, 1.0, {}};
  d.header.issued_date = DateValue{"ngày 21 tháng 01 năm 2026", "2026-01-21", false, false, {4, 4}};
  d.header.doc_type = DocType{"KH", "KẾ HOẠCH", "1.4", "", {5, 5}};
  d.header.subject = TextValue{"Triển khai <Nghị quyết> & \"dân chủ\"", "", {6, 6}, 1.0, {}};
  Section s1;
  s1.id = "I"; s1.level = "muc"; s1.num = "I"; s1.heading = "MỤC ĐÍCH, YÊU CẦU"; s1.lines = {8, 12};
  Section k1;
  k1.id = "I.1"; k1.level = "khoan"; k1.num = "1"; k1.text = "Xác định, cụ thể; nội dung"; k1.lines = {9, 9};
  Section k3 = k1;
  k3.id = "I.3"; k3.num = "3"; k3.lines = {11, 11};
  s1.children = {k1, k3};
  d.body = {s1};
  Task t;
  t.task_id = "t1"; t.section_id = "I.1"; t.source = "text"; t.task_text = "Tuyên truyền, \"phổ biến\"\nnội dung";
  t.roles = {Role{"lead", "Cơ quan chủ trì", {"Phòng Văn hóa - Xã hội", "Công an xã"}, "raw", {9, 9}}};
  t.lines = {9, 10};
  d.tasks = {t};
  Deadline dl;
  dl.id = "d1"; dl.text = "báo cáo trước ngày 05/6"; dl.date = "--06-05"; dl.recurrence = "yearly"; dl.task_id = "t1";
  dl.lines = {10, 10};
  Deadline d2 = dl;
  d2.id = "d2"; d2.date = "2026-03-31"; d2.recurrence = ""; d2.text = "trước ngày 31/3/2026; gửi, báo cáo \\ tổng hợp";
  d.deadlines = {dl, d2};
  Reference r;
  r.id = "r1"; r.full = "20/NQ-HĐND"; r.symbol = "NQ-HĐND"; r.number = "20"; r.type_code = "NQ";
  r.mentions = {Mention{"Nghị quyết số 20/NQ-HĐND", "2025-12-19", {6, 6}, true}, Mention{"NQ 20", "", {11, 11}, false}};
  d.references = {r};
  Appendix a;
  a.id = "PL-I"; a.label_vi = "PHỤ LỤC I"; a.title = "Nhiệm vụ";
  Table tb;
  tb.columns = {{"stt", "STT"}, {"task", "Nhiệm vụ"}};
  tb.rows = {TableRow{"1", "task", {{"task", "Làm | việc <a>"}}, {20, 20}, {}}};
  a.tables = {tb};
  d.appendices = {a};
  return d;
}

// Unfolds RFC 5545 content lines and returns the VEVENTs as property maps (name;params -> value).
std::vector<std::map<std::string, std::string>> ParseIcs(const std::string& ics) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < ics.size()) {
    size_t end = ics.find("\r\n", pos);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    std::string l = ics.substr(pos, end - pos);
    CHECK(l.size() <= 75);
    if (!l.empty() && l[0] == ' ') lines.back() += l.substr(1);
    else lines.push_back(l);
    pos = end + 2;
  }
  std::vector<std::map<std::string, std::string>> events;
  bool in = false;
  for (const auto& l : lines) {
    if (l == "BEGIN:VEVENT") { in = true; events.emplace_back(); continue; }
    if (l == "END:VEVENT") { in = false; continue; }
    if (!in) continue;
    size_t colon = l.find(':');
    REQUIRE(colon != std::string::npos);
    events.back()[l.substr(0, colon)] = l.substr(colon + 1);
  }
  return events;
}

std::string UnescapeIcs(const std::string& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\' && i + 1 < v.size()) {
      char e = v[++i];
      out.push_back(e == 'n' || e == 'N' ? '\n' : e);
    } else {
      out.push_back(v[i]);
    }
  }
  return out;
}

// True when every non-void element is closed in order (a small well-formedness check).
bool TagsBalanced(const std::string& html, std::string* why) {
  static const std::vector<std::string> kVoid = {"br", "meta", "hr", "img", "link", "input"};
  std::vector<std::string> stack;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    size_t end = html.find('>', pos);
    if (end == std::string::npos) { *why = "unterminated tag"; return false; }
    std::string tag = html.substr(pos + 1, end - pos - 1);
    pos = end + 1;
    if (tag.empty() || tag[0] == '!') continue;
    bool closing = tag[0] == '/';
    std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" />", closing ? 1 : 0) - (closing ? 1 : 0));
    if (name == "style") {  // skip the CSS
      pos = html.find("</style>", pos) + 8;
      continue;
    }
    if (std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end()) continue;
    if (!closing) {
      stack.push_back(name);
    } else {
      if (stack.empty() || stack.back() != name) { *why = "unexpected </" + name + ">"; return false; }
      stack.pop_back();
    }
  }
  if (!stack.empty()) { *why = "unclosed <" + stack.back() + ">"; return false; }
  return true;
}

TEST_CASE("csv quotes only what needs quoting and round-trips") {
  std::vector<TableRowValues> rows = {{"a", "b,c", "say \"hi\"", "line1\nline2", "", "x\r\ny"}, {"đ", "ế", "", "", "", ""}};
  TableOptions o;
  std::string csv = FormatTable(rows, o);
  CHECK(csv.substr(0, 30) == "a,\"b,c\",\"say \"\"hi\"\"\",\"line1\nli");
  auto back = ParseTable(csv, TableFormat::kCsv);
  REQUIRE(back.ok());
  CHECK(*back == rows);
  o.bom = true;
  o.crlf = true;
  std::string crlf = FormatTable(rows, o);
  CHECK(crlf.substr(0, 3) == "\xEF\xBB\xBF");
  auto back2 = ParseTable(crlf, TableFormat::kCsv);
  REQUIRE(back2.ok());
  CHECK(*back2 == rows);
  CHECK_FALSE(ParseTable("a,\"b\n", TableFormat::kCsv).ok());
}

TEST_CASE("tsv escapes tabs and newlines and round-trips") {
  std::vector<TableRowValues> rows = {{"a\tb", "c\nd", "e\\f", ""}};
  TableOptions o{TableFormat::kTsv, false, false};
  std::string tsv = FormatTable(rows, o);
  CHECK(tsv == "a\\tb\tc\\nd\te\\\\f\t\n");
  auto back = ParseTable(tsv, TableFormat::kTsv);
  REQUIRE(back.ok());
  CHECK(*back == rows);
}

TEST_CASE("task and reference rows follow the design-note columns") {
  Document d = SampleDocument();
  auto tasks = TaskRows(d);
  REQUIRE(tasks.size() == 1);
  REQUIRE(tasks[0].size() == TaskColumns().size());
  CHECK(tasks[0][0] == "000_test");
  CHECK(tasks[0][1] == "34/KH-UBND");
  CHECK(tasks[0][17] == "Phòng Văn hóa - Xã hội;Công an xã");
  auto csv = FormatTable({TaskColumns(), tasks[0]}, {});
  auto back = ParseTable(csv, TableFormat::kCsv);
  REQUIRE(back.ok());
  CHECK((*back)[1] == tasks[0]);
  CHECK(ReferenceRows(d, false).size() == 1);
  auto mentions = ReferenceRows(d, true);
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[1][2] == "2");
  CHECK(mentions[1][3] == "0");
  CHECK(mentions[1][18] == "I.3");  // section_path of line 11
}

TEST_CASE("ics folding never splits a UTF-8 sequence") {
  std::string line = "SUMMARY:" + std::string(30, 'a');
  for (int i = 0; i < 40; ++i) line += "ệ";
  std::string folded = FoldIcsLine(line);
  size_t pos = 0;
  std::string unfolded;
  while (pos < folded.size()) {
    size_t end = folded.find("\r\n", pos);
    std::string part = folded.substr(pos, end - pos);
    CHECK(part.size() <= 75);
    unsigned char first = static_cast<unsigned char>(part[pos == 0 ? 0 : 1]);
    CHECK((first & 0xC0) != 0x80);
    unfolded += pos == 0 ? part : part.substr(1);
    pos = end + 2;
  }
  CHECK(unfolded == line);
  CHECK(EscapeIcsText("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
}

TEST_CASE("deadlines become VEVENTs that parse back field by field") {
  Document d = SampleDocument();
  CalendarOptions co;
  co.dtstamp = "20260101T000000Z";
  std::string ics = FormatCalendar(DeadlineEvents(d), co);
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
  CHECK(ics.find("END:VCALENDAR\r\n") == ics.size() - 15);
  auto events = ParseIcs(ics);
  REQUIRE(events.size() == 2);
  CHECK(events[0]["UID"] == "000_test-d1@vanban");
  CHECK(events[0]["DTSTAMP"] == "20260101T000000Z");
  CHECK(events[0]["DTSTART;VALUE=DATE"] == "20260605");  // --06-05 in the issue year
  CHECK(events[0]["RRULE"] == "FREQ=YEARLY");
  CHECK(UnescapeIcs(events[0]["SUMMARY"]) == "34/KH-UBND: Tuyên truyền, \"phổ biến\"\nnội dung");
  CHECK(events[1]["DTSTART;VALUE=DATE"] == "20260331");
  CHECK(events[1].count("RRULE") == 0);
  CHECK(UnescapeIcs(events[1]["DESCRIPTION"]) == "trước ngày 31/3/2026; gửi, báo cáo \\ tổng hợp\ndir/000_test.txt:10");
}

TEST_CASE("html is standalone, escaped and well-formed") {
  Document d = SampleDocument();
  std::string html = DocumentToHtml(d);
  std::string why;
  CHECK_MESSAGE(TagsBalanced(html, &why), why);
  CHECK(html.find("&lt;Nghị quyết&gt; &amp; &quot;dân chủ&quot;") != std::string::npos);
  CHECK(html.find("Làm | việc &lt;a&gt;") != std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // no external assets
  CHECK(html.find("<h2 id=\"s-I\">I. MỤC ĐÍCH, YÊU CẦU</h2>") != std::string::npos);
}

TEST_CASE("markdown has headings from the tree and pipe tables") {
  std::string md = DocumentToMarkdown(SampleDocument());
  CHECK(md.rfind("# KẾ HOẠCH\n", 0) == 0);
  CHECK(md.find("\n## I. MỤC ĐÍCH, YÊU CẦU\n") != std::string::npos);
  CHECK(md.find("| STT | Nhiệm vụ |\n|---|---|\n| 1 | Làm \\| việc \\<a> |") != std::string::npos);
  std::string outline = DocumentOutline(SampleDocument());
  CHECK(outline.rfind("I. MỤC ĐÍCH, YÊU CẦU  [8-12]\n  1. Xác định", 0) == 0);
}

TEST_CASE("check reports numbering gaps, missing signer and recipients") {
  Document d = SampleDocument();
  auto findings = CheckDocument(d);
  std::vector<std::string> codes;
  for (const auto& f : findings) codes.push_back(f.code);
  CHECK(std::find(codes.begin(), codes.end(), "numbering-gap") != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), "signer-missing") != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), "recipients-missing") != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), "number-missing") == codes.end());
  d.header.number_symbol->doc_type_code = "QĐ";
  d.header.number_symbol->symbol = "QĐ-UBND";
  findings = CheckDocument(d);
  CHECK(std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.code == "type-mismatch" && f.line == 4; }));
  d.header.number_symbol->symbol = "qd ubnd";
  findings = CheckDocument(d);
  CHECK(std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.code == "symbol-malformed"; }));
}

}  // namespace
}  // namespace vanban
