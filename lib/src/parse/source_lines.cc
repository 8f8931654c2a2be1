#include "parse/source_lines.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <sstream>

#include "text/fold.h"
#include "text/utf8.h"

namespace vanban::internal {
namespace {

// The code point at |i| (text/utf8.h) and its length in bytes.
char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  size_t next = i;
  const char32_t cp = NextCodePoint(s, &next);
  *len = next - i;
  return cp;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

}  // namespace

void AppendFoldWithOffsets(std::string_view text, std::vector<uint32_t>* offsets, std::string* out) {
  // Where a capital Q or a section sign stands (rare): a flag per code point was an
  // allocation a line.
  std::vector<size_t> capital_q, section_sign;
  offsets->clear();
  // Sized up front: grown by doubling, the offsets of a long text (4 bytes per code point)
  // would take up to twice the room they need.
  size_t code_points = 0;
  for (char c : text) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  offsets->reserve(code_points + 1);
  const size_t base = out->size();
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    char32_t cp = DecodeAt(text, i, &len);
    if (cp == 'Q') capital_q.push_back(offsets->size());
    if (cp == U'\u00a7') section_sign.push_back(offsets->size());
    offsets->push_back(static_cast<uint32_t>(i));
    out->push_back(FoldToKeyByte(cp));
    i += len;
  }
  offsets->push_back(static_cast<uint32_t>(text.size()));
  // Contextual OCR folds, applied on the key only (the source stays untouched).
  char* key = out->data() + base;
  const size_t n = out->size() - base;
  size_t next_q = 0;  // the first entry of capital_q not behind i
  size_t next_section = 0;  // the first entry of section_sign not behind i
  for (size_t i = 0; i < n; ++i) {
    bool word_start = i == 0 || !IsAsciiLetter(key[i - 1]);
    char next = i + 1 < n ? key[i + 1] : ' ';
    char prev = i > 0 ? key[i - 1] : ' ';
    if (key[i] == 'p' && word_start && IsVowel(next)) key[i] = 'd';  // Pang, Poc -> dang, doc
    if (key[i] == 'w') key[i] = 'u';                                 // Tw, trung wong
    if (key[i] == '&' && IsAsciiLetter(prev) && !IsAsciiLetter(next)) key[i] = 'o';  // x&, s&
    if (key[i] == '&' && prev == ' ' && next == ' ') key[i] = 'o';                    // "dân chủ & cơ sở"
    // Vietnamese has no j: inside a word it is an OCR'd ị ("Nghj định").
    if (key[i] == 'j' && IsAsciiLetter(prev)) key[i] = 'i';
    // "$6:" is an OCR'd "Số:".
    if (key[i] == '$' && word_start && (next == 'o' || (next >= '0' && next <= '9'))) key[i] = 's';
    // So is "§6:" (the sign folds to an a elsewhere: "§" for "ã").
    const bool is_section = next_section < section_sign.size() && section_sign[next_section] == i;
    if (is_section) ++next_section;
    if (is_section && word_start && (next == 'o' || (next >= '0' && next <= '9'))) key[i] = 's';
    // A capital Q between a consonant and a vowel is an OCR'd Ộ ("HQI"): Vietnamese has Q
    // only in "qu", and codes keep theirs ("NQ-", "BQL").
    const bool is_capital_q = next_q < capital_q.size() && capital_q[next_q] == i;
    if (is_capital_q) ++next_q;
    if (is_capital_q && IsAsciiLetter(prev) && !IsVowel(prev) && IsVowel(next) && next != 'u') key[i] = 'o';
    // A quote glued to the start of a word is OCR's reading of a gap ("nhan 'dan").
    if ((key[i] == '\'' || key[i] == '"') && (i == 0 || key[i - 1] == ' ') && IsAsciiLetter(next)) key[i] = ' ';
  }
}

std::string FoldWithOffsets(std::string_view text, std::vector<uint32_t>* offsets) {
  std::string key;
  size_t code_points = 0;
  for (char c : text) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  key.reserve(code_points);  // a byte per code point (more for invalid UTF-8)
  AppendFoldWithOffsets(text, offsets, &key);
  return key;
}

