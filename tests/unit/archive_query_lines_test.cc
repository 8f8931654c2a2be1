// Many searches over one connection (`search --queries`): query lines read strictly
// (plain words, or a JSON object with its own filters), answered in order with the same
// hits as one search each, bad lines answered with their error, and no line read before
// the one before it is answered (streaming through a pipe).
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "archive_test_helpers.h"
#include "vanban/archive.h"
#include "vanban/document.h"

namespace vanban {
namespace {

std::string TempDir(const char* name) { return FreshTempDir("query_lines_test", name); }

void Put(Archive& a, const std::string& path, const std::string& code, const std::string& label,
         const std::string& date, const std::string& subject, const std::string& text) {
  Document d;
  d.source.path = path;
  d.header.doc_type = DocType{code, label, "", "", {}};
  d.header.issued_date = DateValue{"", date, false, false, {}};
  d.header.subject = TextValue{subject, "", {}, 1, {}, {}};
  Put(a, d, text);
}

// Three documents: two plans (2025, 2026) and a decision, all about "dân chủ".
std::unique_ptr<Archive> SmallArchive(const std::string& dir) {
  auto opened = Archive::Open(dir + "/a.sqlite");
  REQUIRE(opened.ok());
  Archive& a = **opened;
  Put(a, "/x/kh2025.txt", "KH", "KẾ HOẠCH", "2025-05-01", "Kế hoạch thực hiện dân chủ năm 2025",
      "Thực hiện dân chủ ở cơ sở trên địa bàn xã năm 2025.");
  Put(a, "/x/kh2026.txt", "KH", "KẾ HOẠCH", "2026-03-01", "Kế hoạch thực hiện dân chủ năm 2026",
      "Thực hiện dân chủ ở cơ sở, kiểm tra giám sát năm 2026.");
  Put(a, "/x/qd.txt", "QĐ", "QUYẾT ĐỊNH", "2026-04-01", "Quyết định ban hành quy chế dân chủ",
      "Ban hành quy chế dân chủ trong cơ quan.");
  return std::move(*opened);
}

std::string HitsJson(const std::vector<SearchHit>& hits) {
  std::string out;
  for (const SearchHit& h : hits) out += (out.empty() ? "" : ",") + SearchHitJson(h);
  return "[" + out + "]";
}

struct Session {
  std::vector<QueryLineAnswer> answers;
  Result<QuerySessionStats> stats = Status::Internal("not run");
};

Session Answer(Archive& a, const std::string& input, const SearchQuery& defaults = {}) {
  Session s;
  std::istringstream in(input);
  s.stats = AnswerQueryLines(a, in, defaults, [&](const QueryLineAnswer& answer) {
    s.answers.push_back(answer);
    return Status::Ok();
  });
  return s;
}

TEST_CASE("query lines: plain words, or a JSON object whose members replace the command line's") {
  SearchQuery defaults;
  defaults.type = "KH";
  defaults.limit = 5;
  auto plain = ParseQueryLine("  \"dan chu\" co so", defaults);
  REQUIRE(plain.ok());
  CHECK(plain->text == "  \"dan chu\" co so");
  CHECK(plain->type == "KH");
  CHECK(plain->limit == 5);
  auto object = ParseQueryLine(
      R"( {"query": "dân chủ", "type": "", "issuer": "binh", "from": "2025", "to": "2026-02", "exact": true, "limit": 3})",
      defaults);
  REQUIRE(object.ok());
  CHECK(object->text == "dân chủ");
  CHECK(object->type.empty());
  CHECK(object->issuer == "binh");
  CHECK(object->from == "2025");
  CHECK(object->to == "2026-02");
  CHECK(object->exact);
  CHECK(object->limit == 3);
  // Without "query": the documents the filters select.
  auto listing = ParseQueryLine(R"({"from": "2026"})", defaults);
  REQUIRE(listing.ok());
  CHECK(listing->text.empty());
  CHECK(listing->type == "KH");

  auto refused = [&](std::string_view line, std::string_view why) {
    auto q = ParseQueryLine(line, defaults);
    REQUIRE_FALSE(q.ok());
    CHECK(q.status().code() == StatusCode::kInvalidArgument);
    CHECK_MESSAGE(q.status().message().find(why) != std::string::npos, q.status().message());
  };
  refused("...", "query: '...' has no words to search for");
  refused("{\"query\": \"dan\"", "not a JSON object");
  refused("{\"query\": \"dan\"} x", "not a JSON object");
  refused(R"({"query": "dan", "typ": "KH"})", "unknown member \"typ\" (a query line's object may have query, type");
  refused(R"({"query": "dan", "query": "chu"})", "member \"query\" given twice");
  refused(R"({"query": 7})", "\"query\" must be a string");
  refused(R"({"query": "dan", "type": null})", "\"type\" must be a string");
  refused(R"({"query": "dan", "exact": "yes"})", "\"exact\" must be true or false");
  refused(R"({"query": "dan", "limit": 0})", "\"limit\" must be a whole number from 1 to 10000");
  refused(R"({"query": "dan", "limit": 2.5})", "\"limit\" must be a whole number");
  refused(R"({"query": "dan", "limit": 18446744073709551615})", "\"limit\" must be a whole number");
  refused(R"({"query": "dan", "from": "2026-13"})", "from: not a date: '2026-13' (there is no month 13)");
  refused(R"({"query": "dan", "to": "2026-02-30"})", "to: not a date");
  refused(R"({"query": " "})", "query: empty: give words to search for");
  refused(R"({"query": "*"})", "query: '*' has no words");
}

TEST_CASE("a query session answers each line as one search would, in order, bad lines with their error") {
  std::string dir = TempDir("session");
  auto archive = SmallArchive(dir);
  Archive& a = *archive;
  SearchQuery defaults;
  defaults.from = "2026";
  const std::string input =
      "\xEF\xBB\xBF"
      "dan chu\r\n"
      "\n"
      "   \n"
      R"({"query": "dan chu", "from": "", "type": "KH"})"
      "\n"
      "{\"query\": \"dan\", \"bad\": 1}\n"
      "...\n"
      "khong co tu nay\n"
      R"({"type": "qd"})"
      "\n"
      "dan chu";  // the last line without its newline is answered too
  Session s = Answer(a, input, defaults);
  REQUIRE(s.stats.ok());
  REQUIRE(s.answers.size() == 7);
  CHECK(s.stats->answered == 5);
  CHECK(s.stats->without_hits == 1);
  CHECK(s.stats->failed == 2);

  // Line numbers count the blank lines; the answers are those of single searches.
  auto single = [&](const std::string& text, const std::string& from, const std::string& type) {
    SearchQuery q = defaults;
    q.text = text;
    q.from = from;
    q.type = type;
    auto hits = a.Search(q);
    REQUIRE(hits.ok());
    return HitsJson(*hits);
  };
  const QueryLineAnswer& first = s.answers[0];
  CHECK(first.line == 1);
  REQUIRE(first.query);
  CHECK(*first.query == "dan chu");
  CHECK(first.error.ok());
  CHECK(first.hits.size() == 2);
  CHECK(first.json == R"({"line":1,"query":"dan chu","hits":)" + single("dan chu", "2026", "") + "}");
  CHECK(s.answers[1].line == 4);
  CHECK(s.answers[1].hits.size() == 2);
  CHECK(s.answers[1].json == R"({"line":4,"query":"dan chu","hits":)" + single("dan chu", "", "KH") + "}");
  CHECK(s.answers[2].line == 5);
  CHECK_FALSE(s.answers[2].query);
  CHECK(s.answers[2].json ==
        R"j({"line":5,"query":null,"error":"unknown member \"bad\" (a query line's object may have query, type, issuer, from, to, exact, limit)"})j");
  CHECK(s.answers[3].line == 6);
  CHECK(s.answers[3].json == R"j({"line":6,"query":"...","error":"query: '...' has no words to search for (only punctuation)"})j");
  CHECK(s.answers[4].json == R"({"line":7,"query":"khong co tu nay","hits":[]})");
  // A listing: no query, the filters' documents newest first.
  CHECK(s.answers[5].line == 8);
  CHECK_FALSE(s.answers[5].query);
  REQUIRE(s.answers[5].hits.size() == 1);
  CHECK(s.answers[5].hits[0].path == "/x/qd.txt");
  CHECK(s.answers[5].json.starts_with(R"({"line":8,"query":null,"hits":[{"path":"/x/qd.txt","symbol":null,)"));
  CHECK(s.answers[6].line == 9);
  CHECK(s.answers[6].json == first.json.substr(0, 8) + "9" + first.json.substr(9));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a query has at most kMaxSearchWords words, and a longer line is skipped unread, not kept") {
  std::string dir = TempDir("limits");
  auto archive = SmallArchive(dir);
  Archive& a = *archive;
  auto words = [](size_t n) {
    std::string text;
    for (size_t i = 0; i < n; ++i) text += i % 2 ? "chu " : "dan ";
    return text;
  };
  SearchQuery q;
  q.text = words(kMaxSearchWords);
  CHECK(a.Search(q).ok());
  // Same words repeated thousands of times took FTS5 minutes: refused by the library itself.
  q.text = words(kMaxSearchWords + 1);
  auto refused = a.Search(q);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  CHECK(refused.status().message() == "query: 101 words: a query has at most 100 (search for the distinctive ones)");
  q.text = "\"" + words(kMaxSearchWords / 2) + "\" " + words(kMaxSearchWords / 2 + 1);  // a phrase counts its words
  CHECK_FALSE(a.Search(q).ok());
  q.text = std::string(kMaxSearchQueryBytes + 1, 'x');
  CHECK_FALSE(a.Search(q).ok());

