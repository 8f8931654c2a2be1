#include "restore/token_writer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "text/viet_chars.h"
#include "restore/lattice_builder.h"
#include "restore/line_specks.h"
#include "restore/list_labels.h"
#include "restore/pieces.h"
#include "restore/symbol_form.h"
#include "text/utf8.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

// Piece |i| of |unit| is a comma (a place before its date: "Hùng. An, ngày").
bool CommaAfter(const Unit& unit, uint32_t i) {
  return i < unit.pieces.size() && unit.pieces[i].kind == PieceKind::kPunct && unit.PieceText(i) == ",";
}

// Piece |i| of |unit| is a word starting with a capital (false out of range).
bool CapitalisedWordAt(const Unit& unit, uint32_t i) {
  return i < unit.pieces.size() && unit.pieces[i].kind == PieceKind::kWord && StartsUpper(unit.PieceText(i));
}

// The bar at |k| of |text| stands for an I of a Roman section number at a line's start
// ("|. MỤC ĐÍCH, YÊU CẦU", "|I. NỘI DUNG"): the run of I's look-alikes it is in ends in
// ". " and a capital. The lattice reads the runs without a bar (IsDamagedRoman).
bool RomanBarAt(std::string_view text, size_t k) {
  constexpr size_t kLongest = 4;  // IIII; the scans stop there (a line of bars stays linear)
  auto roman = [&](size_t i) { return std::string_view("|Il1").find(text[i]) != std::string_view::npos; };
  size_t b = k;
  while (b > 0 && k - b < kLongest && roman(b - 1)) --b;
  if (b > 0 && text[b - 1] != '\n' && text[b - 1] != '\r') return false;
  size_t e = k;
  while (e < text.size() && e - b <= kLongest && roman(e)) ++e;
  return e - b <= kLongest && text.substr(e, 2) == ". " && e + 2 < text.size() && StartsUpper(text.substr(e + 2));
}

// A mark no writer puts between two words without a space, which OCR reads for the space
// (a speck as a colon, a quote or an underscore).
bool StrayMark(std::string_view gap) {
  return gap == ":" || gap == "_" || gap == "'" || gap == "`" || gap == "\u2018" || gap == "\u2019";
}

// What the token before a gap was: a word read as a syllable, and whether it is số (a
// document's number follows).
struct GapAfter {
  bool word = false;
  bool so = false;        // Số
  bool so_lower = false;  // số, inside a sentence
};

