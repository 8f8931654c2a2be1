#include "vanban/status.h"

namespace vanban {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: name = "Invalid argument"; break;
    case StatusCode::kNotFound: name = "Not found"; break;
    case StatusCode::kCorruption: name = "Corruption"; break;
    case StatusCode::kIOError: name = "I/O error"; break;
    case StatusCode::kUnsupported: name = "Unsupported"; break;
    case StatusCode::kInternal: name = "Internal error"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace vanban
