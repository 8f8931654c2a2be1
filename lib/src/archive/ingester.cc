// Ingester: one document from bytes to a parsed record (decode, restore, parse).
#include <chrono>
#include <cstring>

#include "vanban/archive.h"
#include "vanban/parse.h"
#include "vanban/restore.h"
#include "vanban/text.h"

namespace vanban {
namespace {

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

Result<std::shared_ptr<const Model>> LoadRestorationModel(const std::string& path) {
  if (!path.empty()) return Model::Load(path);
  auto loaded = Model::Load(Model::DefaultPath());
  if (!loaded.ok()) return std::shared_ptr<const Model>();
  return *loaded;
}

struct Ingester::Impl {
  std::shared_ptr<const Model> model;
  std::unique_ptr<Restorer> restorer;
  RestoreResult scratch;
};

Ingester::Ingester(std::shared_ptr<const Model> model) : impl_(std::make_unique<Impl>()) {
  impl_->model = std::move(model);
  if (impl_->model) {
    impl_->restorer = std::make_unique<Restorer>(impl_->model);
  }
}

Ingester::~Ingester() = default;

bool Ingester::restores() const { return impl_->restorer != nullptr; }

Result<IngestedDocument> Ingester::FromText(std::string_view text, const std::string& source_name) {
  IngestedDocument out;
  ParseOptions po;
  po.source_name = source_name;
  auto t0 = std::chrono::steady_clock::now();
  if (impl_->restorer) {
    impl_->restorer->Restore(text, &impl_->scratch);
    out.text = std::move(impl_->scratch.text);
    po.restored_text = out.text;
  }
  out.restore_seconds = Since(t0);
  t0 = std::chrono::steady_clock::now();
  auto doc = ParseDocument(text, po);
  out.parse_seconds = Since(t0);
  if (!doc.ok()) return doc.status();
  out.doc = std::move(*doc);
  if (!impl_->restorer) out.text = std::string(text);
  return out;
}

Result<IngestedDocument> Ingester::FromBytes(std::string_view bytes, const std::string& source_name) {
  const void* nul = std::memchr(bytes.data(), 0, bytes.size());
  if (nul != nullptr) {
    size_t offset = static_cast<const char*>(nul) - bytes.data();
    // UTF-16 text has NULs too; let the decoder have it when it starts with a BOM.
    bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
    if (!utf16_bom) return Status::Corruption("binary data (NUL byte at offset " + std::to_string(offset) + ")");
  }
  auto decoded = Decode(bytes);
  if (!decoded.ok()) return decoded.status();
  return FromText(decoded->text, source_name);
}

}  // namespace vanban
