#include "restore/beam_search.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace vanban::internal {
namespace {

constexpr float kNegInf = -1e30f;
constexpr uint32_t kPrescreenReadings = 4;  // edges with more readings are prescreened

}  // namespace

// Keeps the best |beam| distinct hypotheses at a position.
void BeamSearch::Prune(std::vector<int32_t>* at) {
  std::sort(at->begin(), at->end(), [&](int32_t a, int32_t b) { return arena_[a].score > arena_[b].score; });
  if (at->empty()) return;
  const float floor = arena_[(*at)[0]].score - static_cast<float>(o_.beam_threshold);
  const size_t beam = static_cast<size_t>(std::max(1, o_.beam));
  size_t kept = 0;
  for (size_t k = 0; k < at->size() && kept < beam; ++k) {
    const Hyp& h = arena_[(*at)[k]];
    if (h.score < floor) break;
    bool dup = false;
    for (size_t j = 0; j < kept; ++j) {
      if (arena_[(*at)[j]].state.SameWords(h.state)) {
        dup = true;
        break;
      }
    }
    if (!dup) (*at)[kept++] = (*at)[k];
  }
  at->resize(kept);
}

// The prescreen judges readings after the best hypothesis only, but a reading hopeless
// there may be the natural successor of another one ("cáo" after "báo", not after
// "bảo"): the model's usual successors of each hypothesis' last word stay live.
void BeamSearch::RescueSuccessors(const Lattice& lattice, const std::vector<int32_t>& hyps, const Edge& edge) {
  // Readings by word, so that each successor is one look-up instead of a scan of the
  // edge (a chain links the readings that share a word: merges, document readings).
  if (++reading_gen_ == 0) {  // wrapped: stale stamps could look current
    std::fill(reading_stamp_.begin(), reading_stamp_.end(), 0);
    reading_gen_ = 1;
  }
  const uint32_t gen = reading_gen_;
  chain_.resize(edge.cand_count);
  for (uint32_t k = 0; k < edge.cand_count; ++k) {
    const uint32_t id = lattice.cand(edge, k).id;
    if (id >= reading_stamp_.size()) reading_stamp_.resize(id + 1, 0), reading_head_.resize(id + 1);
    chain_[k] = reading_stamp_[id] == gen ? reading_head_[id] : kNoReading;
    reading_stamp_[id] = gen;
    reading_head_[id] = k;
  }
  for (size_t j = 1; j < hyps.size() && j < 64; ++j) {
    const LmState& st = arena_[hyps[j]].state;
    if (st.len == 0) continue;
    for (uint16_t next : m_.Successors(st.words[st.len - 1])) {
      if (next == 0) break;
      if (next >= reading_stamp_.size() || reading_stamp_[next] != gen) continue;
      for (uint32_t k = reading_head_[next]; k != kNoReading; k = chain_[k]) live_[k] |= uint64_t{1} << j;
    }
  }
}

void BeamSearch::Decode(Lattice* lattice, size_t n) {
  arena_.clear();
  if (at_.size() < n + 1) at_.resize(n + 1);
  for (size_t p = 0; p <= n; ++p) at_[p].clear();
  arena_.push_back({m_.BeginState(), 0.0f, -1, 0, 0});
  at_[0].push_back(0);
  Search(lattice, 0, n);
}

