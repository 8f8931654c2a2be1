#include "archive/archive_rows.h"

#include <ctime>

#include "archive/archival_fields.h"
#include "archive/schema.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

RowValue Nullable(std::string_view v) { return v.empty() ? RowValue() : RowValue(std::string(v)); }
RowValue Int(int64_t v) { return std::to_string(v); }

}  // namespace

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

DocumentRows RowsOf(const ArchiveDocument& d, std::string_view indexed_at) {
  DocumentRows rows;
  const Document& doc = *d.doc;
  const Header& h = doc.header;
  const ArchivalFields& f = rows.fields = ArchivalFieldsOf(doc, d.sha256);
  Row& r = rows.document;
  r = {d.path, d.sha256, Int(d.size), std::string(indexed_at), Int(doc.administrative), Int(doc.source.ocr),
       Int(doc.source.restored)};
  auto s = [&](std::string_view v) { r.push_back(Nullable(v)); };
  s(f.dc_type);  // the type code, "CV" for a công văn
  s(h.doc_type && !h.doc_type->label_vi.empty() ? h.doc_type->label_vi : ToUpper(f.type_name));
  s(h.number_symbol ? h.number_symbol->number : "");
  s(h.number_symbol ? h.number_symbol->symbol : "");
  s(h.number_symbol ? h.number_symbol->full : "");
  s(h.issued_date ? h.issued_date->iso : "");
  s(h.issuer ? h.issuer->text : "");
  s(h.issuer ? SearchKey(h.issuer->text) : "");
  s(h.place ? h.place->text : "");
  s(h.subject ? h.subject->text : "");
  s(doc.signature ? doc.signature->position : "");
  s(doc.signature ? doc.signature->signer_name : "");
  for (const ArchivalField& a : ArchivalFieldList()) {
    if (a.column != nullptr) s(f.*a.member);
  }
  r.push_back(d.text);
  r.push_back(d.record_json);

  for (const Task& t : doc.tasks) {
    std::string lead, support, exec;
    for (const Role& role : t.roles) {
      std::string* dst = role.role == "lead" ? &lead : role.role == "support" ? &support : &exec;
      for (const auto& u : role.units) *dst += (dst->empty() ? "" : "; ") + u;
    }
    const Timeline* tl = t.timeline ? &*t.timeline : nullptr;
    rows.tasks.push_back({t.task_id, Nullable(t.section_id), Nullable(t.source), Nullable(t.appendix), Nullable(t.stt),
                          Nullable(t.task_text), Nullable(tl ? tl->kind : ""), Nullable(tl ? tl->raw : ""),
                          Nullable(tl ? tl->deadline : ""), Nullable(tl ? tl->recurrence : ""), Nullable(lead),
                          Nullable(support), Nullable(exec), Nullable(t.product ? t.product->text : ""),
                          Int(t.lines.start), Int(t.lines.end)});
  }
  for (const Reference& x : doc.references) {
    rows.refs.push_back({x.id, Nullable(x.type_code), Nullable(x.type_label_vi), Nullable(x.number), Nullable(x.year),
                         Nullable(x.symbol), Nullable(x.full), Nullable(x.style), Nullable(x.date),
                         Nullable(x.issuer_text), Int(static_cast<int64_t>(x.mentions.size())),
                         Int(x.mentions.empty() ? 0 : x.mentions.front().lines.start)});
  }
  for (const Deadline& x : doc.deadlines) {
    rows.deadlines.push_back({x.id, Nullable(x.date), Nullable(x.recurrence), Nullable(x.task_id), Nullable(x.text),
                              Int(x.lines.start)});
  }
  return rows;
}

std::string DocumentValue(const Row& document, std::string_view column) {
  size_t i = 0;
  for (const std::string& c : ColumnNames("documents")) {
    if (c == "id") continue;
    if (c == column) return i < document.size() && document[i] ? *document[i] : std::string();
    ++i;
  }
  return "";
}

std::string DocumentTypeKey(const Row& document) {
  return DocumentValue(document, "doc_type") + '\x1f' + DocumentValue(document, "doc_type_label") + '\x1f' +
         DocumentValue(document, "type_name");
}

std::string InsertSql(const char* table, std::string (*placeholder)(int)) {
  std::string cols, values;
  int n = 0;
  for (const std::string& c : ColumnNames(table)) {
    if (c == "id") continue;
    cols += (n ? ", " : "") + c;
    values += n ? "," : "";
    values += placeholder(++n);
  }
  return std::string("INSERT INTO ") + table + " (" + cols + ") VALUES (" + values + ")";
}

}  // namespace vanban::internal