std::vector<std::string> CodePoints(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    DecodeAt(text, i, &len);
    out.emplace_back(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string_view FirstCodePoint(std::string_view text) {
  if (text.empty()) return {};
  size_t len = 1;
  DecodeAt(text, 0, &len);
  return text.substr(0, len);
}

namespace {

bool IsSpeck(char c) {
  return c == '|' || c == '_' || c == ':' || c == ';' || c == '.' || c == ',' || c == '=' || c == '^' || c == '`';
}

// Specks that only count at the start of a line: quotes ("\"$6: 87/BC-UBND") and '>'. The
// body reads amendment quotations from the raw text, not from the key.
bool IsLeadingSpeck(char c) { return IsSpeck(c) || c == '"' || c == '\'' || c == '>'; }

// A list marker starts at |i|: "2." "12," "a)" "IV.".
bool MarkerAt(std::string_view k, size_t i) {
  size_t j = i;
  while (j < k.size() && j - i < 3 && k[j] >= '0' && k[j] <= '9') ++j;
  if (j > i) {
    while (j < k.size() && k[j] == ' ') ++j;
    return j < k.size() && (k[j] == '.' || k[j] == ',' || k[j] == ')');
  }
  if (i >= k.size() || k[i] < 'a' || k[i] > 'z') return false;
  if (i + 1 < k.size() && k[i + 1] == ')') return true;
  while (j < k.size() && (k[j] == 'i' || k[j] == 'v' || k[j] == 'x' || k[j] == 'l')) ++j;
  return j > i && j < k.size() && k[j] == '.';
}

bool PunctToken(const std::string& t) {
  return t.find_first_not_of("|_:;.,=-~\"'`^*!") == std::string::npos;
}

}  // namespace

void BlankEdgeNoise(std::string_view raw, const CodePointOffsets& raw_off, std::span<char> k, size_t* core_begin,
                    size_t* core_end) {
  size_t i = 0;
  while (i < k.size()) {
    char c = k[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    if (c == '|') {
      // "|. MUC DICH" and "|I." are OCR'd Roman numerals, not specks.
      size_t j = i + 1;
      while (j < k.size() && k[j] == ' ') ++j;
      size_t t = j + 1;
      while (t < k.size() && k[t] == ' ') ++t;
      bool numeral = j < k.size() && k[j] == '.' && t < k.size() && IsAsciiLetter(k[t]);
      if ((i + 1 < k.size() && k[i + 1] != ' ') || numeral) break;
    }
    // "= Các đồng chí": an OCR'd bullet.
    if (c == '=' && i + 2 < k.size() && k[i + 1] == ' ' && IsAsciiLetter(k[i + 2])) {
      k[i] = '-';
      break;
    }
    if (IsLeadingSpeck(c)) {
      k[i++] = ' ';
      continue;
    }
    if (c == '-' || c == '~') {
      // "~. 2. Phòng", "~_-b) Tổ chức": a smudge in front of the real marker.
      size_t j = i + 1;
      while (j < k.size() && (k[j] == ' ' || k[j] == '-' || k[j] == '~' || IsSpeck(k[j]))) ++j;
      if (j < k.size() && MarkerAt(std::string_view(k.data(), k.size()), j)) {
        for (size_t x = i; x < j; ++x) k[x] = ' ';
        i = j;
      }
    }
    break;
  }
  size_t begin = i;
  size_t end = k.size();
  bool last = true;  // examining the line's last token
  while (true) {
    while (end > begin && k[end - 1] == ' ') --end;
    if (end <= begin) break;
    size_t s = end;
    while (s > begin && k[s - 1] != ' ') --s;
    if (s == begin) break;  // never blank the only token
    std::string tok(k.data() + s, end - s);
    size_t pe = s;
    while (pe > begin && k[pe - 1] == ' ') --pe;
    size_t ps = pe;
    while (ps > begin && k[ps - 1] != ' ') --ps;
    std::string prev(k.data() + ps, pe - ps);
    bool noise = false;
    if (tok != "./." && PunctToken(tok)) {
      // A short label line keeps its colon ("Kính gửi :", "QUYẾT ĐỊNH :"); after a long
      // line a lone colon is a speck.
      size_t words_before = std::count(k.begin() + begin, k.begin() + s, ' ');
      bool colon = tok == ":" && last && prev.size() >= 2 && prev.back() >= 'a' && prev.back() <= 'z' &&
                   s - begin <= 24 && words_before <= 4;
      noise = !colon;
    } else if (TrimChars(tok, "?!").size() <= 4 && !TrimChars(tok, "?!").empty() && !prev.empty()) {
      tok = TrimChars(tok, "?!");  // "… xã hội; eee?"
      // A lower-case speck word after punctuation: any short one after a speck or a full
      // stop ("tỉnh. a"); after ';' or ',' only one no syllable looks like ("ee", "ss").
      bool ascii_lower = true;
      for (size_t x = raw_off.At(s, raw.data()); x < raw_off.At(end, raw.data()); ++x) {
        char r = raw[x];
        ascii_lower &= (r >= 'a' && r <= 'z') || r == '?' || r == '!';
      }
      size_t vowels = std::count_if(tok.begin(), tok.end(), [](char c) { return IsVowel(c); });
      bool unsyllabic = vowels == 0 || vowels == tok.size();
      char pb = prev.back();
      noise = ascii_lower && (PunctToken(prev) || pb == '.' || ((pb == ';' || pb == ',' || pb == ':') && unsyllabic));
    }
    if (!noise) break;
    for (size_t x = s; x < end; ++x) k[x] = ' ';
    end = s;
    last = false;
  }
  *core_begin = begin;
  *core_end = std::max(begin, end);
}

std::string Line::Text() const { return Trim(Value(core_begin, core_end)); }

std::string Line::Raw(size_t a, size_t b) const {
  a = std::min(a, key.size());
  b = std::min(std::max(a, b), key.size());
  return std::string(raw.substr(RawOffset(a), RawOffset(b) - RawOffset(a)));
}

std::string Line::Value(size_t a, size_t b) const {
  if (aligned == nullptr) return Raw(a, b);
  a = std::min(a, key.size());
  b = std::min(std::max(a, b), key.size());
  const CodePointOffsets& off = aligned->off;
  const char* text = aligned->value.data();
  return std::string(aligned->value.substr(off.At(a, text), off.At(b, text) - off.At(a, text)));
}

namespace {
// Lines without their CR: documents saved on Windows read like any other.
std::vector<std::string_view> LinesWithoutCr(std::string_view text) {
  std::vector<std::string_view> out = SplitLines(text);
  for (std::string_view& l : out) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  }
  return out;
}
}  // namespace

namespace {
// Runs of spaces and of non-spaces: [start, end) code point ranges.
std::vector<std::pair<size_t, size_t>> Runs(std::string_view key) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t i = 0; i < key.size();) {
    size_t j = i;
    bool space = key[i] == ' ';
    while (j < key.size() && (key[j] == ' ') == space) ++j;
    runs.push_back({i, j});
    i = j;
  }
  return runs;
}
}  // namespace

