// vanban(1) written from the same CLI11 tree and texts as --help (vanban --generate-man):
// one section per command with its usage, options and examples, in UTF-8 roff.
#ifndef VANBAN_CMD_MAN_PAGE_H_
#define VANBAN_CMD_MAN_PAGE_H_

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace vanban::cli {

// |conventions| is the text shown at the end of `vanban -h` (inputs, exit status, ...).
std::string ManPage(CLI::App& app, std::string_view version, std::string_view conventions);

// |text| as roff body text: backslashes and hyphens escaped, a leading '.' or '\''
// protected so that no line reads as a request.
std::string RoffEscape(std::string_view text);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_MAN_PAGE_H_
