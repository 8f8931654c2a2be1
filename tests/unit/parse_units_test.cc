// Unit tests of the parser's pieces on small inline texts: the folded key, header cells
// flattened by OCR, numbering repair, responsibility labels, units, timelines, deadlines,
// references, sign-off, and the restored-text path.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "parse/parse_context.h"
#include "vanban/parse.h"

using vanban::FoldKey;
using vanban::ParseDocument;

namespace {
vanban::Document Parse(const std::string& text) {
  auto d = ParseDocument(text, {});
  REQUIRE(d.ok());
  return *d;
}
}  // namespace

TEST_CASE("FoldKey: one byte per code point, marks stripped, OCR folds") {
  CHECK(FoldKey("Nghị quyết số") == "nghi quyet so");
  CHECK(FoldKey("ĐẢNG") == "dang");
  CHECK(FoldKey("Pang uy").substr(0, 4) == "dang");      // P -> Đ at word start
  CHECK(FoldKey("Phong").substr(0, 2) == "ph");          // but not "Ph"
  CHECK(FoldKey("Tw do") == "tu do");                    // w -> ư
  CHECK(FoldKey("x& hoi") == "xo hoi");                  // & -> ở after a letter
  CHECK(FoldKey("HĐND&UBND") == "hdnd&ubnd");            // not between letters
  CHECK(FoldKey("Độc lập — Tự do") == "doc lap - tu do");
}

TEST_CASE("RepairRoman maps OCR'd digits") {
  using vanban::internal::RepairRoman;
  CHECK(RepairRoman("Il") == "II");
  CHECK(RepairRoman("I11") == "III");
  CHECK(RepairRoman("|") == "I");
  CHECK(RepairRoman("IV") == "IV");
  CHECK(RepairRoman("abc").empty());
}

TEST_CASE("header: flattened two-column OCR header") {
  auto d = Parse(
      "UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM\n\n"
      "XA NGHI DUONG Poc lap - Tu do - Hanh phtc\n"
      "S6:34 /KH-UBND Nghi Duong, ngay 21thang 01 nam 2026\n"
      "KE HOACH\n\nTrien khai thuc hien Nghi quyet\nso 20/NQ-HDND\n\nThuc hien abc.\n");
  const auto& h = d.header;
  CHECK(h.motto.present);
  CHECK(h.motto.slogan_present);
  REQUIRE(h.issuer);
  CHECK(h.issuer->org_type == "ubnd");
  CHECK(h.issuer->admin_level == "xa");
  CHECK(h.issuer->admin_unit == "Nghi Duong");
  REQUIRE(h.number_symbol);
  CHECK(h.number_symbol->number == "34");
  CHECK(h.number_symbol->symbol == "KH-UBND");
  CHECK(h.number_symbol->doc_type_code == "KH");
  REQUIRE(h.issued_date);
  CHECK(h.issued_date->iso == "2026-01-21");
  REQUIRE(h.place);
  CHECK(h.place->text == "Nghi Duong");
  REQUIRE(h.doc_type);
  CHECK(h.doc_type->code == "KH");
  REQUIRE(h.subject);
  CHECK(h.subject->lines.start == 7);
  CHECK(h.subject->lines.end == 8);
  CHECK(d.administrative);
}

TEST_CASE("header: draft with blank number and day") {
  auto d = Parse("Số: /KH-UBND\n\nBình Giang, ngày tháng 01 năm 2025\n\nKẾ HOẠCH\n\nVề việc X\n");
  REQUIRE(d.header.number_symbol);
  CHECK(d.header.number_symbol->number.empty());
  CHECK_FALSE(d.header.number_symbol->registered);
  CHECK(d.header.issued_date->iso == "2025-01-??");
  CHECK(d.header.issued_date->day_blank);
  CHECK(d.header.is_draft);
  CHECK(d.header.place->text == "Bình Giang");
}

TEST_CASE("header: every NĐ 30 type on its own line is recognised") {
  for (auto [line, code] : std::vector<std::pair<std::string, std::string>>{
           {"QUYẾT ĐỊNH", "QĐ"}, {"TỜ TRÌNH", "TTr"}, {"BÁO CÁO", "BC"}, {"GIẤY MỜI", "GM"},
           {"CHƯƠNG TRÌNH", "CTr"}, {"QUY ĐỊNH", "QyĐ"}, {"NGHỊ ĐỊNH", "NĐ"}, {"ĐỀ ÁN", "ĐA"}}) {
    auto d = Parse("Số: 12/X-Y\n" + line + "\nVề việc abc\n");
    REQUIRE_MESSAGE(d.header.doc_type, line);
    CHECK(d.header.doc_type->code == code);
  }
}

