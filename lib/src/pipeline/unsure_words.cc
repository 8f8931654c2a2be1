// The restorer's unsure words found again in the parsed values (see unsure_words.h).
//
// A value is the restored text of its lines, trimmed, joined and sometimes respelled
// (units written out or recased, "Ủy ban Nhân dân" -> "Ủy ban nhân dân"), and not always
// one piece of it: the issuer of a flattened two-column header is the left half of two
// lines whose right halves hold the national motto. So the value's words are matched to
// the words of its lines (case and tone placement folded, edge punctuation ignored) in
// runs: from each value word, the longest run of words that follows it unchanged in the
// lines wins. The issuer "ỦY BAN NHÂN DÂN XÃ NGHI DƯƠNG" thus takes the "XÃ" before
// "NGHI", not the one of "CỘNG HÒA XÃ HỘI" between them, and a word written twice on a
// line is told apart by its neighbours. A value word with no counterpart (a unit written
// out from "UBND") is skipped.
#include "pipeline/unsure_words.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "restore/string_map.h"
#include "text/utf8.h"
#include "text/viet_chars.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

// Value words tried per run start: a line of the same word repeated stays linear.
constexpr size_t kMaxRunStarts = 8;

double Round4(double x) { return std::round(x * 10000) / 10000; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Length of the punctuation at the start (|back| false) or end of |s|: ASCII
// punctuation and the typographic dashes, quotes and ellipsis.
size_t EdgePunctuation(std::string_view s, bool back) {
  static constexpr std::string_view kWide[] = {"–", "—", "“", "”", "‘", "’", "…", "«", "»"};
  size_t n = 0;
  while (n < s.size()) {
    std::string_view rest = back ? s.substr(0, s.size() - n) : s.substr(n);
    unsigned char c = static_cast<unsigned char>(back ? rest.back() : rest.front());
    if (c < 0x80) {
      if (!std::ispunct(c)) break;
      ++n;
      continue;
    }
    size_t wide = 0;
    for (std::string_view w : kWide) {
      if (back ? rest.ends_with(w) : rest.starts_with(w)) wide = w.size();
    }
    if (wide == 0) break;
    n += wide;
  }
  return n;
}

// A whitespace-separated word of a text: its bytes, and the core without edge punctuation.
struct Word {
  size_t begin = 0, end = 0;
  size_t core_begin = 0, core_end = 0;
  std::string key;  // the core, lower case, tone marks in one place
};

// Word keys by core, kept for one document: most words recur in its lines and values,
// and a key (ICU's lower case, then the tone placed) costs ~2,000 instructions a word.
using KeyMemo = StringMap<std::string>;

const std::string& KeyOf(std::string_view core, KeyMemo* memo) {
  auto it = memo->find(core);
  if (it != memo->end()) return it->second;
  std::string key;
  if (IsAscii(core)) {  // no tone to place
    LowerInto(core, &key);
  } else {
    key = NormalizeTonePlacement(ToLower(core), ToneStyle::kOld);
  }
  return memo->emplace(std::string(core), std::move(key)).first->second;
}

// Appends the words of |text| (offsets plus |base|) to |out|.
void SplitWords(std::string_view text, size_t base, KeyMemo* memo, std::vector<Word>* out) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t b = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    if (b == i) break;
    std::string_view w = text.substr(b, i - b);
    size_t lead = EdgePunctuation(w, false);
    size_t trail = lead < w.size() ? EdgePunctuation(w.substr(lead), true) : 0;
    Word word;
    word.begin = base + b;
    word.end = base + i;
    word.core_begin = word.begin + lead;
    word.core_end = word.end - trail;
    std::string_view core = w.substr(lead, w.size() - lead - trail);
    if (!core.empty()) word.key = KeyOf(core, memo);
    out->push_back(std::move(word));
  }
}

// The restored text by lines, and the unsure tokens in it by position.
class UnsureIndex {
 public:
  UnsureIndex(std::string_view text, const std::vector<RestoredToken>& tokens, bool clean_text, int first_line)
      : text_(text), first_line_(first_line) {
    for (std::string_view l : SplitLines(text_)) lines_.push_back(l);
    for (const RestoredToken& t : tokens) {
      if (!IsUnsure(t) || (clean_text && !t.changed())) continue;
      if (t.out_end <= text_.size() && t.out_begin < t.out_end) unsure_.push_back(&t);
    }
    std::sort(unsure_.begin(), unsure_.end(),
              [](const RestoredToken* a, const RestoredToken* b) { return a->out_begin < b->out_begin; });
    // Unsure tokens on the lines before each line (a prefix sum over lines).
    before_.assign(lines_.size() + 1, 0);
    size_t k = 0;
    for (size_t i = 0; i < lines_.size(); ++i) {
      size_t end = Begin(i) + lines_[i].size();
      size_t n = 0;
      while (k < unsure_.size() && unsure_[k]->out_begin < end) ++k, ++n;
      before_[i + 1] = before_[i] + n;
    }
  }