// Code points at the end of |run| of |key| that are neither letters nor digits ("," of
// "Nội,").
size_t PunctuationTail(std::string_view key, std::pair<size_t, size_t> run) {
  size_t n = 0;
  while (n < run.second - run.first) {
    char c = key[run.second - 1 - n];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) break;
    ++n;
  }
  return n;
}

// When restoration changed the length of some words ("1ap" -> "lập" keeps it, "S6:" ->
// "Số:" too, but not every fix does), map source positions word by word: same number of
// words and identical spacing, positions inside a word clamped to the restored word, and
// punctuation at a word's end mapped from the end when both words end in as much ("Ni,"
// -> "Nội,": the comma is the comma, and the place before it keeps its last letter).
bool AlignByWords(std::string_view raw_key, std::string_view val_key, const std::vector<uint32_t>& val_cp_off,
                  std::vector<uint32_t>* out) {
  auto a = Runs(raw_key), b = Runs(val_key);
  if (a.size() != b.size()) return false;
  for (size_t r = 0; r < a.size(); ++r) {
    bool sa = raw_key[a[r].first] == ' ', sb = val_key[b[r].first] == ' ';
    if (sa != sb || (sa && a[r].second - a[r].first != b[r].second - b[r].first)) return false;
  }
  out->assign(raw_key.size() + 1, 0);
  for (size_t r = 0; r < a.size(); ++r) {
    const size_t na = a[r].second - a[r].first, nb = b[r].second - b[r].first;
    const size_t tail = PunctuationTail(raw_key, a[r]);
    const bool same_tail = tail > 0 && tail < na && tail == PunctuationTail(val_key, b[r]) && tail < nb;
    for (size_t c = a[r].first; c < a[r].second; ++c) {
      size_t i = c - a[r].first;
      size_t o = !same_tail ? std::min(i, nb - 1) : i >= na - tail ? nb - (na - i) : std::min(i, nb - tail - 1);
      (*out)[c] = val_cp_off[b[r].first + o];
    }
  }
  (*out)[raw_key.size()] = val_cp_off.back();
  return true;
}

