#include "restore/channel_mix.h"

#include <algorithm>
#include <string>
#include <vector>

#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "text/viet_chars.h"

namespace vanban::internal {
namespace {

// Below this share of unexplainable words a text is typed, above kOcrFull it is OCR.
// Typed administrative text has ~1% (names, foreign words); English-model OCR of
// Vietnamese 15-40%.
constexpr double kOcrOnset = 0.02;
constexpr double kOcrFull = 0.07;
// Marked share of valid words from which a typed text counts as fully marked
// (correct Vietnamese: ~80%).
constexpr double kMarkedFull = 0.5;
constexpr double kFloor = 0.001;
constexpr double kUnknownWeight = 0.2;
constexpr double kDamageShown = 0.01;
constexpr size_t kMinDamaged = 1;
constexpr size_t kMinDamagedMarked = 2;

bool IsJoiner(std::string_view line, const std::vector<LmToken>& toks, size_t i) {
  if (i >= toks.size() || toks[i].kind != LmTokenKind::kPunct) return false;
  char c = line[toks[i].begin];
  return c == '-' || c == '/';
}

// One letter changed or dropped makes |key| a syllable: OCR's misreadings of one
// ("dugc" duoc, "chifc" chic, "cdc" cac), not the units ("mm", "kg") and loanwords
// ("lumens", "video", "internet") typed texts hold.
bool NearSyllable(std::string_view key) {
  if (key.size() < 3 || key.size() > 8) return false;
  std::string k(key), dropped;
  for (size_t i = 0; i < key.size(); ++i) {
    dropped.assign(key.substr(0, i)).append(key.substr(i + 1));
    if (IsSyllableKey(dropped)) return true;
    for (char c = 'a'; c <= 'z'; ++c) {
      k[i] = c;
      if (IsSyllableKey(k)) return true;
    }
    k[i] = key[i];
  }
  return false;
}

// Letters outside Latin-1 (ă, đ, ơ, ư, ạ, ế, ...): an English OCR model writes only
// Latin-1 marks (é, ô, à), typed Vietnamese has these in most marked words.
bool HasVietnameseOnlyLetter(std::string_view w) {
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c >= 0xC4 && c < 0xF0) return true;  // lead byte of U+0100..U+FFFF
  }
  return false;
}

}  // namespace

ChannelMix EstimateChannelMix(std::string_view text, const ModelData& m, size_t max_bytes) {
  ChannelMix mix;
  std::string_view sample = text.substr(0, std::min(text.size(), max_bytes));
  std::vector<LmToken> toks;
  std::string key, lower;
  size_t viet_marked = 0;
  size_t pos = 0;
  while (pos < sample.size()) {
    size_t nl = sample.find('\n', pos);
    size_t end = nl == std::string_view::npos ? sample.size() : nl;
    std::string_view line = sample.substr(pos, end - pos);
    pos = end + 1;
    SplitLine(line, &toks);
    for (size_t i = 0; i < toks.size(); ++i) {
      const LmToken& t = toks[i];
      if (t.kind != LmTokenKind::kWord && t.kind != LmTokenKind::kMixed) continue;
      std::string_view w = line.substr(t.begin, t.end - t.begin);
      bool joined = (i > 0 && IsJoiner(line, toks, i - 1)) || IsJoiner(line, toks, i + 1);
      if (t.kind == LmTokenKind::kMixed) {
        // Codes such as "QH15" or "25.12.LQ", measures ("m2", "25m") and items ("5a") are
        // not OCR damage.
        if (joined || IsAllUpper(w) || IsMeasurement(w) || IsNumberedItem(w, /*strict=*/false)) continue;
        ++mix.words, ++mix.damaged;
        continue;
      }
      bool has_key = KeyInto(w, &key);
      // Abbreviations (UBND, HĐND) and symbol parts say nothing about the channel.
      if (IsAllUpper(w) && (joined || !has_key || !IsWordKey(key))) continue;
      ++mix.words;
      LowerInto(w, &lower);
      if (!has_key || !IsWordKey(key) || m.WordId(lower) == m.unk()) {
        if (HasMarks(w)) ++mix.damaged;
        else if (has_key && !IsWordKey(key) && lower == w && NearSyllable(key)) ++mix.misshapen;
        else ++mix.unknown;
      } else if (HasMarks(w)) {
        ++mix.marked;
        if (HasVietnameseOnlyLetter(w)) ++viet_marked;
      } else {
        ++mix.unmarked;
      }
    }
  }
  if (mix.words == 0) return mix;
  double valid = static_cast<double>(mix.marked + mix.unmarked);
  double marked = valid > 0 ? static_cast<double>(mix.marked) / valid : 0.0;
  // Text typed with its marks: most words marked, and some with a letter an English
  // OCR model never writes (ư, ơ, ă, đ, ạ, ế: "vé tai san" is not).
  const bool typed_marks = marked >= kMarkedFull && viet_marked > 0;
  // A lower-case word one letter away from a syllable ("dugc", "chifc") is a typo or a
  // foreign word in typed text; otherwise it is what an English OCR model makes of
  // Vietnamese far more often.
  if (!typed_marks) mix.damaged += mix.misshapen;
  else mix.unknown += mix.misshapen;
  // Unknown unmarked words are mostly names and foreign words in typed text; they
  // count as OCR evidence only beside damage only OCR makes.
  double damaged = static_cast<double>(mix.damaged) / static_cast<double>(mix.words);
  double unknown = static_cast<double>(mix.unknown) / static_cast<double>(mix.words);
  double e = damaged + (damaged >= kDamageShown ? kUnknownWeight * unknown : 0.0);
  // In text without its marks, one damaged word is evidence enough: a single OCR'd line
  // has few words to show it (dev single lines: scan 87.4% -> 93.1%). Typed, marked
  // text needs two: one is a typo or a foreign name.
  if (mix.damaged < (typed_marks ? kMinDamagedMarked : kMinDamaged)) e = 0;
  double ocr = std::clamp((e - kOcrOnset) / (kOcrFull - kOcrOnset), 0.0, 1.0);
  double clean_share = std::clamp(marked / kMarkedFull, 0.0, 1.0);
  mix.ocr = std::max(kFloor, ocr);
  double rest = 1.0 - mix.ocr;
  mix.clean = std::max(kFloor, rest * clean_share);
  mix.stripped = std::max(kFloor, rest * (1.0 - clean_share));
  double z = mix.clean + mix.stripped + mix.ocr;
  mix.clean /= z, mix.stripped /= z, mix.ocr /= z;
  return mix;
}

}  // namespace vanban::internal
