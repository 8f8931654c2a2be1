// Items of a list in one unit read alike: in "Dân biết, dân bàn, dân làm, dân kiểm tra,
// dân giám sát" and "trọng dân, gần dân, học dân, hiểu dân" the word the items share
// stands first or last in each. Such slogans are rare in any corpus, so the language
// model alone reads a garbled or stripped repeat as whatever is commoner there ("dàn
// giám sát", "gần đến"); the items read first say what it is.
#ifndef VANBAN_RESTORE_PARALLEL_ITEMS_H_
#define VANBAN_RESTORE_PARALLEL_ITEMS_H_

#include <cstdint>
#include <vector>

#include "restore/beam_search.h"
#include "restore/lattice.h"

namespace vanban::internal {

// A reading the items of a list propose for the word at |piece|.
struct ParallelReading {
  uint32_t piece;
  uint32_t id;
};

// The model's words a list needs: |unk| (a word kept as written takes no part) and the
// conjunctions that open a list's last item (và, hoặc; 0 where the model lacks one).
struct ListWords {
  uint32_t unk = 0;
  uint32_t conjunctions[2] = {0, 0};
};

// Finds the unit's list items (runs of two to four words between commas or
// semicolons, and after the list's "và" or "hoặc"; three items or more) whose first or
// last word the decoded |path| reads as one word in at least two items and more often
// than any other, and proposes that word for the other items' word there.
std::vector<ParallelReading> ParallelReadings(const Unit& unit, const std::vector<PathStep>& path,
                                              const ListWords& words, const Lattice& lattice);

// Adds |bonus| (log10) to the channel score of each proposed reading the lattice has
// at its piece; returns whether it found one (then the unit is decoded again).
bool FavourReadings(const std::vector<ParallelReading>& readings, float bonus, Lattice* lattice);

// Whether the lattice has |r|'s reading at its piece (else an OCR'd word may get it
// as a context reading: "dén", read đến, is dân in "học dân, hiểu dân, gần dén").
bool HasReading(const Lattice& lattice, const ParallelReading& r);

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_PARALLEL_ITEMS_H_
