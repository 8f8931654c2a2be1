// The lossless tokenizer. One left-to-right pass: white space, newlines and punctuation
// are single tokens; everything else is read as a "compound", a chain of atoms (runs of
// letters and digits) joined by single connectors (/ - . , : +), which is then cut into
// the longest dates, numbers and document symbols it contains, the rest being words and
// one-character punctuation.
#include <algorithm>
#include <cstring>
#include <string>

#include "token/char_class.h"
#include "token/shapes.h"
#include "vanban/text.h"
#include "vanban/token.h"

namespace vanban {

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kVietWord: return "viet_word";
    case TokenKind::kOtherWord: return "other_word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kDate: return "date";
    case TokenKind::kUrl: return "url";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSpace: return "space";
    case TokenKind::kNewline: return "newline";
  }
  return "unknown";
}

namespace {

using internal::CharClass;
using internal::CharInfo;
using internal::ClassifyChar;

// The most atoms one date, number or symbol may span: "2026-01-26T17:37:54+0700" has 7.
constexpr size_t kMaxAtomsPerToken = 8;

bool IsConnector(char c) {
  return c == '/' || c == '-' || c == '.' || c == ',' || c == ':' || c == '+';
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// A run of letters, digits and OCR letter-symbols.
struct Atom {
  uint32_t begin = 0;
  uint32_t end = 0;
  char connector = 0;  // the connector byte right after the atom, 0 if none
  bool first_upper = false;
  bool mark = false;
  bool ocr = false;
  bool ascii_alnum = true;  // only ASCII letters and digits
  uint32_t letters = 0;
  uint32_t digits = 0;
  uint32_t upper = 0;
  uint32_t lower = 0;
  int value = -1;  // numeric value of an all-digit atom of at most 4 digits

  bool all_digits() const { return letters == 0 && !ocr; }
  uint32_t digit_count() const { return all_digits() ? digits : 0; }
  // A letter group of a document symbol: "NQ", "HĐND", "TTg", "QH15", "Đ".
  bool symbol_group() const {
    return first_upper && !ocr && !mark && (upper >= 2 || letters == 1) && lower <= upper;
  }
};

// Remembers IsVietnameseSyllable answers: a document repeats a few thousand syllables,
// and a hash probe is much cheaper than parsing a syllable again. Direct-mapped, one
// table per Tokenize call (no shared state), allocated only for texts big enough to
// gain from it.
class SyllableCache {
 public:
  explicit SyllableCache(size_t text_size) {
    if (text_size >= kMinTextSize) entries_.resize(kEntries);
  }

  bool Lookup(std::string_view word) {
    if (entries_.empty() || word.size() > kMaxWordBytes) return IsVietnameseSyllable(word);
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : word) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
    Entry& e = entries_[h & (kEntries - 1)];
    if (e.length == word.size() && std::memcmp(e.bytes, word.data(), word.size()) == 0) {
      return e.syllable;
    }
    e.length = static_cast<uint8_t>(word.size());
    std::memcpy(e.bytes, word.data(), word.size());
    e.syllable = IsVietnameseSyllable(word);
    return e.syllable;
  }

 private:
  static constexpr size_t kEntries = 4096;       // power of two
  static constexpr size_t kMaxWordBytes = 22;
  static constexpr size_t kMinTextSize = 1 << 16;
  struct Entry {
    uint8_t length = 0;  // 0: empty (words are never empty)
    bool syllable = false;
    char bytes[kMaxWordBytes];
  };
  std::vector<Entry> entries_;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text), syllables_(text.size()) {}