// OCR spaces out numbers and document symbols ("34 /KH-UBND", "20/ NQ-HĐND", "19/
// 10/2021", "114 -KL/TW"), which typed documents do not (legal-congbao: 54 spaced against
// 40,000 joined), and drops the space of "Số: 34" ("S6:34", 1 against 362). Appends
// |text|[from, to) to |out| with those spaces mended; the characters around the range
// (the pieces next to it) decide.
void AppendOcrGap(std::string_view text, size_t from, size_t to, GapAfter after, std::string* out) {
  auto digit = [&](size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  auto code = [&](size_t k) { return digit(k) || (k < text.size() && StartsUpper(text.substr(k))); };
  auto lower = [&](size_t k) {
    size_t at = k;
    return k < text.size() && LookupLetter(NextCodePoint(text, &at)).base != 0 && !StartsUpper(text.substr(k));
  };
  for (size_t k = from; k < to; ++k) {
    const char ch = text[k];
    if (ch == ' ' && k > 0 && k + 1 < text.size()) {
      if (digit(k - 1) && text[k + 1] == '/' && code(k + 2)) continue;             // "34 /KH"
      if (text[k - 1] == '/' && k >= 2 && digit(k - 2) && code(k + 1)) continue;   // "20/ NQ", "19/ 10"
      if (digit(k - 1) && text[k + 1] == '-') {                                    // "114 -KL/TW"
        size_t j = k + 2;  // symbol parts are written in A-Z and Đ, a few letters long
        while (j < text.size() && j - k < 24 && ((text[j] >= 'A' && text[j] <= 'Z') || text.substr(j, 2) == "\xC4\x90"))
          j += text[j] >= 'A' && text[j] <= 'Z' ? 1 : 2;
        if (j > k + 2 && j < text.size() && text[j] == '/') continue;
      }
    }
    // "số.22/2018", "ngày.20", "từ-01", "năm'2018": a space OCR read as a mark between a
    // word and a number; not before a list's number ("hiện.2. Tổ chức" may end a sentence).
    if ((ch == '.' || ch == '-' || ch == '\'') && after.word && k == from && digit(k + 1)) {
      size_t j = k + 1;
      while (digit(j)) ++j;
      if (j >= text.size() || (text[j] != '.' && text[j] != ')')) {
        out->push_back(' ');
        continue;
      }
    }
    if (ch == '|' && RomanBarAt(text, k)) {
      out->push_back('I');
      continue;
    }
    if (ch == ':' && after.so_lower && k == from && digit(k + 1)) {  // "Quyết định số:24/2006"
      out->push_back(' ');
      continue;
    }
    // "ngày 04.tháng": a number standing alone, a dot and a lower-case word, which no
    // sentence starts with.
    if (ch == '.' && k + 1 == to && digit(k - 1) && lower(to)) {
      size_t j = k - 1;
      while (j > 0 && digit(j - 1)) --j;
      if (j > 0 && text[j - 1] == ' ') {
        out->push_back(' ');
        continue;
      }
    }
    out->push_back(ch);
    if (ch == ':' && after.so && k == from && digit(k + 1)) out->push_back(' ');  // "Số:34"
  }
}

// Confidence of a word kept as written because no reading explains it (see Unread).
constexpr double kUnreadConfidence = 0.3;

uint32_t CountBreaks(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') ++n;
    else if (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n')) ++n;
  }
  return n;
}

// A number or a Roman numeral at piece |k|: after a capitalised label ("Chương XVII HỨA
// THƯỞNG", "Mục 2 QUYỀN NHÂN THÂN"), which keeps its case before a title in capitals.
bool NumeralAt(const Unit& unit, size_t k) {
  if (k >= unit.pieces.size() || unit.pieces[k].line_start) return false;
  if (unit.pieces[k].kind == PieceKind::kNumber) return true;
  const std::string_view text = unit.PieceText(k);
  return !text.empty() && text.find_first_not_of("IVXLC") == std::string_view::npos;
}

// Two or more letters, all capitals ("BO", "TM"; a one-letter "Y" of Bộ Y tế says
// nothing of a line's case).
bool InCapitals(std::string_view w) { return CodePoints(w) >= 2 && IsAllUpper(w); }

// A word in capitals that spells a syllable ("TICH", "XA"), not an abbreviation (VT, UBND).
bool CapitalWord(std::string_view text, std::string* key) {
  return InCapitals(text) && KeyInto(text, key) && IsSyllableKey(*key);
}

// OCR joins a two-column line into one ("- Sở Nội vụ (báo cáo); CHỦ TỊCH", "Nơi nhận:
// TM. ỦY BAN NHÂN DÂN XÃ"): the right column, a title or a signer's office in capitals,
// ends the line. A word of it that came out capitalised or in mixed case ("CHfJ TICH",
// "TM Uy BAN") is damage to the capitals when the words after it on the line are all
// capitals and it has a capital word or abbreviation before it or capitals of its own.
void MarkCapitalColumn(const Unit& unit, size_t begin, size_t end, std::vector<char>* caps) {
  // One past the last piece before |k| that is not a mark (|begin| if none).
  auto back = [&](size_t k) {
    while (k > begin && unit.pieces[k - 1].kind == PieceKind::kPunct) --k;
    return k;
  };
  std::string key;
  const size_t run_end = back(end);  // the run of capital words that ends the line
  size_t k = run_end;
  while (k > begin && unit.pieces[k - 1].kind == PieceKind::kWord && CapitalWord(unit.PieceText(k - 1), &key))
    k = back(k - 1);
  if (k == run_end || k == begin || unit.pieces[k - 1].kind != PieceKind::kWord) return;
  const std::string_view text = unit.PieceText(k - 1);
  const LetterCase c = LetterCaseOf(text);
  if (CodePoints(text) < 2 || c.upper == 0 || IsAllUpper(text)) return;
  const size_t before = back(k - 1);
  if ((before > begin && InCapitals(unit.PieceText(before - 1))) || c.upper >= 2) (*caps)[k - 1] = 1;
}

// Words of a heading in capitals ("I. MỤC ĐÍCH, YÊU CẦU") that an OCR engine wrote
// capitalised or in mixed case ("MỤC Đích" from "PiCH", "KINH Phí" from "PHi") are
// damage to the capitals: marks |caps| for the words with a capital that are not all
// capitals ("sU" for SỬ too), on lines with no lower-case word and at least as many words in
// capitals (symbol parts such as QĐ-UBND do not count: "Số: 12/QĐ-UBND" is no heading).
void MarkCapitalLines(const Unit& unit, std::vector<char>* caps) {
  const size_t n = unit.pieces.size();
  caps->assign(n, 0);
  size_t begin = 0;
  std::string key;
  for (size_t i = 1; i <= n; ++i) {
    if (i < n && !unit.pieces[i].line_start) continue;
    size_t upper = 0, capitalised = 0, lower = 0;
    for (size_t k = begin; k < i; ++k) {
      if (unit.pieces[k].kind != PieceKind::kWord) continue;
      std::string_view text = unit.PieceText(k);
      if (CodePoints(text) < 2) continue;
      // Capitals that are words, not abbreviations (VT, VHXH) or Roman numerals (II).
      if (IsAllUpper(text)) upper += CapitalWord(text, &key) && key.find_first_not_of("ivxlc") != std::string::npos;
      else if (LetterCaseOf(text).upper > 0) ++capitalised;  // "Phí", and "sU" of SỬ in mixed case
      else ++lower;
    }
    if (upper > 0 && lower == 0 && capitalised > 0 && capitalised <= upper) {
      for (size_t k = begin; k < i; ++k) {
        std::string_view text = unit.PieceText(k);
        (*caps)[k] = unit.pieces[k].kind == PieceKind::kWord && CodePoints(text) >= 2 && LetterCaseOf(text).upper > 0 &&
                     !IsAllUpper(text) && !(LetterCaseOf(text).upper == 1 && NumeralAt(unit, k + 1));
      }
    } else if (upper > 0) {
      MarkCapitalColumn(unit, begin, i, caps);
    }
    // Digits a heading in capitals reads as a word ("16 CHUC VA QUAN LY" is TỔ CHỨC) take
    // its capitals; read as a number they stay as written.
    if (upper >= 2 && lower == 0 && capitalised <= upper) {
      for (size_t k = begin; k < i; ++k)
        if (unit.pieces[k].kind == PieceKind::kNumber ||
            (unit.pieces[k].kind == PieceKind::kWord && LetterCaseOf(unit.PieceText(k)).letters == 0 &&
             unit.PieceText(k).find_first_of("0123456789") != std::string_view::npos))
          (*caps)[k] = 1;
    }
    begin = i;
  }
}

// A word of two or three capitals whose letters after the first are vowels, standing
// between words that are not in capitals on a line of running text ("của BO trưởng",
// "HO Chí Minh"): an OCR engine reads a capitalised word's marked vowel (ộ, ồ, ở) as a
// capital O. Marks |title| for such pieces; the word is capitalised if its reading
// carries the marks the capital swallowed (Bộ), and left as it is otherwise (DO). Two
// capitals of any letters that the pieces made a word (CutPieces: before a lower-case
// word, "BS trưởng", "TS chức" at a line's start) are marked the same way.
void MarkSwallowedCapitals(const Unit& unit, std::vector<char>* title) {
  const size_t n = unit.pieces.size();
  title->assign(n, 0);
  auto word = [&](size_t k) { return unit.pieces[k].kind == PieceKind::kWord; };
  for (size_t k = 0; k < n; ++k) {
    // Capitals the OCR glued ("XALOCHA", cut XA|LO|C|HA) are a word in capitals.
    if (!word(k) || unit.pieces[k].glued || (k + 1 < n && unit.pieces[k + 1].glued)) continue;
    std::string_view text = unit.PieceText(k);
    const size_t letters = CodePoints(text);
    if (letters < 2 || letters > 3 || !IsAllUpper(text) || HasMarks(text)) continue;
    // Two capitals the pieces made a word ("BS trưởng", "TS chức") whatever the letters.
    const bool vowels = text.find_first_not_of("AEIOUY", 1) == std::string_view::npos;
    if (!vowels && letters != 2) continue;
    // The words around it, on its line, are in lower case or capitalised.
    std::string_view before, after;
    for (size_t j = k; j > 0 && !unit.pieces[j].line_start && before.empty();)
      if (word(--j)) before = unit.PieceText(j);
    for (size_t j = k + 1; j < n && !unit.pieces[j].line_start && after.empty(); ++j)
      if (word(j)) after = unit.PieceText(j);
    // At a line's end the word before tells alone ("của Bộ trưởng BO" wraps before Tài
    // chính).
    if (after.empty() ? before.empty() || InCapitals(before)
                      : InCapitals(after) || (before.empty() ? vowels && IsAllUpper(after) : InCapitals(before)))
      continue;
    (*title)[k] = 1;
  }
}

// Upper-cases the Vietnamese letters of |s|.
std::string Upper(std::string_view s) {
  std::string out;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t cp = NextCodePoint(s, &pos);
    const VietLetter& v = LookupLetter(cp);
    AppendUtf8(&out, v.base != 0 && v.upper_cp != 0 ? v.upper_cp : cp);
  }
  return out;
}