// The pieces before the first whose edges differ from the last decoded lattice's in
// anything the search reads (ends, readings, scores, name flags).
size_t BeamSearch::SamePieces(const Lattice& lattice, size_t n) const {
  if (n != last_pieces_) return 0;
  const size_t edges = std::min(lattice.edges.size(), last_edges_.size());
  for (size_t e = 0; e < edges; ++e) {
    const Edge& a = lattice.edges[e];
    const Edge& b = last_edges_[e];
    if (a.from != b.from) return std::min(a.from, b.from);
    bool same = a.to == b.to && a.cand_count == b.cand_count && a.name_pair == b.name_pair &&
                a.person == b.person && a.opens_name == b.opens_name;
    for (uint32_t k = 0; same && k < a.cand_count; ++k) {
      const Cand& x = lattice.cand(a, k);
      const Cand& y = last_cands_[b.cand_begin + k];
      same = x.id == y.id && x.id2 == y.id2 && x.lm == y.lm &&
             std::bit_cast<uint32_t>(x.channel) == std::bit_cast<uint32_t>(y.channel);
    }
    if (!same) return a.from;
  }
  // One lattice has edges past the other's: they differ from the first piece of those.
  if (lattice.edges.size() != last_edges_.size())
    return lattice.edges.size() > edges ? lattice.edges[edges].from : last_edges_[edges].from;
  return n;
}

void BeamSearch::Redecode(Lattice* lattice, size_t n) {
  const size_t from = SamePieces(*lattice, n);
  if (from == 0 || from >= n || arena_at_.size() < n + 1) {
    Decode(lattice, n);
    return;
  }
  // Back to where position |from|'s turn came: the hypotheses made before it, each at its
  // end position in the order made (as the search pushed them), and the margins the
  // last search gave the edges before it.
  arena_.resize(arena_at_[from]);
  for (size_t p = from; p <= n; ++p) at_[p].clear();
  for (size_t i = 1; i < arena_.size(); ++i) {
    const uint32_t to = lattice->edges[arena_[i].edge].to;
    if (to >= from) at_[to].push_back(static_cast<int32_t>(i));
  }
  for (uint32_t e = 0; e < lattice->first_edge[from]; ++e) lattice->edges[e].margin = last_edges_[e].margin;
  Search(lattice, from, n);
}

// The score cache's slots and the model's buckets are far larger than the caches, and a
// look-up that waits on one stalls the search; the extensions of an edge are known before
// they are made, so their loads are started together and overlap: first the slots, then,
// once those have come, the model's buckets of the look-ups the slots lack.
template <typename StateOf>
inline void BeamSearch::PrefetchExtensions(const Lattice& lattice, const Edge& edge, size_t n, StateOf state_of,
                                    bool live_only) {
  for (int round = 0; round < 2; ++round) {
    for (size_t j = 0; j < n; ++j) {
      const uint64_t bit = j < 64 ? uint64_t{1} << j : 0;
      const LmState& st = *state_of(j);
      for (uint32_t k = 0; k < edge.cand_count; ++k) {
        const Cand& c = lattice.cand(edge, k);
        if (c.id == 0 || (live_only && live_[k] != kAllHyps && (live_[k] & bit) == 0)) continue;
        if (round == 0) lm_.Prefetch(st, c.LmId());
        else lm_.PrefetchMiss(st, c.LmId());
      }
    }
  }
}

