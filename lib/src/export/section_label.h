// How a section is numbered on the page, for the text renderings ("II.", "a)", "Điều 3.").
#ifndef VANBAN_EXPORT_SECTION_LABEL_H_
#define VANBAN_EXPORT_SECTION_LABEL_H_

#include <string>
#include <string_view>

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

// "- " and "+ " items: rendered as (nested) bullet lists.
inline bool IsListItem(const Section& s) { return s.level == "dash" || s.level == "plus"; }

// Levels that become headings in Markdown/HTML when they carry a title; a titled điểm
// or an untitled khoản stays a numbered paragraph, as on paper.
inline bool IsHeadingLevel(const Section& s) {
  return !s.heading.empty() && s.label.empty() &&
         (s.level == "phan" || s.level == "chuong" || s.level == "muc" || s.level == "tieu_muc" ||
          s.level == "dieu" || s.level == "khoan");
}

// A labelled line ("Cơ quan chủ trì: …"): heading = the label, text = the value.
inline bool IsLabelled(const Section& s) { return !s.label.empty() && !s.heading.empty(); }

// |text| on one line, cut to at most |max_chars| code points at a space (never inside a
// UTF-8 sequence), "…" added when cut. Only the part kept is copied: a contents entry for
// each paragraph of a long body must not copy each whole paragraph.
inline std::string Abbreviate(const std::string& text, size_t max_chars) {
  size_t chars = 0, cut = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) {
      cut = i;
      break;
    }
  }
  std::string t;  // up to the cut and the byte at it (a space there is the place to cut)
  for (char c : std::string_view(text).substr(0, cut + 1)) t.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  if (cut == text.size()) return t;
  size_t space = t.rfind(' ', cut);
  if (space != std::string::npos && space > cut / 2) cut = space;
  while (cut > 0 && t[cut - 1] == ' ') --cut;
  return t.substr(0, cut) + "…";
}

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_SECTION_LABEL_H_
