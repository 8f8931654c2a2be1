// The section tree as indented text or nested Markdown bullets.
#include <algorithm>
#include <string>

#include "export/markdown_text.h"
#include "export/section_label.h"
#include "vanban/export.h"

namespace vanban {
namespace {

using internal::Abbreviate;
using internal::SectionLabel;

std::string Title(const Section& s) {
  std::string label = SectionLabel(s);
  std::string body = !s.heading.empty() ? s.heading : Abbreviate(s.text, 70);
  return label.empty() ? body : body.empty() ? label : label + " " + body;
}

std::string Span(const LineSpan& l) {
  if (l.empty()) return "";
  return l.start == l.end ? "  [" + std::to_string(l.start) + "]"
                          : "  [" + std::to_string(l.start) + "-" + std::to_string(l.end) + "]";
}

void Walk(const std::vector<Section>& sections, int depth, std::string* out) {
  for (const Section& s : sections) {
    if (!internal::IsStructural(s)) continue;
    out->append(std::string(depth * 2, ' '));
    out->append(Title(s));
    out->append(Span(s.lines));
    for (const auto& f : s.flags) out->append("  (" + f + ")");
    out->push_back('\n');
    Walk(s.children, depth + 1, out);
  }
}

void AppendHeading(int level, const std::string& title, std::string* out) {
  // A heading after a bullet list needs the blank line that ends the list.
  if (out->size() > 1 && (*out)[out->size() - 2] != '\n') out->push_back('\n');
  out->append(std::string(level, '#') + " " + internal::MdInline(title) + "\n\n");
}

// One ATX heading per section, "#" per level from |level|; below level 6, where Markdown
// has no headings, nested bullets.
void WalkMarkdown(const std::vector<Section>& sections, int level, std::string* out) {
  for (const Section& s : sections) {
    if (!internal::IsStructural(s)) continue;
    if (level <= 6) {
      AppendHeading(level, Title(s), out);
    } else {
      out->append(std::string((level - 7) * 2, ' ') + "- " + internal::MdBlock(Title(s)) + "\n");
    }
    WalkMarkdown(s.children, level + 1, out);
  }
}

std::string AppendixLine(const Appendix& a) {
  size_t rows = 0;
  for (const Table& t : a.tables) rows += t.rows.size();
  std::string line = (a.label_vi.empty() ? a.id : a.label_vi) + (a.title.empty() ? "" : ": " + Abbreviate(a.title, 70));
  if (!a.tables.empty()) {
    line += " (" + std::to_string(a.tables.size()) + (a.tables.size() == 1 ? " table, " : " tables, ") +
            std::to_string(rows) + " rows)";
  }
  return line;
}

}  // namespace

std::string DocumentOutline(const Document& doc) {
  std::string out;
  Walk(doc.body, 0, &out);
  for (const Appendix& a : doc.appendices) out.append(AppendixLine(a) + Span(a.lines) + "\n");
  return out;
}

std::string DocumentOutlineMarkdown(const Document& doc, int top_level) {
  std::string out;
  top_level = std::max(1, top_level);
  WalkMarkdown(doc.body, top_level, &out);
  for (const Appendix& a : doc.appendices) AppendHeading(std::min(6, top_level), AppendixLine(a), &out);
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace vanban
