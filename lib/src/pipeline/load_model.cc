// LoadModel: the one rule for finding the restoration model (docs/cli.md, "Model").
#include "pipeline/load_model.h"

#include <cstdlib>
#include <filesystem>

namespace vanban {
namespace internal {
namespace {

// |status| with a message that names |path| (the model's own messages do not always).
Status NamingFile(const Status& status, const std::string& path) {
  if (status.message().find(path) != std::string::npos) return status;
  return Status(status.code(), path + ": " + status.message());
}

}  // namespace

Result<std::shared_ptr<const Model>> LoadModelFrom(const ModelChoice& choice, std::string_view env,
                                                   const std::vector<std::string>& places) {
  if (!choice.restore) return std::shared_ptr<const Model>();
  // A file the user names (--model, then $VANBAN_MODEL) is loaded or is the error.
  std::string path = !choice.path.empty() ? choice.path : std::string(env);
  if (path.empty()) {
    std::error_code ec;
    for (const std::string& p : places) {
      if (std::filesystem::exists(p, ec)) {
        path = p;
        break;
      }
    }
  }
  // No model anywhere is an error too: restoration is never skipped silently.
  if (path.empty()) {
    std::string looked;
    for (const std::string& p : places) looked += (looked.empty() ? "" : ", ") + p;
    return Status::NotFound("no restoration model found (looked for " + looked + ")");
  }
  auto model = Model::Load(path);
  if (!model.ok()) return NamingFile(model.status(), path);
  return model;
}

}  // namespace internal

Result<std::shared_ptr<const Model>> LoadModel(const ModelChoice& choice) {
  const char* env = std::getenv("VANBAN_MODEL");
  return internal::LoadModelFrom(choice, env != nullptr ? env : "", Model::SearchPath());
}

}  // namespace vanban
