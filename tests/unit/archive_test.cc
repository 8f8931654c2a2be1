// Archive: schema, incremental replace, accent-insensitive ranked search, snippets.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "archive/schema.h"
#include "archive/search_query.h"
#include "vanban/archive.h"
#include "vanban/document.h"
#include "test_files.h"

namespace vanban {
namespace {

std::string TempDir(const char* name) {
  auto dir = std::filesystem::temp_directory_path() / ("vanban_archive_test_" + std::string(name) + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

Document Doc(const std::string& path, const std::string& code, const std::string& date, const std::string& subject) {
  Document d;
  d.source.path = path;
  d.header.doc_type = DocType{code, code == "KH" ? "KẾ HOẠCH" : "QUYẾT ĐỊNH", "", "", {}};
  NumberSymbol ns;
  ns.number = "1"; ns.symbol = code + "-UBND"; ns.full = "1/" + ns.symbol;
  d.header.number_symbol = ns;
  d.header.issued_date = DateValue{"", date, false, false, {}};
  d.header.issuer = Issuer{"ỦY BAN NHÂN DÂN XÃ NGHI ĐƯƠNG", "", "", "", "", {}, 1, {}, {}};
  d.header.subject = TextValue{subject, "", {}, 1, {}, {}};
  Task t;
  t.task_id = "t1";
  t.task_text = "Tuyên truyền";
  d.tasks = {t};
  return d;
}

Status PutDoc(Archive& a, const Document& d, const std::string& text) {
  ArchiveDocument ad;
  ad.path = d.source.path;
  ad.sha256 = Sha256Hex(text);
  ad.size = static_cast<int64_t>(text.size());
  ad.text = text;
  ad.record_json = DocumentToJson(d);
  ad.doc = &d;
  auto r = a.Put(ad);
  return r.ok() ? Status::Ok() : r.status();
}

TEST_CASE("sha256 and search keys") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex(std::string(1000, 'a')) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  CHECK(SearchKey("Nghị quyết DÂN CHỦ Đường") == "nghi quyet dan chu duong");
}

TEST_CASE("archive stores, replaces and searches accent-insensitively") {
  std::string dir = TempDir("search");
  auto opened = Archive::Open(dir + "/a.sqlite");
  REQUIRE(opened.ok());
  Archive& a = **opened;
  CHECK(a.schema_version() == kArchiveSchemaVersion);
  Document d1 = Doc("/x/1.txt", "KH", "2026-01-21", "Triển khai Nghị quyết về dân chủ ở cơ sở");
  Document d2 = Doc("/x/2.txt", "QĐ", "2025-03-02", "Quyết định về ngân sách");
  Document d3 = Doc("/x/3.txt", "KH", "2024-05-01", "Kế hoạch (OCR không dấu)");
  REQUIRE(PutDoc(a, d1, "Thực hiện Nghị quyết số 20/NQ-HĐND về dân chủ ở cơ sở trên địa bàn xã.").ok());
  REQUIRE(PutDoc(a, d2, "Phân bổ ngân sách năm 2025 cho các đơn vị.").ok());
  REQUIRE(PutDoc(a, d3, "Thuc hien nghi quyet ve dan chu o co so.").ok());

  SearchQuery q;
  q.text = "nghi quyet dan chu";
  auto hits = a.Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 2);
  q.text = "Nghị quyết dân chủ";  // exact accents: both match, the accented text ranks first
  hits = a.Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 2);
  CHECK((*hits)[0].path == "/x/1.txt");
  CHECK((*hits)[0].snippet.find("[Nghị] [quyết]") != std::string::npos);
  CHECK((*hits)[0].snippet.find("[dân] [chủ]") != std::string::npos);

  q.text = "20/NQ-HĐND";
  hits = a.Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);

