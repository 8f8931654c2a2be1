#include "vanban/model.h"

#include <cstdlib>
#include <filesystem>

#include "model/channel_index.h"
#include "model/model_data.h"
#include "model/model_parts.h"

#ifndef VANBAN_BUILD_MODEL_PATH
#define VANBAN_BUILD_MODEL_PATH ""
#endif
#ifndef VANBAN_INSTALL_MODEL_PATH
#define VANBAN_INSTALL_MODEL_PATH "/usr/local/share/vanban/vanban.model"
#endif

namespace vanban {

namespace {

// The tables of |data| plus the OCR channel index built from the table they carry;
// a channel table that does not load makes the whole file corrupt (|what| names it).
Result<std::unique_ptr<const internal::ModelParts>> Assemble(Result<std::unique_ptr<internal::ModelData>> data,
                                                             const std::string& what) {
  try {
    if (!data.ok()) return data.status();
    std::unique_ptr<const internal::ChannelIndex> channel;
    std::string_view table = (*data)->ChannelTable();
    if (!table.empty()) {
      auto built = internal::ChannelIndex::Build(**data, table);
      if (!built.ok()) return Status::Corruption(what + ": " + built.status().message());
      channel = std::move(*built);
    }
    return std::make_unique<const internal::ModelParts>(std::move(*data), std::move(channel));
  } catch (const std::bad_alloc&) {
    return Status::Corruption(what + ": out of memory while loading (damaged file?)");
  }
}

}  // namespace

Model::Model(std::unique_ptr<const internal::ModelParts> parts) : parts_(std::move(parts)) {}
Model::~Model() = default;

Result<std::shared_ptr<const Model>> Model::Adopt(Result<std::unique_ptr<const internal::ModelParts>> parts) {
  if (!parts.ok()) return parts.status();
  return std::shared_ptr<const Model>(new Model(std::move(*parts)));
}

Result<std::shared_ptr<const Model>> Model::Load(const std::string& path) {
  return Adopt(Assemble(internal::ModelData::Open(path), path));
}

Result<std::shared_ptr<const Model>> Model::LoadFromBuffer(std::string_view bytes) {
  return Adopt(Assemble(internal::ModelData::FromBuffer(bytes), "model"));
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

bool Model::has_ocr_channel() const { return parts_->ocr_channel() != nullptr; }
int Model::order() const { return parts_->data().order(); }
size_t Model::vocabulary_size() const { return parts_->data().vocab_size() - 1; }
size_t Model::file_size() const { return parts_->data().file_size(); }
uint32_t Model::format_version() const { return internal::kModelFormatVersion; }

std::vector<uint64_t> Model::ngram_counts() const {
  std::vector<uint64_t> out;
  const internal::ModelData& data = parts_->data();
  for (int n = 1; n <= data.order(); ++n) out.push_back(data.ngram_count(n));
  return out;
}

double Model::LogProb(const std::vector<std::string>& words) const {
  const internal::ModelData& data = parts_->data();
  internal::LmState state = data.BeginState(), next;
  double lp = 0;
  size_t start = 0;
  if (!words.empty() && words[0] == "<s>") start = 1;
  else state.len = 0;
  for (size_t i = start; i < words.size(); ++i) {
    lp = data.Score(state, data.WordId(words[i]), &next);
    state = next;
  }
  return lp;
}

}  // namespace vanban
