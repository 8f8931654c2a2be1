#include "vanban/model.h"

#include <cstdlib>
#include <filesystem>

#include "model/channel_index.h"
#include "model/model_data.h"

#ifndef VANBAN_BUILD_MODEL_PATH
#define VANBAN_BUILD_MODEL_PATH ""
#endif
#ifndef VANBAN_INSTALL_MODEL_PATH
#define VANBAN_INSTALL_MODEL_PATH "/usr/local/share/vanban/vanban.model"
#endif

namespace vanban {

Model::Model(std::unique_ptr<internal::ModelData> data) : data_(std::move(data)) {}
Model::~Model() = default;

Result<std::shared_ptr<const Model>> Model::Make(Result<std::unique_ptr<internal::ModelData>> data,
                                                 const std::string& what) {
  try {
    if (!data.ok()) return data.status();
    std::shared_ptr<Model> model(new Model(std::move(*data)));
    std::string_view table = model->data_->ChannelTable();
    if (!table.empty()) {
      auto channel = internal::ChannelIndex::Build(*model->data_, table);
      if (!channel.ok()) return Status::Corruption(what + ": " + channel.status().message());
      model->channel_ = std::move(*channel);
    }
    return std::shared_ptr<const Model>(std::move(model));
  } catch (const std::bad_alloc&) {
    return Status::Corruption(what + ": out of memory while loading (damaged file?)");
  }
}

Result<std::shared_ptr<const Model>> Model::Load(const std::string& path) {
  return Make(internal::ModelData::Open(path), path);
}

Result<std::shared_ptr<const Model>> Model::LoadFromBuffer(std::string_view bytes) {
  return Make(internal::ModelData::FromBuffer(bytes), "model");
}

std::vector<std::string> Model::SearchPath() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("VANBAN_MODEL"); env != nullptr && *env != '\0') paths.emplace_back(env);
  if (std::string_view(VANBAN_BUILD_MODEL_PATH).size() > 0) paths.emplace_back(VANBAN_BUILD_MODEL_PATH);
  paths.emplace_back(VANBAN_INSTALL_MODEL_PATH);
  return paths;
}

std::string Model::DefaultPath() {
  std::vector<std::string> paths = SearchPath();
  // An explicit $VANBAN_MODEL wins even if missing, so that the error names it.
  if (const char* env = std::getenv("VANBAN_MODEL"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  for (const std::string& p : paths) {
    if (std::filesystem::exists(p, ec)) return p;
  }
  return paths.back();
}

int Model::order() const { return data_->order(); }
size_t Model::vocabulary_size() const { return data_->vocab_size() - 1; }
size_t Model::file_size() const { return data_->file_size(); }
uint32_t Model::format_version() const { return internal::kModelFormatVersion; }

std::vector<uint64_t> Model::ngram_counts() const {
  std::vector<uint64_t> out;
  for (int n = 1; n <= data_->order(); ++n) out.push_back(data_->ngram_count(n));
  return out;
}

double Model::LogProb(const std::vector<std::string>& words) const {
  internal::LmState state = data_->BeginState(), next;
  double lp = 0;
  size_t start = 0;
  if (!words.empty() && words[0] == "<s>") start = 1;
  else state.len = 0;
  for (size_t i = start; i < words.size(); ++i) {
    lp = data_->Score(state, data_->WordId(words[i]), &next);
    state = next;
  }
  return lp;
}

}  // namespace vanban
