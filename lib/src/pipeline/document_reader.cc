// DocumentReader: one document from bytes to a record (decode, restore, parse).
#include <chrono>

#include <fmt/format.h>

#include "pipeline/stopwatch.h"
#include "pipeline/unsure_words.h"
#include "vanban/parse.h"
#include "vanban/pipeline.h"

namespace vanban {
namespace {

using internal::SecondsSince;
using internal::ThreadCpuSeconds;

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

ReadOptions ReadOptions::Fast() {
  ReadOptions fast;
  fast.restore.context_readings = 0;  // no readings proposed by the neighbours
  fast.restore.second_pass = false;   // one pass over the document
  fast.unsure_words_max_bytes = 0;    // no confidence pass (about 1.6x the restoring time)
  return fast;
}

struct DocumentReader::Impl {
  ReadOptions options;
  std::unique_ptr<Restorer> restorer;
  RestoreResult scratch;
};

DocumentReader::DocumentReader(std::shared_ptr<const Model> model, const ReadOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  if (model) {
    RestoreOptions ro = options.restore;
    ro.record_tokens = false;  // parsing reads the restored text only; FromText asks per document
    ro.trim_line_specks = false;
    impl_->restorer = std::make_unique<Restorer>(std::move(model), ro);
  }
}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::restores() const { return impl_->restorer != nullptr; }

Result<ReadResult> DocumentReader::FromText(std::string_view text, const std::string& source_name, int first_line) {
  // Decoders map some binary bytes to U+0000; no text document contains it.
  if (size_t line = NulLine(text); line > 0) {
    return Status::Corruption(std::to_string(line) + ": binary data, not text (NUL character)");
  }
  ReadResult out;
  ParseOptions po;
  po.source_name = source_name;
  po.first_line = first_line;
  po.merge_tables = impl_->options.merge_tables;
  po.deadline = DeadlineAfter(impl_->options.time_budget_seconds);
  auto t0 = std::chrono::steady_clock::now();
  double c0 = ThreadCpuSeconds();
  if (impl_->restorer) {
    RestoreOptions& ro = impl_->restorer->mutable_options();
    ro.deadline = po.deadline;
    // The words' confidences, for the unsure words of the record's values.
    ro.record_tokens = ro.confidence = text.size() <= impl_->options.unsure_words_max_bytes;
    impl_->scratch.tokens.clear();
    impl_->restorer->Restore(text, &impl_->scratch);
    if (impl_->scratch.timed_out) {
      return Status::Unsupported(fmt::format("restoring took longer than the time budget per document ({:g} s)",
                                             impl_->options.time_budget_seconds));
    }
    out.text = std::move(impl_->scratch.text);
    po.restored_text = out.text;
  }
  out.restore_seconds = SecondsSince(t0);
  double c1 = ThreadCpuSeconds();
  out.restore_cpu_seconds = c1 - c0;
  t0 = std::chrono::steady_clock::now();
  auto doc = ParseDocument(text, po);
  if (doc.ok() && impl_->restorer) internal::AttachUnsureWords(out.text, impl_->scratch.tokens, impl_->scratch.profile, first_line, &*doc);
  out.parse_seconds = SecondsSince(t0);
  out.parse_cpu_seconds = ThreadCpuSeconds() - c1;
  if (!doc.ok()) return doc.status();
  out.doc = std::move(*doc);
  if (!impl_->restorer) out.text = std::string(text);
  return out;
}

Result<ReadResult> DocumentReader::FromBytes(std::string_view bytes, const std::string& source_name) {
  auto decoded = Decode(bytes, impl_->options.decode);  // refuses binary data (NUL bytes outside UTF-16)
  if (!decoded.ok()) return decoded.status();
  return FromText(decoded->text, source_name);
}

}  // namespace vanban
