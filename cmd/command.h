// How subcommands plug into the vanban CLI. Each cmd/*_cmd.cc registers itself with
// VANBAN_REGISTER_COMMAND; main.cc builds the CLI11 tree from the registry.
#ifndef VANBAN_CMD_COMMAND_H_
#define VANBAN_CMD_COMMAND_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace vanban::cli {

// Exit codes of the vanban binary.
enum ExitCode : int { kExitOk = 0, kExitBadInput = 1, kExitUsage = 2 };

using RunFn = std::function<int()>;

struct Command {
  std::string name;
  std::string summary;   // one line, shown in `vanban -h`
  std::string examples;  // shown in `vanban CMD --help` and `vanban --help`
  int order;             // position in the help listing
  // Declares the subcommand's options on |app| and returns the function that runs it
  // once the command line has been parsed.
  std::function<RunFn(CLI::App& app)> setup;
  bool hidden = false;
};

bool RegisterCommand(Command command);
const std::vector<Command>& RegisteredCommands();

}  // namespace vanban::cli

#define VANBAN_CMD_CONCAT_INNER(a, b) a##b
#define VANBAN_CMD_CONCAT(a, b) VANBAN_CMD_CONCAT_INNER(a, b)
#define VANBAN_REGISTER_COMMAND(...)                                         \
  static const bool VANBAN_CMD_CONCAT(vanban_registered_, __LINE__) =        \
      ::vanban::cli::RegisterCommand(__VA_ARGS__)

#endif  // VANBAN_CMD_COMMAND_H_