namespace {
// Whether two keys of as many code points have their spaces at the same places.
bool SameSpaces(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] == ' ') != (b[i] == ' ')) return false;
  return true;
}

// What a code point the restored line has and the source lacks costs: a space is free,
// since the restorer puts back the spaces OCR dropped between glued capitals ("VAXAHOL"
// is VÀ XÃ HỘI) and a line with several would otherwise count as rewritten.
uint32_t Inserted(char c) { return c == ' ' ? 0 : 1; }
}  // namespace

bool AlignByEdits(std::string_view raw_key, std::string_view val_key, const std::vector<uint32_t>& val_cp_off,
                  std::vector<uint32_t>* out) {
  constexpr size_t kMaxCells = size_t{1} << 20;  // a 1000-character line against itself
  const size_t n = raw_key.size(), m = val_key.size();
  if (n == 0 || m == 0 || (n + 1) * (m + 1) > kMaxCells || val_cp_off.size() != m + 1) return false;
  const size_t w = m + 1;
  std::vector<uint32_t> d((n + 1) * w);
  for (size_t j = 1; j <= m; ++j) d[j] = d[j - 1] + Inserted(val_key[j - 1]);
  for (size_t i = 1; i <= n; ++i) {
    d[i * w] = static_cast<uint32_t>(i);
    for (size_t j = 1; j <= m; ++j) {
      uint32_t sub = d[(i - 1) * w + j - 1] + (raw_key[i - 1] == val_key[j - 1] ? 0 : 1);
      d[i * w + j] = std::min({sub, d[(i - 1) * w + j] + 1, d[i * w + j - 1] + Inserted(val_key[j - 1])});
    }
  }
  if (d[n * w + m] * 4 > std::max(n, m)) return false;
  // Walk back: each source code point maps to the restored one it was aligned with, or
  // (deleted) to the position after it.
  out->assign(n + 1, 0);
  (*out)[n] = val_cp_off[m];
  size_t i = n, j = m;
  while (i > 0) {
    if (j > 0 && d[i * w + j] == d[(i - 1) * w + j - 1] + (raw_key[i - 1] == val_key[j - 1] ? 0 : 1)) {
      (*out)[i - 1] = val_cp_off[j - 1];
      --i, --j;
    } else if (j > 0 && d[i * w + j] == d[i * w + j - 1] + Inserted(val_key[j - 1])) {
      --j;
    } else {
      (*out)[i - 1] = val_cp_off[j];
      --i;
    }
  }
  return true;
}

