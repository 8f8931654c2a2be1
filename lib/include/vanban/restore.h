// Diacritic restoration: puts the marks back on Vietnamese text (and fixes
// wrong ones) while keeping everything else byte for byte.
//
//   auto model = vanban::Model::Load(path);          // once, shared
//   vanban::Restorer restorer(*model);                // one per thread
//   vanban::RestoreResult r = restorer.Restore("Uy ban nhan dan tinh");
//   // r.text == "Ủy ban nhân dân tỉnh"
//
// Words are decoded line by line with a beam search over the n-gram model; the
// candidates of a word are the syllables with the same diacritic-free spelling
// (the diacritic channel) plus, optionally, those proposed by a CandidateSource
// (the OCR channel). Numbers, dates, URLs and unknown words are left as they are;
// the letter case of every word is kept; upper-case parts of document symbols are
// fixed from a table learned from the corpus (NQ-HDND -> NQ-HĐND).
#ifndef VANBAN_RESTORE_H_
#define VANBAN_RESTORE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/model.h"

namespace vanban {

// One clean reading proposed for a token by a channel.
struct ChannelCandidate {
  std::string text;     // lower-case syllable, NFC ("thực")
  double log_prob = 0;  // log10 P(token as written | text)
};

// A source of candidates for tokens the diacritic channel cannot explain
// ("thyc", "s6", "x4", "Pang"). Implementations must be thread-safe for
// concurrent calls (const) and fast: it is called once per such token.
class CandidateSource {
 public:
  virtual ~CandidateSource() = default;
  // Appends candidates for |token| (as written, any case) to |out|.
  virtual void Candidates(std::string_view token, std::vector<ChannelCandidate>* out) const = 0;
};

// A small built-in OCR fallback: folds common digit/letter confusions
// (6/0/& -> o, 1 -> l/i, 4/3 -> a, word-initial P -> Đ ...) and keeps the
// foldings that are known syllables. Used when no learned channel is given.
std::unique_ptr<CandidateSource> MakeSimpleOcrSource(std::shared_ptr<const Model> model);

struct RestoreOptions {
  int beam = 8;             // hypotheses kept per word
  int max_candidates = 10;  // readings tried per word (most frequent first)
  // Hypotheses scoring this much (log10) below the best are dropped.
  double beam_threshold = 3.0;
  // log10 penalty for replacing a word that is already a valid marked syllable;
  // keeps correct text unchanged while still allowing clear fixes.
  double change_marked_penalty = -3.0;
  // Same for unmarked words when the document as a whole carries marks (so an
  // unmarked word there is probably meant that way).
  double change_unmarked_in_marked_doc_penalty = -1.5;
  // Fraction of marked syllables above which a document counts as marked.
  double marked_doc_ratio = 0.3;
  // Weight of the capitalised-reading statistics for capitalised words inside a
  // sentence (names, title words).
  double capitalised_weight = 0.0;
  // Weight of the OCR channel's log-probabilities.
  double ocr_weight = 0.4;
  // Compute confidence and alternatives (costs a rescoring pass).
  bool confidence = false;
  int alternatives = 3;
  // Candidate source for tokens that are not clean syllables; nullptr = none.
  const CandidateSource* ocr_source = nullptr;
  // Boost syllables already restored with high confidence in the same document.
  bool document_cache = true;
  // Decode a hard-wrapped sentence (next line starting in lower case) as one unit.
  bool join_wrapped_lines = true;
  double cache_bonus = 0.3;           // log10 bonus for a cached reading
  double cache_min_confidence = 0.95; // confidence needed to enter the cache
};

struct Alternative {
  std::string text;   // with the token's case applied
  double probability;
};

enum class RestoredKind : uint8_t {
  kSyllable,    // decoded through the diacritic channel
  kOcr,         // decoded with OCR-channel candidates
  kSymbolPart,  // upper-case part of a document symbol, from the symbol table
  kKept,        // left as written (unknown word, foreign word, nothing to choose)
};
std::string_view RestoredKindName(RestoredKind kind);

struct RestoredToken {
  size_t begin = 0, end = 0;          // byte range in the input
  size_t out_begin = 0, out_end = 0;  // byte range in RestoreResult::text
  uint32_t line = 0;                  // 1-based
  std::string original;
  std::string restored;
  double confidence = 1.0;            // posterior of |restored| (1 when there was no choice)
  std::vector<Alternative> alternatives;  // other readings, most probable first
  RestoredKind kind = RestoredKind::kKept;
  bool changed() const { return original != restored; }
};

struct RestoreResult {
  std::string text;                   // the restored text, same layout as the input
  std::vector<RestoredToken> tokens;  // word tokens only (not spaces, punctuation, numbers)
  size_t changed = 0;                 // number of tokens whose text changed
};

// Not thread-safe: holds scratch buffers reused between calls. Create one per
// thread; the Model may be shared.
class Restorer {
 public:
  explicit Restorer(std::shared_ptr<const Model> model, RestoreOptions options = {});
  ~Restorer();
  Restorer(const Restorer&) = delete;
  Restorer& operator=(const Restorer&) = delete;

  // Restores a whole document (any number of lines; \n, \r\n and \r kept).
  RestoreResult Restore(std::string_view text);
  void Restore(std::string_view text, RestoreResult* out);

  const RestoreOptions& options() const { return options_; }
  RestoreOptions& mutable_options() { return options_; }

 private:
  class Impl;
  std::shared_ptr<const Model> model_;
  RestoreOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban

#endif  // VANBAN_RESTORE_H_
