#include "restore_options.h"

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
               "accurate)");
}

void AddRestoreOptions(CLI::App& app, RestoreChoice* choice, bool with_fast) {
  app.add_flag("--no-restore", choice->no_restore, "Do not restore diacritics before parsing");
  AddModelOption(app, &choice->model);
  if (with_fast) AddFastOption(app, &choice->fast);
}

}  // namespace vanban::cli
