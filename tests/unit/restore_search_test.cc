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
#include "model/model_parts.h"
#include "restore/beam_search.h"
#include "restore/document_memory.h"
#include "restore/lattice.h"
#include "restore/lm_cache.h"
#include "vanban/model.h"
#include "vanban/restore.h"

namespace {

using vanban::internal::BeamSearch;
using vanban::internal::Cand;
using vanban::internal::DocumentMemory;
using vanban::internal::Edge;
using vanban::internal::EdgeKind;
using vanban::internal::Lattice;
using vanban::internal::LmCache;
using vanban::internal::ModelData;

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
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  const ModelData& m = (*model)->parts().data();
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

// The posteriors add the terms a reading shares with an earlier one (the state the
// language model reached, the steps still to score) from that reading's record: they
// must be the sums a reading-by-reading computation gives, bit for bit.
TEST_CASE("restore: posteriors are those of scoring every reading with the following words") {
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  const ModelData& m = (*model)->parts().data();
  vanban::RestoreOptions options;
  DocumentMemory memory;
  memory.Reset("");
  LmCache lm(m, 10);
  BeamSearch search(m, options, &lm, &memory);
  // Many readings a piece, most of them words the model knows few n-grams after, so
  // that several reach the same state after the next word.
  Lattice l = Sentence(m, {{"chính", -0.1f}, {"chịu", -0.3f}, {"chức", -0.4f}, {"nghị", -0.5f}, {"quyết", -0.6f},
                           {"của", -1.0f}, {"có", -1.2f}, {"phủ", -1.5f}});
  search.Decode(&l, 7);
  const std::vector<vanban::internal::PathStep>& path = search.path();
  REQUIRE(path.size() == 7);
  const size_t horizon = static_cast<size_t>(m.order()) - 1;
  size_t shared_states = 0;
  for (size_t s = 0; s < path.size(); ++s) {
    vanban::internal::LmState before = m.BeginState();
    for (size_t b = 0; b < s; ++b) {
      const Cand& c = l.cand(l.edges[path[b].edge], path[b].cand);
      vanban::internal::LmState out;
      m.Score(before, c.LmId(), &out);
      before = out;
    }
    const Edge& e = l.edges[path[s].edge];
    std::vector<double> want(e.cand_count);
    std::vector<vanban::internal::LmState> after_next;
    double max_score = -1e300;
    for (uint32_t k = 0; k < e.cand_count; ++k) {
      const Cand& cand = l.cand(e, k);
      vanban::internal::LmState st, next;
      float first = 0.0f + m.Score(before, cand.LmId(), &st) + cand.channel;
      if (before.len > 0) first += search.PairBonus(before, e, cand.id);
      double sc = first;
      size_t words = 0, j = s + 1;
      for (; j < path.size() && words < horizon; ++j) {
        const Edge& fe = l.edges[path[j].edge];
        const Cand& c = l.cand(fe, path[j].cand);
        if (j == s + 2) after_next.push_back(st);
        if (st.len > 0) sc += search.PairBonus(st, fe, c.id);
        sc += m.Score(st, c.LmId(), &next);
        st = next;
        ++words;
      }
      if (j == path.size() && words < horizon) sc += m.Score(st, m.eos(), &next);
      want[k] = sc;
      max_score = std::max(max_score, sc);
    }
    double z = 0;
    for (double& p : want) z += (p = std::pow(10.0, p - max_score));
    for (double& p : want) p /= z;
    std::vector<double> got;
    search.Posteriors(l, s, &got);
    CHECK(got == want);
    for (size_t a = 0; a < after_next.size(); ++a)
      for (size_t b = a + 1; b < after_next.size(); ++b) shared_states += after_next[a].SameWords(after_next[b]);
  }
  // The case the shared terms are for occurs here.
  CHECK(shared_states > 0);
}
