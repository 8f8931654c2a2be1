// The beam search over a rebuilt lattice: Redecode starts again at the first piece whose
// edges changed, and must find what a fresh search of the same lattice finds (the path,
// every edge's margin, the posteriors).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "model/model_data.h"
#include "restore/beam_search.h"
#include "restore/document_memory.h"
#include "restore/lattice.h"
#include "restore/lm_cache.h"
#include "vanban/restore.h"
#include "fixture_model.h"

namespace {

using vanban::internal::BeamSearch;
using vanban::internal::Cand;
using vanban::internal::DocumentMemory;
using vanban::internal::Edge;
using vanban::internal::EdgeKind;
using vanban::internal::Lattice;
using vanban::internal::LmCache;
using vanban::internal::LmState;
using vanban::internal::ModelData;

using vanban::test::FixtureData;

struct Reading {
  std::string_view word;
  float channel;
};

void AddEdge(const ModelData& m, Lattice* lattice, uint32_t from, uint32_t to, std::initializer_list<Reading> readings) {
  Edge e{};
  e.from = from;
  e.to = to;
  e.kind = to == from + 1 ? EdgeKind::kWord : EdgeKind::kJoin;
  e.cand_begin = static_cast<uint32_t>(lattice->cands.size());
  for (const Reading& r : readings) {
    const uint32_t id = m.WordId(r.word);
    REQUIRE_MESSAGE(id != m.unk(), r.word);
    lattice->cands.push_back(Cand{id, 0, r.channel, false, false, 0, 0});
  }
  e.cand_count = static_cast<uint32_t>(readings.size());
  lattice->edges.push_back(e);
}

void Index(Lattice* lattice, size_t pieces) {
  lattice->first_edge.assign(pieces + 1, static_cast<uint32_t>(lattice->edges.size()));
  for (size_t e = lattice->edges.size(); e-- > 0;) lattice->first_edge[lattice->edges[e].from] = static_cast<uint32_t>(e);
}

// "căn cứ nghị quyết của chính phủ" with rival readings at each piece, a join edge over
// pieces 4 and 5 (a hypothesis made before piece 5 that ends after it), and at piece 5
// the readings |at5|.
Lattice Sentence(const ModelData& m, std::initializer_list<Reading> at5) {
  Lattice l;
  AddEdge(m, &l, 0, 1, {{"căn", -0.1f}, {"cần", -0.5f}});
  AddEdge(m, &l, 1, 2, {{"cứ", -0.1f}, {"của", -0.6f}, {"có", -0.9f}});
  AddEdge(m, &l, 2, 3, {{"nghị", -0.2f}, {"nghỉ", -0.3f}, {"nghĩ", -0.4f}, {"nghĩa", -2.0f}, {"ngày", -2.5f}});
  AddEdge(m, &l, 3, 4, {{"quyết", -0.1f}, {"quy", -0.8f}});
  AddEdge(m, &l, 4, 5, {{"của", -0.1f}, {"cứ", -0.7f}, {"có", -0.8f}});
  AddEdge(m, &l, 4, 6, {{"chính", -1.5f}});
  AddEdge(m, &l, 5, 6, at5);
  AddEdge(m, &l, 6, 7, {{"phủ", -0.1f}, {"pháp", -0.9f}});
  Index(&l, 7);
  return l;
}

void CheckSameSearch(BeamSearch* a, const Lattice& la, BeamSearch* b, const Lattice& lb) {
  REQUIRE(a->path().size() == b->path().size());
  for (size_t s = 0; s < a->path().size(); ++s) {
    CHECK(a->path()[s].edge == b->path()[s].edge);
    CHECK(a->path()[s].cand == b->path()[s].cand);
    std::vector<double> pa, pb;
    a->Posteriors(la, s, &pa);
    b->Posteriors(lb, s, &pb);
    CHECK(pa == pb);
  }
  REQUIRE(la.edges.size() == lb.edges.size());
  for (size_t e = 0; e < la.edges.size(); ++e) CHECK(la.edges[e].margin == lb.edges[e].margin);
}

}  // namespace

