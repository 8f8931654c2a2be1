// The record is written as it goes (WriteDocumentJson, issue 10): byte for byte what
// nlohmann's dump of the same record as a tree gives, in every indent, for the samples,
// for a document of many sections and for empty and odd values.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "export/json_writer.h"
#include "test_files.h"
#include "vanban/document.h"
#include "vanban/parse.h"

namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr int kIndents[] = {-1, 0, 2, 4};

// The record as nlohmann dumps it once read back as a tree (ordered: keys stay in place).
std::string TreeDump(const std::string& streamed, int indent) {
  return Json::parse(streamed).dump(indent, ' ', false, Json::error_handler_t::replace);
}

struct Streamed {
  std::string text;
  size_t pieces = 0;
  size_t largest = 0;
};

Streamed Stream(const vanban::Document& doc, const vanban::JsonOptions& options) {
  Streamed s;
  vanban::WriteDocumentJson(doc, options, [&](std::string_view piece) {
    s.text.append(piece);
    ++s.pieces;
    s.largest = std::max(s.largest, piece.size());
  });
  return s;
}

void CheckSameAsTree(const vanban::Document& doc, const std::string& what) {
  for (int indent : kIndents) {
    vanban::JsonOptions o;
    o.indent = indent;
    const std::string streamed = Stream(doc, o).text;
    CHECK_MESSAGE(streamed == TreeDump(streamed, indent), what << " indent " << indent);
    CHECK(streamed == vanban::DocumentToJson(doc, o));
  }
}

// |n| "Điều" sections parsed (with clauses and points) and |n| more made here.
vanban::Document ManySections(int n) {
  std::string text = "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/2026/NĐ-CP\nNGHỊ ĐỊNH\nChương I\n";
  for (int i = 1; i <= n; ++i) {
    text += "Điều " + std::to_string(i) + ". Quy định \"số\" " + std::to_string(i) + "\n";
    if (i % 7 == 0) text += "1. Khoản một\na) điểm a\n";
  }
  auto doc = vanban::ParseDocument(text, {});
  REQUIRE(doc.ok());
  // And as many again made here, each with a clause: sections however the parser groups them.
  for (int i = 1; i <= n; ++i) {
    vanban::Section s;
    s.id = "D" + std::to_string(i);
    s.level = "dieu";
    s.num = std::to_string(i);
    s.heading = "Điều \"" + std::to_string(i) + "\"\tđặc biệt";
    s.lines = {i, i};
    s.children.push_back({"D" + std::to_string(i) + ".1", "khoan", "1.", "1", "", "Khoản", "", {i, i}, {"x"}, {}, {}});
    doc->body.push_back(std::move(s));
  }
  return *doc;
}

size_t CountSections(const std::vector<vanban::Section>& sections) {
  size_t n = sections.size();
  for (const auto& s : sections) n += CountSections(s.children);
  return n;
}

}  // namespace

TEST_CASE("json writer: the layout of nlohmann's dump, empty containers as [] and {}") {
  for (int indent : kIndents) {
    std::string out;
    {
      vanban::internal::JsonWriter w([&](std::string_view p) { out.append(p); }, indent);
      w.BeginObject();
      w.Key("a");
      w.BeginArray();
      w.EndArray();
      w.Key("b");
      w.BeginObject();
      w.EndObject();
      w.Key("c");
      w.BeginArray();
      w.Int(-3);
      w.Double(0.1);
      w.Double(1.0);
      w.Double(std::numeric_limits<double>::quiet_NaN());
      w.Null();
      w.Bool(false);
      w.BeginArray();
      w.String("x");
      w.EndArray();
      w.EndArray();
      w.Key("d\"\n");
      w.String("tab\t bell\x07 bad\xff utf8 ế");
      w.EndObject();
    }
    Json tree;
    tree["a"] = Json::array();
    tree["b"] = Json::object();
    tree["c"] = Json::array({-3, 0.1, 1.0, std::numeric_limits<double>::quiet_NaN(), nullptr, false, Json::array({"x"})});
    tree["d\"\n"] = "tab\t bell\x07 bad\xff utf8 ế";
    CHECK(out == tree.dump(indent, ' ', false, Json::error_handler_t::replace));
  }
}

TEST_CASE("streamed record: the samples, byte for byte as the tree") {
  int checked = 0;
  for (const char* dir : {"seeds", "ocrsim", "encodings"}) {
    fs::path d = fs::path(VANBAN_SOURCE_DIR) / "samples" / dir;
    if (!fs::exists(d)) continue;
    for (const auto& entry : fs::directory_iterator(d)) {
      if (entry.path().extension() != ".txt") continue;
      auto doc = vanban::ParseDocument(vanban::test::ReadFileBytes(entry.path()), {});
      if (!doc.ok()) continue;  // encodings/: not every file is UTF-8
      CheckSameAsTree(*doc, entry.path().filename().string());
      ++checked;
    }
  }
  CHECK(checked >= 8);
}

