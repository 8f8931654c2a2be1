// The beam search over a unit's lattice: hypotheses are language-model states with a
// score (n-gram model + channel + document memory); each position keeps the best
// |beam| distinct ones. Also the posterior of each reading on the best path, for
// confidence.
#ifndef VANBAN_RESTORE_BEAM_SEARCH_H_
#define VANBAN_RESTORE_BEAM_SEARCH_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "model/model_data.h"
#include "restore/document_memory.h"
#include "restore/lattice.h"
#include "restore/lm_cache.h"
#include "restore/person_titles.h"
#include "vanban/restore.h"

namespace vanban::internal {

// One step of the best path: the edge taken and which of its readings.
struct PathStep {
  uint32_t edge;
  uint16_t cand;
};

class BeamSearch {
 public:
  // |second_prescreen|: an edge's readings are prescreened after the best hypothesis
  // that ends in another word as well (Search); the sketch pass, which keeps only readings
  // it is sure of, reads the same without it.
  BeamSearch(const ModelData& model, const RestoreOptions& options, LmCache* lm, const DocumentMemory* memory,
             bool second_prescreen = true)
      : m_(model),
        o_(options),
        lm_(*lm),
        memory_(*memory),
        titles_(model),
        second_prescreen_(second_prescreen) {}

  // Finds the best path through |lattice| (over |pieces| pieces) and records each edge's
  // margin (best score minus the best score of another reading).
  void Decode(Lattice* lattice, size_t pieces);
  // The same for a lattice rebuilt from the one decoded last (the second look at an
  // OCR'd line changes the edges of a few pieces): the search up to the first piece whose
  // edges or readings differ is that of the last Decode, so it starts again there.
  void Redecode(Lattice* lattice, size_t pieces);
  const std::vector<PathStep>& path() const { return steps_; }

  // Posterior of each reading of the edge at path step |step|, the rest of the best path
  // fixed; the following words (up to the model order) give the right context.
  void Posteriors(const Lattice& lattice, size_t step, std::vector<double>* post);
  // Takes, at each step of the best path whose edge's margin is under |margin|, the
  // reading that scores best there with the rest of the path fixed (as Posteriors weighs
  // them), left to right. The beam decides a word before it sees the words after it and
  // may have pruned the hypothesis that leads to the better reading ("cần" kept where
  // "căn cứ" follows); this only raises the path's score. True if any reading changed.
  bool RepairPath(const Lattice& lattice, float margin);

  // What the document, the gazetteer and the name lists add for reading |id| on edge |e|
  // after the words of |before| (at least one). Inline, as Extend is: the search asks
  // both a million times on a page of OCR, and the calls alone were 4% of its work.
  float PairBonus(const LmState& before, const Edge& e, uint32_t id) const {
    const uint32_t prev = before.words[before.len - 1];
    float bonus = 0;
    if (const uint32_t n = memory_.PairUnits(prev, id); n > 0)
      bonus += static_cast<float>(o_.pair_cache_bonus *
                                  (1.0 + o_.pair_cache_growth * std::log2(std::min(n, 16u))));
    if (e.name_pair && m_.IsNamePair(prev, id)) bonus += static_cast<float>(o_.name_pair_bonus);
    if (e.person && m_.people().Has(prev, id)) bonus += static_cast<float>(o_.person_pair_bonus);
    // A rarer surname is a name only here, as its first word, and counts as much as a
    // common one does here.
    if (e.person == kAfterSurname && m_.rare_people().Has(prev, id))
      bonus += static_cast<float>(o_.name_pair_bonus + o_.person_pair_bonus);
    // A person's name opens with a surname: "đồng chí Đặng Quốc Thành", not Đảng.
    if (e.person == kSurnamePlace && m_.IsSurname(id)) bonus += static_cast<float>(o_.person_pair_bonus);
    // A name opening after what may be "đồng chí", "ông", "bà" reads it so: "Giao đồng chí
    // Dương Thanh", not "Giao đông chỉ Dương Thanh" (the model knows "đồng chí" before
    // common surnames only).
    if (e.opens_name && titles_.End(before.len >= 2 ? before.words[before.len - 2] : 0, prev))
      bonus += static_cast<float>(o_.person_pair_bonus);
    return bonus;
  }

 private:
  struct Hyp {
    LmState state;
    float score;
    int32_t back;   // previous hypothesis in the arena, -1 at the start
    uint32_t edge;  // edge taken to get here
    uint16_t cand;
  };
  float Extend(const Hyp& h, const Edge& e, const Cand& c, LmState* out) {
    if (c.id == 0) {  // skipped mark
      *out = h.state;
      return h.score + c.channel;
    }
    float s = h.score + lm_.Score(h.state, c.LmId(), out) + c.channel;
    if (h.state.len > 0) s += PairBonus(h.state, e, c.id);
    if (c.id2 != 0) {
      LmState mid = *out;
      s += lm_.Score(mid, c.id2, out);
    }
    return s;
  }
  // Log10 score of each reading of the edge at path step |step| in the path's context;
  // returns the highest.
  double LocalScores(const Lattice& lattice, size_t step, std::vector<double>* scores);
  void Search(Lattice* lattice, size_t from, size_t n);
  // Starts the loads of extending each of |n| states (|state_of|(j), the j-th
  // hypothesis' where |live_only|) by the readings of |edge| (those live after it where
  // |live_only|). Always inline: GCC 12 drops a call whose only effects are prefetches.
  template <typename StateOf>
  [[gnu::always_inline]] void PrefetchExtensions(const Lattice& lattice, const Edge& edge, size_t n, StateOf state_of, bool live_only);
  size_t SamePieces(const Lattice& lattice, size_t n) const;
  void Prune(std::vector<int32_t>* at);
  void RescueSuccessors(const Lattice& lattice, const std::vector<int32_t>& hyps, const Edge& edge);

  const ModelData& m_;
  const RestoreOptions& o_;
  LmCache& lm_;
  const DocumentMemory& memory_;
  const PersonTitles titles_;
  const bool second_prescreen_;
  std::vector<Hyp> arena_;
  std::vector<std::vector<int32_t>> at_;  // hypotheses at each position
  // For Redecode: the size of the arena when each position's turn came, and the lattice
  // decoded last (its margins included).
  std::vector<uint32_t> arena_at_;
  std::vector<Edge> last_edges_;
  std::vector<Cand> last_cands_;
  size_t last_pieces_ = 0;
  std::vector<int32_t> path_;             // the best path, as arena indices
  std::vector<PathStep> steps_;
  // Per reading of the edge being extended, the hypotheses (bits by rank) it is tried after.
  std::vector<uint64_t> live_;
  static constexpr uint64_t kAllHyps = ~uint64_t{0};
  std::vector<float> scores_;
  // Posteriors' following words, each with its bonus when that is the same after every
  // reading (worked out by the first reading that needs it).
  struct Following {
    const Edge* edge;
    const Cand* cand;
    float bonus;
    bool has_bonus;
  };
  std::vector<Following> follow_;
  std::vector<double> local_;  // RepairPath's scores of one edge's readings
  std::vector<LmState> local_states_;  // LocalScores' state after each reading
  // RescueSuccessors' index of the edge's readings by word: the last reading of each
  // word (valid where the stamp is the current generation) and, per reading, the
  // previous one of the same word.
  static constexpr uint32_t kNoReading = ~uint32_t{0};
  std::vector<uint32_t> reading_stamp_, reading_head_, chain_;
  uint32_t reading_gen_ = 0;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_BEAM_SEARCH_H_