  // A line of a megabyte (a file without newlines) is answered with an error; the next is read.
  const std::string input = "dan chu " + std::string(1 << 20, 'x') + "\n" + words(kMaxSearchWords + 1) + "\ndan chu\n";
  Session s = Answer(a, input);
  REQUIRE(s.stats.ok());
  REQUIRE(s.answers.size() == 3);
  CHECK(s.answers[0].json == R"j({"line":1,"query":null,"error":"longer than 16000 bytes: not read (a query has at most 2000)"})j");
  CHECK(s.answers[1].error.message() == "query: 101 words: a query has at most 100 (search for the distinctive ones)");
  CHECK(s.answers[2].line == 3);
  CHECK(s.answers[2].hits.size() == 3);
  std::filesystem::remove_all(dir);
}

// Hands out its text one line per read and counts them, as a pipe does when the writer
// waits for each answer.
class LineByLineBuf : public std::streambuf {
 public:
  explicit LineByLineBuf(std::vector<std::string> lines) : lines_(std::move(lines)) {}
  size_t served() const { return next_; }

 protected:
  int_type underflow() override {
    if (next_ == lines_.size()) return traits_type::eof();
    current_ = lines_[next_++];
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return traits_type::to_int_type(current_[0]);
  }

 private:
  std::vector<std::string> lines_;
  std::string current_;
  size_t next_ = 0;
};

TEST_CASE("a query session answers a line before it reads the next, and stops when the caller says so") {
  std::string dir = TempDir("stream");
  auto archive = SmallArchive(dir);
  LineByLineBuf buf({"dan chu\n", "quy che\n", "kiem tra\n", "co so\n"});
  std::istream in(&buf);
  std::vector<size_t> read_when_answered;
  auto stats = AnswerQueryLines(*archive, in, {}, [&](const QueryLineAnswer& a) {
    read_when_answered.push_back(buf.served());
    CHECK(!a.hits.empty());
    return a.line == 3 ? Status::IOError("output closed") : Status::Ok();
  });
  CHECK(read_when_answered == std::vector<size_t>{1, 2, 3});
  REQUIRE_FALSE(stats.ok());
  CHECK(stats.status().message() == "output closed");
  CHECK(buf.served() == 3);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a hit as JSON: the fields of --format jsonl, empty values null, no control character raw") {
  SearchHit h;
  h.path = "/x/a\x7f\xc2\x9b.txt";
  h.full_symbol = "20/NQ-HĐND";
  h.score = 0.5;
  h.match = "phrase";
  h.snippet = "[dân] [chủ]";
  CHECK(SearchHitJson(h) ==
        R"({"path":"/x/a\u007f\u009b.txt","symbol":"20/NQ-HĐND","type":null,"issued_date":null,"issuer":null,)"
        R"("subject":null,"score":0.5,"match":"phrase","exact":false,"snippet":"[dân] [chủ]"})");
  h.match.clear();
  CHECK(SearchHitJson(h).find(R"("score":null,"match":null)") != std::string::npos);
  CHECK(SearchHitJson(h, 2).starts_with("{\n  \"path\": "));
}

}  // namespace
}  // namespace vanban
