// Capitals the OCR glued (restore/pieces.h): the cuts worth the search's time, one
// syllable the OCR damaged among them, and digits inside them. On the fixture model,
// whose syllables include cộng, hòa, xã, hội, cơ, năm.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "restore/pieces.h"
#include "fixture_model.h"

namespace {

using vanban::internal::Piece;
using vanban::internal::PieceKind;
using vanban::test::FixtureData;

std::vector<Piece> Cut(std::string_view line, const vanban::internal::DamagedReading& damaged = {}) {
  std::vector<vanban::internal::LmToken> tokens;
  std::vector<Piece> pieces;
  vanban::internal::CutPieces(line, /*ocr=*/true, FixtureData(), &tokens, &pieces, damaged);
  return pieces;
}

std::vector<std::string> Texts(std::string_view line, const std::vector<Piece>& pieces) {
  std::vector<std::string> out;
  for (const Piece& p : pieces) out.emplace_back(line.substr(p.begin, p.end - p.begin));
  return out;
}

// The syllables the cuts offer, as written.
std::vector<std::string> Syllables(std::string_view line, const std::vector<Piece>& pieces) {
  std::vector<std::string> out;
  for (size_t i = 0; i < pieces.size(); ++i)
    for (size_t k = 0; k < 8; ++k)
      if (pieces[i].syllables & (1u << k))
        out.emplace_back(line.substr(pieces[i].begin, pieces[i + k].end - pieces[i].begin));
  return out;
}

// A channel that reads only |spelling|, |score| well.
vanban::internal::DamagedReading Reads(std::string spelling, float score) {
  return [spelling, score](std::string_view lower) { return lower == spelling ? score : -1e9f; };
}

}  // namespace

TEST_CASE("glued capitals: one syllable the OCR damaged makes a cut where none was") {
  // "HOL" has no reading of its own: without the channel the word stays whole.
  constexpr std::string_view line = "CONGHOAXAHOL";
  CHECK(Texts(line, Cut(line)) == std::vector<std::string>{"CONGHOAXAHOL"});
  const auto pieces = Cut(line, Reads("hol", -3.0f));
  CHECK(Texts(line, pieces) == std::vector<std::string>{"CONG", "HOA", "XA", "HOL"});
  CHECK(Syllables(line, pieces) == std::vector<std::string>{"CONG", "HOA", "XA", "HOL"});
  CHECK(!pieces[0].glued);
  CHECK(pieces[3].glued);
  // Two damaged syllables are one too many.
  auto two = [](std::string_view lower) { return lower == "hol" || lower == "xal" ? -1.0f : -1e9f; };
  constexpr std::string_view twice = "CONGHOAXALHOL";
  CHECK(Texts(twice, Cut(twice, two)) == std::vector<std::string>{"CONGHOAXALHOL"});
}

TEST_CASE("glued capitals: the cuts close to the unigram model's best are all offered") {
  constexpr std::string_view line = "CONGHOAXAHOI";
  // Syllables with readings alone: one cut.
  CHECK(Syllables(line, Cut(line)) == std::vector<std::string>{"CONG", "HOA", "XA", "HOI"});
  // "NGHOA" read well by the channel: CƠ NGHOA is a cut too, and the pieces fall at the
  // bounds of both (CO|NG|HOA), the language model to choose.
  const auto pieces = Cut(line, Reads("nghoa", -0.5f));
  CHECK(Texts(line, pieces) == std::vector<std::string>{"CO", "NG", "HOA", "XA", "HOI"});
  const auto syllables = Syllables(line, pieces);
  for (std::string_view s : {"CO", "CONG", "NGHOA", "HOA", "XA", "HOI"})
    CHECK(std::find(syllables.begin(), syllables.end(), s) != syllables.end());
  CHECK(std::find(syllables.begin(), syllables.end(), "NG") == syllables.end());
  // A cut far below the best is not offered.
  CHECK(Texts(line, Cut(line, Reads("nghoa", -9.0f))) == std::vector<std::string>{"CONG", "HOA", "XA", "HOI"});
}

TEST_CASE("glued capitals: digits inside them are a number of their own") {
  constexpr std::string_view line = "CONGHOA1NAM";
  const auto pieces = Cut(line);
  REQUIRE(Texts(line, pieces) == std::vector<std::string>{"CONG", "HOA", "1", "NAM"});
  CHECK(pieces[2].kind == PieceKind::kNumber);
  CHECK(pieces[3].kind == PieceKind::kWord);
  CHECK(pieces[2].glued);
  CHECK(pieces[3].glued);
  // Digits the OCR put for letters in a short word stay in it ("C6NG", "XA4"), and so do
  // a code's ("NAM2" too short to be two words).
  for (std::string_view word : {"C6NG", "XA4", "NAM2", "HOI2XA"}) {
    CAPTURE(word);
    CHECK(Texts(word, Cut(word)).size() == 1);
  }
}

TEST_CASE("glued capitalised words: cut at the capitals, the word whole offered too") {
  // Việt Nam is a name of the fixture's gazetteer; Hòa Nam is none.
  constexpr std::string_view line = "VietNam";
  const auto pieces = Cut(line);
  REQUIRE(Texts(line, pieces) == std::vector<std::string>{"Viet", "Nam"});
  CHECK(Syllables(line, pieces) == std::vector<std::string>{"Viet", "VietNam", "Nam"});
  CHECK(pieces[1].glued);
  CHECK(Texts("HoaNam", Cut("HoaNam")).size() == 1);
  // A part the OCR damaged stands for a name's syllable whatever the pair.
  CHECK(Texts("HoaNal", Cut("HoaNal", Reads("nal", -3.0f))) == std::vector<std::string>{"Hoa", "Nal"});
  CHECK(Texts("HoaNal", Cut("HoaNal")).size() == 1);
  // A capital inside a syllable is a mark the OCR misread ("PhuOng": phương), and a
  // lower-case word before one capitalised part is no name ("vietNam").
  for (std::string_view word : {"PhuOng", "vietNam", "ViNam"}) {
    CAPTURE(word);
    CHECK(Texts(word, Cut(word)).size() == 1);
  }
}
