// The section tree as indented text or nested Markdown bullets.
#include <string>

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

void Walk(const std::vector<Section>& sections, int depth, bool markdown, std::string* out) {
  for (const Section& s : sections) {
    if (!internal::IsStructural(s)) continue;
    out->append(std::string(depth * 2, ' '));
    if (markdown) {
      out->append("- ");
      if (!s.id.empty()) out->append("`" + s.id + "` ");
      out->append(Title(s));
    } else {
      out->append(Title(s));
      out->append(Span(s.lines));
    }
    for (const auto& f : s.flags) out->append("  (" + f + ")");
    out->push_back('\n');
    Walk(s.children, depth + 1, markdown, out);
  }
}

void Appendices(const Document& doc, bool markdown, std::string* out) {
  for (const Appendix& a : doc.appendices) {
    size_t rows = 0;
    for (const Table& t : a.tables) rows += t.rows.size();
    std::string line = (a.label_vi.empty() ? a.id : a.label_vi) + (a.title.empty() ? "" : ": " + Abbreviate(a.title, 70));
    if (!a.tables.empty()) {
      line += " (" + std::to_string(a.tables.size()) + (a.tables.size() == 1 ? " table, " : " tables, ") +
              std::to_string(rows) + " rows)";
    }
    out->append(markdown ? "- " + line + "\n" : line + Span(a.lines) + "\n");
  }
}

}  // namespace

std::string DocumentOutline(const Document& doc) {
  std::string out;
  Walk(doc.body, 0, false, &out);
  Appendices(doc, false, &out);
  return out;
}

std::string DocumentOutlineMarkdown(const Document& doc) {
  std::string out;
  Walk(doc.body, 0, true, &out);
  Appendices(doc, true, &out);
  return out;
}

}  // namespace vanban
