#include "text/syllable.h"

#include <unicode/utf8.h>

#include <string>
#include <unordered_set>

#include "vanban/text.h"

namespace vanban::internal {
namespace {

// Rhymes (vowel nucleus + final consonant) of standard Vietnamese spelling, with
// their letter marks and without tone.
constexpr const char* kRhymes[] = {
    "a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
    "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
    "e", "eo", "ec", "em", "en", "eng", "ep", "et",
    "ê", "êu", "êch", "êm", "ên", "ênh", "êp", "êt",
    "i", "ia", "iu", "ich", "im", "in", "inh", "ip", "it",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
    "o", "oi", "oc", "om", "on", "ong", "op", "ot", "ooc", "oong",
    "oa", "oai", "oao", "oay", "oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat",
    "oăc", "oăm", "oăn", "oăng", "oăt",
    "oe", "oeo", "oen", "oet",
    "ô", "ôi", "ôc", "ôm", "ôn", "ông", "ôp", "ôt",
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
    "u", "ua", "ui", "uc", "um", "un", "ung", "up", "ut",
    "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uơ",
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
    "uy", "uya", "uych", "uyn", "uynh", "uyt", "uyu", "uyên", "uyêt",
    "ư", "ưa", "ưi", "ưu", "ưc", "ưm", "ưn", "ưng", "ưt",
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
    "y", "yêm", "yên", "yêng", "yêt", "yêu",
    // Coda k: place names of the Central Highlands (Đắk Lắk, Ngọk Hồi, Đăk Tô).
    "ak", "ăk", "âk", "ek", "êk", "ok", "ôk", "ơk", "uk", "ưk",
};

constexpr const char* kOnsets[] = {"",  "b",  "c",  "ch", "d",  "đ",  "g",   "gh", "gi", "h",
                                   "k", "kh", "l",  "m",  "n",  "ng", "ngh", "nh", "p",  "ph",
                                   "qu", "r", "s",  "t",  "th", "tr", "v",   "x"};

// Key letters: bases, with marked vowels as capitals (â=A ă=B ê=E ô=O ơ=P ư=W, đ=D).
char KeyChar(const VnLetter& l) {
  switch (l.quality) {
    case Quality::kNone: return l.base;
    case Quality::kCircumflex: return l.base == 'a' ? 'A' : l.base == 'e' ? 'E' : 'O';
    case Quality::kBreve: return 'B';
    case Quality::kHorn: return l.base == 'o' ? 'P' : 'W';
    case Quality::kStroke: return 'D';
  }
  return l.base;
}

struct Grammar {
  std::unordered_set<std::string> rhymes;           // exact keys
  std::unordered_set<std::string> rhyme_skeletons;  // bases only
  std::unordered_set<std::string> onsets;           // exact keys (đ = D)

