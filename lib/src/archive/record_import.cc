// Reading a `vanban parse` record (vanban.doc/1, one JSON line) back for the archive: the
// Document it was written from (by the same field descriptions) and the document's text as the record carries it (headings and
// running text in reading order), so a batch parsed elsewhere loads without parsing again.
#include "archive/record_import.h"

#include <nlohmann/json.hpp>

#include <concepts>
#include <string>

#include "export/record_fields.h"

namespace vanban::internal {
namespace {

// Ordered: table cells come back in column order.
using Json = nlohmann::ordered_json;

// A string member, "" when missing, null or not a string.
std::string Str(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

const Json& Member(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it != j.end() ? *it : kNull;
}

// Runs |fn| on each element of the array member |key| (nothing when it is not an array).
template <class F>
void Each(const Json& j, const char* key, F fn) {
  const Json& a = Member(j, key);
  if (!a.is_array()) return;
  for (const Json& x : a) fn(x);
}

// Fills a Document from the record by the descriptions of export/record_fields.h (the
// ones the writer walks): a member that is missing or of another type leaves the value
// as the struct's default.
class RecordReader {
 public:
  explicit RecordReader(const Json& object) : j_(object) {}

  void Str(const char* name, std::string& v) { v = vanban::internal::Str(j_, name); }
  void Plain(const char* name, std::string& v) { Str(name, v); }
  void Constant(const char*, const char*) {}
  void Bool(const char* name, bool& v) {
    if (const Json& x = Member(j_, name); x.is_boolean()) v = x.get<bool>();
  }
  void Int(const char* name, int& v) {
    if (const Json& x = Member(j_, name); x.is_number_integer()) v = x.get<int>();
  }
  void Number(const char* name, double& v) {
    if (const Json& x = Member(j_, name); x.is_number()) v = x.get<double>();
  }
  void Ratio(const char* name, double& v) { Number(name, v); }
  void Lines(const char* name, LineSpan& s) {
    const Json& l = Member(j_, name);
    if (l.is_array() && l.size() == 2 && l[0].is_number_integer() && l[1].is_number_integer()) {
      s.start = l[0].get<int>();
      s.end = l[1].get<int>();
    }
  }
  void StrList(const char* name, std::vector<std::string>& v) {
    Each(j_, name, [&](const Json& x) {
      if (x.is_string()) v.push_back(x.get<std::string>());
    });
  }
  void Cells(const char* name, std::vector<std::pair<std::string, std::string>>& cells) {
    if (const Json& x = Member(j_, name); x.is_object()) {
      for (const auto& [k, value] : x.items()) cells.emplace_back(k, value.is_string() ? value.get<std::string>() : "");
    }
  }
  template <class F>
    requires std::invocable<F, RecordReader&>
  void Object(const char* name, F describe) {
    if (const Json& x = Member(j_, name); x.is_object()) {
      RecordReader member(x);
      describe(member);
    }
  }
  template <class T>
    requires(!std::invocable<T, RecordReader&>)
  void Object(const char* name, T& v) {
    Object(name, [&](RecordReader& io) { Describe(io, v); });
  }
  template <class T>
  void Opt(const char* name, std::optional<T>& v) {
    if (Member(j_, name).is_object()) Object(name, v.emplace());
  }
  template <class T>
  void List(const char* name, std::vector<T>& v) {
    Each(j_, name, [&](const Json& x) {
      RecordReader element(x);
      Describe(element, v.emplace_back());
    });
  }
  template <class T>
  void Sparse(const char* name, std::vector<T>& v) {
    List(name, v);
  }

 private:
  const Json& j_;
};

// The record's text in reading order, one value a line.
class TextBuilder {
 public:
  void Add(const std::string& s) {
    if (s.empty()) return;
    if (!text_.empty()) text_ += '\n';
    text_ += s;
  }
  template <class T>
  void Add(const std::optional<T>& v) {
    if (v) Add(v->text);
  }
  void Add(const Section& s) {
    std::string head = s.num_raw;
    if (!s.heading.empty()) head += (head.empty() ? "" : " ") + s.heading;
    Add(head);
    Add(s.text);
    for (const Section& c : s.children) Add(c);
  }
  std::string Take() { return std::move(text_); }

 private:
  std::string text_;
};

std::string RecordText(const Document& d) {
  TextBuilder b;
  const Header& h = d.header;
  b.Add(h.motto.text);
  b.Add(h.motto.slogan);
  b.Add(h.parent_authority);
  b.Add(h.issuer);
  if (h.number_symbol) b.Add(h.number_symbol->raw);
  if (h.issued_date) b.Add(h.issued_date->raw);
  if (h.doc_type) b.Add(h.doc_type->label_vi);
  b.Add(h.subject);
  b.Add(h.recipients_to);
  for (const PreambleItem& i : d.preamble.items) b.Add(i.text.text);
  b.Add(d.preamble.enacting_formula);
  for (const Section& s : d.body) b.Add(s);
  b.Add(d.closing);
  for (const Appendix& a : d.appendices) {
    b.Add(a.label_vi);
    b.Add(a.title);
    b.Add(a.attached_to);
    for (const Table& t : a.tables) {
      for (const TableRow& row : t.rows) {
        std::string line = row.stt;
        for (const auto& [key, value] : row.cells) {
          if (!value.empty()) line += (line.empty() ? "" : " | ") + value;
        }
        b.Add(line);
      }
    }
  }
  if (d.recipients) {
    for (const Recipient& r : d.recipients->items) b.Add(r.text);
  }
  if (d.signature) {
    for (const AuthorityLine& a : d.signature->authority_lines) b.Add(a.prefix + " " + a.text);
    b.Add(d.signature->position);
    b.Add(d.signature->signer_name);
  }
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
  RecordReader reader(r);
  Describe(reader, out.doc);
  if (out.doc.source.path.empty()) return Status::Corruption("record without source.path (the archive's key)");
  out.text = RecordText(out.doc);
  out.record = std::string(line);
  while (!out.record.empty() && (out.record.back() == '\n' || out.record.back() == '\r')) out.record.pop_back();
  return out;
}

}  // namespace vanban::internal