// The first letter of |s| upper case, the others lower case.
std::string Capitalised(std::string_view s) {
  std::string lower;
  LowerInto(s, &lower);
  size_t first = 0;
  NextCodePoint(lower, &first);
  return Upper(std::string_view(lower).substr(0, first)) + lower.substr(first);
}

// OCR writes a capital S as "$" ("$6:" for Số:) and sometimes a small one ("Luật $6 65"),
// and a header's Số as digits ("86:"): the case is not in the scan. Such a word that opens
// its unit (past bullets and specks) or follows a sentence's stop is capitalised; any
// other stays lower case. (Other words read from digits at a line's start are mostly a
// sentence going on: "1a" is là.)
bool OpensSentence(std::string_view unit_text, size_t begin) {
  for (size_t i = begin; i > 0; --i) {
    const unsigned char ch = static_cast<unsigned char>(unit_text[i - 1]);
    if (ch == '.' || ch == '!' || ch == '?') return true;
    if (ch >= 0x80 || std::isalnum(ch) || ch == ',' || ch == ';' || ch == '(') return false;
  }
  return true;
}

// A word kept as written because nothing could read it, not because it reads well:
// digits inside letters ("x4"), marks on a spelling no syllable has ("quyét", "Coéng"),
// and in OCR'd text any spelling the model does not know as its own (VAT, Cup): a
// syllable-shaped one that no syllable is ("OUO"), one the channel could not read
// ("chirc", "tfmg"), and specks with no reading at all ("sees", "wor"), which on the
// dev scans were wrong half the time they were kept. A foreign word nothing
// resembles ("facebook") is left alone in typed text only.
bool Unread(const ModelData& m, std::string_view text, bool ocr, bool known_spelling) {
  std::string key;
  if (!KeyInto(text, &key)) return true;
  if (IsWordKey(key) && !m.Candidates(key).empty()) return false;
  return HasMarks(text) || (ocr && !known_spelling);
}

// A word the OCR damaged (marks, digits or symbols in it, or no syllable's spelling):
// how this scan spells a word, worth remembering for the document's other copies.
// Plain syllables ("dan") are left out: what they stand for is the language's
// ambiguity, not the scan's.
bool Damaged(std::string_view text) {
  std::string key;
  return HasMarks(text) || !KeyInto(text, &key) || !IsWordKey(key);
}

// In OCR'd text, a short run of digits and lower-case letters kept verbatim inside a
// sentence ("14n", "16i", "1l") is more often a word the OCR garbled than a code: a
// clerk must look. Item numbers ("5a" at a line's start or before ")") are codes.
bool GarbledInSentence(const Unit& unit, uint32_t i) {
  const std::string_view text = unit.PieceText(i);
  if (text.size() < 2 || text.size() > 4 || unit.pieces[i].line_start) return false;
  bool digit = false, letter = false;
  for (char ch : text) {
    if (ch >= '0' && ch <= '9') digit = true;
    else if (ch >= 'a' && ch <= 'z') letter = true;
    else return false;
  }
  if (!digit || !letter) return false;
  if (i + 1 < unit.pieces.size() && !unit.pieces[i + 1].space_before && !unit.pieces[i + 1].break_before) {
    const char next = unit.text[unit.pieces[i + 1].begin];
    if (next == ')' || next == '.' || next == '/' || next == '-') return false;
  }
  return true;
}

// In OCR'd text, capitals followed by digits that no code is spelt with: one capital
// and a 6 ("B6", "T6", "C6": Bộ, Tổ, Có, the ô read as 6), or letters the symbol table
// does not know before the digits ("QHI5": QH15 with its 1 read as I). Codes keep
// their known letters ("QH15", "NĐ") and stay sure.
bool GarbledCapitals(const ModelData& m, std::string_view text, std::string* key) {
  if (text.size() < 2 || text.size() > 6) return false;
  size_t letters = 0;
  while (letters < text.size() && text[letters] >= 'A' && text[letters] <= 'Z') ++letters;
  if (letters == 0 || letters == text.size()) return false;
  for (size_t k = letters; k < text.size(); ++k)
    if (text[k] < '0' || text[k] > '9') return false;
  if (letters == 1) return text.substr(1) == "6";
  LowerInto(text.substr(0, letters), key);
  return m.SymbolPart(*key) == nullptr;
}

// The text between two words, bytes [copied, b) of |unit|: in a unit with |glued|
// capitals, with the spaces the OCR dropped put back before the glued pieces that start
// in it or at |b| ("NHÀ GIÁO" from "NHAGIAO"; "PHƯỜNG 1 BẢO LỘC", whose number is no word
// of its own); in OCR'd text mended as AppendOcrGap says.
void AppendGap(const Unit& unit, size_t copied, size_t b, bool glued, bool ocr, GapAfter after, std::string* out) {
  const size_t start = copied;
  auto append = [&](size_t from, size_t to) {
    if (ocr) AppendOcrGap(unit.text, from, to, from == start ? after : GapAfter{}, out);
    else out->append(unit.text.substr(from, to - from));
  };
  if (glued) {
    for (const Piece& p : unit.pieces) {
      if (!p.glued || p.begin < copied || p.begin > b) continue;
      append(copied, p.begin);
      out->push_back(' ');
      copied = p.begin;
    }
  }
  append(copied, b);
}

