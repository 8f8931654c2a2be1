// Archival metadata of a parsed document: NĐ 30 Phụ lục VI fields and Dublin Core
// (design note §2.1, §2.3).
#include <nlohmann/json.hpp>

#include <string>

#include "archive/archival_fields.h"
#include "archive/search_query.h"
#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban {
namespace {

// "KẾ HOẠCH" -> "Kế hoạch".
std::string SentenceCase(const std::string& s) {
  std::string lower = ToLower(s);
  if (lower.empty()) return lower;
  size_t len = 1;
  unsigned char c = static_cast<unsigned char>(lower[0]);
  if (c >= 0xF0) len = 4;
  else if (c >= 0xE0) len = 3;
  else if (c >= 0xC0) len = 2;
  return ToUpper(lower.substr(0, len)) + lower.substr(len);
}

// "2026-01-21" -> "21/01/2026"; blanks ("??") kept as they are.
std::string VnDate(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace

namespace internal {

const std::vector<ArchivalField>& ArchivalFieldList() {
  using F = ArchivalFields;
  static const std::vector<ArchivalField> kFields = {
      {"type_name", "archival", "TypeName", &F::type_name},
      {"code_number", "archival", "CodeNumber", &F::code_number},
      {"code_notation", "archival", "CodeNotation", &F::code_notation},
      {"issued_date_vn", "archival", "IssuedDate", &F::issued_date},
      {"organ_name", "archival", "OrganName", &F::organ_name},
      {nullptr, "archival", "Subject", &F::subject},
      {"language", "archival", "Language", &F::language},
      {"signer_info_position", "archival", "SignerInfo/Position", &F::signer_position},
      {"signer_info_full_name", "archival", "SignerInfo/FullName", &F::signer_full_name},
      {"to_places", "archival", "To", &F::to, true},
      {"priority", "archival", "Priority", &F::priority},
      {"dc_title", "dublin_core", "title", &F::dc_title},
      {"dc_creator", "dublin_core", "creator", &F::dc_creator},
      {"dc_subject", "dublin_core", "subject", &F::dc_subject},
      {"dc_description", "dublin_core", "description", &F::dc_description},
      {"dc_publisher", "dublin_core", "publisher", &F::dc_publisher},
      {"dc_contributor", "dublin_core", "contributor", &F::dc_contributor},
      {"dc_date", "dublin_core", "date", &F::dc_date},
      {"dc_type", "dublin_core", "type", &F::dc_type},
      {"dc_format", "dublin_core", "format", &F::dc_format},
      {"dc_identifier", "dublin_core", "identifier", &F::dc_identifier},
      {"dc_source", "dublin_core", "source", &F::dc_source},
      {"dc_language", "dublin_core", "language", &F::dc_language},
      {"dc_relation", "dublin_core", "relation", &F::dc_relation, true},
      {"dc_coverage", "dublin_core", "coverage", &F::dc_coverage},
      {"dc_rights", "dublin_core", "rights", &F::dc_rights},
  };
  return kFields;
}

}  // namespace internal

ArchivalFields ArchivalFieldsOf(const Document& doc, std::string_view sha256) {
  ArchivalFields f;
  const Header& h = doc.header;
  if (h.doc_type) f.type_name = SentenceCase(h.doc_type->label_vi);
  if (f.type_name.empty() && h.recipients_to) f.type_name = "Công văn";
  std::string year;
  if (h.number_symbol) {
    f.code_number = h.number_symbol->number;
    f.code_notation = h.number_symbol->symbol;
    year = h.number_symbol->year;
  }
  if (h.issued_date) {
    f.issued_date = VnDate(h.issued_date->iso);
    if (h.issued_date->iso.size() >= 4 && h.issued_date->iso[0] != '?') year = h.issued_date->iso.substr(0, 4);
  }
  if (h.issuer) f.organ_name = h.issuer->text;
  if (h.subject) f.subject = h.subject->text;
  if (doc.signature) {
    f.signer_position = doc.signature->position;
    f.signer_full_name = doc.signature->signer_name;
  }
  if (doc.recipients) {
    for (const auto& r : doc.recipients->items) f.to += (f.to.empty() ? "" : "; ") + r.text;
  }
  f.priority = !h.urgency.empty() ? h.urgency : h.security_level;

  f.dc_title = f.type_name.empty() ? f.subject : f.subject.empty() ? f.type_name : f.type_name + " " + f.subject;
  f.dc_creator = f.organ_name;
  f.dc_publisher = f.organ_name;
  f.dc_subject = f.subject;
  if (!doc.preamble.items.empty()) f.dc_description = doc.preamble.items.front().text.text;
  f.dc_contributor = f.signer_full_name;
  f.dc_date = h.issued_date ? h.issued_date->iso : "";
  // The type code that --type selects: "CV" for a công văn, which has none in NĐ 30.
  f.dc_type = internal::EffectiveTypeCode(h.doc_type ? h.doc_type->code : "", h.doc_type ? h.doc_type->label_vi : "",
                                          f.type_name);
  f.dc_format = doc.source.ocr ? "text/plain; OCR" : "text/plain";
  std::string symbol = h.number_symbol ? h.number_symbol->full : "";
  if (!symbol.empty() || !f.organ_name.empty()) f.dc_identifier = symbol + "|" + f.organ_name + "|" + year;
  f.dc_source = doc.source.path + (sha256.empty() ? "" : " sha256:" + std::string(sha256));
  f.dc_language = "vi";
  for (const auto& r : doc.references) {
    if (!r.full.empty()) f.dc_relation += (f.dc_relation.empty() ? "" : "; ") + r.full;
  }
  if (h.place) f.dc_coverage = h.place->text;
  f.dc_rights = h.security_level.empty() ? "public" : h.security_level;
  return f;
}

namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json List(const std::string& joined) {
  Json a = Json::array();
  size_t start = 0;
  while (start < joined.size()) {
    size_t end = joined.find("; ", start);
    if (end == std::string::npos) end = joined.size();
    if (end > start) a.push_back(joined.substr(start, end - start));
    start = end + 2;
  }
  return a;
}

}  // namespace

std::string ArchivalJson(const ArchivalFields& f) {
  Json archival = Json::object(), dc = Json::object();
  for (const internal::ArchivalField& a : internal::ArchivalFieldList()) {
    Json& object = std::string_view(a.object) == "archival" ? archival : dc;
    const std::string& v = f.*a.member;
    const std::string_view key = a.key;
    const size_t slash = key.find('/');
    Json& member = slash == std::string_view::npos
                       ? object[std::string(key)]
                       : object[std::string(key.substr(0, slash))][std::string(key.substr(slash + 1))];
    member = a.list ? List(v) : OrNull(v);
  }
  const auto replace = Json::error_handler_t::replace;
  return "\"archival\":" + archival.dump(-1, ' ', false, replace) + ",\"dublin_core\":" + dc.dump(-1, ' ', false, replace);
}

std::string WithArchivalJson(std::string record, const Document& doc, std::string_view sha256) {
  // The parser's record may one day carry these keys itself; then it is kept as it is.
  // ("\"archival\":" can only be a key: a JSON string value is never followed by ':'.)
  if (record.find("\"archival\":") == std::string::npos && record.size() >= 2 && record.back() == '}') {
    record.pop_back();
    record += "," + ArchivalJson(ArchivalFieldsOf(doc, sha256)) + "}";
  }
  return record;
}

void WriteArchivalRecordJson(const Document& doc, std::string_view sha256, int indent, const JsonSink& sink) {
  // The record goes on as it is written, its closing brace ("}", indented "\n}") held back
  // for the two members to go before it: a tree of the whole record, parsed back to indent
  // it, cost 40 times the input (100,000 sections).
  const size_t closing = indent < 0 ? 1 : 2;
  std::string held;
  JsonOptions jo;
  jo.indent = indent;
  WriteDocumentJson(doc, jo, [&](std::string_view piece) {
    held += piece;
    if (held.size() > closing) {
      sink(std::string_view(held).substr(0, held.size() - closing));
      held.erase(0, held.size() - closing);
    }
  });
  std::string members = "{" + ArchivalJson(ArchivalFieldsOf(doc, sha256)) + "}";
  // Indented as an object of their own, they stand one level in, as in the record.
  if (indent >= 0) members = Json::parse(members).dump(indent, ' ', false, Json::error_handler_t::replace);
  sink(",");
  sink(std::string_view(members).substr(1));  // the members and the record's closing brace
}

std::string ArchivalRecordJson(const Document& doc, std::string_view sha256, int indent) {
  std::string record;
  WriteArchivalRecordJson(doc, sha256, indent, [&](std::string_view piece) { record += piece; });
  return record;
}

}  // namespace vanban