TEST_CASE("non-administrative text parses with a warning") {
  auto d = Parse("Hôm nay trời đẹp.\nChúng tôi đi chơi.\n");
  CHECK_FALSE(d.administrative);
  REQUIRE_FALSE(d.warnings.empty());
}

TEST_CASE("invalid UTF-8 is an error") {
  auto d = ParseDocument(std::string("abc\xff\xfe"), {});
  CHECK_FALSE(d.ok());
  CHECK(d.status().code() == vanban::StatusCode::kCorruption);
}

TEST_CASE("body: damaged numerals repaired and flagged, gaps flagged") {
  auto d = Parse(
      "KẾ HOẠCH\n\nabc\n\nI. MUC DICH\n1. Muc dich\na) one.\nb) two.\nb) three.\nd) four.\nd) five.\n"
      "Il. NOI DUNG\n1. x.\n3. y.\nI11. KINH PHI\n1. z.\n");
  REQUIRE(d.body.size() == 3);
  CHECK(d.body[1].num == "II");
  CHECK(d.body[1].num_raw == "Il");
  CHECK(d.body[1].flags == std::vector<std::string>{"numeral_repaired"});
  CHECK(d.body[2].num == "III");
  const auto& points = d.body[0].children[0].children;
  REQUIRE(points.size() == 5);
  CHECK(points[2].num == "c");
  CHECK(points[3].num == "d");
  CHECK(points[4].num == "đ");
  REQUIRE(d.body[1].children.size() == 2);
  CHECK(d.body[1].children[1].num == "3");  // never renumbered
  CHECK(d.body[1].children[1].flags == std::vector<std::string>{"sequence_gap"});
}

TEST_CASE("body: Chương / Điều / khoản") {
  auto d = Parse("NGHỊ ĐỊNH\nVề X\n\nCăn cứ Luật A;\n\nChương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi\n1. Một.\n2. Hai.\nĐiều 2. Đối tượng\nNội dung.\n");
  REQUIRE(d.body.size() == 1);
  CHECK(d.body[0].level == "chuong");
  CHECK(d.body[0].heading == "QUY ĐỊNH CHUNG");
  REQUIRE(d.body[0].children.size() == 2);
  CHECK(d.body[0].children[0].level == "dieu");
  CHECK(d.body[0].children[0].heading == "Phạm vi");
  CHECK(d.body[0].children[0].children.size() == 2);
  CHECK(d.body[0].children[1].text == "Nội dung.");
}

TEST_CASE("labels on folded keys") {
  using vanban::internal::LabelRole;
  size_t pos = 0;
  std::string vi;
  CHECK(LabelRole(FoldKey("Co quan chu tri: X"), &pos, &vi) == "lead");
  CHECK(vi == "Cơ quan chủ trì");
  CHECK(LabelRole(FoldKey("Co quan phéi hop, thiee hién: X"), &pos, &vi) == "support_executor");
  CHECK(LabelRole(FoldKey("Co quan thyce hién: X"), &pos, &vi) == "executor");
  CHECK(LabelRole(FoldKey("Thot gian thuc hién: Thuong xuyén."), &pos, &vi) == "timeline");
  CHECK(LabelRole(FoldKey("Hinh thae: abc"), &pos, &vi) == "form");
  CHECK(LabelRole(FoldKey("Sản phẩm: abc"), &pos, &vi) == "product");
  CHECK(LabelRole(FoldKey("Nội dung chính của kế hoạch: abc"), &pos, &vi).empty());
}