// The gap before the next token (or the unit's tail: |unit_end|); with |trim_specks|
// (OCR'd text) without the specks the scan's margins left at the ends of its lines.
void AppendTokenGap(const Unit& unit, size_t copied, size_t b, bool glued, bool ocr, bool trim_specks, GapAfter after,
                    bool unit_end, std::string* out) {
  const size_t at = out->size();
  AppendGap(unit, copied, b, glued, ocr, after, out);
  if (trim_specks) TrimLineSpecks(out, at, copied == 0, unit_end);
}

// Whether the edge's reading |id| is written as a token: words, symbols and verbatim
// pieces, and a lone short number in OCR'd text that the search read as a word ("6"
// for ở, "06" for tổ); not a number read as one (<num> |num|) or a mark skipped as noise.
bool Reported(const Unit& unit, const Edge& e, uint32_t id, uint32_t num) {
  if (e.kind == EdgeKind::kSkip) return false;
  PieceKind k = unit.pieces[e.from].kind;
  // A number read as a word is one; so is an item number with a letter ("16a", or OCR's
  // "16i" for lối) kept as written, which a reader may have to check.
  if (k == PieceKind::kNumber)
    return e.kind == EdgeKind::kWord && (id != num || unit.PieceText(e.from).find_first_not_of("0123456789") !=
                                                          std::string_view::npos);
  return k == PieceKind::kWord || k == PieceKind::kSymbol || k == PieceKind::kFixed;
}

}  // namespace

