// The restoration options of every command that restores (restore, parse, index and the
// clerk commands), declared once so that they read the same everywhere.
#ifndef VANBAN_CMD_RESTORE_OPTIONS_H_
#define VANBAN_CMD_RESTORE_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <string>

namespace vanban::cli {

struct RestoreChoice {
  std::string model;        // --model FILE; empty: $VANBAN_MODEL, the build tree, the install
  bool no_restore = false;  // --no-restore
  bool fast = false;        // --fast
};

// --model FILE.
void AddModelOption(CLI::App& app, std::string* model);
// --fast: skip the readings proposed from context.
void AddFastOption(CLI::App& app, bool* fast);
// --no-restore and --model, plus --fast when |with_fast|.
void AddRestoreOptions(CLI::App& app, RestoreChoice* choice, bool with_fast = false);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_RESTORE_OPTIONS_H_
