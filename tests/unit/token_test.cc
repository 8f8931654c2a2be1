#include "vanban/token.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "token/shapes.h"

namespace vanban {
namespace {

// Checks every invariant of the tokenizer's output for |text|.
void CheckInvariants(std::string_view text) {
  const std::vector<Token> tokens = Tokenize(text);
  std::string joined;
  uint32_t expected_begin = 0;
  uint32_t line = 1;
  for (const Token& t : tokens) {
    REQUIRE(t.begin == expected_begin);
    REQUIRE(t.end > t.begin);
    REQUIRE(t.line == line);
    const std::string_view piece = t.text(text);
    joined += piece;
    if (t.kind == TokenKind::kNewline) {
      REQUIRE((piece == "\n" || piece == "\r" || piece == "\r\n"));
      ++line;
    } else {
      REQUIRE(piece.find_first_of("\r\n") == std::string_view::npos);
    }
    if (t.kind == TokenKind::kPunct) REQUIRE(piece.size() <= 4);
    expected_begin = t.end;
  }
  REQUIRE(expected_begin == text.size());
  REQUIRE(joined == text);
}

// "kind:text" for every token that is not white space, joined by " | ".
std::string Dump(std::string_view text) {
  std::string out;
  for (const Token& t : Tokenize(text)) {
    if (t.kind == TokenKind::kSpace || t.kind == TokenKind::kNewline) continue;
    if (!out.empty()) out += " | ";
    out += TokenKindName(t.kind);
    out += ':';
    out += t.text(text);
  }
  return out;
}

// Kind of |text| when it is exactly one token, else kSpace as a "not one token" marker
// (no single-token test below expects white space).
TokenKind SingleKind(std::string_view text) {
  const std::vector<Token> tokens = Tokenize(text);
  if (tokens.size() != 1) return TokenKind::kSpace;
  return tokens[0].kind;
}

TEST_CASE("empty input gives no tokens") { CHECK(Tokenize("").empty()); }

TEST_CASE("token kind names") {
  CHECK(TokenKindName(TokenKind::kVietWord) == "viet_word");
  CHECK(TokenKindName(TokenKind::kNewline) == "newline");
}

TEST_CASE("round trip on inline documents") {
  const char* docs[] = {
      "UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM\n\nXA NGHI DUONG Poc lap - Tu do\n",
      "S6:34 /KH-UBND Nghi Duong, ngay 21thang 01 nam 2026\nKE HOACH\n",
      "Trién khai thue hién Nghi quyét sé6 20/NQ-HPND ngay 19/12/2025 cia Hoi\r\n",
      "dan chi & co sé trén dia ban xa Nghi Duwong c¢6 lién quan x4, X& .\r",
      "Số: /KH-UBND\n\nBình Giang, ngày tháng 01 năm 2025\n\t\t2026-01-26T17:37:54+0700\n",
      "Theo Hudng dan séﬂOZ-HD/BTGDVTU ngay 04/11/2025 cta Ban Tuyén gido\n",
      "Email: vanthu@binhgiang.gov.vn; web https://binhgiang.gov.vn/a?b=1.\n",
      "\xef\xbb\xbf\xff\xfe a\xc3 \xed\xa0\x80 \xc0\xaf \xf4\x90\x80\x80 end",
      "\n\n\r\n\r\r\n",
      "   \t \xc2\xa0\xe3\x80\x80 ",
  };
  for (const char* doc : docs) {
    CAPTURE(doc);
    CheckInvariants(doc);
  }
}

TEST_CASE("round trip on the repository's seed documents") {
  const std::filesystem::path dir = std::filesystem::path(VANBAN_SOURCE_DIR) / "samples" / "seeds";
  if (!std::filesystem::is_directory(dir)) return;  // seeds not copied in yet
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(entry.path().string());
    CheckInvariants(bytes);
    ++files;
  }
  CHECK(files > 0);
}

TEST_CASE("round trip on random bytes") {
  std::mt19937 rng(12345);
  // Bytes drawn mostly from the characters that drive the tokenizer's decisions.
  const std::string alphabet = "aZ09/-.,:+@&|_ \t\r\n\xc3\xa1\xe1\xbb\x87\xcc\x81\xff\xc2\xa2";
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 64, '\0');
    for (char& c : s) c = (rng() % 4 == 0) ? static_cast<char>(rng()) : alphabet[rng() % alphabet.size()];
    CAPTURE(s);
    CheckInvariants(s);
  }
}

TEST_CASE("Vietnamese words") {
  CHECK(SingleKind("Việt") == TokenKind::kVietWord);
  CHECK(SingleKind("nghiêng") == TokenKind::kVietWord);
  CHECK(SingleKind("Trien") == TokenKind::kVietWord);
  CHECK(SingleKind("ĐƯỜNG") == TokenKind::kVietWord);
  CHECK(SingleKind("xa") == TokenKind::kVietWord);
  CHECK(Dump("Kế hoạch") == "viet_word:Kế | viet_word:hoạch");
}

