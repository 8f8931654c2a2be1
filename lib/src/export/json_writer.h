// A JSON writer that streams: values go to a sink as they are written, in nlohmann::json's
// dump() layout (compact, or pretty with an indent; "[]"/"{}" when empty), so a record
// written here is byte for byte what building the tree and dumping it gave, without the
// tree (which took ~47x the input for a long document, issue 10).
#ifndef VANBAN_EXPORT_JSON_WRITER_H_
#define VANBAN_EXPORT_JSON_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "vanban/document.h"

namespace vanban::internal {

class JsonWriter {
 public:
  // |indent| < 0: one line; else pretty with that many spaces a level.
  JsonWriter(const JsonSink& sink, int indent);
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The name of the next object member.
  void Key(std::string_view name);
  void String(std::string_view value);  // invalid UTF-8 replaced by U+FFFD
  void Null();
  void Bool(bool value);
  void Int(long long value);
  void Double(double value);
  // Hands what is buffered to the sink.
  void Flush();

 private:
  void BeforeValue();
  void NewLine();
  void Close(char bracket);
  // A copy: callers pass lambdas, which become temporaries of the constructor call.
  JsonSink sink_;
  const int indent_;
  std::string buffer_;
  std::vector<size_t> counts_;  // members or elements written, per open object or array
  bool after_key_ = false;
};

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_JSON_WRITER_H_
