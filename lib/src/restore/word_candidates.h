// Readings of one written word and how well each explains it: the syllables with
// the same diacritic-free spelling, the syllables the OCR channel proposes, and the
// word kept as written, each scored by the document's channel mixture. Memoised per
// distinct word: documents repeat their words, OCR'd ones their misreadings too. What
// does not depend on the mixture is kept across documents (a file of many documents,
// restored one by one, meets the same words in each).
#ifndef VANBAN_RESTORE_WORD_CANDIDATES_H_
#define VANBAN_RESTORE_WORD_CANDIDATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "channel/ocr_channel.h"
#include "restore/channel_mix.h"
#include "restore/flat_memo.h"
#include "restore/string_map.h"

namespace vanban::internal {

class ChannelIndex;
class ModelData;

struct WordCand {
  uint32_t id;     // vocabulary id; ModelData::unk() = the word kept as written
  float channel;   // log10 P(written | reading) under the channel mixture
  bool as_written; // the reading is the written word (up to case and tone placement)
  // log10 P(reading | spelling, capitalised inside a sentence) / P(reading | spelling):
  // names and title words prefer other readings than running text.
  float cap_bonus = 0;
  // For the word kept as written (id = unk): the model's word for that exact spelling
  // ("vat" of "VAT"), or 0 when the model does not know it.
  uint32_t spelled = 0;
};

struct CandidateLimits {
  int diacritic = 10;           // readings of the same key, most frequent first
  int ocr = 15;                 // readings proposed by the OCR channel
  double ocr_prior_weight = 0.5;
  // P(an OCR engine leaves a word it cannot read as it is), for the keep reading. 1e-3
  // until stop 28: the channel now reads most such words ("Dite" under a signing title is
  // Đức), and 1e-4 gained dev bad-scan 92.45 -> 92.55%, dev-whole bad-scan 93.95 ->
  // 94.07%, signers of the names bench 68 -> 72% (1e-5 alike; the seeds lost a word).
  double ocr_keep = 1e-4;
  // P(a word with digits inside letters or marks on an impossible syllable is meant
  // that way): in typed text, and from an OCR engine.
  double typed_damaged = 1e-3;
  double keep_damaged = 1e-6;
  // In a document the mixture reads as mostly OCR'd, the typed share of keeping an
  // undamaged word is this times the mixture's: its floor, 1e-3, made "chirc" after a
  // number a word typed that way at 1e-3, above the OCR's chức. Dev bad-scan 92.71 ->
  // 93.01%, dev-whole bad-scan 94.22 -> 94.42%, scan 97.99 -> 98.05% (0.3: 92.96%; 0.01:
  // 93.02%, scan 97.96%; damaged words too: 93.05%, but "Coéng" was read "Có ông").
  double typed_keep_in_ocr = 0.1;
  // P(a word spelled like a syllable with known readings is some other, unknown word).
  double unknown_syllable = 1e-5;
  bool operator==(const CandidateLimits&) const = default;
};

class WordCandidates {
 public:
  WordCandidates(const ModelData& model, const ChannelIndex* channel) : m_(model), ch_(channel) {}

  // New document: new mixture, empty memo of scored readings; |ocr| = false leaves the
  // OCR channel out. New limits also empty the memos kept across documents.
  void Reset(const ChannelMix& mix, const CandidateLimits& limits, bool ocr);
  // Drops the memo if it has grown too big (a huge document). Call only between units:
  // it invalidates the lists For() returned.
  void Trim();
  // Readings of |lower| (a lower-case word as written, possibly with OCR digits or
  // symbols such as "s6", "c¢6"); never empty. Valid until the next Reset or Trim.
  const std::vector<WordCand>& For(std::string_view lower);
  // log10 of the best channel score among the readings other than keeping it
  // (kNoReading when there is none); BestOf over a list For() returned.
  float BestReading(std::string_view lower);
  static float BestOf(const std::vector<WordCand>& list, uint32_t unk);
  // log10 of the best reading's channel score times its unigram prior (kNoReading when
  // there is none): how well a piece of glued capitals reads (CutPieces).
  float BestWithPrior(std::string_view lower);
  static constexpr float kNoReading = -1e9f;
  // Channel score of reading |id| for |lower|, for readings the context proposes:
  // under the smoothed OCR channel (every edit possible) if |smooth|, else the learned
  // one; memoised.
  // Scores all of |ids| at once into |out|; scores below |floor| may come out as -1e9.
  // The memo outlives the document, so what it holds must not depend on the document:
  // a score pruned under one document's floor is remembered as "below that bound" and
  // recomputed when a later floor is lower (otherwise a batch restores a document
  // differently from the same document alone).
  void Proposed(std::string_view lower, const std::vector<uint32_t>& ids, bool smooth, float floor,
                std::vector<float>* out);

