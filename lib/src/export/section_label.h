// How a section is numbered on the page, for the text renderings ("II.", "a)", "Điều 3.").
#ifndef VANBAN_EXPORT_SECTION_LABEL_H_
#define VANBAN_EXPORT_SECTION_LABEL_H_

#include <string>

#include "vanban/document.h"

namespace vanban::internal {

inline std::string SectionLabel(const Section& s) {
  if (s.level == "dash") return "-";
  if (s.level == "plus") return "+";
  if (s.level == "para") return "";
  std::string num = s.num.empty() ? s.num_raw : s.num;
  if (num.empty()) return "";
  if (s.level == "diem") return num + ")";
  if (s.level == "dieu") return "Điều " + num + ".";
  if (s.level == "chuong") return "Chương " + num;
  if (s.level == "phan") return "Phần " + num;
  return num + ".";
}

// Structural levels (shown in outlines); dash/plus/para items are running text.
inline bool IsStructural(const Section& s) {
  return s.level != "dash" && s.level != "plus" && s.level != "para";
}

// First |max_bytes| of |text| cut at a space (never inside a UTF-8 sequence), "…" added.
inline std::string Abbreviate(const std::string& text, size_t max_bytes) {
  std::string t;
  for (char c : text) t.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  if (t.size() <= max_bytes) return t;
  size_t cut = t.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  }
  return t.substr(0, cut) + "…";
}

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_SECTION_LABEL_H_
