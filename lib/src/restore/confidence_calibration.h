// Confidence a clerk can proofread by. The search's posterior of a word says how much
// better it reads than its rivals in its own line, not how often such a word is right:
// an OCR repair at 0.999 is wrong far more often than a diacritic choice at 0.999, and
// a word among unsure neighbours more often than one among sure ones. A logistic model
// over the posterior and such evidence, fitted on held-out OCR'd text
// (dictionaries/confidence.tsv, `restore_bench --fit-confidence`), turns it into a
// probability that the word is right.
#ifndef VANBAN_RESTORE_CONFIDENCE_CALIBRATION_H_
#define VANBAN_RESTORE_CONFIDENCE_CALIBRATION_H_

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "vanban/restore.h"
#include "vanban/status.h"

namespace vanban::internal {

inline constexpr size_t kConfidenceFeatures = 14;
using ConfidenceFeatures = std::array<double, kConfidenceFeatures>;
// Names of the features, in order (the keys of dictionaries/confidence.tsv).
extern const std::array<std::string_view, kConfidenceFeatures> kConfidenceFeatureNames;

// The evidence on |line[i]|, one of the tokens of a line, each with the search's
// posterior as its confidence.
ConfidenceFeatures FeaturesOf(std::span<const RestoredToken> line, size_t i);

// Calls |fn(line, first)| for each run of |tokens| on one line; |first| is the index
// of the run's first token.
template <class Fn>
void ForEachTokenLine(std::span<const RestoredToken> tokens, Fn fn) {
  for (size_t b = 0; b < tokens.size();) {
    size_t e = b + 1;
    while (e < tokens.size() && tokens[e].line == tokens[b].line) ++e;
    fn(tokens.subspan(b, e - b), b);
    b = e;
  }
}

class ConfidenceCalibration {
 public:
  // "name<TAB>weight" lines; empty text: no calibration (the posterior as it is).
  static Result<ConfidenceCalibration> Parse(std::string_view text);
  bool empty() const { return !loaded_; }
  double Apply(const ConfidenceFeatures& f) const;
  // Replaces the confidence of every token by its calibrated value, line by line.
  void ApplyAll(std::vector<RestoredToken>* tokens) const;

 private:
  bool loaded_ = false;
  ConfidenceFeatures weights_{};
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_CONFIDENCE_CALIBRATION_H_
