// Archival metadata of a parsed document: NĐ 30 Phụ lục VI fields and Dublin Core
// (design note §2.1, §2.3).
#include <string>

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
  f.dc_type = h.doc_type ? h.doc_type->code : "";
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

}  // namespace vanban
