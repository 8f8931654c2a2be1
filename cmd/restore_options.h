// The restoration options of every command that restores (restore, parse, index and the
// clerk commands), declared once so that they read the same everywhere, and the one way
// the CLI loads the model they name (vanban::LoadModel: the rule is in docs/cli.md).
#ifndef VANBAN_CMD_RESTORE_OPTIONS_H_
#define VANBAN_CMD_RESTORE_OPTIONS_H_

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "vanban/model.h"
#include "vanban/pipeline.h"

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
// --no-restore, --model and --fast: the options of every command that reads documents.
void AddRestoreOptions(CLI::App& app, RestoreChoice* choice);

// How documents are read under |choice| (ReadOptions::Fast() for --fast).
ReadOptions ReadOptionsOf(const RestoreChoice& choice);

// Loads the model |choice| names into |model| (nullptr for --no-restore). On failure
// prints "vanban: FILE: why" and what to do (|offers_no_restore|: the command takes
// --no-restore, so say so) and returns the exit code (1); else 0.
int LoadChosenModel(const RestoreChoice& choice, std::shared_ptr<const Model>* model, bool offers_no_restore = true);

}  // namespace vanban::cli

#endif  // VANBAN_CMD_RESTORE_OPTIONS_H_
