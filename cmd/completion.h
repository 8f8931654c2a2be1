// Shell completion generated from the CLI11 tree, so it always matches the options.
#ifndef VANBAN_CMD_COMPLETION_H_
#define VANBAN_CMD_COMPLETION_H_

#include <CLI/CLI.hpp>
#include <string>

namespace vanban::cli {

std::string BashCompletion(CLI::App& app);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_COMPLETION_H_
