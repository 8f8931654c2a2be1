// Unit tests of the skeleton of OCR'd legal documents (decrees, circulars, resolutions,
// decisions): "Điều" and "Chương" markers behind OCR specks or with garbled separators,
// specks after a chapter numeral, titles with specks at their ends, and titles that wrap
// behind specks. Typed text keeps the strict forms. (ASCII text without marks reads as OCR'd.)
#include <doctest/doctest.h>

#include <string>

#include "vanban/parse.h"

namespace {

vanban::Document Parse(const std::string& text) {
  auto d = vanban::ParseDocument(text, {});
  REQUIRE(d.ok());
  return *d;
}

// "level num: heading" of every part, chapter, section and article, in order, one a line.
std::string Skeleton(const vanban::Document& d) {
  std::string out;
  std::vector<const vanban::Section*> stack;
  for (auto it = d.body.rbegin(); it != d.body.rend(); ++it) stack.push_back(&*it);
  while (!stack.empty()) {
    const vanban::Section* s = stack.back();
    stack.pop_back();
    if (s->level == "chuong" || s->level == "muc" || s->level == "dieu" || s->level == "phan") {
      out += s->level + " " + s->num + ": " + s->heading + "\n";
    }
    for (auto it = s->children.rbegin(); it != s->children.rend(); ++it) stack.push_back(&*it);
  }
  return out;
}

// |ocr| parsed with |restored| as its restored text.
vanban::Document ParseRestored(const std::string& ocr, const std::string& restored) {
  vanban::ParseOptions o;
  o.restored_text = restored;
  auto d = vanban::ParseDocument(ocr, o);
  REQUIRE(d.ok());
  return *d;
}

const char* const kHead = "NGHI DINH\nQuy dinh chi tiet mot so dieu\n\nCan cu Luat To chuc Chinh phu;\n\n";

// An OCR'd header: the issuer column's lines |issuer|, the number cell |number|, the motto
// and a date, the type line |type| and the trích yếu |subject|, then a preamble.
vanban::Document ParseHeader(const std::string& issuer, const std::string& number, const std::string& type,
                             const std::string& subject) {
  return Parse(issuer + "\n\n" + number + "\nCONG HOA XA HOI CHU NGHIA VIET NAM\nHa Noi, ngay 24 thang 01 nam 2025\n\n" +
               type + "\n" + subject + "\n\nCan cu;\n");
}

}  // namespace

TEST_CASE("OCR'd article markers: specks in front, separators around the number") {
  auto d = Parse(std::string(kHead) +
                 "~. Pieu 1. Pham vi dieu chinh\nNghi dinh nay quy dinh chi tiet.\n"
                 "Dieu.2. Doi tuong ap dung\nCo quan, to chuc.\n"
                 "- Dieu 3. Giai thich tu ngu\nTrong Nghi dinh nay.\n"
                 "} Diu 4. Nguyen tac cho vay\nViec cho vay.\n"
                 "Dieu: 5. Muc dich cho vay\nBen vay.\n"
                 "Dieu 6; Dieu kien vay von\nBen vay phai.\n"
                 "' Hieu 7. Phuong thuc giai ngan\nBen cho vay.\n");
  CHECK(Skeleton(d) == "dieu 1: Pham vi dieu chinh\ndieu 2: Doi tuong ap dung\ndieu 3: Giai thich tu ngu\ndieu 4: Nguyen tac cho vay\ndieu 5: Muc dich cho vay\ndieu 6: Dieu kien vay von\ndieu 7: Phuong thuc giai ngan\n");
  // "Hiéu", ";" count only as the next article: out of sequence they are text.
  auto t = Parse(std::string(kHead) + "Dieu 1. Pham vi dieu chinh\nHieu 5. Ngay nay.\nDieu 9; thi hanh\n");
  CHECK(Skeleton(t) == "dieu 1: Pham vi dieu chinh\n");
}

TEST_CASE("OCR'd chapter markers: specks after the numeral, T for I, the title on the next line") {
  auto d = Parse(std::string(kHead) +
                 "Chuong I a .\nNHUNG QUY DINH CHUNG\n\nDieu 1. Pham vi dieu chinh\nNoi dung.\n\n"
                 "Chirong IT oe . |\noe. TO CHUC VA QUAN LY See . .\n\nDieu 2. To chuc\nNoi dung.\n\n"
                 "Chwong III 2\n- BOI DUONG DOI VOI NHA GIAO\nDieu 3. Cac loai hinh\nNoi dung.\n\n"
                 "Chuong IV OS\nDIEU KHOAN THI HANH\nDieu 4. Hieu luc\nNoi dung.\n");
  CHECK(Skeleton(d) == "chuong I: NHUNG QUY DINH CHUNG\ndieu 1: Pham vi dieu chinh\nchuong II: TO CHUC VA QUAN LY\ndieu 2: To chuc\nchuong III: BOI DUONG DOI VOI NHA GIAO\ndieu 3: Cac loai hinh\nchuong IV: DIEU KHOAN THI HANH\ndieu 4: Hieu luc\n");
  // A short capitals title after a dot is the title, not specks.
  auto v = Parse(std::string(kHead) + "Chuong V. XU LY\nDieu 1. Xu ly vi pham\nNoi dung.\n");
  CHECK(Skeleton(v).rfind("chuong V: XU LY\n", 0) == 0);
}

TEST_CASE("OCR'd article titles: specks at the end, a bar, a title wrapped behind specks") {
  auto d = Parse(std::string(kHead) +
                 "Dieu 1. Pham vi dieu chinh oo\nNoi dung.\n"
                 "Dieu 2. Doi tuong ap dung | Be\nNoi dung.\n"
                 "Dieu 3. Giai thich tu ngu 7 rade a\nNoi dung.\n"
                 "Dieu 4.:To chuc thuc hien C ;\nNoi dung.\n"
                 "Dieu 5. Loai tru cac yeu to khach quan de xac dinh tien luong cua nguoi\n~~ lao dong ee\n"
                 "1. Cac yeu to.\n");
  CHECK(Skeleton(d) == "dieu 1: Pham vi dieu chinh\ndieu 2: Doi tuong ap dung\ndieu 3: Giai thich tu ngu\ndieu 4: To chuc thuc hien\ndieu 5: Loai tru cac yeu to khach quan de xac dinh tien luong cua nguoi lao dong\n");
}

TEST_CASE("typed text keeps the strict markers") {
  auto d = Parse(
      "NGHỊ ĐỊNH\nQuy định chi tiết một số điều\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
      "Chương I a\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\nNội dung.\n"
      "- Điều 2. Đối tượng được hỗ trợ\nĐiều 2. Đối tượng áp dụng oo\nNội dung.\n");
  CHECK(Skeleton(d) == "dieu 1: Phạm vi điều chỉnh\ndieu 2: Đối tượng áp dụng oo\n");
}

TEST_CASE("OCR'd trích yếu: each line without the specks at its edges") {
  auto d = Parse("NGHI DINH\nQuy dinh chi tiet mot so dieu\n~~ cua Luat Bao hiem xa hoi a\n\nCan cu Luat To chuc Chinh phu;\n");
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Quy dinh chi tiet mot so dieu cua Luat Bao hiem xa hoi");
  auto typed = Parse("NGHỊ ĐỊNH\nQuy định chi tiết một số điều\ncủa Luật Bảo hiểm xã hội a\n\nCăn cứ Luật Tổ chức Chính phủ;\n");
  REQUIRE(typed.header.subject);
  CHECK(typed.header.subject->text == "Quy định chi tiết một số điều của Luật Bảo hiểm xã hội a");
}

