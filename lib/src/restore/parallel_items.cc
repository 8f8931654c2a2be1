#include "restore/parallel_items.h"

#include <algorithm>

namespace vanban::internal {

namespace {

constexpr size_t kMinItems = 3;
constexpr size_t kMinWords = 2, kMaxWords = 4;

// One word of an item: its piece and the reading the path chose there.
struct ItemWord {
  uint32_t piece;
  uint32_t id;
};

bool Separator(const Unit& unit, uint32_t piece) {
  const Piece& p = unit.pieces[piece];
  if (p.kind != PieceKind::kPunct) return false;
  const char c = unit.text[p.begin];
  return c == ',' || c == ';';
}

// The items' first and last words: where most items read one word the same, two or
// more and more often than any other, the other items' word there is proposed that.
void ProposeAlike(const std::vector<std::vector<ItemWord>>& items, std::vector<ParallelReading>* out) {
  if (items.size() < kMinItems) return;
  for (int side = 0; side < 2; ++side) {
    auto word_at = [&](const std::vector<ItemWord>& item) { return side == 0 ? item.front() : item.back(); };
    uint32_t best = 0;
    size_t best_count = 0;
    bool tie = false;
    for (const auto& item : items) {
      const uint32_t id = word_at(item).id;
      const size_t n = static_cast<size_t>(
          std::count_if(items.begin(), items.end(), [&](const auto& other) { return word_at(other).id == id; }));
      if (n > best_count) best = id, best_count = n, tie = false;
      else if (n == best_count && id != best) tie = true;
    }
    if (best_count < 2 || tie || best_count == items.size()) continue;
    for (const auto& item : items)
      if (word_at(item).id != best) out->push_back({word_at(item).piece, best});
  }
}

}  // namespace

std::vector<ParallelReading> ParallelReadings(const Unit& unit, const std::vector<PathStep>& path,
                                              const ListWords& words, const Lattice& lattice) {
  std::vector<ParallelReading> out;
  // Items: the words read between separators; anything but one-piece words (a number,
  // a symbol, a merge) leaves the run out. A list is a row of items: a run that is no
  // item (a clause too long, a number) ends it.
  std::vector<std::vector<ItemWord>> items;
  std::vector<ItemWord> run;
  bool clean = true;
  auto close = [&] {
    if (clean && run.size() >= kMinWords && run.size() <= kMaxWords) {
      items.push_back(std::move(run));
    } else if (!run.empty() || !clean) {
      ProposeAlike(items, &out);
      items.clear();
    }
    run.clear();
    clean = true;
  };
  for (const PathStep& step : path) {
    const Edge& e = lattice.edges[step.edge];
    // A comma ends an item also where an OCR'd line's search read it as a speck.
    if (e.to == e.from + 1 && Separator(unit, e.from)) {
      close();
      continue;
    }
    if (e.kind == EdgeKind::kSkip) {
      // A quote or bracket the search reads past still bounds a run: "“trọng dân, …".
      if (unit.pieces[e.from].kind == PieceKind::kPunct) close();
      continue;
    }
    if (e.kind != EdgeKind::kWord || e.to != e.from + 1 || unit.pieces[e.from].kind != PieceKind::kWord) {
      // Other marks end a run (the quote or stop after a list's last item).
      if (unit.pieces[e.from].kind == PieceKind::kPunct) close();
      else clean = false;
      continue;
    }
    const uint32_t id = lattice.cand(e, step.cand).id;
    // "trọng dân, gần dân, học dân, hiểu dân và có trách nhiệm": after an item, "và" or
    // "hoặc" ends the one before it and opens the last.
    if (!items.empty() && id != 0 && (id == words.conjunctions[0] || id == words.conjunctions[1])) {
      close();
      continue;
    }
    if (id == words.unk) clean = false;  // a word kept as written says nothing of the others
    run.push_back({e.from, id});
  }
  close();
  ProposeAlike(items, &out);
  return out;
}

namespace {

// The index in |lattice|.cands of |r|'s reading on the one-word edge of its piece, or -1.
int64_t ReadingAt(const Lattice& lattice, const ParallelReading& r) {
  for (uint32_t e = lattice.first_edge[r.piece]; e < lattice.edges.size() && lattice.edges[e].from == r.piece; ++e) {
    const Edge& edge = lattice.edges[e];
    if (edge.kind != EdgeKind::kWord || edge.to != r.piece + 1) continue;
    for (uint32_t k = 0; k < edge.cand_count; ++k)
      if (lattice.cand(edge, k).id == r.id && lattice.cand(edge, k).id2 == 0) return edge.cand_begin + k;
  }
  return -1;
}

}  // namespace

bool FavourReadings(const std::vector<ParallelReading>& readings, float bonus, Lattice* lattice) {
  bool changed = false;
  for (const ParallelReading& r : readings) {
    const int64_t at = ReadingAt(*lattice, r);
    if (at < 0) continue;
    lattice->cands[static_cast<size_t>(at)].channel += bonus;
    changed = true;
  }
  return changed;
}

bool HasReading(const Lattice& lattice, const ParallelReading& r) { return ReadingAt(lattice, r) >= 0; }

}  // namespace vanban::internal