TEST_CASE("unit lists split on ';', bullets and capitalised commas") {
  using vanban::internal::SplitUnits;
  CHECK(SplitUnits("Phòng Văn hóa - Xã hội; Trung tâm Dịch vụ sự nghiệp công; Văn phòng HĐND và UBND.") ==
        std::vector<std::string>{"Phòng Văn hóa - Xã hội", "Trung tâm Dịch vụ sự nghiệp công",
                                 "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"});
  CHECK(SplitUnits("Các cơ quan, đơn vị, thôn") == std::vector<std::string>{"Các cơ quan, đơn vị, thôn"});
  CHECK(SplitUnits("Phòng Văn hóa - Xã hội, Ban Xây dựng Đảng") ==
        std::vector<std::string>{"Phòng Văn hóa - Xã hội", "Ban Xây dựng Đảng"});
  CHECK(SplitUnits("- Phòng Văn hóa - Xã hội xã (về khen thưởng) - Văn phòng HĐND và UBND xã (xử lý vi phạm)") ==
        std::vector<std::string>{"Phòng Văn hóa - Xã hội xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"});
}

TEST_CASE("unit names: one spelling for the pivot table") {
  using vanban::internal::CanonicalUnitName;
  // Dash variants.
  CHECK(CanonicalUnitName("Phòng Văn hóa — Xã hội") == "Phòng Văn hóa - Xã hội");
  CHECK(CanonicalUnitName("Phòng Văn hóa – Xã hội") == "Phòng Văn hóa - Xã hội");
  CHECK(CanonicalUnitName("Phòng Văn hóa -Xã hội") == "Phòng Văn hóa - Xã hội");
  CHECK(CanonicalUnitName("Phòng  Văn hóa - Xã hội") == "Phòng Văn hóa - Xã hội");
  // The common noun that opens a list of units.
  CHECK(CanonicalUnitName("các thôn") == "Các thôn");
  CHECK(CanonicalUnitName("Các thôn") == "Các thôn");
  // Abbreviations and capitals of the usual names; tone marks in one place.
  CHECK(CanonicalUnitName("UBND xã") == "Ủy ban nhân dân xã");
  CHECK(CanonicalUnitName("Ủy ban nhân dân xã") == "Ủy ban nhân dân xã");
  CHECK(CanonicalUnitName("Uỷ ban Nhân dân Xã") == "Ủy ban nhân dân xã");
  CHECK(CanonicalUnitName("Ủy ban MTTQ Việt Nam xã") == "Ủy ban Mặt trận Tổ quốc Việt Nam xã");
  CHECK(CanonicalUnitName("Ủy ban MTTQ VN xã") == "Ủy ban Mặt trận Tổ quốc Việt Nam xã");
  CHECK(CanonicalUnitName("Ủy ban Mặt trận Tổ quốc Việt Nam Xã") == "Ủy ban Mặt trận Tổ quốc Việt Nam xã");
  CHECK(CanonicalUnitName("Văn phòng HĐND và UBND xã") == "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã");
  // OCR text without marks stays without marks.
  CHECK(CanonicalUnitName("UBND xa") == "Uy ban nhan dan xa");
  CHECK(CanonicalUnitName("Phong Van hoa — Xa hoi") == "Phong Van hoa - Xa hoi");
  // "Xã hội" is not a level; other names in capitals keep them.
  CHECK(CanonicalUnitName("Hội Liên hiệp Phụ nữ Xã") == "Hội Liên hiệp Phụ nữ xã");
  CHECK(CanonicalUnitName("PHÒNG VĂN HÓA - XÃ HỘI") == "PHÒNG VĂN HÓA - XÃ HỘI");
  CHECK(CanonicalUnitName("ỦY BAN NHÂN DÂN XÃ") == "Ủy ban nhân dân xã");
  // A hyphen inside a word or code is not a separator.
  CHECK(CanonicalUnitName("Phòng Tư pháp-Hộ tịch") == "Phòng Tư pháp-Hộ tịch");
}

TEST_CASE("timelines") {
  using vanban::internal::ClassifyTimeline;
  auto t = [](const std::string& s) { return ClassifyTimeline(FoldKey(s), s, 2026); };
  CHECK(t("Thường xuyên.").recurrence == "continuous");
  CHECK(t("Thudng xuyén.").recurrence == "continuous");
  CHECK(t("Hàng năm").recurrence == "yearly");
  CHECK(t("Trong năm 2026.").kind == "period");
  CHECK(t("Năm 2026 và các năm tiếp theo").kind == "from_year");
  CHECK(t("Theo nhiệm kỳ").kind == "term");
  auto d = t("Hoan thanh trude ngay 30/5/2026.");
  CHECK(d.kind == "deadline");
  CHECK(d.deadline == "2026-05-30");
  CHECK(t("trước ngày 05/6").deadline == "2026-06-05");
  CHECK(t("").kind == "unspecified");
  CHECK(t("trước ngày 31/02").kind != "deadline");  // not a date, as in the deadlines list
}

