// Page furniture: signature timestamps, visible digital-signature blocks, footnotes that
// OCR inlined mid-text, lines of OCR specks and page breaks. Furniture is kept in the
// record (never silently dropped) and its lines are kept out of the text.
#include <algorithm>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

bool IsTerminal(std::string_view key) {
  std::string t = TrimChars(key, "");
  if (t.empty()) return true;
  char c = t.back();
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == '"' || c == ')';
}

}  // namespace

void DetectFurniture(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document& doc = *ctx.doc;
  static const RE2 kStamp(R"(^\s*(\d{4}-\d{2}-\d{2})t(\d{2}:\d{2}:\d{2})\s*([+-]\d{2}):?(\d{2})\s*$)", ReOptions());
  for (size_t i = 0; i < src.size(); ++i) {
    Match m;
    if (FindAnchored(kStamp, src[i].key, &m)) {
      DigitalSignature d;
      d.raw = Trim(src[i].raw);
      d.timestamp = m.Str(1) + "T" + m.Str(2) + m.Str(3) + ":" + m.Str(4);
      d.lines = {src[i].number, src[i].number};
      doc.digital_signatures.push_back(d);
      doc.furniture.push_back({"signature_timestamp", d.raw, d.lines});
      ctx.use[i] = LineUse::kFurniture;
    }
  }
  // A visible digital-signature block printed in the page ("Ký bởi: …", "Cơ quan: …",
  // "Ngày ký: 2026-04-24 17:05:16 +07:00").
  static const RE2 kSigned(
      R"(^\s*[-_.]*\s*(?:n\S{1,3}y|th\S{1,2}i\s+gian)\s+k\S\s*:\s*(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})[./](\d{2})[./](\d{4})\.?)\s+(\d{2}:\d{2}:\d{2})\s*:?\s*([+-]\d{2}):?(\d{2}))",
      ReOptions());
  static const RE2 kSignedBy(
      R"(^\s*[-_.]*\s*(k\S\s+b\S{0,2}i|ng\S{1,3}i\s+k\S|email|c\S{1,2}\s*'?\s*quan)\s*:)", ReOptions());
  for (size_t i = 0; i < src.size(); ++i) {
    Match m;
    if (!FindAnchored(kSigned, src[i].key, &m)) continue;
    DigitalSignature d;
    d.raw = Trim(src[i].raw);
    std::string date = m.Has(1) && !m.Str(1).empty() ? m.Str(1) + "-" + m.Str(2) + "-" + m.Str(3)
                                                      : m.Str(6) + "-" + m.Str(5) + "-" + m.Str(4);
    d.timestamp = date + "T" + m.Str(7) + m.Str(8) + ":" + m.Str(9);
    size_t first = i;
    while (first > 0 && i - first < 4 && FindAnchored(kSignedBy, src[first - 1].key, &m)) --first;
    d.lines = {src[first].number, src[i].number};
    doc.digital_signatures.push_back(d);
    doc.furniture.push_back({"digital_signature_block", src.JoinRaw(first, i), d.lines});
    for (size_t k = first; k <= i; ++k) ctx.use[k] = LineUse::kFurniture;
  }
  // Footnotes inlined by OCR: a long line "N Text…" that interrupts a sentence, up to
  // the line that resumes the sentence (it starts with a single space).
  static const RE2 kFootStart(R"(^(\d{1,2})\s+(\S.*)$)", ReOptions());
  for (size_t i = 1; i < src.size(); ++i) {
    Match m;
    const Line& l = src[i];
    if (ctx.use[i] != LineUse::kFree || l.key.size() < 90) continue;
    if (!FindAnchored(kFootStart, l.key, &m)) continue;
    size_t prev = i - 1;
    while (prev > 0 && src[prev].blank) --prev;
    if (IsTerminal(src[prev].key)) continue;
    size_t end = SIZE_MAX;
    for (size_t j = i + 1; j < src.size() && j < i + 25; ++j) {
      std::string_view r = src[j].raw;
      if (r.size() >= 2 && r[0] == ' ' && r[1] != ' ') {
        end = j;
        break;
      }
    }
    if (end == SIZE_MAX) continue;
    size_t last = end - 1;
    while (last > i && src[last].blank) --last;
    Footnote f;
    f.marker = m.Str(1);
    f.anchor_line = src[prev].number;
    f.lines = {l.number, src[last].number};
    std::string text = Trim(l.Value(m.Start(2)));
    for (size_t j = i + 1; j <= last; ++j) {
      if (src[j].blank) continue;
      text += " " + src[j].Text();
    }
    f.text = CollapseSpaces(text);
    doc.footnotes.push_back(f);
    for (size_t j = i; j <= last; ++j) ctx.use[j] = LineUse::kFootnote;
    i = last;
  }
  // Page numbers ("2", "- 3 -", "Trang 4", "2/5") on a line of their own between blank lines.
  static const RE2 kPageNumber(R"(^\s*(?:-\s*)?(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$)", ReOptions());
  for (size_t i = 1; i + 1 < src.size(); ++i) {
    Match m;
    if (ctx.use[i] != LineUse::kFree || !FindAnchored(kPageNumber, src[i].key, &m)) continue;
    if (!src[i - 1].blank && !src[i + 1].blank) continue;
    doc.furniture.push_back({"page_number", Trim(src[i].raw), {src[i].number, src[i].number}});
    ctx.use[i] = LineUse::kFurniture;
  }
  // Lines that hold nothing but OCR specks ("|", ". :") read as blank; keep what they held.
  for (size_t i = 0; i < src.size(); ++i) {
    if (src[i].blank && src[i].had_text) doc.furniture.push_back({"ocr_noise", Trim(src[i].raw), {src[i].number, src[i].number}});
  }
  // Page breaks show as runs of three or more blank lines.
  for (size_t i = 0; i < src.size();) {
    size_t j = i;
    while (j < src.size() && src[j].blank) ++j;
    if (j - i >= 3 && i > 0 && j < src.size()) {
      doc.furniture.push_back({"page_break", "", {src[i].number, src[j - 1].number}});
    }
    i = j == i ? i + 1 : j;
  }
}

}  // namespace vanban::internal
