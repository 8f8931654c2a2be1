// Specks at a line's ends (restore/line_specks.h): what goes, what a writer may have put
// there and stays, and that nothing written before the gap is touched.
#include <doctest/doctest.h>

#include <string>

#include "restore/line_specks.h"

namespace {

// |written| is what the writer put out before the gap, |gap| the gap itself.
std::string Trim(const std::string& written, const std::string& gap, bool unit_end) {
  std::string text = written + gap;
  vanban::internal::TrimLineSpecks(&text, written.size(), written.empty(), unit_end);
  return text;
}

}  // namespace

TEST_CASE("line specks: marks the margins left after a line's last word go") {
  CHECK(Trim("của ngân hàng", "; : |\n", false) == "của ngân hàng;\n");
  CHECK(Trim("phương liên quan", ". . , |", true) == "phương liên quan.");
  CHECK(Trim("kể từ ngày", " 10/02/2019) . .\n", false) == "kể từ ngày 10/02/2019)\n");
  CHECK(Trim("KT. BỘ TRƯỞNG", ". _\n", false) == "KT. BỘ TRƯỞNG.\n");
  CHECK(Trim("vốn huy", " ~\n", false) == "vốn huy\n");  // a tilde alone: no writer's
  CHECK(Trim("dùng", " | 7 | :\n", false) == "dùng\n");   // a digit among specks
  CHECK(Trim("Nơi nhận:", " - . 7\n", false) == "Nơi nhận:\n");
}

TEST_CASE("line specks: what a writer puts at a line's end stays") {
  CHECK(Trim("kinh tế", " -\n", false) == "kinh tế -\n");       // "kinh tế - xã hội" wraps
  CHECK(Trim("như sau", " :\n", false) == "như sau :\n");       // spaced colon
  CHECK(Trim("khoản", " 7 |\n", false) == "khoản 7\n");          // a number a word names
  CHECK(Trim("Họ và tên:", " . . . .\n", false) == "Họ và tên: . . . .\n");  // a leader
  CHECK(Trim("== Tham khảo", " ==\n", false) == "== Tham khảo ==\n");      // a rule
  CHECK(Trim("Đảng ủy (báo cáo);", " *\n", false) == "Đảng ủy (báo cáo); *\n");  // a footnote mark
  CHECK(Trim("", "| : |\n", true) == "| : |\n");  // specks alone on a line are left
}

TEST_CASE("line specks: specks before a line's first word go, its bullet stays") {
  CHECK(Trim("hàng;", "\n| 3. ", false) == "hàng;\n3. ");
  CHECK(Trim("toàn bộ", "\n_ ", false) == "toàn bộ\n");
  CHECK(Trim("", "~ . ", false) == "");  // the unit's first line
  CHECK(Trim("hàng;", "\n_~ - ", false) == "hàng;\n- ");
  CHECK(Trim("hàng;", "\n- ", false) == "hàng;\n- ");
  CHECK(Trim("hàng;", "\n-. ", false) == "hàng;\n");  // a dash inside specks is no bullet
  CHECK(Trim("hàng;", "\n~-", false) == "hàng;\n~-");  // glued to the word: its piece
  CHECK(Trim("hàng;", "\n... ", false) == "hàng;\n... ");  // an ellipsis goes on
}

TEST_CASE("line specks: nothing written before the gap is touched") {
  // The word before the gap is itself a speck-like token; only the gap's specks go.
  CHECK(Trim("a |", " |\n", false) == "a | |\n");
  // A gap inside a line (no break, not the unit's end) is left as it is.
  CHECK(Trim("các", " | ", false) == "các | ");
}
