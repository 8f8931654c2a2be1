// Header facts shared by the Markdown and HTML renderings: the title line, the date as
// written on paper and the table cells of appendix rows.
#ifndef VANBAN_EXPORT_DOCUMENT_TITLE_H_
#define VANBAN_EXPORT_DOCUMENT_TITLE_H_

#include <string>
#include <utility>
#include <vector>

#include "vanban/document.h"

namespace vanban::internal {

// "KẾ HOẠCH"; a công văn (no type, "Kính gửi") has no title line: "CÔNG VĂN".
inline std::string DocumentTitle(const Document& doc) {
  const Header& h = doc.header;
  if (h.doc_type && !h.doc_type->label_vi.empty()) return h.doc_type->label_vi;
  return h.recipients_to ? "CÔNG VĂN" : "VĂN BẢN";
}

// "2026-01-21" -> "ngày 21 tháng 01 năm 2026"; blank parts ("??") stay blank, as in a draft.
inline std::string VietnameseDate(const std::string& iso) {
  if (iso.size() != 10) return iso;
  auto part = [](std::string p) { return p.find('?') != std::string::npos ? std::string("…") : p; };
  return "ngày " + part(iso.substr(8, 2)) + " tháng " + part(iso.substr(5, 2)) + " năm " + part(iso.substr(0, 4));
}

// "Nghi Đương, ngày 21 tháng 01 năm 2026" (ô 4).
inline std::string PlaceAndDate(const Document& doc) {
  const Header& h = doc.header;
  std::string date = h.issued_date ? VietnameseDate(h.issued_date->iso) : "";
  std::string place = h.place ? h.place->text : "";
  if (place.empty()) return date;
  return date.empty() ? place : place + ", " + date;
}

// (label, value) of the header components that were found, in the order of the page.
inline std::vector<std::pair<std::string, std::string>> HeaderFacts(const Document& doc) {
  const Header& h = doc.header;
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&out](const char* k, const std::string& v) {
    if (!v.empty()) out.emplace_back(k, v);
  };
  if (h.parent_authority) add("Cơ quan chủ quản", h.parent_authority->text);
  if (h.issuer) add("Cơ quan ban hành", h.issuer->text);
  if (h.number_symbol) add("Số, ký hiệu", h.number_symbol->full);
  add("Địa danh, ngày", PlaceAndDate(doc));
  if (h.recipients_to) add("Kính gửi", h.recipients_to->text);
  add("Độ mật", h.security_level);
  add("Độ khẩn", h.urgency);
  add("Tệp nguồn", doc.source.path);
  return out;
}

// Text of column |key| in an appendix table row (the STT cell falls back to row.stt).
inline std::string CellText(const TableRow& r, const std::string& key) {
  std::string v;
  for (const auto& [k, text] : r.cells) {
    if (k == key) v += (v.empty() ? "" : " ") + text;
  }
  if (v.empty() && key == "stt") v = r.stt;
  return v;
}

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_DOCUMENT_TITLE_H_