TEST_CASE("restore: a search started again where the lattice changed finds what a fresh search finds") {
  const ModelData& m = FixtureData();
  vanban::RestoreOptions options;
  options.beam = 3;  // fewer hypotheses than readings: what is pruned matters
  DocumentMemory memory;
  memory.Reset("");
  LmCache lm(m, 10), fresh_lm(m, 10);

  BeamSearch again(m, options, &lm, &memory);
  Lattice first = Sentence(m, {{"chính", -0.1f}, {"chịu", -0.3f}});
  again.Decode(&first, 7);
  const std::vector<vanban::internal::PathStep> first_path = again.path();

  SUBCASE("readings change at piece 5: the search starts again there") {
    // The second look makes "chịu" likelier: the path after piece 5 may change, the one
    // before it must be the same search's.
    Lattice second = Sentence(m, {{"chính", -1.9f}, {"chịu", -0.05f}, {"chức", -0.2f}});
    Lattice reference = second;
    again.Redecode(&second, 7);
    BeamSearch fresh(m, options, &fresh_lm, &memory);
    fresh.Decode(&reference, 7);
    CheckSameSearch(&again, second, &fresh, reference);
    bool changed = again.path().size() != first_path.size();
    for (size_t s = 0; !changed && s < first_path.size(); ++s)
      changed = again.path()[s].edge != first_path[s].edge || again.path()[s].cand != first_path[s].cand;
    CHECK(changed);
  }
  SUBCASE("nothing changes: the same path") {
    Lattice second = Sentence(m, {{"chính", -0.1f}, {"chịu", -0.3f}});
    Lattice reference = second;
    again.Redecode(&second, 7);
    BeamSearch fresh(m, options, &fresh_lm, &memory);
    fresh.Decode(&reference, 7);
    CheckSameSearch(&again, second, &fresh, reference);
  }
  SUBCASE("the first piece changes: a whole new search") {
    Lattice second = Sentence(m, {{"chính", -0.1f}, {"chịu", -0.3f}});
    second.cands[second.edges[0].cand_begin + 1].channel = -0.01f;
    Lattice reference = second;
    again.Redecode(&second, 7);
    BeamSearch fresh(m, options, &fresh_lm, &memory);
    fresh.Decode(&reference, 7);
    CheckSameSearch(&again, second, &fresh, reference);
  }
}

namespace {

// Each reading's posterior at path step |step| worked out directly: the score of the
// reading after the path before it, then of the path's following words after it, with
// every bonus (what Posteriors must give when it scores every reading).
std::vector<double> DirectPosteriors(const ModelData& m, const BeamSearch& search, const Lattice& l, size_t step) {
  const auto& path = search.path();
  // Adds to |*sc| what reading |c| on |e| scores after |*st|, which it moves past it.
  auto add = [&](LmState* st, const Edge& e, const Cand& c, double* sc) {
    if (c.id == 0) return;
    if (st->len > 0) *sc += search.PairBonus(*st, e, c.id);
    LmState next;
    *sc += m.Score(*st, c.LmId(), &next);
    *st = next;
  };
  LmState before = m.BeginState();
  double unused = 0;
  for (size_t s = 0; s < step; ++s) {
    const Edge& e = l.edges[path[s].edge];
    add(&before, e, l.cand(e, path[s].cand), &unused);
  }
  const Edge& e = l.edges[path[step].edge];
  const size_t horizon = static_cast<size_t>(m.order()) - 1;
  std::vector<double> post;
  for (uint32_t k = 0; k < e.cand_count; ++k) {
    // The reading itself in float, added up as the search adds it.
    LmState st;
    const Cand& c = l.cand(e, k);
    float first = 0.0f + m.Score(before, c.LmId(), &st) + c.channel;
    if (before.len > 0) first += search.PairBonus(before, e, c.id);
    double sc = first;
    size_t words = 0, s = step + 1;
    for (; s < path.size() && words < horizon; ++s) {
      const Edge& fe = l.edges[path[s].edge];
      const Cand& fc = l.cand(fe, path[s].cand);
      if (fc.id == 0) continue;
      add(&st, fe, fc, &sc);
      ++words;  // (no reading of two words here)
    }
    LmState next;
    if (s == path.size() && words < horizon) sc += m.Score(st, m.eos(), &next);
    post.push_back(sc);
  }
  double max = post[0], z = 0;
  for (double p : post) max = std::max(max, p);
  for (double& p : post) z += (p = std::pow(10.0, p - max));
  for (double& p : post) p /= z;
  return post;
}

}  // namespace