  std::vector<Token> Run() {
    // Vietnamese text has about one token per 3 bytes; reserving for one per 4 saves
    // most regrowth without a large unused reservation.
    tokens_.reserve(text_.size() / 4 + 8);
    size_t pos = 0;
    const size_t n = text_.size();
    while (pos < n) {
      const char b = text_[pos];
      if (b == '\n' || b == '\r') {
        const size_t len = (b == '\r' && pos + 1 < n && text_[pos + 1] == '\n') ? 2 : 1;
        Emit(TokenKind::kNewline, pos, pos + len);
        ++line_;
        pos += len;
        continue;
      }
      const CharInfo c = ClassifyChar(text_, pos);
      switch (c.cls) {
        case CharClass::kSpace: {
          size_t end = pos + c.length;
          while (end < n) {
            const CharInfo s = ClassifyChar(text_, end);
            if (s.cls != CharClass::kSpace) break;
            end += s.length;
          }
          Emit(TokenKind::kSpace, pos, end);
          pos = end;
          break;
        }
        case CharClass::kLetter:
        case CharClass::kDigit:
          pos = Compound(pos);
          break;
        case CharClass::kOcrSymbol:
          if (OcrSymbolStartsWord(c, pos)) {
            pos = Compound(pos);
          } else {
            Emit(TokenKind::kPunct, pos, pos + c.length);
            pos += c.length;
          }
          break;
        case CharClass::kNewline:  // handled above
        case CharClass::kPunct:
          Emit(TokenKind::kPunct, pos, pos + c.length);
          pos += c.length;
          break;
      }
    }
    return std::move(tokens_);
  }

 private:
  void Emit(TokenKind kind, size_t begin, size_t end) {
    tokens_.push_back(Token{kind, static_cast<uint32_t>(begin), static_cast<uint32_t>(end), line_});
  }

  // A lone "¢" or "&" is punctuation; one that leads letters ("¢6", "&o") is OCR for a letter.
  bool OcrSymbolStartsWord(const CharInfo& c, size_t pos) const {
    const size_t next = pos + c.length;
    if (next >= text_.size()) return false;
    const CharInfo n = ClassifyChar(text_, next);
    if (c.code == '&') return n.cls == CharClass::kLetter && n.lower;
    if (c.code == '|') return n.cls == CharClass::kLetter;
    return n.cls == CharClass::kLetter || n.cls == CharClass::kDigit;
  }

  bool AtomStartsAt(size_t pos) const {
    const CharInfo c = ClassifyChar(text_, pos);
    if (c.cls == CharClass::kLetter || c.cls == CharClass::kDigit) return true;
    return c.cls == CharClass::kOcrSymbol && OcrSymbolStartsWord(c, pos);
  }

  // Scans the atom starting at |pos| (AtomStartsAt(pos) holds).
  Atom ScanAtom(size_t pos) const {
    Atom a;
    a.begin = static_cast<uint32_t>(pos);
    const size_t n = text_.size();
    size_t i = pos;
    CharInfo prev;
    while (i < n) {
      const CharInfo c = ClassifyChar(text_, i);
      if (c.cls == CharClass::kLetter) {
        if (i == pos) a.first_upper = c.upper;
        ++a.letters;
        a.upper += c.upper;
        a.lower += c.lower;
        a.mark = a.mark || c.mark;
        a.ascii_alnum = a.ascii_alnum && c.code < 0x80;
      } else if (c.cls == CharClass::kDigit) {
        ++a.digits;
      } else if (c.cls == CharClass::kOcrSymbol) {
        if (i != pos && !OcrSymbolContinuesWord(prev, c, i)) break;
        a.ocr = true;
        a.ascii_alnum = false;
      } else {
        break;
      }
      prev = c;
      i += c.length;
    }
    a.end = static_cast<uint32_t>(i);
    if (a.all_digits() && a.digits <= 4) {
      a.value = 0;
      for (size_t k = pos; k < i; ++k) a.value = a.value * 10 + (text_[k] - '0');
    }
    return a;
  }

  // Inside a word an OCR symbol is a letter ("x&", "c¢6", "nhi€ém"), except an ampersand
  // between capitals ("HĐND&UBND", "KH&ĐT") and a bar not touching a letter.
  bool OcrSymbolContinuesWord(const CharInfo& prev, const CharInfo& c, size_t pos) const {
    if (c.code != '&' && c.code != '|') return true;
    const size_t next = pos + c.length;
    CharInfo n;
    if (next < text_.size()) n = ClassifyChar(text_, next);
    const bool next_letter = n.cls == CharClass::kLetter;
    if (c.code == '&') return !(prev.upper && next_letter && n.upper);
    return prev.cls == CharClass::kLetter || next_letter;
  }

