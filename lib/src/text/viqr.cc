#include "text/viqr.h"

#include <unicode/utf8.h>

#include "text/syllable.h"
#include "text/utf8.h"
#include "text/vn_letters.h"

namespace vanban::internal {
namespace {

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool ToneOfMnemonic(char c, Tone* t) {
  switch (c) {
    case '\'': *t = Tone::kAcute; return true;
    case '`': *t = Tone::kGrave; return true;
    case '?': *t = Tone::kHook; return true;
    case '~': *t = Tone::kTilde; return true;
    case '.': *t = Tone::kDot; return true;
    default: return false;
  }
}

char ToneMnemonic(Tone t) {
  switch (t) {
    case Tone::kAcute: return '\'';
    case Tone::kGrave: return '`';
    case Tone::kHook: return '?';
    case Tone::kTilde: return '~';
    case Tone::kDot: return '.';
    case Tone::kNone: break;
  }
  return 0;
}

// The letter mark a mnemonic gives to vowel |base|, or kNone if it does not apply.
Quality QualityOfMnemonic(char base, char c) {
  if (c == '^' && (base == 'a' || base == 'e' || base == 'o')) return Quality::kCircumflex;
  if (c == '(' && base == 'a') return Quality::kBreve;
  if (c == '+' && (base == 'o' || base == 'u')) return Quality::kHorn;
  return Quality::kNone;
}

bool IsMnemonic(char c) {
  return c == '\'' || c == '`' || c == '?' || c == '~' || c == '.' || c == '^' || c == '(' ||
         c == '+' || c == '\\';
}

struct ParsedWord {
  VnLetter letters[kMaxSyllableLetters];
  int n = 0;
  size_t end = 0;                  // one past the last byte consumed
  bool has_marks = false;
  bool strong = false;
};

// Reads one word starting at |i| (an ASCII letter) with the mnemonics after its vowels.
void ParseWord(std::string_view s, size_t i, ParsedWord* w) {
  const size_t n = s.size();
  auto note_mark = [&] { w->has_marks = true; };
  if (i + 1 < n && (s[i] | 0x20) == 'd' && (s[i + 1] | 0x20) == 'd') {
    w->letters[w->n++] = VnLetter{'d', Quality::kStroke, Tone::kNone, s[i] == 'D'};
    note_mark();
    w->strong = true;
    i += 2;
  }
  while (i < n && IsAsciiLetter(s[i])) {
    if (w->n >= kMaxSyllableLetters) {  // too long for a syllable: take it as plain text
      while (i < n && IsAsciiLetter(s[i])) ++i;
      w->has_marks = false;
      break;
    }
    VnLetter& l = w->letters[w->n++];
    DecomposeLetter(static_cast<unsigned char>(s[i]), &l);
    ++i;
    if (!IsVowelBase(l.base)) continue;
    if (i < n) {
      Quality q = QualityOfMnemonic(l.base, s[i]);
      if (q != Quality::kNone) {
        l.quality = q;
        note_mark();
        w->strong = true;
        ++i;
      }
    }
    Tone t;
    if (i < n && ToneOfMnemonic(s[i], &t)) {
      l.tone = t;
      note_mark();
      ++i;
      if (i < n && IsAsciiLetter(s[i])) w->strong = true;
    }
  }
  w->end = i;
}

bool AcceptableSyllable(const ParsedWord& w) {
  SyllableParts parts;
  if (!AnalyzeSyllable(w.letters, w.n, &parts)) return false;
  if (parts.tone_index < 0) return true;
  return parts.tone_index == CanonicalToneIndex(w.letters, parts, ToneStyle::kOld) ||
         parts.tone_index == CanonicalToneIndex(w.letters, parts, ToneStyle::kNew);
}

}  // namespace

std::string DecodeViqr(std::string_view s, ViqrStats* stats) {
  std::string out;
  out.reserve(s.size());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const char c = s[i];
    if (c == '\\' && i + 1 < n && IsMnemonic(s[i + 1])) {
      out.push_back(s[i + 1]);
      i += 2;
      continue;
    }
    if (!IsAsciiLetter(c)) {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t run_end = i;
    bool all_caps = true;
    while (run_end < n && IsAsciiLetter(s[run_end])) all_caps &= s[run_end++] <= 'Z';
    const std::string_view run = s.substr(i, run_end - i);
    if (all_caps && run.size() >= 3 && run.find("DD", 1) != std::string_view::npos &&
        (run_end == n || !IsMnemonic(s[run_end]))) {
      // An acronym such as HDDND (HĐND): Đ inside a capitalized abbreviation.
      for (size_t k = 0; k < run.size(); ++k) {
        if (k + 1 < run.size() && run[k] == 'D' && run[k + 1] == 'D') {
          out.append("\xC4\x90");
          ++k;
        } else {
          out.push_back(run[k]);
        }
      }
      if (stats != nullptr) {
        ++stats->words;
        ++stats->marked_words;
        ++stats->strong;
      }
      i = run_end;
      continue;
    }
    ParsedWord w;
    ParseWord(s, i, &w);
    if (stats != nullptr) ++stats->words;
    if (!w.has_marks) {
      out.append(s.substr(i, w.end - i));
      i = w.end;
      continue;
    }
    if (AcceptableSyllable(w)) {
      for (int k = 0; k < w.n; ++k) AppendUtf8(&out, ComposeLetter(w.letters[k]));
      if (stats != nullptr) {
        ++stats->marked_words;
        stats->strong += w.strong;
      }
      i = w.end;
      continue;
    }
    // A final tone mnemonic that does not fit ("dda^y." = đây + full stop) may be
    // punctuation: retry the word without it.
    const char last = s[w.end - 1];
    Tone unused;
    if (ToneOfMnemonic(last, &unused) && w.end - 1 > i) {
      ParsedWord shorter;
      ParseWord(s.substr(0, w.end - 1), i, &shorter);
      if (shorter.end == w.end - 1 && (!shorter.has_marks || AcceptableSyllable(shorter))) {
        for (int k = 0; k < shorter.n; ++k) AppendUtf8(&out, ComposeLetter(shorter.letters[k]));
        if (stats != nullptr && shorter.has_marks) {
          ++stats->marked_words;
          stats->strong += shorter.strong;
        }
        i = shorter.end;
        continue;
      }
    }
    // Not Vietnamese: the word and its would-be mnemonics stay as they are.
    out.append(s.substr(i, w.end - i));
    i = w.end;
  }
  return out;
}

std::string EncodeViqr(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  const size_t n = s.size();
  size_t i = 0;
  bool after_vowel = false;
  while (i < n) {
    const size_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) {
      out.append(s.substr(start, i - start));
      after_vowel = false;
      continue;
    }
    if (c < 0x80) {
      const char ch = static_cast<char>(c);
      if (ch == '\\') {
        if (i < n && IsMnemonic(s[i])) out.push_back('\\');
        out.push_back('\\');
      } else if (after_vowel && IsMnemonic(ch)) {
        out.push_back('\\');
        out.push_back(ch);
      } else {
        out.push_back(ch);
      }
      after_vowel = IsVowelBase(static_cast<char>(ch | 0x20)) && IsAsciiLetter(ch);
      continue;
    }
    VnLetter l;
    if (!DecomposeLetter(static_cast<char32_t>(c), &l)) {
      out.append(s.substr(start, i - start));
      after_vowel = false;
      continue;
    }
    const char base = l.upper ? static_cast<char>(l.base - 'a' + 'A') : l.base;
    out.push_back(base);
    switch (l.quality) {
      case Quality::kStroke: out.push_back(base); break;
      case Quality::kCircumflex: out.push_back('^'); break;
      case Quality::kBreve: out.push_back('('); break;
      case Quality::kHorn: out.push_back('+'); break;
      case Quality::kNone: break;
    }
    if (l.tone != Tone::kNone) out.push_back(ToneMnemonic(l.tone));
    after_vowel = IsVowelBase(l.base);
  }
  return out;
}

}  // namespace vanban::internal
