// Reading a `vanban parse` record (vanban.doc/1, one JSON line) back for the archive: the
// parts of the Document the archive stores (header, signature, recipients, tasks,
// references, deadlines) and the document's text as the record carries it (headings and
// running text in reading order), so a batch parsed elsewhere loads without parsing again.
#include "archive/record_import.h"

#include <nlohmann/json.hpp>

#include <string>

namespace vanban::internal {
namespace {

using Json = nlohmann::json;

// A string member, "" when missing, null or not a string.
std::string Str(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

bool Bool(const Json& j, const char* key, bool fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

const Json& Member(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it != j.end() ? *it : kNull;
}

LineSpan Lines(const Json& j) {
  const Json& l = Member(j, "lines");
  LineSpan s;
  if (l.is_array() && l.size() == 2 && l[0].is_number_integer() && l[1].is_number_integer()) {
    s.start = l[0].get<int>();
    s.end = l[1].get<int>();
  }
  return s;
}

std::optional<TextValue> Text(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  TextValue t;
  t.text = Str(j, "text");
  t.raw = Str(j, "raw");
  t.lines = Lines(j);
  return t;
}

std::vector<std::string> Strings(const Json& j) {
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const Json& v : j) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

// Runs |fn| on each element of the array member |key| (nothing when it is not an array).
template <class F>
void Each(const Json& j, const char* key, F fn) {
  const Json& a = Member(j, key);
  if (!a.is_array()) return;
  for (const Json& x : a) fn(x);
}

void ReadHeader(const Json& j, Header* h) {
  if (const Json& x = Member(j, "issuer"); x.is_object()) {
    h->issuer.emplace();
    h->issuer->text = Str(x, "text");
    h->issuer->raw = Str(x, "raw");
    h->issuer->lines = Lines(x);
  }
  if (const Json& x = Member(j, "number_symbol"); x.is_object()) {
    NumberSymbol& n = h->number_symbol.emplace();
    n.raw = Str(x, "raw");
    n.number = Str(x, "number");
    n.symbol = Str(x, "symbol");
    n.doc_type_code = Str(x, "doc_type_code");
    n.issuer_code = Str(x, "issuer_code");
    n.full = Str(x, "full");
    n.year = Str(x, "year");
    n.registered = Bool(x, "registered", !n.number.empty());
    n.lines = Lines(x);
  }
  h->place = Text(Member(j, "place"));
  if (const Json& x = Member(j, "issued_date"); x.is_object()) {
    DateValue& d = h->issued_date.emplace();
    d.raw = Str(x, "raw");
    d.iso = Str(x, "date");
    d.lines = Lines(x);
  }
  if (const Json& x = Member(j, "doc_type"); x.is_object()) {
    DocType& t = h->doc_type.emplace();
    t.code = Str(x, "code");
    t.label_vi = Str(x, "label_vi");
    t.raw = Str(x, "raw");
    t.lines = Lines(x);
  }
  h->subject = Text(Member(j, "subject"));
  h->recipients_to = Text(Member(j, "recipients_to"));
  h->security_level = Str(j, "security_level");
  h->urgency = Str(j, "urgency");
}

Task ReadTask(const Json& x) {
  Task t;
  t.task_id = Str(x, "task_id");
  t.section_id = Str(x, "section_id");
  t.source = Str(x, "source");
  t.appendix = Str(x, "appendix");
  t.stt = Str(x, "stt");
  t.task_text = Str(x, "task_text");
  Each(x, "roles", [&](const Json& r) {
    Role role;
    role.role = Str(r, "role");
    role.units = Strings(Member(r, "units"));
    t.roles.push_back(std::move(role));
  });
  if (const Json& tl = Member(x, "timeline"); tl.is_object()) {
    Timeline& timeline = t.timeline.emplace();
    timeline.kind = Str(tl, "kind");
    timeline.raw = Str(tl, "raw");
    timeline.deadline = Str(tl, "deadline");
    timeline.recurrence = Str(tl, "recurrence");
  }
  t.product = Text(Member(x, "product"));
  t.lines = Lines(x);
  return t;
}

Reference ReadReference(const Json& x) {
  Reference r;
  r.id = Str(x, "id");
  r.type_code = Str(x, "type_code");
  r.type_label_vi = Str(x, "type_label_vi");
  r.number = Str(x, "number");
  r.year = Str(x, "year");
  r.symbol = Str(x, "symbol");
  r.full = Str(x, "full");
  r.style = Str(x, "style");
  r.date = Str(x, "date");
  r.issuer_text = Str(x, "issuer_text");
  Each(x, "mentions", [&](const Json& m) {
    Mention mention;
    mention.lines = Lines(m);
    r.mentions.push_back(mention);
  });
  return r;
}

// The record's text in reading order, one value a line.
class TextBuilder {
 public:
  void Add(const std::string& s) {
    if (s.empty()) return;
    if (!text_.empty()) text_ += '\n';
    text_ += s;
  }
  void AddText(const Json& j, const char* key) { Add(Str(Member(j, key), "text")); }
  void Section(const Json& s) {
    std::string head = Str(s, "num_raw");
    const std::string heading = Str(s, "heading");
    if (!heading.empty()) head += (head.empty() ? "" : " ") + heading;
    Add(head);
    Add(Str(s, "text"));
    Each(s, "children", [&](const Json& c) { Section(c); });
  }
  std::string Take() { return std::move(text_); }

 private:
  std::string text_;
};

std::string RecordText(const Json& r) {
  TextBuilder b;
  const Json& h = Member(r, "header");
  b.Add(Str(Member(h, "national_motto"), "text"));
  b.Add(Str(Member(h, "national_motto"), "slogan"));
  b.AddText(h, "parent_authority");
  b.AddText(h, "issuer");
  b.Add(Str(Member(h, "number_symbol"), "raw"));
  b.Add(Str(Member(h, "issued_date"), "raw"));
  b.Add(Str(Member(h, "doc_type"), "label_vi"));
  b.AddText(h, "subject");
  b.AddText(h, "recipients_to");
  const Json& p = Member(r, "preamble");
  Each(p, "items", [&](const Json& x) { b.Add(Str(x, "text")); });
  b.AddText(p, "enacting_formula");
  Each(r, "body", [&](const Json& s) { b.Section(s); });
  b.AddText(r, "closing");
  Each(r, "appendices", [&](const Json& a) {
    b.Add(Str(a, "label_vi"));
    b.Add(Str(a, "title"));
    b.AddText(a, "attached_to");
    Each(a, "tables", [&](const Json& t) {
      Each(t, "rows", [&](const Json& row) {
        std::string line = Str(row, "stt");
        if (const Json& cells = Member(row, "cells"); cells.is_object()) {
          for (const auto& [k, v] : cells.items()) {
            if (v.is_string()) line += (line.empty() ? "" : " | ") + v.get<std::string>();
          }
        }
        b.Add(line);
      });
    });
  });
  Each(Member(r, "recipients"), "items", [&](const Json& x) { b.Add(Str(x, "text")); });
  const Json& sig = Member(r, "signature");
  Each(sig, "authority_lines", [&](const Json& a) { b.Add(Str(a, "prefix") + " " + Str(a, "text")); });
  b.Add(Str(sig, "position"));
  b.Add(Str(sig, "signer_name"));
  return b.Take();
}

}  // namespace

Result<ImportedRecord> RecordFromJsonLine(std::string_view line) {
  Json r = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (r.is_discarded()) return Status::Corruption("not a JSON record (vanban parse writes one per line)");
  if (!r.is_object() || Str(r, "schema") != kDocumentSchema) {
    return Status::Corruption(std::string("not a ") + kDocumentSchema + " record (no \"schema\":\"" + kDocumentSchema + "\")");
  }
  ImportedRecord out;
  Document& doc = out.doc;
  const Json& source = Member(r, "source");
  doc.source.path = Str(source, "path");
  if (doc.source.path.empty()) return Status::Corruption("record without source.path (the archive's key)");
  doc.source.ocr = Bool(source, "ocr", false);
  doc.source.restored = Bool(source, "restored", false);
  doc.administrative = Bool(source, "administrative", true);
  ReadHeader(Member(r, "header"), &doc.header);
  Each(Member(r, "preamble"), "items", [&](const Json& x) {
    PreambleItem item;
    item.kind = Str(x, "kind");
    item.text.text = Str(x, "text");
    doc.preamble.items.push_back(std::move(item));
  });
  if (const Json& s = Member(r, "signature"); s.is_object()) {
    doc.signature.emplace();
    doc.signature->position = Str(s, "position");
    doc.signature->signer_name = Str(s, "signer_name");
  }
  if (const Json& x = Member(r, "recipients"); x.is_object()) {
    doc.recipients.emplace();
    Each(x, "items", [&](const Json& i) {
      Recipient rec;
      rec.text = Str(i, "text");
      doc.recipients->items.push_back(std::move(rec));
    });
  }
  Each(r, "tasks", [&](const Json& x) { doc.tasks.push_back(ReadTask(x)); });
  Each(r, "references", [&](const Json& x) { doc.references.push_back(ReadReference(x)); });
  Each(r, "deadlines", [&](const Json& x) {
    Deadline d;
    d.id = Str(x, "id");
    d.text = Str(x, "text");
    d.date = Str(x, "date");
    d.recurrence = Str(x, "recurrence");
    d.task_id = Str(x, "task_id");
    d.lines = Lines(x);
    doc.deadlines.push_back(std::move(d));
  });
  out.text = RecordText(r);
  out.record = std::string(line);
  while (!out.record.empty() && (out.record.back() == '\n' || out.record.back() == '\r')) out.record.pop_back();
  return out;
}

}  // namespace vanban::internal
