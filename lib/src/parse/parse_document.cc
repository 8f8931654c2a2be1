// ParseDocument: runs the parse stages in order over one document.
#include <algorithm>

#include "parse/parse_context.h"
#include "text/utf8.h"
#include "vanban/parse.h"

namespace vanban {
namespace {

using internal::FirstInvalidUtf8;

// Share of words carrying a Vietnamese mark: clean text ~0.8, OCR'd with an English model ~0.1.
double MarkedRatio(const internal::SourceLines& src) {
  int words = 0, marked = 0;
  for (size_t i = 0; i < src.size(); ++i) {
    const auto& l = src[i];
    bool in_word = false, has_mark = false;
    size_t byte = 0;  // where code point c starts in l.raw
    for (size_t c = 0; c <= l.key.size(); ++c) {
      char k = c < l.key.size() ? l.key[c] : ' ';
      bool letter = k >= 'a' && k <= 'z';
      size_t bytes = c < l.key.size() ? internal::Utf8SequenceLength(l.raw[byte]) : 0;
      byte += bytes;
      if (letter) {
        if (!in_word) has_mark = false;
        in_word = true;
        if (bytes > 1) has_mark = true;
      } else if (in_word) {
        ++words;
        if (has_mark) ++marked;
        in_word = false;
      }
    }
  }
  return words == 0 ? 0.0 : static_cast<double>(marked) / words;
}

// kUnsupported once the caller's deadline has passed (a batch's time budget per document).
Status CheckDeadline(const ParseOptions& options) {
  if (std::chrono::steady_clock::now() < options.deadline) return Status::Ok();
  return Status::Unsupported("parsing took longer than the time budget per document");
}

// Issuer lost to OCR or absent (drafts): infer it from the text, flagged.
void InferIssuer(const internal::SourceLines& src, Document* doc) {
  if (doc->header.issuer && !doc->header.issuer->org_type.empty()) return;
  static const RE2 kOrg(
      R"((uy\s*ban\s*nh\S{1,2}n\s*d\S{1,2}n|ubnd)\s+(xa|phuong|thi\s+tran|huyen|tinh|thanh\s+pho)\s+([a-z]+(?:\s+[a-z]+){0,2}?)\s+(?:ban\s+hanh|xay\s+dung|y\S{1,2}u\s+c\S{1,2}u|\))|\(k\S{1,2}m\s+theo[^)]*c\S{1,2}a\s+(ubnd|uy\s*ban\s*nh\S{1,2}n\s*d\S{1,2}n)\s+(xa|phuong|huyen|tinh)\s+([a-z ]{2,30}?)\))",
      internal::ReOptions());
  for (size_t i = 0; i < src.size(); ++i) {
    internal::Match m;
    if (!internal::Find(kOrg, src[i].key, 0, &m)) continue;
    int g = m.Has(1) ? 1 : 4;
    Issuer is = doc->header.issuer.value_or(Issuer{});
    is.org_type = "ubnd";
    std::string level = internal::CollapseSpaces(m.Str(g + 1));
    std::replace(level.begin(), level.end(), ' ', '_');
    if (is.admin_level.empty()) is.admin_level = level;
    if (is.admin_unit.empty()) is.admin_unit = internal::Trim(src[i].Value(m.Start(g + 2), m.End(g + 2)));
    if (is.text.empty()) {
      is.text = internal::Trim(src[i].Value(m.Start(g), m.End(g + 2)));
      is.raw = internal::Trim(src[i].Raw(m.Start(g), m.End(g + 2)));
      is.lines = {src[i].number, src[i].number};
    }
    is.flags.push_back("inferred_from_text");
    is.confidence = std::min(is.confidence, 0.6);
    doc->header.issuer = is;
    return;
  }
}

// Furniture found twice (e.g. stamp noise seen by two recognisers) is listed once.
void ListFurnitureOnce(Document* doc) {
  std::vector<Furniture> unique;
  for (const Furniture& f : doc->furniture) {
    bool dup = std::any_of(unique.begin(), unique.end(), [&](const Furniture& u) {
      return u.kind == f.kind && u.raw == f.raw && u.lines.start == f.lines.start;
    });
    if (!dup) unique.push_back(f);
  }
  doc->furniture = std::move(unique);
}

}  // namespace

std::string FoldKey(std::string_view text) {
  std::vector<uint32_t> offsets;
  return internal::FoldWithOffsets(text, &offsets);
}

Result<Document> ParseDocument(std::string_view text, const ParseOptions& options) {
  size_t bad = FirstInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Status::Corruption("invalid UTF-8 at byte " + std::to_string(bad));
  }
  if (!options.restored_text.empty() && FirstInvalidUtf8(options.restored_text) != std::string_view::npos) {
    return Status::InvalidArgument("restored text is not valid UTF-8");
  }
  Document doc;
  internal::SourceLines src(text, options.restored_text, options.first_line);
  doc.source.path = options.source_name;
  doc.source.line_count = static_cast<int>(src.size());
  doc.source.marked_ratio = MarkedRatio(src);
  doc.source.ocr = doc.source.marked_ratio < 0.35;
  doc.source.restored = src.restored();
  VANBAN_RETURN_IF_ERROR(CheckDeadline(options));

  internal::Context ctx(src, options, &doc);
  internal::DetectFurniture(ctx);
  internal::ParseHeader(ctx);
  const size_t signoff_start = internal::FindRegions(ctx);
  internal::ParseSignoff(ctx, signoff_start);
  const size_t body_start = internal::ParsePreamble(ctx);
  internal::ParseBody(ctx, body_start);
  VANBAN_RETURN_IF_ERROR(CheckDeadline(options));
  internal::ExtractTasks(ctx);
  internal::ParseAppendices(ctx);
  for (size_t i = 0; i < doc.tasks.size(); ++i) doc.tasks[i].task_id = "t" + std::to_string(i + 1);
  internal::ExtractReferences(ctx);
  internal::ExtractDeadlines(ctx);
  VANBAN_RETURN_IF_ERROR(CheckDeadline(options));

  InferIssuer(src, &doc);
  ListFurnitureOnce(&doc);
  if (!doc.administrative) {
    doc.warnings.insert(doc.warnings.begin(),
                        "no administrative header found (national motto, number, date or document type)");
  }
  return doc;
}

std::vector<std::pair<std::string, std::string>> HeaderRow(const Document& doc) {
  const Header& h = doc.header;
  std::vector<std::pair<std::string, std::string>> row;
  row.push_back({"file", doc.source.path});
  row.push_back({"number", h.number_symbol ? h.number_symbol->number : ""});
  row.push_back({"symbol", h.number_symbol ? h.number_symbol->symbol : ""});
  row.push_back({"type", h.doc_type ? (h.doc_type->code.empty() ? h.doc_type->label_vi : h.doc_type->code) : ""});
  row.push_back({"issued_date", h.issued_date ? h.issued_date->iso : ""});
  row.push_back({"issuer", h.issuer ? h.issuer->text : ""});
  row.push_back({"place", h.place ? h.place->text : ""});
  row.push_back({"subject", h.subject ? h.subject->text : ""});
  row.push_back({"signer", doc.signature ? doc.signature->signer_name : ""});
  row.push_back({"position", doc.signature ? doc.signature->position : ""});
  return row;
}

}  // namespace vanban
