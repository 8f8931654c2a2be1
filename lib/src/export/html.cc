// The whole document as one standalone HTML5 page: escaped text, inline print CSS.
#include <string>

#include "export/section_label.h"
#include "vanban/export.h"

namespace vanban {
namespace {

constexpr const char* kCss = R"(body{font-family:"Times New Roman",Times,serif;font-size:14pt;line-height:1.45;max-width:48em;margin:2em auto;padding:0 1em;color:#000;background:#fff}
h1{font-size:16pt;text-align:center;margin:.4em 0}h2{font-size:14pt}h3,h4,h5,h6{font-size:13pt}
.subject{text-align:center;font-weight:bold}.meta{border-collapse:collapse;margin:1em 0}
.meta th{text-align:left;padding-right:1em;font-weight:normal;color:#444}
table.pl{border-collapse:collapse;width:100%;font-size:11pt;margin:1em 0}
table.pl th,table.pl td{border:1px solid #000;padding:3px 5px;vertical-align:top}
tr.group td{font-weight:bold}.sig{margin-left:55%;text-align:center}.recipients{font-size:11pt}
p{text-align:justify;margin:.3em 0}ul.items{margin:.2em 0}
@media print{body{margin:0;max-width:none}h1,h2,h3{page-break-after:avoid}tr{page-break-inside:avoid}}
)";

void RenderSection(const vanban::Section& s, int depth, std::string* out) {
  std::string label = internal::SectionLabel(s);
  std::string sid = s.id.empty() ? "" : " id=\"s-" + HtmlEscape(s.id) + "\"";
  if (!s.heading.empty()) {
    std::string h = std::to_string(std::min(6, depth + 2));
    out->append("<h" + h + sid + ">" + HtmlEscape(label.empty() ? s.heading : label + " " + s.heading) + "</h" + h + ">\n");
    if (!s.text.empty()) out->append("<p>" + HtmlEscape(s.text) + "</p>\n");
  } else if (!s.text.empty() || !label.empty()) {
    out->append("<p" + sid + ">" + HtmlEscape(label.empty() ? s.text : label + " " + s.text) + "</p>\n");
  }
  for (const auto& c : s.children) RenderSection(c, depth + 1, out);
}

void TableHtml(const Table& t, std::string* out) {
  if (t.columns.empty()) return;
  out->append("<table class=\"pl\">\n<thead><tr>");
  for (const auto& c : t.columns) out->append("<th>" + HtmlEscape(c.label_vi.empty() ? c.key : c.label_vi) + "</th>");
  out->append("</tr></thead>\n<tbody>\n");
  for (const TableRow& r : t.rows) {
    out->append(r.kind == "group" ? "<tr class=\"group\">" : "<tr>");
    for (const auto& c : t.columns) {
      std::string v;
      for (const auto& [k, text] : r.cells) {
        if (k == c.key) v += (v.empty() ? "" : " ") + text;
      }
      if (v.empty() && c.key == "stt") v = r.stt;
      out->append("<td>" + HtmlEscape(v) + "</td>");
    }
    out->append("</tr>\n");
  }
  out->append("</tbody>\n</table>\n");
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      case '\'': out.append("&#39;"); break;
      case '\n': out.append("<br>"); break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;  // not allowed in HTML text
        out.push_back(c);
    }
  }
  return out;
}

std::string DocumentToHtml(const Document& doc) {
  const Header& h = doc.header;
  std::string title = h.doc_type && !h.doc_type->label_vi.empty() ? h.doc_type->label_vi : "VĂN BẢN";
  std::string page_title = title;
  if (h.number_symbol && !h.number_symbol->full.empty()) page_title += " " + h.number_symbol->full;
  std::string out;
  out.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
  out.append("<meta name=\"generator\" content=\"vanban\">\n");
  out.append("<title>" + HtmlEscape(page_title) + "</title>\n<style>\n" + std::string(kCss) + "</style>\n</head>\n<body>\n");
  out.append("<header>\n<table class=\"meta\">\n");
  auto meta = [&out](std::string_view k, std::string_view v) {
    if (!v.empty()) out.append("<tr><th>" + HtmlEscape(k) + "</th><td>" + HtmlEscape(v) + "</td></tr>\n");
  };
  if (h.issuer) meta("Cơ quan ban hành", h.issuer->text);
  if (h.number_symbol) meta("Số, ký hiệu", h.number_symbol->full);
  if (h.place) meta("Địa danh", h.place->text);
  if (h.issued_date) meta("Ngày ban hành", h.issued_date->iso);
  if (h.recipients_to) meta("Kính gửi", h.recipients_to->text);
  meta("Độ mật", h.security_level);
  meta("Độ khẩn", h.urgency);
  meta("Tệp nguồn", doc.source.path);
  out.append("<tr><td></td><td></td></tr>\n</table>\n");
  out.append("<h1>" + HtmlEscape(title) + "</h1>\n");
  if (h.subject) out.append("<p class=\"subject\">" + HtmlEscape(h.subject->text) + "</p>\n");
  out.append("</header>\n<main>\n");
  for (const auto& item : doc.preamble.items) out.append("<p>" + HtmlEscape(item.text.text) + "</p>\n");
  if (doc.preamble.enacting_formula) out.append("<p>" + HtmlEscape(doc.preamble.enacting_formula->text) + "</p>\n");
  for (const auto& s : doc.body) RenderSection(s, 0, &out);
  if (doc.closing && !doc.closing->text.empty()) out.append("<p>" + HtmlEscape(doc.closing->text) + "</p>\n");
  out.append("</main>\n<footer>\n");
  if (doc.signature) {
    out.append("<div class=\"sig\">\n");
    for (const auto& a : doc.signature->authority_lines) out.append("<div>" + HtmlEscape(a.prefix + " " + a.text) + "</div>\n");
    if (!doc.signature->position.empty()) out.append("<div>" + HtmlEscape(doc.signature->position) + "</div>\n");
    if (!doc.signature->signer_name.empty()) out.append("<div><strong>" + HtmlEscape(doc.signature->signer_name) + "</strong></div>\n");
    out.append("</div>\n");
  }
  if (doc.recipients && !doc.recipients->items.empty()) {
    out.append("<div class=\"recipients\">\n<p><strong><em>" +
               HtmlEscape(doc.recipients->label_vi.empty() ? "Nơi nhận" : doc.recipients->label_vi) +
               ":</em></strong></p>\n<ul class=\"items\">\n");
    for (const auto& r : doc.recipients->items) {
      out.append("<li>" + HtmlEscape(r.text) + (r.purpose.empty() ? "" : " (" + HtmlEscape(r.purpose) + ")") + "</li>\n");
    }
    if (doc.recipients->archive) out.append("<li>" + HtmlEscape(doc.recipients->archive->raw) + "</li>\n");
    out.append("</ul>\n</div>\n");
  }
  out.append("</footer>\n");
  for (const Appendix& a : doc.appendices) {
    out.append("<section class=\"appendix\" id=\"" + HtmlEscape(a.id) + "\">\n<h2>" +
               HtmlEscape(a.label_vi.empty() ? a.id : a.label_vi) + "</h2>\n");
    if (!a.title.empty()) out.append("<p class=\"subject\">" + HtmlEscape(a.title) + "</p>\n");
    if (a.attached_to) out.append("<p><em>" + HtmlEscape(a.attached_to->text) + "</em></p>\n");
    for (const auto& t : a.tables) TableHtml(t, &out);
    out.append("</section>\n");
  }
  if (!doc.footnotes.empty()) {
    out.append("<ol class=\"footnotes\">\n");
    for (const auto& f : doc.footnotes) out.append("<li>" + HtmlEscape(f.text) + "</li>\n");
    out.append("</ol>\n");
  }
  out.append("</body>\n</html>\n");
  return out;
}

}  // namespace vanban
