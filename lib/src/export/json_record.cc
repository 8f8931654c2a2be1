// JSON serialisation of the Document record ("vanban.doc/1"): the fields of
// export/record_fields.h in their order, null for missing values (never ""), line ranges
// as [start, end]. Written as it goes (JsonWriter), never built as a tree first: a
// document of 100,000 sections costs its output buffer, not a copy of itself per node.
#include <algorithm>
#include <cmath>
#include <concepts>
#include <map>
#include <string_view>

#include "export/json_writer.h"
#include "export/record_fields.h"
#include "vanban/document.h"

namespace vanban {
namespace {

using internal::JsonWriter;

// Walks the descriptions of record_fields.h, writing each member; at the top level only
// the selected fields (all when |selected| is null or empty).
class RecordWriter {
 public:
  RecordWriter(JsonWriter& w, const std::vector<std::string>* selected) : w_(w), selected_(selected) {}

  void Str(const char* name, const std::string& v) {
    if (Key(name)) v.empty() ? w_.Null() : w_.String(v);
  }
  void Plain(const char* name, const std::string& v) {
    if (Key(name)) w_.String(v);
  }
  void Constant(const char* name, const char* v) {
    if (Key(name)) w_.String(v);
  }
  void Bool(const char* name, bool v) {
    if (Key(name)) w_.Bool(v);
  }
  void Int(const char* name, int v) {
    if (Key(name)) w_.Int(v);
  }
  void Number(const char* name, double v) {
    if (Key(name)) w_.Double(v);
  }
  void Ratio(const char* name, double v) { Number(name, std::round(v * 1000) / 1000); }
  void Lines(const char* name, const LineSpan& s) {
    if (!Key(name)) return;
    if (s.empty()) return w_.Null();
    w_.BeginArray();
    w_.Int(s.start);
    w_.Int(s.end);
    w_.EndArray();
  }
  void StrList(const char* name, const std::vector<std::string>& v) {
    if (!Key(name)) return;
    w_.BeginArray();
    for (const auto& s : v) w_.String(s);
    w_.EndArray();
  }
  // One member per column key (the first place it appears, the last value: what setting
  // the members of an ordered_json one by one gave); the STT has its own member.
  void Cells(const char* name, const std::vector<std::pair<std::string, std::string>>& cells) {
    if (!Key(name)) return;
    w_.BeginObject();
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string& key = cells[i].first;
      auto same = [&](const auto& c) { return c.first == key; };
      if (key == "stt" || std::any_of(cells.begin(), cells.begin() + i, same)) continue;
      Str(key.c_str(), std::find_if(cells.rbegin(), cells.rend(), same)->second);
    }
    w_.EndObject();
  }
  template <class F>
    requires std::invocable<F, RecordWriter&>
  void Object(const char* name, F describe) {
    if (!Key(name)) return;
    w_.BeginObject();
    ++depth_;
    describe(*this);
    --depth_;
    w_.EndObject();
  }
  template <class T>
    requires(!std::invocable<T, RecordWriter&>)
  void Object(const char* name, const T& v) {
    Object(name, [&](RecordWriter& io) { internal::Describe(io, v); });
  }
  template <class T>
  void Opt(const char* name, const std::optional<T>& v) {
    if (v) return Object(name, *v);
    if (Key(name)) w_.Null();
  }
  template <class T>
  void List(const char* name, const std::vector<T>& v) {
    if (!Key(name)) return;
    w_.BeginArray();
    ++depth_;
    for (const T& x : v) {
      w_.BeginObject();
      internal::Describe(*this, x);
      w_.EndObject();
    }
    --depth_;
    w_.EndArray();
  }
  template <class T>
  void Sparse(const char* name, const std::vector<T>& v) {
    if (!v.empty()) List(name, v);
  }

 private:
  // Writes the member name unless the member is left out.
  bool Key(const char* name) {
    if (depth_ == 0 && selected_ != nullptr && !selected_->empty() &&
        std::find(selected_->begin(), selected_->end(), name) == selected_->end()) {
      return false;
    }
    w_.Key(name);
    return true;
  }
  JsonWriter& w_;
  const std::vector<std::string>* selected_;
  int depth_ = 0;
};

// Collects the top-level names of the description.
class FieldNames {
 public:
  std::vector<std::string> names;
  void Add(const char* name) { names.emplace_back(name); }
  void Str(const char* name, const std::string&) { Add(name); }
  void StrList(const char* name, const std::vector<std::string>&) { Add(name); }
  template <class T>
  void Object(const char* name, const T&) { Add(name); }
  template <class T>
  void Opt(const char* name, const T&) { Add(name); }
  template <class T>
  void List(const char* name, const T&) { Add(name); }
};

}  // namespace

const std::vector<std::string>& DocumentFieldNames() {
  static const std::vector<std::string> kNames = [] {
    FieldNames collect;
    const Document none;
    internal::Describe(collect, none);
    return collect.names;
  }();
  return kNames;
}

std::string FirstUnknownFieldName(const std::vector<std::string>& fields) {
  const auto& names = DocumentFieldNames();
  for (const std::string& f : fields) {
    if (std::find(names.begin(), names.end(), f) == names.end()) return f;
  }
  return "";
}

void WriteDocumentJson(const Document& doc, const JsonOptions& options, const JsonSink& sink) {
  JsonWriter w(sink, options.indent);
  w.BeginObject();
  w.Key("schema");
  w.String(kDocumentSchema);
  RecordWriter record(w, &options.fields);
  internal::Describe(record, doc);
  w.EndObject();
}

std::string DocumentToJson(const Document& doc, const JsonOptions& options) {
  std::string out;
  try {
    WriteDocumentJson(doc, options, [&](std::string_view piece) { out.append(piece); });
  } catch (const std::exception& e) {
    return std::string("{\"schema\":\"") + kDocumentSchema + "\",\"error\":\"serialisation failed\"}";
  }
  return out;
}

}  // namespace vanban