SourceLines::SourceLines(std::string_view text, std::string_view restored, int first_line) {
  std::vector<std::string_view> raw = LinesWithoutCr(text);
  std::vector<std::string_view> val;
  if (!restored.empty()) {
    val = LinesWithoutCr(restored);
    if (val.size() != raw.size()) val.clear();
  }
  restored_ = !val.empty();
  lines_.reserve(raw.size());
  if (restored_) aligned_.reserve(raw.size());  // lines point into it: it never moves
  // Where each line's entries start in store_: pointers are set once it stops growing.
  std::vector<std::pair<size_t, size_t>> stored;
  stored.reserve(raw.size());
  // Every key is one byte per code point: the keys take the text's code points and a '\n'
  // a line, sized once (for valid UTF-8).
  size_t key_bytes = raw.size();
  for (std::string_view r : raw) {
    for (char c : r) key_bytes += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  keys_.reserve(key_bytes);
  std::vector<uint32_t> raw_off, off, aligned;
  for (size_t i = 0; i < raw.size(); ++i) {
    Line l;
    l.number = first_line + static_cast<int>(i);
    l.raw = raw[i];
    // Folded in place: a copy of a 5 MB line's key would be 5 MB more at its peak.
    const size_t key_at = keys_.size();
    AppendFoldWithOffsets(l.raw, &raw_off, &keys_);
    const std::span<char> key(keys_.data() + key_at, keys_.size() - key_at);
    const std::string_view key_view(key.data(), key.size());
    size_t raw_at = store_.size();
    l.raw_off = Compact(l.raw, raw_off, true);
    size_t val_at = store_.size();
    if (restored_) {
      std::string vkey = FoldWithOffsets(val[i], &off);
      // As many code points is not yet one to one: "BHiéu … Ae" restored "Điều … lực" has
      // as many, one word shorter and one longer. Where the spaces moved, the words are
      // aligned; one to one is the last resort.
      const bool same_size = off.size() == raw_off.size();
      if (!(same_size && SameSpaces(key_view, vkey)) &&
          (AlignByWords(key_view, vkey, off, &aligned) || AlignByEdits(key_view, vkey, off, &aligned))) {
        aligned_.push_back({val[i], Compact(val[i], aligned, false)});
        l.aligned = &aligned_.back();
      } else if (same_size) {
        aligned_.push_back({val[i], Compact(val[i], off, true)});
        l.aligned = &aligned_.back();
      }
    }
    stored.emplace_back(raw_at, val_at);
    if (l.raw_off.kind_ != CodePointOffsets::Kind::kAscii) l.raw_off.data_ = store_.data() + raw_at;
    l.had_text = key_view.find_first_not_of(" ") != std::string::npos;
    size_t core_begin = 0, core_end = 0;
    BlankEdgeNoise(l.raw, l.raw_off, key, &core_begin, &core_end);
    l.core_begin = static_cast<uint32_t>(core_begin);
    l.core_end = static_cast<uint32_t>(core_end);
    l.blank = key_view.find_first_not_of(" ") == std::string::npos;
    l.key = std::string_view(nullptr, key.size());  // placed below, once keys_ stops growing
    keys_.push_back('\n');
    lines_.push_back(l);
  }
  store_.shrink_to_fit();
  for (size_t i = 0, at = 0; i < lines_.size(); ++i) {
    lines_[i].key = std::string_view(keys_.data() + at, lines_[i].key.size());
    at += lines_[i].key.size() + 1;
    if (lines_[i].raw_off.kind_ != CodePointOffsets::Kind::kAscii) lines_[i].raw_off.data_ = store_.data() + stored[i].first;
    if (lines_[i].aligned != nullptr && lines_[i].aligned->off.kind_ != CodePointOffsets::Kind::kAscii) {
      aligned_[lines_[i].aligned - aligned_.data()].off.data_ = store_.data() + stored[i].second;
    }
  }
}

CodePointOffsets SourceLines::Compact(std::string_view line, const std::vector<uint32_t>& offsets,
                                      bool own_code_points) {
  CodePointOffsets c;
  c.size_ = static_cast<uint32_t>(offsets.size());
  if (own_code_points && offsets.size() == line.size() + 1) return c;  // one byte each: ASCII
  size_t at = store_.size();
  // Checkpoints only where stepping over UTF-8 sequences finds every offset again (always,
  // for the valid UTF-8 ParseDocument passes).
  bool steps = own_code_points;
  for (size_t i = 0; steps && i + 1 < offsets.size(); ++i) {
    steps = offsets[i] < line.size() && offsets[i + 1] == offsets[i] + Utf8SequenceLength(line[offsets[i]]);
  }
  if (steps) {
    c.kind_ = CodePointOffsets::Kind::kCheckpoints;
    for (size_t i = CodePointOffsets::kStride; i < offsets.size(); i += CodePointOffsets::kStride) store_.push_back(offsets[i]);
  } else {
    c.kind_ = CodePointOffsets::Kind::kTable;
    store_.insert(store_.end(), offsets.begin(), offsets.end());
  }
  c.data_ = store_.data() + at;  // provisional: the constructor sets it once store_ is complete
  return c;
}

std::string SourceLines::JoinValue(size_t first, size_t last) const {
  std::string out;
  for (size_t i = first; i <= last && i < lines_.size(); ++i) {
    std::string t = lines_[i].Text();
    if (t.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
  return CollapseSpaces(out);
}

std::string SourceLines::JoinRaw(size_t first, size_t last) const {
  std::string out;
  for (size_t i = first; i <= last && i < lines_.size(); ++i) {
    if (lines_[i].blank) continue;
    if (!out.empty()) out.push_back('\n');
    out += lines_[i].raw;
  }
  return out;
}

void Flat::Add(const Line& line, int index) {
  if (!own_.empty()) own_.push_back('\n');
  starts_.emplace_back(own_.size(), index);
  own_ += line.key;
  key = own_;
}

std::pair<int, int> Flat::Pos(size_t p) const {
  if (src_ != nullptr) {
    p = std::min(p, key.size() - 1);  // a view holds a key at least
    const char* base = key.data();
    // The first line starting after |p|, as below; the lines' keys are in order in memory.
    size_t lo = first_, hi = last_;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (static_cast<size_t>((*src_)[mid].key.data() - base) > p) hi = mid;
      else lo = mid + 1;
    }
    if (key[p] == '\n' && lo < last_) return {static_cast<int>(lo), -1};
    return {static_cast<int>(lo - 1), static_cast<int>(p - static_cast<size_t>((*src_)[lo - 1].key.data() - base))};
  }
  if (starts_.empty()) return {0, -1};
  p = std::min(p, key.empty() ? 0 : key.size() - 1);
  // The first line starting after |p|: a '\n' belongs to it, any other byte to the one before.
  auto after = std::upper_bound(starts_.begin(), starts_.end(), p,
                                [](size_t x, const std::pair<size_t, int>& s) { return x < s.first; });
  if (p < key.size() && key[p] == '\n' && after != starts_.end()) return {after->second, -1};
  const auto& [start, index] = *std::prev(after);
  return {index, static_cast<int>(p - start)};
}

namespace {
template <class F>
std::string FlatSlice(const Flat& f, size_t a, size_t b, F slice) {
  std::string out;
  b = std::min(b, f.key.size());
  size_t i = a;
  while (i < b) {
    if (f.key[i] == '\n') {
      out.push_back(' ');
      ++i;
      continue;
    }
    auto [line, column] = f.Pos(i);
    // Line keys hold no '\n'. Looked for before |b| only: a slice of a megabyte-long line
    // would scan the rest of it, once per value read from it.
    size_t j = std::min(b, std::string_view(f.key).substr(0, b).find('\n', i));
    out += slice(line, static_cast<size_t>(column), static_cast<size_t>(column) + (j - i));
    i = j;
  }
  return CollapseSpaces(Trim(out));
}
}  // namespace

std::string Flat::Value(const SourceLines& src, size_t a, size_t b) const {
  return FlatSlice(*this, a, b, [&](int l, size_t x, size_t y) { return src[l].Value(x, y); });
}

std::string Flat::Raw(const SourceLines& src, size_t a, size_t b) const {
  return FlatSlice(*this, a, b, [&](int l, size_t x, size_t y) { return src[l].Raw(x, y); });
}

LineSpan Flat::Span(const SourceLines& src, size_t a, size_t b) const {
  if (key.empty() || a >= key.size()) return {};
  b = std::min(std::max(b, a + 1), key.size());
  return {src[Pos(a).first].number, src[Pos(b - 1).first].number};
}

const RE2::Options& ReOptions() {
  static const RE2::Options* opts = [] {
    auto* o = new RE2::Options();
    o->set_log_errors(false);
    return o;
  }();
  return *opts;
}

bool Find(const RE2& re, std::string_view text, size_t from, Match* m) {
  if (from > text.size()) return false;
  int n = re.NumberOfCapturingGroups() + 1;
  m->groups.assign(n, re2::StringPiece());
  m->base = text;
  return re.Match(re2::StringPiece(text.data(), text.size()), from, text.size(), RE2::UNANCHORED,
                  m->groups.data(), n);
}

bool FindAnchored(const RE2& re, std::string_view text, Match* m) {
  // Most lines match none of the patterns tried on them. Asked for groups, RE2 runs its
  // bit-state engine on short texts straight away (a fresh bitmap per call); asked for
  // none, it runs the cached DFA, which allocates nothing.
  if (!re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
    m->groups.clear();
    m->base = text;
    return false;
  }
  int n = re.NumberOfCapturingGroups() + 1;
  m->groups.assign(n, re2::StringPiece());
  m->base = text;
  return re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::ANCHOR_START,
                  m->groups.data(), n);
}

std::string Trim(std::string_view s) { return TrimChars(s, ""); }

std::string TrimChars(std::string_view s, std::string_view chars) {
  auto strip = [&](char c) { return c == ' ' || c == '\t' || c == '\r' || chars.find(c) != std::string_view::npos; };
  size_t a = 0, b = s.size();
  while (a < b && strip(s[a])) ++a;
  while (b > a && strip(s[b - 1])) --b;
  return std::string(s.substr(a, b - a));
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());  // grown by doubling, a record's texts would take up to twice their size
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

double UpperRatio(std::string_view utf8) {
  int upper = 0, letters = 0;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    char32_t cp = DecodeAt(utf8, i, &len);
    i += len;
    char f = FoldToKeyByte(cp);
    if (f < 'a' || f > 'z') continue;
    ++letters;
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') ++upper;
    } else {
      // Vietnamese capitals: Latin-1 capitals, Đ, Ơ, Ư and the even code points of
      // the Latin Extended Additional block (U+1EA0..U+1EF9 alternate upper/lower).
      if ((cp >= 0xC0 && cp <= 0xDD) || cp == 0x110 || cp == 0x1A0 || cp == 0x1AF ||
          (cp >= 0x1EA0 && cp <= 0x1EF9 && cp % 2 == 0) || cp == 0x102 || cp == 0x128 || cp == 0x168) {
        ++upper;
      }
    }
  }
  return letters == 0 ? 0.0 : static_cast<double>(upper) / letters;
}