  // End of the e-mail address starting at |pos|, or 0. Remembers the local-part run so
  // that inputs like "a_a_a_…" stay linear.
  size_t EmailEnd(size_t pos) {
    if (!IsAsciiAlnum(text_[pos])) return 0;
    if (pos < email_run_begin_ || pos >= email_run_end_) {
      email_run_begin_ = pos;
      email_run_end_ = internal::EmailLocalRunEnd(text_, pos);
      const size_t at = email_run_end_;
      email_end_ = (at < text_.size() && text_[at] == '@' && text_[at - 1] != '.')
                       ? internal::EmailDomainEnd(text_, at + 1)
                       : 0;
    }
    return email_end_;
  }

  // True when a connector at |pos| joins the atom before it to another one.
  bool ConnectorAt(size_t pos) const {
    return pos + 1 < text_.size() && IsConnector(text_[pos]) && AtomStartsAt(pos + 1) &&
           // A URL after a connector ("xem:https://…") is a token of its own.
           internal::MatchUrl(text_, pos + 1) == 0;
  }

  // Tokenizes the compound starting at |start|; returns the position after it.
  size_t Compound(size_t start) {
    if (const size_t url = internal::MatchUrl(text_, start)) {
      Emit(TokenKind::kUrl, start, start + url);
      return start + url;
    }
    const Atom first = ScanAtom(start);
    size_t pos = first.end;
    const size_t n = text_.size();
    // An address needs its local part to run on from this ASCII atom up to an '@'.
    if (first.ascii_alnum && pos < n && (text_[pos] == '@' || internal::IsEmailLocalChar(text_[pos]))) {
      if (const size_t email = EmailEnd(start)) {
        Emit(TokenKind::kUrl, start, email);
        return email;
      }
    }
    if (!ConnectorAt(pos)) {  // the common case: a plain word or number
      EmitWord(first);
      return pos;
    }
    atoms_.clear();
    atoms_.push_back(first);
    atoms_.back().connector = text_[pos];
    ++pos;
    while (true) {
      atoms_.push_back(ScanAtom(pos));
      pos = atoms_.back().end;
      if (!ConnectorAt(pos)) break;
      atoms_.back().connector = text_[pos];
      ++pos;
    }
    // "Email:abc@x.vn": the address starts at a later atom.
    size_t email_start = 0, email_end = 0;
    if (pos < n && text_[pos] == '@' && atoms_.size() > 1) {
      // Only the first atom inside the local-part run before '@' can start the address:
      // any later start has the same run end and domain.
      size_t local = pos;
      while (local > start && internal::IsEmailLocalChar(text_[local - 1])) --local;
      for (size_t k = 1; k < atoms_.size(); ++k) {
        if (atoms_[k].begin < local || !IsAsciiAlnum(text_[atoms_[k].begin])) continue;
        if (const size_t e = EmailEnd(atoms_[k].begin)) {
          email_start = atoms_[k].begin;
          email_end = e;
          atoms_.resize(k);
        }
        break;
      }
    }
    EmitAtoms();
    if (email_end != 0) {
      // The connector before the address belongs to neither side.
      Emit(TokenKind::kPunct, email_start - 1, email_start);
      Emit(TokenKind::kUrl, email_start, email_end);
      return email_end;
    }
    return pos;
  }

  void EmitAtoms() {
    const size_t count = atoms_.size();
    size_t k = 0;
    while (k < count) {
      size_t last = k;
      TokenKind kind = TokenKind::kPunct;
      if (count - k > 1 && MatchSpan(k, &last, &kind)) {
        Emit(kind, atoms_[k].begin, atoms_[last].end);
      } else {
        EmitWord(atoms_[k]);
      }
      if (last + 1 < count) Emit(TokenKind::kPunct, atoms_[last].end, atoms_[last].end + 1);
      k = last + 1;
    }
  }

