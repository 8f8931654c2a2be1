// Builds a unit's lattice: for each piece, the readings worth the search's time. A
// word's readings come from WordCandidates (same spelling without marks, the OCR
// channel, the word kept as written), plus in OCR'd text the readings its neighbours
// make likely; an OCR word may also be two syllables (merge) and two pieces one
// syllable (join). A second look at a line adds the readings that the first pass's
// decoded neighbours suggest (hints) and rebuilds only those pieces.
#ifndef VANBAN_RESTORE_LATTICE_BUILDER_H_
#define VANBAN_RESTORE_LATTICE_BUILDER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/model_data.h"
#include "restore/beam_search.h"
#include "restore/document_memory.h"
#include "restore/lattice.h"
#include "restore/person_titles.h"
#include "restore/word_candidates.h"
#include "vanban/restore.h"

namespace vanban::internal {

// A number follows piece |i| of |unit| on its line, past at most a ":" or "." ("isu
// 28.2.TT", "Pisu: 2"): where a Điều is named.
bool NumberFollows(const Unit& unit, uint32_t i);
// Piece |i| of |unit| opens a line (or follows a "(" that does) and a number follows it:
// where articles name their Điều.
bool ArticleWordAt(const Unit& unit, uint32_t i);

class LatticeBuilder {
 public:
  LatticeBuilder(const ModelData& model, const RestoreOptions& options, WordCandidates* words,
                 const DocumentMemory* memory)
      : m_(model),
        o_(options),
        words_(*words),
        memory_(*memory),
        dieu_(model.WordId("điều")),
        so_(model.WordId("số")),
        ngay_(model.WordId("ngày")),
        titles_(model) {}

  // A new document, or a new pass over it: |ocr| when it looks OCR'd (the OCR channel
  // and splits are used); |sketch| for a pass that only gathers the document memory,
  // where no readings are proposed from the context and no words split or joined.
  void StartDocument(bool ocr, bool sketch) {
    ocr_ = ocr;
    sketch_ = sketch;
  }
  bool sketch() const { return sketch_; }
  // A new unit; |unit| and |lattice| must outlive the calls below.
  void StartUnit(const Unit& unit, Lattice* lattice);
  // The unit's lattice.
  void Build() { Build(/*again=*/false); }
  // Hints for the words the path |path| (through the lattice just built) read poorly;
  // true if any word got some. Then Rebuild() adds them.
  bool CollectHints(const std::vector<PathStep>& path);
  void Rebuild() { Build(/*again=*/true); }
  // Proposes |id| as a context reading of piece |i| at the next Rebuild().
  void AddHint(uint32_t i, uint32_t id) { hints_[i].push_back(id); }

 private:
  void Build(bool again);
  uint32_t AddEdge(uint32_t from, uint32_t to, EdgeKind kind);
  void CloseEdge(uint32_t e);
  void AddFixed(uint32_t i, uint32_t id, int32_t fixed_text = -1);
  float Weighted(float channel, uint32_t id) const;
  std::string_view SymbolForm(std::string_view text);
  // Word piece |i|, written |text| (the pieces from |i| on that make the word).
  bool MidSentenceCapital(uint32_t i, std::string_view text) const;
  // Word piece |i| and the word right before it both start upper case: |i| may be the
  // next syllable of a place name.
  bool NameContext(uint32_t i) const;
  // Word piece |i|, in NameContext, continues a person's name: on a signer's line, or in
  // a run of capitalised words after "đồng chí", "ông" or "bà".
  bool PersonContext(uint32_t i);
  // Piece |i| follows a word that cites a part by its Roman number (mục, phần, chương).
  bool CitesRoman(uint32_t i);
  uint32_t RomanWordId(size_t n) const;
  // The word before piece |first| may read "ông", "bà", or "chí" after "đồng".
  bool AfterTitle(uint32_t first);
  // The channel and prior's best readings of word piece |j| include |id|.
  bool MayRead(uint32_t j, uint32_t id);
  void AddReadings(const std::vector<WordCand>& list, float cap_weight = 0.0f, bool favoured = false);
  const std::vector<uint32_t>& TopReadings(uint32_t j);
  void Rank(std::string_view text, std::vector<uint32_t>* out);
  const std::vector<uint32_t>& NeighbourReadings(uint32_t i, bool left);
  // Of the word over pieces [i, to) (to = 0: i + 1).
  void ContextProposals(uint32_t i, std::vector<uint32_t>* out, size_t neighbours, size_t per_neighbour,
                        uint32_t to = 0);
  void ContextProposals(uint32_t i, std::vector<uint32_t>* out, uint32_t to = 0);
  bool Weak(const std::vector<WordCand>& list) const;
  void AddContextReadings(const std::vector<WordCand>& list, float extra = 0.0f);
  float BestOrTrigger(const std::vector<WordCand>& list) const;
  void AddDocumentReadings(const std::vector<WordCand>& list);
  void AddPhraseReadings(uint32_t i, const std::vector<WordCand>& list);
  void AddNumberEdge(uint32_t i);
  uint32_t SymbolWordId(std::string_view form);
  // The word over pieces [i, to) (to = 0: piece i alone; more: a syllable of glued capitals).
  void AddWordEdge(uint32_t i, uint32_t to = 0);
  void RaiseReading(const Edge& edge, uint32_t id, float channel);
  void AddGarbledDieu(uint32_t e);
  bool NumberCellAt(uint32_t i) const;
  bool DateDayAt(uint32_t i) const;
  void FavourDeputyTitle(uint32_t e);
  void DoubtUnreadName(const Edge& edge);
  static constexpr float kUnreadNameDoubt = 3.0f;  // log10
  static constexpr float kGarbledDieuLog10 = 1.0f;  // below the context trigger
  static constexpr uint32_t kMinKeptSightings = 3;
  bool KeptElsewhere() const;
  void SideReadings(std::string_view side, size_t max, std::vector<std::pair<uint32_t, float>>* out);
  void AddMergeEdge(uint32_t i, uint32_t to, float penalty);
  void AddJoinEdge(uint32_t i);