TEST_CASE("a unit runs to its verb, not to a verb used as a noun (\"các tổ chức chính trị - xã hội\")") {
  auto d = Parse("S6:1/KH-UBND X, ngay 02 thang 01 nam 2026\nKE HOACH\n\nabc\n\nIV. TỔ CHỨC THỰC HIỆN\n"
                 "6. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Xã và các tổ chức chính trị - xã hội xã tuyên truyền "
                 "sâu rộng, phát huy quyền làm chủ của Nhân dân.\n");
  REQUIRE(d.tasks.size() == 1);
  REQUIRE(d.tasks[0].roles.size() == 1);
  CHECK(d.tasks[0].roles[0].role == "requested");
  CHECK(d.tasks[0].roles[0].units ==
        std::vector<std::string>{"Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã"});
  CHECK(d.tasks[0].roles[0].raw == "Ủy ban Mặt trận Tổ quốc Việt Nam Xã và các tổ chức chính trị - xã hội xã");
  CHECK(d.tasks[0].task_text.rfind("tuyên truyền sâu rộng", 0) == 0);
}

TEST_CASE("one reader of deadline phrases for timelines and the deadlines list") {
  using vanban::internal::FindDeadlinePhrases;
  auto p = FindDeadlinePhrases(FoldKey("gửi trước ngày 30/01/2026; báo cáo 6 tháng (trước ngày 15/5 hằng năm)"));
  REQUIRE(p.size() == 2);
  CHECK(p[0].day == 30);
  CHECK(p[0].month == 1);
  CHECK(p[0].year == 2026);
  CHECK(p[0].recurrence.empty());
  CHECK(p[1].year == -1);
  CHECK(p[1].recurrence == "yearly");
  // A labelled timeline and the deadline found in the same line agree.
  auto d = Parse("S6:1/KH-UBND X, ngay 02 thang 01 nam 2026\nKE HOACH\n\nabc\n\nI. A\n"
                 "1. Tuyen truyen\n- Co quan chu tri: Phong Van hoa - Xa hoi\n"
                 "- Thoi gian thuc hien: truoc ngay 30/5 hang nam\n");
  REQUIRE(d.tasks.size() == 1);
  REQUIRE(d.tasks[0].timeline.has_value());
  REQUIRE(d.deadlines.size() == 1);
  CHECK(d.tasks[0].timeline->deadline == d.deadlines[0].date);
  CHECK(d.tasks[0].timeline->recurrence == d.deadlines[0].recurrence);
  CHECK(d.deadlines[0].task_id == d.tasks[0].task_id);
}

// The address space this process holds now, in bytes (VmSize), 0 if unknown.
size_t AddressSpace() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmSize:", 0) == 0) return std::stoull(line.substr(7)) * 1024;
  }
  return 0;
}