  bool empty() const { return unsure_.empty(); }
  // Index of the record's line |n| (out of range: npos).
  size_t LineIndex(int n) const {
    long i = static_cast<long>(n) - first_line_;
    return i >= 0 && static_cast<size_t>(i) < lines_.size() ? static_cast<size_t>(i) : std::string_view::npos;
  }
  int RecordLine(size_t index) const { return static_cast<int>(index) + first_line_; }
  size_t lines() const { return lines_.size(); }
  std::string_view Line(size_t i) const { return lines_[i]; }
  size_t Begin(size_t i) const { return static_cast<size_t>(lines_[i].data() - text_.data()); }
  // Any unsure token on line indexes [a, b]?
  bool AnyIn(size_t a, size_t b) const { return before_[b + 1] > before_[a]; }
  // The unsure tokens inside bytes [begin, end), in order.
  template <class F>
  void ForEachIn(size_t begin, size_t end, F fn) const {
    auto it = std::lower_bound(unsure_.begin(), unsure_.end(), begin,
                               [](const RestoredToken* t, size_t at) { return t->out_begin < at; });
    for (; it != unsure_.end() && (*it)->out_begin < end; ++it) {
      if ((*it)->out_end <= end) fn(**it);
    }
  }
  // The words of line |i|, split on first use: a line lies in the region of every value
  // read from it and from the lines near it, and was split again for each of them.
  const std::vector<Word>& Words(size_t i) const {
    if (words_.empty()) words_.resize(lines_.size());
    std::optional<std::vector<Word>>& w = words_[i];
    if (!w) {
      w.emplace();
      SplitWords(Line(i), Begin(i), &keys_, &*w);
    }
    return *w;
  }
  // The document's word keys (SplitWords).
  KeyMemo* keys() const { return &keys_; }
  // Line index of byte |at|.
  size_t LineOf(size_t at) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), at, [&](size_t a, std::string_view l) {
      return a < static_cast<size_t>(l.data() - text_.data());
    });
    return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
  }

 private:
  std::string_view text_;
  int first_line_;
  std::vector<std::string_view> lines_;
  std::vector<const RestoredToken*> unsure_;
  std::vector<size_t> before_;
  mutable std::vector<std::optional<std::vector<Word>>> words_;  // by line, see Words
  mutable KeyMemo keys_;
};

// The words of a value's lines, to find the value's words in.
class Region {
 public:
  // Lines [span.start, span.end] of the record, at most |max_lines| of them.
  Region(const UnsureIndex& index, LineSpan span, size_t max_lines) : index_(index) {
    size_t a = index.LineIndex(span.start);
    if (a == std::string_view::npos || span.end < span.start) return;
    size_t more = std::min(max_lines - 1, static_cast<size_t>(span.end - span.start));  // max_lines >= 1
    size_t b = std::min(index.lines() - 1, a + more);
    if (!index.AnyIn(a, b)) return;  // nothing to find: most values of most documents
    for (size_t i = a; i <= b; ++i) {
      for (const Word& w : index.Words(i)) words_.push_back(&w);
    }
    for (size_t j = 0; j < words_.size(); ++j) {
      if (!words_[j]->key.empty()) at_[words_[j]->key].push_back(j);
    }
  }

  bool empty() const { return words_.empty(); }

  // Finds the words of |value| in the region from word |*cursor| on and calls
  // fn(token, offset, size) for each unsure token inside one of them, with its place in
  // |value|; |*cursor| moves past the last word matched.
  template <class F>
  void Match(std::string_view value, size_t* cursor, F fn) const {
    std::vector<Word> vw;
    SplitWords(value, 0, index_.keys(), &vw);
    size_t vi = 0;
    while (vi < vw.size() && *cursor < words_.size()) {
      size_t best_at = 0, best_len = 0;
      if (auto it = at_.find(vw[vi].key); !vw[vi].key.empty() && it != at_.end()) {
        const std::vector<size_t>& starts = it->second;
        auto s = std::lower_bound(starts.begin(), starts.end(), *cursor);
        for (size_t tried = 0; s != starts.end() && tried < kMaxRunStarts; ++s, ++tried) {
          size_t len = 0;
          while (vi + len < vw.size() && *s + len < words_.size() && vw[vi + len].key == words_[*s + len]->key) ++len;
          if (len > best_len) best_at = *s, best_len = len;
          if (vi + len == vw.size()) break;  // the rest of the value: no run is longer
        }
      }
      if (best_len == 0) {
        ++vi;  // not in the lines (respelled by the parser)
        continue;
      }
      for (size_t k = 0; k < best_len; ++k) Place(vw[vi + k], *words_[best_at + k], fn);
      vi += best_len;
      *cursor = best_at + best_len;
    }
  }

 private:
  // The unsure tokens of line word |lw| at their place in value word |vw|: the same bytes
  // when the cores are as long (a recased word), else the value word's whole core.
  template <class F>
  void Place(const Word& vw, const Word& lw, F fn) const {
    index_.ForEachIn(lw.begin, lw.end, [&](const RestoredToken& t) {
      size_t vcore = vw.core_end - vw.core_begin, lcore = lw.core_end - lw.core_begin;
      if (vcore == lcore && t.out_begin >= lw.core_begin && t.out_end <= lw.core_end) {
        fn(t, vw.core_begin + (t.out_begin - lw.core_begin), t.out_end - t.out_begin);
      } else {
        fn(t, vw.core_begin, vcore);
      }
    });
  }

