// SearchHitJson and the serialiser that keeps control characters out of search answers.
#include "archive/search_json.h"

#include <cstdio>

#include "vanban/archive.h"

namespace vanban {
namespace internal {

std::string TerminalSafeJson(const nlohmann::ordered_json& value, int indent) {
  const std::string json = value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(json[i]);
    unsigned char next = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0;
    if (c == 0x7F || (c == 0xC2 && next >= 0x80 && next <= 0x9F)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c == 0x7F ? c : next);
      out += buf;
      i += c == 0x7F ? 0 : 1;
    } else {
      out.push_back(json[i]);
    }
  }
  return out;
}

}  // namespace internal

std::string SearchHitJson(const SearchHit& h, int indent) {
  using Json = nlohmann::ordered_json;
  auto v = [](const std::string& x) { return x.empty() ? Json(nullptr) : Json(x); };
  const Json hit = {{"path", h.path},
                    {"symbol", v(h.full_symbol)},
                    {"type", v(h.doc_type)},
                    {"issued_date", v(h.issued_date)},
                    {"issuer", v(h.issuer)},
                    {"subject", v(h.subject)},
                    {"score", h.match.empty() ? Json(nullptr) : Json(h.score)},
                    {"match", v(h.match)},
                    {"exact", h.exact},
                    {"snippet", v(h.snippet)}};
  return internal::TerminalSafeJson(hit, indent);
}

}  // namespace vanban