TEST_CASE("OCR'd titles: specks inside an article or chapter title and a trích yếu") {
  auto d = Parse(std::string("NGHI DINH\nQuy dinh ve cho vay cua ngan. sach trung uong~ cho; nuoc ngoai\n\n"
                             "Can cu Luat To chuc Chinh phu;\n\n") +
                 "Chuong I\nQUAN LY.LAO DONG\n"
                 "Dieu 1. Pham vi.dieu chinh\nNoi dung.\n"
                 "Dieu 2. Quyet dinh nay co hieu luc-thi hanh ke tu ngay. ky.\nNoi dung.\n"
                 "Dieu 3. Can cu? cap giay ‘chung nhan\nNoi dung.\n"
                 "Dieu 4. Cap tai khoan; phan quyen va Pham:vi du lieu\nNoi dung.\n"
                 "Dieu 5. Kinh phi thuc -hien-\nNoi dung.\n"
                 "Dieu 6. Sua doi Thong tu so 32/2016/TT-BTC, v.v. ve TO CHUC THU'C HIEN\nNoi dung.\n"
                 "Dieu 7. Giai ngan, thu no’. cua Ben cho vay, nha.\u2019 nuoc\nNoi dung.\n"
                 "Dieu 8. Quan ly lao: dong, tham dinh,. giao va pham vi : quan ly\nNoi dung.\n"
                 "Dieu 9. Cac co quan co lien ) quan (neu co) °thi hanh\nNoi dung.\n"
                 "Chuong II\nSU: DUNG NHA GIAO\n"
                 "Dieu 10. Thang luong, phu cap luong 2\nNoi dung.\n"
                 "Dieu 11. Sua doi khoan 2\nNoi dung.\n"
                 "Dieu 12. Dieu kien: Ap dung tu Dieu 1 den 5\nNoi dung.\n"
                 "Dieu 13. Ngay 25 thang 10.nam 2016, nam-2017, 1.000 tan\nNoi dung.\n"
                 "Dieu 14. Quan ly nha ; nuoc va . cong tac\nNoi dung.\n"
                 "Dieu 15. Cua Bo:Lao dong-- Thuong binh va Xa hoi- Viet Nam ky 2019 = 2023\nNoi dung.\n");
  CHECK(Skeleton(d) ==
        "chuong I: QUAN LY LAO DONG\n"
        "dieu 1: Pham vi dieu chinh\n"
        "dieu 2: Quyet dinh nay co hieu luc thi hanh ke tu ngay ky.\n"
        "dieu 3: Can cu cap giay chung nhan\n"
        "dieu 4: Cap tai khoan, phan quyen va Pham vi du lieu\n"
        "dieu 5: Kinh phi thuc hien\n"
        "dieu 6: Sua doi Thong tu so 32/2016/TT-BTC, v.v. ve TO CHUC THU'C HIEN\n"
        "dieu 7: Giai ngan, thu no cua Ben cho vay, nha nuoc\n"
        "dieu 8: Quan ly lao dong, tham dinh, giao va pham vi quan ly\n"
        "dieu 9: Cac co quan co lien quan (neu co) thi hanh\n"
        "chuong II: SU DUNG NHA GIAO\n"
        "dieu 10: Thang luong, phu cap luong\n"
        "dieu 11: Sua doi khoan 2\n"
        "dieu 12: Dieu kien: Ap dung tu Dieu 1 den 5\n"
        "dieu 13: Ngay 25 thang 10 nam 2016, nam 2017, 1.000 tan\n"
        "dieu 14: Quan ly nha nuoc va cong tac\n"
        "dieu 15: Cua Bo Lao dong - Thuong binh va Xa hoi - Viet Nam ky 2019 - 2023\n");
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Quy dinh ve cho vay cua ngan sach trung uong cho, nuoc ngoai");
  // Typed titles keep what was typed.
  auto typed = Parse("NGHỊ ĐỊNH\nQuy định về ngân. sách\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
                     "Điều 1. Phạm vi.điều chỉnh; hiệu lực-thi hành\nNội dung.\n");
  CHECK(Skeleton(typed) == "dieu 1: Phạm vi.điều chỉnh; hiệu lực-thi hành\n");
  REQUIRE(typed.header.subject);
  CHECK(typed.header.subject->text == "Quy định về ngân. sách");
}

TEST_CASE("OCR'd header: a garbled type line named by the number, Sé for Số, dates without ngày") {
  // "NGH] INH": the number's NĐ names the type; the issuer stays CHÍNH PHỦ.
  auto d = Parse("CHINH PHU\n\nCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n"
                 "S6: 171/2026/NP-CP\nHa Noi, ngay 15 thang-5 nam 2026\n\n_ NGH] INH\n"
                 "Quy dinh chi tiet mot so dieu\n\nCan cu Luat To chuc Chinh phu;\n");
  REQUIRE(d.header.doc_type);
  CHECK(d.header.doc_type->label_vi == "NGHỊ ĐỊNH");
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "CHINH PHU");
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Quy dinh chi tiet mot so dieu");
  REQUIRE(d.header.issued_date);
  CHECK(d.header.issued_date->iso == "2026-05-15");
  // "SÉ:" is an OCR'd "Số:"; "ngày" lost to a smudge, the month's 0 read as O.
  auto e = Parse("CHINHPHU\n\nSÉ: 66.16/2026/NQ-CP\nCONG HOA.XA HOI CHU NGHIA VIET NAM\n"
                 "Doc lap - Tu do - Hanh phuc\n\nHa Noi, “Eee 07 thang O4nam 2026\n\nNGHI QUYET\n"
                 "Cat giam thu tuc hanh chinh\n\nCan cu Luat To chuc Chinh phu;\n");
  REQUIRE(e.header.number_symbol);
  CHECK(e.header.number_symbol->full == "66.16/2026/NQ-CP");
  REQUIRE(e.header.issued_date);
  CHECK(e.header.issued_date->iso == "2026-04-07");
  REQUIRE(e.header.place);
  CHECK(e.header.place->text == "Ha Noi");
  REQUIRE(e.header.issuer);
  CHECK(e.header.issuer->text == "CHINHPHU");
  CHECK(e.header.motto.present);
  // "ngày" glued to the place; specks in front of it; a place in two cases.
  auto g = Parse("BO TAI CHINH\n\nS6: 12/2024/TT-BTC\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "HA NOIngay 24 thang 01 nam 2025\n\nTHONG TU\nHuong dan\n\nCan cu;\n");
  REQUIRE(g.header.issued_date);
  CHECK(g.header.issued_date->iso == "2025-01-24");
  REQUIRE(g.header.place);
  CHECK(g.header.place->text == "HA NOI");
  auto p = Parse("BO TAI CHINH\n\nS6: 12/2024/TT-BTC\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "~ .. HA Noi, ngay 24 thang 01 nam 2025\n\nTHONG TU\nHuong dan\n\nCan cu;\n");
  REQUIRE(p.header.place);
  CHECK(p.header.place->text == "Ha Noi");
}

TEST_CASE("OCR'd issuer: specks at the ends of its lines and between its words, bent capitals") {
  auto d = Parse("- BO LAO DONG - THUONG BINH a\nvA XA HOI | oe\n\nS6: 169/QD-BLDTBXH\n"
                 "CONG HOA XA HOI CHU NGHIA VIET NAM\nHa Noi, ngay 24 thang 01 nam 2025\n\nQUYET DINH\n"
                 "Ve viec cong bo\n\nCan cu;\n");
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "BO LAO DONG - THUONG BINH VA XA HOI");
  auto e = Parse("VAN BAN HOP NHAT - Pad\nBO LAO DONG - THUONG | BINH VA XA HOI _ 3\n\n"
                 "CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n\nTHONG TU\nHuong dan\n\nCan cu;\n");
  REQUIRE(e.header.issuer);
  CHECK(e.header.issuer->text == "VAN BAN HOP NHAT BO LAO DONG - THUONG BINH VA XA HOI");
  // Typed: an issuer is read as typed.
  auto t = Parse("BỘ TÀI CHÍNH a\n\nSố: 12/2024/TT-BTC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Hà Nội, ngày 24 tháng 01 năm 2025\n\nTHÔNG TƯ\nHướng dẫn\n\nCăn cứ;\n");
  REQUIRE(t.header.issuer);
  CHECK(t.header.issuer->text == "BỘ TÀI CHÍNH a");
}

TEST_CASE("OCR'd wrapped titles: a chapter title's next line behind a dash, an article's behind a digit") {
  auto d = Parse(std::string(kHead) +
                 "Chuong II OS\nCAT GIAM, DON GIAN HOA THU TUC HANH CHINH, QUY DINH\n- LIEN QUAN DEN HOAT DONG SAN XUAT\n\n"
                 "Dieu 4. Ban sao cac giay to dung de thuc hien bao hiem xa hoi quy dinh\n7 tai Luat Bao hiem xa hoi\n"
                 "Ban sao cac giay to.\n");
  CHECK(Skeleton(d) ==
        "chuong II: CAT GIAM, DON GIAN HOA THU TUC HANH CHINH, QUY DINH LIEN QUAN DEN HOAT DONG SAN XUAT\n"
        "dieu 4: Ban sao cac giay to dung de thuc hien bao hiem xa hoi quy dinh tai Luat Bao hiem xa hoi\n");
}

TEST_CASE("OCR'd case: a capitals title takes its case, a trích yếu opens with a capital") {
  // The restorer read "TO" as "Tổ" and the trích yếu's first word in lower case.
  const std::string ocr = "QUYET DINH\nve viec cong bo danh muc\n\nCan cu Luat To chuc Chinh phu;\n\n"
                          "Chuong II\nTO CHUC VA QUAN LY HOAT DONG\n\nDieu 1. Pham vi\nNoi dung.\n";
  const std::string restored = "QUYẾT ĐỊNH\nvề việc công bố danh mục\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
                               "Chương II\nTổ CHỨC VÀ QUẢN LÝ HOẠT ĐỘNG\n\nĐiều 1. Phạm vi\nNội dung.\n";
  const vanban::Document d = ParseRestored(ocr, restored);
  CHECK(Skeleton(d) == "chuong II: TỔ CHỨC VÀ QUẢN LÝ HOẠT ĐỘNG\ndieu 1: Phạm vi\n");
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Về việc công bố danh mục");
}

