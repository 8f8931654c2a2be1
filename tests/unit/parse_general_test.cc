// Unit tests of the parser on document shapes beyond the commune plans: OCR specks at line
// edges, signatures of ministries and the Government, heads signing in person, attachments
// after the signature, legal normative preambles, amendment quotations, numerals damaged
// by OCR, laws cited by name and tasks named in the first sentence of an item.
#include <doctest/doctest.h>

#include "parse/parse_context.h"
#include "vanban/parse.h"

namespace {

vanban::Document Parse(const std::string& text) {
  auto d = vanban::ParseDocument(text, {});
  REQUIRE(d.ok());
  return *d;
}

const vanban::Reference* Ref(const vanban::Document& d, const std::string& full) {
  for (const auto& r : d.references) {
    if (r.full == full) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("line edges: OCR specks are blanked in the key, values stop at the core") {
  vanban::internal::SourceLines src(
      "| a) Ủy ban nhân dân xã\n~. 2. Phòng Kinh tế\nvà của Ủy ban nhân dân tỉnh. a : |\nKính gửi :\n|. MUC DICH\n",
      "");
  CHECK(vanban::internal::Trim(src[0].key) == "a) uy ban nhan dan xa");
  CHECK(vanban::internal::Trim(src[1].key) == "2. phong kinh te");
  CHECK(src[2].Text() == "và của Ủy ban nhân dân tỉnh.");
  CHECK(vanban::internal::Trim(src[3].key) == "kinh gui :");  // a short label keeps its colon
  CHECK(vanban::internal::Trim(src[4].key) == "|. muc dich");  // "|." is an OCR'd "I."
  vanban::internal::SourceLines specks("Đoạn một.\n| . :\nĐoạn hai.\n", "");
  CHECK(specks[1].blank);
  auto d = Parse("KẾ HOẠCH\n\nĐoạn một.\n| . :\nĐoạn hai.\n");
  bool kept = false;
  for (const auto& f : d.furniture) kept |= f.kind == "ocr_noise" && f.raw == "| . :";
  CHECK(kept);  // never silently dropped
}

TEST_CASE("source lines: a restored line with the spaces OCR dropped put back is aligned to its source") {
  // "VAXAHOL" read as three words: two spaces more and two letters changed is no rewrite.
  vanban::internal::SourceLines src("BO LAO DONG - THUONG BINH\n\u201cVAXAHOL a\n",
                                    "BỘ LAO ĐỘNG - THƯƠNG BINH\n\u201cVÀ XÃ HỘI và\n");
  CHECK(src[1].Whole() == "\u201cVÀ XÃ HỘI và");
  CHECK(src[1].Value(0, src[1].key.size()) == "\u201cVÀ XÃ HỘI và");
}

TEST_CASE("header: gazette repeat of the issuer is not a parent authority; dotted numbers") {
  auto d = Parse(
      "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\nBỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n\n"
      "Số: 66.16/2026/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 31 tháng 01 năm 2024\n\nNGHIDINH\nVề việc thử\n");
  CHECK_FALSE(d.header.parent_authority.has_value());
  REQUIRE(d.header.number_symbol);
  CHECK(d.header.number_symbol->number == "66.16");
  CHECK(d.header.number_symbol->full == "66.16/2026/NQ-CP");
  REQUIRE(d.header.doc_type);
  CHECK(d.header.doc_type->code == "NĐ");  // "NGHIDINH": OCR dropped the space
  auto p = Parse("UBND TỈNH HÀ NAM\nSỞ NỘI VỤ\nSố: 12/SNV-VP\nV/v thử\n");
  REQUIRE(p.header.parent_authority);
  CHECK(p.header.parent_authority->text == "UBND TỈNH HÀ NAM");
}

TEST_CASE("header: OCR'd number cell, date words and symbol codes") {
  auto d = Parse("\"$6: 87/BC-UBND Hoa An, ngty 08 thing 6 niin 2026\nBAO CAO\nKet qua\n");
  REQUIRE(d.header.number_symbol);
  CHECK(d.header.number_symbol->number == "87");
  REQUIRE(d.header.issued_date);
  CHECK(d.header.issued_date->iso == "2026-06-08");
  CHECK(d.header.place->text == "Hoa An");
  auto s = Parse("S6: 12/2024/TT-BLPTBXH\nTHONG TU\nabc\n");
  CHECK(s.header.number_symbol->symbol == "TT-BLĐTBXH");  // P for Đ
  auto c = Parse("S6: 12/2024/ND-CP\nNGHI DINH\nabc\n");
  CHECK(c.header.number_symbol->symbol == "NĐ-CP");  // CP is a real P
  // A letter speck in front of the number cell; the issuer above it is not the number.
  auto a = Parse("CHINH PHU -\n\na S6: 66.16/2026/NQ-CP\nNGHI QUYET\nabc\n");
  REQUIRE(a.header.number_symbol);
  CHECK(a.header.number_symbol->number == "66.16");
  CHECK(a.header.number_symbol->symbol == "NQ-CP");
  // The S read as an 8 ("86:"): a number cell only with its colon.
  auto e = Parse("BO LAO PONG - THUONG BINH\nVA XA HOI\n\n86: 135/QD-BLDTBXH |\nQUYET DINH\nabc\n");
  REQUIRE(e.header.number_symbol);
  CHECK(e.header.number_symbol->number == "135");
  CHECK(e.header.number_symbol->symbol == "QĐ-BLĐTBXH");
  auto n = Parse("BO LAO PONG - THUONG BINH\nVA XA HOI\n\n86 135/QD-BLDTBXH\nQUYET DINH\nabc\n");
  CHECK_FALSE(n.header.number_symbol);
  // Specks around an OCR'd place: no name begins or ends with them.
  auto p = Parse("BO LAO PONG - THUONG BINH\nVA XA HOI\n\n86: 135/QD-BLDTBXH < Ha N6i; ngay 31 thang 01 nam 2024\n"
                 "QUYET DINH\nVé viéc cong b6 danh muc\n");
  REQUIRE(p.header.place);
  CHECK(p.header.place->text == "Ha N6i");
  // Specks at the ends of an OCR'd trích yếu: a lone number before it, a stop or an
  // unopened closing quote after it.
  for (const char* subject : {"3 Vé viéc cong b6 danh muc van ban\n", "Vé viéc cong b6 danh muc van ban.\n",
                              "Vé viéc cong b6 danh muc van ban\u201d\n"}) {
    auto q = Parse(std::string("BO LAO PONG - THUONG BINH\nVA XA HOI\n\n86: 135/QD-BLDTBXH Ha N6i, ngay 31 thang 01 nam 2024\n"
                               "QUYET DINH\n") + subject + "\nCan cir Luat ngay 20 thang 11 nam 2024;\n");
    REQUIRE(q.header.subject);
    CHECK(q.header.subject->text == "Vé viéc cong b6 danh muc van ban");
  }
}

TEST_CASE("signature: Government and ministry blocks, OCR'd prefixes, heads signing in person") {
  auto g = Parse(
      "NGHỊ QUYẾT\n\nĐiều 1. Một\nNội dung.\n\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nPhạm Thị Thanh Trà\n");
  REQUIRE(g.signature);
  REQUIRE(g.signature->authority_lines.size() == 2);
  CHECK(g.signature->authority_lines[0].text == "CHÍNH PHỦ");
  CHECK(g.signature->position == "PHÓ THỦ TƯỚNG");
  CHECK(g.signature->signer_name == "Phạm Thị Thanh Trà");
  auto m = Parse("THONG TU\n\nDieu 1. Mot\nNoi dung./.\n\nKT.BO TRUONG |\n_ THU TRUONG ne - |\n\nCao Anh Tuan :\n");
  REQUIRE(m.signature);
  CHECK(m.signature->authority_lines.at(0).prefix == "KT.");
  CHECK(m.signature->position == "THỨ TRƯỞNG");
  CHECK(m.signature->signer_name == "Cao Anh Tuan");
  auto p = Parse("LUẬT\n\nĐiều 1. Một\nNội dung.\n\nCHỦ TỊCH QUỐC HỘI\n\nNguyễn Thị Kim Ngân\n");
  REQUIRE(p.signature);
  CHECK(p.signature->authority_lines.empty());
  CHECK(p.signature->position == "CHỦ TỊCH QUỐC HỘI");
  CHECK(p.signature->signer_name == "Nguyễn Thị Kim Ngân");
}

TEST_CASE("sign-off: nothing after the archive line is a recipient; specks are furniture") {
  auto d = Parse(
      "BAO CAO\n\nI. A\n1. x./.\n\nNoi nhan: TM. UY BAN NHAN DAN\n- UBND tinh (b/c); CHU TICH\n"
      "- TT Dang uy, TT HDND xa; . aoe\n- Luu: VT, VP.\nTran Quoc Hung a : |\n");
  REQUIRE(d.recipients);
  CHECK(d.recipients->items.size() == 3);  // "TT Đảng ủy, TT HĐND xã" share a first word
  CHECK(d.recipients->archive->drafting_unit == "VP");
  REQUIRE(d.signature);
  CHECK(d.signature->signer_name == "Tran Quoc Hung");
  bool speck = false;
  for (const auto& f : d.furniture) speck |= f.kind == "stamp_noise" && f.raw == ". aoe";
  CHECK(speck);
}

TEST_CASE("attachments after the signature: mixed-case Phụ lục, titled lists, wrapped notes") {
  auto d = Parse(
      "NGHỊ QUYẾT\n\nĐiều 1. Một\nPhụ lục IX ban hành kèm theo Nghị quyết này.\n\n"
      "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nNguyễn Văn A\n\n"
      "DANH MỤC CÁC PHỤ LỤC\n(Kèm theo Nghị quyết số 17/2026/NQ-CP\nngày 29 tháng 4 năm 2026 của Chính phủ)\n\n"
      "Phụ lục I\nCắt giảm thủ tục lĩnh vực thủy sản\n\n"
      "Phụ lục I\nCẮT GIẢM THỦ TỤC HÀNH CHÍNH\nLĨNH VỰC THỦY SẢN\n"
      "(Kèm theo Nghị quyết số 17/2026/NQ-CP ngày 29 tháng 4 năm 2026 của Chính phủ)\n\nA. NỘI DUNG\nVăn bản.\n");
  REQUIRE(d.appendices.size() == 2);  // the list of appendices, then Phụ lục I
  CHECK(d.appendices[0].title == "DANH MỤC CÁC PHỤ LỤC");
  CHECK(d.appendices[0].attached_to->lines.end == 13);
  CHECK(d.appendices[1].numeral == "I");
  CHECK(d.appendices[1].title == "CẮT GIẢM THỦ TỤC HÀNH CHÍNH LĨNH VỰC THỦY SẢN");
  CHECK(d.appendices[1].attached_date->iso == "2026-04-29");
  CHECK(d.body.size() == 1);  // "Phụ lục IX ban hành …" in the body is a sentence
  CHECK(d.signature->signer_name == "Nguyễn Văn A");
}

TEST_CASE("preamble: Căn cứ / Theo đề nghị items and the legal normative formula") {
  auto d = Parse(
      "THÔNG TƯ\nQuy định thử\n\nCăn cứ Luật Phí và lệ phí số 97/2015/QH13;\n"
      "Căn cứ Nghị định số 29/2025/NĐ-CP của Chính phủ quy định chức năng,\nnhiệm vụ của Bộ Tài chính;\n"
      "Theo đề nghị của Cục trưởng Cục Quản lý, giám sát chính sách thuế, phí\nvà lệ phí;\n"
      "Bộ trưởng Bộ Tài chính ban hành Thông tư quy định miễn một số khoản\nphí, lệ phí.\n"
      "Điều 1. Miễn một số khoản phí\n1. Miễn phí.\n");
  REQUIRE(d.preamble.items.size() == 3);
  CHECK(d.preamble.items[1].text.lines.end == 6);
  CHECK(d.preamble.items[2].kind == "theo_de_nghi");
  CHECK(d.preamble.kind == "can_cu");
  REQUIRE(d.preamble.enacting_formula);
  CHECK(d.preamble.enacting_formula->lines.start == 9);
  CHECK(d.preamble.enacting_formula->lines.end == 10);
  // A report's formula: "… báo cáo kết quả thực hiện như sau:".
  auto r = Parse(
      "BÁO CÁO\nKết quả\n\nThực hiện Công văn số 1520/SNV-CCHC ngày 20/5/2026 của Sở Nội vụ; Kế hoạch số\n"
      "12/KH-UBND ngày 15/01/2026 của UBND xã, Ủy ban nhân dân xã báo cáo kết quả như sau:\n\nI. KẾT QUẢ\n1. Một.\n");
  CHECK(r.preamble.items.size() == 2);
  REQUIRE(r.preamble.enacting_formula);
  CHECK(r.preamble.enacting_formula->text == "Ủy ban nhân dân xã báo cáo kết quả như sau:");
}

TEST_CASE("body: amendment quotations keep their own numbering as text") {
  auto d = Parse(
      "THÔNG TƯ\n\nĐiều 1. Sửa đổi, bổ sung một số điều của Thông tư số 32/2016/TT-\n"
      "BLĐTBXH ngày 25 tháng 10 năm 2016\n1. Sửa đổi khoản 1 Điều 5 như sau:\n"
      "“1. Việc xây dựng bảng lương;\n2. Việc xếp lương.”\n2. Bãi bỏ khoản 4 Điều 5.\nĐiều 2. Hiệu lực thi hành\n");
  REQUIRE(d.body.size() == 2);
  CHECK(d.body[0].heading == "Sửa đổi, bổ sung một số điều của Thông tư số 32/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016");
  REQUIRE(d.body[0].children.size() == 2);
  CHECK(d.body[0].children[0].text.find("“1. Việc xây dựng") != std::string::npos);
  CHECK(d.body[0].children[1].num == "2");
}

TEST_CASE("body: numerals damaged or lost by OCR follow the sequence, flagged") {
  auto d = Parse(
      "BAO CAO\n\nThuc hien Ke hoach so 1/KH-UBND, UBND xa bao cao nhu sau:\n\n"
      "Kr QUA THUC HIBN\n1. Mot.\n2. Hai.\n\n__I-TON TAI, HAN CHE\n1. Mot.\n\n"
      "II. PHUONG HUONG NHIEM VU\n1. Mot.\n\nIV. DE XUAT\nDe nghi.\n");
  REQUIRE(d.body.size() == 4);
  CHECK(d.body[0].num == "I");
  CHECK(d.body[0].flags == std::vector<std::string>{"numeral_missing"});
  CHECK(d.body[1].num == "II");
  CHECK(d.body[1].heading == "TON TAI, HAN CHE");
  CHECK(d.body[2].num == "III");  // "II" again: a stroke lost
  CHECK(d.body[2].flags == std::vector<std::string>{"numeral_repaired"});
  CHECK(d.body[3].num == "IV");
  CHECK(d.body[3].flags.empty());
  auto a = Parse("THONG TU\n\nCan cu Luat A;\n\niu 1. Mien mot so khoan phi\n1. Mien phi.\nDieu t. Hieu luc\n");
  REQUIRE(a.body.size() == 2);
  CHECK(a.body[0].level == "dieu");
  CHECK(a.body[0].num == "1");
  CHECK(a.body[1].num == "2");  // "Dieu t." after Điều 1: the letter stands for the next number
  CHECK(a.body[1].flags == std::vector<std::string>{"numeral_repaired"});
}

TEST_CASE("body: a number that lost one digit is repaired; a numbering that starts again keeps its ids unique") {
  // "1." after "10." lost a digit (11); "Điều 1." after "Điều 100." would have lost two:
  // the articles start again, and their ids (and their items') take a suffix.
  std::string text;
  for (int i = 1; i <= 10; ++i) text += "Điều " + std::to_string(i) + ". Tiêu đề\n";
  text += "Điều 1. Lặp\n";  // after 10: 11, one digit lost
  for (int i = 12; i <= 100; ++i) text += "Điều " + std::to_string(i) + ". Tiêu đề\n";
  text += "Điều 1. Lại\n1. Khoản một.\nĐiều 2. Lại\nĐiều 1. Lần ba\n1. Khoản.\n";
  auto d = Parse(text);
  REQUIRE(d.body.size() == 103u);
  CHECK(d.body[10].num == "11");
  CHECK(d.body[10].flags == std::vector<std::string>{"numeral_repaired"});
  CHECK(d.body[10].id == "D11");
  CHECK(d.body[100].num == "1");
  CHECK(d.body[100].flags.empty());
  CHECK(d.body[100].id == "D1-2");
  REQUIRE(d.body[100].children.size() == 1u);
  CHECK(d.body[100].children[0].id == "D1-2.1");
  CHECK(d.body[101].id == "D2-2");
  CHECK(d.body[102].id == "D1-3");
  REQUIRE(d.body[102].children.size() == 1u);
  CHECK(d.body[102].children[0].id == "D1-3.1");
  for (const std::string& w : d.warnings) CHECK(w.find("read as 101") == std::string::npos);
}

TEST_CASE("body: wrapped lines, smudged continuations and paragraph ends") {
  std::string wide(70, 'x');
  auto d = Parse(
      "KẾ HOẠCH\n\nI. MỤC TIÊU\n1. Mục tiêu\nĐến năm 2028, xã đạt chuẩn nông thôn mới kiểu mẫu; thu nhập bình quân\n"
      "~ đạt 85 triệu đồng/năm và các chỉ tiêu khác theo kế hoạch đã đề ra từ đầu\n"
      "năm, bảo đảm tiến độ chung của tỉnh về xây dựng nông thôn mới kiểu mẫu.\n"
      "a) Quy hoạch khu dân cư, chỉnh trang các thôn theo kế hoạch của tỉnh.\n"
      "b) Phát triển sản phẩm OCOP.\n"
      "Trường hợp cần thiết, điều chỉnh kế hoạch.\n"
      "2. Kinh phí theo dự toán được giao trong năm ngân sách của địa phương.\n");
  REQUIRE(d.body.size() == 1);
  const auto& k1 = d.body[0].children.at(0);
  CHECK(k1.text.find("đạt 85 triệu") != std::string::npos);  // "~" before a lower-case continuation
  REQUIRE(k1.children.size() == 3);
  CHECK(k1.children[2].level == "para");  // after a self-contained point: the clause's paragraph
}

TEST_CASE("references: laws by name in the preamble, legislature from the year, own number") {
  auto d = Parse(
      "NGHỊ QUYẾT\n\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
      "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QHIS;\n"
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công;\n"
      "Căn cứ Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15;\n"
      "Chính phủ ban hành Nghị quyết.\n\nĐiều 1. Một\nthi hành Luật Thực hiện dân chủ ở cơ sở trên địa bàn.\n"
      "Điều 2. Hai\nLuật số 87/2025/QHI5 và Nghị định s6.72/2025/NĐ-CP, Luật số 31/2024/0H15.\n");
  const auto* law = Ref(d, "Luật Tổ chức Chính phủ");
  REQUIRE(law);
  CHECK(law->style == "law_name");
  CHECK(law->date == "2025-02-18");
  CHECK(Ref(d, "Luật Đầu tư công") == nullptr);            // inside an amending law's title
  CHECK(Ref(d, "Luật Thực hiện dân chủ ở cơ sở") == nullptr);  // running text, not a basis
  CHECK(Ref(d, "Luật Trật tự, an toàn giao thông đường bộ") == nullptr);  // cited by its number
  const auto* q = Ref(d, "64/2025/QH15");
  REQUIRE(q);
  CHECK(q->flags == std::vector<std::string>{"symbol_repaired"});
  CHECK(Ref(d, "87/2025/QH15") != nullptr);
  const auto* zero = Ref(d, "31/2024/QH15");  // its Q read as 0
  REQUIRE(zero);
  CHECK(zero->flags == std::vector<std::string>{"symbol_repaired"});
  CHECK(Ref(d, "72/2025/NĐ-CP") != nullptr);  // "s6.72": "số" glued to the number
  auto own = Parse(
      "Số: 17/2026/NQ-CP\nHà Nội, ngày 29 tháng 4 năm 2026\nNGHỊ QUYẾT\nabc\n\nĐiều 1. Một\nx.\n\n"
      "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nNguyễn Văn A\n\nPHỤ LỤC I\n(Kèm theo Nghị quyết số 17/2026/NQ-CP ngày 29/4/2026)\n"
      "Theo Kế hoạch số 17/2026/NQ-CP ngày 01/3/2026.\n");
  REQUIRE(own.references.size() == 1);  // its own number and date is not a reference …
  CHECK(own.references[0].date == "2026-03-01");  // … the same number on another date is
}

TEST_CASE("tasks: leads and partners named in an item's first sentence") {
  auto d = Parse(
      "BÁO CÁO\n\nI. KẾT QUẢ\n1. Ủy ban nhân dân xã đã tổ chức 02 hội nghị.\n\nII. NHIỆM VỤ\n"
      "1. Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Kinh tế tham mưu nâng cấp hạ tầng.\n"
      "2. Giao Công an xã chủ trì kiểm tra an ninh trật tự.\n"
      "3. Phòng Văn hóa - Xã hội tuyên truyền, hướng dẫn người dân.\n");
  REQUIRE(d.tasks.size() == 3);  // not the report of what was done (I.1)
  CHECK(d.tasks[0].section_id == "II.1");
  CHECK(d.tasks[0].roles.at(0).role == "lead");
  CHECK(d.tasks[0].roles[0].units ==
        std::vector<std::string>{"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"});  // canonical
  CHECK(d.tasks[0].roles[0].raw == "Văn phòng HĐND và UBND xã");
  CHECK(d.tasks[0].roles.at(1).units == std::vector<std::string>{"Phòng Kinh tế"});
  CHECK(d.tasks[1].roles.at(0).units == std::vector<std::string>{"Công an xã"});
  CHECK(d.tasks[2].roles.at(0).role == "executor");
  CHECK(d.tasks[2].roles[0].units == std::vector<std::string>{"Phòng Văn hóa - Xã hội"});
}

TEST_CASE("party documents: party motto, 45-TB/ĐU numbers, T/M signatures, archive without colon") {
  auto d = Parse(
      "ĐẢNG BỘ XÃ TÂN LẬP\nĐẢNG ỦY\nĐẢNG CỘNG SẢN VIỆT NAM\nSố: 45-TB/ĐU\nTân Lập, ngày 12 tháng 5 năm 2026\n\n"
      "THÔNG BÁO\nKết luận của Ban Thường vụ\n\nNgày 10/5/2026, Ban Thường vụ họp nghe báo cáo. Sau khi nghe ý kiến,\n"
      "Ban Thường vụ kết luận như sau:\n\n1. Đánh giá chung\nBan Thường vụ ghi nhận sự cố gắng.\n"
      "2. Nhiệm vụ\na) Ban Xây dựng Đảng tham mưu kiểm tra việc thực hiện Chỉ thị số 35-CI/TW ngày 14/6/2024.\n\n"
      "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nHoàng Thị Mai\nNơi nhận:\n- Các chi bộ trực thuộc;\n- Lưu Văn phòng Đảng ủy.\n");
  CHECK_FALSE(d.header.motto.present);
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "ĐẢNG ỦY");
  CHECK(d.header.parent_authority->text == "ĐẢNG BỘ XÃ TÂN LẬP");
  REQUIRE(d.header.number_symbol);
  CHECK(d.header.number_symbol->full == "45-TB/ĐU");
  CHECK(d.header.number_symbol->doc_type_code == "TB");
  REQUIRE(d.preamble.enacting_formula);
  CHECK(d.preamble.enacting_formula->text == "Ban Thường vụ kết luận như sau:");
  CHECK(d.body.at(0).heading == "Đánh giá chung");  // a short first line, then a sentence
  CHECK(d.body[0].text == "Ban Thường vụ ghi nhận sự cố gắng.");
  CHECK(Ref(d, "35-CT/TW") != nullptr);
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.tasks[0].roles.at(0).units == std::vector<std::string>{"Ban Xây dựng Đảng"});
  REQUIRE(d.signature);
  CHECK(d.signature->authority_lines.at(0).prefix == "TM.");
  CHECK(d.signature->position == "PHÓ BÍ THƯ");
  REQUIRE(d.recipients);
  CHECK(d.recipients->items.size() == 1);
  CHECK(d.recipients->archive->office_code == "Văn phòng Đảng ủy");
}

TEST_CASE("decisions: the enacting authority line, head signing in person, OCR'd words") {
  auto d = Parse(
      "UY BAN NHAN DAN\nXADONG SON:\nS6:215/QD-UBND\nCONG XA HOA HOI CHU NGHIA VIET NAM\n"
      "Doc lap - Tu do - Hanh phuc\nDong Son, ngay 03 thang 9 nim 2026\n\nQUYET PINH\nVe viec thanh lap To cong tac\n\n"
      "CHU TICH UY BAN NHAN DAN XA DONG SON\n\nCan cu Luat To chuc chinh quyen dia phuong;\n\nQUYET BINH: .\n\n"
      "Dieu 1. Thanh lap To cong tac.\nDiu 2. To cong tac hoan thanh truée ngay 31/12/2026.\n"
      "Bi8u 3, Chanh Van phong chiu trach nhiem thi hanh Quyet dinh nay/.\n\nNoi nh§n:\n- Nhu Dieu 3;\n-Luu: VT, VP.\n"
      ": CHU TICH\n\nPham Van Hung . sg\n");
  CHECK(d.header.motto.present);  // words swapped by OCR
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->admin_level == "xa");
  CHECK(d.header.issuer->admin_unit == "Dong Son");  // "XADONG": level glued; spelled as the place
  REQUIRE(d.preamble.items.size() == 2);
  CHECK(d.preamble.items[0].kind == "authority");
  REQUIRE(d.preamble.enacting_formula);
  CHECK(d.preamble.enacting_formula->text == "QUYET BINH:");
  REQUIRE(d.body.size() == 3);
  CHECK(d.body[1].num == "2");
  CHECK(d.body[2].num == "3");
  CHECK(d.deadlines.size() == 1);
  CHECK(d.closing->end_mark);
  REQUIRE(d.signature);
  CHECK(d.signature->position == "CHỦ TỊCH");
  CHECK(d.signature->signer_name == "Pham Van Hung");
}

TEST_CASE("page numbers between blank lines are furniture, not items or text") {
  auto d = Parse(
      "KẾ HOẠCH\n\nI. MỤC ĐÍCH\n1. Tổ chức quán triệt nội dung Nghị quyết đến toàn thể cán bộ, công chức và\n\n"
      "2\n\nnhân dân trên địa bàn xã.\n2. Kiểm tra.\n");
  REQUIRE(d.body.size() == 1);
  REQUIRE(d.body[0].children.size() == 2);
  CHECK(d.body[0].children[0].text.find("và nhân dân") != std::string::npos);
  bool page = false;
  for (const auto& f : d.furniture) page |= f.kind == "page_number" && f.raw == "2" && f.lines.start == 6;
  CHECK(page);
}