uint32_t TokenWriter::Write(const Unit& unit, const Lattice& lattice, BeamSearch& search, DocumentMemory* memory,
                            uint32_t line_no, RestoreResult* out) {
  if (quiet_) return Remember(unit, lattice, search.path(), memory, line_no);
  const std::vector<PathStep>& path = search.path();
  MarkCapitalLines(unit, &caps_);
  // Only OCR swallows marks into capitals: typed text skips the scan.
  if (ocr_) MarkSwallowedCapitals(unit, &title_);
  else title_.assign(unit.pieces.size(), 0);
  size_t copied = 0;
  ConfidentRun confident;       // the words before, if read with confidence
  uint32_t prev_word = 0;       // the previous word, if a lower-case word read as a syllable
  uint32_t prev_name = 0;       // the previous word, if a capitalised word read as a syllable
  GapAfter after;               // what the gap before the next token follows
  bool prev_hyphened = false;   // the previous word was joined to the one before by a hyphen
  const bool glued = std::any_of(unit.pieces.begin(), unit.pieces.end(), [](const Piece& p) { return p.glued; });
  const bool trim_specks = ocr_ && o_.trim_line_specks;
  for (size_t step = 0; step < path.size(); ++step) {
    const PathStep& h = path[step];
    const Edge& e = lattice.edges[h.edge];
    const Cand& c = lattice.cand(e, h.cand);
    if (!Reported(unit, e, c.id, m_.num())) {
      if (e.kind != EdgeKind::kSkip) confident.Break();
      continue;
    }
    uint32_t b = unit.pieces[e.from].begin, x = unit.pieces[e.to - 1].end;
    std::string_view orig = unit.text.substr(b, x - b);
    std::string_view gap = unit.text.substr(copied, b - copied);
    line_no += CountBreaks(gap);
    const bool read_word = e.kind == EdgeKind::kWord && c.id != m_.unk() && c.id2 == 0;
    const bool plain_word = read_word && !StartsUpper(orig);
    const bool name_word = read_word && StartsUpper(orig);
    // A space OCR read as a mark between two lower-case words ("chi tiết-và", "án.và.đợt"):
    // a writer puts neither there, except the hyphens of a loanword's chain of syllables
    // ("Cam-pu-chi-a", "ki-lô-gam"), which stay.
    const bool hyphen_next = x + 1 < unit.text.size() && unit.text[x] == '-' && unit.text[x + 1] != ' ';
    if (ocr_ && plain_word && prev_word != 0 &&
        (gap == "." || (gap == "-" && !prev_hyphened && !hyphen_next)))
      out->text.push_back(' ');
    else if (ocr_ && plain_word && prev_name != 0 &&
             (gap == "." || (gap == "-" && !prev_hyphened && !hyphen_next && SpacedPair(prev_name, c.id))))
      out->text.push_back(' ');  // "Tổ.chức", "Thủ-tướng" (not "Ba-na": SpacedPair)
    else if (ocr_ && read_word && (prev_word != 0 || prev_name != 0) && StrayMark(gap) && (gap != ":" || plain_word))
      out->text.push_back(' ');  // "định:tại", "cấp‘có", "các_văn" (a colon before a capital may be one)
    else if (ocr_ && name_word && prev_word != 0 && gap == "-" && IsUnitWord(prev_word))
      out->text.push_back(' ');  // "xã-Xuân Giang": a unit word and its name
    else if (ocr_ && name_word && prev_name != 0 && (gap == "-" || gap == "." || (gap == ". " && CommaAfter(unit, e.to))) &&
             m_.IsPlacePair(prev_name, c.id))
      out->text.push_back(' ');  // "Cam.Lâm", "Phú-Tân", "Hùng. An, ngày": no name is written so
    else
      AppendTokenGap(unit, copied, b, glued, ocr_, trim_specks, after, false, &out->text);
    // A hard wrap inside the unit keeps the sentence going ("khó khăn để\nJam căn cứ": làm).
    const uint32_t word_before = gap.find_first_not_of(" \t\r\n") == std::string_view::npos ? prev_word : 0;
    prev_word = plain_word ? c.id : 0;
    prev_name = name_word ? c.id : 0;
    prev_hyphened = gap == "-";
    copied = x;
    RestoredToken tok;
    tok.begin = unit.begin + b;
    tok.end = unit.begin + x;
    tok.line = line_no;
    tok.original = std::string(orig);
    RestoredText(lattice, e, c, orig, &tok.restored);
    if (ocr_ && read_word && (orig[0] == '$' || (IsAsciiDigit(static_cast<unsigned char>(orig[0])) && tok.restored == "số")) &&
        OpensSentence(unit.text, b))
      tok.restored = Capitalised(tok.restored);
    if (caps_[e.from] && e.to == e.from + 1) tok.restored = Upper(tok.restored);
    if (title_[e.from] && e.to == e.from + 1 && HasMarks(tok.restored)) tok.restored = Capitalised(tok.restored);
    if (ocr_ && word_before != 0 && e.kind == EdgeKind::kWord && e.to == e.from + 1 && c.id == xa_ &&
        step + 1 < path.size()) {
      // The next word read, past any marks between ("Xa. hdi" is Xã hội too).
      uint32_t next_word = 0;
      for (size_t k = step + 1; k < path.size() && next_word == 0; ++k) {
        const Edge& next = lattice.edges[path[k].edge];
        if (next.kind == EdgeKind::kWord) next_word = lattice.cand(next, path[k].cand).id;
      }
      if (CaseMisread(unit, e, orig, next_word)) tok.restored = m_.Word(c.id);
    } else if (ocr_ && c.id == dieu_ && e.to == e.from + 1 && !orig.empty() && !StartsUpper(orig) &&
               (ArticleWordAt(unit, e.from) || (orig[0] != 'd' && NumberFollows(unit, e.from)))) {
      // "isu 28." opens Điều 28; a Điều named by its number is capitalised too, so where
      // the OCR garbled its first letter ("đến pigu 26", "- @iku 1") its case is unknown.
      tok.restored = Capitalised(tok.restored);
    } else if (ocr_ && word_before != 0 && read_word && e.to == e.from + 1 && !caps_[e.from] &&
               !CapitalisedWordAt(unit, e.to) &&
               ((!title_[e.from] && CapitalOfMisreadLetter(orig, c.id)) || CapitalsOfMisreadL(orig, c.id))) {
      tok.restored = m_.Word(c.id);
    }
    tok.kind = KindOf(unit, e, tok);
    const double margin_confidence = MarginConfidence(e);
    if (e.cand_count > 1) {
      tok.confidence = margin_confidence;
      if (o_.confidence) {
        search.Posteriors(lattice, step, &post_);
        tok.confidence = post_[h.cand];
        AddAlternatives(lattice, e, h.cand, orig, &tok);
      }
    }
    // Kept because nothing could read it, not because it reads well: a clerk must look.
    if (c.id == m_.unk() && unit.pieces[e.from].kind == PieceKind::kWord && e.kind == EdgeKind::kWord &&
        Unread(m_, orig, ocr_, c.lm != 0)) {
      tok.confidence = std::min(tok.confidence, kUnreadConfidence);
      if (o_.confidence) AddNearest(orig, &tok);
    } else if (ocr_ && o_.confidence && (c.id == m_.unk() || c.id == m_.num()) &&
               (((unit.pieces[e.from].kind == PieceKind::kFixed || unit.pieces[e.from].kind == PieceKind::kNumber) &&
                 GarbledInSentence(unit, e.from)) ||
                (e.to == e.from + 1 && !tok.changed() && GarbledCapitals(m_, orig, &key_)))) {
      AddNearest(orig, &tok);
      if (!tok.alternatives.empty()) tok.confidence = std::min(tok.confidence, kUnreadConfidence);
    } else if (ocr_ && o_.confidence && unit.pieces[e.from].kind == PieceKind::kSymbol && e.to == e.from + 1 &&
               tok.restored == orig && KeyInto(orig, &key_) && m_.SymbolPart(key_) == nullptr) {
      // A part of a symbol no document of the corpus writes, kept as written ("20/INQ-"):
      // a clerk must look, at the parts one letter away.
      for (const auto& [form, share] : NearSymbolParts(m_, key_, static_cast<size_t>(std::max(1, o_.alternatives))))
        tok.alternatives.push_back({std::string(form), (1.0 - kUnreadConfidence) * share});
      if (!tok.alternatives.empty()) tok.confidence = std::min(tok.confidence, kUnreadConfidence);
    } else if (ocr_ && o_.confidence && unit.pieces[e.from].kind == PieceKind::kSymbol && e.to == e.from + 1 &&
               tok.restored != orig && tok.alternatives.empty()) {
      // A part read as another ("HPND" as HĐND): should its neighbours make it unsure,
      // the part as written is the other reading a mark shows.
      tok.alternatives.push_back({std::string(orig), 1.0 - tok.confidence});
    }
    Feed(e, c, orig, margin_confidence, &confident, memory);
    if (unit.pieces[e.from].kind == PieceKind::kSymbol) NoteSymbolPart(tok.restored, memory);
    // Not after a word in capitals or a lone letter: "Phụ lục I.3", "I-10", "điểm a.1"
    // number an appendix or an item.
    const LetterCase written_case = LetterCaseOf(tok.restored);
    after = {(plain_word || name_word) && written_case.letters >= 2 && written_case.upper < written_case.letters,
             tok.restored == "Số", tok.restored == "số"};
    tok.out_begin = out->text.size();
    out->text.append(tok.restored);
    tok.out_end = out->text.size();
    // Kept words too: "Xudn Giang, ngày" under XÃ XUÂN GIANG is that name (NameRewrites);
    // stripped "xã Ea Nuol" is the gazetteer's Ea Nuôl, whose Nuôl the model lacks
    // (absorbed_units.h), and so is "XÃ EA NUOL", whose NUOL is kept as a symbol would be.
    const bool kept_word = (e.kind == EdgeKind::kWord || (e.kind == EdgeKind::kFixed && tok.restored == orig)) &&
                           c.id == m_.unk() && KeyInto(tok.restored, &key_);
    // A syllable of glued capitals may span pieces (Piece::syllables).
    const bool one_word = e.to == e.from + 1 || unit.pieces[e.from].syllables != 0;
    if ((read_word || kept_word) && one_word && StartsUpper(tok.restored) && names_.size() < kMaxNameWords) {
      // A capitalised word is kept only while it may start a pair: a long document
      // holds more capitals than names.
      // A pair may be split by OCR noise ("Thanh. Hải": NameGap).
      if (!names_.empty() && NameGap(out->text, names_.back().out_end, tok.out_begin) == 0 &&
          (names_.size() < 2 || NameGap(out->text, names_[names_.size() - 2].out_end, names_.back().out_begin) == 0))
        names_.pop_back();
      names_.push_back({tok.out_begin, tok.out_end, tok.begin, tok.end, c.id, margin_confidence});
    }
    if (tok.changed()) ++out->changed;
    if (e.label) {
      LowerInto(tok.restored, &lower_);
      memory->set_last_label(ListLabelIndex(lower_));
    }
    if (o_.record_tokens) out->tokens.push_back(std::move(tok));
  }
  line_no += CountBreaks(unit.text.substr(copied));
  AppendTokenGap(unit, copied, unit.text.size(), glued, ocr_, trim_specks, after, true, &out->text);
  return line_no;
}

