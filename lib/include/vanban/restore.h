// Diacritic restoration: puts the marks back on Vietnamese text (and fixes
// wrong ones) while keeping everything else byte for byte.
//
//   auto model = vanban::Model::Load(path);          // once, shared
//   vanban::Restorer restorer(*model);                // one per thread
//   vanban::RestoreResult r = restorer.Restore("Uy ban nhan dan tinh");
//   // r.text == "Ủy ban nhân dân tỉnh"
//
// A noisy-channel decoder: a beam search over each line (hard-wrapped sentences
// joined) scores readings with the syllable n-gram model times a channel that mixes
// correct typing, typing without marks and English-model OCR, in the proportions
// estimated for the document. Numbers, dates, URLs and unknown words are left as
// they are; the letter case of every word and the layout are kept; upper-case parts
// of document symbols are fixed from a table learned from the corpus
// (NQ-HPND -> NQ-HĐND).
#ifndef VANBAN_RESTORE_H_
#define VANBAN_RESTORE_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/model.h"

namespace vanban {

struct RestoreOptions {
  int beam = 8;                // hypotheses kept per position
  double beam_threshold = 5.0; // hypotheses this much (log10) below the best are dropped
  // A reading this much (log10) below the best reading after the best hypothesis is
  // not tried after the other hypotheses.
  double prescreen_margin = 4.0;
  // OCR only: after the search, each reading on the best path whose edge the search
  // decided by less than this (log10) is weighed again with the path's words on both
  // sides, and the best there replaces it (the beam may have dropped it). 0: no repair.
  double path_repair_margin = 3.0;
  // Repair OCR damage (s6 -> số, thyc -> thực, x4 -> xã, Pang -> Đảng) with the model's
  // learned OCR channel, when the model has one and the text looks OCR'd.
  bool ocr = true;
  // Weight of the channel's log-probabilities against the language model's.
  double channel_weight = 1.0;
  int max_candidates = 30;      // readings of the same diacritic-free spelling
  int max_ocr_candidates = 15;  // readings proposed by the OCR channel
  // Readings of a word the search tries: the best by channel and unigram prior, at
  // most this many, none more than reading_margin (log10) below the best. A scan's
  // worst garbling ("Phuy lục", "Chính phua", "cơ sốt") needs the wide margin.
  int max_readings = 12;
  double reading_margin = 6.0;
  // OCR only: a word no reading explains better than context_trigger (log10) also
  // gets up to context_readings readings its neighbours make likely.
  int context_readings = 6;
  double context_trigger = -1.0;
  // Context readings for the words the channel reads well too (under the learned
  // channel): "theo doi" is theo dõi. Slower.
  bool context_for_all = true;
  // OCR only: a written word read as two syllables ("HaN6i" -> "Hà Nội"), two written
  // pieces as one syllable ("ch ức" -> "chức"), a stray mark ignored ("cé.trinh").
  // log10 prior of each event; 0 disables it.
  bool ocr_splits = true;
  double merged_log10 = -2.0;
  double broken_log10 = -2.5;
  double junk_log10 = -1.0;
  double digit_word_log10 = -1.0;  // a lone short number read as a word ("6" -> ở)
  // Weight of the corpus statistics of capitalised words inside a sentence (names,
  // title words) when a capitalised word is read there.
  double capitalised_weight = 0.7;
  // Fill RestoreResult::tokens (one record per word). Off, only the text is made:
  // a 50 MB file needs no 8 million records.
  bool record_tokens = true;
  // Compute confidence and alternatives (costs a rescoring pass).
  bool confidence = false;
  // Turn the search's posteriors into probabilities that the word is right with the
  // model's calibration (fitted on held-out OCR'd text). Off: the raw posteriors, for
  // fitting the calibration.
  bool calibrated_confidence = true;
  int alternatives = 3;
  // Syllables restored with high confidence earlier in the same document get a bonus.
  bool document_cache = true;
  double cache_bonus = 0.3;           // log10
  double pair_cache_bonus = 0.5;      // log10, for a pair of words read together before
  // ... times 1 + this × log2 of the number of other lines that read the pair (at most
  // 16): a phrase a document repeats in title after title outweighs one garbled copy
  // (dev bad-scan 1530 -> 1515 wrong words, scan 466 -> 461; 1.5 and more lost on scan).
  double pair_cache_growth = 0.75;
  double cache_min_confidence = 0.95;
  // log10 bonus for two capitalised words in a row that a place name of the gazetteer
  // has in a row ("XA NGHI DUONG" is xã Nghi Dương, not nghỉ dưỡng).
  double name_pair_bonus = 1.0;
  // More log10 for a pair of a personal name where a person's name stands: on a signer's
  // line (under "TM. …" and the title) and after "đồng chí", "ông", "bà"; so "Phan Liên"
  // beats the common words "Phân Liên" there.
  double person_pair_bonus = 1.0;
  // More log10 for the reading most items of a list in one line give the word they
  // share first or last ("Dân biết, dân bàn, …, dân giám sát"), on another item's word
  // that may read it; the line is then read again. 0 turns it off. A list's pattern
  // outweighs a common bigram: "gần đến" is frequent, "gần dân" after "trọng dân,"
  // is what the list says (1.0 left it).
  double parallel_item_bonus = 3.0;
  // Read an OCR'd document twice: the second pass starts with the document memory of
  // the whole first one, so a name or phrase read with confidence anywhere (the place
  // in the date line) settles its garbled repeats before it too (the issuer above
  // it). About 1.5 times the time in a batch (memos warm), 1.7 for a lone document.
  bool second_pass = true;
  // Beam of that first pass (at most |beam|), which also proposes no readings from
  // context: it only gathers the readings it is sure of. 6 read the dev OCR sets and the
  // real seeds as well as 8 did, with 4 the scan lost 0.04 points.
  int sketch_beam = 6;
  // OCR'd text: drop the specks a scan's margins left at a line's ends ("liên quan. . |",
  // "| 3. Thông tin"). Parsing keeps them: it reads a line's core past its specks itself
  // and maps restored lines onto their source lines code point by code point, which
  // specks missing on one side put out of step.
  bool trim_line_specks = true;
  // Decode a hard-wrapped sentence (next line starting in lower case; in OCR'd text
  // also with a capitalised word after a line that ends inside a sentence) as one unit.
  bool join_wrapped_lines = true;
  // Where restored words carry the tone mark on oa, oe, uy: the traditional placement
  // (hòa, thủy, as nine in ten official texts write) or the 1980 school rules (hoà,
  // thuỷ). Words left as written keep their own placement.
  enum class Tone : uint8_t { kTraditional, kSchool };
  Tone tone = Tone::kTraditional;
  // Stop restoring once this time has passed (checked once per decoding unit): the rest
  // of the text is copied as it is and RestoreResult::timed_out is set. A batch uses it
  // to bound the time one document may take.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  // For people tuning the model: when set, a readable dump of every unit's lattice
  // (readings with channel scores, the chosen path) is appended here.
  std::string* explain = nullptr;
};

// How the restorer judged the input as a whole (see Restorer::Restore).
struct InputProfile {
  double clean = 0, stripped = 0, ocr = 0;  // estimated share of each channel
  size_t words = 0;    // words looked at
  size_t damaged = 0;  // of which only OCR makes ("quyét", "s6")
  size_t unknown = 0;  // of which unknown without marks (names, foreign words, OCR)
};

struct Alternative {
  std::string text;   // with the token's case applied
  double probability;
};

enum class RestoredKind : uint8_t {
  kSyllable,    // chosen among the readings of its diacritic-free spelling
  kOcr,         // repaired OCR damage (letters changed, words split or joined)
  kSymbolPart,  // upper-case part of a document symbol, from the symbol table
  kKept,        // left as written (unknown word, foreign word, nothing to choose)
};
std::string_view RestoredKindName(RestoredKind kind);

struct RestoredToken {
  size_t begin = 0, end = 0;          // byte range in the input
  size_t out_begin = 0, out_end = 0;  // byte range in RestoreResult::text
  uint32_t line = 0;                  // 1-based
  std::string original;
  std::string restored;
  double confidence = 1.0;            // posterior of |restored| (1 when there was no choice)
  std::vector<Alternative> alternatives;  // other readings, most probable first
  RestoredKind kind = RestoredKind::kKept;
  bool changed() const { return original != restored; }
};

// Confidence under which a restored word is worth a reader's check: the default
// threshold of `vanban restore --mark`, and the one the pipeline lists a parsed value's
// unsure words by (UnsureWord, vanban/document.h), so the two flag the same words.
inline constexpr double kUnsureConfidence = 0.9;

struct RestoreResult {
  std::string text;                   // the restored text, same layout as the input
  std::vector<RestoredToken> tokens;  // word tokens only (not spaces, punctuation, numbers)
  size_t changed = 0;                 // number of tokens whose text changed
  InputProfile profile;
  bool timed_out = false;  // RestoreOptions::deadline passed: the text is restored only in part
};

// Not thread-safe: holds scratch buffers reused between calls. Create one per
// thread; the Model may be shared.
class Restorer {
 public:
  explicit Restorer(std::shared_ptr<const Model> model, RestoreOptions options = {});
  ~Restorer();
  Restorer(const Restorer&) = delete;
  Restorer& operator=(const Restorer&) = delete;

  // Restores a whole document (any number of lines; \n, \r\n and \r kept).
  RestoreResult Restore(std::string_view text);
  void Restore(std::string_view text, RestoreResult* out);

  const RestoreOptions& options() const { return options_; }
  RestoreOptions& mutable_options() { return options_; }

 private:
  class Impl;
  std::shared_ptr<const Model> model_;
  RestoreOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban

#endif  // VANBAN_RESTORE_H_