TEST_CASE("OCR'd chapter numerals glued to the word, with a speck glued after, or lost to the edge cleanup") {
  auto d = Parse(std::string(kHead) +
                 "Chuong]. ~ :\nQUY DINH CHUNG 7 7\nDieu 1. Pham vi dieu chinh\nNoi dung.\n\n"
                 "CHUONGI oe | .\nTO CHUC THUC HIEN\n\nDieu 2. To chuc\nNoi dung.\n\n"
                 "Chuong |\nDIEU KHOAN THI HANH\n\nDieu 3. Hieu luc\nNoi dung.\n");
  CHECK(Skeleton(d) == "chuong I: QUY DINH CHUNG\ndieu 1: Pham vi dieu chinh\nchuong II: TO CHUC THUC HIEN\n"
                       "dieu 2: To chuc\nchuong III: DIEU KHOAN THI HANH\ndieu 3: Hieu luc\n");
  REQUIRE(d.body.size() == 3);
  CHECK(d.body[2].flags == std::vector<std::string>{"numeral_missing"});
  // "Chiteng Io |": a speck glued after the numeral; "Muc |": the numeral taken for a speck,
  // numbered after its Arabic siblings.
  auto e = Parse(std::string(kHead) + "Chiteng Io |\n- QUY DINH CHUNG | .\n\nDieu 1. Pham vi\nNoi dung.\n\n"
                                      "Muc 1\nQUAN LY LAO DONG\nDieu 2. Quan ly\nNoi dung.\n\n"
                                      "Muc | ; ; ;\nQUAN LY TIEN LUONG . . |\n\nDieu 3. Tien luong\nNoi dung.\n");
  CHECK(Skeleton(e) == "chuong I: QUY DINH CHUNG\ndieu 1: Pham vi\nmuc 1: QUAN LY LAO DONG\ndieu 2: Quan ly\n"
                       "muc 2: QUAN LY TIEN LUONG\ndieu 3: Tien luong\n");
  // A lost numeral counts only above a capitals title; a numeral glued in lower case is none.
  auto t = Parse(std::string(kHead) + "Dieu 1. Pham vi\nNoi dung cua\nMuc |\nnay la van ban.\nChuongi tiep.\n");
  CHECK(Skeleton(t) == "dieu 1: Pham vi\n");
  // A stop or colon between the word and its numeral, a capital numeral glued to a word in
  // lower case, a "?" speck in front; an apostrophe between "Điều" and its number.
  auto g = Parse(std::string(kHead) + "Chuong.1. : :\nQUY DINH CHUNG\n\nDieu 1. Pham vi\nNoi dung.\n\n"
                                      "ChuongIl .\nTO CHUC THUC HIEN\n\nDieu'2, To chuc\nNoi dung.\n\n"
                                      "? Chwong III\nDIEU KHOAN THI HANH\n\nMuc:1 ;\nHIEU LUC\n\nDieu 3. Hieu luc\nNoi dung.\n");
  CHECK(Skeleton(g) == "chuong I: QUY DINH CHUNG\ndieu 1: Pham vi\nchuong II: TO CHUC THUC HIEN\ndieu 2: To chuc\n"
                       "chuong III: DIEU KHOAN THI HANH\nmuc 1: HIEU LUC\ndieu 3: Hieu luc\n");
}

TEST_CASE("OCR'd quotation left open ends at the document's next chapter") {
  auto d = Parse(std::string(kHead) +
                 "Chuong I\nQUY DINH CHUNG\nDieu 1. Ho so\nCac van ban sau len He thong:\n"
                 "\u201c> Quyet dinh phe duyet nhiem vu;\n- Quyet dinh dau tu.\n\n"
                 "Chuong II\nLAP KE HOACH\n\nDieu 2. Lap ke hoach\nNoi dung.\n");
  CHECK(Skeleton(d) == "chuong I: QUY DINH CHUNG\ndieu 1: Ho so\nchuong II: LAP KE HOACH\ndieu 2: Lap ke hoach\n");
}

TEST_CASE("OCR'd article title: a capitals word with a vowel mark takes title case, abbreviations stay") {
  const std::string ocr = "NGHI QUYET\nve viec cat giam\n\nCan cu Luat To chuc Chinh phu;\n\n"
                          "Dieu 1. Cat giam thu tuc thuoc pham vi quan ly cua BO Y te va UBND tinh\nNoi dung.\n";
  const std::string restored = "NGHỊ QUYẾT\nvề việc cắt giảm\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
                               "Điều 1. Cắt giảm thủ tục thuộc phạm vi quản lý của BỘ Y tế và UBND tỉnh\nNội dung.\n";
  const vanban::Document d = ParseRestored(ocr, restored);
  CHECK(Skeleton(d) == "dieu 1: Cắt giảm thủ tục thuộc phạm vi quản lý của Bộ Y tế và UBND tỉnh\n");
}

TEST_CASE("typed Mục numbers stay Arabic: Mục 1 is 1, as Mục 2 is 2") {
  auto d = Parse("THÔNG TƯ\nHướng dẫn quản lý\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
                 "Mục 1\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung.\n\nMục 2\nQUẢN LÝ LAO ĐỘNG\nĐiều 2. Quản lý\nNội dung.\n");
  CHECK(Skeleton(d) == "muc 1: QUY ĐỊNH CHUNG\ndieu 1: Phạm vi\nmuc 2: QUẢN LÝ LAO ĐỘNG\ndieu 2: Quản lý\n");
}

TEST_CASE("OCR'd article title wrapped after a stop or colon OCR put inside it, behind a symbol speck") {
  auto d = Parse(std::string(kHead) +
                 "Dieu 1. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan:\n"
                 "den hoat dong san xuat, kinh doanh\nNoi dung.\n"
                 "Dieu 2. Nguyen tac cat giam, phan cap, don gian hoa thu tuc hanh:..\n"
                 "chinh va dieu kien kinh doanh |\nNoi dung.\n"
                 "Dieu 3. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien\n"
                 "\u00b0 quan den hoat dong san xuat\nNoi dung.\n"
                 "Dieu 4. Quyet dinh nay co hieu luc thi hanh ke tu ngay ky ban hanh nay.\n"
                 "Cac co quan thi hanh.\n");
  CHECK(Skeleton(d) ==
        "dieu 1: Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong san xuat, kinh doanh\n"
        "dieu 2: Nguyen tac cat giam, phan cap, don gian hoa thu tuc hanh chinh va dieu kien kinh doanh\n"
        "dieu 3: Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong san xuat\n"
        "dieu 4: Quyet dinh nay co hieu luc thi hanh ke tu ngay ky ban hanh nay.\n");
}

TEST_CASE("OCR'd chapter title: a first word the scan bent stays, and takes the title's case") {
  const std::string ocr = "NGHI QUYET\nve viec cat giam\n\nCan cu Luat To chuc Chinh phu;\n\n"
                          "Chuong III\n__pIEU KHOAN THI HANH |\nDieu 1. Hieu luc\nNoi dung.\n";
  const std::string restored = "NGHỊ QUYẾT\nvề việc cắt giảm\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
                               "Chương III\n__điều KHOẢN THI HÀNH |\nĐiều 1. Hiệu lực\nNội dung.\n";
  const vanban::Document d = ParseRestored(ocr, restored);
  CHECK(Skeleton(d) == "chuong III: ĐIỀU KHOẢN THI HÀNH\ndieu 1: Hiệu lực\n");
}

TEST_CASE("OCR'd last article behind a speck, H read for Đ, ending ./. is an article, not the closing") {
  const std::string tail = "Dieu 1. Cong bo danh muc\nNoi dung.\nDieu 2. Quyet dinh nay co hieu luc ke tu ngay ky.\n"
                           "\u2019 Hieu 3. Thu truong cac don vi thuoc Bo chiu trach nhiem thi hanh Quyet dinh nay./.\n\n"
                           "Noi nhan:\n- Nhu Dieu 3;\n- Luu: VT.\n\nBO TRUONG\n";
  auto d = Parse(std::string(kHead) + tail);
  CHECK(Skeleton(d) == "dieu 1: Cong bo danh muc\ndieu 2: Quyet dinh nay co hieu luc ke tu ngay ky.\n"
                       "dieu 3: Thu truong cac don vi thuoc Bo chiu trach nhiem thi hanh Quyet dinh nay./.\n");
  REQUIRE(d.closing);
  CHECK(d.closing->text.empty());  // only the end mark
}

TEST_CASE("OCR'd article title does not run on into a clause whose marker OCR garbled (il. Quy, a8: L. Viec)") {
  auto d = Parse(std::string(kHead) +
                 "Dieu 3. Thang luong, bang luong va phu cap luong cua nguoi lao dong\n"
                 "il. Quy xay dung thang luong, bang luong, phu cap luong va chuyen xep luong\n"
                 "Dieu 4. Xac dinh quy tien luong, thu lao, tien thuong cua nguoi quan ly\n"
                 "a8: L. Viec xac dinh muc tien luong binh quan, quy tien luong ke hoach\n");
  CHECK(Skeleton(d) == "dieu 3: Thang luong, bang luong va phu cap luong cua nguoi lao dong\n"
                       "dieu 4: Xac dinh quy tien luong, thu lao, tien thuong cua nguoi quan ly\n");
}

