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
  d.header.issuer = Issuer{"ỦY BAN NHÂN DÂN XÃ NGHI ĐƯƠNG", "", "ubnd", "xa", "Nghi Đương", {1, 2}, 1.0, {}, {}};
  NumberSymbol ns;
  ns.number = "34"; ns.symbol = "KH-UBND"; ns.doc_type_code = "KH"; ns.full = "34/KH-UBND"; ns.registered = true;
  ns.lines = {4, 4};
  d.header.number_symbol = ns;
  d.header.place = TextValue{"Nghi Đương", "", {4, 4}, 1.0, {}, {}};
  d.header.issued_date = DateValue{"ngày 21 tháng 01 năm 2026", "2026-01-21", false, false, {4, 4}};
  d.header.doc_type = DocType{"KH", "KẾ HOẠCH", "1.4", "", {5, 5}};
  d.header.subject = TextValue{"Triển khai <Nghị quyết> & \"dân chủ\"", "", {6, 6}, 1.0, {}, {}};
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
  t.roles = {Role{"lead", "Cơ quan chủ trì", {"Phòng Văn hóa - Xã hội", "Công an xã"}, "raw", {9, 9}, {}}};
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
  std::string crlf = FormatTable(rows, o);
  CHECK(crlf.substr(0, 3) == "\xEF\xBB\xBF");
  auto back2 = ParseTable(crlf, TableFormat::kCsv);
  REQUIRE(back2.ok());
  CHECK(*back2 == rows);
  CHECK_FALSE(ParseTable("a,\"b\n", TableFormat::kCsv).ok());
}