  q.text = "dan chu";
  q.from = "2025-01-01";
  hits = a.Search(q);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 1);
  q = SearchQuery{};
  q.type = "QĐ";
  q.issuer = "nghi duong";
  hits = a.Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].path == "/x/2.txt");
  q.type = "qd";  // typed without the Đ and in lower case
  hits = a.Search(q);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 1);
  q.type = "BC";  // no such document
  hits = a.Search(q);
  REQUIRE(hits.ok());
  CHECK(hits->empty());
  q.type = "";
  q.issuer = "nghi_duong";  // LIKE wildcards in the text are literal
  hits = a.Search(q);
  REQUIRE(hits.ok());
  CHECK(hits->empty());

  // Replacing a path replaces its rows (tasks and full-text too).
  REQUIRE(PutDoc(a, Doc("/x/2.txt", "QĐ", "2025-03-02", "Quyết định sửa đổi"), "Nội dung mới hoàn toàn.").ok());
  q = SearchQuery{};
  q.text = "ngan sach";
  hits = a.Search(q);
  REQUIRE(hits.ok());
  CHECK(hits->empty());
  auto stats = a.Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 3);
  CHECK(stats->tasks == 3);
  auto hashes = a.StoredHashes();
  REQUIRE(hashes.ok());
  CHECK(hashes->at("/x/2.txt") == Sha256Hex("Nội dung mới hoàn toàn."));
  std::filesystem::remove_all(dir);
}

TEST_CASE("archive reopens at the same schema version and refuses newer ones") {
  std::string dir = TempDir("schema");
  {
    auto a = Archive::Open(dir + "/a.sqlite");
    REQUIRE(a.ok());
  }
  auto again = Archive::Open(dir + "/a.sqlite");
  REQUIRE(again.ok());
  CHECK((*again)->schema_version() == kArchiveSchemaVersion);
  std::ofstream(dir + "/junk.sqlite") << "this is not a database at all, just some text......";
  CHECK_FALSE(Archive::Open(dir + "/junk.sqlite").ok());
  std::filesystem::remove_all(dir);
}

// Every hit of |queries| in full: what an upgrade must not change.
std::string AllHits(Archive& a, const std::vector<SearchQuery>& queries) {
  std::string out;
  for (const SearchQuery& q : queries) {
    auto hits = a.Search(q);
    REQUIRE(hits.ok());
    out += "== " + q.text + " / " + q.type + " / " + q.from + "\n";
    for (const SearchHit& h : *hits) {
      out += h.path + " " + std::to_string(h.score) + " " + h.match + (h.exact ? " exact " : " ") + h.snippet + "\n";
    }
  }
  return out;
}

// Phrases, words, a prefix, with and without filters: the answers a change of storage
// must keep.
std::vector<SearchQuery> SampleQueries() {
  std::vector<SearchQuery> queries;
  for (const char* text : {"nghi quyet", "Nghị quyết dân chủ", "ngan sach", "\"dan chu\"", "ke*"}) {
    SearchQuery q;
    q.text = text;
    queries.push_back(q);
    q.type = "KH";
    queries.push_back(q);
    q.type = "";
    q.from = "2025-01-01";
    queries.push_back(q);
  }
  return queries;
}

// 12 documents, each stored in a transaction of its own.
void PutSampleDocs(Archive& a) {
  const char* subjects[] = {"Triển khai Nghị quyết về dân chủ ở cơ sở", "Quyết định về ngân sách", "Kế hoạch dân chủ"};
  for (int i = 0; i < 12; ++i) {
    Document d = Doc("/x/" + std::to_string(i) + ".txt", i % 3 == 1 ? "QĐ" : "KH",
                     std::to_string(2023 + i % 4) + "-0" + std::to_string(1 + i % 9) + "-11", subjects[i % 3]);
    std::string text = std::string(subjects[i % 3]) + ". Nghi quyet so " + std::to_string(i) +
                       " ve dan chu va ngân sách; kế hoạch thực hiện Nghị quyết dân chủ ở cơ sở.";
    for (int k = 0; k < i; ++k) text += " Thực hiện kế hoạch năm " + std::to_string(2020 + k) + ".";
    REQUIRE(PutDoc(a, d, text).ok());
  }
}

