#include "export/json_writer.h"

#include <nlohmann/json.hpp>

namespace vanban::internal {
namespace {

using Json = nlohmann::ordered_json;

// Scalars through nlohmann itself: the same escaping and number format as a dumped tree.
void AppendScalar(std::string* out, const Json& value) {
  out->append(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// The length of the well-formed UTF-8 sequence at |i| (the table of Unicode 3.9, D92, the
// one nlohmann decodes by), 0 when there is none.
size_t WellFormedAt(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  auto cont = [&](size_t k, unsigned lo, unsigned hi) { return byte(k) >= lo && byte(k) <= hi; };
  const unsigned c = byte(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// A JSON string of |value| as nlohmann's dump() writes it (no ASCII escaping): building a
// json value and dumping it copied every string three times, ~10% of `parse --no-restore`.
// Text that is not well-formed UTF-8 goes through nlohmann, whose replacement of the bad
// bytes by U+FFFD is the one to keep.
void AppendString(std::string* out, std::string_view value) {
  const size_t start = out->size();
  out->push_back('"');
  size_t copied = 0;  // bytes of |value| before it are in |out|
  auto escape = [&](size_t i, std::string_view with) {
    out->append(value.data() + copied, i - copied);
    out->append(with);
    copied = i + 1;
  };
  for (size_t i = 0; i < value.size();) {
    const size_t len = WellFormedAt(value, i);
    if (len == 0) {
      out->resize(start);
      AppendScalar(out, Json(std::string(value)));
      return;
    }
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '"') escape(i, "\\\"");
    else if (c == '\\') escape(i, "\\\\");
    else if (c == '\b') escape(i, "\\b");
    else if (c == '\f') escape(i, "\\f");
    else if (c == '\n') escape(i, "\\n");
    else if (c == '\r') escape(i, "\\r");
    else if (c == '\t') escape(i, "\\t");
    else if (c < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      const char code[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      escape(i, std::string_view(code, sizeof code));
    }
    i += len;
  }
  out->append(value.data() + copied, value.size() - copied);
  out->push_back('"');
}

constexpr size_t kFlushAt = 1 << 16;

}  // namespace

JsonWriter::JsonWriter(const JsonSink& sink, int indent) : sink_(sink), indent_(indent) {}

JsonWriter::~JsonWriter() { Flush(); }

void JsonWriter::Flush() {
  if (buffer_.empty()) return;
  sink_(buffer_);
  buffer_.clear();
}

void JsonWriter::NewLine() {
  buffer_ += '\n';
  buffer_.append(counts_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (buffer_.size() >= kFlushAt) Flush();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;  // the top-level value
  if (counts_.back()++ > 0) buffer_ += ',';
  if (indent_ >= 0) NewLine();
}

void JsonWriter::Key(std::string_view name) {
  BeforeValue();
  AppendString(&buffer_, name);
  buffer_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::BeginObject() {
  BeforeValue();
  buffer_ += '{';
  counts_.push_back(0);
}

void JsonWriter::BeginArray() {
  BeforeValue();
  buffer_ += '[';
  counts_.push_back(0);
}

void JsonWriter::Close(char bracket) {
  const size_t count = counts_.back();
  counts_.pop_back();
  if (count > 0 && indent_ >= 0) NewLine();
  buffer_ += bracket;
}

void JsonWriter::EndObject() { Close('}'); }
void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendString(&buffer_, value);
}

void JsonWriter::Null() {
  BeforeValue();
  buffer_ += "null";
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  buffer_ += value ? "true" : "false";
}

void JsonWriter::Int(long long value) {
  BeforeValue();
  buffer_ += std::to_string(value);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  AppendScalar(&buffer_, value);
}

}  // namespace vanban::internal
