// Escaping document text for CommonMark, so that OCR'd text never turns into markup
// ("1. …" into a list, "*Dân biết*" into emphasis, "# …" into a heading).
#ifndef VANBAN_EXPORT_MARKDOWN_TEXT_H_
#define VANBAN_EXPORT_MARKDOWN_TEXT_H_

#include <string>
#include <string_view>

namespace vanban::internal {

inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Inline text: markup characters backslash-escaped, line breaks and tabs as spaces.
inline std::string MdInline(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    switch (c) {
      case '\\': case '*': case '`': case '<': case '>': case '[': case ']': case '#': case '~':
      case '&': case '|':
        out.push_back('\\');
        break;
      case '_': {
        // An underscore inside a word ("003_abc") cannot start emphasis: left as is.
        bool inside = i > 0 && i + 1 < s.size() && IsWordByte(static_cast<unsigned char>(s[i - 1])) &&
                      IsWordByte(static_cast<unsigned char>(s[i + 1]));
        if (!inside) out.push_back('\\');
        break;
      }
      default:
        break;
    }
    out.push_back(c);
  }
  return out;
}

// Text that starts a block (paragraph, list item): also neutralises what would open a
// list ("- ", "+ ", "1. ", "2) "), a thematic break or a setext underline.
inline std::string MdBlock(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  std::string out = MdInline(s);
  if (out.empty()) return out;
  if (out[0] == '-' || out[0] == '+' || out[0] == '=') return "\\" + out;
  size_t digits = 0;
  while (digits < out.size() && digits < 10 && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) {
    out.insert(digits, "\\");
  }
  return out;
}

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_MARKDOWN_TEXT_H_