// The number of segments of the FTS5 index (each has leaf pages listed in its _idx table).
int FtsSegments(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT count(DISTINCT segid) FROM documents_fts_idx", -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  const int segments = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return segments;
}

TEST_CASE("Optimize merges the full-text index into one segment and answers the same") {
  std::string dir = TempDir("optimize");
  const std::string path = dir + "/a.sqlite";
  auto a = Archive::Open(path);
  REQUIRE(a.ok());
  PutSampleDocs(**a);
  const std::vector<SearchQuery> queries = SampleQueries();
  const std::string before = AllHits(**a, queries);
  CHECK(before.find("/x/11.txt") != std::string::npos);
  CHECK(FtsSegments(path) > 1);  // a transaction per document: a segment each, merged by fours
  REQUIRE((*a)->Optimize().ok());
  CHECK(FtsSegments(path) == 1);
  CHECK(AllHits(**a, queries) == before);
  // The archive goes on taking documents after it.
  Document d = Doc("/x/new.txt", "KH", "2026-02-02", "Kế hoạch mới");
  REQUIRE(PutDoc(**a, d, "Nghị quyết dân chủ ở cơ sở, kế hoạch mới.").ok());
  CHECK(AllHits(**a, queries).find("/x/new.txt") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a search reads the archive without mapping it (a page fault per page costs more than a read)") {
  std::string dir = TempDir("nommap");
  const std::string path = dir + "/a.sqlite";
  {
    auto a = Archive::Open(path);  // the writer maps the file: closed before the search
    REQUIRE(a.ok());
    PutSampleDocs(**a);
  }
  auto mapped = [&] {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
      if (line.size() >= path.size() && line.compare(line.size() - path.size(), path.size(), path) == 0) return true;
    }
    return false;
  };
  auto reader = Archive::Open(path, ArchiveAccess::kReadOnly);
  REQUIRE(reader.ok());
  SearchQuery q;
  q.text = "nghi quyet dan chu";
  q.type = "KH";
  auto hits = (*reader)->Search(q);
  REQUIRE(hits.ok());
  CHECK_FALSE(hits->empty());
  if (std::ifstream("/proc/self/maps")) CHECK_FALSE(mapped());  // Linux: the mappings are listed there
  std::filesystem::remove_all(dir);
}

TEST_CASE("a search of a damaged archive fails as the database's fault, not as a bad query") {
  std::string dir = TempDir("damaged");
  const std::string path = dir + "/a.sqlite";
  {
    auto a = Archive::Open(path);
    REQUIRE(a.ok());
    PutSampleDocs(**a);
  }
  {
    // The second half of the file overwritten: the schema and the settings (first pages)
    // read, the documents' and the index's pages written last are garbage.
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(0, std::ios::end);
    const std::streamoff size = f.tellg();
    const std::streamoff from = size / 2 / 4096 * 4096;
    REQUIRE(from >= 4096);
    f.seekp(from);
    f.write(std::string(static_cast<size_t>(size - from), '\xff').data(), size - from);
  }
  auto reader = Archive::Open(path, ArchiveAccess::kReadOnly);  // reads the schema only
  REQUIRE(reader.ok());
  SearchQuery q;
  q.text = "nghi quyet dan chu";
  auto hits = (*reader)->Search(q);
  REQUIRE_FALSE(hits.ok());
  CHECK(hits.status().code() == StatusCode::kIOError);  // exit 1, as bad input; a usage error is 2
  std::filesystem::remove_all(dir);
}

