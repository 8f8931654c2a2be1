#include "text/vn_letters.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>

namespace vanban::internal {
namespace {

// Decomposition of every code point below U+1F00 (covers Latin-1, Latin
// Extended-A/B and Latin Extended Additional, where all Vietnamese letters live).
constexpr char32_t kTableLimit = 0x1F00;

struct PackedLetter {
  char base = 0;  // 0: not a Vietnamese letter
  uint8_t quality = 0;
  uint8_t tone = 0;
  uint8_t upper = 0;
};

constexpr char32_t kQualityMark[] = {0, 0x0302, 0x0306, 0x031B, 0};
constexpr char32_t kToneMark[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};

struct Tables {
  std::array<PackedLetter, kTableLimit> decompose{};
  // [base a..z][quality][tone][upper]
  char32_t compose[26][5][kToneCount][2] = {};

  Tables() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
    auto add = [&](char base, Quality q, Tone t, bool upper, char32_t cp) {
      compose[base - 'a'][static_cast<int>(q)][static_cast<int>(t)][upper] = cp;
      decompose[cp] = {base, static_cast<uint8_t>(q), static_cast<uint8_t>(t),
                       static_cast<uint8_t>(upper)};
    };
    for (char b = 'a'; b <= 'z'; ++b) {
      add(b, Quality::kNone, Tone::kNone, false, static_cast<char32_t>(b));
      add(b, Quality::kNone, Tone::kNone, true, static_cast<char32_t>(b - 'a' + 'A'));
    }
    add('d', Quality::kStroke, Tone::kNone, false, 0x0111);
    add('d', Quality::kStroke, Tone::kNone, true, 0x0110);
    if (U_FAILURE(err)) return;
    struct VowelQuality { char base; Quality q; };
    constexpr VowelQuality kVowels[] = {
        {'a', Quality::kNone}, {'a', Quality::kCircumflex}, {'a', Quality::kBreve},
        {'e', Quality::kNone}, {'e', Quality::kCircumflex}, {'i', Quality::kNone},
        {'o', Quality::kNone}, {'o', Quality::kCircumflex}, {'o', Quality::kHorn},
        {'u', Quality::kNone}, {'u', Quality::kHorn},       {'y', Quality::kNone}};
    for (const VowelQuality& v : kVowels) {
      for (int t = 0; t < kToneCount; ++t) {
        for (int upper = 0; upper < 2; ++upper) {
          if (v.q == Quality::kNone && t == 0) continue;  // bare letters done above
          icu::UnicodeString s(static_cast<UChar32>(upper ? v.base - 'a' + 'A' : v.base));
          if (v.q != Quality::kNone) s.append(static_cast<UChar32>(kQualityMark[static_cast<int>(v.q)]));
          if (t != 0) s.append(static_cast<UChar32>(kToneMark[t]));
          icu::UnicodeString composed = nfc->normalize(s, err);
          if (U_FAILURE(err) || composed.countChar32() != 1) continue;
          char32_t cp = static_cast<char32_t>(composed.char32At(0));
          if (cp < kTableLimit) add(v.base, v.q, static_cast<Tone>(t), upper != 0, cp);
        }
      }
    }
  }
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

}  // namespace

bool DecomposeLetter(char32_t c, VnLetter* out) {
  if (c >= kTableLimit) return false;
  const PackedLetter& p = GetTables().decompose[c];
  if (p.base == 0) return false;
  out->base = p.base;
  out->quality = static_cast<Quality>(p.quality);
  out->tone = static_cast<Tone>(p.tone);
  out->upper = p.upper != 0;
  return true;
}

char32_t ComposeLetter(const VnLetter& l) {
  if (l.base < 'a' || l.base > 'z') return 0;
  return GetTables().compose[l.base - 'a'][static_cast<int>(l.quality)][static_cast<int>(l.tone)]
                            [l.upper ? 1 : 0];
}

char32_t CombiningTone(Tone t) { return kToneMark[static_cast<int>(t)]; }

bool ToneFromCombining(char32_t c, Tone* t) {
  for (int i = 1; i < kToneCount; ++i) {
    if (kToneMark[i] == c) {
      *t = static_cast<Tone>(i);
      return true;
    }
  }
  return false;
}

}  // namespace vanban::internal