TEST_CASE("restore: posteriors are each reading's score with the following words, every bonus included") {
  const ModelData& m = FixtureData();
  vanban::RestoreOptions options;
  DocumentMemory memory;
  memory.Reset("");
  memory.RememberPair(m.WordId("nghị"), m.WordId("dân"));
  LmCache lm(m, 10);
  BeamSearch search(m, options, &lm, &memory);
  // "căn cứ nghị dân việt nam": the gazetteer's "Nghị Dân" and "Nghỉ Dân" give the word
  // after piece 2 a bonus that depends on piece 2's reading, its "Việt Nam" one that does
  // not (the word before it is a following word too).
  Lattice l;
  AddEdge(m, &l, 0, 1, {{"căn", -0.1f}, {"cần", -0.5f}});
  AddEdge(m, &l, 1, 2, {{"cứ", -0.1f}, {"của", -0.6f}, {"có", -0.9f}});
  AddEdge(m, &l, 2, 3, {{"nghị", -0.2f}, {"nghỉ", -0.3f}, {"nghĩ", -0.4f}, {"nghĩa", -2.0f}, {"ngày", -2.5f}});
  AddEdge(m, &l, 3, 4, {{"dân", -0.1f}});
  AddEdge(m, &l, 4, 5, {{"việt", -0.1f}});
  AddEdge(m, &l, 5, 6, {{"nam", -0.1f}, {"năm", -0.4f}});
  l.edges[3].name_pair = true;
  l.edges[5].name_pair = true;
  Index(&l, 6);
  search.Decode(&l, 6);
  REQUIRE(search.path().size() == 6);
  const uint32_t dan = m.WordId("dân");
  LmState after_nghi, after_nghia;
  m.Score(m.BeginState(), m.WordId("nghị"), &after_nghi);
  m.Score(m.BeginState(), m.WordId("nghĩa"), &after_nghia);
  REQUIRE(search.PairBonus(after_nghi, l.edges[3], dan) > search.PairBonus(after_nghia, l.edges[3], dan));
  for (size_t s = 0; s < search.path().size(); ++s) {
    CAPTURE(s);
    std::vector<double> post;
    search.Posteriors(l, s, &post);
    CHECK(post == DirectPosteriors(m, search, l, s));
  }
}

TEST_CASE("restore: the path repair takes a reading the beam pruned when the words after it say so") {
  const ModelData& m = FixtureData();
  vanban::RestoreOptions narrow;
  narrow.beam = 1;  // one hypothesis a position: the first word is chosen before "cứ" is seen
  vanban::RestoreOptions wide;
  DocumentMemory memory;
  memory.Reset("");
  LmCache lm(m, 10), wide_lm(m, 10);
  // The channel favours "cần" alone by half of what the words after it give "căn"
  // ("căn cứ nghị quyết"): the whole path favours căn, the first word alone cần.
  auto rest = [&](std::string_view first) {
    LmState st = m.BeginState(), next;
    double sc = m.Score(st, m.WordId(first), &next);
    for (std::string_view w : {"cứ", "nghị", "quyết"}) st = next, sc += m.Score(st, m.WordId(w), &next);
    return sc + m.Score(next, m.eos(), &st);
  };
  LmState unused;
  const double alone = m.Score(m.BeginState(), m.WordId("cần"), &unused) -
                       m.Score(m.BeginState(), m.WordId("căn"), &unused);
  const double after = (rest("căn") - rest("cần")) + alone;  // what the words after add for căn
  REQUIRE(after > 0.2);
  REQUIRE(after < 5.0);
  const float can_channel = static_cast<float>(-0.1 + alone - after / 2);
  auto sentence = [&] {
    Lattice l;
    AddEdge(m, &l, 0, 1, {{"cần", -0.1f}, {"căn", can_channel}});
    AddEdge(m, &l, 1, 2, {{"cứ", -0.1f}});
    AddEdge(m, &l, 2, 3, {{"nghị", -0.1f}});
    AddEdge(m, &l, 3, 4, {{"quyết", -0.1f}});
    Index(&l, 4);
    return l;
  };
  Lattice l = sentence(), reference = sentence();
  BeamSearch search(m, narrow, &lm, &memory);
  search.Decode(&l, 4);
  BeamSearch full(m, wide, &wide_lm, &memory);
  full.Decode(&reference, 4);
  const uint32_t can = m.WordId("căn");
  REQUIRE(l.cand(l.edges[search.path()[0].edge], search.path()[0].cand).id == m.WordId("cần"));
  REQUIRE(reference.cand(reference.edges[full.path()[0].edge], full.path()[0].cand).id == can);

  SUBCASE("within the margin: repaired to the wide beam's path") {
    CHECK(search.RepairPath(l, 3.0f));
    REQUIRE(search.path().size() == full.path().size());
    for (size_t s = 0; s < full.path().size(); ++s) {
      CHECK(search.path()[s].edge == full.path()[s].edge);
      CHECK(search.path()[s].cand == full.path()[s].cand);
      // The posteriors after the repair are those of the wide search's path.
      std::vector<double> pa, pb;
      search.Posteriors(l, s, &pa);
      full.Posteriors(reference, s, &pb);
      REQUIRE(pa.size() == pb.size());
      for (size_t k = 0; k < pa.size(); ++k) CHECK(pa[k] == doctest::Approx(pb[k]).epsilon(1e-6));
    }
    CHECK_FALSE(search.RepairPath(l, 3.0f));  // a repaired path is left as it is
  }
  SUBCASE("an edge decided by more than the margin is left") {
    CHECK_FALSE(search.RepairPath(l, static_cast<float>(l.edges[search.path()[0].edge].margin) * 0.5f));
    CHECK(l.cand(l.edges[search.path()[0].edge], search.path()[0].cand).id == m.WordId("cần"));
  }
}