TEST_CASE("an archive at schema version 1 upgrades to the current one and searches the same") {
  std::string dir = TempDir("upgrade");
  const std::string path = dir + "/a.sqlite";
  const std::vector<SearchQuery> queries = SampleQueries();
  std::string before;
  {
    auto a = Archive::Open(path);
    REQUIRE(a.ok());
    PutSampleDocs(**a);
    before = AllHits(**a, queries);
  }
  CHECK(before.find("/x/11.txt") != std::string::npos);
  // Back to version 4 (the full-text index without its filter tokens), then to version 1
  // (what migrations 2 to 4 added removed too), 2 and 3.
  const std::string to4 =
      "CREATE VIRTUAL TABLE documents_fts_v4 USING fts5(subject, body, subject_key, body_key,"
      " tokenize = 'unicode61 remove_diacritics 0');"
      " INSERT INTO documents_fts_v4(rowid, subject, body, subject_key, body_key)"
      " SELECT rowid, subject, body, subject_key, body_key FROM documents_fts;"
      " DROP TRIGGER documents_fts_delete; DROP TABLE documents_fts; ALTER TABLE documents_fts_v4 RENAME TO documents_fts;"
      " CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN DELETE FROM documents_fts WHERE rowid = old.id;"
      " END; DELETE FROM schema_version WHERE version > 4;";
  const std::pair<std::string, std::string> downgrades[] = {
      {to4, "4"},
      {to4 + "DROP INDEX documents_search_filters; DROP INDEX documents_type_key; DROP TABLE documents_terms;"
             " DELETE FROM schema_version WHERE version > 1;",
       "1"},
      {to4 + "DROP INDEX documents_type_key; DROP TABLE documents_terms; DELETE FROM schema_version WHERE version > 2;",
       "2"},
      {to4 + "DROP TABLE documents_terms; DELETE FROM schema_version WHERE version > 3;", "3"}};
  for (const auto& [downgrade, version] : downgrades) {
    CAPTURE(downgrade);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, downgrade.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto reader = Archive::Open(path, ArchiveAccess::kReadOnly);
    REQUIRE_FALSE(reader.ok());
    CHECK(reader.status().message().find("schema version " + version + " is older") != std::string::npos);
    auto upgraded = Archive::Open(path);
    REQUIRE(upgraded.ok());
    CHECK((*upgraded)->schema_version() == kArchiveSchemaVersion);
    CHECK(AllHits(**upgraded, queries) == before);
    auto problems = (*upgraded)->Check();  // every document has its candidate terms again
    REQUIRE(problems.ok());
    CHECK(problems->empty());
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("the candidate index changes no answer: phrases, accents, quotes, prefixes, filters") {
  std::string dir = TempDir("candidates");
  auto a = Archive::Open(dir + "/a.sqlite");
  REQUIRE(a.ok());
  PutSampleDocs(**a);
  std::vector<SearchQuery> queries = SampleQueries();
  for (const char* text : {"dan chu o co so", "dân chủ ở cơ sở", "Nghị quyết dân chủ", "ke hoach nam", "\"co so\" dan",
                           "thuc hien ke", "thực hiện kế hoạch năm", "nam 2021", "so*", "quyet dan chu",
                           "chủ ở", "Thực hiện"}) {
    for (int variant = 0; variant < 5; ++variant) {
      SearchQuery q;
      q.text = text;
      q.limit = 50;
      if (variant == 1) q.type = "QĐ";
      if (variant == 2) q.from = "2025";
      if (variant == 3) q.exact = true;
      if (variant == 4) {
        q.to = "2024-06";
        q.rank_at_most = 2;
        q.limit = 2;
      }
      queries.push_back(q);
    }
  }
  const std::string with = AllHits(**a, queries);
  for (SearchQuery& q : queries) q.candidates = false;
  CHECK(AllHits(**a, queries) == with);
  CHECK(with.find(" phrase ") != std::string::npos);
  CHECK(with.find(" phrase exact ") != std::string::npos);
  std::filesystem::remove_all(dir);
}

// Runs |sql| on the archive file at |path| (what a test does behind vanban's back).
void ExecOn(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

TEST_CASE("phrase and filtered steps take their candidates from the terms of schema version 4") {
  std::string dir = TempDir("terms");
  const std::string path = dir + "/a.sqlite";
  auto a = Archive::Open(path);
  REQUIRE(a.ok());
  PutSampleDocs(**a);
  SearchQuery phrase;
  phrase.text = "dan chu o co so";
  SearchQuery filtered;
  filtered.text = "hoach";  // one word: a words step only
  filtered.type = "QĐ";
  filtered.from = "2025";
  auto p = (*a)->Search(phrase);
  auto f = (*a)->Search(filtered);
  REQUIRE(p.ok());
  REQUIRE(f.ok());
  REQUIRE_FALSE(p->empty());
  CHECK(p->front().match == "phrase");
  REQUIRE_FALSE(f->empty());
  for (const SearchHit& h : *f) CHECK((h.doc_type == "QĐ" && h.issued_date >= "2025"));
  // Replacing a document forgets its old terms (the contentless table is told them):
  // FTS5's own check of the table and vanban's stay clean.
  Document d = Doc("/x/0.txt", "KH", "2026-01-11", "Kế hoạch khác");
  REQUIRE(PutDoc(**a, d, "Văn bản thay thế, không còn cụm từ cũ.").ok());
  auto problems = (*a)->Check();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
  (*a).reset();
  // Without the terms (emptied behind vanban's back) these steps find no candidates: the
  // search does read them, and --check names what is missing.
  ExecOn(path, "INSERT INTO documents_terms(documents_terms) VALUES ('delete-all')");
  auto b = Archive::Open(path);
  REQUIRE(b.ok());
  auto p2 = (*b)->Search(phrase);
  auto f2 = (*b)->Search(filtered);
  REQUIRE(p2.ok());
  REQUIRE(f2.ok());
  for (const SearchHit& h : *p2) CHECK(h.match != "phrase");
  CHECK(f2->empty());
  problems = (*b)->Check();
  REQUIRE(problems.ok());
  CHECK(problems->size() == 12);
  std::filesystem::remove_all(dir);
}

TEST_CASE("filtered steps match the words with the filter tokens of schema version 5") {
  std::string dir = TempDir("filtertokens");
  const std::string path = dir + "/a.sqlite";
  std::vector<SearchQuery> queries;
  for (const char* text : {"ke hoach", "dan chu o co so", "nam"}) {
    SearchQuery q;
    q.text = text;
    q.limit = 50;
    q.candidates = false;  // every step scans the full-text index
    queries.push_back(q);
    q.type = "QĐ";
    queries.push_back(q);
    q.type = "";
    q.from = "2025";
    queries.push_back(q);
  }
  std::vector<std::string> before;
  {
    auto a = Archive::Open(path);
    REQUIRE(a.ok());
    PutSampleDocs(**a);
    for (const SearchQuery& q : queries) before.push_back(AllHits(**a, {q}));
    // The filter tokens are no words of a document, even to a query without accents
    // (whose steps match every column but the filters').
    for (const char* filter_token : {"zvby2025", "zvby*", "z*", "zvbyx nghi"}) {
      CAPTURE(filter_token);
      SearchQuery q;
      q.text = filter_token;
      auto hits = (*a)->Search(q);
      REQUIRE(hits.ok());
      CHECK(hits->empty());
    }
    auto problems = (*a)->Check();
    REQUIRE(problems.ok());
    CHECK(problems->empty());
  }
  // Each document's filter tokens emptied behind vanban's back: a filtered step now finds
  // nothing, an unfiltered one the same hits with the same scores (the tokens are no part
  // of a document's length for vanban_rank); the check names every document.
  ExecOn(path, "UPDATE documents_fts SET filters = ''");
  auto b = Archive::Open(path);
  REQUIRE(b.ok());
  for (size_t i = 0; i < queries.size(); ++i) {
    CAPTURE(i);
    auto hits = (*b)->Search(queries[i]);
    REQUIRE(hits.ok());
    CHECK(before[i].find("/x/") != std::string::npos);
    if (i % 3 == 0) {
      CHECK(AllHits(**b, {queries[i]}) == before[i]);
    } else {
      CHECK(hits->empty());
    }
  }
  auto problems = (*b)->Check();
  REQUIRE(problems.ok());
  CHECK(problems->size() == 12);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a filtered step scans the documents of its filter when they are fewer than its candidates cost") {
  std::string dir = TempDir("checkorscan");
  const std::string path = dir + "/a.sqlite";
  {
    auto a = Archive::Open(path);
    REQUIRE(a.ok());
    // 40 QĐ documents with the phrase, 3 of them with a second one.
    for (int i = 0; i < 40; ++i) {
      Document d = Doc("/c/" + std::to_string(i) + ".txt", "QĐ", "2025-02-0" + std::to_string(1 + i % 9), "Quyết định");
      REQUIRE(PutDoc(**a, d, std::string("Thực hiện dân chủ ở cơ sở") + (i < 3 ? ", cải cách hành chính." : ".")).ok());
    }
  }
  // Filter tokens emptied behind vanban's back: a step that scans finds nothing, a step
  // that checks its candidates by id still finds them.
  ExecOn(path, "UPDATE documents_fts SET filters = ''");
  auto b = Archive::Open(path, ArchiveAccess::kReadOnly);
  REQUIRE(b.ok());
  SearchQuery many;  // 40 candidates, 40 QĐ documents: scanning 40 costs less than 40 checks
  many.text = "dan chu o co so";
  many.type = "QĐ";
  auto hits = (*b)->Search(many);
  REQUIRE(hits.ok());
  CHECK(hits->empty());
  SearchQuery few = many;  // 3 candidates: checked by id
  few.text = "cai cach hanh chinh";
  hits = (*b)->Search(few);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 3);
  CHECK(hits->front().match == "phrase");
  std::filesystem::remove_all(dir);
}

TEST_CASE("the stored types (--type) are read by a skip scan over the type key index, not every document") {
  std::string dir = TempDir("typekeys");
  const std::string path = dir + "/a.sqlite";
  {
    auto a = Archive::Open(path);
    REQUIRE(a.ok());
    for (int i = 0; i < 30; ++i) {
      Document d = Doc("/t/" + std::to_string(i) + ".txt", i % 3 == 0 ? "QĐ" : i % 3 == 1 ? "KH" : "", "2026-01-0" +
                       std::to_string(1 + i % 9), "Kế hoạch");
      REQUIRE(PutDoc(**a, d, "Kế hoạch số " + std::to_string(i)).ok());
    }
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  std::vector<std::string> keys, plan;
  auto collect = [](void* out, int, char** values, char**) {
    static_cast<std::vector<std::string>*>(out)->push_back(values[0] ? values[0] : "");
    return 0;
  };
  const std::string sql = internal::StoredTypeKeysSql(internal::Dialect::kSqlite);
  CHECK(sqlite3_exec(db, sql.c_str(), collect, &keys, nullptr) == SQLITE_OK);
  auto detail = [](void* out, int n, char** values, char**) {
    static_cast<std::vector<std::string>*>(out)->push_back(values[n - 1] ? values[n - 1] : "");
    return 0;
  };
  CHECK(sqlite3_exec(db, ("EXPLAIN QUERY PLAN " + sql).c_str(), detail, &plan, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  // One key per distinct type, in order: the three codes ("" first).
  REQUIRE(keys.size() == 3);
  CHECK(keys[0].substr(0, 1) == "\x1f");
  CHECK(keys[1].substr(0, 3) == "KH\x1f");
  CHECK(keys[2].substr(0, 4) == "QĐ\x1f");
  // Every step reads the index of migration 3; nothing scans the documents.
  std::string all;
  for (const std::string& p : plan) all += p + "\n";
  CAPTURE(all);
  CHECK(all.find("documents_type_key") != std::string::npos);
  CHECK(all.find("SCAN documents\n") == std::string::npos);
  CHECK(all.find("SCAN documents USING COVERING INDEX documents_search_filters") == std::string::npos);
  CHECK(internal::SelectTypeKeys("kh", keys) == std::vector<std::string>{keys[1]});
  std::filesystem::remove_all(dir);
}

TEST_CASE("IndexDocuments is incremental and skips bad files") {
  std::string dir = TempDir("index");
  std::string src = std::string(VANBAN_SOURCE_DIR) + "/samples/seeds/";
  std::filesystem::create_directories(dir + "/in");
  for (const char* f : {"000_6071a54f6ab85aa7.txt", "003_9804076c90d51208.txt"}) {
    std::filesystem::copy_file(src + f, dir + "/in/" + f);
  }
  std::ofstream(dir + "/in/001_bad.txt", std::ios::binary) << std::string("bad\0data", 8);
  IndexOptions o;
  o.inputs = {dir + "/in"};
  o.db_path = dir + "/a.sqlite";
  o.jobs = 2;
  std::vector<IndexFileEvent> events;
  o.on_file = [&](const IndexFileEvent& e) { events.push_back(e); };
  auto s = IndexDocuments(o);
  REQUIRE(s.ok());
  CHECK(s->indexed == 2);
  CHECK(s->failed == 1);
  s = IndexDocuments(o);
  REQUIRE(s.ok());
  CHECK(s->unchanged == 2);
  CHECK(s->indexed == 0);
  std::ofstream(dir + "/in/003_9804076c90d51208.txt", std::ios::app) << "\nThêm một dòng.\n";
  s = IndexDocuments(o);
  REQUIRE(s.ok());
  CHECK(s->replaced == 1);
  CHECK(s->unchanged == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("archive refuses files that are not archives and leaves them untouched") {
  std::string dir = TempDir("refuse");
  std::ofstream(dir + "/notes.txt") << "Ghi chú, không phải cơ sở dữ liệu.\n";
  auto text = Archive::Open(dir + "/notes.txt");
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().code() == StatusCode::kInvalidArgument);
  CHECK(vanban::test::ReadFileBytes(dir + "/notes.txt") == "Ghi chú, không phải cơ sở dữ liệu.\n");
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open((dir + "/other.sqlite").c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "CREATE TABLE invoices(id INTEGER)", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(other);
  std::string before = vanban::test::ReadFileBytes(dir + "/other.sqlite");
  auto foreign = Archive::Open(dir + "/other.sqlite");
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.status().message().find("other tables") != std::string::npos);
  CHECK(vanban::test::ReadFileBytes(dir + "/other.sqlite") == before);
  CHECK_FALSE(Archive::Open(dir).ok());  // a directory
  std::filesystem::remove_all(dir);
}

TEST_CASE("search: exact accents rank first, --exact keeps only them, snippets show the best passage") {
  std::string dir = TempDir("rank");
  auto opened = Archive::Open(dir + "/a.sqlite");
  REQUIRE(opened.ok());
  Archive& a = **opened;
  // The unaccented OCR text repeats the words, so bm25 alone would put it first.
  Document ocr = Doc("/x/ocr.txt", "KH", "2026-01-02", "Ke hoach");
  Document clean = Doc("/x/clean.txt", "KH", "2026-01-03", "Kế hoạch");
  REQUIRE(PutDoc(a, ocr, "nghi quyet dan chu nghi quyet dan chu nghi quyet dan chu").ok());
  std::string filler;
  for (int i = 0; i < 30; ++i) filler += "Thôn bản tổ chức họp dân định kỳ. ";
  REQUIRE(PutDoc(a, clean, "Dân " + filler + "Triển khai Nghị quyết về dân chủ ở cơ sở. " + filler).ok());
  SearchQuery q;
  q.text = "Nghị quyết dân chủ";
  auto hits = a.Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 2);
  CHECK((*hits)[0].path == "/x/clean.txt");
  CHECK((*hits)[0].exact);
  CHECK_FALSE((*hits)[1].exact);
  // The snippet window is the passage with all four words, not the first "Dân".
  CHECK((*hits)[0].snippet.find("[Nghị] [quyết] về [dân] [chủ]") != std::string::npos);
  CHECK((*hits)[0].snippet.rfind("…", 0) == 0);
  CHECK((*hits)[1].snippet.find("[nghi] [quyet] [dan] [chu]") != std::string::npos);
  q.exact = true;
  hits = a.Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].path == "/x/clean.txt");
  // Unaccented queries are not split by accents: one pass per kind of match.
  q = SearchQuery{};
  q.text = "nghi quyet";
  hits = a.Search(q);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 2);
  // FTS5 syntax typed by the user is taken as words.
  q.text = "dân AND OR NEAR( chủ:";
  CHECK(a.Search(q).ok());
  std::filesystem::remove_all(dir);
}

TEST_CASE("records carry the Phụ lục VI and Dublin Core fields") {
  Document d = Doc("/x/1.txt", "KH", "2026-01-21", "Triển khai Nghị quyết");
  d.header.issuer->text = "Ủy ban nhân dân xã Nghi Đương";
  Reference r;
  r.full = "20/NQ-HĐND";
  d.references = {r};
  Recipients rec;
  rec.items = {Recipient{"TT HĐND xã", "", "", {}}, Recipient{"Lưu VT", "", "", {}}};
  d.recipients = rec;
  auto json = nlohmann::ordered_json::parse(ArchivalRecordJson(d, "abc"), nullptr, false);
  REQUIRE_FALSE(json.is_discarded());
  CHECK(json["schema"] == "vanban.doc/1");
  CHECK(json["archival"]["TypeName"] == "Kế hoạch");
  CHECK(json["archival"]["CodeNumber"] == "1");
  CHECK(json["archival"]["CodeNotation"] == "KH-UBND");
  CHECK(json["archival"]["IssuedDate"] == "21/01/2026");
  CHECK(json["archival"]["OrganName"] == "Ủy ban nhân dân xã Nghi Đương");
  CHECK(json["archival"]["SignerInfo"]["FullName"].is_null());
  CHECK(json["archival"]["To"] == nlohmann::ordered_json::array({"TT HĐND xã", "Lưu VT"}));
  CHECK(json["dublin_core"]["date"] == "2026-01-21");
  CHECK(json["dublin_core"]["identifier"] == "1/KH-UBND|Ủy ban nhân dân xã Nghi Đương|2026");
  CHECK(json["dublin_core"]["relation"] == nlohmann::ordered_json::array({"20/NQ-HĐND"}));
  CHECK(json["dublin_core"]["source"] == "/x/1.txt sha256:abc");
  std::string pretty = ArchivalRecordJson(d, "abc", 2);
  CHECK(pretty.find("\n  \"archival\": {\n    \"TypeName\": \"Kế hoạch\"") != std::string::npos);
}

TEST_CASE("IndexDocuments reports a missing input and goes on; --prune forgets deleted files") {
  std::string dir = TempDir("prune");
  std::string src = std::string(VANBAN_SOURCE_DIR) + "/samples/seeds/";
  std::filesystem::create_directories(dir + "/in");
  for (const char* f : {"000_6071a54f6ab85aa7.txt", "003_9804076c90d51208.txt"}) {
    std::filesystem::copy_file(src + f, dir + "/in/" + f);
  }
  IndexOptions o;
  o.inputs = {dir + "/in", dir + "/gone.txt"};
  o.db_path = dir + "/a.sqlite";
  std::vector<IndexFileEvent> events;
  o.on_file = [&](const IndexFileEvent& e) { events.push_back(e); };
  auto s = IndexDocuments(o);
  REQUIRE(s.ok());
  CHECK(s->files == 3);
  CHECK(s->indexed == 2);
  CHECK(s->failed == 1);
  REQUIRE(!events.empty());
  CHECK(events[0].path == dir + "/gone.txt");
  CHECK(events[0].error == "no such file or directory");
  CHECK(s->parse_cpu_seconds > 0);
  std::filesystem::remove(dir + "/in/000_6071a54f6ab85aa7.txt");
  o.inputs = {dir + "/in"};
  s = IndexDocuments(o);
  REQUIRE(s.ok());
  CHECK(s->removed == 0);  // kept unless asked
  o.prune = true;
  s = IndexDocuments(o);
  REQUIRE(s.ok());
  CHECK(s->removed == 1);
  auto db = Archive::Open(o.db_path);
  REQUIRE(db.ok());
  auto paths = (*db)->StoredPaths();
  REQUIRE(paths.ok());
  CHECK(*paths == std::vector<std::string>{dir + "/in/003_9804076c90d51208.txt"});
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vanban
