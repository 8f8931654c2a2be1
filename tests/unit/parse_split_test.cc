// SplitDocuments: a file holding several documents one after another is cut where each
// new header starts; a single document (with appendices whose forms carry mottos) is not.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "test_files.h"
#include "vanban/parse.h"

namespace {

namespace fs = std::filesystem;

std::string Sample(const std::string& name) {
  return vanban::test::ReadFileBytes(fs::path(VANBAN_SOURCE_DIR) / "samples" / name);
}

size_t Lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("every sample is one document") {
  for (const char* dir : {"ocrsim", "seeds"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(VANBAN_SOURCE_DIR) / "samples" / dir)) {
      if (entry.path().extension() != ".txt") continue;
      INFO(entry.path().string());
      const std::string text = vanban::test::ReadFileBytes(entry.path());
      CHECK(vanban::SplitDocuments(text).size() == 1);
    }
  }
}

TEST_CASE("two documents one after another are two parts, each parsed whole") {
  const std::string first = Sample("ocrsim/cong_van_1245_ubnd.clean.txt");
  const std::string second = Sample("ocrsim/quyet_dinh_169_2025.clean.txt");
  REQUIRE(!first.empty());
  REQUIRE(!second.empty());
  for (const std::string& gap : {std::string("\n\n"), std::string("\n")}) {
    const std::string both = first + gap + second;
    const auto parts = vanban::SplitDocuments(both);
    REQUIRE(parts.size() == 2);
    CHECK(std::string(parts[0].text) + std::string(parts[1].text) == both);  // nothing lost
    CHECK(parts[0].first_line == 1);
    CHECK(parts[1].first_line == static_cast<int>(Lines(first + gap)) + 1);
    CHECK(parts[1].text.substr(0, 20) == std::string_view(second).substr(0, 20));

    vanban::ParseOptions po;
    po.first_line = parts[1].first_line;
    auto doc = vanban::ParseDocument(parts[1].text, po);
    REQUIRE(doc.ok());
    REQUIRE(doc->header.number_symbol);
    CHECK(doc->header.number_symbol->number == "169");
    // Line numbers count in the whole file.
    CHECK(doc->header.number_symbol->lines.start > parts[1].first_line - 1);
  }
  // The same with the OCR'd texts of the two documents.
  const auto ocr = vanban::SplitDocuments(Sample("ocrsim/cong_van_1245_ubnd.txt") + Sample("ocrsim/quyet_dinh_169_2025.txt"));
  CHECK(ocr.size() == 2);
}

TEST_CASE("a công văn further down a file is parsed as it is alone") {
  // Line numbers count from first_line, line indices from 0. The header once took its end
  // from the "V/v" subject's line number: a công văn that was not a file's first document
  // lost its body to the header and wrote past the end of the parser's line table.
  const std::string text = Sample("ocrsim/cong_van_1245_ubnd.clean.txt");
  REQUIRE(!text.empty());
  vanban::ParseOptions later;
  later.first_line = 400;
  auto alone = vanban::ParseDocument(text, vanban::ParseOptions());
  auto moved = vanban::ParseDocument(text, later);
  REQUIRE(alone.ok());
  REQUIRE(moved.ok());
  REQUIRE(alone->header.subject);
  REQUIRE(moved->header.subject);
  CHECK(moved->header.subject->lines.start == alone->header.subject->lines.start + 399);
  REQUIRE(!alone->body.empty());
  CHECK(moved->body.size() == alone->body.size());
  CHECK(moved->tasks.size() == alone->tasks.size());
  CHECK(moved->recipients.has_value() == alone->recipients.has_value());
}

TEST_CASE("a document after one with an appendix is a part of its own; a form in the appendix is not") {
  // The appendix of the first (after its signature) once ended the search: every later
  // document became part of its last appendix.
  const std::string form =
      "Mẫu số 01\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: ......./.......\n............, ngày ...... tháng ...... năm ......\nĐƠN ĐỀ NGHỊ\n"
      "Kính gửi: ..............................\n";
  for (const char* suffix : {".clean.txt", ".txt"}) {
    INFO(suffix);
    const std::string first = Sample(std::string("ocrsim/nghi_quyet_17_2026") + suffix);
    const std::string second = Sample(std::string("ocrsim/quyet_dinh_169_2025") + suffix);
    REQUIRE(!first.empty());
    REQUIRE(!second.empty());
    const auto parts = vanban::SplitDocuments(first + second);
    REQUIRE(parts.size() == 2);
    CHECK(parts[1].first_line == static_cast<int>(Lines(first)) + 1);
    CHECK(vanban::SplitDocuments(first + form).size() == 1);
    const auto three = vanban::SplitDocuments(first + form + second);
    REQUIRE(three.size() == 2);
    CHECK(three[1].first_line == static_cast<int>(Lines(first + form)) + 1);
  }
}

TEST_CASE("a form after a form's sign-off is the same document (an appendix of forms without Phụ lục)") {
  // Test document 05 of the bench: a circular's forms, each with its motto and blanks.
  const std::string signed_form =
      "Mẫu số 01. Tờ trình đề nghị thành lập hội đồng trường\n......(1).....\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "......., ngày... tháng.... năm 20...\nTỜ TRÌNH\nKính gửi: ..........\nNội dung đề nghị.\n"
      "Nơi nhận:\n- Như trên;\n- Lưu VT.\n(ký tên, đóng dấu, ghi rõ họ tên)\n";
  for (const char* head : {"Mẫu số 02. Biên bản họp bầu hội đồng trường\n", "Mau s6 02. Bién ban hop bau hdi dong\n"}) {
    INFO(head);
    const std::string next = std::string(head) +
                             "......(1).....\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                             "......., ngày... tháng.... năm 20...\nBIÊN BẢN HỌP\nI. Thời gian, địa điểm\n";
    CHECK(vanban::SplitDocuments(signed_form + next).size() == 1);
  }
}
