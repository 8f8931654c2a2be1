// Usage errors as vanban prints them: every line starts "vanban:", a misspelt command or
// option gets a "did you mean", and the exit status is 2 (CLI11's own parse errors
// included, which otherwise print in their own words and exit with 100+).
#ifndef VANBAN_CMD_USAGE_ERRORS_H_
#define VANBAN_CMD_USAGE_ERRORS_H_

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::cli {

// The candidate closest to |word| when it is near enough to be a typing slip, else "".
std::string ClosestName(std::string_view word, const std::vector<std::string>& candidates);

// "vanban: unknown command 'resotre'; did you mean 'restore'?" for a command word that
// names no subcommand of |app|; returns 2 when it printed that, nullopt otherwise.
// Runs before parsing, so that the word is not reported as a stray argument.
std::optional<int> CheckCommandWord(CLI::App& app, const std::vector<std::string>& args);
// Prints |e| (a parse error of |app|, from |args|) in vanban's words; returns the exit
// code (0 for --help and --version, which print as CLI11 does).
int ReportParseError(CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_USAGE_ERRORS_H_
