// Status and Result<T>: how errors cross the library boundary (no exceptions).
#ifndef VANBAN_STATUS_H_
#define VANBAN_STATUS_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace vanban {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something impossible (bad option value)
  kNotFound,         // a file or resource does not exist
  kCorruption,       // bytes that cannot be what they claim (bad UTF-8, bad model file)
  kIOError,          // the OS refused a read or write
  kUnsupported,      // valid but not handled (e.g. an encoding we cannot convert to)
  kInternal,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status IOError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "Corruption: invalid UTF-8 at byte 17"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-OK Status. Accessing value() on an error is a programming bug.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}              // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {       // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace vanban

#define VANBAN_RETURN_IF_ERROR(expr)        \
  do {                                      \
    ::vanban::Status _st = (expr);          \
    if (!_st.ok()) return _st;              \
  } while (0)

#endif  // VANBAN_STATUS_H_
