// Private to the parser: the source split into lines, each with its OCR-folded key
// (one ASCII byte per code point) so that a match on the key maps back to the source
// and to the restored text; regex and string helpers shared by the parse stages.
#ifndef VANBAN_SRC_PARSE_SOURCE_LINES_H_
#define VANBAN_SRC_PARSE_SOURCE_LINES_H_

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vanban/document.h"
#include "vanban/text.h"

namespace vanban::internal {

// Per-code-point fold (FoldToKeyByte, text/fold.h) plus contextual OCR folds; |offsets| gets the byte offset of each
// code point in |text| followed by text.size().
std::string FoldWithOffsets(std::string_view text, std::vector<uint32_t>* offsets);
// The same appended to |out|.
void AppendFoldWithOffsets(std::string_view text, std::vector<uint32_t>* offsets, std::string* out);
// The UTF-8 sequence of each code point of |text| (invalid bytes one by one).
std::vector<std::string> CodePoints(std::string_view text);
// The UTF-8 sequence of the first code point of |text| ("" when empty): CodePoints(text)
// would split a whole (possibly megabyte-long) line to look at one letter.
std::string_view FirstCodePoint(std::string_view text);

// Maps each code point of a source line onto its restored line word by word (see .cc);
// false when the words do not correspond.
bool AlignByWords(std::string_view raw_key, std::string_view val_key, const std::vector<uint32_t>& val_cp_off,
                  std::vector<uint32_t>* out);
// The same for any other change (a word split in two: "21thang" -> "21 tháng"): code
// points follow an edit-distance alignment of the two keys; false when they differ in
// more than a quarter of the line or the line is too long to align.
bool AlignByEdits(std::string_view raw_key, std::string_view val_key, const std::vector<uint32_t>& val_cp_off,
                  std::vector<uint32_t>* out);

// Bytes in the UTF-8 sequence that |lead| starts (1 for a stray byte).
inline size_t Utf8SequenceLength(char lead) {
  unsigned char c = static_cast<unsigned char>(lead);
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}

// Byte offsets into a line of each of its code points and of its end ([0, size())). Kept
// small, as a long document has millions of code points: nothing for an all-ASCII line
// (offset i is i), else one 32-bit checkpoint per 16 code points (but the first, 0) from
// which the rest is found by stepping over at most 15 UTF-8 sequences; a map that is not
// the line's own code points (a restored line aligned to its source) keeps every entry.
// The entries live in their SourceLines. |text| is the line the offsets are into (it is
// not kept: 8 bytes more a line).
class CodePointOffsets {
 public:
  uint32_t At(size_t i, const char* text) const {
    if (kind_ == Kind::kAscii) return static_cast<uint32_t>(i);
    if (kind_ == Kind::kTable) return data_[i];
    uint32_t at = i < kStride ? 0 : data_[i / kStride - 1];  // the first checkpoint, 0, is not kept
    for (size_t k = i % kStride; k > 0; --k) at += static_cast<uint32_t>(Utf8SequenceLength(text[at]));
    return at;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  friend class SourceLines;
  static constexpr size_t kStride = 16;
  enum class Kind : uint8_t { kAscii, kCheckpoints, kTable };
  const uint32_t* data_ = nullptr;  // checkpoints or the table
  uint32_t size_ = 0;               // a line is at most 4 GB: offsets are 32-bit
  Kind kind_ = Kind::kAscii;
};

// The restored line aligned to its source line: |off| maps each of the source line's code
// points (and its end) into |value|.
struct AlignedValue {
  std::string_view value;
  CodePointOffsets off;
};

// A line of the source. |raw| and |aligned->value| view the texts given to SourceLines,
// which must outlive it (a copy of every line would double what a long document costs);
// |key| views the SourceLines' keys, which follow one another, each ended by '\n' (a Flat
// over whole lines views them instead of copying them). A long document has a Line per
// line, so the members are packed (72 bytes) and what only a restored line has is kept
// aside.
struct Line {
  int number = 0;          // 1-based
  bool blank = true;       // nothing but spaces and OCR specks
  bool had_text = false;   // the source line had something other than spaces (specks count)
  std::string_view raw;    // source line without the newline
  std::string_view key;    // folded, key.size() == code points of raw
  CodePointOffsets raw_off;
  const AlignedValue* aligned = nullptr;  // the restored line, when it could be aligned
  // Key positions of the line without OCR specks at its edges (see BlankEdgeNoise).
  uint32_t core_begin = 0;
  uint32_t core_end = 0;