// How sure the search was of the reading on |e|, from its left-context margin (1 with no
// choice). The document memory is fed from it whether or not confidence is reported, so
// --json and --mark restore the same text as plain output.
double TokenWriter::MarginConfidence(const Edge& e) {
  return e.cand_count > 1 ? 1.0 / (1.0 + std::pow(10.0, -static_cast<double>(e.margin))) : 1.0;
}

// Hands |memory| what the reading |c| of |orig| on |e| teaches it: a word read with
// confidence; pairs and triples of such words in a row, as they recur in a document
// ("dân vận" in công tác dân vận, then in phong trào "Dân vận khéo"); in OCR'd text, how
// the scan spelt a word it damaged. |run| holds the words before read with confidence
// and takes this one (or breaks).
void TokenWriter::Feed(const Edge& e, const Cand& c, std::string_view orig, double margin_confidence,
                       ConfidentRun* run, DocumentMemory* memory) {
  if (o_.document_cache && e.cand_count > 1 && e.kind == EdgeKind::kWord &&
      margin_confidence > o_.cache_min_confidence && c.id != m_.unk())
    memory->RememberWord(c.id, static_cast<float>(o_.cache_bonus));
  const bool confident = e.kind == EdgeKind::kWord && c.id != m_.unk() && c.id2 == 0 &&
                         (e.cand_count == 1 || margin_confidence > o_.cache_min_confidence);
  // A spelling kept as written with confidence ("Halal") counts against another reading
  // of it elsewhere in the document ("dịch vụ Halal được" read "Đã được"): the document
  // writes that word.
  if (o_.document_cache && ocr_ && c.id == m_.unk() && e.kind == EdgeKind::kWord && e.to == e.from + 1 &&
      e.cand_count > 1 && margin_confidence > o_.cache_min_confidence && Damaged(orig)) {
    LowerInto(orig, &lower_);
    memory->RememberSpelling(lower_, c.id);
  }
  if (!confident) {
    run->Break();
    return;
  }
  if (o_.document_cache && run->prev != 0) {
    memory->RememberPair(run->prev, c.id);
    if (ocr_ && run->prev2 != 0) memory->RememberTriple(run->prev2, run->prev, c.id);  // read for OCR only
  }
  if (o_.document_cache && ocr_ && e.to == e.from + 1 && e.cand_count > 1 && Damaged(orig)) {
    LowerInto(orig, &lower_);
    memory->RememberSpelling(lower_, c.id);
  }
  run->prev2 = run->prev;
  run->prev = c.id;
}

// A capitalised word and a lower-case one joined by a hyphen are written with a space
// when the corpus puts the second after the first more often than a hyphen ("Thủ
// tướng", "Ủy ban", "Ê Đê"), and keep the hyphen when it does not ("Ba-na", "Gia-rai").
bool TokenWriter::SpacedPair(uint32_t a, uint32_t b) const {
  LmState after_a, next;
  m_.Score(LmState{}, a, &after_a);  // no sentence start: the pair may stand anywhere
  return hyphen_ == m_.unk() || m_.Score(after_a, b, &next) > m_.Score(after_a, hyphen_, &next);
}

// A symbol part the table has, as written in this document (NearPartWritten).
void TokenWriter::NoteSymbolPart(std::string_view part, DocumentMemory* memory) {
  if (KeyInto(part, &key_) && m_.SymbolPart(key_) != nullptr) memory->RememberSymbolPart(key_);
}

// The quiet pass's Write: what Write hands the document memory, from the same path, and
// nothing else. The text, the token records and the count of changes of a quiet pass are
// thrown away (the second pass writes them), so none of it is spelt; a list label's
// reading is, in lower case, which the letter case Write applies does not change.
uint32_t TokenWriter::Remember(const Unit& unit, const Lattice& lattice, const std::vector<PathStep>& path,
                               DocumentMemory* memory, uint32_t line_no) {
  size_t copied = 0;
  ConfidentRun confident;
  std::string restored;
  for (const PathStep& h : path) {
    const Edge& e = lattice.edges[h.edge];
    const Cand& c = lattice.cand(e, h.cand);
    if (!Reported(unit, e, c.id, m_.num())) {
      if (e.kind != EdgeKind::kSkip) confident.Break();
      continue;
    }
    const uint32_t b = unit.pieces[e.from].begin, x = unit.pieces[e.to - 1].end;
    const std::string_view orig = unit.text.substr(b, x - b);
    line_no += CountBreaks(unit.text.substr(copied, b - copied));
    copied = x;
    Feed(e, c, orig, MarginConfidence(e), &confident, memory);
    if (unit.pieces[e.from].kind == PieceKind::kSymbol) {
      RestoredText(lattice, e, c, orig, &restored);
      NoteSymbolPart(restored, memory);
    }
    if (e.label) {
      RestoredText(lattice, e, c, orig, &restored);
      LowerInto(restored, &lower_);
      memory->set_last_label(ListLabelIndex(lower_));
    }
  }
  return line_no + CountBreaks(unit.text.substr(copied));
}

// "thuộc Tinh vực" read as lĩnh vực, "dữ Jiéu" as dữ liệu: the capital belongs to the glyph
// the OCR saw, not to the word, when the reading begins with another letter, or with the
// same vowel under a mark ("tượng Ap dụng": the acute made the á a capital A). Inside a
// sentence the word takes lower case unless the corpus writes it capitalised there more
// than elsewhere (a name, Đảng, Bộ: a positive capitalised bonus), or a capitalised word
// follows (a name of two words), or the reading starts with Đ.
bool TokenWriter::CapitalOfMisreadLetter(std::string_view orig, uint32_t id) const {
  if (orig.empty() || !(orig[0] >= 'A' && orig[0] <= 'Z') || LetterCaseOf(orig).upper != 1) return false;
  const std::string_view word = m_.Word(id);
  // P, B or D for Đ is the capital Đ misread ("Pong Tiến" is Đồng Tiến): the capital is real.
  if (!KeyInto(word, &key_) || key_.empty() || word.starts_with("đ")) return false;
  const char written = static_cast<char>(orig[0] - 'A' + 'a');
  if (key_[0] == written && (word[0] == written || (orig.size() > 1 && static_cast<unsigned char>(orig[1]) >= 0x80)))
    return false;  // the same letter unmarked, or a word written with marks ("Uỷ"): a capital typed as such
  const CandidateItem* item = ReadingItem(key_, id);
  return item != nullptr && item->cap_bonus <= 0;
}