TEST_CASE("other words: foreign words and OCR garbage stay whole") {
  CHECK(SingleKind("facebook") == TokenKind::kOtherWord);
  CHECK(SingleKind("UBND") == TokenKind::kOtherWord);
  CHECK(SingleKind("x4") == TokenKind::kOtherWord);
  CHECK(SingleKind("s6") == TokenKind::kOtherWord);
  CHECK(SingleKind("1am") == TokenKind::kOtherWord);
  CHECK(SingleKind("H6i") == TokenKind::kOtherWord);
  CHECK(SingleKind("c¢6") == TokenKind::kOtherWord);
  CHECK(SingleKind("¢6") == TokenKind::kOtherWord);
  CHECK(SingleKind("nhi€ém") == TokenKind::kOtherWord);
  CHECK(SingleKind("x&") == TokenKind::kOtherWord);
  CHECK(SingleKind("21thang") == TokenKind::kOtherWord);
  CHECK(SingleKind("séﬂOZ") == TokenKind::kOtherWord);
  CHECK(Dump("x&, X&.") == "other_word:x& | punct:, | other_word:X& | punct:.");
  CHECK(Dump("S6:34") == "other_word:S6 | punct:: | number:34");
}

TEST_CASE("OCR symbols alone or between capitals are punctuation") {
  CHECK(Dump("dan chi & co") == "viet_word:dan | viet_word:chi | punct:& | viet_word:co");
  CHECK(Dump("trong ¢ co") == "viet_word:trong | punct:¢ | viet_word:co");
  CHECK(Dump("HĐND&UBND") == "other_word:HĐND | punct:& | other_word:UBND");
  CHECK(Dump("a | b") == "viet_word:a | punct:| | other_word:b");
  CHECK(Dump("1|2") == "number:1 | punct:| | number:2");
}

TEST_CASE("numbers") {
  for (const char* s : {"12", "3,5", "2.5", "1.000.000", "1.000,5", "0700"}) {
    CAPTURE(s);
    CHECK(SingleKind(s) == TokenKind::kNumber);
  }
  CHECK(Dump("1.1. Mục") == "number:1.1 | punct:. | viet_word:Mục");
  CHECK(Dump("3,5%") == "number:3,5 | punct:%");
  CHECK(Dump("17:37") == "number:17 | punct:: | number:37");
}

TEST_CASE("document symbols") {
  for (const char* s : {"20/NQ-HĐND", "61/2023/NĐ-CP", "55-NQ/TU", "34/KH-UBND", "NĐ-CP", "NQ-HPND",
                        "KH-UBND", "QĐ-TTg", "02-HD/BTGDVTU", "10/2023/QH15", "20/INQ"}) {
    CAPTURE(s);
    CHECK(SingleKind(s) == TokenKind::kSymbol);
  }
  CHECK(Dump("số 20/NQ-HĐND.") == "viet_word:số | symbol:20/NQ-HĐND | punct:.");
  CHECK(Dump("S6:34 /KH-UBND") == "other_word:S6 | punct:: | number:34 | punct:/ | symbol:KH-UBND");
  CHECK(Dump("20/INQ- HPND") == "symbol:20/INQ | punct:- | other_word:HPND");
  // Mixed-case words joined by a hyphen are not symbols.
  CHECK(Dump("Hà-Nội") == "viet_word:Hà | punct:- | viet_word:Nội");
  CHECK(Dump("Covid-19") == "other_word:Covid | punct:- | number:19");
}

TEST_CASE("dates") {
  for (const char* s : {"19/12/2025", "05/6", "1/1/2026", "12/2025", "1/1/26", "19-12-2025",
                        "19.12.2025", "2026-01-26", "2026-01-26T17:37:54+0700", "2026-01-26T17:37Z",
                        "2026-01-26T17:37:54.123+07:00"}) {
    CAPTURE(s);
    CHECK(SingleKind(s) == TokenKind::kDate);
  }
  CHECK(Dump("ngày 19/12/2025, của") == "viet_word:ngày | date:19/12/2025 | punct:, | viet_word:của");
  // Not dates: impossible day or month, a time part that does not parse.
  CHECK(Dump("32/12") == "number:32 | punct:/ | number:12");
  CHECK(Dump("5/13") == "number:5 | punct:/ | number:13");
  CHECK(Dump("2026-13-01") == "number:2026 | punct:- | number:13 | punct:- | number:01");
  CHECK(Dump("2026-01-26T1") == "number:2026 | punct:- | number:01 | punct:- | other_word:26T1");
}