  // Slices by key positions [a, b); without |b|, up to the end of the core.
  std::string Raw(size_t a, size_t b) const;
  std::string Value(size_t a, size_t b) const;
  std::string Raw(size_t a = 0) const { return Raw(a, std::max<size_t>(a, core_end)); }
  std::string Value(size_t a = 0) const { return Value(a, std::max<size_t>(a, core_end)); }
  // The value of the core, trimmed.
  std::string Text() const;
  // Byte offset in |raw| of the code point at key position |i| (i <= key.size()).
  uint32_t RawOffset(size_t i) const { return raw_off.At(i, raw.data()); }
  // The whole line's value: the restored line when aligned, else the source line.
  std::string_view Whole() const { return aligned == nullptr ? raw : aligned->value; }
};

// Letters (a-z) in a folded key.
size_t KeyLetters(std::string_view key);
// Those letters, in order ("dieu 3." -> "dieu").
std::string KeyLetterString(std::string_view key);
// The words of |text| between runs of white space.
std::vector<std::string> WhitespaceWords(std::string_view text);
// The end of [a, b) of |key| without the closing brackets and quotes at its end that nothing
// in it opens: OCR's specks ("… áp dụng»", "NHÀ GIÁO)", "XÃ HỘI]"; quotes fold to '"').
size_t WithoutUnopenedCloser(std::string_view key, size_t a, size_t b);
// The space-separated tokens of |l|'s key within [a, b), as key ranges, in order.
std::vector<std::pair<size_t, size_t>> KeyTokens(const Line& l, size_t a, size_t b);

// Blanks (in a folded key) OCR specks at the edges of a line: leading "|", "_", ":", ".",
// a "~"/"-" in front of another marker ("~. 2. Phòng"), trailing runs of punctuation
// tokens ("… tỉnh. | :") and a short lower-case token after them or after a full stop
// ("… tỉnh. a"). Sets |core_begin|/|core_end| to the remaining span.
void BlankEdgeNoise(std::string_view raw, const CodePointOffsets& raw_off, std::span<char> key, size_t* core_begin,
                    size_t* core_end);

class SourceLines {
 public:
  // |text| and |restored| must outlive this object: lines view them. |first_line|: the
  // number of the first line (a document inside a larger file).
  SourceLines(std::string_view text, std::string_view restored, int first_line = 1);
  SourceLines(const SourceLines&) = delete;
  SourceLines& operator=(const SourceLines&) = delete;
  const Line& operator[](size_t i) const { return lines_[i]; }  // 0-based index
  size_t size() const { return lines_.size(); }
  bool restored() const { return restored_; }

  // Joined value text of lines [first, last] (0-based, inclusive), single spaces.
  std::string JoinValue(size_t first, size_t last) const;
  std::string JoinRaw(size_t first, size_t last) const;

 private:
  // Offsets of |offsets| (a code point map in full, or checkpoints) into |store_|.
  CodePointOffsets Compact(std::string_view line, const std::vector<uint32_t>& offsets, bool own_code_points);

  std::vector<Line> lines_;
  std::vector<AlignedValue> aligned_;  // the restored lines that could be aligned, in order
  std::string keys_;             // every line's key followed by '\n', in order
  std::vector<uint32_t> store_;  // every line's checkpoints and tables
  bool restored_ = false;
};

// A flattened view of a line range: keys joined by '\n' with a map back to lines.
class Flat {
 public:
  Flat() = default;
  Flat(const Flat&) = delete;  // |key| may view the Flat's own copy
  Flat& operator=(const Flat&) = delete;

