// Confidence calibration: the table format, and what the evidence does to a word.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "restore/confidence_calibration.h"

using vanban::RestoredKind;
using vanban::RestoredToken;
using vanban::internal::ConfidenceCalibration;
using vanban::internal::FeaturesOf;
using vanban::internal::kConfidenceFeatureNames;

namespace {

RestoredToken Token(std::string original, std::string restored, double confidence, RestoredKind kind,
                    bool alternative = true) {
  RestoredToken t;
  t.line = 1;
  t.original = std::move(original);
  t.restored = std::move(restored);
  t.confidence = confidence;
  t.kind = kind;
  if (alternative) t.alternatives.push_back({"x", 0.01});
  return t;
}

// Weights: the posterior's logit counts once; an OCR repair costs 2 (log-odds).
std::string Table(double ocr_weight) {
  std::string text = "# test\n";
  for (std::string_view name : kConfidenceFeatureNames) {
    double w = name == "logit" ? 1.0 : name == "kind_ocr" ? ocr_weight : 0.0;
    text += std::string(name) + "\t" + std::to_string(w) + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("confidence calibration: table format") {
  CHECK(ConfidenceCalibration::Parse("").ok());
  CHECK(ConfidenceCalibration::Parse("").value().empty());
  auto full = ConfidenceCalibration::Parse(Table(-2.0));
  REQUIRE(full.ok());
  CHECK_FALSE(full.value().empty());
  CHECK_FALSE(ConfidenceCalibration::Parse("logit\t1.0\n").ok());         // features missing
  CHECK_FALSE(ConfidenceCalibration::Parse("nonsense\t1.0\n").ok());      // unknown feature
  CHECK_FALSE(ConfidenceCalibration::Parse("logit 1.0\n").ok());          // no tab
  CHECK_FALSE(ConfidenceCalibration::Parse(Table(-2.0) + "bias\tx\n").ok());  // bad weight
}

TEST_CASE("confidence calibration: evidence moves a word's probability") {
  auto cal = ConfidenceCalibration::Parse(Table(-2.0)).value();
  std::vector<RestoredToken> line = {Token("nghi", "nghị", 0.9, RestoredKind::kSyllable),
                                     Token("quyét", "quyết", 0.9, RestoredKind::kOcr)};
  const double syllable = cal.Apply(FeaturesOf(line, 0)), ocr = cal.Apply(FeaturesOf(line, 1));
  CHECK(syllable == doctest::Approx(0.9).epsilon(1e-6));  // logit weight 1: the posterior itself
  CHECK(ocr < syllable);                                  // an OCR repair is less sure
  // Monotone in the posterior.
  line[0].confidence = 0.99;
  CHECK(cal.Apply(FeaturesOf(line, 0)) > syllable);
}

TEST_CASE("confidence calibration: a kept word with nothing to offer keeps its confidence") {
  auto cal = ConfidenceCalibration::Parse(Table(-2.0)).value();
  std::vector<RestoredToken> tokens = {Token("OUO", "OUO", 1.0, RestoredKind::kKept, /*alternative=*/false),
                                       Token("Iy", "lý", 0.99, RestoredKind::kOcr)};
  cal.ApplyAll(&tokens);
  CHECK(tokens[0].confidence == 1.0);
  CHECK(tokens[1].confidence < 0.99);
}

TEST_CASE("confidence calibration: letters_changed compares the words folded, letter by letter") {
  const size_t changed = static_cast<size_t>(std::find(kConfidenceFeatureNames.begin(), kConfidenceFeatureNames.end(),
                                                       "letters_changed") -
                                             kConfidenceFeatureNames.begin());
  auto letters_changed = [&](std::string original, std::string restored) {
    std::vector<RestoredToken> line = {Token(std::move(original), std::move(restored), 0.9, RestoredKind::kOcr)};
    return FeaturesOf(line, 0)[changed];
  };
  CHECK(letters_changed("nghi", "nghị") == 0.0);    // marks only
  CHECK(letters_changed("UBND", "ubnd") == 0.0);    // letter case only
  CHECK(letters_changed("ĐIEU", "Điều") == 0.0);    // Đ and đ alike
  CHECK(letters_changed("quyét", "quyết") == 0.0);
  CHECK(letters_changed("s6", "số") == 1.0);
  CHECK(letters_changed("nghi", "nghiệp") == 1.0);  // one a prefix of the other, either way
  CHECK(letters_changed("nghiệp", "nghi") == 1.0);
  CHECK(letters_changed("", "x") == 1.0);
  CHECK(letters_changed("", "") == 0.0);
}
