#include "restore/confidence_calibration.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "text/fold.h"
#include "text/utf8.h"
#include "text/viet_chars.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

// Posteriors are clipped to [1e-6, 1 - 1e-6] before the logit.
double Logit(double p) {
  p = std::clamp(p, 1e-6, 1.0 - 1e-6);
  return std::log(p / (1.0 - p));
}

// Whether |a| and |b| fold to the same code points (compared as they are decoded: this
// runs for every word of a document read with confidences).
bool SameFolded(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (FoldCodePoint(NextCodePoint(a, &i), FoldScope::kAnyScript) !=
        FoldCodePoint(NextCodePoint(b, &j), FoldScope::kAnyScript))
      return false;
  }
  return i == a.size() && j == b.size();
}

}  // namespace

const std::array<std::string_view, kConfidenceFeatures> kConfidenceFeatureNames = {
    "bias",      "logit",          "kind_ocr",      "kind_symbol",    "kind_kept",
    "all_caps",  "capitalised",    "non_letter",    "letters_changed", "short",
    "prev_logit", "next_logit",    "ocr_x_logit",   "changed_x_logit"};

ConfidenceFeatures FeaturesOf(std::span<const RestoredToken> line, size_t i) {
  const RestoredToken& t = line[i];
  const LetterCase c = LetterCaseOf(t.original);
  const bool all_caps = c.letters >= 2 && c.upper == c.letters;
  const bool changed = !SameFolded(t.original, t.restored);
  const double l = Logit(t.confidence);
  const double prev = i > 0 ? std::min(Logit(line[i - 1].confidence), l) : l;
  const double next = i + 1 < line.size() ? std::min(Logit(line[i + 1].confidence), l) : l;
  const bool ocr = t.kind == RestoredKind::kOcr;
  return {1.0,
          l,
          ocr ? 1.0 : 0.0,
          t.kind == RestoredKind::kSymbolPart ? 1.0 : 0.0,
          t.kind == RestoredKind::kKept ? 1.0 : 0.0,
          all_caps ? 1.0 : 0.0,
          c.first_upper && !all_caps ? 1.0 : 0.0,
          c.other ? 1.0 : 0.0,
          changed ? 1.0 : 0.0,
          c.letters <= 2 ? 1.0 : 0.0,
          prev,
          next,
          ocr ? l : 0.0,
          changed ? l : 0.0};
}

Result<ConfidenceCalibration> ConfidenceCalibration::Parse(std::string_view text) {
  ConfidenceCalibration c;
  std::array<bool, kConfidenceFeatures> seen{};
  const std::vector<std::string_view> lines = SplitLines(text);
  for (size_t line_no = 1; line_no <= lines.size(); ++line_no) {
    const std::string_view line = lines[line_no - 1];
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    auto bad = [&](const char* what) {
      return Status::Corruption("confidence table line " + std::to_string(line_no) + ": " + what);
    };
    if (tab == std::string_view::npos) return bad("expected NAME<TAB>WEIGHT");
    auto name = std::find(kConfidenceFeatureNames.begin(), kConfidenceFeatureNames.end(), line.substr(0, tab));
    if (name == kConfidenceFeatureNames.end()) return bad("unknown feature");
    double w = 0;
    auto r = std::from_chars(line.data() + tab + 1, line.data() + line.size(), w);
    if (r.ec != std::errc() || r.ptr != line.data() + line.size() || !std::isfinite(w)) return bad("bad weight");
    const size_t k = static_cast<size_t>(name - kConfidenceFeatureNames.begin());
    c.weights_[k] = w;
    seen[k] = true;
  }
  const size_t n = static_cast<size_t>(std::count(seen.begin(), seen.end(), true));
  if (n != 0 && n != kConfidenceFeatures) return Status::Corruption("confidence table: features missing");
  c.loaded_ = n != 0;
  return c;
}

double ConfidenceCalibration::Apply(const ConfidenceFeatures& f) const {
  double z = 0;
  for (size_t k = 0; k < kConfidenceFeatures; ++k) z += weights_[k] * f[k];
  return 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0)));
}

void ConfidenceCalibration::ApplyAll(std::vector<RestoredToken>* tokens) const {
  if (!loaded_) return;
  // A word kept as written with nothing else to offer keeps its confidence: a mark
  // must show the clerk another reading. The others are calibrated from the search's
  // posteriors of their neighbours, so all are worked out before any is replaced.
  auto calibrated_here = [](const RestoredToken& t) { return !t.alternatives.empty() || t.changed(); };
  std::vector<double> calibrated(tokens->size());
  ForEachTokenLine(*tokens, [&](std::span<const RestoredToken> line, size_t first) {
    for (size_t i = 0; i < line.size(); ++i)
      if (calibrated_here(line[i])) calibrated[first + i] = Apply(FeaturesOf(line, i));
  });
  for (size_t i = 0; i < tokens->size(); ++i) {
    RestoredToken& t = (*tokens)[i];
    if (calibrated_here(t)) t.confidence = calibrated[i];
  }
}

}  // namespace vanban::internal
