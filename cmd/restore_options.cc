#include "restore_options.h"

#include <fmt/format.h>

#include "command.h"

namespace vanban::cli {

void AddModelOption(CLI::App& app, std::string* model) {
  app.add_option("--model", *model,
                 "Restoration model file (default: $VANBAN_MODEL, then the one of the build tree, then the "
                 "installed share/vanban/vanban.model)")
      ->type_name("FILE");
}

void AddFastOption(CLI::App& app, bool* fast) {
  app.add_flag("--fast", *fast,
               "OCR'd text: skip the readings proposed from context (about 1.5x faster, about 1 point less "
               "accurate); parsed values list no unsure words");
}

void AddRestoreOptions(CLI::App& app, RestoreChoice* choice) {
  app.add_flag("--no-restore", choice->no_restore, "Do not restore diacritics before parsing");
  AddModelOption(app, &choice->model);
  AddFastOption(app, &choice->fast);
}

ReadOptions ReadOptionsOf(const RestoreChoice& choice) { return choice.fast ? ReadOptions::Fast() : ReadOptions(); }

int LoadChosenModel(const RestoreChoice& choice, std::shared_ptr<const Model>* model, bool offers_no_restore) {
  auto loaded = LoadModel({.path = choice.model, .restore = !choice.no_restore});
  if (loaded.ok()) {
    *model = std::move(*loaded);
    return kExitOk;
  }
  // The message names the file (or the places searched) itself.
  fmt::print(stderr, "vanban: {}{}\n", loaded.status().message(),
             offers_no_restore ? " (--no-restore parses without restoring)" : "");
  if (loaded.status().code() == StatusCode::kNotFound) {
    fmt::print(stderr, "vanban: hint: build it with 'vanban build-model dictionaries -o vanban.model', "
                       "or point --model / VANBAN_MODEL at it\n");
  }
  return kExitBadInput;
}

}  // namespace vanban::cli