  // The longest date, number or symbol made of atoms_[first..*last]; false if none spans
  // at least two atoms.
  bool MatchSpan(size_t first, size_t* last, TokenKind* kind) const {
    const Atom& a = atoms_[first];
    if (a.digit_count() == 4 && a.connector == '-') {
      if (const size_t len = internal::MatchIsoDateTime(text_, a.begin)) {
        const size_t end = a.begin + len;
        for (size_t j = first + 2; j < atoms_.size() && atoms_[j].begin < end; ++j) {
          if (atoms_[j].end == end) {
            *last = j;
            *kind = TokenKind::kDate;
            return true;
          }
        }
      }
    }
    const size_t max_last = std::min(atoms_.size() - 1, first + kMaxAtomsPerToken - 1);
    for (size_t j = max_last; j > first; --j) {
      if (IsDate(first, j)) {
        *kind = TokenKind::kDate;
      } else if (IsNumber(first, j)) {
        *kind = TokenKind::kNumber;
      } else if (IsSymbol(first, j)) {
        *kind = TokenKind::kSymbol;
      } else {
        continue;
      }
      *last = j;
      return true;
    }
    return false;
  }

  // 19/12/2025, 1/1/26, 05/6, 12/2025, 19-12-2025, 19.12.2025.
  bool IsDate(size_t first, size_t last) const {
    const size_t parts = last - first + 1;
    if (parts > 3) return false;
    const char sep = atoms_[first].connector;
    for (size_t j = first; j <= last; ++j) {
      if (atoms_[j].digit_count() == 0 || atoms_[j].value < 0) return false;
      if (j < last && atoms_[j].connector != sep) return false;
    }
    const Atom& d = atoms_[first];
    const Atom& m = atoms_[first + 1];
    const bool day_ok = d.digits <= 2 && d.value >= 1 && d.value <= 31;
    const bool month_ok = m.digits <= 2 && m.value >= 1 && m.value <= 12;
    if (parts == 2) {
      if (sep != '/') return false;
      // Month/year "12/2025" or day/month "05/6".
      const bool month_year = d.digits <= 2 && d.value >= 1 && d.value <= 12 && m.digits == 4;
      return month_year || (day_ok && month_ok);
    }
    const Atom& y = atoms_[last];
    if (sep == '/') return day_ok && month_ok && (y.digits == 4 || y.digits == 2);
    if (sep == '-' || sep == '.') return day_ok && month_ok && y.digits == 4;
    return false;
  }

  // 3,5  2.5  1.000.000  1.000,5
  bool IsNumber(size_t first, size_t last) const {
    for (size_t j = first; j <= last; ++j) {
      if (atoms_[j].digit_count() == 0) return false;
      if (j < last && atoms_[j].connector != '.' && atoms_[j].connector != ',') return false;
    }
    return true;
  }

  // 20/NQ-HĐND, 61/2023/NĐ-CP, 55-NQ/TU, NĐ-CP, QĐ-TTg, 02-HD/BTGDVTU.
  bool IsSymbol(size_t first, size_t last) const {
    bool group = false;
    for (size_t j = first; j <= last; ++j) {
      const Atom& a = atoms_[j];
      if (a.symbol_group()) {
        group = true;
      } else if (a.digit_count() == 0) {
        return false;
      }
      if (j < last && a.connector != '/' && a.connector != '-') return false;
    }
    return group;
  }

  void EmitWord(const Atom& a) {
    TokenKind kind;
    if (a.all_digits()) {
      kind = TokenKind::kNumber;
    } else if (a.digits > 0 || a.ocr) {
      kind = TokenKind::kOtherWord;  // "x4", "1am", "c¢6": kept whole for the restorer
    } else {
      kind = IsSyllable(a) ? TokenKind::kVietWord : TokenKind::kOtherWord;
    }
    Emit(kind, a.begin, a.end);
  }

  bool IsSyllable(const Atom& a) {
    const std::string_view word = text_.substr(a.begin, a.end - a.begin);
    // Syllables are at most 7 letters ("nghiêng"); longer runs need no lookup.
    if (a.letters > 16) return false;
    if (a.mark) return IsVietnameseSyllable(ToNfc(word));  // NFD input: rare, so allocate
    return syllables_.Lookup(word);
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<Atom> atoms_;
  SyllableCache syllables_;
  uint32_t line_ = 1;
  size_t email_run_begin_ = 0;
  size_t email_run_end_ = 0;
  size_t email_end_ = 0;
};

}  // namespace

// Token offsets are 32-bit, so texts must stay under 4 GiB (the CLI refuses inputs over
// 1 GiB before decoding).
std::vector<Token> Tokenize(std::string_view text) { return Tokenizer(text).Run(); }

}  // namespace vanban
