// Unsure words (pipeline/unsure_words.h): the restorer's doubts found again in the parsed
// values from a synthetic restoration (text + tokens) and record, and carried by the JSON
// record (written, left out when none, read back), the HTML page and the tasks table.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "archive/record_import.h"
#include "pipeline/unsure_words.h"
#include "vanban/document.h"
#include "vanban/export.h"
#include "vanban/restore.h"

namespace {

using vanban::Document;
using vanban::RestoredToken;
using vanban::UnsureWord;

// The token for the |nth| (0-based) occurrence of |word| in |text|.
RestoredToken Tok(const std::string& text, const std::string& word, int nth, double confidence,
                  std::vector<std::string> alternatives = {}, std::string written = "") {
  size_t at = text.find(word);
  for (int i = 0; i < nth; ++i) at = text.find(word, at + 1);
  REQUIRE(at != std::string::npos);
  RestoredToken t;
  t.out_begin = t.begin = at;
  t.out_end = t.end = at + word.size();
  t.restored = word;
  t.original = written.empty() ? word : written;
  t.confidence = confidence;
  for (auto& a : alternatives) t.alternatives.push_back({a, 0.1});
  return t;
}

const vanban::InputProfile kOcr{.clean = 0.001, .stripped = 0.001, .ocr = 0.998};

// A flattened two-column header, a subject over two lines, a section and a task.
const std::string kText =
    "ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"     // 10
    "XÃ NGHỈ DƯỠNG   Độc lập - Tự do - Hạnh phúc\n"               // 11
    "Kế hoạch về Nghỉ dưỡng và Nghỉ dưỡng\n"                      // 12
    "năm 2026 trên địa bàn xã Nghị Duwong.\n"                     // 13
    "I. MỤC Đích, YÊU CẦU\n"                                       // 14
    "Chủ trì: UBND xã; Phòng Văn hoá, Phòng Văn hoá\n"            // 15
    "Nguyễn Văn Ahn\n";                                            // 16

Document Record() {
  Document d;
  vanban::Issuer is;
  is.text = "ỦY BAN NHÂN DÂN XÃ NGHỈ DƯỠNG";
  is.lines = {10, 11};
  is.confidence = 0.6;  // as the parser guessed it
  d.header.issuer = is;
  vanban::TextValue subject;
  subject.text = "Kế hoạch về Nghỉ dưỡng và Nghỉ dưỡng năm 2026 trên địa bàn xã Nghị Duwong";
  subject.lines = {12, 13};
  d.header.subject = subject;
  vanban::Section s;
  s.id = "I";
  s.level = "muc";
  s.num = "I";
  s.heading = "MỤC Đích, YÊU CẦU";
  s.lines = {14, 15};
  d.body.push_back(s);
  vanban::Task t;
  t.task_id = "t1";
  t.task_text = "MỤC Đích, YÊU CẦU";
  t.lines = {14, 15};
  vanban::Role r;
  r.role = "lead";
  r.units = {"Ủy ban nhân dân xã", "Phòng Văn hóa", "Phòng Văn hóa"};  // respelled by the parser
  r.lines = {15, 15};
  t.roles.push_back(r);
  d.tasks.push_back(t);
  vanban::Signature sig;
  sig.signer_name = "Nguyễn Văn Ahn";
  sig.lines = {15, 16};
  d.signature = sig;
  return d;
}

std::vector<RestoredToken> Tokens() {
  return {
      Tok(kText, "XÃ", 0, 0.5, {"XA"}),               // the motto's: not the issuer's
      Tok(kText, "NGHỈ", 0, 0.62, {"NGHỊ"}, "NGHI"),  // the issuer's
      Tok(kText, "Nghỉ", 1, 0.7, {"Nghị"}),           // the second of the subject's two
      Tok(kText, "Duwong", 0, 0.79, {}, "Duwong"),    // kept as written
      Tok(kText, "Đích", 0, 0.95),                    // sure: not listed
      Tok(kText, "YÊU", 0, 0.8, {"YẾU"}),
      Tok(kText, "hoá", 1, 0.5, {"hòa"}),             // the second "Phòng Văn hoá"
      Tok(kText, "Ahn", 0, 0.4, {"Anh"}),
  };
}

}  // namespace

TEST_CASE("unsure words: each value lists its own, at their place in the value") {
  Document d = Record();
  const auto tokens = Tokens();
  vanban::internal::AttachUnsureWords(kText, tokens, kOcr, 10, &d);

  // Issuer: the "XÃ" before "NGHỈ" is the issuer's (sure), not the motto's unsure one.
  const auto& is = *d.header.issuer;
  REQUIRE(is.unsure_words.size() == 1);
  CHECK(is.unsure_words[0].word == "NGHỈ");
  CHECK(is.text.substr(is.unsure_words[0].offset, is.unsure_words[0].word.size()) == "NGHỈ");
  CHECK(is.unsure_words[0].written == "NGHI");
  CHECK(is.unsure_words[0].alternatives == std::vector<std::string>{"NGHỊ"});
  CHECK(is.unsure_words[0].line == 11);
  CHECK(is.confidence == doctest::Approx(0.6 * 0.62));

  // Subject over two lines: the second "Nghỉ" of line 12 (the same word twice) and the
  // kept "Duwong" of line 13, at their offsets in the joined value.
  const auto& sub = *d.header.subject;
  REQUIRE(sub.unsure_words.size() == 2);
  CHECK(sub.unsure_words[0].word == "Nghỉ");
  CHECK(sub.unsure_words[0].offset == static_cast<int>(sub.text.rfind("Nghỉ")));
  CHECK(sub.unsure_words[0].line == 12);
  CHECK(sub.unsure_words[1].word == "Duwong");  // without the full stop after it
  CHECK(sub.unsure_words[1].offset == static_cast<int>(sub.text.find("Duwong")));
  CHECK(sub.unsure_words[1].line == 13);
  CHECK(sub.confidence == doctest::Approx(0.7 * 0.79));

  // Heading: "YÊU" only ("Đích" is above the threshold).
  REQUIRE(d.body[0].unsure_words.size() == 1);
  CHECK(d.body[0].unsure_words[0].word == "YÊU");
  CHECK(d.body[0].unsure_words[0].offset == static_cast<int>(d.body[0].heading.find("YÊU")));

  // Units in order: the third unit takes the second "hoá" (respelled "hóa" by the parser).
  const auto& role = d.tasks[0].roles[0];
  REQUIRE(role.unsure_words.size() == 1);
  CHECK(role.unsure_words[0].unit == 2);
  CHECK(role.unsure_words[0].word == "hóa");
  CHECK(role.unsure_words[0].offset == static_cast<int>(std::string("Phòng Văn hóa").find("hóa")));
  // The task's confidence takes in its title's and its units' words.
  REQUIRE(d.tasks[0].unsure_words.size() == 1);
  CHECK(d.tasks[0].confidence == doctest::Approx(0.8 * 0.5));

  // The signer's name, at the end of the signature's lines.
  REQUIRE(d.signature->unsure_words.size() == 1);
  CHECK(d.signature->unsure_words[0].word == "Ahn");
}