TEST_CASE("a footnote's number glued to a title's last word is not part of the title") {
  const std::string head = "NGHỊ ĐỊNH\nQuy định chi tiết một số điều\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n";
  auto d = Parse(head +
                 "Chương I\nQUY ĐỊNH CHUNG2\n\nĐiều 1. Phạm vi điều chỉnh3\nNội dung.\n"
                 "Điều 2. Phòng, chống cúm H5N1\nNội dung.\nĐiều 3. Mẫu số 2\nNội dung.\n"
                 "Điều 4. Tuyển dụng nhà giáo123\nNội dung.\n");
  CHECK(Skeleton(d) ==
        "chuong I: QUY ĐỊNH CHUNG\n"
        "dieu 1: Phạm vi điều chỉnh\n"
        "dieu 2: Phòng, chống cúm H5N1\n"   // not a syllable before the digit
        "dieu 3: Mẫu số 2\n"                // a number of its own
        "dieu 4: Tuyển dụng nhà giáo123\n"); // three digits: not a footnote mark
}

TEST_CASE("a restored word longer than the scan's keeps its last letter before a comma") {
  // "Ha Ni," restored "Hà Nội,": the place ends at the comma, not three letters into the word.
  const std::string ocr = "BO TAI CHINH\n\nSo: 12/2024/TT-BTC\nHa Ni, ngay 14 thang 11 nam 2024\n\nTHONG TU\n"
                          "Huong dan quan ly\n\nCan cu Luat To chuc Chinh phu;\n\nDieu 1. Pham vi\nNoi dung.\n";
  const std::string restored = "BỘ TÀI CHÍNH\n\nSố: 12/2024/TT-BTC\nHà Nội, ngày 14 tháng 11 năm 2024\n\nTHÔNG TƯ\n"
                               "Hướng dẫn quản lý\n\nCăn cứ Luật Tổ chức Chính phủ;\n\nĐiều 1. Phạm vi\nNội dung.\n";
  const vanban::Document d = ParseRestored(ocr, restored);
  REQUIRE(d.header.place);
  CHECK(d.header.place->text == "Hà Nội");
  CHECK(d.header.place->raw == "Ha Ni");
}

TEST_CASE(
    "OCR'd article title ends: a closing bracket or quote after the last word, a number with a "
    "stop, a vowel pair") {
  // "bỏ)" and "tù’" are words behind a bracket or quote; "7." and "oe" are specks.
  const std::string ocr = std::string(kHead) +
                          "Dieu 1. Cong bo ket qua ky 2019 - 2023. os oe 7.\nNoi dung.\n"
                          "Dieu 2. (duoc bai bd)\nNoi dung.\n"
                          "Dieu 3. Qua canh nguoi chap hanh an phat tii\u2019\nNoi dung.\n"
                          "Dieu 4. Doi tuong ap dung oe\nNoi dung.\n";
  const std::string restored =
      "NGHỊ ĐỊNH\nQuy định chi tiết một số điều\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
      "Điều 1. Công bố kết quả kỳ 2019 - 2023. os oe 7.\nNội dung.\n"
      "Điều 2. (được bãi bỏ)\nNội dung.\n"
      "Điều 3. Quá cảnh người chấp hành án phạt tù\u2019\nNội dung.\n"
      "Điều 4. Đối tượng áp dụng oe\nNội dung.\n";
  const vanban::Document d = ParseRestored(ocr, restored);
  CHECK(Skeleton(d) ==
        "dieu 1: Công bố kết quả kỳ 2019 - 2023.\n"
        "dieu 2: (được bãi bỏ)\n"
        "dieu 3: Quá cảnh người chấp hành án phạt tù\n"
        "dieu 4: Đối tượng áp dụng\n");
}

TEST_CASE("OCR'd article titles that are phrases: a stop or colon after one is the scan's") {
  const std::string phrases = std::string(kHead) +
                              "Dieu 1. Pham vi dieu chinh\nNoi dung.\n"
                              "Dieu 2. Doi tuong ap dung.\nNoi dung.\n"
                              "Dieu 3. Giai thich tu ngu\nNoi dung.\n"
                              "Dieu 4. Nguyen tac cho vay\nNoi dung.\n"
                              "Dieu 5. Trinh tu qua canh:\nNoi dung.\n"
                              "Dieu 6. To chuc thuc hien\nNoi dung.\n"
                              "Dieu 7. Nghi dinh nay co hieu luc tu ngay ky.\nNoi dung.\n"
                              "Dieu 8. Hieu luc thi hanh\nNoi dung.\n"
                              "Dieu 9. Trach nhiem thi hanh\nNoi dung.\n"
                              "Dieu 10. Dieu khoan chuyen tiep\nNoi dung.\n"
                              "Dieu 11. Kinh phi thuc hien\nNoi dung.\n";
  CHECK(Skeleton(Parse(phrases)) ==
        "dieu 1: Pham vi dieu chinh\ndieu 2: Doi tuong ap dung\ndieu 3: Giai thich tu ngu\n"
        "dieu 4: Nguyen tac cho vay\ndieu 5: Trinh tu qua canh\ndieu 6: To chuc thuc hien\n"
        "dieu 7: Nghi dinh nay co hieu luc tu ngay ky.\n"  // a sentence naming the document
        "dieu 8: Hieu luc thi hanh\ndieu 9: Trach nhiem thi hanh\ndieu 10: Dieu khoan chuyen tiep\n"
        "dieu 11: Kinh phi thuc hien\n");
  // A decision's articles are sentences: their stops stay.
  const std::string sentences = std::string(kHead) +
                                "Dieu 1. Ban hanh kem theo Quyet dinh nay Quy che.\n"
                                "Dieu 2. Quyet dinh co hieu luc tu ngay ky.\n"
                                "Dieu 3. Chanh Van phong chiu trach nhiem thi hanh\n"
                                "Dieu 4. Giao Van phong to chuc thuc hien\n"
                                "Dieu 5. Cac don vi lien quan thi hanh\n";
  CHECK(Skeleton(Parse(sentences)).find("dieu 2: Quyet dinh co hieu luc tu ngay ky.\n") !=
        std::string::npos);
}

TEST_CASE("OCR'd trích yếu: a capitals word with a vowel mark takes title case") {
  const std::string ocr =
      "BO TAI CHINH\n\nSo: 12/2024/TT-BTC\nHa Noi, ngay 14 thang 11 nam 2024\n\nTHONG TU\n"
      "Bai bo Thong tu cua BO truong Bo Tai chinh va UBND tinh\n\nCan cu Luat To chuc Chinh "
      "phu;\n\n"
      "Dieu 1. Pham vi\nNoi dung.\n";
  const std::string restored =
      "BỘ TÀI CHÍNH\n\nSố: 12/2024/TT-BTC\nHà Nội, ngày 14 tháng 11 năm 2024\n\nTHÔNG TƯ\n"
      "Bãi bỏ Thông tư của BỘ trưởng Bộ Tài chính và UBND tỉnh\n\nCăn cứ Luật Tổ chức Chính "
      "phủ;\n\n"
      "Điều 1. Phạm vi\nNội dung.\n";
  const vanban::Document d = ParseRestored(ocr, restored);
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Bãi bỏ Thông tư của Bộ trưởng Bộ Tài chính và UBND tỉnh");
}

TEST_CASE("OCR'd chapter with a lower-case numeral glued on, above a capitals title ending in a speck's stop") {
  // "Chongl | 7s": Chương I with the numeral read as a glued l, "QUY DINH CHUNG. ne": the
  // title with a speck's stop. Counted as a chapter whose numeral is lost, numbered in
  // sequence, its title without the stop.
  auto d = Parse(std::string(kHead) + "Chongl | 7s\nQUY DINH CHUNG. ne\nDieu 1. Pham vi\nNoi dung.\n\n"
                                      "-.-Chuong II\n. QUY DINH CU THE | | .\nDieu 2. Quan ly\nNoi dung.\n");
  CHECK(Skeleton(d) == "chuong I: QUY DINH CHUNG\ndieu 1: Pham vi\nchuong II: QUY DINH CU THE\ndieu 2: Quan ly\n");
  REQUIRE(d.body.size() == 2);
  CHECK(d.body[0].flags == std::vector<std::string>{"numeral_missing"});
  // Without a capitals title under it, the same line is text.
  auto t = Parse(std::string(kHead) + "Dieu 1. Pham vi\nNoi dung cua\nChongl | 7s\nnay la van ban.\n");
  CHECK(Skeleton(t) == "dieu 1: Pham vi\n");
}