  const UnsureIndex& index_;
  std::vector<const Word*> words_;  // the index's, which outlives the region
  std::unordered_map<std::string_view, std::vector<size_t>> at_;  // key -> word indexes, ascending
};

// Lines a value starting on its span's first line can cover: every line gives it a word
// (a blank line or a lone numeral between them aside).
size_t LinesFor(std::string_view value) {
  size_t words = 0;
  for (size_t i = 0; i < value.size(); ++i) words += !IsSpace(value[i]) && (i == 0 || IsSpace(value[i - 1]));
  return 2 * words + 2;
}

UnsureWord MakeWord(const UnsureIndex& index, const RestoredToken& t, std::string_view value, size_t offset,
                    size_t size) {
  UnsureWord w;
  w.word = std::string(value.substr(offset, size));
  w.offset = static_cast<int>(offset);
  w.written = t.original;
  w.confidence = Round4(t.confidence);
  for (const Alternative& a : t.alternatives) w.alternatives.push_back(a.text);
  w.line = index.RecordLine(index.LineOf(t.out_begin));
  return w;
}

class Attacher {
 public:
  explicit Attacher(const UnsureIndex& index) : index_(index) {}

  // |value| read from |span| (starting on its first line unless |anywhere|): its unsure
  // words appended to |out|; returns the product of their confidences.
  double Value(std::string_view value, LineSpan span, std::vector<UnsureWord>* out, bool anywhere = false) {
    if (value.empty() || span.empty()) return 1.0;
    Region region(index_, span, anywhere ? static_cast<size_t>(-1) : LinesFor(value));
    if (region.empty()) return 1.0;
    double p = 1.0;
    size_t cursor = 0;
    region.Match(value, &cursor, [&](const RestoredToken& t, size_t offset, size_t size) {
      out->push_back(MakeWord(index_, t, value, offset, size));
      p *= out->back().confidence;
    });
    return p;
  }

  void Text(std::optional<TextValue>& v) {
    if (v) Text(*v);
  }
  void Text(TextValue& v) { Lower(&v.confidence, Value(v.text, v.lines, &v.unsure_words)); }
  // |*confidence| times |p| (unchanged when no word was unsure).
  static void Lower(double* confidence, double p) {
    if (p < 1.0) *confidence = Round4(*confidence * p);
  }

  // The units of |r| in order, each found after the one before it.
  double Units(Role& r) {
    if (r.units.empty() || r.lines.empty()) return 1.0;
    Region region(index_, r.lines, static_cast<size_t>(-1));
    if (region.empty()) return 1.0;
    double p = 1.0;
    size_t cursor = 0;
    for (size_t u = 0; u < r.units.size(); ++u) {
      const std::string& unit = r.units[u];
      region.Match(unit, &cursor, [&](const RestoredToken& t, size_t offset, size_t size) {
        UnitUnsureWord w;
        static_cast<UnsureWord&>(w) = MakeWord(index_, t, unit, offset, size);
        w.unit = static_cast<int>(u);
        p *= w.confidence;
        r.unsure_words.push_back(std::move(w));
      });
    }
    return p;
  }

  void Sections(std::vector<Section>& sections) {
    for (Section& s : sections) {
      Value(s.heading, s.lines, &s.unsure_words);
      Sections(s.children);
    }
  }

 private:
  const UnsureIndex& index_;
};

}  // namespace

bool IsUnsure(const RestoredToken& token) { return token.confidence < kUnsureConfidence; }

void AttachUnsureWords(std::string_view text, const std::vector<RestoredToken>& tokens, const InputProfile& profile,
                       int first_line, Document* doc) {
  UnsureIndex index(text, tokens, profile.clean > 0.5, first_line);
  if (index.empty()) return;
  Attacher a(index);
  Header& h = doc->header;
  a.Text(h.parent_authority);
  if (h.issuer) {
    Issuer& is = *h.issuer;
    Attacher::Lower(&is.confidence, a.Value(is.text, is.lines, &is.unsure_words));
  }
  a.Text(h.place);
  a.Text(h.subject);
  a.Text(h.recipients_to);
  for (PreambleItem& item : doc->preamble.items) a.Text(item.text);
  a.Text(doc->preamble.enacting_formula);
  a.Sections(doc->body);
  for (Task& t : doc->tasks) {
    double p = a.Value(t.task_text, t.lines, &t.unsure_words);
    for (Role& r : t.roles) p *= a.Units(r);
    a.Text(t.form);
    a.Text(t.product);
    Attacher::Lower(&t.confidence, p);
  }
  for (Appendix& ap : doc->appendices) a.Text(ap.attached_to);
  if (doc->signature) {
    Signature& s = *doc->signature;
    a.Value(s.signer_name, s.lines, &s.unsure_words, /*anywhere=*/true);
  }
}

}  // namespace vanban::internal
