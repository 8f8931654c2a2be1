// Quoting a path for the xz/cat pipes that training and model building open with popen.
#ifndef VANBAN_MODEL_SHELL_QUOTE_H_
#define VANBAN_MODEL_SHELL_QUOTE_H_

#include <string>
#include <string_view>

namespace vanban::internal {

// |s| as one single-quoted shell word (a ' inside becomes '\'').
inline std::string ShellQuote(std::string_view s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

}  // namespace vanban::internal

#endif  // VANBAN_MODEL_SHELL_QUOTE_H_
