// LoadModel: the one rule for finding the restoration model (docs/cli.md, "Model").
#include "pipeline/load_model.h"

#include <cstdlib>
#include <filesystem>

namespace vanban {
namespace internal {
namespace {

// |status| as "PATH: why", the way every diagnostic names its file (the model's own
// messages name it in other places, or not at all: "bad model file: PATH: too small").
Status NamingFile(const Status& status, const std::string& path) {
  const std::string prefix = path + ": ";
  std::string why = status.message();
  if (why.rfind(prefix, 0) == 0) return status;
  if (size_t at = why.find(prefix); at != std::string::npos) why.erase(at, prefix.size());
  return Status(status.code(), prefix + why);
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
