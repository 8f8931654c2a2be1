// The whole document as one standalone HTML5 page laid out like the paper original
// (NĐ 30 Phụ lục I): masthead, title, body, recipients beside the signature, appendix
// tables. Inline print CSS, no external assets. The markup is also well-formed XML
// (void elements self-closed, only XML's predefined entities), so strict XML tools can
// check and transform it.
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "export/document_title.h"
#include "export/section_label.h"
#include "vanban/export.h"
#include "vanban/text.h"

namespace vanban {
namespace {

constexpr const char* kCss = R"(@page{size:A4;margin:20mm 15mm 20mm 30mm}
body{font-family:"Times New Roman",Times,serif;font-size:14pt;line-height:1.4;max-width:44em;margin:2em auto;padding:0 1em;color:#000;background:#fff}
table.masthead,table.closing{width:100%;border-collapse:collapse;margin:0 0 1em}
table.masthead td,table.closing td{vertical-align:top;text-align:center;padding:0 .5em}
table.masthead td.issuer{width:40%}.organ,.nation{font-weight:bold}.slogan{font-weight:bold}
.place-date{font-style:italic;margin-top:.4em}
h1{font-size:14pt;text-align:center;margin:1em 0 .2em}h2{font-size:14pt}h3,h4,h5,h6{font-size:14pt;font-weight:bold}
p{text-align:justify;margin:.35em 0}p.subject{text-align:center;font-weight:bold;margin-bottom:1.2em}
ul{margin:.2em 0;padding-left:1.5em}table.closing td.recipients{text-align:left;font-size:12pt;width:50%}
table.closing td.recipients ul{list-style:none;padding-left:0}.sig-name{font-weight:bold;margin-top:3em}
table.pl{border-collapse:collapse;width:100%;font-size:11pt;margin:1em 0}
table.pl th,table.pl td{border:1px solid #000;padding:3px 5px;vertical-align:top;text-align:left}
tr.group td{font-weight:bold}section.appendix{margin-top:2em}.attached{text-align:center;font-style:italic}
nav.toc{font-size:12pt;border:1px solid #999;padding:.3em 1em;margin:1em 0}nav.toc h2{font-size:12pt;margin:.3em 0}
nav.toc ul{list-style:none;padding-left:1.2em;margin:0}nav.toc>ul{padding-left:0}nav.toc a{color:#000;text-decoration:none}
nav.toc a:hover{text-decoration:underline}.missing{color:#a00;font-style:italic;font-size:11pt;border:1px dashed #a00;padding:.2em .4em;margin-top:1em}
mark.unsure{background:#ffe680;color:inherit;border-bottom:1px dotted #a60}
.footnotes,.source{font-size:11pt}.source{color:#555;border-top:1px solid #999;margin-top:2em;padding-top:.3em}
@media print{nav.toc{display:none}body{margin:0;max-width:none;padding:0}h1,h2,h3,h4{page-break-after:avoid}tr{page-break-inside:avoid}section.appendix{page-break-before:always}.source{display:none}mark.unsure{background:none}}
)";

std::string Esc(std::string_view s) { return HtmlEscape(s); }

// An attribute value: escaped, on one line.
std::string EscAttr(std::string_view s) {
  std::string one_line(s);
  std::replace_if(one_line.begin(), one_line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return Esc(one_line);
}

// "0.62 · viết: NGHI · có thể: NGHỊ, NGHĨ": why a word is marked, for its tooltip.
std::string UnsureTitle(const UnsureWord& w) {
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", w.confidence);
  std::string title = std::string("Chưa chắc: ") + confidence;
  if (!w.written.empty() && w.written != w.word) title += " · viết: " + w.written;
  for (size_t i = 0; i < w.alternatives.size(); ++i) title += (i == 0 ? " · có thể: " : ", ") + w.alternatives[i];
  return title;
}

// |text| escaped, the unsure words of the value it holds at byte |shift| marked for
// proofreading: <mark class="unsure" title="Chưa chắc: 0.62 · …">NGHỈ</mark>. |upper|:
// shown in capitals (the masthead), each piece recased on its own so the words keep
// their places. Words out of place (a record edited by hand) are left unmarked.
std::string Marked(std::string_view text, const std::vector<UnsureWord>& words, size_t shift = 0, bool upper = false) {
  auto piece = [&](std::string_view p) { return Esc(upper ? ToUpper(p) : std::string(p)); };
  std::vector<const UnsureWord*> order;
  for (const UnsureWord& w : words) order.push_back(&w);
  std::stable_sort(order.begin(), order.end(), [](const UnsureWord* a, const UnsureWord* b) { return a->offset < b->offset; });
  std::string out;
  size_t copied = 0;
  for (const UnsureWord* w : order) {
    if (w->offset < 0 || w->word.empty()) continue;
    size_t at = shift + static_cast<size_t>(w->offset);
    if (at < copied || at > text.size() || text.substr(at, w->word.size()) != w->word) continue;
    out += piece(text.substr(copied, at - copied));
    out += "<mark class=\"unsure\" title=\"" + EscAttr(UnsureTitle(*w)) + "\">" + piece(w->word) + "</mark>";
    copied = at + w->word.size();
  }
  out += piece(text.substr(copied));
  return out;
}

// The line of a section outside headings: "<strong>a)</strong> text", labels in bold.
// |plain_title|: the title is shown as running text, like the untitled siblings'.
std::string LineHtml(const Section& s, bool plain_title = false) {
  const std::vector<UnsureWord>& unsure = s.unsure_words;  // in the heading
  if (internal::IsLabelled(s)) {
    return "<strong>" + Marked(s.heading, unsure) + ":</strong>" + (s.text.empty() ? "" : " " + Esc(s.text));
  }
  std::string label = internal::IsListItem(s) ? "" : internal::SectionLabel(s);
  if (label.empty()) {
    if (s.heading.empty()) return Esc(s.text);
    return Marked(s.text.empty() ? s.heading : s.heading + ". " + s.text, unsure);
  }
  if (!s.heading.empty() && plain_title) {
    return "<strong>" + Esc(label) + "</strong> " + Marked(s.text.empty() ? s.heading : s.heading + " " + s.text, unsure);
  }
  if (!s.heading.empty()) {
    return "<strong>" + Marked(label + " " + s.heading, unsure, label.size() + 1) + "</strong>" +
           (s.text.empty() ? "" : " " + Esc(s.text));
  }
  return "<strong>" + Esc(label) + "</strong> " + Esc(s.text);
}

// Whether LineHtml(s, plain_title) shows anything, without building it when that is
// sure: a label or a title and text joined by ". " always show; a lone title or text
// shows unless escaping drops all of it (carriage returns and control characters).
bool ShowsLine(const Section& s, bool plain_title) {
  if (internal::IsLabelled(s) || (!internal::IsListItem(s) && !internal::SectionLabel(s).empty())) return true;
  if (!s.heading.empty() && !s.text.empty()) return true;
  const std::string& only = s.heading.empty() ? s.text : s.heading;
  bool kept = std::any_of(only.begin(), only.end(), [](char c) {
    return c == '\n' || c == '\t' || (c != '\r' && static_cast<unsigned char>(c) >= 0x20);
  });
  return kept || !LineHtml(s, plain_title).empty();  // a marked word would still show
}

// The page handed to a sink in pieces of about 64 KB, so that a long document's page is
// never whole in memory.
class PageWriter {
 public:
  explicit PageWriter(const HtmlSink& sink) : sink_(sink) {}
  ~PageWriter() { Flush(); }
  PageWriter(const PageWriter&) = delete;
  PageWriter& operator=(const PageWriter&) = delete;

  void append(std::string_view s) {
    buffer_.append(s);
    if (buffer_.size() >= kPiece) Flush();
  }
  void Flush() {
    if (!buffer_.empty()) sink_(buffer_);
    buffer_.clear();
  }

 private:
  static constexpr size_t kPiece = size_t{64} << 10;
  const HtmlSink& sink_;
  std::string buffer_;
};

// More numbered sections than fit on a screen: a table of contents linking to them.
constexpr size_t kTocMinHeadings = 13;

// The contents, written as the numbered sections of the body are found: the first
// kTocMinHeadings - 1 wait until it is known there are enough of them.
class TableOfContents {
 public:
  explicit TableOfContents(PageWriter* out) : out_(out) {}

  // |id| is the link target (escaped), |text| the section's label and title.
  void Add(int depth, std::string_view id, const std::string& text) {
    if (!open_ && waiting_.size() + 1 < kTocMinHeadings) {
      waiting_.push_back({depth, std::string(id), text});
      return;
    }
    if (!open_) {
      open_ = true;
      out_->append("<nav class=\"toc\" aria-label=\"Mục lục\">\n<h2>Mục lục</h2>\n<ul>\n");
      for (const Waiting& w : waiting_) Entry(w.depth, w.id, w.text);
      waiting_.clear();
    }
    Entry(depth, id, text);
  }
  void Finish() {
    if (!open_) return;
    for (; depth_ > 0; --depth_) out_->append("</ul></li>\n");
    out_->append("</ul>\n</nav>\n");
  }

 private:
  struct Waiting {
    int depth = 0;  // 0 = top level
    std::string id;
    std::string text;
  };

  void Entry(int depth, std::string_view id, const std::string& text) {
    // Nested lists; a jump of more than one level opens one list per level.
    for (; depth_ < depth; ++depth_) out_->append("<li><ul>\n");
    for (; depth_ > depth; --depth_) out_->append("</ul></li>\n");
    out_->append("<li><a href=\"#" + std::string(id) + "\">" + Esc(internal::Abbreviate(text, 100)) + "</a></li>\n");
  }

  PageWriter* out_;
  std::vector<Waiting> waiting_;
  bool open_ = false;
  int depth_ = 0;
};

// Renders the body; ids ("s-II.1") stay unique even when the parser repeats a number.
// The contents stand before the body, so the body is walked twice with the same ids: once
// without |out| to list the contents in |toc| (nothing rendered, only the ids and the
// titles), once without |toc| to render it.
class BodyRenderer {
 public:
  BodyRenderer(PageWriter* out, TableOfContents* toc) : out_(out), toc_(toc) {}

  // Consecutive "-"/"+" items (and everything below a list item) become one <ul>.
  void Siblings(const std::vector<Section>& v, int heading_depth, bool in_list) {
    MixedTitles mixed(v);
    size_t i = 0;
    while (i < v.size()) {
      if (!in_list && !internal::IsListItem(v[i])) {
        const Section& s = v[i++];
        Block(s, heading_depth, mixed.Of(s.level));
        continue;
      }
      Write("<ul>\n");
      for (; i < v.size() && (in_list || internal::IsListItem(v[i])); ++i) {
        const std::string id_attr = IdAttr(v[i]);
        if (out_ != nullptr) out_->append("<li" + id_attr + ">" + LineHtml(v[i]));
        if (!v[i].children.empty()) {
          Write("\n");
          Siblings(v[i].children, heading_depth, true);
        }
        Write("</li>\n");
      }
      Write("</ul>\n");
    }
  }

 private:
  // Khoản and điểm are titled or not as OCR split their first line ("3. Văn phòng …" on a
  // line of its own, "6. Đề nghị … phối hợp …" running on): when siblings of a level
  // differ, all are drawn as numbered paragraphs, so that the same level looks the same.
  // Found once per list of siblings: per item it made 100,000 khoản quadratic.
  class MixedTitles {
   public:
    explicit MixedTitles(const std::vector<Section>& siblings) {
      for (const Section& x : siblings) {
        if (!x.label.empty()) continue;
        if (x.level == "khoan") (x.heading.empty() ? khoan_[0] : khoan_[1]) = true;
        if (x.level == "diem") (x.heading.empty() ? diem_[0] : diem_[1]) = true;
      }
    }
    bool Of(const std::string& level) const {
      if (level == "khoan") return khoan_[0] && khoan_[1];
      return level == "diem" && diem_[0] && diem_[1];
    }

   private:
    bool khoan_[2] = {false, false};  // untitled, titled
    bool diem_[2] = {false, false};
  };

  void Write(std::string_view s) {
    if (out_ != nullptr) out_->append(s);
  }

  void Block(const Section& s, int heading_depth, bool plain_title) {
    if (internal::IsHeadingLevel(s) && !plain_title) {
      std::string h = std::to_string(std::min(6, heading_depth + 2));
      std::string label = internal::SectionLabel(s);
      const std::string text = label.empty() ? s.heading : label + " " + s.heading;
      const std::string id_attr = IdAttr(s);
      const size_t heading_at = label.empty() ? 0 : label.size() + 1;
      if (out_ != nullptr) {
        out_->append("<h" + h + id_attr + ">" + Marked(text, s.unsure_words, heading_at) + "</h" + h + ">\n");
        if (!s.text.empty()) out_->append("<p>" + Esc(s.text) + "</p>\n");
      }
      Contents(id_attr, heading_depth, text);
      Siblings(s.children, heading_depth + 1, false);
      return;
    }
    std::string line = out_ != nullptr ? LineHtml(s, plain_title) : "";
    if (out_ != nullptr ? !line.empty() : ShowsLine(s, plain_title)) {
      const std::string id_attr = IdAttr(s);
      Write("<p" + id_attr + ">" + line + "</p>\n");
      // Numbered items down to khoản are in the contents too ("6. Đề nghị Ủy ban …").
      const std::string label = internal::SectionLabel(s);
      if (internal::IsStructural(s) && s.level != "diem" && s.label.empty() && !label.empty()) {
        const std::string text = s.heading.empty() ? internal::Abbreviate(s.text, 60) : s.heading;
        Contents(id_attr, heading_depth, label + " " + text);
      }
    }
    Siblings(s.children, heading_depth, false);
  }

  // |id_attr| is ` id="…"` (or empty): its value, already escaped, is the link target.
  void Contents(std::string_view id_attr, int depth, const std::string& text) {
    if (toc_ != nullptr && id_attr.size() > 6) toc_->Add(depth, id_attr.substr(5, id_attr.size() - 6), text);
  }

  // The first free of "s-ID", "s-ID-2", "s-ID-3", ... Ids are never freed, so the search
  // for a repeated ID resumes after the suffix it last gave out: linear in the sections
  // even when thousands share an id.
  std::string IdAttr(const Section& s) {
    if (s.id.empty()) return "";
    std::string id = "s-" + s.id;
    if (!ids_.insert(id).second) {
      int& n = next_suffix_.try_emplace(s.id, 2).first->second;
      do {
        id = "s-" + s.id + "-" + std::to_string(n++);
      } while (!ids_.insert(id).second);
    }
    return " id=\"" + Esc(id) + "\"";
  }

  PageWriter* out_;
  TableOfContents* toc_;
  std::unordered_set<std::string> ids_;
  std::unordered_map<std::string, int> next_suffix_;  // per repeated id: the next suffix to try
};

void TableHtml(const Table& t, PageWriter* out) {
  if (t.columns.empty()) return;
  out->append("<table class=\"pl\">\n<thead><tr>");
  for (const auto& c : t.columns) out->append("<th>" + Esc(c.label_vi.empty() ? c.key : c.label_vi) + "</th>");
  out->append("</tr></thead>\n<tbody>\n");
  for (const TableRow& r : t.rows) {
    out->append(r.kind == "group" ? "<tr class=\"group\">" : "<tr>");
    for (const auto& c : t.columns) out->append("<td>" + Esc(internal::CellText(r, c.key)) + "</td>");
    out->append("</tr>\n");
  }
  out->append("</tbody>\n</table>\n");
}

void Masthead(const Document& doc, PageWriter* out) {
  const Header& h = doc.header;
  std::string left, right;
  if (h.parent_authority) {
    left += "<div>" + Marked(h.parent_authority->text, h.parent_authority->unsure_words, 0, true) + "</div>";
  }
  if (h.issuer) left += "<div class=\"organ\">" + Marked(h.issuer->text, h.issuer->unsure_words, 0, true) + "</div>";
  if (h.number_symbol) left += "<div class=\"number\">Số: " + Esc(h.number_symbol->full) + "</div>";
  if (h.motto.present) {
    right += "<div class=\"nation\">" + Esc(h.motto.text.empty() ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : h.motto.text) + "</div>";
  }
  if (h.motto.slogan_present || !h.motto.slogan.empty()) {
    right += "<div class=\"slogan\">" + Esc(h.motto.slogan.empty() ? "Độc lập - Tự do - Hạnh phúc" : h.motto.slogan) + "</div>";
  }
  std::string place_date = internal::PlaceAndDate(doc);
  if (!place_date.empty()) {
    // The place opens the line when there is one.
    static const std::vector<UnsureWord> kNone;
    right += "<div class=\"place-date\">" + Marked(place_date, h.place ? h.place->unsure_words : kNone) + "</div>";
  }
  if (left.empty() && right.empty()) return;
  out->append("<table class=\"masthead\" role=\"presentation\"><tr><td class=\"issuer\">" + left +
              "</td><td class=\"motto\">" + right + "</td></tr></table>\n");
}

void ClosingBlock(const Document& doc, PageWriter* out) {
  std::string recipients, signature;
  if (doc.recipients && (!doc.recipients->items.empty() || doc.recipients->archive)) {
    recipients = "<p><strong><em>" + Esc(doc.recipients->label_vi.empty() ? "Nơi nhận" : doc.recipients->label_vi) +
                 ":</em></strong></p>\n<ul>\n";
    for (const auto& r : doc.recipients->items) {
      recipients += "<li>- " + Esc(r.text) + (r.purpose.empty() ? "" : " (" + Esc(r.purpose) + ")") + ";</li>\n";
    }
    if (doc.recipients->archive) recipients += "<li>- " + Esc(doc.recipients->archive->raw) + "</li>\n";
    recipients += "</ul>\n";
  }
  if (doc.signature) {
    const Signature& sig = *doc.signature;
    for (const auto& a : sig.authority_lines) signature += "<div><strong>" + Esc(a.prefix + " " + a.text) + "</strong></div>";
    if (!sig.position.empty()) signature += "<div><strong>" + Esc(sig.position) + "</strong></div>";
    if (!sig.signer_name.empty()) {
      signature += "<div class=\"sig-name\">" + Marked(sig.signer_name, sig.unsure_words) + "</div>";
    }
  }
  // A reader of the page must not take a lost signature block for an unsigned document,
  // nor the other way round: say what was not found.
  std::string missing;
  if (!doc.signature) missing = "Không tìm thấy phần ký (chức vụ, họ tên người ký) trong văn bản.";
  else if (doc.signature->signer_name.empty()) missing = "Không tìm thấy họ tên người ký.";
  if (doc.administrative && !missing.empty()) {
    signature += "<p class=\"missing\" role=\"note\">" + Esc(missing) + "</p>";
  }
  if (recipients.empty() && signature.empty()) return;
  out->append("<table class=\"closing\" role=\"presentation\"><tr><td class=\"recipients\">\n" + recipients +
              "</td><td class=\"signature\">" + signature + "</td></tr></table>\n");
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
      case '\n': out.append("<br/>"); break;
      case '\r': break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;  // not allowed in HTML text
        out.push_back(c);
    }
  }
  return out;
}

void WriteDocumentHtml(const Document& doc, const HtmlSink& sink) {
  const Header& h = doc.header;
  std::string title = internal::DocumentTitle(doc);
  std::string page_title = title;
  if (h.number_symbol && !h.number_symbol->full.empty()) page_title += " " + h.number_symbol->full;
  if (h.subject && !h.subject->text.empty()) page_title += ": " + internal::Abbreviate(h.subject->text, 120);
  PageWriter out(sink);
  out.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n");
  out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
  out.append("<meta name=\"generator\" content=\"vanban\"/>\n");
  out.append("<title>" + Esc(page_title) + "</title>\n<style>\n" + std::string(kCss) + "</style>\n</head>\n<body>\n");
  out.append("<header>\n");
  Masthead(doc, &out);
  out.append("<h1>" + Esc(title) + "</h1>\n");
  if (h.subject && !h.subject->text.empty()) {
    out.append("<p class=\"subject\">" + Marked(h.subject->text, h.subject->unsure_words) + "</p>\n");
  }
  if (h.recipients_to) {
    out.append("<p class=\"to\"><em>Kính gửi:</em> " + Marked(h.recipients_to->text, h.recipients_to->unsure_words) +
               "</p>\n");
  }
  out.append("</header>\n");
  {
    TableOfContents toc(&out);
    BodyRenderer(nullptr, &toc).Siblings(doc.body, 0, false);
    toc.Finish();
  }
  out.append("<main>\n");
  for (const auto& item : doc.preamble.items) out.append("<p>" + Marked(item.text.text, item.text.unsure_words) + "</p>\n");
  if (const auto& formula = doc.preamble.enacting_formula) {
    out.append("<p>" + Marked(formula->text, formula->unsure_words) + "</p>\n");
  }
  BodyRenderer(&out, nullptr).Siblings(doc.body, 0, false);
  if (doc.closing && !doc.closing->text.empty()) out.append("<p>" + Esc(doc.closing->text) + "</p>\n");
  out.append("</main>\n<footer>\n");
  ClosingBlock(doc, &out);
  out.append("</footer>\n");
  std::set<std::string> appendix_ids;
  for (const Appendix& a : doc.appendices) {
    std::string id = a.id.empty() ? "PL" : a.id;
    for (int n = 2; !appendix_ids.insert(id).second; ++n) id = a.id + "-" + std::to_string(n);
    out.append("<section class=\"appendix\" id=\"" + Esc(id) + "\">\n<h2>" +
               Esc(a.label_vi.empty() ? a.id : a.label_vi) + "</h2>\n");
    if (!a.title.empty()) out.append("<p class=\"subject\">" + Esc(a.title) + "</p>\n");
    if (a.attached_to) out.append("<p class=\"attached\">" + Esc(a.attached_to->text) + "</p>\n");
    for (const auto& t : a.tables) TableHtml(t, &out);
    out.append("</section>\n");
  }
  if (!doc.footnotes.empty()) {
    out.append("<section class=\"footnotes\">\n<h2>Chú thích</h2>\n<ul>\n");
    for (const auto& f : doc.footnotes) {
      out.append("<li>" + (f.marker.empty() ? "" : "<strong>(" + Esc(f.marker) + ")</strong> ") + Esc(f.text) + "</li>\n");
    }
    out.append("</ul>\n</section>\n");
  }
  if (!doc.source.path.empty()) {
    out.append("<p class=\"source\">Tệp nguồn: " + Esc(doc.source.path) +
               (doc.source.restored ? " (đã khôi phục dấu)" : "") + "</p>\n");
  }
  out.append("</body>\n</html>\n");
}

std::string DocumentToHtml(const Document& doc) {
  std::string html;
  WriteDocumentHtml(doc, [&html](std::string_view piece) { html.append(piece); });
  return html;
}

}  // namespace vanban
