// Fast scoring of one clean/OCR pair under the channel's substring edits: the best
// (Viterbi) sequence of edits, as a small dynamic programme over code points with the
// edit costs laid out in arrays. The restorer scores thousands of pairs per page, so
// this avoids the per-edit hashing of strings the training-time aligner can afford.
#ifndef VANBAN_CHANNEL_EDIT_SCORER_H_
#define VANBAN_CHANNEL_EDIT_SCORER_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vanban::internal {

class EditScorer {
 public:
  // Prices of edits the table never saw, in nats.
  struct Fallback {
    float identity = 0.7f;        // a character read as itself
    float substitute = 11.5f;     // learned mode: any other single character
    // Smoothed mode (every edit possible):
    float smooth_vowel = 6.0f;    // a vowel read as another character (ộ -> q)
    float smooth_other = 7.5f;    // a consonant read as another character
    float smooth_drop = 7.0f;     // a character lost
    float smooth_insert = 6.5f;   // a character added
    float smooth_multi = 8.5f;    // a character read as two, or two as one (ự -> yu)
  };

  // |clean| and |ocr| hold 0-2 code points each (not both empty); lower case.
  void Add(std::u32string_view clean, std::u32string_view ocr, float cost);
  void Finish(const Fallback& fallback);

  // Cost in nats of reading |clean| as |ocr| (lower case); +infinity if no sequence of
  // known edits does it (never in smooth mode), or as soon as it must exceed |limit|.
  float Cost(std::u32string_view clean, std::u32string_view ocr, bool smooth,
             float limit = std::numeric_limits<float>::infinity()) const;
  // Cost in nats of one clean character read as one OCR character (learned mode).
  float Substitution(char32_t clean, char32_t ocr) const {
    uint32_t c = Sym(clean), o = Sym(ocr);
    if (c == kOther && clean == ocr) return fb_.identity;
    return sub_[0][c * n_ + o];
  }


 private:
  static constexpr uint32_t kOther = 0;  // characters the table never mentions
  uint32_t Sym(char32_t cp) const {
    if (cp < kDirect) return direct_[cp];
    auto it = sym_.find(cp);
    return it == sym_.end() ? kOther : it->second;
  }
  uint32_t Intern(char32_t cp);
  static uint64_t MultiKey(std::u32string_view clean, std::u32string_view ocr, const EditScorer& s);

  static constexpr char32_t kDirect = 0x2000;
  std::vector<uint32_t> direct_ = std::vector<uint32_t>(kDirect, kOther);
  std::unordered_map<char32_t, uint32_t> sym_;
  std::vector<char32_t> chars_ = {0};  // symbol -> code point
  struct Raw {
    std::u32string clean, ocr;
    float cost;
  };
  std::vector<Raw> raw_;
  size_t n_ = 1;                      // symbols
  std::vector<float> sub_[2];         // [smooth][clean * n_ + ocr]
  std::vector<float> drop_[2], ins_[2];
  std::vector<uint8_t> vowel_;        // per symbol
  // Edits with a two-character side, and the two-character sides in use, in
  // open-addressing tables (the hot loop looks them up for most cells).
  struct U64Table {
    std::vector<uint64_t> keys;  // 0 = empty (real keys are never 0)
    std::vector<float> values;
    uint64_t mask = 0;
    void Build(const std::vector<std::pair<uint64_t, float>>& items);
    const float* Find(uint64_t key) const {
      if (keys.empty()) return nullptr;
      for (uint64_t i = (key * 0x9E3779B97F4A7C15ull) >> 32 & mask;; i = (i + 1) & mask) {
        if (keys[i] == key) return &values[i];
        if (keys[i] == 0) return nullptr;
      }
    }
  };
  U64Table multi_, clean_pairs_, ocr_pairs_;
  Fallback fb_;
};

}  // namespace vanban::internal

#endif  // VANBAN_CHANNEL_EDIT_SCORER_H_
