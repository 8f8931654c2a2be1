#include "text/viet_chars.h"

#include <cctype>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "text/utf8.h"

namespace vanban::internal {
namespace {

// LookupLetter's table: every letter of text/vn_letters.h with its case forms and its
// toneless form precomputed.
class Tables {
 public:
  Tables() {
    for (char32_t cp = 0; cp < kHighEnd; ++cp) {
      VnLetter l;
      if (!DecomposeLetter(cp, &l) || !InTable(cp)) continue;
      VnLetter lower = l, upper = l, toneless = l;
      lower.upper = false;
      upper.upper = true;
      toneless.upper = false;
      toneless.tone = Tone::kNone;
      const bool marked = l.quality != Quality::kNone || l.tone != Tone::kNone;
      Set(cp, {l.base, l.upper, marked, ComposeLetter(lower), ComposeLetter(upper), l.tone,
               ComposeLetter(toneless)});
    }
  }
  LetterTable View() const { return {low_.data(), high_.data()}; }

 private:
  static constexpr char32_t kLowEnd = LetterTable::kLowEnd, kHighStart = LetterTable::kHighStart,
                            kHighEnd = LetterTable::kHighEnd;
  static bool InTable(char32_t cp) { return cp < kLowEnd || (cp >= kHighStart && cp < kHighEnd); }
  void Set(char32_t cp, VietLetter v) {
    if (cp < low_.size()) low_[cp] = v;
    else high_[cp - kHighStart] = v;
  }
  std::array<VietLetter, kLowEnd> low_{};
  std::array<VietLetter, kHighEnd - kHighStart> high_{};
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

const LetterTable& GetLetterTable() {
  static const Tables tables;
  static const LetterTable view = tables.View();
  return view;
}

void LowerInto(std::string_view s, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(s, &pos);
    const VietLetter& v = LookupLetter(cp);
    if (v.base != 0 && v.upper) AppendUtf8(out, v.lower);
    else out->append(s.substr(start, pos - start));
  }
}

bool KeyInto(std::string_view s, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < s.size()) {
    const VietLetter& v = LookupLetter(NextCodePoint(s, &pos));
    if (v.base == 0) return false;
    out->push_back(v.base);
  }
  return !out->empty();
}

void ToneKeyInto(std::string_view s, std::string* out) {
  out->clear();
  Tone tone = Tone::kNone;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(s, &pos);
    const VietLetter& v = LookupLetter(cp);
    if (v.base == 0) {
      out->append(s.substr(start, pos - start));
      continue;
    }
    AppendUtf8(out, v.toneless);
    if (v.tone != Tone::kNone) tone = v.tone;
  }
  if (tone != Tone::kNone) out->push_back(static_cast<char>('0' + static_cast<int>(tone)));
}

bool HasMarks(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (LookupLetter(NextCodePoint(s, &pos)).marked) return true;
  }
  return false;
}

bool IsCapitalised(std::string_view s) {
  size_t pos = 0;
  bool first = true;
  while (pos < s.size()) {
    const VietLetter& v = LookupLetter(NextCodePoint(s, &pos));
    if (v.base == 0 || v.upper != first) return false;
    first = false;
  }
  return !first;
}

bool StartsUpper(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    const VietLetter& v = LookupLetter(NextCodePoint(s, &pos));
    if (v.base != 0) return v.upper;
  }
  return false;
}

bool IsAllUpper(std::string_view s) {
  size_t pos = 0;
  bool any = false;
  while (pos < s.size()) {
    const VietLetter& v = LookupLetter(NextCodePoint(s, &pos));
    if (v.base == 0) continue;
    if (!v.upper) return false;
    any = true;
  }
  return any;
}

void ApplyCaseInto(std::string_view restored, std::string_view original, std::string* out) {
  out->clear();
  // Case flags of the original letters, up to a fixed length (syllables are short).
  bool flags[64];
  size_t n = 0, pos = 0;
  while (pos < original.size() && n < 64) {
    const VietLetter& v = LookupLetter(NextCodePoint(original, &pos));
    flags[n++] = v.base != 0 && v.upper;
  }
  bool all_upper = n > 1 && IsAllUpper(original);
  size_t i = 0;
  pos = 0;
  while (pos < restored.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(restored, &pos);
    const VietLetter& v = LookupLetter(cp);
    bool up = all_upper || (i < n && flags[i]);
    if (v.base != 0 && up) AppendUtf8(out, v.upper_cp);
    else out->append(restored.substr(start, pos - start));
    ++i;
  }
}

