// The learned OCR channel: P(OCR text | clean text) as substring edits (a clean
// substring of 0-2 code points read as an OCR substring of 0-2 code points),
// estimated by `vanban train-channel` from ocrsim pairs and stored as the text
// table dictionaries/ocr_channel.tsv (format below).  Used by the restorer to
// propose clean syllables for an OCR token and to score them.
//
// Table format (UTF-8, one record per line, deterministic order):
//   "# ..."                      comment / totals
//   "#section<TAB>NAME"          starts a section
//   section char  (lower case):  clean<TAB>ocr<TAB>count     <- what the model uses
//   section cased (case kept):   clean<TAB>ocr<TAB>count     (statistics only)
//   section occ:                 clean<TAB>count  occurrences of each clean substring
//                                (the Brill-Moore denominators; "" = edit positions)
//   section token (lower case):  clean tokens<TAB>ocr tokens<TAB>count for splits,
//                                merges, drops ("" ocr) and inserted junk ("" clean)
// An empty field is the empty substring.
//
// Probabilities: P(ocr_sub | clean_sub) = count(clean_sub -> ocr_sub) / occ(clean_sub);
// a token's probability is the best (Viterbi) segmentation into such edits. Unseen
// single-character edits get a small floor; unseen two-character edits are impossible.
// All log-probabilities returned are log10, like Model::LogProb.
#ifndef VANBAN_CHANNEL_OCR_CHANNEL_H_
#define VANBAN_CHANNEL_OCR_CHANNEL_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "channel/code_points.h"
#include "channel/edit_scorer.h"
#include "channel/syllable_trie.h"
#include "vanban/status.h"

namespace vanban::internal {

inline constexpr std::string_view kChannelMagic = "# vanban OCR channel table v1";

// Token-level statistics of the channel (counts over aligned training tokens).
struct TokenChannelStats {
  uint64_t clean_tokens = 0;
  uint64_t matched = 0;
  uint64_t split = 0;    // one clean token read as two OCR tokens
  uint64_t merged = 0;   // two clean tokens read as one OCR token
  uint64_t dropped = 0;  // clean token with no OCR reading
  uint64_t inserted = 0; // OCR token standing for nothing (speckle, noise)
};

}  // namespace vanban::internal

namespace vanban {

class OcrChannel {
 public:
  using Candidate = std::pair<std::string, double>;  // lower-case clean syllable, log10 P(ocr|clean)

  static Result<OcrChannel> Load(std::string_view tsv_text);

  // log10 P(ocr | clean) of whole tokens (both lower-cased first). -infinity if no
  // sequence of allowed edits turns |clean| into |ocr|.
  double LogProb(std::string_view clean, std::string_view ocr) const;
  // The same with every edit possible: edits the table never saw cost a fixed price
  // by kind (a vowel misread is cheaper than a consonant). For scoring readings the
  // language model proposes for a badly damaged word ("thyuc" as thực).
  double LogProbSmooth(std::string_view clean, std::string_view ocr) const;
  // Either of the two on lower-case code points (no decoding; for hot loops).
  // Below |floor| (log10) it may give up and return -infinity.
  double LogProb32(std::u32string_view clean, std::u32string_view ocr, bool smooth,
                   double floor = -std::numeric_limits<double>::infinity()) const;
  // Nats of one clean character read as one OCR character.
  float SubstitutionCost(char32_t clean, char32_t ocr) const { return scorer_.Substitution(clean, ocr); }

  // Clean-side candidates for one OCR word (no surrounding punctuation; any case): the
  // |max| most probable syllables of |trie|, best first (prefix pruning: µs per token).
  // Candidates are ranked by log P(ocr|clean) + prior_weight * log(count + 1) with the
  // trie's counts (a unigram prior, so frequent syllables win near-ties); the value
  // returned with each candidate is still the channel log10 P(ocr|clean) alone.
  void Candidates(std::string_view ocr_token, const internal::SyllableTrie& trie, size_t max,
                  std::vector<Candidate>* out, double prior_weight = kDefaultPriorWeight) const;

  static constexpr double kDefaultPriorWeight = 0.5;

  size_t edit_count() const { return costs_.size(); }
  const internal::TokenChannelStats& token_stats() const { return token_stats_; }

 private:
  struct Reverse {  // one way a piece of OCR text can arise from clean text
    internal::U32 clean;
    float cost;  // -ln P(ocr | clean)
  };
  // The readings of one OCR piece grouped by their first clean character (sorted), so
  // the search only looks at the groups a trie node has children for.
  struct ReverseGroup {
    char32_t first;
    std::vector<Reverse> readings;  // cheapest first
  };
  struct ReverseIndex {
    std::vector<ReverseGroup> groups;
    // The groups' first letters as bits (SyllableTrie::LetterBit) and the group of each
    // bit, so that the search meets them with a trie node's children by a bitwise and;
    // where both have a first character without a bit, it walks the groups instead.
    internal::SyllableTrie::LetterMask letters;
    std::vector<uint8_t> group_of_bit;
    bool unlettered = false;
    bool empty() const { return groups.empty(); }
  };
  struct Search;

  OcrChannel() = default;
  static uint64_t PackOcr(std::u32string_view s);

  std::unordered_map<std::u32string, float> costs_;  // clean + U'\0' + ocr -> nats
  internal::EditScorer scorer_;                     // the same costs, for fast pair scoring
  std::unordered_map<std::u32string, uint64_t> occ_;
  static ReverseIndex Group(std::vector<Reverse> readings);
  std::unordered_map<uint64_t, ReverseIndex> reverse_;  // packed ocr substring
  ReverseIndex dropped_;  // clean pieces the OCR lost entirely
  internal::TokenChannelStats token_stats_;
};

}  // namespace vanban

#endif  // VANBAN_CHANNEL_OCR_CHANNEL_H_