  Grammar() {
    VnLetter letters[kMaxSyllableLetters];
    int n = 0;
    for (const char* r : kRhymes) {
      if (!WordToLetters(r, letters, &n)) continue;
      std::string key, skeleton;
      for (int i = 0; i < n; ++i) {
        key += KeyChar(letters[i]);
        skeleton += letters[i].base;
      }
      rhymes.insert(key);
      rhyme_skeletons.insert(skeleton);
    }
    for (const char* o : kOnsets) {
      if (!WordToLetters(o, letters, &n)) continue;
      std::string key;
      for (int i = 0; i < n; ++i) key += KeyChar(letters[i]);
      onsets.insert(key);
    }
  }
};

const Grammar& GetGrammar() {
  static const Grammar* grammar = new Grammar();
  return *grammar;
}

bool IsStopCoda(std::string_view coda) {
  return coda == "c" || coda == "ch" || coda == "p" || coda == "t" || coda == "k";
}

bool IsFront(char base) { return base == 'i' || base == 'e' || base == 'y'; }

// Checks the rhyme letters[b..n) (b = first vowel) and fills the nucleus bounds.
bool CheckRhyme(const VnLetter* l, int b, int n, bool marked, SyllableParts* parts) {
  if (b >= n || !IsVowelBase(l[b].base)) return false;
  int e = b;
  while (e < n && IsVowelBase(l[e].base)) ++e;
  std::string key;
  key.reserve(static_cast<size_t>(n - b));
  for (int i = b; i < n; ++i) {
    if (i >= e && IsVowelBase(l[i].base)) return false;  // vowel after the coda
    key += marked ? KeyChar(l[i]) : l[i].base;
  }
  const Grammar& g = GetGrammar();
  if (marked ? !g.rhymes.count(key) : !g.rhyme_skeletons.count(key)) return false;
  parts->nucleus_begin = b;
  parts->nucleus_end = e;
  parts->has_coda = e < n;
  return true;
}

}  // namespace

bool WordToLetters(std::string_view word, VnLetter* letters, int* n) {
  *n = 0;
  size_t i = 0;
  const size_t len = word.size();
  while (i < len) {
    UChar32 c;
    U8_NEXT(word.data(), i, len, c);
    if (c < 0 || *n >= kMaxSyllableLetters) return false;
    if (!DecomposeLetter(static_cast<char32_t>(c), &letters[*n])) return false;
    ++*n;
  }
  return true;
}

bool AnalyzeSyllable(const VnLetter* l, int n, SyllableParts* parts, bool exact) {
  if (n <= 0 || n > kMaxSyllableLetters) return false;
  bool marked = false;
  int tone_index = -1;
  Tone tone = Tone::kNone;
  for (int i = 0; i < n; ++i) {
    char b = l[i].base;
    if (b == 'f' || b == 'j' || b == 'w' || b == 'z') return false;
    if (l[i].tone != Tone::kNone) {
      if (tone_index >= 0) return false;  // two tones
      tone_index = i;
      tone = l[i].tone;
    }
    if (IsVowelBase(b) && (l[i].quality != Quality::kNone || l[i].tone != Tone::kNone)) marked = true;
  }
  marked |= exact;
  int v = 0;  // first vowel
  while (v < n && !IsVowelBase(l[v].base)) ++v;
  if (v == n) return false;
  std::string onset;
  for (int i = 0; i < v; ++i) onset += KeyChar(l[i]);
  const Grammar& g = GetGrammar();
  const bool glide_follows = v + 1 < n && IsVowelBase(l[v + 1].base);
  bool ok = false;
  if (onset == "q") {
    // "qu": the u is a glide; the rest is a rhyme ("quen") or u+rest is one ("quốc").
    if (l[v].base != 'u' || l[v].quality != Quality::kNone || v + 1 >= n) return false;
    ok = (glide_follows && CheckRhyme(l, v + 1, n, marked, parts)) || CheckRhyme(l, v, n, marked, parts);
    if (ok && glide_follows) parts->nucleus_begin = v + 1;
  } else if (onset == "g" && l[v].base == 'i' && l[v].quality == Quality::kNone) {
    // "gi" onset ("gia", "giữ") or g + rhyme in i ("gì", "gìn", "giếng").
    if (glide_follows && CheckRhyme(l, v + 1, n, marked, parts)) {
      ok = true;
    } else {
      ok = CheckRhyme(l, v, n, marked, parts);
    }
  } else {
    if (!g.onsets.count(onset)) return false;
    if (!CheckRhyme(l, v, n, marked, parts)) return false;
    const bool front = IsFront(l[v].base);
    if ((onset == "c" || onset == "ng" || onset == "g") && front) return false;
    if ((onset == "k" || onset == "gh" || onset == "ngh") && !front) return false;
    ok = true;
  }
  if (!ok) return false;
  if (marked) {
    std::string coda;
    for (int i = parts->nucleus_end; i < n; ++i) coda += l[i].base;
    if (IsStopCoda(coda) && tone != Tone::kAcute && tone != Tone::kDot) return false;
  }
  parts->tone_index = tone_index;
  return true;
}

int CanonicalToneIndex(const VnLetter* l, const SyllableParts& p, ToneStyle style) {
  const int b = p.nucleus_begin, e = p.nucleus_end;
  for (int i = e - 1; i >= b; --i) {
    Quality q = l[i].quality;
    if (q == Quality::kCircumflex || q == Quality::kBreve || q == Quality::kHorn) return i;
  }
  if (p.has_coda) return e - 1;
  const int size = e - b;
  if (size >= 3) return b + 1;
  if (size == 2) {
    const char x = l[b].base, y = l[b + 1].base;
    const bool glide_pair = (x == 'o' && (y == 'a' || y == 'e')) || (x == 'u' && y == 'y');
    if (glide_pair && style == ToneStyle::kNew) return b + 1;
  }
  return b;
}

}  // namespace vanban::internal

namespace vanban {

bool IsVietnameseSyllable(std::string_view word) {
  internal::VnLetter letters[internal::kMaxSyllableLetters];
  int n = 0;
  if (!internal::WordToLetters(word, letters, &n)) return false;
  internal::SyllableParts parts;
  return internal::AnalyzeSyllable(letters, n, &parts);
}

bool IsExactVietnameseSyllable(std::string_view word) {
  internal::VnLetter letters[internal::kMaxSyllableLetters];
  int n = 0;
  if (!internal::WordToLetters(word, letters, &n)) return false;
  internal::SyllableParts parts;
  return internal::AnalyzeSyllable(letters, n, &parts, /*exact=*/true);
}

}  // namespace vanban
