// The whole document as Markdown (CommonMark + GFM pipe tables).
#include <algorithm>
#include <string>
#include <vector>

#include "export/document_title.h"
#include "export/markdown_text.h"
#include "export/section_label.h"
#include "vanban/export.h"

namespace vanban {
namespace {

using internal::MdBlock;
using internal::MdInline;

// One Markdown block; list items carry their nesting depth so that consecutive items
// are joined into one tight list.
struct Block {
  int list_depth = -1;  // -1: not a list item
  std::string text;
};

// Table cells: inline text ('|' is escaped by MdInline).
std::string Cell(std::string_view s) { return MdInline(s); }

// The line of a section outside headings: "**a)** text", "**Cơ quan chủ trì:** text".
std::string Line(const Section& s) {
  if (internal::IsLabelled(s)) {
    return "**" + MdInline(s.heading) + ":**" + (s.text.empty() ? "" : " " + MdInline(s.text));
  }
  std::string label = internal::IsListItem(s) ? "" : internal::SectionLabel(s);
  std::string body = s.heading.empty() ? s.text : s.text.empty() ? s.heading : s.heading + ". " + s.text;
  if (label.empty()) return MdBlock(body);
  if (!s.heading.empty() && !s.text.empty()) {
    return "**" + MdInline(label + " " + s.heading) + "** " + MdInline(s.text);
  }
  return "**" + MdInline(label) + "** " + MdInline(body);
}

void Render(const Section& s, int heading_depth, int list_depth, std::vector<Block>* out) {
  if (list_depth >= 0 || internal::IsListItem(s)) {
    int depth = std::max(0, list_depth);
    out->push_back({depth, Line(s)});
    for (const Section& c : s.children) Render(c, heading_depth, depth + 1, out);
    return;
  }
  if (internal::IsHeadingLevel(s)) {
    std::string label = internal::SectionLabel(s);
    out->push_back({-1, std::string(std::min(6, heading_depth + 2), '#') + " " +
                            MdInline(label.empty() ? s.heading : label + " " + s.heading)});
    if (!s.text.empty()) out->push_back({-1, MdBlock(s.text)});
    for (const Section& c : s.children) Render(c, heading_depth + 1, -1, out);
    return;
  }
  std::string line = Line(s);
  if (!line.empty()) out->push_back({-1, line});
  for (const Section& c : s.children) Render(c, heading_depth, -1, out);
}

void Join(const std::vector<Block>& blocks, std::string* out) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.list_depth >= 0) out->append(static_cast<size_t>(b.list_depth) * 2, ' ').append("- ");
    out->append(b.text);
    bool tight = b.list_depth >= 0 && i + 1 < blocks.size() && blocks[i + 1].list_depth >= 0;
    out->append(tight ? "\n" : "\n\n");
  }
}

void TableMd(const Table& t, std::string* out) {
  if (t.columns.empty()) return;
  out->append("|");
  for (const auto& c : t.columns) out->append(" " + Cell(c.label_vi.empty() ? c.key : c.label_vi) + " |");
  out->append("\n|");
  for (size_t i = 0; i < t.columns.size(); ++i) out->append("---|");
  out->append("\n");
  for (const TableRow& r : t.rows) {
    out->append("|");
    for (const auto& c : t.columns) {
      std::string v = internal::CellText(r, c.key);
      v = Cell(v);
      if (r.kind == "group" && !v.empty()) v = "**" + v + "**";
      out->append(" " + v + " |");
    }
    out->append("\n");
  }
  out->append("\n");
}

}  // namespace

std::string DocumentToMarkdown(const Document& doc) {
  const Header& h = doc.header;
  std::string out;
  out.append("# " + MdInline(internal::DocumentTitle(doc)) + "\n\n");
  if (h.subject && !h.subject->text.empty()) out.append("**" + MdInline(h.subject->text) + "**\n\n");
  std::vector<std::pair<std::string, std::string>> meta = internal::HeaderFacts(doc);
  if (!meta.empty()) {
    out.append("| Thành phần | Nội dung |\n|---|---|\n");
    for (const auto& [k, v] : meta) out.append("| " + Cell(k) + " | " + Cell(v) + " |\n");
    out.append("\n");
  }
  std::vector<Block> blocks;
  for (const auto& item : doc.preamble.items) blocks.push_back({-1, MdBlock(item.text.text)});
  if (doc.preamble.enacting_formula) blocks.push_back({-1, MdBlock(doc.preamble.enacting_formula->text)});
  for (const auto& s : doc.body) Render(s, 0, -1, &blocks);
  if (doc.closing && !doc.closing->text.empty()) blocks.push_back({-1, MdBlock(doc.closing->text)});
  Join(blocks, &out);
  if (doc.signature) {
    const Signature& sig = *doc.signature;
    std::vector<std::string> lines;
    for (const auto& a : sig.authority_lines) lines.push_back("**" + MdInline(a.prefix + " " + a.text) + "**");
    if (!sig.position.empty()) lines.push_back("**" + MdInline(sig.position) + "**");
    if (!sig.signer_name.empty()) lines.push_back("**" + MdInline(sig.signer_name) + "**");
    for (size_t i = 0; i < lines.size(); ++i) {
      out.append(lines[i] + (i + 1 < lines.size() ? "\\\n" : "\n\n"));  // backslash = hard break
    }
  }
  if (doc.recipients && (!doc.recipients->items.empty() || doc.recipients->archive)) {
    out.append("***" + MdInline(doc.recipients->label_vi.empty() ? "Nơi nhận" : doc.recipients->label_vi) +
               ":***\n\n");
    for (const auto& r : doc.recipients->items) {
      out.append("- " + MdBlock(r.text) + (r.purpose.empty() ? "" : " (" + MdInline(r.purpose) + ")") + "\n");
    }
    if (doc.recipients->archive) out.append("- " + MdBlock(doc.recipients->archive->raw) + "\n");
    out.append("\n");
  }
  for (const Appendix& a : doc.appendices) {
    out.append("## " + MdInline(a.label_vi.empty() ? a.id : a.label_vi) + "\n\n");
    if (!a.title.empty()) out.append("**" + MdInline(a.title) + "**\n\n");
    if (a.attached_to) out.append("*" + MdInline(a.attached_to->text) + "*\n\n");
    for (const auto& t : a.tables) TableMd(t, &out);
  }
  if (!doc.footnotes.empty()) {
    out.append("## Chú thích\n\n");
    for (const auto& f : doc.footnotes) {
      out.append("- " + (f.marker.empty() ? "" : "**(" + MdInline(f.marker) + ")** ") + MdBlock(f.text) + "\n");
    }
    out.append("\n");
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace vanban
