// What the restorer remembers within one document and forgets before the next: words
// and pairs of words read with confidence (a cache language model: "dân vận" read
// well in công tác dân vận helps the garbled repeat in "Dân vận khéo"), how this
// document's OCR spells the words it read with confidence (a cache channel: a scan
// that writes dân as "dén" does so throughout), and the list labels of the whole
// document for looking ahead (d) before e) is đ)).
#ifndef VANBAN_RESTORE_DOCUMENT_MEMORY_H_
#define VANBAN_RESTORE_DOCUMENT_MEMORY_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "restore/string_map.h"

namespace vanban::internal {

class DocumentMemory {
 public:
  // Forgets the previous document and scans the list labels of |text|.
  void Reset(std::string_view text);
  // Back to the start of the same document for a second pass: what was read with
  // confidence anywhere in it is kept, the list numbering starts again.
  void Rewind() { last_label_ = 0; }

  // log10 bonus for reading word |id| (0 if it was not read with confidence before).
  float WordBonus(uint32_t id) const {
    if (words_.empty()) return 0.0f;
    auto it = words_.find(id);
    return it == words_.end() ? 0.0f : it->second;
  }
  void RememberWord(uint32_t id, float bonus) { words_[id] = bonus; }
  bool empty_words() const { return words_.empty(); }

  // The unit (by its first byte) that the restorer reads now, in either pass.
  void StartUnit(size_t begin) { unit_ = begin + 1; }

  // How many other units than this one read |b| with confidence right after |a|
  // (approximately: a unit between the first and the last one to read it counts itself).
  // The second pass reads every unit again with the first pass's memory: a pair read
  // only here would vouch for itself, and a confident misreading ("Vận phong" for Văn
  // phòng, in a plan that writes dân vận, phong trào) would hold against the language
  // model's evidence.
  uint32_t PairUnits(uint32_t a, uint32_t b) const { return pairs_.UnitsBesides(PairKey(a, b), unit_); }
  void RememberPair(uint32_t a, uint32_t b) {
    if (!pairs_.Insert(PairKey(a, b), unit_)) return;
    Note(&before_[b], a);
    Note(&after_[a], b);
  }
  // The words read with confidence right before (after) |id| in this document: what a
  // garbled word next to a likely |id| may be ("Dén van khéo" after "Dân vận khéo"
  // read well elsewhere: dân before vận).
  const std::vector<uint32_t>& Before(uint32_t id) const { return Neighbours(before_, id); }
  const std::vector<uint32_t>& After(uint32_t id) const { return Neighbours(after_, id); }

  // Three words read with confidence in a row. A word the OCR damaged past the channel
  // between or beside such words read elsewhere may be the word they framed there
  // ("chính, sate định liên quan" after ten "quy định liên quan"): PhraseWords gives the
  // words read before |r1 r2|, after |l2 l1| and between |l1 _ r1| (0: no such neighbour)
  // in units other than this one. A long document keeps its first kMaxTriples.
  void RememberTriple(uint32_t a, uint32_t b, uint32_t c);
  void PhraseWords(uint32_t l2, uint32_t l1, uint32_t r1, uint32_t r2, std::vector<uint32_t>* out) const;

  // A damaged written word (lower case, as the OCR spelt it) read with confidence as
  // word |id|; and how often each word was read for it so far (empty if never).
  struct Reading {
    uint32_t id;
    uint32_t count;
  };
  void RememberSpelling(std::string_view written, uint32_t id);
  const std::vector<Reading>& ReadingsOf(std::string_view written) const;

  // The parts of document symbols (diacritic-free keys of parts the symbol table has)
  // this document writes: a part no document writes, a letter away from one of them,
  // is that part misread ("20/INQ-" in a plan that cites 20/NQ-HĐND).
  void RememberSymbolPart(std::string_view key) {
    if (!symbol_parts_.contains(key)) symbol_parts_.emplace(std::string(key), true);
  }
  bool WritesSymbolPart(std::string_view key) const { return symbol_parts_.contains(key); }

  // The diacritic-free letter of the first list label after byte |offset|, or 0.
  char NextLabelKey(size_t offset) const;
  // Byte |offset| starts the line after one that opens "KT." (ký thay, signing for the
  // head): the deputy's title ("THU TRUONG" is THỨ TRƯỞNG there, not THỦ TRƯỞNG).
  bool DeputyTitleAt(size_t offset) const;
  // Byte |offset| is on a signer's line: the first line with lower case after a signing
  // line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") and the all-caps title under it, where
  // a person's name stands ("Phan Liên Hương", not Phân Liên Hương).
  bool SignerLineAt(size_t offset) const;
  // Position (ListLabelIndex) of the last list label written, 0 if none yet.
  int last_label() const { return last_label_; }
  void set_last_label(int index) { last_label_ = index; }