TEST_CASE("tsv escapes tabs and newlines and round-trips") {
  std::vector<TableRowValues> rows = {{"a\tb", "c\nd", "e\\f", ""}};
  TableOptions o{TableFormat::kTsv, false};
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
  auto column = [](const TableRowValues& columns, const std::string& name) {
    return static_cast<size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
  };
  CHECK(tasks[0][column(TaskColumns(), "lead_units")] == "Phòng Văn hóa - Xã hội; Công an xã");
  TableOptions raw;
  raw.formula_guard = false;  // the guard's "'" is one-way: "--06-05" would read back as "'--06-05"
  auto csv = FormatTable({TaskColumns(), tasks[0]}, raw);
  auto back = ParseTable(csv, TableFormat::kCsv);
  REQUIRE(back.ok());
  CHECK((*back)[1] == tasks[0]);
  CHECK(ReferenceRows(d, false).size() == 1);
  auto mentions = ReferenceRows(d, true);
  REQUIRE(mentions.size() == 2);
  CHECK(mentions[1][2] == "2");
  CHECK(mentions[1][3] == "0");
  CHECK(mentions[1][column(ReferenceColumns(), "section_path")] == "I.3");  // line 11
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
  // UID: deadline id + hash of the document's identity, the same on every run.
  const std::string uid = events[0]["UID"];
  CHECK(uid.size() == std::string("d1-0123456789abcdef@vanban").size());
  CHECK(uid.rfind("d1-", 0) == 0);
  CHECK(events[1]["UID"] == "d2-" + uid.substr(3));
  CHECK(ParseIcs(FormatCalendar(DeadlineEvents(d), co))[0]["UID"] == uid);
  Document other = d;
  other.header.number_symbol->full = "35/KH-UBND";
  CHECK(ParseIcs(FormatCalendar(DeadlineEvents(other), co))[0]["UID"] != uid);
  CHECK(events[0]["DTSTAMP"] == "20260101T000000Z");
  CHECK(events[0]["DTSTART;VALUE=DATE"] == "20260605");  // --06-05 in the issue year
  CHECK(events[0]["RRULE"] == "FREQ=YEARLY");
  // Summary: document, task (one line), which of the task's deadlines, lead units.
  CHECK(UnescapeIcs(events[0]["SUMMARY"]) ==
        "34/KH-UBND: Tuyên truyền, \"phổ biến\" nội dung [báo cáo trước ngày 05/6] – Phòng Văn hóa - Xã hội, Công an xã");
  CHECK(events[0]["CATEGORIES"] == "Phòng Văn hóa - Xã hội,Công an xã");
  CHECK(events[1]["DTSTART;VALUE=DATE"] == "20260331");
  CHECK(events[1].count("RRULE") == 0);
  CHECK(UnescapeIcs(events[1]["DESCRIPTION"]) ==
        "Thời hạn: trước ngày 31/3/2026; gửi, báo cáo \\ tổng hợp\n"
        "Nhiệm vụ: Tuyên truyền, \"phổ biến\"\nnội dung\n"
        "Chủ trì: Phòng Văn hóa - Xã hội; Công an xã\n"
        "Văn bản: KẾ HOẠCH số 34/KH-UBND ngày 21 tháng 01 năm 2026 của ỦY BAN NHÂN DÂN XÃ NGHI ĐƯƠNG\n"
        "Nguồn: dir/000_test.txt:10");
  CHECK(events[0].count("BEGIN") == 0);  // no VALARM unless asked for
  co.alarm_days_before = 3;
  std::string with_alarm = FormatCalendar(DeadlineEvents(d), co);
  CHECK(with_alarm.find("BEGIN:VALARM\r\nACTION:DISPLAY\r\n") != std::string::npos);
  CHECK(with_alarm.find("TRIGGER:-P3D\r\nEND:VALARM\r\nEND:VEVENT\r\n") != std::string::npos);
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
  CHECK(md.find("| STT | Nhiệm vụ |\n|---|---|\n| 1 | Làm \\| việc \\<a\\> |") != std::string::npos);
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

// A KH-style body with the shapes of the samples: a titled khoản with "-" items, a
// labelled line with "+" items under it, a điểm, and text that looks like markup.
Document StructuredDocument() {
  Document d = SampleDocument();
  auto sec = [](std::string id, std::string level, std::string num, std::string heading, std::string text) {
    Section s;
    s.id = std::move(id);
    s.level = std::move(level);
    s.num = std::move(num);
    s.heading = std::move(heading);
    s.text = std::move(text);
    return s;
  };
  Section muc = sec("II", "muc", "II", "NỘI DUNG", "");
  Section k1 = sec("II.1", "khoan", "1", "Mục đích", "");
  k1.children = {sec("II.1.-1", "dash", "", "", "1. Xác định *nội dung*"), sec("II.1.-2", "dash", "", "", "Nâng cao")};
  Section k2 = sec("II.2", "khoan", "2", "", "Kinh phí do ngân sách bảo đảm.");
  Section diem = sec("II.2.a", "diem", "a", "", "Tổ chức quán triệt");
  Section lead = sec("II.2.a.p1", "para", "", "Cơ quan chủ trì", "Phòng Văn hóa - Xã hội");
  lead.label = "lead";
  Section time = sec("II.2.a.-1", "dash", "", "Thời gian thực hiện", "");
  time.label = "timeline";
  time.children = {sec("II.2.a.-1.+1", "plus", "", "", "- Hằng năm")};
  diem.children = {lead, time};
  k2.children = {diem};
  muc.children = {k1, k2};
  d.body.push_back(muc);
  return d;
}

TEST_CASE("markdown: headings, tight nested lists, labels in bold, text never becomes markup") {
  std::string md = DocumentToMarkdown(StructuredDocument());
  CHECK(md.find("\n## II. NỘI DUNG\n\n### 1. Mục đích\n\n- 1\\. Xác định \\*nội dung\\*\n- Nâng cao\n\n") != std::string::npos);
  // Untitled khoản and điểm are numbered paragraphs, not headings.
  CHECK(md.find("\n**2.** Kinh phí do ngân sách bảo đảm.\n\n**a)** Tổ chức quán triệt\n\n") != std::string::npos);
  CHECK(md.find("\n**Cơ quan chủ trì:** Phòng Văn hóa - Xã hội\n\n") != std::string::npos);
  CHECK(md.find("\n- **Thời gian thực hiện:**\n  - \\- Hằng năm\n") != std::string::npos);
  CHECK(md.find("#####") == std::string::npos);
  CHECK(md.find("\n    ") == std::string::npos);  // never an indented code block
}

TEST_CASE("html: nested lists, masthead, closing, XML-well-formed markup") {
  Document d = StructuredDocument();
  d.header.motto = NationalMotto{true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", {1, 2}, true};
  Signature sig;
  sig.authority_lines = {AuthorityLine{"TM.", "ỦY BAN NHÂN DÂN", "", 30}};
  sig.position = "CHỦ TỊCH";
  sig.signer_name = "Nguyễn Văn A";
  d.signature = sig;
  Recipients r;
  r.label_vi = "Nơi nhận";
  r.items = {Recipient{"TT HĐND xã", "B/c", "", {}}};
  r.archive = ArchiveLine{"Lưu: VT, VHXH.", "VT", "VHXH", "", {}};
  d.recipients = r;
  std::string html = DocumentToHtml(d);
  std::string why;
  CHECK_MESSAGE(TagsBalanced(html, &why), why);
  CHECK(html.find("<td class=\"issuer\"><div class=\"organ\">ỦY BAN NHÂN DÂN XÃ NGHI ĐƯƠNG</div><div class=\"number\">Số: 34/KH-UBND</div></td>") != std::string::npos);
  CHECK(html.find("<div class=\"place-date\">Nghi Đương, ngày 21 tháng 01 năm 2026</div>") != std::string::npos);
  CHECK(html.find("<li id=\"s-II.2.a.-1\"><strong>Thời gian thực hiện:</strong>\n<ul>\n<li id=\"s-II.2.a.-1.+1\">- Hằng năm</li>\n</ul>\n</li>") != std::string::npos);
  CHECK(html.find("<p id=\"s-II.2.a\"><strong>a)</strong> Tổ chức quán triệt</p>") != std::string::npos);
  CHECK(html.find("<li>- TT HĐND xã (B/c);</li>") != std::string::npos);
  CHECK(html.find("<div class=\"sig-name\">Nguyễn Văn A</div>") != std::string::npos);
  for (const char* external : {"src=", "href=", "url(", "@import", "<link", "<script"}) {
    CHECK_MESSAGE(html.find(external) == std::string::npos, external);
  }
  CHECK(html.find("<br>") == std::string::npos);  // void elements self-closed (XML)
}

TEST_CASE("outline: Markdown ATX headings per level, bullets below level 6") {
  Document d = StructuredDocument();
  std::string md = DocumentOutlineMarkdown(d);
  CHECK(md.rfind("# I. MỤC ĐÍCH, YÊU CẦU\n\n## 1. Xác định, cụ thể; nội dung\n\n", 0) == 0);
  CHECK(md.find("\n# II. NỘI DUNG\n\n## 1. Mục đích\n\n## 2. Kinh phí do ngân sách bảo đảm.\n\n### a) Tổ chức quán triệt\n\n") != std::string::npos);
  CHECK(md.find("\n# PHỤ LỤC I: Nhiệm vụ (1 table, 1 rows)\n") != std::string::npos);
  CHECK(DocumentOutlineMarkdown(d, 2).rfind("## I. MỤC", 0) == 0);
  Section leaf;
  leaf.level = "khoan";
  leaf.num = "1";
  leaf.heading = "Sâu";
  Section deep = leaf;
  for (int i = 0; i < 7; ++i) {  // eight levels
    Section parent = leaf;
    parent.children = {deep};
    deep = parent;
  }
  Document nested;
  nested.body = {deep};
  std::string md8 = DocumentOutlineMarkdown(nested);
  CHECK(md8.find("###### 1. Sâu\n\n- 1\\. Sâu\n  - 1\\. Sâu\n") != std::string::npos);
}

TEST_CASE("table rows as typed JSON") {
  std::vector<TableRowValues> rows = {{"t1", "53", "1", "A;B", "", "0.90"}};
  std::string json = TableToJson({"task_id", "line_start", "page_break_inside", "lead_units", "product", "confidence"}, rows, -1);
  CHECK(json == "[{\"task_id\":\"t1\",\"line_start\":53,\"page_break_inside\":true,\"lead_units\":[\"A\",\"B\"],"
                "\"product\":null,\"confidence\":0.9}]\n");
  CHECK(TableToJson({"a"}, {}, 2) == "[]\n");
}

TEST_CASE("check: Điều numbered through the document, dates and numbers as NĐ 30 writes them") {
  Document d = SampleDocument();
  auto dieu = [](std::string num, int line) {
    Section s;
    s.level = "dieu";
    s.num = num;
    s.id = "D" + num;
    s.lines = {line, line};
    return s;
  };
  Section c1, c2;
  c1.level = c2.level = "chuong";
  c1.num = "I";
  c2.num = "II";
  c1.lines = {20, 20};
  c2.lines = {30, 30};
  c1.children = {dieu("1", 21), dieu("2", 22)};
  c2.children = {dieu("3", 31), dieu("5", 32)};  // Điều continue across chapters; 4 is missing
  d.body = {c1, c2};
  auto codes = [](const std::vector<Finding>& f) {
    std::vector<std::string> out;
    for (const auto& x : f) out.push_back(std::to_string(x.line) + ":" + x.code);
    return out;
  };
  auto found = codes(CheckDocument(d));
  CHECK(std::count(found.begin(), found.end(), "32:numbering-gap") == 1);
  CHECK(std::count(found.begin(), found.end(), "31:numbering-gap") == 0);  // Điều 3 opens Chương II correctly
  d.header.issued_date = DateValue{"ngày 5 tháng 1 năm 2026", "2026-01-05", false, false, {4, 4}};
  found = codes(CheckDocument(d));
  CHECK(std::count(found.begin(), found.end(), "4:date-malformed") == 2);  // 5 -> 05, 1 -> 01
  d.header.issued_date = DateValue{"ngày 30 tháng 02 năm 2026", "2026-02-30", false, false, {4, 4}};
  found = codes(CheckDocument(d));
  CHECK(std::count(found.begin(), found.end(), "4:date-malformed") == 1);
  d.header.issued_date = DateValue{"ngày 15 tháng 3 năm 2026", "2026-03-15", false, false, {4, 4}};
  found = codes(CheckDocument(d));
  CHECK(std::count(found.begin(), found.end(), "4:date-malformed") == 0);  // months from 3 on: no zero
  d.header.number_symbol->number = "5";
  found = codes(CheckDocument(d));
  CHECK(std::count(found.begin(), found.end(), "4:number-malformed") == 1);
}

}  // namespace
}  // namespace vanban