int RomanValue(std::string_view s) {
  static const std::string kRomans[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
                                        "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
  for (int i = 1; i <= 20; ++i) {
    if (s == kRomans[i]) return i;
  }
  return 0;
}

std::string ToRoman(int n) {
  static const char* kRomans[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                  "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
  return n >= 1 && n <= 20 ? kRomans[n] : std::to_string(n);
}

std::string RepairRoman(std::string_view raw) {
  std::string s;
  for (char c : raw) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (l == 'l' || l == '1' || l == '|' || l == '!') l = 'i';
    s.push_back(l);
  }
  int v = RomanValue(s);
  return v ? ToRoman(v) : std::string();
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool ValidDate(int day, int month, int year) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return false;
  return day <= kDays[month - 1];
}

std::string IsoDate(int day, int month, int year) {
  char buf[32];
  std::string y = year > 0 ? std::to_string(year) : "????";
  std::string m = month > 0 ? (month < 10 ? "0" : "") + std::to_string(month) : "??";
  std::string d = day > 0 ? (day < 10 ? "0" : "") + std::to_string(day) : "??";
  std::snprintf(buf, sizeof buf, "%s-%s-%s", y.c_str(), m.c_str(), d.c_str());
  return buf;
}

int ToInt(std::string_view digits) {
  if (digits.empty() || digits.size() > 6) return -1;
  int v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

size_t KeyLetters(std::string_view key) {
  return std::count_if(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string KeyLetterString(std::string_view key) {
  std::string out;
  std::copy_if(key.begin(), key.end(), std::back_inserter(out), [](char c) { return c >= 'a' && c <= 'z'; });
  return out;
}

std::vector<std::string> WhitespaceWords(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) out.push_back(std::move(w));
  return out;
}

std::vector<std::pair<size_t, size_t>> KeyTokens(const Line& l, size_t a, size_t b) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = a; i < b;) {
    while (i < b && l.key[i] == ' ') ++i;
    size_t j = i;
    while (j < b && l.key[j] != ' ') ++j;
    if (j > i) out.push_back({i, j});
    i = j;
  }
  return out;
}

size_t WithoutUnopenedCloser(std::string_view key, size_t a, size_t b) {
  while (b > a) {
    const char c = key[b - 1];
    const char open = c == ')' ? '(' : c == ']' ? '[' : c == '}' ? '{' : c == '"' ? '"' : 0;
    if (open == 0 || key.substr(a, b - 1 - a).find(open) != std::string_view::npos) break;
    --b;
  }
  return b;
}

}  // namespace vanban::internal