// The search from position |from| on; at_ holds what reached each position before it.
void BeamSearch::Search(Lattice* lattice, size_t from, size_t n) {
  arena_at_.resize(n + 1);
  for (size_t p = from; p < n; ++p) {
    arena_at_[p] = static_cast<uint32_t>(arena_.size());
    Prune(&at_[p]);
    for (uint32_t e = lattice->first_edge[p]; e < lattice->first_edge[p + 1]; ++e) {
      Edge& edge = lattice->edges[e];
      float best = kNegInf, second = kNegInf;
      int best_cand = -1;
      // Readings hopeless after the best hypothesis are not tried after the others.
      live_.assign(edge.cand_count, kAllHyps);
      if (edge.cand_count > kPrescreenReadings && at_[p].size() > 1) {
        const Hyp& top = arena_[at_[p][0]];
        // The best hypothesis that ends in another word: a reading hopeless after the
        // top one's last word may be the one after this one's ("tiến công", "lên cổng").
        const Hyp* other = nullptr;
        if (second_prescreen_ && top.state.len > 0) {
          const uint32_t top_last = top.state.words[top.state.len - 1];
          for (size_t j = 1; j < at_[p].size() && j < 64 && other == nullptr; ++j) {
            const Hyp& h = arena_[at_[p][j]];
            if (h.state.len > 0 && h.state.words[h.state.len - 1] != top_last) other = &h;
          }
        }
        const LmState* prescreened[2] = {&top.state, other != nullptr ? &other->state : nullptr};
        PrefetchExtensions(*lattice, edge, other != nullptr ? 2 : 1, [&](size_t j) { return prescreened[j]; },
                           /*live_only=*/false);
        float top_best = kNegInf;
        scores_.resize(edge.cand_count);
        for (uint32_t k = 0; k < edge.cand_count; ++k) {
          LmState st;
          scores_[k] = Extend(top, edge, lattice->cand(edge, k), &st);
          top_best = std::max(top_best, scores_[k]);
          if (other != nullptr) scores_[k] = std::max(scores_[k], Extend(*other, edge, lattice->cand(edge, k), &st));
        }
        for (uint32_t k = 0; k < edge.cand_count; ++k)
          live_[k] = scores_[k] >= top_best - static_cast<float>(o_.prescreen_margin) ? kAllHyps : 0;
        RescueSuccessors(*lattice, at_[p], edge);
      }
      PrefetchExtensions(*lattice, edge, at_[p].size(), [&](size_t j) { return &arena_[at_[p][j]].state; },
                         /*live_only=*/true);
      for (size_t j = 0; j < at_[p].size(); ++j) {
        const int32_t hi = at_[p][j];
        const uint64_t bit = j < 64 ? uint64_t{1} << j : 0;
        for (uint32_t k = 0; k < edge.cand_count; ++k) {
          if (live_[k] != kAllHyps && (live_[k] & bit) == 0) continue;
          Hyp nh;
          nh.score = Extend(arena_[hi], edge, lattice->cand(edge, k), &nh.state);
          nh.back = hi;
          nh.edge = e;
          nh.cand = static_cast<uint16_t>(k);
          if (nh.score > best) {
            if (best_cand != static_cast<int>(k)) second = best;
            best = nh.score;
            best_cand = static_cast<int>(k);
          } else if (static_cast<int>(k) != best_cand && nh.score > second) {
            second = nh.score;
          }
          at_[edge.to].push_back(static_cast<int32_t>(arena_.size()));
          arena_.push_back(nh);
        }
      }
      edge.margin = best - second;
    }
  }
  Prune(&at_[n]);
  float best = kNegInf;
  int32_t best_h = -1;
  LmState dummy;
  for (int32_t hi : at_[n]) {
    float sc = arena_[hi].score + lm_.Score(arena_[hi].state, m_.eos(), &dummy);
    if (sc > best) best = sc, best_h = hi;
  }
  path_.clear();
  for (int32_t h = best_h; h > 0; h = arena_[h].back) path_.push_back(h);
  std::reverse(path_.begin(), path_.end());
  steps_.clear();
  for (int32_t h : path_) steps_.push_back({arena_[h].edge, arena_[h].cand});
  last_edges_.assign(lattice->edges.begin(), lattice->edges.end());
  last_cands_.assign(lattice->cands.begin(), lattice->cands.end());
  last_pieces_ = n;
}

void BeamSearch::Posteriors(const Lattice& lattice, size_t step, std::vector<double>* post) {
  const double max_score = LocalScores(lattice, step, post);
  double z = 0;
  for (double& p : *post) z += (p = std::pow(10.0, p - max_score));
  for (double& p : *post) p /= z;
}

