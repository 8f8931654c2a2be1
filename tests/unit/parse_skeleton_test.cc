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

const char* const kHead = "NGHI DINH\nQuy dinh chi tiet mot so dieu\n\nCan cu Luat To chuc Chinh phu;\n\n";

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