TEST_CASE("OCR'd references wrapped to a line's start are no article: Dieu 5, Dieu 6, Dieu 7") {
  auto d = Parse(std::string(kHead) + "Dieu 4. Ap dung\nGhi so theo mot trong cac truong hop quy dinh tai\n"
                                      "Dieu 5, Dieu 6, Dieu 7 Thong tu nay va lap bao cao.\n"
                                      "Dieu 5. Doanh nghiep sieu nho\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 4: Ap dung\ndieu 5: Doanh nghiep sieu nho\n");
}

TEST_CASE("OCR'd issuer and trích yếu: a stop glued between two words, a doubled hyphen") {
  auto d = ParseHeader("VAN BAN HOP NHAT\nBO LAO.DONG - THUONG BINH VA XA HOI", "S6: 15/VBHN-BLDTBXH", "THONG TU",
                       "Quy dinh cua Bo truong Bo.Lao dong -- Thuong binh va Xa hoi tai TP.Ho Chi Minh");
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "VAN BAN HOP NHAT BO LAO DONG - THUONG BINH VA XA HOI");
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Quy dinh cua Bo truong Bo Lao dong - Thuong binh va Xa hoi tai TP.Ho Chi Minh");
  // An abbreviation before its stop stays: "UBND TP.HCM".
  auto t = ParseHeader("UY BAN NHAN DAN TP.HCM", "S6: 15/QD-UBND", "QUYET DINH", "Ve viec thu");
  REQUIRE(t.header.issuer);
  CHECK(t.header.issuer->text == "UY BAN NHAN DAN TP.HCM");
}

TEST_CASE("OCR'd part numerals: H for II with a quote glued after, a Mục's 1 read as I") {
  auto d = Parse(std::string(kHead) + "Chuong I\nQUY DINH CHUNG\nDieu 1. Pham vi\nNoi dung.\n"
                                      "Chuong II\nTO CHUC\nDieu 2. To chuc\nNoi dung.\n"
                                      "~Chuong HI\u00bb\nBOI DUONG DOI VOI NHA GIAO. LIEN QUAN\nMuc. I - .\n_...QUY DINH CHUNG |\n"
                                      "Dieu 3. Cac loai\nNoi dung.\n");
  CHECK(Skeleton(d) == "chuong I: QUY DINH CHUNG\ndieu 1: Pham vi\nchuong II: TO CHUC\ndieu 2: To chuc\n"
                       "chuong III: BOI DUONG DOI VOI NHA GIAO LIEN QUAN\nmuc 1: QUY DINH CHUNG\ndieu 3: Cac loai\n");
  // The issuer: a hyphen glued to a word's end is a speck, a spaced one the name's.
  auto e = ParseHeader("VAN BAN HOP NHAT- BO LAO DONG - THUONG BINH VA XA HOI", "S6: 15/VBHN-BLDTBXH", "THONG TU",
                       "Quy dinh");
  REQUIRE(e.header.issuer);
  CHECK(e.header.issuer->text == "VAN BAN HOP NHAT BO LAO DONG - THUONG BINH VA XA HOI");
}

TEST_CASE("articles are numbered through the document: the first of a chapter follows the last of the one before") {
  auto d = Parse(std::string(kHead) + "Chuong I\nQUY DINH CHUNG\nDieu 1. Pham vi\nNoi dung.\nDieu 2. Doi tuong\nNoi dung.\n"
                                      "Chuong II\nTO CHUC\nDieu 3. To chuc\nNoi dung.\nChuong III\nHIEU LUC\nDieu 5. Hieu luc\nNoi dung.\n");
  REQUIRE(d.body.size() == 3);
  REQUIRE(d.body[1].children.size() == 1);
  CHECK(d.body[1].children[0].flags.empty());  // Điều 3 after Điều 2: no gap
  REQUIRE(d.body[2].children.size() == 1);
  CHECK(d.body[2].children[0].flags == std::vector<std::string>{"sequence_gap"});  // Điều 4 is missing
}

TEST_CASE("OCR'd article title: a capitalised two-letter speck without a mark after a lower-case word ends it") {
  auto d = Parse(std::string(kHead) + "Dieu 1. Nguyen tac lien quan den hoat dong kinh doanh Be a\nNoi dung.\n"
                                      "Dieu 2. Phan phoi tien luong, tien thuong Le\nNoi dung.\n"
                                      "Dieu 3. Hop tac voi Ha Noi\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 1: Nguyen tac lien quan den hoat dong kinh doanh\n"
                       "dieu 2: Phan phoi tien luong, tien thuong\ndieu 3: Hop tac voi Ha Noi\n");
}

TEST_CASE("OCR'd article title: a hyphen hanging on a word, a curly bracket for a round one") {
  auto d = Parse(std::string(kHead) + "Dieu 1. Cat giam, don gian- hoa thu tuc\nNoi dung.\n"
                                      "Dieu 2. Thue theo ty le phan tram {%) tren doanh thu\nNoi dung.\n"
                                      "Dieu 3. Kinh te - xa hoi {va moi truong\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 1: Cat giam, don gian hoa thu tuc\ndieu 2: Thue theo ty le phan tram (%) tren doanh thu\n"
                       "dieu 3: Kinh te - xa hoi va moi truong\n");
}

TEST_CASE("OCR'd article markers: a slash, a bracket or a symbol in front, a short speck token, a lost stop") {
  auto d = Parse(std::string(kHead) + "Dieu 1. Pham vi dieu chinh\nNoi dung.\n"
                                      "Dieu 2. Doi tuong ap dung\nNoi dung.\n"
                                      "/\u2014-Di\u2019u 3. Ve so ke toan\nNoi dung.\n"
                                      "\u00a9 -Dieu 4. Kinh phi thuc hien\nNoi dung.\n"
                                      "se Dieu.5, Dieu khoan thi hanh :\nNoi dung.\n"
                                      "<1 Dieu 6. Ap dung Mau ho so\nNoi dung.\n"
                                      "Dieu 7 _Cat giam thu tuc hanh chinh\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 1: Pham vi dieu chinh\ndieu 2: Doi tuong ap dung\ndieu 3: Ve so ke toan\n"
                       "dieu 4: Kinh phi thuc hien\ndieu 5: Dieu khoan thi hanh\ndieu 6: Ap dung Mau ho so\n"
                       "dieu 7: Cat giam thu tuc hanh chinh\n");
  // A speck token or a lost stop counts only as the next article, and only before a capital.
  auto t = Parse(std::string(kHead) + "Dieu 1. Pham vi dieu chinh\nNoi dung:\n"
                                      "se Dieu 5. Quy dinh khac\nDieu 2 cua Luat Dat dai\nva Dieu 2 Nghi dinh\n");
  CHECK(Skeleton(t) == "dieu 1: Pham vi dieu chinh\n");
}

TEST_CASE("OCR'd article title: specks among short words at its end, one a syllable by chance") {
  auto d = Parse(std::string(kHead) + "Dieu 1. Hieu luc thi hanh bag ote oe co\nNoi dung.\n"
                                      "Dieu 2. Nguyen tac co di co lai\nNoi dung.\n"
                                      "Dieu 3. Pham vi quan ly cua Bo Y te\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 1: Hieu luc thi hanh\ndieu 2: Nguyen tac co di co lai\ndieu 3: Pham vi quan ly cua Bo Y te\n");
}

TEST_CASE("OCR'd chapter markers: G for C, a lone letter after the numeral, H for II with a speck") {
  auto d = Parse(std::string(kHead) + "\u00a9 Ghutong T\nNHUNG QUY DINH CHUNG\n\nDieu 1. Pham vi\nNoi dung.\n\n"
                                      "\u2018Chuong Ho\u2019 2.\nQUY DINH CU THE . ed\n\nDieu 2. Ke toan\nNoi dung.\n\n"
                                      "Chuong III . A\nTO CHUC THUC HIEN\n\nDieu 3. Hieu luc\nNoi dung.\n");
  CHECK(Skeleton(d) == "chuong I: NHUNG QUY DINH CHUNG\ndieu 1: Pham vi\nchuong II: QUY DINH CU THE\ndieu 2: Ke toan\n"
                       "chuong III: TO CHUC THUC HIEN\ndieu 3: Hieu luc\n");
}

TEST_CASE("OCR'd wrapped article title: a hyphen glued to a small letter breaks no word; specks before the next line") {
  const std::string title = "Dieu 1. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den\n";
  auto d = Parse(std::string(kHead) + title + "hoat dong san xuat thuoc pham vi quan ly cua Bo Y te-\n"
                                              "| Cat giam, don gian hoa thu tuc hanh chinh theo Phu luc.\n"
                                              "Dieu 2. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien.\n"
                                              "~.. quan den hoat dong cua Bo Tai chinh\nNoi dung.\n"
                                              "Dieu 3. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien , :\n"
                                              "/ quan den hoat dong cua Bo Xay dung\nNoi dung.\n");
  CHECK(Skeleton(d) ==
        "dieu 1: Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong san xuat thuoc pham vi quan ly "
        "cua Bo Y te\n"
        "dieu 2: Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong cua Bo Tai chinh\n"
        "dieu 3: Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong cua Bo Xay dung\n");
  // A symbol broken at the line's end still joins its next line.
  auto s = Parse(std::string(kHead) + "Dieu 1. Sua doi mot so dieu cua Thong tu so 32/2016/TT-\nBLDTBXH ngay 25 thang 10\nNoi dung.\n");
  CHECK(Skeleton(s) == "dieu 1: Sua doi mot so dieu cua Thong tu so 32/2016/TT-BLDTBXH ngay 25 thang 10\n");
}

