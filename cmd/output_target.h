// Where a command's results go: one stream (standard output or -o FILE) for all inputs,
// or with --output-dir one file per input, named like the input, in a directory.
#ifndef VANBAN_CMD_OUTPUT_TARGET_H_
#define VANBAN_CMD_OUTPUT_TARGET_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli_io.h"

namespace vanban::cli {

struct OutputTarget {
  std::string output = "-";  // -o FILE; "-" = standard output
  std::string dir;           // --output-dir DIR
  bool per_file() const { return !dir.empty(); }
};

// Adds -o/--output FILE and --output-dir DIR (one or the other).
void AddOutputTargetOptions(CLI::App& app, OutputTarget* target);

// The output file of |input| in |dir|: its base name, with the extension replaced by
// |extension| (".md") unless that is empty.
std::string PerFileOutputPath(const std::string& dir, const std::string& input, std::string_view extension);

// Runs |one| for every input with the Output it writes to: the one stream, or the input's
// own file in --output-dir (each committed on its own, so one bad input costs only its
// own output). --output-dir refuses standard input, two inputs with the same base name
// and any output that is an input. Returns the worst exit code.
int ForEachInputOutput(const std::vector<std::string>& files, const OutputTarget& target, std::string_view extension,
                       const std::function<int(const std::string& path, Output& out)>& one);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_OUTPUT_TARGET_H_
