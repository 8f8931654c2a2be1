// The HTML page as a reader sees it: siblings of one level drawn alike, a note where the
// signature or the signer was not found, a table of contents for long documents.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "vanban/export.h"

namespace vanban {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

Section Item(const std::string& id, const std::string& level, const std::string& num, const std::string& heading,
             const std::string& text) {
  Section s;
  s.id = id;
  s.level = level;
  s.num = num;
  s.heading = heading;
  s.text = text;
  return s;
}

Document Signed() {
  Document d;
  d.header.doc_type = DocType{"KH", "KẾ HOẠCH", "1.4", "", {1, 1}};
  Signature sig;
  sig.position = "CHỦ TỊCH";
  sig.signer_name = "Nguyễn Văn A";
  d.signature = sig;
  return d;
}

TEST_CASE("html: khoản and điểm of one level look the same, titled or not") {
  Document d = Signed();
  Section muc = Item("IV", "muc", "IV", "TỔ CHỨC THỰC HIỆN", "");
  muc.children = {Item("IV.3", "khoan", "3", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", ""),
                  Item("IV.6", "khoan", "6", "", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã phối hợp.")};
  Section k2 = Item("IV.2", "khoan", "2", "Nhiệm vụ", "");
  k2.children = {Item("IV.2.a", "diem", "a", "Tuyên truyền", "Tổ chức hội nghị."),
                 Item("IV.2.b", "diem", "b", "", "Kiểm tra, giám sát.")};
  muc.children.insert(muc.children.begin() + 1, k2);
  d.body = {muc};
  std::string html = DocumentToHtml(d);
  // The mixed khoản group: numbered paragraphs, the title as running text.
  CHECK(html.find("<p id=\"s-IV.3\"><strong>3.</strong> Văn phòng Hội đồng nhân dân") != std::string::npos);
  CHECK(html.find("<p id=\"s-IV.2\"><strong>2.</strong> Nhiệm vụ</p>") != std::string::npos);
  CHECK(html.find("<p id=\"s-IV.6\"><strong>6.</strong> Đề nghị") != std::string::npos);
  CHECK(html.find("<h3") == std::string::npos);
  // The mixed điểm group: bold label only, in both.
  CHECK(html.find("<strong>a)</strong> Tuyên truyền Tổ chức hội nghị.") != std::string::npos);
  CHECK(html.find("<strong>b)</strong> Kiểm tra, giám sát.") != std::string::npos);
  // All titled: headings, as before.
  muc.children = {Item("IV.1", "khoan", "1", "Phòng Văn hóa - Xã hội", ""), Item("IV.2", "khoan", "2", "Công an xã", "")};
  d.body = {muc};
  html = DocumentToHtml(d);
  CHECK(Count(html, "<h3 id=\"s-IV.") == 2);
}

TEST_CASE("html: a missing signature or signer is said on the page") {
  Document d = Signed();
  CHECK(DocumentToHtml(d).find("class=\"missing\"") == std::string::npos);
  d.signature->signer_name.clear();
  CHECK(DocumentToHtml(d).find("<p class=\"missing\" role=\"note\">Không tìm thấy họ tên người ký.</p>") !=
        std::string::npos);
  d.signature.reset();
  CHECK(DocumentToHtml(d).find("<p class=\"missing\" role=\"note\">Không tìm thấy phần ký") != std::string::npos);
  d.administrative = false;  // not a document with a signature to miss
  CHECK(DocumentToHtml(d).find("class=\"missing\"") == std::string::npos);
}

TEST_CASE("html: a table of contents once the headings pass a screenful") {
  Document d = Signed();
  for (int i = 1; i <= 12; ++i) {
    d.body.push_back(Item("Đ" + std::to_string(i), "dieu", std::to_string(i), "Điều khoản " + std::to_string(i), "x"));
  }
  CHECK(DocumentToHtml(d).find("<nav class=\"toc\"") == std::string::npos);
  Section last = Item("Đ13", "dieu", "13", "Hiệu lực", "x");
  last.children = {Item("Đ13.1", "khoan", "1", "Hiệu lực thi hành", ""), Item("Đ13.2", "khoan", "2", "Trách nhiệm", "")};
  d.body.push_back(last);
  d.body.push_back(Item("Đ1", "dieu", "1", "Điều lặp số", "x"));  // a repeated number: its own id
  std::string html = DocumentToHtml(d);
  size_t nav = html.find("<nav class=\"toc\" aria-label=\"Mục lục\">");
  REQUIRE(nav != std::string::npos);
  CHECK(nav < html.find("<main>"));
  CHECK(html.find("<li><a href=\"#s-Đ1\">Điều 1. Điều khoản 1</a></li>") != std::string::npos);
  CHECK(html.find("<li><a href=\"#s-Đ1-2\">Điều 1. Điều lặp số</a></li>") != std::string::npos);
  CHECK(html.find("<li><ul>\n<li><a href=\"#s-Đ13.1\">1. Hiệu lực thi hành</a></li>") != std::string::npos);
  CHECK(Count(html, "<a href=\"#") == 16);
  // Every link has its target.
  for (const std::string id : {"s-Đ1", "s-Đ1-2", "s-Đ13.1", "s-Đ13.2"}) {
    CHECK(html.find("id=\"" + id + "\"") != std::string::npos);
  }
}

}  // namespace
}  // namespace vanban