LetterCase LetterCaseOf(std::string_view s) {
  LetterCase c;
  for (size_t pos = 0; pos < s.size();) {
    const VietLetter& v = LookupLetter(NextCodePoint(s, &pos));
    if (v.base == 0) {
      c.other = true;
      continue;
    }
    if (c.letters == 0) c.first_upper = v.upper;
    ++c.letters;
    c.upper += v.upper;
  }
  return c;
}

void ApplyWordCaseInto(std::string_view restored, std::string_view original, std::string* out) {
  const LetterCase c = LetterCaseOf(original);
  const bool all = c.letters >= 2 && c.upper == c.letters;
  out->clear();
  size_t pos = 0;
  bool first = true;
  while (pos < restored.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(restored, &pos);
    const VietLetter& v = LookupLetter(cp);
    bool up = all || (first && c.first_upper);
    if (v.base != 0) first = false;
    if (v.base != 0 && up) AppendUtf8(out, v.upper_cp);
    else out->append(restored.substr(start, pos - start));
  }
}

bool IsMeasurement(std::string_view t) {
  static constexpr std::string_view kUnits[] = {"m", "km", "cm", "mm", "dm", "ha", "kg", "g", "mg", "l", "ml",
                                                "kw", "kwh", "mw", "v", "w", "t", "s", "h", "ph"};
  size_t i = 0;
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || ((t[i] == '.' || t[i] == ',') && i > 0))) ++i;
  const bool number = i > 0;
  size_t end = t.size();
  // A trailing 2 or 3 squares or cubes a length unit ("m2", "km3"), only without a number before.
  bool power = !number && end >= 2 && (t[end - 1] == '2' || t[end - 1] == '3');
  if (power) --end;
  std::string unit;
  for (size_t k = i; k < end; ++k) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(t[k])));
  if (unit.empty() || (!number && !power)) return false;
  for (std::string_view u : kUnits) {
    if (unit == u) return !power || u == "m" || u == "km" || u == "cm" || u == "mm" || u == "dm";
  }
  return false;
}

bool IsNumberedItem(std::string_view t, bool strict) {
  size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i == 0 || i == t.size()) return false;
  size_t pos = i;
  const VietLetter& v = LookupLetter(NextCodePoint(t, &pos));
  if (pos != t.size() || v.base == 0 || v.upper || (v.marked && v.base != 'd')) return false;
  return !strict || i >= 2;
}

namespace {

// Bytes of the onset that |k| starts with (the longest: "ngh" before "ng" before "n"),
// 0 for none ("q" alone is none). Each key of every word of a text is asked (the
// mixture's estimate, the pieces, the lattice): a switch, not a scan of the onsets.
size_t OnsetBytes(std::string_view k) {
  const char b = k.size() > 1 ? k[1] : '\0';
  switch (k[0]) {
    case 'n':
      if (b == 'g') return k.size() > 2 && k[2] == 'h' ? 3 : 2;
      return b == 'h' ? 2 : 1;
    case 'c':
    case 'k':
    case 'p':
      return b == 'h' ? 2 : 1;
    case 'g':
      return b == 'h' || b == 'i' ? 2 : 1;
    case 't':
      return b == 'h' || b == 'r' ? 2 : 1;
    case 'q':
      return b == 'u' ? 2 : 0;
    case 'b':
    case 'd':
    case 'h':
    case 'l':
    case 'm':
    case 'r':
    case 's':
    case 'v':
    case 'x':
      return 1;
    default:
      return 0;
  }
}

}  // namespace

// Onsets: ngh ng nh ch gh gi kh ph qu th tr b c d g h k l m n p r s t v x; then one to
// three vowels; then a coda.
bool IsSyllableKey(std::string_view k) {
  if (k.empty() || k.size() > 7) return false;
  size_t i = OnsetBytes(k);
  // "gi" and "qu" may stand alone or carry the vowel themselves ("gì", "gin").
  auto is_vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  };
  size_t v = i;
  while (v < k.size() && is_vowel(k[v])) ++v;
  size_t nv = v - i;
  if (nv == 0) {
    if (i >= 2 && (StartsWith(k, "gi"))) nv = 1, i = 1;  // "gin" = g + in
    else return false;
  }
  if (nv > 3) return false;
  const std::string_view coda = k.substr(v);
  // k: place names of the Central Highlands (Đắk Lắk, Ngọk Hồi).
  switch (coda.size()) {
    case 0:
      return true;
    case 1:
      return coda[0] == 'c' || coda[0] == 'k' || coda[0] == 'm' || coda[0] == 'n' || coda[0] == 'p' ||
             coda[0] == 't';
    case 2:
      return coda == "ch" || coda == "ng" || coda == "nh";
    default:
      return false;
  }
}

}  // namespace vanban::internal

namespace vanban {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace vanban