  std::string_view key;
  void Add(const Line& line, int index);
  // Adds the lines [first, last) of |src| that |keep(i)| accepts. When it keeps every line
  // (most of a long document), the keys are viewed where SourceLines holds them, already
  // joined by '\n', and nothing is copied; else they are copied with room made once (a
  // whole document's keys grown line by line would take up to twice their size). Either
  // way the key is the same, leading empty keys adding nothing.
  template <class Keep>
  void AddLines(const SourceLines& src, size_t first, size_t last, Keep keep) {
    size_t from = first;
    while (from < last && src[from].key.empty()) ++from;
    bool all = from < last && key.empty() && starts_.empty();
    for (size_t i = first; all && i < last; ++i) all = keep(i);
    if (all) {
      src_ = &src;
      first_ = from;
      last_ = last;
      key = std::string_view(src[from].key.data(), src[last - 1].key.data() + src[last - 1].key.size() - src[from].key.data());
      return;
    }
    size_t bytes = 0, lines = 0;
    for (size_t i = first; i < last; ++i) {
      if (keep(i)) bytes += src[i].key.size() + 1, ++lines;
    }
    own_.reserve(own_.size() + bytes);
    starts_.reserve(starts_.size() + lines);
    for (size_t i = first; i < last; ++i) {
      if (keep(i)) Add(src[i], static_cast<int>(i));
    }
  }
  // Key byte |p| as (line index, column in that line's key); the '\n' in front of a line
  // is (that line's index, -1).
  std::pair<int, int> Pos(size_t p) const;
  // Value text of flat range [a, b) (line breaks become spaces) and its line span.
  std::string Value(const SourceLines& src, size_t a, size_t b) const;
  std::string Raw(const SourceLines& src, size_t a, size_t b) const;
  LineSpan Span(const SourceLines& src, size_t a, size_t b) const;

 private:
  // A copy: the keys joined, and (offset in |own_| where the line's key starts, line
  // index), one per added line: a view of a whole document costs 16 bytes a line rather
  // than 8 a byte.
  std::string own_;
  std::vector<std::pair<size_t, int>> starts_;
  // A view: the lines [first_, last_) of |src_|, every one of them.
  const SourceLines* src_ = nullptr;
  size_t first_ = 0, last_ = 0;
};

// RE2 options: no error logging, Latin-1 off (keys are ASCII anyway).
const RE2::Options& ReOptions();

struct Match {
  std::vector<re2::StringPiece> groups;
  std::string_view base;
  bool Has(int i) const { return i < static_cast<int>(groups.size()) && groups[i].data() != nullptr; }
  size_t Start(int i = 0) const { return static_cast<size_t>(groups[i].data() - base.data()); }
  size_t End(int i = 0) const { return Start(i) + groups[i].size(); }
  std::string Str(int i) const { return Has(i) ? std::string(groups[i].data(), groups[i].size()) : std::string(); }
};

// Unanchored search from |from|; fills |m| with all groups.
bool Find(const RE2& re, std::string_view text, size_t from, Match* m);
bool FindAnchored(const RE2& re, std::string_view text, Match* m);

// String helpers.
std::string Trim(std::string_view s);
std::string CollapseSpaces(std::string_view s);
// Trims spaces and the punctuation in |chars| from both ends.
std::string TrimChars(std::string_view s, std::string_view chars);
// Share of letters that are upper case (ASCII and Vietnamese capitals); 0 if no letter.
double UpperRatio(std::string_view utf8);
// "iii" -> 3; 0 if not a Roman numeral.
int RomanValue(std::string_view lower);
std::string ToRoman(int n);
// Maps OCR'd Roman digits (l, 1, |, i) to I and returns the canonical numeral, "" if none.
std::string RepairRoman(std::string_view raw_numeral);
// Upper-cases an ASCII key.
std::string AsciiUpper(std::string_view s);
// ISO date "YYYY-MM-DD" from parts; blank parts become "??"/"????".
std::string IsoDate(int day, int month, int year);
bool ValidDate(int day, int month, int year);
int ToInt(std::string_view digits);  // -1 when empty or not digits

}  // namespace vanban::internal

#endif  // VANBAN_SRC_PARSE_SOURCE_LINES_H_