TEST_CASE("OCR'd title specks: a lone colon, a stop after a link word or glued before a word, glued commas, year ranges, ./.") {
  auto d = Parse(std::string(kHead) + "Dieu 1. Thuoc pham vi quan ly cua Bo : Y te\nNoi dung.\n"
                                      "Dieu 2. Thuoc pham vi quan ly cua. Bo Giao duc\nNoi dung.\n"
                                      "Dieu 3. Chuong trinh muc tieu .quoc gia\nNoi dung.\n"
                                      "Dieu 4. Mien phi,le phi va phi,.cap phep\nNoi dung.\n"
                                      "Dieu 5. Hoat dong san xuat;.kinh doanh\nNoi dung.\n"
                                      "Dieu 6. He thong hoa ky 2019.- 2023\nNoi dung.\n"
                                      "Dieu 7. Giai doan 2021-2025 va 2026-- 2030\nNoi dung.\n"
                                      "Dieu 8. Cac co quan chiu trach nhiem thi hanh Quyet dinh nay/,\n"
                                      "Dieu 9. Thuoc pham vi quan ly cua Bo Tu phap..\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 1: Thuoc pham vi quan ly cua Bo Y te\ndieu 2: Thuoc pham vi quan ly cua Bo Giao duc\n"
                       "dieu 3: Chuong trinh muc tieu quoc gia\ndieu 4: Mien phi, le phi va phi, cap phep\n"
                       "dieu 5: Hoat dong san xuat, kinh doanh\ndieu 6: He thong hoa ky 2019 - 2023\n"
                       "dieu 7: Giai doan 2021 - 2025 va 2026 - 2030\n"
                       "dieu 8: Cac co quan chiu trach nhiem thi hanh Quyet dinh nay./.\n"
                       "dieu 9: Thuoc pham vi quan ly cua Bo Tu phap\n");
}

