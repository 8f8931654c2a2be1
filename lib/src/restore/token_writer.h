// Writes a unit's best path back into text: each chosen reading spelled in the letter
// case of what was written, the layout between words copied byte for byte, one
// RestoredToken per word (with confidence and alternatives when asked), and the words
// read with confidence handed to the document memory.
#ifndef VANBAN_RESTORE_TOKEN_WRITER_H_
#define VANBAN_RESTORE_TOKEN_WRITER_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model_data.h"
#include "restore/absorbed_units.h"
#include "restore/beam_search.h"
#include "restore/document_memory.h"
#include "restore/lattice.h"
#include "restore/name_unifier.h"
#include "restore/word_candidates.h"
#include "vanban/restore.h"
#include "vanban/text.h"

namespace vanban::internal {

class TokenWriter {
 public:
  // |words| offers readings for the words nothing could read (WordCandidates::Nearest).
  TokenWriter(const ModelData& model, const RestoreOptions& options, WordCandidates* words)
      : m_(model), o_(options), words_(words), absorbed_(model), xa_(model.WordId("xã")),
        hoi_(model.WordId("hội")), dieu_(model.WordId("điều")), hyphen_(model.WordId("-")) {
    for (const char* w : {"xã", "phường", "huyện", "tỉnh", "quận", "trấn", "phố", "thôn", "ấp", "bản", "làng"}) {
      const uint32_t id = model.WordId(w);
      if (id != model.unk()) units_.push_back(id);
    }
  }

  // A new document (or the second pass over one): |ocr| when it looks OCR'd. A
  // |quiet| pass only feeds the document memory: no confidence, no token records.
  void StartDocument(bool ocr, bool quiet) {
    ocr_ = ocr;
    quiet_ = quiet;
    names_.clear();
  }
  // Appends the restored |unit| (decoded by |search| over |lattice|) to |out|, feeding
  // |memory|. |line_no| is the line the unit starts on; returns the line it ends on.
  uint32_t Write(const Unit& unit, const Lattice& lattice, BeamSearch& search, DocumentMemory* memory,
                 uint32_t line_no, RestoreResult* out);

  // After the last unit of a document (|input|): its place names read one way
  // (name_unifier.h, absorbed_units.h), in the text and the token records. Returns the
  // words rewritten.
  size_t UnifyNames(std::string_view input, RestoreResult* out);

  // A readable dump of the lattice (readings with channel scores, the chosen path).
  void Explain(const Unit& unit, const Lattice& lattice, const std::vector<PathStep>& path, std::string* out) const;

 private:
  static double MarginConfidence(const Edge& e);
  bool SpacedPair(uint32_t a, uint32_t b) const;
  // The last two words read with confidence in a row (0 where the row broke).
  struct ConfidentRun {
    uint32_t prev = 0, prev2 = 0;
    void Break() { prev = prev2 = 0; }
  };
  void Feed(const Edge& e, const Cand& c, std::string_view orig, double margin_confidence, ConfidentRun* run,
            DocumentMemory* memory);
  // Tells |memory| the document writes symbol part |part| (when the table has it).
  void NoteSymbolPart(std::string_view part, DocumentMemory* memory);
  // What a quiet pass's Write does: feeds |memory| from |path| (see the .cc).
  uint32_t Remember(const Unit& unit, const Lattice& lattice, const std::vector<PathStep>& path,
                    DocumentMemory* memory, uint32_t line_no);
  void Spell(uint32_t id, bool as_written, std::string_view orig, std::string* out) const;
  // |lower| (a reading's spelling in lower case) in the case pattern of |orig|.
  void SpellAs(std::string_view lower, std::string_view orig, std::string* out) const;
  // The same without placing the tone.
  static void CaseAs(std::string_view lower, std::string_view orig, std::string* out);
  // The model's word |id| with its tone placed as the options ask; computed once a word
  // (it depends on the model and the options alone).
  std::string_view Toned(uint32_t id) const;
  static ToneStyle ToneStyleOf(const RestoreOptions& o) {
    return o.tone == RestoreOptions::Tone::kSchool ? ToneStyle::kNew : ToneStyle::kOld;
  }
  void RestoredText(const Lattice& lattice, const Edge& e, const Cand& c, std::string_view orig,
                    std::string* out) const;
  RestoredKind KindOf(const Unit& unit, const Edge& e, const RestoredToken& t) const;
  void AddAlternatives(const Lattice& lattice, const Edge& e, uint16_t chosen, std::string_view orig,
                       RestoredToken* tok);
  // The word names a level of administrative unit (xã, phường, tỉnh, …).
  bool IsUnitWord(uint32_t id) const { return std::find(units_.begin(), units_.end(), id) != units_.end(); }
  // A capital X the OCR read for a lower-case x (see the .cc).
  bool CaseMisread(const Unit& unit, const Edge& e, std::string_view orig, uint32_t next_id) const;
  // A capital that came with a misread first letter ("Tinh" read as lĩnh; see the .cc).
  bool CapitalOfMisreadLetter(std::string_view orig, uint32_t id) const;
  // "1A" or "IA" read as là: capitals of misread glyphs (see the .cc).
  bool CapitalsOfMisreadL(std::string_view orig, uint32_t id) const;
  const CandidateItem* ReadingItem(std::string_view key, uint32_t id) const;
  // Alternatives for a word kept because nothing could read it: a mark must offer one.
  void AddNearest(std::string_view orig, RestoredToken* tok);

  const ModelData& m_;
  const RestoreOptions& o_;
  WordCandidates* words_;
  const AbsorbedUnits absorbed_;  // the gazetteer's communes and the old units they absorbed
  bool ocr_ = false;
  bool quiet_ = false;
  std::vector<double> post_;
  std::vector<uint32_t> order_;
  std::vector<char> caps_;  // per piece: a capitalised word in a heading in capitals
  std::vector<char> title_;  // per piece: a capitalised word read in capitals ("BO" for Bộ)
  std::string lower_;
  mutable std::string key_;
  mutable std::vector<std::string> toned_;  // Toned(id), where toned_known_[id]
  mutable std::vector<char> toned_known_;
  const uint32_t xa_, hoi_, dieu_, hyphen_;  // the model's xã, hội, điều and "-"
  std::vector<uint32_t> units_;      // the model's words for unit levels
  std::vector<NameWord> names_;  // the capitalised words written in this document
  static constexpr size_t kMaxNameWords = 1 << 16;  // the first ones of a huge document
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_TOKEN_WRITER_H_
