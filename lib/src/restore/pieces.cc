#include "restore/pieces.h"

#include <algorithm>
#include <span>
#include <string>
#include <utility>

#include "model/model_data.h"
#include "restore/symbol_form.h"
#include "text/viet_chars.h"

namespace vanban::internal {
namespace {

// Symbols English-model OCR writes for Vietnamese letters (ở -> ¢, ơ -> &, ậ -> §,
// ế -> €, ề -> ®, ý -> ¥, số -> $6): inside or as a whole word they are letters.
bool IsLetterSubstitute(char32_t cp) {
  return cp == 0xA2 || cp == '&' || cp == '@' || cp == 0xA7 || cp == 0x20AC || cp == 0xAE || cp == 0xA9 ||
         cp == 0xA5 || cp == 0xA3 || cp == '$';
}

// "HĐND&UBND": an ampersand between two abbreviations is one, not an OCR letter.
bool IsAmpersandBetweenCodes(std::string_view unit, const std::vector<LmToken>& t, size_t j) {
  if (unit[t[j].begin] != '&' || j == 0 || j + 1 >= t.size()) return false;
  auto code = [&](const LmToken& x) {
    std::string_view w = unit.substr(x.begin, x.end - x.begin);
    return (x.kind == LmTokenKind::kWord || x.kind == LmTokenKind::kMixed) && w.size() >= 2 && IsAllUpper(w);
  };
  return code(t[j - 1]) && code(t[j + 1]);
}

char32_t FirstCodePoint(std::string_view s) {
  size_t pos = 0;
  return s.empty() ? 0 : NextCodePoint(s, &pos);
}

bool IsJoinerMark(std::string_view unit, const LmToken& t) {
  return t.kind == LmTokenKind::kPunct && (unit[t.begin] == '-' || unit[t.begin] == '/');
}

// Token |i| of |t| is joined to another by a hyphen or slash ("KH-UBND", "QĐ/TTg"); a
// hyphen with nothing on its other side is a speck or a dash ("-XANAMNEN" at a line's
// start), not a joint.
bool Joined(std::string_view unit, const std::vector<LmToken>& t, size_t i) {
  return (i >= 2 && IsJoinerMark(unit, t[i - 1]) && t[i - 2].kind != LmTokenKind::kSpace) ||
         (i + 2 < t.size() && IsJoinerMark(unit, t[i + 1]) && t[i + 2].kind != LmTokenKind::kSpace);
}

// Capitals (ASCII, at least two letters, the first a capital) with a lower-case b among
// them, the letters English OCR makes of a symbol part's Đ.
bool IsCapitalsWithB(std::string_view text) {
  if (text.size() < 2 || !(text[0] >= 'A' && text[0] <= 'Z')) return false;
  bool b = false;
  for (char c : text) {
    if (c == 'b') b = true;
    else if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return b;
}

// A host name with a path and no scheme ("chinhphu.vn/cpp/files/..."): the chunk
// before its first slash, quotes and brackets aside, is dotted names ending in a name
// of letters (the top-level domain).
bool IsHostPath(std::string_view chunk) {
  const size_t slash = chunk.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view host = chunk.substr(0, slash);
  while (!host.empty() && std::string_view("`'\"([<").find(host.front()) != std::string_view::npos)
    host.remove_prefix(1);
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || host.size() - dot - 1 < 2) return false;
  for (size_t k = 0; k < host.size(); ++k) {
    const char c = host[k];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (k > dot ? !letter : !(letter || IsAsciiDigit(c) || c == '-' || c == '.')) return false;
  }
  return true;
}

// URLs and e-mail addresses are never words to restore.
bool IsAddress(std::string_view chunk) {
  if (chunk.find("://") != std::string_view::npos || chunk.substr(0, 4) == "www." ||
      chunk.substr(0, 4) == "WWW." || IsHostPath(chunk))
    return true;
  size_t at = chunk.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  size_t dot = chunk.find('.', at);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < chunk.size();
}

// Token |j| is a word starting with a lower-case letter, or OCR's spelling of one ("xa4"),
// (false out of range).
bool LowerWordAt(std::string_view unit, const std::vector<LmToken>& t, size_t j) {
  if (j >= t.size()) return false;
  std::string_view w = unit.substr(t[j].begin, t[j].end - t[j].begin);
  if (t[j].kind == LmTokenKind::kMixed) return w[0] >= 'a' && w[0] <= 'z';
  // No capital anywhere: "bU" is OCR'd capitals (ĐU), not a word the scan lower-cased.
  return t[j].kind == LmTokenKind::kWord && LetterCaseOf(w).upper == 0;
}

// Token |j| is a capitalised word ("Xuân" of "xã-Xuân Giang").
bool CapitalisedWordAt(std::string_view unit, const std::vector<LmToken>& t, size_t j) {
  if (j >= t.size() || t[j].kind != LmTokenKind::kWord) return false;
  std::string_view w = unit.substr(t[j].begin, t[j].end - t[j].begin);
  return StartsUpper(w) && !IsAllUpper(w);
}

// Capitals OCR ran together ("NHAGIAO", "KHOAHQCVACONGNGHE") and their cuts into
// syllables: |bounds| the byte offsets inside the word where some cut worth trying cuts,
// ascending; |spans| the syllables [begin, end) of those cuts.
struct GluedCuts {
  std::vector<uint32_t> bounds;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
};

// The cuts of |text| (ASCII capitals) into syllables two letters or more long: the one
// into syllables the model has readings for that the unigram model likes best (two that
// make a place name count as one), and every cut, with at most one syllable the OCR
// damaged (|damaged| reads it, "CHINE" is CHÍNH), within kCutMargin of the best such
// cut by unigram priors. The language model chooses among them (LatticeBuilder). False
// when |text| is a word or a syllable of its own, or no cut exists.
bool GluedSyllables(const ModelData& model, std::string_view text, const DamagedReading& damaged, GluedCuts* out) {
  constexpr size_t kMinLetters = 5, kMaxLetters = 40, kMaxSyllable = 7, kSpan = kMaxSyllable + 1;
  constexpr float kNone = -1e30f;
  // What a damaged syllable pays beyond its channel score, and how far below the best cut
  // another is still tried (log10).
  constexpr float kDamagedLog10 = -1.0f, kCutMargin = 3.0f;
  const size_t n = text.size();
  if (n < kMinLetters || n > kMaxLetters) return false;
  std::string k(n, ' ');
  for (size_t i = 0; i < n; ++i) {
    if (text[i] < 'A' || text[i] > 'Z') return false;
    k[i] = static_cast<char>(text[i] - 'A' + 'a');
  }
  if (model.WordId(k) != model.unk() || (IsWordKey(k) && !model.Candidates(k).empty())) return false;
  const std::string written = k;  // what the channel reads ("hqc")
  // A capital Q outside "qu" is an OCR'd Ọ or Ộ ("HQC" for HỌC).
  for (size_t i = 0; i < n; ++i)
    if (k[i] == 'q' && (i + 1 >= n || k[i + 1] != 'u')) k[i] = 'o';
  // Each span's unigram score, as a syllable with readings of its own (real) or as one
  // the OCR damaged.
  std::vector<float> real(n * kSpan, kNone), hurt(n * kSpan, kNone);
  for (size_t b = 0; b + 2 <= n; ++b) {
    for (size_t e = b + 2; e <= n && e - b <= kMaxSyllable; ++e) {
      const std::string_view piece = std::string_view(k).substr(b, e - b);
      std::span<const CandidateItem> readings;
      if (IsWordKey(piece)) readings = model.Candidates(piece);
      if (!readings.empty()) real[b * kSpan + e - b] = model.UnigramLogProb(readings.front().id);
      else if (damaged) {
        float d = damaged(std::string_view(written).substr(b, e - b));
        if (d > -1e8f) hurt[b * kSpan + e - b] = d + kDamagedLog10;
      }
    }
  }
  // The unigram model's cut into real syllables, with place-name pairs: an issuer glues
  // its commune's name ("XA TANHUNG" is Tân Hưng, not tả nhung).
  constexpr float kNamePairLog10 = 2.0f;
  auto name_pair = [&](std::string_view a, std::string_view b) {
    for (const CandidateItem& x : model.Candidates(a))
      for (const CandidateItem& y : model.Candidates(b))
        if (model.IsPlacePair(x.id, y.id)) return true;
    return false;
  };
  std::vector<float> best(n + 1, kNone);
  std::vector<uint32_t> from(n + 1, 0);
  best[0] = 0;
  for (size_t e = 2; e <= n; ++e) {
    for (size_t b = e >= kMaxSyllable ? e - kMaxSyllable : 0; b + 2 <= e; ++b) {
      if (best[b] == kNone || real[b * kSpan + e - b] == kNone) continue;
      float score = best[b] + real[b * kSpan + e - b];
      if (b > 0 && name_pair(std::string_view(k).substr(from[b], b - from[b]), std::string_view(k).substr(b, e - b)))
        score += kNamePairLog10;
      if (score > best[e]) best[e] = score, from[e] = static_cast<uint32_t>(b);
    }
  }
  out->bounds.clear();
  out->spans.clear();
  if (best[n] != kNone && from[n] != 0)
    for (size_t e = n; e != 0; e = from[e]) out->spans.push_back({from[e], static_cast<uint32_t>(e)});
  // Every cut's best score through each span, forward and backward, with d damaged
  // syllables (d = 0, 1): a span is worth trying when the best cut through it is close
  // to the best of all. The whole word as one damaged syllable is a cut too ("THANE" is
  // THÀNH, not THA NE), though not one to make the word glued.
  std::vector<float> fwd[2] = {std::vector<float>(n + 1, kNone), std::vector<float>(n + 1, kNone)};
  std::vector<float> bwd[2] = {std::vector<float>(n + 1, kNone), std::vector<float>(n + 1, kNone)};
  fwd[0][0] = 0;
  bwd[0][n] = 0;
  auto span_score = [&](size_t b, size_t e, int d) { return (d == 0 ? real : hurt)[b * kSpan + e - b]; };
  for (size_t e = 2; e <= n; ++e)
    for (size_t b = e >= kMaxSyllable ? e - kMaxSyllable : 0; b + 2 <= e; ++b)
      for (int d = 0; d < 2; ++d)
        if (float s = span_score(b, e, d); s != kNone)
          for (int c = d; c < 2; ++c)
            if (fwd[c - d][b] != kNone) fwd[c][e] = std::max(fwd[c][e], fwd[c - d][b] + s);
  for (size_t b = n - 1; b-- > 0;)
    for (size_t e = b + 2; e <= n && e - b <= kMaxSyllable; ++e)
      for (int d = 0; d < 2; ++d)
        if (float s = span_score(b, e, d); s != kNone)
          for (int c = d; c < 2; ++c)
            if (bwd[c - d][e] != kNone) bwd[c][b] = std::max(bwd[c][b], s + bwd[c - d][e]);
  const float total = std::max(fwd[0][n], fwd[1][n]);
  bool cut_kept = !out->spans.empty();
  if (total != kNone) {
    for (size_t b = 0; b + 2 <= n; ++b)
      for (size_t e = b + 2; e <= n && e - b <= kMaxSyllable; ++e)
        for (int d = 0; d < 2; ++d) {
          float s = span_score(b, e, d);
          if (s == kNone) continue;
          float through = kNone;
          for (int c1 = 0; c1 + d < 2; ++c1)
            for (int c2 = 0; c1 + d + c2 < 2; ++c2)
              if (fwd[c1][b] != kNone && bwd[c2][e] != kNone) through = std::max(through, fwd[c1][b] + s + bwd[c2][e]);
          if (through < total - kCutMargin) continue;
          if (std::find(out->spans.begin(), out->spans.end(), std::make_pair(uint32_t(b), uint32_t(e))) ==
              out->spans.end())
            out->spans.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
          cut_kept |= b > 0 || e < n;
        }
  }
  if (!cut_kept) return false;
  for (const auto& [b, e] : out->spans)
    for (uint32_t x : {b, e})
      if (x > 0 && x < n) out->bounds.push_back(x);
  std::sort(out->bounds.begin(), out->bounds.end());
  out->bounds.erase(std::unique(out->bounds.begin(), out->bounds.end()), out->bounds.end());
  return !out->bounds.empty();
}

// "PHUONG1BAOLOC", "XADAMRONG2": capitals and digits the OCR ran together, each run of
// capitals a syllable with readings or glued ones, two letters or more, six letters in
// all; the byte offsets where the runs change into |cuts|. Digits inside capitals that
// short ("C6NG", "XA4") stand for letters.
bool DigitsInCapitals(const ModelData& model, std::string_view text, const DamagedReading& damaged,
                      std::vector<uint32_t>* cuts) {
  cuts->clear();
  size_t letters = 0;
  bool digits = false;
  GluedCuts glued;
  std::string key;
  for (size_t b = 0; b < text.size();) {
    const bool digit = text[b] >= '0' && text[b] <= '9';
    size_t e = b;
    while (e < text.size() && ((text[e] >= '0' && text[e] <= '9') == digit)) {
      if (!digit && (text[e] < 'A' || text[e] > 'Z')) return false;
      ++e;
    }
    if (digit) {
      digits = true;
    } else {
      std::string_view run = text.substr(b, e - b);
      if (run.size() < 2) return false;
      key.assign(run);
      for (char& c : key) c = static_cast<char>(c - 'A' + 'a');
      if (!(IsWordKey(key) && !model.Candidates(key).empty()) && !GluedSyllables(model, run, damaged, &glued))
        return false;
      letters += run.size();
    }
    if (b > 0) cuts->push_back(static_cast<uint32_t>(b));
    b = e;
  }
  return digits && letters >= 6 && !cuts->empty();
}

// Capitalised words the OCR ran together ("GiaLai", "TrrongTraMy", "NguyénHoaiAn"): cut
// before each capital that follows a lower-case letter when the word is no syllable with
// readings of its own ("PhuOng", a capital O the OCR put for ơ, stays), every part after
// the first is capitalised, and every part is a syllable with readings or one the OCR
// channel reads (|damaged|), with a vowel. A lower-case first part needs two capitalised
// parts after it ("phiténgHoaiNhonDéng", not "phyOng": phường); parts that all read as
// written need two that make a name ("Gia Lai", not "BiBu" before an article's number).
// The byte offsets of the cuts into |cuts|.
bool CamelCuts(const ModelData& model, std::string_view text, const DamagedReading& damaged,
               std::vector<uint32_t>* cuts) {
  cuts->clear();
  bool lower_before = false;
  for (size_t pos = 0; pos < text.size();) {
    const size_t at = pos;
    const VietLetter& v = LookupLetter(NextCodePoint(text, &pos));
    if (v.base == 0) return false;
    if (v.upper && lower_before) cuts->push_back(static_cast<uint32_t>(at));
    lower_before = !v.upper;
  }
  if (cuts->empty() || (!StartsUpper(text) && cuts->size() < 2)) return false;
  std::string key, lower;
  LowerInto(text, &lower);
  if (model.WordId(lower) != model.unk() || (KeyInto(text, &key) && IsWordKey(key) && !model.Candidates(key).empty()))
    return false;
  bool all_read = true, name = false;
  std::string before;  // the previous part's key, when it reads as written
  for (size_t c = 0; c <= cuts->size(); ++c) {
    const size_t b = c == 0 ? 0 : (*cuts)[c - 1], e = c < cuts->size() ? (*cuts)[c] : text.size();
    const std::string_view part = text.substr(b, e - b);
    if ((c > 0 && !IsCapitalised(part)) || !KeyInto(part, &key) || key.size() < 2 ||
        key.find_first_of("aeiouy") == std::string::npos)
      return false;
    if (IsWordKey(key) && !model.Candidates(key).empty()) {
      if (!before.empty())
        for (const CandidateItem& x : model.Candidates(before))
          for (const CandidateItem& y : model.Candidates(key)) name |= model.IsNamePair(x.id, y.id);
      before = key;
      continue;
    }
    LowerInto(part, &lower);
    if (!damaged || damaged(lower) <= -1e8f) return false;
    all_read = false;
    before.clear();
  }
  return !all_read || name;
}

}  // namespace

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

void CutPieces(std::string_view unit, bool ocr, const ModelData& model, std::vector<LmToken>* toks,
               std::vector<Piece>* out, const DamagedReading& damaged) {
  out->clear();
  SplitLine(unit, toks);
  const std::vector<LmToken>& t = *toks;
  bool space = false, brk = false, line_start = true;
  std::string key, other_key;
  std::vector<uint32_t> cuts;
  GluedCuts glued;
  for (size_t i = 0; i < t.size();) {
    if (t[i].kind == LmTokenKind::kSpace) {
      std::string_view s = unit.substr(t[i].begin, t[i].end - t[i].begin);
      if (s.find_first_of("\r\n") != std::string_view::npos) brk = line_start = true;
      else space = true;
      ++i;
      continue;
    }
    // The chunk: tokens up to the next space.
    size_t chunk_end = i;
    while (chunk_end < t.size() && t[chunk_end].kind != LmTokenKind::kSpace) ++chunk_end;
    std::string_view chunk = unit.substr(t[i].begin, t[chunk_end - 1].end - t[i].begin);
    auto push = [&](uint32_t b, uint32_t e, PieceKind k) {
      out->push_back({b, e, k, space, brk, line_start});
      space = brk = line_start = false;
    };
    // Capitals glued at |glued|'s bounds into pieces from |at| (the word's first byte).
    auto push_glued = [&](uint32_t at, uint32_t end) {
      const size_t first = out->size();
      uint32_t b = at;
      for (uint32_t c : glued.bounds) {
        push(b, at + c, PieceKind::kWord);
        b = at + c;
        space = true;  // the space OCR dropped
      }
      push(b, end, PieceKind::kWord);
      for (size_t g = first + 1; g < out->size(); ++g) (*out)[g].glued = true;
      for (const auto& [sb, se] : glued.spans) {
        size_t p = first;
        while ((*out)[p].begin != at + sb) ++p;
        size_t q = p;
        while ((*out)[q].end != at + se) ++q;
        (*out)[p].syllables |= static_cast<uint8_t>(1u << (q - p));
      }
    };
    if (IsAddress(chunk)) {
      push(t[i].begin, t[chunk_end - 1].end, PieceKind::kFixed);
      i = chunk_end;
      continue;
    }
    while (i < chunk_end) {
      const LmToken& tok = t[i];
      std::string_view text = unit.substr(tok.begin, tok.end - tok.begin);
      if (ocr) {
        // A run of letters, digits and letter substitutes holding at least one letter
        // is one OCR word ("c¢6", "s@", "co's@"); a substitute alone is one too ("¢").
        size_t j = i;
        bool letters = false, substitutes = false;
        while (j < chunk_end) {
          const LmToken& u = t[j];
          char32_t cp = FirstCodePoint(unit.substr(u.begin, u.end - u.begin));
          if (u.kind == LmTokenKind::kWord || u.kind == LmTokenKind::kMixed) {
            letters = true;
          } else if (u.kind == LmTokenKind::kNumber) {
          } else if (u.kind == LmTokenKind::kPunct && IsLetterSubstitute(cp) &&
                     !IsAmpersandBetweenCodes(unit, t, j)) {
            substitutes = true;
          } else if (u.kind == LmTokenKind::kPunct && IsApostrophe(cp) && j > i && j + 1 < chunk_end &&
                     (t[j + 1].kind == LmTokenKind::kWord || t[j + 1].kind == LmTokenKind::kMixed)) {
          } else {
            break;
          }
          ++j;
        }
        bool lone_substitute = j == i + 1 && substitutes;
        if (j > i + 1 && (letters || substitutes) && (letters || j - i > 1)) {
          // Codes such as "QH15" joined to a symbol stay as they are.
          bool joined = (i > 0 && IsJoinerMark(unit, t[i - 1])) || (j < t.size() && IsJoinerMark(unit, t[j]));
          std::string_view run = unit.substr(t[i].begin, t[j - 1].end - t[i].begin);
          push(t[i].begin, t[j - 1].end, joined && !substitutes && IsAllUpper(run) ? PieceKind::kFixed : PieceKind::kWord);
          i = j;
          continue;
        }
        if (lone_substitute) {
          push(tok.begin, tok.end, PieceKind::kWord);
          ++i;
          continue;
        }
      }
      switch (tok.kind) {
        case LmTokenKind::kNumber:
          push(tok.begin, tok.end, PieceKind::kNumber);
          break;
        case LmTokenKind::kPunct:
          // OCR reads a space as a hyphen or a dot ("dieu-chinh", "ké.tir", "xa-Xuan
          // Giang"): between two lower-case words, or a hyphen before a name, it stays in
          // the text between them (TokenWriter::Write makes it a space again) but out of the
          // sentence the model reads.
          if (ocr && (text == "-" || text == ".") && LowerWordAt(unit, t, i - 1) &&
              (LowerWordAt(unit, t, i + 1) || (text == "-" && CapitalisedWordAt(unit, t, i + 1))))
            break;
          push(tok.begin, tok.end, PieceKind::kPunct);
          break;
        case LmTokenKind::kMixed: {
          bool joined = Joined(unit, t, i);
          if (ocr && !joined && DigitsInCapitals(model, text, damaged, &cuts)) {
            uint32_t b = tok.begin;
            for (size_t c = 0; c <= cuts.size(); ++c) {
              const uint32_t e = c < cuts.size() ? tok.begin + cuts[c] : tok.end;
              std::string_view run = unit.substr(b, e - b);
              const size_t first = out->size();
              if (run[0] >= '0' && run[0] <= '9') push(b, e, PieceKind::kNumber);
              else if (GluedSyllables(model, run, damaged, &glued)) push_glued(b, e);
              else push(b, e, PieceKind::kWord);
              (*out)[first].glued = b != tok.begin;
              b = e;
              space = true;  // the space OCR dropped
            }
            space = false;
            break;
          }
          // "QH15", "25.12.LQ", typed "5a", "m2": codes; OCR's "s6", "1am": damage worth reading.
          // An OCR'd item number of two digits ("16a") may be a word too ("16i" lối, "46i"
          // đối): a number piece, which the lattice reads both ways (AddNumberEdge).
          if (ocr && !joined && text.size() == 3 && IsNumberedItem(text, /*strict=*/true)) {
            push(tok.begin, tok.end, PieceKind::kNumber);
            break;
          }
          // "0D-BLĐTBXH": a symbol part whose Q the scan read as a zero.
          if (ocr && joined && IsAllUpper(text) && !SymbolForm(model, text, ocr, &key).empty()) {
            push(tok.begin, tok.end, PieceKind::kSymbol);
            break;
          }
          push(tok.begin, tok.end,
               !ocr || (joined && IsAllUpper(text)) || IsMeasurement(text) || IsNumberedItem(text, /*strict=*/true)
                   ? PieceKind::kFixed
                   : PieceKind::kWord);
          break;
        }
        case LmTokenKind::kWord: {
          bool joined = Joined(unit, t, i);
          if (ocr && !joined && CamelCuts(model, text, damaged, &cuts) && cuts.size() < 8) {
            // Each part a syllable, or the word whole (a foreign name, "PayPal"): the
            // search chooses.
            const size_t first = out->size();
            uint32_t b = tok.begin;
            for (size_t c = 0; c <= cuts.size(); ++c) {
              const uint32_t e = c < cuts.size() ? tok.begin + cuts[c] : tok.end;
              push(b, e, PieceKind::kWord);
              (*out)[out->size() - 1].glued = c > 0;
              (*out)[out->size() - 1].syllables = 1;
              b = e;
              space = true;  // the space OCR dropped
            }
            (*out)[first].syllables |= static_cast<uint8_t>(1u << cuts.size());
            space = false;
            break;
          }
          // English OCR reads the Đ of a symbol part as a lower-case b ("Qb/TW" for
          // QĐ/TW): capitals with such a b, joined in a symbol, are that part.
          if (ocr && joined && IsCapitalsWithB(text)) {
            const std::string_view form = SymbolForm(model, text, ocr, &key);
            if (form.find("Đ") != std::string_view::npos) {
              push(tok.begin, tok.end, PieceKind::kSymbol);
              break;
            }
          }
          bool has_key = KeyInto(text, &key);
          bool upper = text.size() >= 2 && IsAllUpper(text);
          bool syllable = has_key && IsWordKey(key);
          bool symbol = upper && (joined || !syllable);
          // Two capitals syllables joined by a hyphen are words: "LAO DONG-THUONG BINH" is
          // Lao động - Thương binh. Symbols join codes to codes ("NQ-HĐND", "CT-TU").
          auto hyphened_syllable = [&](size_t joiner, size_t word) {
            if (joiner >= t.size() || word >= t.size() || unit[t[joiner].begin] != '-' ||
                t[word].kind != LmTokenKind::kWord)
              return false;
            std::string_view w = unit.substr(t[word].begin, t[word].end - t[word].begin);
            return w.size() >= 2 && IsAllUpper(w) && KeyInto(w, &other_key) && other_key.size() >= 2 &&
                   IsSyllableKey(other_key) && SymbolForm(model, w, ocr, &other_key).empty();
          };
          if (symbol && joined && syllable && key.size() >= 2 && SymbolForm(model, text, ocr, &key).empty() &&
              ((i >= 2 && hyphened_syllable(i - 1, i - 2)) || hyphened_syllable(i + 1, i + 2)))
            symbol = false;
          // Two capitals before a lower-case word are a word the OCR capitalised ("BS
          // trưởng" is Bộ trưởng, "TS chức" Tổ chức): abbreviations stand before names,
          // numbers and other capitals. Roman numerals stay ("khóa XX về").
          if (symbol && ocr && !joined && text.size() == 2 && text.find_first_not_of("IVXLCDM") != std::string_view::npos &&
              i + 1 == chunk_end && i + 2 < t.size() &&
              t[i + 1].kind == LmTokenKind::kSpace &&
              unit.substr(t[i + 1].begin, t[i + 1].end - t[i + 1].begin).find_first_of("\r\n") == std::string_view::npos &&
              LowerWordAt(unit, t, i + 2))
            symbol = false;
          if (symbol && ocr && !joined && SymbolForm(model, text, ocr, &key).empty() &&
              (!has_key || model.SymbolPart(key) == nullptr)) {
            symbol = false;
            if (GluedSyllables(model, text, damaged, &glued)) {
              push_glued(tok.begin, tok.end);
              break;
            }
          }
          push(tok.begin, tok.end, symbol ? PieceKind::kSymbol : PieceKind::kWord);
          break;
        }
        case LmTokenKind::kSpace:
          break;
      }
      ++i;
    }
  }
}

}  // namespace vanban::internal
