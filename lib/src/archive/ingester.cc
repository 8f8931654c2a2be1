// Ingester: one document from bytes to a parsed record (decode, restore, parse).
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "vanban/archive.h"
#include "vanban/parse.h"
#include "vanban/restore.h"
#include "vanban/text.h"

namespace vanban {
namespace {

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of the calling thread: unlike wall time it does not grow while the thread
// waits for a core, so the restore/parse split stays meaningful on a busy machine.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// 1-based line of the first NUL in |text|, 0 when there is none.
size_t NulLine(std::string_view text) {
  size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return 0;
  size_t line = 1;
  for (size_t i = 0; i < nul; ++i) line += text[i] == '\n';
  return line;
}

// Now plus |seconds|; no deadline for 0.
std::chrono::steady_clock::time_point DeadlineAfter(double seconds) {
  if (seconds <= 0) return std::chrono::steady_clock::time_point::max();
  return std::chrono::steady_clock::now() +
         std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

}  // namespace

Result<std::shared_ptr<const Model>> LoadRestorationModel(const std::string& path) {
  if (!path.empty()) return Model::Load(path);
  const char* env = std::getenv("VANBAN_MODEL");
  std::string fallback = Model::DefaultPath();
  std::error_code ec;
  // Only a model that is nowhere to be found means "parse as is"; one that exists but
  // does not load (corrupt, older format) or that $VANBAN_MODEL names is an error, so
  // that a broken install never silently yields unrestored output.
  if ((env == nullptr || *env == '\0') && !std::filesystem::exists(fallback, ec)) {
    return std::shared_ptr<const Model>();
  }
  return Model::Load(fallback);
}

struct Ingester::Impl {
  std::shared_ptr<const Model> model;
  std::unique_ptr<Restorer> restorer;
  RestoreResult scratch;
  double time_budget = 0;
};

Ingester::Ingester(std::shared_ptr<const Model> model, const RestoreOptions& restore) : impl_(std::make_unique<Impl>()) {
  impl_->model = std::move(model);
  if (impl_->model) {
    RestoreOptions ro = restore;
    ro.record_tokens = false;  // the text is what parsing and the archive use
    impl_->restorer = std::make_unique<Restorer>(impl_->model, ro);
  }
}

Ingester::~Ingester() = default;

bool Ingester::restores() const { return impl_->restorer != nullptr; }

void Ingester::set_time_budget(double seconds) { impl_->time_budget = seconds; }

Result<IngestedDocument> Ingester::FromText(std::string_view text, const std::string& source_name, int first_line) {
  // Decoders map some binary bytes to U+0000; no text document contains it.
  if (size_t line = NulLine(text); line > 0) {
    return Status::Corruption(std::to_string(line) + ": binary data, not text (NUL character)");
  }
  IngestedDocument out;
  ParseOptions po;
  po.source_name = source_name;
  po.first_line = first_line;
  po.deadline = DeadlineAfter(impl_->time_budget);
  auto t0 = std::chrono::steady_clock::now();
  double c0 = ThreadCpuSeconds();
  if (impl_->restorer) {
    impl_->restorer->mutable_options().deadline = po.deadline;
    impl_->restorer->Restore(text, &impl_->scratch);
    if (impl_->scratch.timed_out) {
      return Status::Unsupported(fmt::format("restoring took longer than the time budget per document ({:g} s)",
                                             impl_->time_budget));
    }
    out.text = std::move(impl_->scratch.text);
    po.restored_text = out.text;
  }
  out.restore_seconds = Since(t0);
  double c1 = ThreadCpuSeconds();
  out.restore_cpu_seconds = c1 - c0;
  t0 = std::chrono::steady_clock::now();
  auto doc = ParseDocument(text, po);
  out.parse_seconds = Since(t0);
  out.parse_cpu_seconds = ThreadCpuSeconds() - c1;
  if (!doc.ok()) return doc.status();
  out.doc = std::move(*doc);
  if (!impl_->restorer) out.text = std::string(text);
  return out;
}

Result<IngestedDocument> Ingester::FromBytes(std::string_view bytes, const std::string& source_name) {
  auto decoded = Decode(bytes);  // refuses binary data (NUL bytes outside UTF-16)
  if (!decoded.ok()) return decoded.status();
  return FromText(decoded->text, source_name);
}

}  // namespace vanban
