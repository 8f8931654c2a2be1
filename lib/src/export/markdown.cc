// The whole document as Markdown (CommonMark + GFM pipe tables).
#include <algorithm>
#include <string>

#include "export/section_label.h"
#include "vanban/export.h"

namespace vanban {
namespace {

// Escapes characters that would start Markdown markup inside running text.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[' || c == ']' || c == '#') {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  return out;
}

std::string Cell(std::string_view s) {
  std::string out;
  for (char c : Md(s)) {
    if (c == '|') out.append("\\|");
    else if (c == '\n') out.append("<br>");
    else if (c != '\r') out.push_back(c);
  }
  return out;
}

void RenderSection(const vanban::Section& s, int depth, std::string* out) {
  std::string label = internal::SectionLabel(s);
  if (!s.heading.empty()) {
    out->append(std::string(std::min(6, depth + 2), '#') + " " + Md(label.empty() ? s.heading : label + " " + s.heading) + "\n\n");
    if (!s.text.empty()) out->append(Md(s.text) + "\n\n");
  } else if (s.level == "dash" || s.level == "plus") {
    out->append(std::string(std::max(0, depth - 1) * 2, ' ') + "- " + Md(s.text) + "\n\n");
  } else if (!s.text.empty() || !label.empty()) {
    out->append(Md(label.empty() ? s.text : label + " " + s.text) + "\n\n");
  }
  for (const auto& c : s.children) RenderSection(c, depth + 1, out);
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
      std::string v;
      for (const auto& [k, text] : r.cells) {
        if (k == c.key) v += (v.empty() ? "" : " ") + text;
      }
      if (v.empty() && c.key == "stt") v = r.stt;
      if (r.kind == "group" && !v.empty()) v = "**" + Cell(v) + "**";
      else v = Cell(v);
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
  std::string title = h.doc_type && !h.doc_type->label_vi.empty() ? h.doc_type->label_vi : "VĂN BẢN";
  out.append("# " + Md(title) + "\n\n");
  if (h.subject) out.append("**" + Md(h.subject->text) + "**\n\n");
  std::vector<std::pair<std::string, std::string>> meta;
  if (h.issuer) meta.emplace_back("Cơ quan ban hành", h.issuer->text);
  if (h.number_symbol) meta.emplace_back("Số, ký hiệu", h.number_symbol->full);
  if (h.place) meta.emplace_back("Địa danh", h.place->text);
  if (h.issued_date) meta.emplace_back("Ngày ban hành", h.issued_date->iso);
  if (h.recipients_to) meta.emplace_back("Kính gửi", h.recipients_to->text);
  if (!h.security_level.empty()) meta.emplace_back("Độ mật", h.security_level);
  if (!h.urgency.empty()) meta.emplace_back("Độ khẩn", h.urgency);
  if (!doc.source.path.empty()) meta.emplace_back("Tệp nguồn", doc.source.path);
  if (!meta.empty()) {
    out.append("| Trường | Giá trị |\n|---|---|\n");
    for (const auto& [k, v] : meta) out.append("| " + Cell(k) + " | " + Cell(v) + " |\n");
    out.append("\n");
  }
  for (const auto& item : doc.preamble.items) out.append(Md(item.text.text) + "\n\n");
  if (doc.preamble.enacting_formula) out.append(Md(doc.preamble.enacting_formula->text) + "\n\n");
  for (const auto& s : doc.body) RenderSection(s, 0, &out);
  if (doc.closing && !doc.closing->text.empty()) out.append(Md(doc.closing->text) + "\n\n");
  if (doc.signature) {
    const Signature& sig = *doc.signature;
    std::string block;
    for (const auto& a : sig.authority_lines) block += Md(a.prefix + " " + a.text) + "  \n";
    if (!sig.position.empty()) block += Md(sig.position) + "  \n";
    if (!sig.signer_name.empty()) block += "**" + Md(sig.signer_name) + "**  \n";
    if (!block.empty()) out.append(block + "\n");
  }
  if (doc.recipients && !doc.recipients->items.empty()) {
    out.append("**" + Md(doc.recipients->label_vi.empty() ? "Nơi nhận" : doc.recipients->label_vi) + ":**\n\n");
    for (const auto& r : doc.recipients->items) {
      out.append("- " + Md(r.text) + (r.purpose.empty() ? "" : " (" + Md(r.purpose) + ")") + "\n");
    }
    if (doc.recipients->archive) out.append("- " + Md(doc.recipients->archive->raw) + "\n");
    out.append("\n");
  }
  for (const Appendix& a : doc.appendices) {
    out.append("## " + Md(a.label_vi.empty() ? a.id : a.label_vi) + "\n\n");
    if (!a.title.empty()) out.append("**" + Md(a.title) + "**\n\n");
    if (a.attached_to) out.append("*" + Md(a.attached_to->text) + "*\n\n");
    for (const auto& t : a.tables) TableMd(t, &out);
  }
  if (!doc.footnotes.empty()) {
    for (const auto& f : doc.footnotes) out.append("[^" + f.marker + "]: " + Md(f.text) + "\n");
    out.append("\n");
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace vanban
