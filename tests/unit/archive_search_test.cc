// Archive search (issue 13) and archive safety (issue 10 item 6): phrase and proximity
// ranking, quoted phrases, types by code and name, dates, empty queries, plain-text
// snippets with escaped control characters, readable scores, read-only access, --check,
// export of every record, no archive for a run that stores nothing.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "archive/fts5_match.h"
#include "archive/search_query.h"
#include "archive_test_helpers.h"
#include "vanban/archive.h"
#include "vanban/document.h"

namespace vanban {
namespace {

std::string TempDir(const char* name) { return FreshTempDir("archive_search_test", name); }

Document Doc(const std::string& path, const std::string& code, const std::string& label, const std::string& subject) {
  Document d;
  d.source.path = path;
  d.header.doc_type = DocType{code, label, "", "", {}};
  d.header.issued_date = DateValue{"", "2026-03-01", false, false, {}};
  d.header.subject = TextValue{subject, "", {}, 1, {}, {}};
  return d;
}

std::vector<std::string> Paths(const Result<std::vector<SearchHit>>& hits) {
  REQUIRE(hits.ok());
  std::vector<std::string> out;
  for (const SearchHit& h : *hits) out.push_back(h.path);
  return out;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

void Exec(const std::string& db_path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

TEST_CASE("search dates: YYYY, YYYY-MM, YYYY-MM-DD, real calendar dates only") {
  CHECK(*SearchDateBound("2026", false) == "2026-01-01");
  CHECK(*SearchDateBound("2026", true) == "2026-12-31");
  CHECK(*SearchDateBound("2026-02", true) == "2026-02-28");
  CHECK(*SearchDateBound("2024-02", true) == "2024-02-29");
  CHECK(*SearchDateBound("2026-04", false) == "2026-04-01");
  CHECK(*SearchDateBound("2026-01-31", true) == "2026-01-31");
  auto feb30 = SearchDateBound("2026-02-30", false);
  REQUIRE_FALSE(feb30.ok());
  CHECK(feb30.status().code() == StatusCode::kInvalidArgument);
  CHECK(feb30.status().message().find("month 2 of 2026 has 28 days") != std::string::npos);
  auto month13 = SearchDateBound("2026-13-01", false);
  REQUIRE_FALSE(month13.ok());
  CHECK(month13.status().message().find("there is no month 13") != std::string::npos);
  for (const char* bad : {"2026-1-1", "26-01-01", "2026/01/01", "2026-00", "2026-01-00", "0000", "20266", "x", "2026-01-01T"}) {
    CAPTURE(bad);
    CHECK_FALSE(SearchDateBound(bad, false).ok());
  }
}

TEST_CASE("both back ends rank the same number of matches a step: 200 by default, at least the page") {
  using internal::RankedMatchesCap;
  SearchQuery q;
  CHECK(RankedMatchesCap(q, 20) == 200);
  CHECK(RankedMatchesCap(q, 500) == 500);  // never fewer than the page
  q.rank_at_most = 10;
  CHECK(RankedMatchesCap(q, 5) == 10);
  q.rank_at_most = 0;
  CHECK(RankedMatchesCap(q, 20) == 0);  // 0: every match ranked
}

TEST_CASE("search plan: phrase, near, words; accents as typed first; quoted phrases stay phrases") {
  using internal::MatchKind;
  auto plain = internal::ParseQuery("dan chu co so");
  auto plan = internal::SearchPlan(plain, false);
  REQUIRE(plan.size() == 3);
  CHECK(plan[0].kind == MatchKind::kPhrase);
  CHECK(plan[1].kind == MatchKind::kNear);
  CHECK(plan[2].kind == MatchKind::kAllWords);
  CHECK_FALSE(plan[0].as_typed);
  // Without accents: every column (an accent-free word as typed is that token in the
  // folded column too), the rank weighing only the folded ones.
  CHECK(internal::Fts5Match(plain, plan[0]) == R"(("dan" + "chu" + "co" + "so"))");
  CHECK(internal::Fts5Match(plain, plan[1]) == R"(NEAR("dan" "chu" "co" "so", 7))");
  CHECK(internal::Fts5Match(plain, plan[2]) == R"(("dan" AND "chu" AND "co" AND "so"))");
  CHECK(internal::Fts5RankWeights(plain, plan[0]) == "0.0, 0.0, 4.0, 1.0");
  // A word that could be a filter token (schema version 5) keeps to the folded columns.
  for (const char* text : {"dan zvbyx", "dan z*", "zvbt1*"}) {
    CAPTURE(text);
    auto filterlike = internal::ParseQuery(text);
    const internal::SearchStep words = internal::SearchPlan(filterlike, false).back();
    CHECK(internal::Fts5Match(filterlike, words).rfind("{subject_key body_key} : ", 0) == 0);
    CHECK(internal::Fts5RankWeights(filterlike, words) == "8.0, 2.0, 4.0, 1.0");
  }
  auto accented = internal::ParseQuery("dân chủ");
  plan = internal::SearchPlan(accented, false);
  REQUIRE(plan.size() == 6);
  CHECK(plan[0].as_typed);
  CHECK(plan[2].as_typed);
  CHECK(plan[2].kind == MatchKind::kAllWords);
  CHECK_FALSE(plan[3].as_typed);
  CHECK(plan[3].kind == MatchKind::kPhrase);
  CHECK(internal::Fts5Match(accented, plan[3]) ==
        R"(({subject body} : ("dân" + "chủ")) OR ({subject_key body_key} : ("dan" + "chu")))");
  CHECK(internal::Fts5RankWeights(accented, plan[3]) == "8.0, 2.0, 4.0, 1.0");
  CHECK(internal::SearchPlan(accented, true).size() == 3);
  // One term, quoted or not: one step (a quoted phrase is never relaxed to its words).
  auto quoted = internal::ParseQuery("\"dan chu co so\"");
  REQUIRE(quoted.terms.size() == 1);
  CHECK(quoted.terms[0].quoted);
  plan = internal::SearchPlan(quoted, false);
  REQUIRE(plan.size() == 1);
  CHECK(internal::Fts5Match(quoted, plan[0]) == R"(("dan chu co so"))");
  CHECK_FALSE(SearchTextHasWords(""));
  CHECK_FALSE(SearchTextHasWords("  "));
  CHECK_FALSE(SearchTextHasWords("... -- \"!\" *"));
  CHECK(SearchTextHasWords("a"));
}

TEST_CASE("--type by code and by name, công văn included, old archives too") {
  using internal::StoredType;
  std::vector<StoredType> stored = {
      {"KH", "KẾ HOẠCH", "Kế hoạch"}, {"", "CÔNG VĂN", "Công văn"}, {"", "", "Công văn"},
      {"CV", "CÔNG VĂN", "Công văn"}, {"ĐA", "ĐỀ ÁN", "Đề án"},     {"DA", "DỰ ÁN", "Dự án"},
      {"", "LUẬT", "Luật"}};
  auto select = [&](const char* wanted) { return internal::SelectTypes(wanted, stored); };
  for (const char* cv : {"CV", "cv", "cong van", "công văn", "Công  Văn", "CÔNG VĂN"}) {
    CAPTURE(cv);
    CHECK(select(cv) == std::vector<size_t>{1, 2, 3});
  }
  for (const char* kh : {"KH", "kh", "ke hoach", "Kế hoạch"}) {
    CAPTURE(kh);
    CHECK(select(kh) == std::vector<size_t>{0});
  }
  CHECK(select("DA") == std::vector<size_t>{5});  // the code as stored wins
  CHECK(select("da") == std::vector<size_t>{4, 5});
  CHECK(select("de an") == std::vector<size_t>{4});
  CHECK(select("luat") == std::vector<size_t>{6});
  CHECK(select("XYZ").empty());
  CHECK(internal::EffectiveTypeCode("", "CÔNG VĂN", "") == "CV");
  CHECK(internal::EffectiveTypeCode("", "LUẬT", "Luật").empty());
}

TEST_CASE("scores: 0..1, three decimals, the kind of match sets the band") {
  std::vector<SearchHit> hits(4);
  internal::AssignScores(&hits, {0, 0, 1, 2}, {2.0, 1.0, 5.0, 0.5}, 3);
  CHECK(hits[0].score == doctest::Approx(1.0));
  CHECK(hits[1].score == doctest::Approx(0.833));
  CHECK(hits[2].score == doctest::Approx(0.667));
  CHECK(hits[3].score == doctest::Approx(0.333));
}

TEST_CASE("search ranks the phrase first, then the words near each other, then anywhere") {
  std::string dir = TempDir("phrase");
  auto opened = Archive::Open(dir + "/a.sqlite");
  REQUIRE(opened.ok());
  Archive& a = **opened;
  std::string filler;
  for (int i = 0; i < 20; ++i) filler += "Thôn bản tổ chức họp định kỳ hằng tháng. ";
  // bm25 alone puts the short decoy first: all four words, far apart (a transport-fee
  // circular: "Số", "Cơ quan", "dân cư", "chủ phương tiện").
  const std::string fee = " Mức thu phí được niêm yết công khai tại trạm trên quốc lộ. ";
  Put(a, Doc("/x/decoy.txt", "TT", "THÔNG TƯ", "Phí sử dụng đường bộ"),
      "Số xe đăng ký." + fee + "Cơ quan thu phí." + fee + "Hộ dân cư." + fee + "Chủ phương tiện nộp phí.");
  Put(a, Doc("/x/near.txt", "KH", "KẾ HOẠCH", "Kế hoạch năm 2026"), filler + "Thực hiện dân chủ ở cơ sở. " + filler);
  Put(a, Doc("/x/phrase.txt", "KH", "KẾ HOẠCH", "Kế hoạch tháng 3"), filler + "Quy chế dân chủ cơ sở được ban hành. " + filler);
  SearchQuery q;
  q.text = "dan chu co so";
  auto hits = a.Search(q);
  CHECK(Paths(hits) == std::vector<std::string>{"/x/phrase.txt", "/x/near.txt", "/x/decoy.txt"});
  REQUIRE(hits->size() == 3);
  CHECK((*hits)[0].match == "phrase");
  CHECK((*hits)[1].match == "near");
  CHECK((*hits)[2].match == "words");
  CHECK((*hits)[0].score == doctest::Approx(1.0));
  CHECK((*hits)[1].score <= doctest::Approx(0.667));
  CHECK((*hits)[1].score >= doctest::Approx(0.333));
  CHECK((*hits)[2].score <= doctest::Approx(0.333));
  CHECK((*hits)[2].score > 0);
  CHECK((*hits)[0].snippet.find("[dân] [chủ] [cơ] [sở]") != std::string::npos);
  // The same with accents.
  q.text = "dân chủ cơ sở";
  CHECK(Paths(a.Search(q)) == std::vector<std::string>{"/x/phrase.txt", "/x/near.txt", "/x/decoy.txt"});
  // "…" is the exact phrase only.
  q.text = "\"dan chu co so\"";
  CHECK(Paths(a.Search(q)) == std::vector<std::string>{"/x/phrase.txt"});
  q.text = "\"dan chu o co so\"";
  CHECK(Paths(a.Search(q)) == std::vector<std::string>{"/x/near.txt"});
  // A query without words is an error, not a list of everything; no query lists.
  q.text = "...";
  auto none = a.Search(q);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kInvalidArgument);
  q.text = "";
  auto all = a.Search(q);
  REQUIRE(all.ok());
  CHECK(all->size() == 3);
  CHECK((*all)[0].match.empty());
  // Dates are checked, and a year or a month is a period.
  q.from = "2026-02-30";
  CHECK_FALSE(a.Search(q).ok());
  q.from = "2026-03";
  q.to = "2026-03";
  CHECK(a.Search(q)->size() == 3);
  q.from = "2026-04";
  q.to = "";
  CHECK(a.Search(q)->empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("each kind of match ranks at most rank_at_most of its matches, the first indexed; phrases still first") {
  std::string dir = TempDir("cap");
  auto opened = Archive::Open(dir + "/a.sqlite");
  REQUIRE(opened.ok());
  Archive& a = **opened;
  // Five documents with the words scattered, the last one also in its subject (bm25's
  // best), then one with the phrase.
  for (int i = 1; i <= 5; ++i) {
    std::string p = "/c/doc" + std::to_string(i) + ".txt";
    Put(a, Doc(p, "KH", "KẾ HOẠCH", i == 5 ? "Kiểm soát và thanh tra" : "Năm 2026"),
        "Công tác kiểm định năm " + std::to_string(i) + ". Đoàn thanh tra làm việc.");
  }
  Put(a, Doc("/c/phrase.txt", "KH", "KẾ HOẠCH", "Năm 2026"), "Kế hoạch kiểm tra năm 2026.");
  SearchQuery q;
  q.text = "kiem thanh";
  q.rank_at_most = 0;  // every match ranked
  CHECK(Paths(a.Search(q)).front() == "/c/doc5.txt");
  q.rank_at_most = 2;
  q.limit = 2;
  CHECK(Sorted(Paths(a.Search(q))) == std::vector<std::string>{"/c/doc1.txt", "/c/doc2.txt"});
  q.limit = 3;  // never fewer than the page
  CHECK(Paths(a.Search(q)).size() == 3);
  // The kinds still come in order: the phrase (the last document indexed) before the
  // first two of the other matches.
  q.text = "kiem";
  q.limit = 3;
  q.rank_at_most = 1;
  auto hits = a.Search(q);
  CHECK(Sorted(Paths(hits)) == std::vector<std::string>{"/c/doc1.txt", "/c/doc2.txt", "/c/doc3.txt"});
  q.text = "kiem tra";
  hits = a.Search(q);
  REQUIRE(Paths(hits).size() == 3);
  CHECK((*hits)[0].path == "/c/phrase.txt");
  CHECK((*hits)[0].match == "phrase");
  std::filesystem::remove_all(dir);
}

TEST_CASE("a step ranks a match by its own text: other documents do not reorder it (no IDF)") {
  std::string dir = TempDir("own_rank");
  auto opened = Archive::Open(dir + "/a.sqlite");
  REQUIRE(opened.ok());
  Archive& a = **opened;
  // Words 8 tokens apart (not near), the same length: "one" has alpha twice and beta
  // once, "two" alpha once and beta five times.
  auto text = [](const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += w + " x x x x x x x ";
    return out;
  };
  Put(a, Doc("/r/one.txt", "KH", "KẾ HOẠCH", "Năm"), text({"alpha", "alpha", "beta", "x", "x", "x"}));
  Put(a, Doc("/r/two.txt", "KH", "KẾ HOẠCH", "Năm"), text({"alpha", "beta", "beta", "beta", "beta", "beta"}));
  // beta in many other documents: bm25's IDF would make alpha count far more than beta
  // and put "one" first; the archive's other documents no longer weigh on the order.
  for (int i = 0; i < 20; ++i) Put(a, Doc("/r/beta" + std::to_string(i) + ".txt", "KH", "KẾ HOẠCH", "Năm"), "beta");
  SearchQuery q;
  q.text = "alpha beta";
  auto hits = a.Search(q);
  CHECK(Paths(hits) == std::vector<std::string>{"/r/two.txt", "/r/one.txt"});
  REQUIRE(hits->size() == 2);
  CHECK((*hits)[0].match == "words");
  CHECK((*hits)[0].score == doctest::Approx(0.333));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a search lets go of the pages an earlier search left in the connection's cache") {
  // In a session of many searches a full page cache made a search dearer than in a new
  // process (docs/archive.md, pg-session); each search now starts with the cache empty.
  std::string dir = TempDir("cache");
  auto opened = Archive::Open(dir + "/a.sqlite");
  REQUIRE(opened.ok());
  Archive& a = **opened;
  std::vector<Document> docs(60);
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i] = Doc("/x/d" + std::to_string(i) + ".txt", "KH", "KẾ HOẠCH", "Kế hoạch số " + std::to_string(i));
    std::string text;
    for (int k = 0; k < 150; ++k) text += "Thôn " + std::to_string(i * 1000 + k) + " tổ chức họp dân định kỳ. ";
    Put(a, docs[i], text);
  }
  SearchQuery broad;
  broad.text = "dan";
  broad.limit = 60;
  broad.rank_at_most = 0;
  REQUIRE(a.Search(broad)->size() == 60);
  const int64_t after_broad = sqlite3_memory_used();
  REQUIRE(after_broad > 0);  // SQLite counts its memory (SQLITE_DEFAULT_MEMSTATUS)
  SearchQuery none;
  none.text = "zzzqqq";
  CHECK(a.Search(none)->empty());
  const int64_t after_none = sqlite3_memory_used();
  CHECK_MESSAGE(after_broad - after_none > 256 * 1024, "after the broad search ", after_broad, " bytes, after the next ", after_none);
  std::filesystem::remove_all(dir);
}

TEST_CASE("snippets are plain text: no Markdown markup, control characters escaped") {
  std::string dir = TempDir("plain");
  auto opened = Archive::Open(dir + "/a.sqlite");
  REQUIRE(opened.ok());
  Archive& a = **opened;
  Put(a, Doc("/x/md.txt", "QĐ", "QUYẾT ĐỊNH", "Quyết định"),
      "## Chương I\n**Điều 1.** Phạm vi \x1b[2J\x1b[31m điều chỉnh\x07 theo _mẫu_ (*) số doc_000, a * b, x*y \xC2\x9B" "6n.\n> Ghi chú");
  SearchQuery q;
  q.text = "pham vi";
  auto hits = a.Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  const std::string& s = (*hits)[0].snippet;
  CAPTURE(s);
  CHECK(s.find("**") == std::string::npos);
  CHECK(s.find('\x1b') == std::string::npos);
  CHECK(s.find('\x07') == std::string::npos);
  CHECK(s.find("\xC2\x9B") == std::string::npos);
  CHECK(s.find("Chương I Điều 1. [Phạm] [vi] \\x1b[2J\\x1b[31m điều chỉnh\\x07 theo mẫu (*) số doc_000, a * b, x*y \\u009b6n. Ghi chú") !=
        std::string::npos);
  CHECK(EscapeControlChars("a\tb\nc\x1b[0m\x7f\xC2\x85é") == "a\tb\nc\\x1b[0m\\x7f\\u0085é");
  std::filesystem::remove_all(dir);
}

TEST_CASE("công văn is stored with the type code CV and selected by code and name") {
  std::string dir = TempDir("congvan");
  const std::string path = dir + "/a.sqlite";
  {
    auto opened = Archive::Open(path);
    REQUIRE(opened.ok());
    Archive& a = **opened;
    Put(a, Doc("/x/cv.txt", "", "CÔNG VĂN", "V/v triển khai chuyển đổi số"), "Kính gửi các cơ quan.");
    Put(a, Doc("/x/kh.txt", "KH", "KẾ HOẠCH", "Kế hoạch"), "Nội dung kế hoạch.");
    Document no_type = Doc("/x/cv2.txt", "", "", "V/v họp giao ban");
    no_type.header.doc_type.reset();
    no_type.header.recipients_to = TextValue{"Các thôn", "", {}, 1, {}, {}};
    Put(a, no_type, "Kính gửi các thôn.");
  }
  auto check = [&](const char* when) {
    CAPTURE(when);
    auto opened = Archive::Open(path, ArchiveAccess::kReadOnly);
    REQUIRE(opened.ok());
    for (const char* t : {"cv", "CV", "cong van", "công văn", "Công văn"}) {
      CAPTURE(t);
      SearchQuery q;
      q.type = t;
      auto hits = (*opened)->Search(q);
      CHECK(Paths(hits) == std::vector<std::string>{"/x/cv.txt", "/x/cv2.txt"});
      for (const SearchHit& h : *hits) CHECK(h.doc_type == "CV");
    }
    SearchQuery q;
    q.type = "ke hoach";
    CHECK(Paths((*opened)->Search(q)) == std::vector<std::string>{"/x/kh.txt"});
  };
  check("stored as CV");
  // An archive made before công văn had a code: empty doc_type, the title says CÔNG VĂN.
  Exec(path, "UPDATE documents SET doc_type = NULL WHERE doc_type = 'CV'");
  check("stored without a code");
  std::filesystem::remove_all(dir);
}

TEST_CASE("read-only archives: search opens read-only, index refuses before any work") {
  std::string dir = TempDir("readonly");
  const std::string path = dir + "/a.sqlite";
  {
    auto opened = Archive::Open(path);
    REQUIRE(opened.ok());
    Put(**opened, Doc("/x/1.txt", "KH", "KẾ HOẠCH", "Kế hoạch dân chủ"), "Thực hiện dân chủ ở cơ sở.");
  }
  CHECK(Archive::Open(dir + "/missing.sqlite", ArchiveAccess::kReadOnly).status().code() == StatusCode::kNotFound);
  CHECK_FALSE(std::filesystem::exists(dir + "/missing.sqlite"));
  CHECK(CheckArchiveWritable(path).ok());
  CHECK(CheckArchiveWritable(dir + "/new.sqlite").ok());
  CHECK_FALSE(std::filesystem::exists(dir + "/new.sqlite"));
  ::chmod(path.c_str(), 0444);
  Status st = CheckArchiveWritable(path);
  CHECK(st.code() == StatusCode::kIOError);
  CHECK(st.message().find("is read-only (mode 0444)") != std::string::npos);
  CHECK_FALSE(Archive::Open(path).ok());
  auto ro = Archive::Open(path, ArchiveAccess::kReadOnly);
  REQUIRE(ro.ok());
  SearchQuery q;
  q.text = "dan chu";
  CHECK(Paths((*ro)->Search(q)) == std::vector<std::string>{"/x/1.txt"});
  ro->reset();
  ::chmod(path.c_str(), 0644);
  ::chmod(dir.c_str(), 0555);
  st = CheckArchiveWritable(dir + "/new.sqlite");
  CHECK(st.code() == StatusCode::kIOError);
  CHECK(st.message().find("the directory") != std::string::npos);
  CHECK(CheckArchiveWritable(path).code() == StatusCode::kIOError);  // no room for -wal and -shm
  ro = Archive::Open(path, ArchiveAccess::kReadOnly);
  REQUIRE(ro.ok());
  CHECK(Paths((*ro)->Search(q)) == std::vector<std::string>{"/x/1.txt"});
  ro->reset();
  ::chmod(dir.c_str(), 0755);
  std::filesystem::remove_all(dir);
}

TEST_CASE("Check finds a damaged archive; ForEachRecord exports every record") {
  std::string dir = TempDir("check");
  const std::string path = dir + "/a.sqlite";
  {
    auto opened = Archive::Open(path);
    REQUIRE(opened.ok());
    Put(**opened, Doc("/x/1.txt", "KH", "KẾ HOẠCH", "Kế hoạch"), "Thực hiện dân chủ ở cơ sở.");
    Put(**opened, Doc("/x/2.txt", "QĐ", "QUYẾT ĐỊNH", "Quyết định"), "Ban hành quy chế.");
    auto problems = (*opened)->Check();
    REQUIRE(problems.ok());
    CHECK(problems->empty());
    std::vector<std::string> paths;
    REQUIRE((*opened)->ForEachRecord([&](const std::string& p, const std::string& record) {
      paths.push_back(p);
      CHECK(record.find("\"archival\":") != std::string::npos);
    }).ok());
    CHECK(paths == std::vector<std::string>{"/x/1.txt", "/x/2.txt"});
  }
  Exec(path, "UPDATE documents SET text = 'khác', record_json = '{broken' WHERE path = '/x/2.txt'");
  auto opened = Archive::Open(path);
  REQUIRE(opened.ok());
  auto problems = (*opened)->Check();
  REQUIRE(problems.ok());
  std::string all;
  for (const auto& p : *problems) all += p + "\n";
  CAPTURE(all);
  CHECK(all.find("/x/2.txt: the text differs from its full-text copy") != std::string::npos);
  CHECK(all.find("the record is not valid JSON") != std::string::npos);
  CHECK(all.find("/x/1.txt") == std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("IndexDocuments creates no archive when nothing is stored") {
  std::string dir = TempDir("nodb");
  IndexOptions o;
  o.inputs = {dir + "/nope_dir"};
  o.db_path = dir + "/x.sqlite";
  auto s = IndexDocuments(o);
  REQUIRE(s.ok());
  CHECK(s->failed == 1);
  CHECK_FALSE(std::filesystem::exists(o.db_path));
  std::ofstream(dir + "/bad.txt", std::ios::binary) << std::string("bad\0data", 8);
  o.inputs = {dir + "/bad.txt"};
  s = IndexDocuments(o);
  REQUIRE(s.ok());
  CHECK(s->failed == 1);
  CHECK_FALSE(std::filesystem::exists(o.db_path));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vanban
