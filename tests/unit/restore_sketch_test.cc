// The sketch pass of an OCR'd document (restorer.cc) only gathers what the document
// memory takes, the readings it is sure of: its lattices propose no readings from the
// context and split or join no words, which the full pass does.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/model_data.h"
#include "model/model_parts.h"
#include "restore/channel_mix.h"
#include "restore/document_memory.h"
#include "restore/lattice.h"
#include "restore/lattice_builder.h"
#include "restore/pieces.h"
#include "restore/word_candidates.h"
#include "vanban/model.h"
#include "vanban/restore.h"

namespace {

// Every (piece, reading) of the lattice of |line| built in a sketch or a full pass;
// |splits| counts its edges that split a written word or join two.
std::vector<std::pair<uint32_t, uint32_t>> Readings(const vanban::Model& model, std::string_view line, bool sketch,
                                                    size_t* splits = nullptr) {
  const vanban::internal::ModelData& m = model.parts().data();
  vanban::RestoreOptions options;
  vanban::internal::WordCandidates words(m, model.parts().ocr_channel());
  vanban::internal::ChannelMix mix;
  mix.clean = 0.1, mix.stripped = 0.1, mix.ocr = 0.8;
  vanban::internal::CandidateLimits limits;
  limits.diacritic = options.max_candidates;
  limits.ocr = options.max_ocr_candidates;
  words.Reset(mix, limits, /*ocr=*/true);
  REQUIRE(words.ocr_active());
  vanban::internal::DocumentMemory memory;
  memory.Reset(line);
  vanban::internal::LatticeBuilder builder(m, options, &words, &memory);
  builder.StartDocument(/*ocr=*/true, sketch);
  vanban::internal::Unit unit;
  unit.text = line;
  vanban::internal::CutPieces(unit.text, /*ocr=*/true, m, &unit.tokens, &unit.pieces);
  vanban::internal::Lattice lattice;
  builder.StartUnit(unit, &lattice);
  builder.Build();
  std::vector<std::pair<uint32_t, uint32_t>> out;
  if (splits != nullptr) *splits = 0;
  for (const vanban::internal::Edge& e : lattice.edges) {
    if (splits != nullptr && (e.kind == vanban::internal::EdgeKind::kMerge || e.kind == vanban::internal::EdgeKind::kJoin))
      ++*splits;
    if (e.kind != vanban::internal::EdgeKind::kWord) continue;
    for (uint32_t k = 0; k < e.cand_count; ++k) out.push_back({e.from, lattice.cands[e.cand_begin + k].id});
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("restore: the sketch pass proposes no readings from the context") {
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  // "x4" is read poorly by the OCR channel alone (a weak word): the full pass asks its
  // neighbours, the sketch does not.
  for (std::string_view line : {"nhan dan x4 Nghi Duong", "Ban Thuong vu Tinh uy v4i Nhan dan"}) {
    CAPTURE(line);
    const auto sketch = Readings(**model, line, /*sketch=*/true);
    const auto full = Readings(**model, line, /*sketch=*/false);
    CHECK(std::includes(full.begin(), full.end(), sketch.begin(), sketch.end()));
    CHECK(full.size() > sketch.size());
  }
}

TEST_CASE("restore: the sketch pass splits and joins no words") {
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  // "ch ức" is one syllable the OCR broke, "HaN6i" two it glued.
  for (std::string_view line : {"ve ch ức nang nhiem vu", "thanh pho HaN6i"}) {
    CAPTURE(line);
    size_t sketch = 0, full = 0;
    Readings(**model, line, /*sketch=*/true, &sketch);
    Readings(**model, line, /*sketch=*/false, &full);
    CHECK(full > 0);
    CHECK(sketch == 0);
  }
}