TEST_CASE("streamed record: 20,000 sections come in pieces, the same as the tree") {
  const vanban::Document doc = ManySections(20000);
  REQUIRE(CountSections(doc.body) > 40000);
  CheckSameAsTree(doc, "many sections");
  // Handed over as it is written, never as one string.
  const Streamed s = Stream(doc, {2, {}});
  CHECK(s.pieces > 10);
  CHECK(s.largest < (1u << 16) + 4096);
}

TEST_CASE("streamed record: empty and odd documents") {
  vanban::Document empty;
  CheckSameAsTree(empty, "empty document");

  vanban::Document odd;
  odd.source.path = "a\"b\\c\x01.txt";
  odd.source.marked_ratio = 2.0 / 3.0;
  odd.header.subject = vanban::TextValue{"bad \xc3 byte", "", {3, 4}, std::nan(""), {"", "x"}, {}};
  odd.header.number_symbol.emplace();  // present, every value empty
  vanban::Section deep;
  for (int i = 0; i < 200; ++i) {
    vanban::Section parent;
    parent.id = std::to_string(i);
    parent.children.push_back(std::move(deep));
    deep = std::move(parent);
  }
  odd.body.push_back(std::move(deep));
  vanban::Appendix a;
  vanban::Table t;
  t.columns = {{"other", "Ghi chú"}, {"other", "Ghi chú 2"}};
  t.rows.push_back({"1", "task", {{"stt", "1"}, {"other", "a"}, {"task", "b"}, {"other", "c"}}, {}, {}});
  t.rows.push_back({"", "group", {}, {}, {}});
  a.tables.push_back(t);
  odd.appendices.push_back(a);
  odd.warnings = {"", "\x1b[31m"};
  CheckSameAsTree(odd, "odd document");

  // A repeated cell key keeps its first place and its last value, as setting members of
  // an ordered_json one after another did.
  Json record = Json::parse(vanban::DocumentToJson(odd));
  CHECK(record["appendices"][0]["tables"][0]["rows"][0]["cells"].dump() == R"({"other":"c","task":"b"})");
  CHECK(record["source"]["marked_ratio"] == 0.667);
  CHECK(record["header"]["subject"]["confidence"].is_null());
}

TEST_CASE("streamed record: --fields keeps the order of the record, whatever the order asked") {
  const vanban::Document doc = ManySections(3);
  for (int indent : kIndents) {
    vanban::JsonOptions o;
    o.indent = indent;
    o.fields = {"warnings", "header", "nope"};
    const std::string streamed = vanban::DocumentToJson(doc, o);
    CHECK(streamed == TreeDump(streamed, indent));
    Json j = Json::parse(streamed);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"schema", "header", "warnings"});
  }
  vanban::JsonOptions none;
  none.fields = {"nope"};
  CHECK(vanban::DocumentToJson(doc, none) == R"({"schema":"vanban.doc/1"})");
}

TEST_CASE("the record's top-level fields, from the one description") {
  CHECK(vanban::DocumentFieldNames() ==
        std::vector<std::string>{"source", "header", "preamble", "body", "tasks", "deadlines", "references",
                                 "internal_refs", "appendix_refs", "appendices", "closing", "recipients",
                                 "signature", "digital_signatures", "footnotes", "furniture", "warnings"});
  Json j = Json::parse(vanban::DocumentToJson(vanban::Document()));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) {
    if (k != "schema") keys.push_back(k);
  }
  CHECK(keys == vanban::DocumentFieldNames());
}

// The writer escapes strings itself; nlohmann is the reference for every control byte,
// for well-formed UTF-8 of each length, and for each kind of ill-formed sequence (where
// nlohmann's U+FFFD replacement is kept): surrogates, overlong forms, beyond U+10FFFF,
// stray and missing continuation bytes, alone, in a row and at either end.
TEST_CASE("json writer: strings escaped and replaced exactly as nlohmann dumps them") {
  std::vector<std::string> values = {"", "plain", "ế Đ 𝄞 \x7f end", "\"\\/", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"};
  for (int c = 0; c < 0x20; ++c) values.push_back("a" + std::string(1, static_cast<char>(c)) + "b");
  for (const char* bad : {"\xed\xa0\x80", "\xe0\x80\x80", "\xc0\xaf", "\xc1\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
                          "\xf0\x80\x80\x80", "\x80", "\xbf\xbf", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\xff\xfe",
                          "\xe2\x82\x41", "\xc3\"\n"}) {
    values.push_back(bad);
    values.push_back(std::string("x") + bad);
    values.push_back(std::string(bad) + "ế\t");
  }
  for (const std::string& v : values) {
    std::string out;
    {
      vanban::internal::JsonWriter w([&](std::string_view p) { out.append(p); }, -1);
      w.BeginObject();
      w.Key(v);
      w.String(v);
      w.EndObject();
    }
    Json tree;
    tree[v] = v;
    CHECK_MESSAGE(out == tree.dump(-1, ' ', false, Json::error_handler_t::replace), Json(v).dump(-1, ' ', true, Json::error_handler_t::replace));
  }
}