TEST_CASE("OCR'd header: specks inside the motto, a quote glued to the month, a colon inside the place, the number's slash read as 1") {
  auto d = Parse("BO TAI CHINH.\n\nSo: 40/2026/TT-BTC\n\n: CONG HOA XA HOI CHU NGHIA VIET:'NAM\n"
                 "Doc lap - Tu do - Hanh phuc :\n\n\"HA N@i, ngay 31 thdng\u20195 nim 2022.\"\n\nTHONG TU\n"
                 "Quy dinh mien mot so khoan phi\n\nCan cu Luat To chuc Chinh phu;\n");
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "BO TAI CHINH");
  CHECK(d.header.motto.present);
  REQUIRE(d.header.issued_date);
  CHECK(d.header.issued_date->iso == "2022-05-31");
  auto c = Parse("BO TAI CHINH\n\nSo: 40/2026/TT-BTC\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "Ha:Noi, ngay 08 thang 11-nam 2021\n\nTHONG TU\nQuy dinh\n\nCan cu;\n");
  REQUIRE(c.header.place);
  CHECK(c.header.place->text == "Ha Noi");
  auto n = Parse("CHINH PHU\n\n\u201c$6: 1712026/NQ-CP\n- CONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "Ha Noi, ngay 29 thang 4 nam 2026\n\nNGHI QUYET\nVe cat giam thu tuc\n\nCan cu;\n");
  REQUIRE(n.header.number_symbol);
  CHECK(n.header.number_symbol->full == "17/2026/NQ-CP");
  // A number of more digits without such a year stays unread.
  auto k = Parse("CHINH PHU\n\nSo: 17152026/NQ-CP\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "Ha Noi, ngay 29 thang 4 nam 2026\n\nNGHI QUYET\nVe cat giam thu tuc\n\nCan cu;\n");
  CHECK_FALSE(k.header.number_symbol);
}

TEST_CASE("OCR'd header: a speck between a month's digits, a digit before Số, junk after the number, a Q read as 0") {
  auto d = Parse("BO LAO DONG - THUONG BINH\nVA XA HOI\n\n$6: 169/0D-BLDTBXH Se ?\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "Doc lap - Tu do - Hanh phuc\nHa Noi, ngay 24 thang 0:1 nam 2025\n\nQUYET DINH\nVe viec cong bo\n\nCan cu;\n");
  REQUIRE(d.header.number_symbol);
  CHECK(d.header.number_symbol->full == "169/QĐ-BLĐTBXH");
  REQUIRE(d.header.issued_date);
  CHECK(d.header.issued_date->iso == "2025-01-24");
  REQUIRE(d.header.place);
  CHECK(d.header.place->text == "Ha Noi");
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "BO LAO DONG - THUONG BINH VA XA HOI");
  auto n = Parse("CHINH PHU\n\n7 S6: 125/2026/ND-CP | gota \u00a9\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "Doc lap - Tu do - Hanh phuc\nHa Noi, ngay 06 thang 4:nam 2026\n\nNGHI DINH\nQuy dinh ve hoat dong\n\nCan cu;\n");
  REQUIRE(n.header.number_symbol);
  CHECK(n.header.number_symbol->full == "125/2026/NĐ-CP");
  REQUIRE(n.header.issued_date);
  CHECK(n.header.issued_date->iso == "2026-04-06");
}

TEST_CASE("OCR'd header: a seal's lower-case specks after the type, a hyphen glued before the issuer") {
  auto d = Parse("-BO TAI CHINH .\n\nS6: 152/2025/TT-BTC ,\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "Doc lap - Tu do - Hanh phuc\nHa Noi, ngay 31 thang 12 nam 2025\nTHONG TU seals: : | eee |\n"
                 "Huong dan ke toan cho cac ho kinh doanh\nCan cu Luat Ke toan;\n");
  REQUIRE(d.header.doc_type);
  CHECK(d.header.doc_type->label_vi == "THÔNG TƯ");
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Huong dan ke toan cho cac ho kinh doanh");
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "BO TAI CHINH");
}

TEST_CASE("OCR'd article title does not run on into a clause whose marker OCR garbled behind a comma (iL, Truong)") {
  auto d = Parse(std::string(kHead) +
                 "Dieu 1. Dich ho so yeu cau chuyen giao nguoi dang chap hanh an phat tu\n"
                 "iL, Truong hop Viet Nam gui ho so ra nuoc ngoai thi Bo Cong an dich.\n");
  CHECK(Skeleton(d) == "dieu 1: Dich ho so yeu cau chuyen giao nguoi dang chap hanh an phat tu\n");
}

TEST_CASE("OCR'd article title: a speck of two letters restoration rewrote into a word ends it; a misread word stays") {
  const std::string ocr = std::string(kHead) + "Dieu 1. Pham vi dieu chinh es\nNoi dung.\n" +
                          "Dieu 2. Chuc nang nhiem vy\nNoi dung.\n";
  const std::string restored = "NGHỊ ĐỊNH\nQuy định chi tiết một số điều\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
                               "Điều 1. Phạm vi điều chỉnh của\nNội dung.\nĐiều 2. Chức năng nhiệm vụ\nNội dung.\n";
  const vanban::Document d = ParseRestored(ocr, restored);
  CHECK(Skeleton(d) == "dieu 1: Phạm vi điều chỉnh\ndieu 2: Chức năng nhiệm vụ\n");
}

TEST_CASE("OCR'd number cell: stops, angle brackets and symbols in front, § for S, a space after the dot") {
  for (const char* cell : {"-.S6: 158/2025/NP-CP a", "> © $6: 158/2025/NP-CP |", "- §6: 158/2025/NP-CP = | :"}) {
    CAPTURE(cell);
    auto d = ParseHeader("CHINH PHU", cell, "NGHI DINH", "Quy dinh chi tiet");
    REQUIRE(d.header.number_symbol);
    CHECK(d.header.number_symbol->number == "158");
    CHECK(d.header.number_symbol->year == "2025");
    REQUIRE(d.header.issuer);
    CHECK(d.header.issuer->text == "CHINH PHU");
  }
  auto e = ParseHeader("CHINH PHU", "SO: 66. 16/2026/NQ-CP", "NGHI QUYET", "Cat giam thu tuc");
  REQUIRE(e.header.number_symbol);
  CHECK(e.header.number_symbol->full == "66.16/2026/NQ-CP");
  // "OP": a Q read as an O where QĐ is a type's code; "OBT" names none and stays.
  auto q = ParseHeader("BO LAO DONG", "S6: 135/OP-BLDTBXH", "QUYET DINH", "Ve viec cong bo");
  REQUIRE(q.header.number_symbol);
  CHECK(q.header.number_symbol->full == "135/QĐ-BLĐTBXH");
  auto o = ParseHeader("BO LAO DONG", "S6: 135/OBT-BLDTBXH", "QUYET DINH", "Ve viec cong bo");
  REQUIRE(o.header.number_symbol);
  CHECK(o.header.number_symbol->symbol.rfind("OBT-", 0) == 0);
  // "§" alone, not before an o or a digit, stays what the key makes of it.
  auto f = ParseHeader("CHINH PHU", "§ 158/2025/NP-CP", "NGHI DINH", "Quy dinh chi tiet");
  CHECK_FALSE(f.header.number_symbol);
}

TEST_CASE("OCR'd header: the t of tháng read as another letter, specks left of the slogan") {
  auto d = Parse("BO TAI CHINH\n\nS6: 04/2024/TT-BTC\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "Ha Noi, ngay 06 shang 5 nam 2024\n\nTHONG TU\nHuong dan\n\nCan cu;\n");
  REQUIRE(d.header.issued_date);
  CHECK(d.header.issued_date->iso == "2024-05-06");
  REQUIRE(d.header.place);
  CHECK(d.header.place->text == "Ha Noi");
  // "© 4PDoc lap": two letters left of the slogan are no line of the issuer's name.
  auto e = Parse("BO TAI CHINH\n\nS6: 04/2024/TT-BTC\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "© 4PDoc lap - Tu do - Hanh phuc\n\nHa Noi, ngay 06 thang 5 nam 2024\n\nTHONG TU\nHuong dan\n\nCan cu;\n");
  REQUIRE(e.header.issuer);
  CHECK(e.header.issuer->text == "BO TAI CHINH");
}

TEST_CASE("OCR'd issuer: a dash behind a speck, a short capitals speck, a closer nothing opens") {
  auto d = Parse("BO LAO DONG _ - THUONG BINH a\nVA XA HOI\n\nS6: 169/QD-BLDTBXH\n"
                 "CONG HOA XA HOI CHU NGHIA VIET NAM\nHa Noi, ngay 24 thang 01 nam 2025\n\nQUYET DINH\n"
                 "Ve viec cong bo\n\nCan cu;\n");
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "BO LAO DONG - THUONG BINH VA XA HOI");
  auto e = Parse("VAN BAN HOP NHAT - re TAS\nBO LAO DONG - THUONG BINH VA XA HOI\n\n"
                 "CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n\nTHONG TU\nHuong dan\n\nCan cu;\n");
  REQUIRE(e.header.issuer);
  CHECK(e.header.issuer->text == "VAN BAN HOP NHAT BO LAO DONG - THUONG BINH VA XA HOI");
  auto f = ParseHeader("CHINH PHU)", "S6: 66/2026/NQ-CP", "NGHI QUYET", "Cat giam thu tuc");
  REQUIRE(f.header.issuer);
  CHECK(f.header.issuer->text == "CHINH PHU");
  auto g = ParseHeader("BO Y TE", "S6: 66/2026/TT-BYT", "THONG TU", "Huong dan");
  REQUIRE(g.header.issuer);
  CHECK(g.header.issuer->text == "BO Y TE");
}

TEST_CASE("OCR'd titles: specks after a stock title, closers nothing opens") {
  auto d = Parse(std::string(kHead) +
                 "Chuong I\nQUY DINH CHUNG\n"
                 "Dieu 1. Pham vi dieu chinh De\nNoi dung.\n"
                 "Dieu 2. Doi tuong ap dung a8\nNoi dung.\n"
                 "Dieu 3. To chuc thuc hien ae te\nNoi dung.\n"
                 "Dieu 4. Doi tuong ap dung khac\nNoi dung.\n"
                 "Dieu 5. Giai thich tu ngu»\nNoi dung.\n"
                 "Dieu 6. Muc 8 (duoc bai bo)\nNoi dung.\n"
                 "Chuong II\nBOI DUONG NHA GIAO)\n"
                 "Dieu 7. Hieu luc thi hanh va\ntrach nhiem thi hanh\nNoi dung.\n");
  CHECK(Skeleton(d) == "chuong I: QUY DINH CHUNG\ndieu 1: Pham vi dieu chinh\ndieu 2: Doi tuong ap dung\n"
                       "dieu 3: To chuc thuc hien\ndieu 4: Doi tuong ap dung khac\ndieu 5: Giai thich tu ngu\n"
                       "dieu 6: Muc 8 (duoc bai bo)\nchuong II: BOI DUONG NHA GIAO\n"
                       "dieu 7: Hieu luc thi hanh va\n");
}

TEST_CASE("OCR'd markers bent further: two letters of Điều, a chapter numeral read as letters, a letter in front") {
  // "Dita 3.", "Pida 4:": the next article, before a capital; not out of sequence, not
  // before a small letter, not a word further from Điều ("Bien").
  auto d = Parse(std::string(kHead) +
                 "Dieu 1. Pham vi\nNoi dung.\nDieu 2. Doi tuong\nNoi dung.\n"
                 "Dita 3. Chi so, bieu mau\nNoi dung.\nPida 4: Cat giam\nNoi dung.\n"
                 "Dita 7. Ke hoach\nNoi dung.\nDita 5. ke hoach\nNoi dung.\nBang 5. Ke hoach\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 1: Pham vi\ndieu 2: Doi tuong\ndieu 3: Chi so, bieu mau\ndieu 4: Cat giam\n");
  // "Chuong aan |": a numeral no syllable spells, above a capitals title, is the next one;
  // "a Chuong III 7": a lone letter in front.
  auto e = Parse(std::string(kHead) +
                 "Chuong I\nQUY DINH CHUNG\nDieu 1. Pham vi\nNoi dung.\n"
                 "Chuong aan |\nCAT GIAM THU TUC\nDieu 2. Cat giam\nNoi dung.\n"
                 "a Chuong III 7\nDIEU KHOAN THI HANH\nDieu 3. Hieu luc\nNoi dung.\n"
                 "Chuong nay\nTO CHUC\nDieu 4. To chuc\nNoi dung.\n");
  CHECK(Skeleton(e) == "chuong I: QUY DINH CHUNG\ndieu 1: Pham vi\nchuong II: CAT GIAM THU TUC\ndieu 2: Cat giam\n"
                       "chuong III: DIEU KHOAN THI HANH\ndieu 3: Hieu luc\ndieu 4: To chuc\n");
}

TEST_CASE("OCR'd article title: a next line whose link word the scan capitalised continues it") {
  const std::string line1 = "Dieu 3. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan\n";
  auto d = Parse(std::string(kHead) + line1 + "Gn hoat dong san xuat cua Bo Cong an\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 3: Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan\n");
  // Restoration read the scan's "Gn" as "Đến": no article's text opens with it.
  const std::string restored_line1 = "Điều 3. Cắt giảm, đơn giản hóa thủ tục hành chính, quy định liên quan\n";
  auto r = ParseRestored(std::string(kHead) + line1 + "Gn hoat dong san xuat cua Bo Cong an\nNoi dung.\n",
                         "NGHỊ ĐỊNH\nQuy định chi tiết một số điều\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n" + restored_line1 +
                             "Đến hoạt động sản xuất của Bộ Công an\nNội dung.\n");
  CHECK(Skeleton(r) ==
        "dieu 3: Cắt giảm, đơn giản hóa thủ tục hành chính, quy định liên quan đến hoạt động sản xuất của Bộ Công an\n");
  // A capitalised word that opens articles' text ("Trong") starts it.
  auto t = ParseRestored(std::string(kHead) + line1 + "Trong hoat dong san xuat cua Bo Cong an\nNoi dung.\n",
                         "NGHỊ ĐỊNH\nQuy định chi tiết một số điều\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n" + restored_line1 +
                             "Trong hoạt động sản xuất của Bộ Công an\nNội dung.\n");
  CHECK(Skeleton(t) == "dieu 3: Cắt giảm, đơn giản hóa thủ tục hành chính, quy định liên quan\n");
}

TEST_CASE("OCR'd specks inside a trích yếu and a place: a mark before a name's dash, a colon glued to a dash") {
  auto d = ParseHeader("BO LAO DONG - THUONG BINH VA XA HOI", "S6: 225/QD-BLDTBXH", "QUYET DINH",
                       "Ve viec cong bo cua Bo Lao dong : - Thuong binh va Xa hoi");
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Ve viec cong bo cua Bo Lao dong - Thuong binh va Xa hoi");
  auto e = ParseHeader("CHINH PHU", "S6: 171/2026/ND-CP", "NGHI DINH", "Quy dinh chi tiet mot so dieu cua:-Luat Chuyen giao");
  REQUIRE(e.header.subject);
  CHECK(e.header.subject->text == "Quy dinh chi tiet mot so dieu cua Luat Chuyen giao");
  auto f = ParseHeader("BO LAO DONG - THUONG BINH VA XA HOI", "S6: 135/QD-BLDTBXH", "QUYET DINH",
                       "Cong bo van ban ngay. 21 thang 10 nam 2021 cua Bo. Lao dong va phap luat } thuoc linh vuc");
  REQUIRE(f.header.subject);
  CHECK(f.header.subject->text == "Cong bo van ban ngay 21 thang 10 nam 2021 cua Bo Lao dong va phap luat thuoc linh vuc");
  auto p = Parse("BO TAI CHINH\n\nS6: 12/2024/TT-BTC\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
                 "Ha: Noi, ngay 24 thang 01 nam 2025\n\nTHONG TU\nHuong dan\n\nCan cu;\n");
  REQUIRE(p.header.place);
  CHECK(p.header.place->text == "Ha Noi");
}

TEST_CASE("OCR'd stock article title: a stop after it is the scan's in any document") {
  auto d = Parse(std::string(kHead) + "Dieu 1. Ban hanh kem theo Thong tu nay He thong chi tieu.\nNoi dung.\n"
                                      "Dieu 2. To chuc thuc hien:\nNoi dung.\nDieu 3. Hieu luc.\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 1: Ban hanh kem theo Thong tu nay He thong chi tieu.\ndieu 2: To chuc thuc hien\n"
                       "dieu 3: Hieu luc.\n");
}

TEST_CASE("OCR'd header: a bar inside the motto, the month's digit before tháng, a semicolon ending a trích yếu's line") {
  auto d = Parse("BO KE HOACH VA DAU TU\n\n. CONG HOA XA HOI CHU NGHIA | VIET NAM\nDoc lap - Tu do - Hanh phuc\n"
                 "SO: 07/2024/TT-BKHDT\nHa Noi, ngay 07 4 theng nim 2026\n\nTHONG TU\n"
                 "Cat giam, don gian hoa thu tuc hanh chinh; |\nquy dinh lien quan den hoat dong\n\nCan cu;\n");
  REQUIRE(d.header.issuer);
  CHECK(d.header.issuer->text == "BO KE HOACH VA DAU TU");
  CHECK(d.header.motto.present);
  REQUIRE(d.header.issued_date);
  CHECK(d.header.issued_date->iso == "2026-04-07");
  REQUIRE(d.header.subject);
  CHECK(d.header.subject->text == "Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong");
  // Typed: a semicolon ends the trích yếu's line as written.
  auto t = Parse("BỘ TÀI CHÍNH\n\nSố: 12/2024/TT-BTC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Hà Nội, ngày 24 tháng 01 năm 2025\n\nTHÔNG TƯ\nCắt giảm thủ tục;\nquy định liên quan\n\nCăn cứ;\n");
  REQUIRE(t.header.subject);
  CHECK(t.header.subject->text == "Cắt giảm thủ tục;");
}

TEST_CASE("OCR'd repeated title openings read as most copies read them") {
  const std::string open = "Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong cua Bo";
  auto d = Parse(std::string(kHead) +
                 "Dieu 1. " + open + " Cong an\nNoi dung.\n"
                 "Dieu 2. " + open + " Tu phap\nNoi dung.\n"
                 "Dieu 3. " + open + " Y te\nNoi dung.\n"
                 "Dieu 4. Cat giam, don gian hoa thu tuc hanh chinh quy dinh lien, quan den hoat dong cua Bo Xay dung\nNoi dung.\n"
                 "Dieu 5. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan 3 den hoat dong cua Bo Noi vu\nNoi dung.\n"
                 "Dieu 6. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh quan den hoat dong cua Bo Cong Thuong\nNoi dung.\n"
                 // A whole other word: a title of its own.
                 "Dieu 7. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh khac den hoat dong cua Bo Tai chinh\nNoi dung.\n"
                 "Dieu 8. Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong cua Ngan hang\nNoi dung.\n");
  CHECK(Skeleton(d) == "dieu 1: " + open + " Cong an\ndieu 2: " + open + " Tu phap\ndieu 3: " + open + " Y te\n" +
                           "dieu 4: " + open + " Xay dung\ndieu 5: " + open + " Noi vu\ndieu 6: " + open + " Cong Thuong\n" +
                           "dieu 7: Cat giam, don gian hoa thu tuc hanh chinh, quy dinh khac den hoat dong cua Bo Tai chinh\n" +
                           "dieu 8: Cat giam, don gian hoa thu tuc hanh chinh, quy dinh lien quan den hoat dong cua Ngan hang\n");
  // Two copies are no majority.
  auto e = Parse(std::string(kHead) + "Dieu 1. " + open + " Cong an\nNoi dung.\nDieu 2. " + open + " Tu phap\nNoi dung.\n" +
                 "Dieu 3. Cat giam, don gian hoa thu tuc hanh chinh quy dinh lien quan den hoat dong cua Bo Y te\nNoi dung.\n");
  CHECK(Skeleton(e) == "dieu 1: " + open + " Cong an\ndieu 2: " + open + " Tu phap\n" +
                           "dieu 3: Cat giam, don gian hoa thu tuc hanh chinh quy dinh lien quan den hoat dong cua Bo Y te\n");
}

TEST_CASE("OCR'd title ends: a lone consonant after a capitals title, a speck restoration read as a link word") {
  auto d = Parse(std::string(kHead) + "Chuong I .\nQUY DINH CHUNG S\nDieu 1. Pham vi\nNoi dung.\n"
                                      "Chuong II\nLINH VUC THU Y\nDieu 2. Chan nuoi\nNoi dung.\n");
  CHECK(Skeleton(d) == "chuong I: QUY DINH CHUNG\ndieu 1: Pham vi\nchuong II: LINH VUC THU Y\ndieu 2: Chan nuoi\n");
  const std::string ocr = std::string(kHead) + "Dieu 4. Loai tru cac yeu to khach quan de xac dinh tien luong cua nguoi\n"
                                                "lao dong oor\nNoi dung.\n";
  const std::string restored = "NGHỊ ĐỊNH\nQuy định chi tiết một số điều\n\nCăn cứ Luật Tổ chức Chính phủ;\n\n"
                               "Điều 4. Loại trừ các yếu tố khách quan để xác định tiền lương của người\n"
                               "lao động và\nNội dung.\n";
  CHECK(Skeleton(ParseRestored(ocr, restored)) ==
        "dieu 4: Loại trừ các yếu tố khách quan để xác định tiền lương của người lao động\n");
}

TEST_CASE("OCR'd titles a letter or two from a title the Gazette repeats read as that title") {
  const std::string ocr = std::string(kHead) +
                          "Chuong I\nNHUONG QUY DINH CHUNG\n"
                          "Dieu 1. Pham vidiguchinh\nNoi dung.\n"
                          "Dieu 2. Dai tuong ap dung.\nNoi dung.\n"
                          "Dieu 3. Pham vi ap dung\nNoi dung.\n"
                          "Dieu 4. Hieu thuc thi hanh\nNoi dung.\n"
                          "Dieu 5. Pham vi dieu chinh, doi tuong ap dung\nNoi dung.\n"
                          "Dieu 6. Hieu lucthi hanh\nNoi dung.\n"
                          "Dieu 7. Giai thich tu ngu\nNoi dung.\n";
  const std::string restored = std::string(kHead) +
                               "Chương I\nNHƯỢNG QUY ĐỊNH CHUNG\n"
                               "Điều 1. Phạm vidiguchinh\nNội dung.\n"
                               "Điều 2. Đại tượng áp dụng.\nNội dung.\n"
                               "Điều 3. Phạm vi áp dụng\nNội dung.\n"
                               "Điều 4. Hiệu thực thi hành\nNội dung.\n"
                               "Điều 5. Phạm vi điều chỉnh, đối tượng áp dụng\nNội dung.\n"
                               "Điều 6. Hiệu lucthi hành\nNội dung.\n"
                               "Điều 7. Giải thích từ ngu\nNội dung.\n";
  auto d = ParseRestored(ocr, restored);
  // Phạm vi áp dụng is a title of its own, many letters from Phạm vi điều chỉnh.
  CHECK(Skeleton(d) ==
        "chuong I: NHỮNG QUY ĐỊNH CHUNG\ndieu 1: Phạm vi điều chỉnh\ndieu 2: Đối tượng áp dụng\n"
        "dieu 3: Phạm vi áp dụng\ndieu 4: Hiệu lực thi hành\ndieu 5: Phạm vi điều chỉnh, đối tượng áp dụng\n"
        "dieu 6: Hiệu lực thi hành\ndieu 7: Giải thích từ ngữ\n");
  REQUIRE(d.body.size() == 1);
  CHECK(d.body[0].flags == std::vector<std::string>{"heading_repaired"});
  REQUIRE(d.body[0].children.size() == 7);
  CHECK(d.body[0].children[2].flags.empty());
  // A title of its own two letters from a stock one ("và" for the comma) stays.
  CHECK(d.body[0].children[4].flags.empty());
  // Without restoration the source's spelling stays.
  CHECK(Skeleton(Parse(ocr)).find("dieu 1: Pham vidiguchinh\n") != std::string::npos);
}