bool BeamSearch::RepairPath(const Lattice& lattice, float margin) {
  bool changed = false;
  for (size_t step = 0; step < path_.size(); ++step) {
    Hyp h = arena_[path_[step]];
    const Edge& e = lattice.edges[h.edge];
    if (changed) {  // a reading before this one changed: this hypothesis follows the new one
      h.back = static_cast<int32_t>(arena_.size() - 1);
      h.score = Extend(arena_[h.back], e, lattice.cand(e, h.cand), &h.state);
      path_[step] = static_cast<int32_t>(arena_.size());
      arena_.push_back(h);
    }
    if (e.cand_count < 2 || e.margin >= margin) continue;
    LocalScores(lattice, step, &local_);
    uint16_t best = h.cand;
    for (uint32_t k = 0; k < e.cand_count; ++k)
      if (local_[k] > local_[best] + 1e-3) best = static_cast<uint16_t>(k);
    if (best == h.cand) continue;
    h.cand = best;
    h.score = Extend(arena_[h.back], e, lattice.cand(e, best), &h.state);
    path_[step] = static_cast<int32_t>(arena_.size());
    arena_.push_back(h);
    steps_[step].cand = best;
    changed = true;
  }
  return changed;
}

double BeamSearch::LocalScores(const Lattice& lattice, size_t step, std::vector<double>* post) {
  const Hyp& h = arena_[path_[step]];
  const Edge& e = lattice.edges[h.edge];
  post->assign(e.cand_count, 0.0);
  Hyp before = h.back >= 0 ? arena_[h.back] : Hyp{m_.BeginState(), 0.0f, -1, 0, 0};
  before.score = 0;
  // The following words of the path, the same for every reading.
  const size_t horizon = static_cast<size_t>(m_.order()) - 1;
  follow_.clear();
  size_t words = 0, j = step + 1;
  for (; j < path_.size() && words < horizon; ++j) {
    const Hyp& f = arena_[path_[j]];
    const Edge& fe = lattice.edges[f.edge];
    const Cand& c = lattice.cand(fe, f.cand);
    if (c.id == 0) continue;
    follow_.push_back({&fe, &c, 0.0f, false});
    words += c.id2 != 0 ? 2 : 1;
  }
  const bool eos = j == path_.size() && words < horizon;
  // Word by word across the readings, not reading by reading: the look-ups of one word
  // after every reading are known together, so their loads are started together.
  const uint32_t n = e.cand_count;
  local_states_.resize(n);
  for (uint32_t k = 0; k < n; ++k) {
    const Cand& c = lattice.cand(e, k);
    if (c.id != 0) lm_.Prefetch(before.state, c.LmId());
  }
  for (uint32_t k = 0; k < n; ++k) (*post)[k] = Extend(before, e, lattice.cand(e, k), &local_states_[k]);
  LmState next;
  for (size_t i = 0; i < follow_.size(); ++i) {
    Following& f = follow_[i];
    for (uint32_t k = 0; k < n; ++k) lm_.Prefetch(local_states_[k], f.cand->LmId());
    for (uint32_t k = 0; k < n; ++k) {
      LmState& st = local_states_[k];
      double& sc = (*post)[k];
      // The words after see this reading as their context, bonuses included. Past the
      // first, a word's bonus looks at the word before it only (a following word, the
      // same after every reading), unless the edge opens a name after a title, which
      // looks two words back.
      if (st.len > 0) {
        if (i == 0 || f.edge->opens_name) {
          sc += PairBonus(st, *f.edge, f.cand->id);
        } else {
          if (!f.has_bonus) f.bonus = PairBonus(st, *f.edge, f.cand->id), f.has_bonus = true;
          sc += f.bonus;
        }
      }
      sc += lm_.Score(st, f.cand->LmId(), &next);
      st = next;
      if (f.cand->id2 != 0) {
        sc += lm_.Score(st, f.cand->id2, &next);
        st = next;
      }
    }
  }
  if (eos)
    for (uint32_t k = 0; k < n; ++k) lm_.Prefetch(local_states_[k], m_.eos());
  double max_score = -1e300;
  for (uint32_t k = 0; k < n; ++k) {
    if (eos) (*post)[k] += lm_.Score(local_states_[k], m_.eos(), &next);
    max_score = std::max(max_score, (*post)[k]);
  }
  return max_score;
}

}  // namespace vanban::internal
