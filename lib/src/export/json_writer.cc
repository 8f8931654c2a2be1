#include "export/json_writer.h"

#include <nlohmann/json.hpp>

namespace vanban::internal {
namespace {

using Json = nlohmann::ordered_json;

// Scalars through nlohmann itself: the same escaping and number format as a dumped tree.
void AppendScalar(std::string* out, const Json& value) {
  out->append(value.dump(-1, ' ', false, Json::error_handler_t::replace));
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
  AppendScalar(&buffer_, std::string(name));
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
  AppendScalar(&buffer_, std::string(value));
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