// "1A", "IA" read as là: the l seen as a 1 or an I and the grave as a capital A, so the
// capitals are the glyphs', not the word's, unless the corpus capitalises the reading
// inside a sentence more than elsewhere (a name).
bool TokenWriter::CapitalsOfMisreadL(std::string_view orig, uint32_t id) const {
  if (orig.empty() || (orig[0] != '1' && orig[0] != 'I') || LetterCaseOf(orig).upper == 0 ||
      !m_.Word(id).starts_with("l"))
    return false;
  if (!KeyInto(m_.Word(id), &key_)) return true;
  const CandidateItem* item = ReadingItem(key_, id);
  return item == nullptr || item->cap_bonus <= 0;
}

// The model's entry for reading |id| of the key |key|, if it has one.
const CandidateItem* TokenWriter::ReadingItem(std::string_view key, uint32_t id) const {
  for (const CandidateItem& item : m_.Candidates(key))
    if (item.id == id) return &item;
  return nullptr;
}

// An x has the shape of an X and an OCR engine tells them apart by size only: "trên địa
// bàn Xa.", "nhân dân X4 về" are xã in lower case (the caller saw a lower-case word just
// before and passes the reading of the piece after). Not before a capitalised word (a
// name: "Xã Nghi Dương" may be a title), nor in xã hội, which names capitalise ("Lao động
// - Thương binh và Xã hội", also when the OCR garbled hội), nor at the unit's end, where
// the next word is not in sight.
bool TokenWriter::CaseMisread(const Unit& unit, const Edge& e, std::string_view orig, uint32_t next_id) const {
  if (orig.empty() || orig[0] != 'X' || LetterCaseOf(orig).upper != 1 || e.to >= unit.pieces.size()) return false;
  if (next_id == hoi_) return false;
  return !CapitalisedWordAt(unit, e.to);
}

size_t TokenWriter::UnifyNames(std::string_view input, RestoreResult* out) {
  const std::vector<NameRewrite> rewrites = DocumentNameRewrites(m_, absorbed_, input, out->text, names_);
  if (rewrites.empty()) return 0;
  std::string text;
  text.reserve(out->text.size());
  size_t copied = 0, token = 0;
  std::ptrdiff_t shift = 0;  // bytes added so far, for the token records after them
  std::string spelled;
  auto shift_tokens_before = [&](size_t out_end) {
    for (; token < out->tokens.size() && out->tokens[token].out_begin < out_end; ++token) {
      out->tokens[token].out_begin = static_cast<size_t>(static_cast<std::ptrdiff_t>(out->tokens[token].out_begin) + shift);
      out->tokens[token].out_end = static_cast<size_t>(static_cast<std::ptrdiff_t>(out->tokens[token].out_end) + shift);
    }
  };
  for (const NameRewrite& r : rewrites) {
    const NameWord& w = names_[r.index];
    const std::string_view written = std::string_view(out->text).substr(w.out_begin, w.out_end - w.out_begin);
    SpellAs(r.spelling, written, &spelled);  // in the case it was written in
    const std::string_view original = input.substr(w.in_begin, w.in_end - w.in_begin);
    out->changed += (spelled != original) - (written != original);
    if (r.kind_begin < w.out_begin && r.kind_begin >= copied) {
      // The unit's kind before the name, mended: its token (a word) reads so.
      shift_tokens_before(r.kind_begin);
      text.append(out->text, copied, r.kind_begin - copied);
      text += r.kind;
      text += ' ';
      if (token < out->tokens.size() && out->tokens[token].out_begin == r.kind_begin) {
        RestoredToken& t = out->tokens[token++];
        t.restored = r.kind;
        t.out_begin = static_cast<size_t>(static_cast<std::ptrdiff_t>(t.out_begin) + shift);
        t.out_end = t.out_begin + r.kind.size();
      }
      shift += static_cast<std::ptrdiff_t>(r.kind.size() + 1) - static_cast<std::ptrdiff_t>(w.out_begin - r.kind_begin);
      copied = w.out_begin;
    }
    shift_tokens_before(w.out_begin);
    // The OCR noise inside a name becomes the one space between its words (no token
    // lies in it: tokens are words).
    const size_t from = r.join && r.index > 0 ? names_[r.index - 1].out_end : w.out_begin;
    text.append(out->text, copied, from - copied);
    if (from != w.out_begin) {
      text += ' ';
      shift += 1 - static_cast<std::ptrdiff_t>(w.out_begin - from);
    }
    text += spelled;
    copied = w.out_end;
    if (token < out->tokens.size() && out->tokens[token].out_begin == w.out_begin) {
      RestoredToken& t = out->tokens[token];
      // The line's own search ranked the new reading among the alternatives: the two
      // trade places, each with its probability from that search.
      for (Alternative& alt : t.alternatives) {
        if (alt.text != spelled) continue;
        alt.text = t.restored;
        std::swap(alt.probability, t.confidence);
        break;
      }
      t.restored = spelled;
      t.out_begin = static_cast<size_t>(static_cast<std::ptrdiff_t>(t.out_begin) + shift);
      t.out_end = t.out_begin + spelled.size();
      ++token;
    }
    shift += static_cast<std::ptrdiff_t>(spelled.size()) - static_cast<std::ptrdiff_t>(written.size());
  }
  text.append(out->text, copied);
  shift_tokens_before(std::string::npos);
  out->text = std::move(text);
  return rewrites.size();
}

// The written text of a reading, in the case pattern of |orig|.
void TokenWriter::Spell(uint32_t id, bool as_written, std::string_view orig, std::string* out) const {
  if (as_written || id == m_.unk() || id == m_.num()) {
    out->assign(orig);
    return;
  }
  // Placing the tone and applying the letter case commute (a test checks it for every
  // word of the model), so a word's tone is placed once, not at every spelling.
  CaseAs(Toned(id), orig, out);
}

void TokenWriter::SpellAs(std::string_view lower, std::string_view orig, std::string* out) const {
  CaseAs(lower, orig, out);
  // The corpus has both placements; restored words follow one.
  *out = NormalizeTonePlacement(*out, ToneStyleOf(o_));
}

