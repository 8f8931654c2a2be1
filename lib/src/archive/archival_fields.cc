// Archival metadata of a parsed document: NĐ 30 Phụ lục VI fields and Dublin Core
// (design note §2.1, §2.3).
#include <nlohmann/json.hpp>

#include <string>

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
  Json archival = {{"TypeName", OrNull(f.type_name)},
                   {"CodeNumber", OrNull(f.code_number)},
                   {"CodeNotation", OrNull(f.code_notation)},
                   {"IssuedDate", OrNull(f.issued_date)},
                   {"OrganName", OrNull(f.organ_name)},
                   {"Subject", OrNull(f.subject)},
                   {"Language", OrNull(f.language)},
                   {"SignerInfo", {{"Position", OrNull(f.signer_position)}, {"FullName", OrNull(f.signer_full_name)}}},
                   {"To", List(f.to)},
                   {"Priority", OrNull(f.priority)}};
  Json dc = {{"title", OrNull(f.dc_title)},         {"creator", OrNull(f.dc_creator)},
             {"subject", OrNull(f.dc_subject)},     {"description", OrNull(f.dc_description)},
             {"publisher", OrNull(f.dc_publisher)}, {"contributor", OrNull(f.dc_contributor)},
             {"date", OrNull(f.dc_date)},           {"type", OrNull(f.dc_type)},
             {"format", OrNull(f.dc_format)},       {"identifier", OrNull(f.dc_identifier)},
             {"source", OrNull(f.dc_source)},       {"language", OrNull(f.dc_language)},
             {"relation", List(f.dc_relation)},     {"coverage", OrNull(f.dc_coverage)},
             {"rights", OrNull(f.dc_rights)}};
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

std::string ArchivalRecordJson(const Document& doc, std::string_view sha256, int indent) {
  JsonOptions jo;
  std::string record = WithArchivalJson(DocumentToJson(doc, jo), doc, sha256);
  if (indent < 0) return record;
  Json parsed = Json::parse(record, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return record;
  return parsed.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace vanban