TEST_CASE("URLs and e-mail addresses") {
  for (const char* s : {"http://a.vn", "https://binhgiang.gov.vn/van-ban?id=1&x=2", "www.chinhphu.vn",
                        "a.b@c.gov.vn", "van_thu@ubnd.hanoi.gov.vn", "HTTPS://X.VN/Đường"}) {
    CAPTURE(s);
    CHECK(SingleKind(s) == TokenKind::kUrl);
  }
  CHECK(Dump("(xem https://a.vn/b).") == "punct:( | viet_word:xem | url:https://a.vn/b | punct:) | punct:.");
  CHECK(Dump("https://vi.wikipedia.org/wiki/A_(B)") == "url:https://vi.wikipedia.org/wiki/A_(B)");
  CHECK(Dump("Email:abc@x.vn;") == "other_word:Email | punct:: | url:abc@x.vn | punct:;");
  CHECK(Dump("xem:https://a.vn") == "viet_word:xem | punct:: | url:https://a.vn");
  CHECK(Dump("“www.a.vn”") == "punct:“ | url:www.a.vn | punct:”");
  // Not URLs or addresses.
  CHECK(Dump("http:// x") == "other_word:http | punct:: | punct:/ | punct:/ | other_word:x");
  CHECK(Dump("a@b") == "viet_word:a | punct:@ | other_word:b");
  CHECK(Dump("a@b.c") == "viet_word:a | punct:@ | other_word:b | punct:. | other_word:c");
}

TEST_CASE("white space runs") {
  const std::string text = "a \t\xc2\xa0\xe2\x80\x83 b";
  const std::vector<Token> tokens = Tokenize(text);
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[1].kind == TokenKind::kSpace);
  CHECK(tokens[1].text(text) == " \t\xc2\xa0\xe2\x80\x83 ");
}

TEST_CASE("line numbers count \\n, \\r\\n and a lone \\r") {
  const std::string text = "a\nb\r\nc\rd\n\ne";
  const std::vector<Token> tokens = Tokenize(text);
  std::vector<std::pair<std::string, uint32_t>> got;
  for (const Token& t : tokens) got.emplace_back(std::string(t.text(text)), t.line);
  const std::vector<std::pair<std::string, uint32_t>> want = {
      {"a", 1}, {"\n", 1}, {"b", 2}, {"\r\n", 2}, {"c", 3}, {"\r", 3},
      {"d", 4}, {"\n", 4}, {"\n", 5}, {"e", 6}};
  CHECK(got == want);
}

TEST_CASE("invalid UTF-8 becomes one-byte punctuation") {
  const std::string text = "a\xff\xc3(\xed\xa0\x80";
  const std::vector<Token> tokens = Tokenize(text);
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[0].kind == TokenKind::kVietWord);
  for (size_t i = 1; i < tokens.size(); ++i) {
    CHECK(tokens[i].kind == TokenKind::kPunct);
    CHECK(tokens[i].end - tokens[i].begin == 1);
  }
  CheckInvariants(text);
}

TEST_CASE("NFD input keeps a word whole") {
  const std::string nfd = "Vie\xcc\xa3\xcc\x82t Nam";  // "Việt" with combining marks
  CHECK(Dump(nfd) == "viet_word:Vie\xcc\xa3\xcc\x82t | viet_word:Nam");
  CheckInvariants(nfd);
}

TEST_CASE("pathological inputs stay linear and lossless") {
  for (const std::string unit : {"a_", "1-", "a.", "A-", "1/", "a@", "x&", "\xff"}) {
    std::string s;
    for (int i = 0; i < 20000; ++i) s += unit;
    CAPTURE(unit);
    CheckInvariants(s);
  }
}

TEST_CASE("big texts (syllable cache) classify like small ones") {
  const std::string unit = "Nghị quyết số 20/NQ-HĐND của Hội đồng nhân dân xã x4 facebook Trien ĐƯỜNG\n";
  std::string big;
  while (big.size() < (1 << 17)) big += unit;
  const std::vector<Token> tokens = Tokenize(big);
  const std::vector<Token> small = Tokenize(unit);
  REQUIRE(tokens.size() % small.size() == 0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(i);
    REQUIRE(tokens[i].kind == small[i % small.size()].kind);
  }
}

TEST_CASE("shape matchers") {
  using internal::MatchEmail;
  using internal::MatchIsoDateTime;
  using internal::MatchUrl;
  CHECK(MatchUrl("www.a.vn.", 0) == 8);
  CHECK(MatchUrl("www.", 0) == 0);
  CHECK(MatchUrl("http://a.vn/x,y,", 0) == 15);
  CHECK(MatchEmail("a.b@c.gov.vn.", 0) == 12);
  CHECK(MatchEmail("a.@c.vn", 0) == 0);
  CHECK(MatchEmail("a@c.v", 0) == 0);
  CHECK(MatchIsoDateTime("2026-01-26", 0) == 10);
  CHECK(MatchIsoDateTime("2026-01-26T17:37:54+0700", 0) == 24);
  CHECK(MatchIsoDateTime("2026-01-26T17:3", 0) == 10);
  CHECK(MatchIsoDateTime("2026-00-26", 0) == 0);
}

}  // namespace
}  // namespace vanban