void TokenWriter::CaseAs(std::string_view lower, std::string_view orig, std::string* out) {
  ApplyWordCaseInto(lower, orig, out);
  // An OCR engine reads a lower-case l as a capital I ("Iy", "Ién"); a capital L it
  // reads as L. So an I read as l is lower case, unless the word is all capitals.
  if (!orig.empty() && orig[0] == 'I' && !out->empty() && (*out)[0] == 'L' && !IsAllUpper(orig)) (*out)[0] = 'l';
}

std::string_view TokenWriter::Toned(uint32_t id) const {
  if (toned_.size() < m_.vocab_size()) toned_.resize(m_.vocab_size()), toned_known_.resize(m_.vocab_size(), 0);
  if (!toned_known_[id]) {
    toned_[id] = NormalizeTonePlacement(m_.Word(id), ToneStyleOf(o_));
    toned_known_[id] = 1;
  }
  return toned_[id];
}

void TokenWriter::RestoredText(const Lattice& lattice, const Edge& e, const Cand& c, std::string_view orig,
                               std::string* out) const {
  switch (e.kind) {
    case EdgeKind::kFixed:
      if (e.fixed_text >= 0) out->assign(lattice.PoolText(e.fixed_text));
      else Spell(c.id, c.as_written, orig, out);
      return;
    case EdgeKind::kWord:
      Spell(c.id, c.as_written, orig, out);
      return;
    case EdgeKind::kMerge: {
      size_t b = ByteOfCodePoint(orig, c.cut);
      std::string right;
      Spell(c.id, false, orig.substr(0, b), out);
      Spell(c.id2, false, orig.substr(b), &right);
      *out += ' ';
      *out += right;
      return;
    }
    case EdgeKind::kJoin: {
      std::string glued;
      for (char ch : orig)
        if (ch != ' ') glued += ch;
      Spell(c.id, false, glued, out);
      return;
    }
    case EdgeKind::kSkip:
      out->assign(orig);
      return;
  }
}

RestoredKind TokenWriter::KindOf(const Unit& unit, const Edge& e, const RestoredToken& t) const {
  if (unit.pieces[e.from].kind == PieceKind::kSymbol)
    return t.changed() ? RestoredKind::kSymbolPart : RestoredKind::kKept;
  if (!t.changed()) return RestoredKind::kKept;
  if (e.kind == EdgeKind::kMerge || e.kind == EdgeKind::kJoin) return RestoredKind::kOcr;
  std::string a, b;
  bool ka = KeyInto(t.original, &a), kb = KeyInto(t.restored, &b);
  return ka && kb && a == b ? RestoredKind::kSyllable : RestoredKind::kOcr;
}

void TokenWriter::AddAlternatives(const Lattice& lattice, const Edge& e, uint16_t chosen, std::string_view orig,
                                  RestoredToken* tok) {
  order_.clear();
  for (uint32_t k = 0; k < e.cand_count; ++k) {
    if (k != chosen) order_.push_back(k);
  }
  std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) { return post_[a] > post_[b]; });
  std::string text;
  for (uint32_t k : order_) {
    if (static_cast<int>(tok->alternatives.size()) >= o_.alternatives) break;
    // Past the first, only alternatives with a real chance; the first is always shown
    // so that a marked word offers a choice.
    if (!tok->alternatives.empty() && post_[k] < 1e-4) break;
    RestoredText(lattice, e, lattice.cand(e, k), orig, &text);
    if (text == tok->restored) continue;
    bool dup = std::any_of(tok->alternatives.begin(), tok->alternatives.end(),
                           [&](const Alternative& a) { return a.text == text; });
    if (!dup) tok->alternatives.push_back({text, post_[k]});
  }
}

// The nearest words of the whole vocabulary come first: the lattice's readings of a word
// it could not read are what its strict channel allowed, often far-fetched ("Choáng"
// for "Coéng", where a clerk wants "Công"). The lattice's own follow, to the limit.
void TokenWriter::AddNearest(std::string_view orig, RestoredToken* tok) {
  LowerInto(orig, &lower_);
  const auto& nearest = words_->Nearest(lower_, static_cast<size_t>(std::max(1, o_.alternatives)));
  double total = 0;
  for (const auto& [id, score] : nearest) total += std::pow(10.0, static_cast<double>(score));
  std::vector<Alternative> from_lattice = std::move(tok->alternatives);
  tok->alternatives.clear();
  std::string text;
  for (const auto& [id, score] : nearest) {
    Spell(id, false, orig, &text);
    if (text == tok->restored) continue;
    // What the word is not sure to be is shared among the readings offered.
    tok->alternatives.push_back({text, (1.0 - tok->confidence) * std::pow(10.0, static_cast<double>(score)) / total});
  }
  for (Alternative& a : from_lattice) {
    if (static_cast<int>(tok->alternatives.size()) >= o_.alternatives) break;
    if (std::none_of(tok->alternatives.begin(), tok->alternatives.end(),
                     [&](const Alternative& b) { return b.text == a.text; }))
      tok->alternatives.push_back(std::move(a));
  }
}

void TokenWriter::Explain(const Unit& unit, const Lattice& lattice, const std::vector<PathStep>& path,
                          std::string* out) const {
  static constexpr const char* kKinds[] = {"fixed", "word", "merge", "join", "skip"};
  std::vector<char> chosen(lattice.cands.size(), 0);
  for (const PathStep& h : path) chosen[lattice.edges[h.edge].cand_begin + h.cand] = 1;
  *out += "unit: ";
  out->append(unit.text);
  *out += '\n';
  for (const Edge& e : lattice.edges) {
    if (e.kind == EdgeKind::kFixed && e.cand_count == 1 && unit.pieces[e.from].kind != PieceKind::kWord) continue;
    uint32_t b = unit.pieces[e.from].begin, x = unit.pieces[e.to - 1].end;
    *out += "  ";
    *out += kKinds[static_cast<int>(e.kind)];
    *out += " '";
    out->append(unit.text.substr(b, x - b));
    *out += "':";
    for (uint32_t k = 0; k < e.cand_count; ++k) {
      const Cand& c = lattice.cand(e, k);
      *out += chosen[e.cand_begin + k] ? " *" : " ";
      *out += c.id == 0 ? std::string("(skip)") : std::string(m_.Word(c.id));
      if (c.id2 != 0) *out += "+" + std::string(m_.Word(c.id2));
      char buf[16];
      std::snprintf(buf, sizeof buf, "(%.2f)", c.channel);
      *out += buf;
    }
    *out += '\n';
  }
}

}  // namespace vanban::internal