 private:
  static uint64_t PairKey(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }
  // Never 0, as PairSet needs; two triples that share a key (odds 2^-63) share a count.
  static uint64_t TripleKey(uint32_t a, uint32_t b, uint32_t c) {
    return ((uint64_t{a} << 32 | b) * 0x9E3779B97F4A7C15ull ^ uint64_t{c} * 0xC2B2AE3D27D4EB4Full) | 1;
  }
  static constexpr size_t kMaxTriples = size_t{1} << 18;  // ~80 MB with their three maps
  static constexpr size_t kMaxOneSidePhraseWords = 2;
  static constexpr uint32_t kOneSidePhraseUnits = 3;
  // A word's neighbours, the first few: a common word's are many and say little.
  static constexpr size_t kMaxNeighbours = 8;
  using NeighbourMap = std::unordered_map<uint32_t, std::vector<uint32_t>>;
  static void Note(std::vector<uint32_t>* list, uint32_t id) {
    if (list->size() < kMaxNeighbours) list->push_back(id);
  }
  static const std::vector<uint32_t>& Neighbours(const NeighbourMap& map, uint32_t id) {
    static const std::vector<uint32_t> kNone;
    auto it = map.find(id);
    return it == map.end() ? kNone : it->second;
  }
  // The search asks for a pair at every step of every hypothesis: an open-addressing
  // map in two arrays (keys are never 0: word ids start at 1) from a pair to the units
  // that read it.
  class PairSet {
   public:
    uint32_t UnitsBesides(uint64_t key, size_t unit) const {
      if (used_ == 0) return 0;
      for (size_t i = Home(key);; i = (i + 1) & mask_) {
        if (slots_[i] == key) {
          const Seen& s = seen_[i];
          return s.units - (s.first == unit || s.last == unit ? 1 : 0);
        }
        if (slots_[i] == 0) return 0;
      }
    }
    // Returns whether |key| is new.
    bool Insert(uint64_t key, size_t unit) {
      if ((used_ + 1) * 2 > slots_.size()) Grow();
      for (size_t i = Home(key);; i = (i + 1) & mask_) {
        if (slots_[i] == key) {
          Seen& s = seen_[i];
          if (s.last != unit && s.first != unit) ++s.units;
          s.last = unit;
          return false;
        }
        if (slots_[i] == 0) {
          slots_[i] = key;
          seen_[i] = {unit, unit, 1};
          ++used_;
          return true;
        }
      }
    }
    size_t size() const { return used_; }
    void Clear() {
      slots_.clear();
      seen_.clear();
      mask_ = 0;
      used_ = 0;
    }

   private:
    struct Seen {
      size_t first, last;  // units (by StartUnit's offset)
      uint32_t units;      // distinct units read in, as far as first and last tell
    };
    size_t Home(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask_; }
    void Grow() {
      std::vector<uint64_t> old;
      std::vector<Seen> old_seen;
      old.swap(slots_);
      old_seen.swap(seen_);
      slots_.assign(old.empty() ? 256 : old.size() * 2, 0);
      seen_.assign(slots_.size(), Seen{});
      mask_ = slots_.size() - 1;
      used_ = 0;
      for (size_t k = 0; k < old.size(); ++k) {
        if (old[k] == 0) continue;
        for (size_t i = Home(old[k]);; i = (i + 1) & mask_) {
          if (slots_[i] != 0) continue;
          slots_[i] = old[k];
          seen_[i] = old_seen[k];
          ++used_;
          break;
        }
      }
    }
    std::vector<uint64_t> slots_;
    std::vector<Seen> seen_;
    size_t mask_ = 0;
    size_t used_ = 0;
  };
  std::unordered_map<uint32_t, float> words_;
  PairSet pairs_;
  NeighbourMap before_, after_;
  PairSet triples_;
  // From a pair of a triple's ids to the third: (b,c) to a, (a,b) to c, (a,c) to b.
  std::unordered_map<uint64_t, std::vector<uint32_t>> phrase_before_, phrase_after_, phrase_between_;
  StringMap<std::vector<Reading>> spellings_;
  StringMap<bool> symbol_parts_;
  std::vector<std::pair<size_t, char>> labels_;  // line-start labels: offset, letter key
  std::vector<size_t> deputy_titles_;            // starts of the lines after a "KT." line
  std::vector<std::pair<size_t, size_t>> signer_lines_;  // [begin, end) of each, in order
  int last_label_ = 0;
  size_t unit_ = 0;  // StartUnit's, plus 1 (0: none yet)
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_DOCUMENT_MEMORY_H_
