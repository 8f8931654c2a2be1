// The lattice of one decoding unit: the unit cut into pieces, and edges over the
// pieces, each with its readings. A word is one edge of one piece; an OCR word read as
// two syllables is a merge edge, two OCR pieces read as one syllable a join edge over
// two pieces, a stray mark a skip edge. Built by LatticeBuilder, searched by
// BeamSearch, written out by TokenWriter.
#ifndef VANBAN_RESTORE_LATTICE_H_
#define VANBAN_RESTORE_LATTICE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/lm_tokens.h"
#include "text/viet_chars.h"
#include "restore/pieces.h"

namespace vanban::internal {

inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) NextCodePoint(s, &pos);
  return n;
}

// Byte offset of code point |cp| in |s| (a merge reading's cut).
inline size_t ByteOfCodePoint(std::string_view s, size_t cp) {
  size_t pos = 0;
  for (size_t i = 0; i < cp && pos < s.size(); ++i) NextCodePoint(s, &pos);
  return pos;
}

// One decoding unit (a line, or a hard-wrapped sentence) and its pieces.
struct Unit {
  std::string_view text;
  size_t begin = 0;  // byte offset of the unit in the document
  std::vector<Piece> pieces;
  std::vector<LmToken> tokens;  // scratch for CutPieces

  std::string_view PieceText(size_t i) const { return text.substr(pieces[i].begin, pieces[i].end - pieces[i].begin); }
};

enum class EdgeKind : uint8_t {
  kFixed,  // one reading: a number, a mark, a symbol part, a verbatim piece
  kWord,   // one word, one syllable
  kMerge,  // one OCR word, two syllables (the OCR lost a space)
  kJoin,   // two OCR pieces, one syllable (the OCR broke a word)
  kSkip,   // a mark read as OCR noise: no effect on the language model
};

// One reading of an edge. |id2| is the second syllable of a merge reading; |cut| the
// code point where the written word is cut between the two.
struct Cand {
  uint32_t id;
  uint32_t id2 = 0;
  float channel = 0;
  bool as_written = false;
  bool as_written2 = false;
  uint8_t cut = 0;
  // For a word kept as written (id = unk) that the model still knows as a spelling
  // ("VAT" in "thuế VAT", "Cup"): the model's word, so its context counts.
  uint32_t lm = 0;
  uint32_t LmId() const { return lm != 0 ? lm : id; }
};

inline constexpr uint8_t kInPersonName = 1;
inline constexpr uint8_t kAfterSurname = 2;
inline constexpr uint8_t kSurnamePlace = 3;

struct Edge {
  uint32_t from, to;  // pieces [from, to)
  EdgeKind kind;
  uint32_t cand_begin, cand_count;
  int32_t fixed_text = -1;  // symbol part output (Lattice::PoolText), or -1
  bool label = false;       // a list label at the start of a line
  bool name_pair = false;   // a capitalised word after another: may continue a place name
  // Where a person's name stands (a signer's line, after "đồng chí"): kSurnamePlace on the
  // name's first word, kAfterSurname on the next, kInPersonName further on.
  uint8_t person = 0;
  bool opens_name = false;  // the first of two or more capitalised words after "đồng chí", "ông", "bà"
  float margin = 0;         // set by the search: best score minus the best of another reading
};

struct Lattice {
  std::vector<Edge> edges;  // sorted by |from|
  std::vector<Cand> cands;  // each edge's readings, contiguous
  // First edge starting at each piece (edges.size() past the end); every piece starts
  // at least one edge.
  std::vector<uint32_t> first_edge;
  // Texts of symbol-part outputs: pairs of offsets into |pool|.
  std::string pool;
  std::vector<uint32_t> pool_offsets;

  const Cand& cand(const Edge& e, uint32_t k) const { return cands[e.cand_begin + k]; }
  int32_t Pool(std::string_view s) {
    pool_offsets.push_back(static_cast<uint32_t>(pool.size()));
    pool.append(s);
    pool_offsets.push_back(static_cast<uint32_t>(pool.size()));
    return static_cast<int32_t>(pool_offsets.size() / 2 - 1);
  }
  std::string_view PoolText(int32_t i) const {
    return std::string_view(pool).substr(pool_offsets[2 * i], pool_offsets[2 * i + 1] - pool_offsets[2 * i]);
  }
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_LATTICE_H_