  const ModelData& m_;
  const RestoreOptions& o_;
  WordCandidates& words_;
  const DocumentMemory& memory_;
  const uint32_t dieu_;  // the model's điều
  const uint32_t so_;    // and số
  const uint32_t ngay_;  // and ngày
  const PersonTitles titles_;
  bool ocr_ = false;
  bool sketch_ = false;
  const Unit* unit_ = nullptr;
  Lattice* lat_ = nullptr;
  // The first lattice of a unit, while the second is built.
  std::vector<Edge> edges1_;
  std::vector<Cand> cands1_;
  std::vector<uint32_t> first_edge1_;
  // Per piece: readings suggested by the decoded neighbours (second look), the few
  // best readings by channel and prior (computed once per unit).
  std::vector<std::vector<uint32_t>> hints_, top_;
  // Per piece: the words the document read with confidence between its decoded
  // neighbours (DocumentMemory::PhraseWords), for the second look.
  std::vector<std::vector<uint32_t>> phrase_hints_;
  std::vector<char> top_done_;
  // Best readings of the syllables of glued capitals that span pieces (NeighbourReadings).
  struct SpanTop {
    uint32_t from, to;
    std::vector<uint32_t> top;
  };
  std::deque<SpanTop> span_top_;
  std::vector<uint32_t> chosen_;
  // Per piece: the first of the run of capitalised words it ends (NameContext), or itself.
  std::vector<uint32_t> run_first_;
  std::vector<char> weak_;
  // Scratch.
  std::vector<Cand> merge_, join_;
  std::vector<float> merge_rank_;
  std::vector<uint32_t> order_;
  std::vector<std::pair<uint32_t, float>> left_, right_;
  std::vector<std::pair<float, size_t>> rank_;
  std::vector<std::pair<float, uint32_t>> rank2_, scored_;
  std::vector<uint32_t> proposals_;
  std::vector<float> proposal_scores_;
  // Per-word membership marks over the vocabulary (a generation counter instead of
  // clearing).
  struct Marks {
    std::vector<uint32_t> stamp;
    uint32_t gen = 0;
    uint32_t Next() { return ++gen; }
    uint32_t current() const { return gen; }
    // True if |id| was not yet marked in |g|.
    bool Set(uint32_t id, uint32_t g) {
      if (id >= stamp.size()) stamp.resize(id + 1, 0);
      if (stamp[id] == g) return false;
      stamp[id] = g;
      return true;
    }
    bool Has(uint32_t id, uint32_t g) const { return id < stamp.size() && stamp[id] == g; }
  };
  Marks proposal_mark_, edge_mark_;
  std::string scratch_, key_, lower_;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_LATTICE_BUILDER_H_
