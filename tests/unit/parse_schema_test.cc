// Every record the parser writes validates against docs/vanban.doc.schema.json. No JSON
// Schema library is available, so this file carries a validator for the subset the
// schema uses: type (name or list), required, properties, items, enum.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "vanban/document.h"
#include "vanban/parse.h"
#include "test_files.h"

namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

bool HasType(const Json& v, const std::string& t) {
  if (t == "null") return v.is_null();
  if (t == "string") return v.is_string();
  if (t == "boolean") return v.is_boolean();
  if (t == "integer") return v.is_number_integer();
  if (t == "number") return v.is_number();
  if (t == "array") return v.is_array();
  if (t == "object") return v.is_object();
  return false;
}

// Appends "path: problem" lines to |errors|.
void Validate(const Json& schema, const Json& v, const std::string& path, std::vector<std::string>* errors) {
  if (schema.contains("type")) {
    const Json& t = schema["type"];
    bool ok = false;
    if (t.is_string()) ok = HasType(v, t.get<std::string>());
    for (const Json& one : t.is_array() ? t : Json::array()) ok = ok || HasType(v, one.get<std::string>());
    if (!ok) {
      errors->push_back(path + ": type " + std::string(v.type_name()) + " not in " + t.dump());
      return;
    }
  }
  if (schema.contains("enum")) {
    bool ok = false;
    for (const Json& e : schema["enum"]) ok = ok || e == v;
    if (!ok) errors->push_back(path + ": " + v.dump() + " not in enum " + schema["enum"].dump());
  }
  if (v.is_object()) {
    for (const Json& r : schema.value("required", Json::array())) {
      if (!v.contains(r.get<std::string>())) errors->push_back(path + ": missing '" + r.get<std::string>() + "'");
    }
    if (schema.contains("properties")) {
      for (const auto& [k, sub] : schema["properties"].items()) {
        if (v.contains(k)) Validate(sub, v[k], path + "." + k, errors);
      }
    }
  }
  if (v.is_array() && schema.contains("items")) {
    for (size_t i = 0; i < v.size(); ++i) Validate(schema["items"], v[i], path + "[" + std::to_string(i) + "]", errors);
  }
}

const Json& Schema() {
  static const Json schema = Json::parse(vanban::test::ReadFileBytes(fs::path(VANBAN_SOURCE_DIR) / "docs" / "vanban.doc.schema.json"));
  return schema;
}

// Sections are recursive: the schema describes one level; validate every level with it.
void ValidateSections(const Json& sections, std::vector<std::string>* errors, const std::string& path) {
  const Json& section_schema = Schema()["properties"]["body"]["items"];
  for (size_t i = 0; i < sections.size(); ++i) {
    std::string p = path + "[" + std::to_string(i) + "]";
    Validate(section_schema, sections[i], p, errors);
    if (sections[i].contains("children")) ValidateSections(sections[i]["children"], errors, p + ".children");
  }
}

std::vector<std::string> ValidateRecord(const std::string& json_text) {
  std::vector<std::string> errors;
  Json record = Json::parse(json_text);
  Validate(Schema(), record, "$", &errors);
  for (const std::string& f : vanban::DocumentFieldNames()) {
    if (!record.contains(f)) errors.push_back("$: missing top-level field " + f);
  }
  if (record.contains("body")) ValidateSections(record["body"], &errors, "$.body");
  return errors;
}

std::string ErrorsText(const std::vector<std::string>& errors) {
  std::string out;
  for (size_t i = 0; i < errors.size() && i < 10; ++i) out += errors[i] + "\n";
  return out;
}

}  // namespace

TEST_CASE("schema validator catches wrong types, enums and missing fields") {
  Json schema = Json::parse(R"({"type":"object","required":["a"],"properties":{
      "a":{"type":["string","null"],"enum":["x",null]},
      "b":{"type":"array","items":{"type":"integer"}}}})");
  std::vector<std::string> errors;
  Validate(schema, Json::parse(R"({"a":"x","b":[1,2]})"), "$", &errors);
  CHECK(errors.empty());
  Validate(schema, Json::parse(R"({"a":"y","b":[1,"2"]})"), "$", &errors);
  CHECK(errors.size() == 2);
  errors.clear();
  Validate(schema, Json::parse(R"({"b":[]})"), "$", &errors);
  CHECK(errors.size() == 1);
}

TEST_CASE("every sample's record validates against docs/vanban.doc.schema.json") {
  int checked = 0;
  for (const char* dir : {"seeds", "ocrsim"}) {
    fs::path d = fs::path(VANBAN_SOURCE_DIR) / "samples" / dir;
    if (!fs::exists(d)) continue;
    for (const auto& entry : fs::directory_iterator(d)) {
      if (entry.path().extension() != ".txt") continue;
      auto doc = vanban::ParseDocument(vanban::test::ReadFileBytes(entry.path()), {});
      REQUIRE(doc.ok());
      auto errors = ValidateRecord(vanban::DocumentToJson(*doc));
      CHECK_MESSAGE(errors.empty(), entry.path().filename().string() << "\n" << ErrorsText(errors));
      ++checked;
    }
  }
  CHECK(checked >= 4);
}

TEST_CASE("degenerate inputs still give schema-valid records") {
  for (const char* text : {"", "\n\n\n", "hello world", "Số: /", "I.\n1.\na)\n-\n+", "PHỤ LỤC\nSTT\tA\n\t\t\n",
                           "Nơi nhận:\n- \nTM.\n", "\t\t2026-01-26T17:37:54+0700\n", "Căn cứ ;;;\n"}) {
    auto doc = vanban::ParseDocument(text, {});
    REQUIRE(doc.ok());
    auto errors = ValidateRecord(vanban::DocumentToJson(*doc));
    CHECK_MESSAGE(errors.empty(), "input: " << text << "\n" << ErrorsText(errors));
  }
}

TEST_CASE("--fields selects parts of the record") {
  auto doc = vanban::ParseDocument("KẾ HOẠCH\nabc\n", {});
  REQUIRE(doc.ok());
  vanban::JsonOptions o;
  o.fields = {"header", "tasks"};
  Json j = Json::parse(vanban::DocumentToJson(*doc, o));
  CHECK(j["schema"] == "vanban.doc/1");
  CHECK(j.contains("header"));
  CHECK(j.contains("tasks"));
  CHECK_FALSE(j.contains("body"));
  CHECK(vanban::FirstUnknownFieldName({"header", "nope"}) == "nope");
  CHECK(vanban::FirstUnknownFieldName({"header"}).empty());
}