  // For a word nothing could read ("coéng", "ouo"): the |max| syllables it most likely
  // was, best first, as (id, log10 P(written | syllable) under the smoothed channel plus
  // the syllable's unigram log10 P). Offered to the clerk as alternatives, never chosen;
  // memoised across documents (it depends on the word alone). Empty without a channel.
  const std::vector<std::pair<uint32_t, float>>& Nearest(std::string_view lower, size_t max);

  const ChannelMix& mix() const { return mix_; }
  bool ocr_active() const { return channel() != nullptr && mix_.ocr >= kOcrActive; }

  // Below this OCR share the channel is consulted only for words nothing else explains.
  static constexpr double kOcrActive = 0.01;

 private:
  // A reading of a word apart from the document's mixture: which of the clean, stripped
  // and OCR channels explain the word by it, and P(written | reading) under the OCR one.
  struct AnalysedReading {
    uint32_t id;
    float cap_bonus;
    bool as_written;
    bool stripped;  // the word is the reading without its marks
    bool ocr;       // the OCR channel gives it a (finite) probability, ocr_p
    double ocr_p;
  };
  struct Analysis {
    std::vector<AnalysedReading> readings;
    bool kept = false;  // no reading is the word as written: it may be kept as written
    bool damaged = false;
    bool has_readings = false;  // its diacritic-free spelling has readings (not a name's alone)
    uint32_t spelled = 0;       // WordCand::spelled for the kept reading
  };
  const Analysis& Analyse(std::string_view lower);
  // |lower| with one of its l read as i is a Vietnamese spelling with readings.
  bool ReadsWithI(std::string_view lower);
  void Compute(std::string_view lower, std::vector<WordCand>* out);
  // The OCR channel's candidates for |lower| (ids, log10 P), memoised across documents.
  const std::vector<std::pair<uint32_t, double>>& Searched(std::string_view lower);
  const ChannelIndex* channel() const { return use_channel_ ? ch_ : nullptr; }

  const ModelData& m_;
  const ChannelIndex* ch_;
  bool use_channel_ = true;
  ChannelMix mix_;
  CandidateLimits limits_;
  StringMap<std::vector<WordCand>> memo_;
  // Analyse's results across documents, keyed by the word and how the channel is asked.
  StringMap<Analysis> analysed_;
  std::string analysis_key_;
  StringMap<std::vector<std::pair<uint32_t, double>>> searched_;
  // A channel log10 P for (word, reading id, smooth): exact when not |pruned|, else only
  // known to be below |value| (the bound the search gave up at).
  struct ProposedScore {
    float value = 0;
    bool pruned = false;
  };
  StringMap<std::vector<std::pair<uint32_t, float>>> nearest_;
  // Nearest's first-letter screen of the vocabulary, by the OCR word's first letter.
  const std::vector<uint32_t>& PlausibleStarts(char32_t ocr0);
  std::unordered_map<char32_t, std::vector<uint32_t>> starts_;
  static constexpr size_t kMaxStarts = 256;
  // Per word and channel (the word, then '1' if smooth), the scores by reading id, across
  // documents. One table a word: a call scores tens of readings of one word, which a
  // single table keyed by (word, id) scattered over 16 MB, a cache miss each. Up to 2^20
  // slots in all (16 MB), then forgotten: at 2^18 an OCR'd text of 15,000 words filled
  // it and forgot it once (a bad scan: 374,000 scores for 17,000 words), and what it
  // forgot was scored again.
  StringMap<FlatMemo<ProposedScore>> proposed_;
  size_t proposed_slots_ = 0;
  std::string proposed_key_;
  std::u32string lower32_;
  std::string skeleton_;
  std::vector<OcrChannel::Candidate> found_;
  std::string key_, tone_, tone2_;
};

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_WORD_CANDIDATES_H_