TEST_CASE("unsure words: a value without any, or a sure text, keeps its record exactly") {
  Document d = Record();
  const std::string before = vanban::DocumentToJson(d);
  std::vector<RestoredToken> sure = Tokens();
  for (auto& t : sure) t.confidence = vanban::kUnsureConfidence;  // at the threshold: sure
  vanban::internal::AttachUnsureWords(kText, sure, kOcr, 10, &d);
  CHECK(vanban::DocumentToJson(d) == before);
  CHECK(before.find("unsure_words") == std::string::npos);
  CHECK(d.header.issuer->confidence == 0.6);
}

TEST_CASE("unsure words: in a clean text, a word left as written is not listed, a changed one is") {
  Document d = Record();
  std::vector<RestoredToken> tokens = Tokens();
  tokens[1].original = "NGHỈ";  // the issuer's word as written (unchanged), 0.62
  tokens[2].original = "Nghi";  // the subject's second "Nghỉ", changed, 0.7
  const vanban::InputProfile clean{.clean = 0.998, .stripped = 0.001, .ocr = 0.001};
  vanban::internal::AttachUnsureWords(kText, tokens, clean, 10, &d);
  CHECK(d.header.issuer->unsure_words.empty());
  CHECK(d.header.issuer->confidence == 0.6);
  REQUIRE(d.header.subject->unsure_words.size() == 1);  // not "Duwong", kept as written
  CHECK(d.header.subject->unsure_words[0].word == "Nghỉ");
  CHECK(d.header.subject->unsure_words[0].written == "Nghi");
}

TEST_CASE("unsure words: out-of-range lines and a first line elsewhere find nothing and do not fail") {
  Document d = Record();
  const auto tokens = Tokens();
  d.header.subject->lines = {500, 900};
  vanban::internal::AttachUnsureWords(kText, tokens, kOcr, 1, &d);  // the record's lines read as 1-based: shifted by 9
  CHECK(d.header.subject->unsure_words.empty());
}

TEST_CASE("unsure words: the JSON record writes them and the JSONL import reads them back") {
  Document d = Record();
  d.source.path = "seed.txt";
  vanban::internal::AttachUnsureWords(kText, Tokens(), kOcr, 10, &d);
  const std::string json = vanban::DocumentToJson(d);
  CHECK(json.find("\"unsure_words\":[{\"word\":\"NGHỈ\",\"offset\":24,\"written\":\"NGHI\",\"confidence\":0.62,"
                  "\"alternatives\":[\"NGHỊ\"],\"line\":11}]") != std::string::npos);
  CHECK(json.find("\"unsure_words\":[{\"unit\":2,\"word\":\"hóa\"") != std::string::npos);
  auto back = vanban::internal::RecordFromJsonLine(json);
  REQUIRE(back.ok());
  CHECK(vanban::DocumentToJson(back->doc) == json);
}

TEST_CASE("unsure words: export html marks them, escaped, and the tasks table lists them") {
  Document d = Record();
  vanban::internal::AttachUnsureWords(kText, Tokens(), kOcr, 10, &d);
  d.header.subject->unsure_words[1].alternatives = {"\"<Dương>&"};
  const std::string html = vanban::DocumentToHtml(d);
  CHECK(html.find("<div class=\"organ\">ỦY BAN NHÂN DÂN XÃ <mark class=\"unsure\" title=\"Chưa chắc: 0.62 · viết: "
                  "NGHI · có thể: NGHỊ\">NGHỈ</mark> DƯỠNG</div>") != std::string::npos);
  CHECK(html.find("<mark class=\"unsure\" title=\"Chưa chắc: 0.79 · có thể: &quot;&lt;Dương&gt;&amp;\">Duwong</mark>") !=
        std::string::npos);
  CHECK(html.find(">I. MỤC Đích, <mark class=\"unsure\" title=\"Chưa chắc: 0.80 · có thể: YẾU\">YÊU</mark> CẦU<") !=
        std::string::npos);
  CHECK(html.find("mark.unsure{") != std::string::npos);

  const auto rows = vanban::TaskRows(d);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].back() == "YÊU (0.80, YẾU); hóa (0.50, hòa)");
  CHECK(rows[0][rows[0].size() - 3] == "0.40");  // confidence
  CHECK(vanban::TaskColumns().back() == "unsure_words");
}