TEST_CASE("deadlines: a document far down a long file links them to tasks in memory of its own size") {
  // Line numbers count through the input file; the table of which task holds which line
  // once started at line 1, so a document at line 10^9 asked for 8 GB. Parsed in a child
  // given 1 GB of address space more than it holds: it fails there without the fix.
  const std::string text =
      "S6:1/KH-UBND X, ngay 02 thang 01 nam 2026\nKE HOACH\n\nabc\n\nI. A\n"
      "1. Tuyen truyen\n- Co quan chu tri: Phong Van hoa - Xa hoi\n"
      "- Thoi gian thuc hien: truoc ngay 30/5 hang nam\n";
  vanban::ParseOptions po;
  po.first_line = 1'000'000'000;
  const size_t held = AddressSpace();
  REQUIRE(held > 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const rlimit limit{held + (size_t{1} << 30), held + (size_t{1} << 30)};
    if (setrlimit(RLIMIT_AS, &limit) != 0) _exit(3);
    try {
      auto d = ParseDocument(text, po);
      const bool linked = d.ok() && d->tasks.size() == 1 && d->deadlines.size() == 1 &&
                          d->deadlines[0].task_id == d->tasks[0].task_id && d->tasks[0].lines.start > 1'000'000'000;
      _exit(linked ? 0 : 1);
    } catch (...) {
      _exit(2);  // std::bad_alloc: the table of every line before the document
    }
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("deadlines: year inferred from the document date, recurrence") {
  auto d = Parse("S6:1/KH-UBND X, ngay 02 thang 01 nam 2026\nKE HOACH\n\nabc\n\nI. A\n"
                 "1. Bao cao (bao cao 6 thang trudc ngay 05/6, bao cao nam trude ngay 10/11 hang nam).\n"
                 "2. Hoan thanh truoc ngay 30/5/2027.\n");
  REQUIRE(d.deadlines.size() == 3);
  CHECK(d.deadlines[0].date == "2026-06-05");
  CHECK(d.deadlines[0].year_inferred);
  CHECK(d.deadlines[0].recurrence == "yearly");
  CHECK(d.deadlines[2].date == "2027-05-30");
  CHECK_FALSE(d.deadlines[2].year_inferred);
}

TEST_CASE("references: three styles, damaged symbols, conflicting dates, mentions") {
  auto d = Parse(
      "KẾ HOẠCH\n\nThực hiện Nghi quyét sé6 20/NQ-HPND ngay 19/12/2025 cia Hoi dong nhan dan xa;\n"
      "Nghị định số 61/2023/NĐ-CP ngày 16/8/2023 của Chính phủ về xây dựng;\n"
      "Nghi quyét s6 04-NQ/TU ngay 18/10/2021 cta Hoi nghi Tinh ty; Quyết định sb 23-\nQb/TW ngay 30/7/2021;\n"
      "Nghị quyết 20/ NQ-HDND ngày 11/12/2025.\n");
  REQUIRE(d.references.size() == 4);
  const auto& r = d.references[0];
  CHECK(r.full == "20/NQ-HĐND");
  CHECK(r.style == "state_admin");
  CHECK(r.type_label_vi == "Nghị quyết");
  CHECK(r.mentions.size() == 2);
  CHECK(r.date_variants.size() == 2);
  CHECK(r.flags == std::vector<std::string>{"conflicting_dates"});
  CHECK(d.references[1].full == "61/2023/NĐ-CP");
  CHECK(d.references[1].style == "state_qppl");
  CHECK(d.references[1].issuer_text == "Chính phủ");
  CHECK(d.references[2].full == "04-NQ/TU");
  CHECK(d.references[2].style == "party");
  CHECK(d.references[3].full == "23-QĐ/TW");  // split over a line break
  CHECK(d.references[3].date == "2021-07-30");
}

TEST_CASE("sign-off: interleaved recipients and signature, stamp noise, archive") {
  auto d = Parse(
      "KE HOACH\n\nabc\n\nI. A\n1. x./.\n\n"
      "Noi nhén: TM. UY BAN NHAN DAN\n"
      "-TT bU - TT HBND xa (B/c); KT. CHU TICH\n"
      "- CT, cac PCT UBND x4;\n"
      "- BXDP Pang ay; UB MTTQ xa; OUO\\O CHU TICH\n"
      "- Cac phong thudc .\nUBND x3&;\n"
      "- Luu: VT, VHXH.\n");
  REQUIRE(d.recipients);
  CHECK(d.recipients->items.size() == 6);
  CHECK(d.recipients->items[1].purpose == "B/c");
  CHECK(d.recipients->items[5].lines.end == 13);
  REQUIRE(d.recipients->archive);
  CHECK(d.recipients->archive->office_code == "VT");
  CHECK(d.recipients->archive->drafting_unit == "VHXH");
  REQUIRE(d.signature);
  REQUIRE(d.signature->authority_lines.size() == 2);
  CHECK(d.signature->authority_lines[1].prefix == "KT.");
  CHECK(d.signature->position == "PHÓ CHỦ TỊCH");
  CHECK(d.signature->signer_name.empty());
}

TEST_CASE("restored text supplies values, the source supplies structure") {
  std::string ocr = "S6:34 /KH-UBND Nghi Duong, ngay 21thang 01 nam 2026\nKE HOACH\n\nTrien khai\n";
  std::string restored = "Số:34 /KH-UBND Nghi Đương, ngày 21tháng 01 năm 2026\nKẾ HOẠCH\n\nTriển khai\n";
  vanban::ParseOptions o;
  o.restored_text = restored;
  auto d = ParseDocument(ocr, o);
  REQUIRE(d.ok());
  CHECK(d->source.restored);
  CHECK(d->header.place->text == "Nghi Đương");
  CHECK(d->header.place->raw == "Nghi Duong");
  CHECK(d->header.subject->text == "Triển khai");
  // A restored text with a different line count is ignored.
  o.restored_text = "one line";
  auto d2 = ParseDocument(ocr, o);
  REQUIRE(d2.ok());
  CHECK_FALSE(d2->source.restored);
  CHECK(d2->header.place->text == "Nghi Duong");
}

TEST_CASE("appendix table: repeated headers dropped, split rows merged") {
  auto d = Parse(
      "KẾ HOẠCH\n\nabc\n\nI. A\n1. x.\n\nNơi nhận:\n- Lưu: VT.\n\n"
      "PHỤ LỤC I\nTiêu đề\n(Kèm theo Kế hoạch số /KH-UBND ngày /01/2026 của UBND xã A)\n"
      "STT\tNhiệm vụ cụ thể\tLộ trình thực hiện\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\n"
      "1\tNhóm một\t\t\t\t\n"
      "-\tViệc một phần đầu\tThường xuyên\tPhòng A\tPhòng B; Phòng C\tBáo cáo\n"
      "STT\tNhiệm vụ cụ thể\tLộ trình thực hiện\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\n"
      "\tphần sau\t\t\t\t\n"
      "3\tNhóm ba\t\t\t\t\n");
  REQUIRE(d.appendices.size() == 1);
  const auto& t = d.appendices[0].tables.at(0);
  CHECK(t.header_repeats == 1);
  CHECK(t.rows_merged == 1);
  CHECK(d.appendices[0].attached_date->iso == "2026-01-??");
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.tasks[0].task_text == "Việc một phần đầu phần sau");
  CHECK(d.tasks[0].roles[1].units == std::vector<std::string>{"Phòng B", "Phòng C"});
  CHECK(d.tasks[0].group_stt == "1");
  CHECK(t.rows.back().flags == std::vector<std::string>{"sequence_gap"});
}

TEST_CASE("restored words of another length are aligned word by word") {
  std::string ocr = "S6:34 /KH-UBND Nghi Duwong, ngay 21 thang 01 nam 2026\nKE HOACH\n\nTrien khai\n";
  std::string restored = "Số:34 /KH-UBND Nghi Đương, ngày 21 tháng 01 năm 2026\nKẾ HOẠCH\n\nTriển khai\n";
  vanban::ParseOptions o;
  o.restored_text = restored;
  auto d = ParseDocument(ocr, o);
  REQUIRE(d.ok());
  CHECK(d->header.place->raw == "Nghi Duwong");
  CHECK(d->header.place->text == "Nghi Đương");
  std::vector<uint32_t> off, out;
  std::string vk = vanban::internal::FoldWithOffsets("ab  cde", &off);
  CHECK(vanban::internal::AlignByWords("abc  de", vk, off, &out));
  CHECK(out.size() == 8);
  CHECK_FALSE(vanban::internal::AlignByWords("abc de", vk, off, &out));  // spacing differs
}

TEST_CASE("source lines: a word the restorer split still maps onto the restored line") {
  std::vector<uint32_t> off, out;
  const std::string val = "Nghi Dương, ngày 21 tháng 01";
  std::string vk = vanban::internal::FoldWithOffsets(val, &off);
  const std::string raw_key = "nghi duong, ngay 21thang 01";
  CHECK_FALSE(vanban::internal::AlignByWords(raw_key, vk, off, &out));
  REQUIRE(vanban::internal::AlignByEdits(raw_key, vk, off, &out));
  REQUIRE(out.size() == raw_key.size() + 1);
  // "Nghi Duong" (code points 0..10) is "Nghi Dương" in the restored line.
  CHECK(val.substr(out[0], out[10] - out[0]) == "Nghi Dương");
  size_t t = raw_key.find("thang");
  CHECK(val.substr(out[t], out[t + 5] - out[t]) == "tháng");
  CHECK(out.back() == val.size());
  // Lines that have little in common are not aligned.
  std::string other = vanban::internal::FoldWithOffsets("Kế hoạch", &off);
  CHECK_FALSE(vanban::internal::AlignByEdits(raw_key, other, off, &out));
}
