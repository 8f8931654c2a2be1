#include "restore/line_specks.h"

#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace vanban::internal {
namespace {

// Marks OCR makes of specks. Quotes, brackets and asterisks (footnote marks) are not
// among them: a writer puts those alone at a line's edge.
bool SpeckMark(char32_t c) {
  switch (c) {
    case '.': case ',': case ':': case ';': case '|': case '~': case '_': case '=': case '^': case '`':
    case '\'': case '-': case '<': case '>': case 0x2018: case 0x2019: case 0x2013: case 0x2014:
    case 0x2022: case 0xAB: case 0xBB: case 0xA6: case 0xAC:
      return true;
    default:
      return false;
  }
}

// Marks no writer puts alone at a line's edge.
bool StrongSpeck(char32_t c) {
  return c == '|' || c == '~' || c == '_' || c == '=' || c == '^' || c == '`' || c == '<' || c == '>' ||
         c == 0xAB || c == 0xBB || c == 0xA6 || c == 0xAC;
}

bool Dash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }

bool Blank(char c) { return c == ' ' || c == '\t'; }

struct Token {
  size_t begin, end;
  bool speck = true;    // one to three speck marks, not one mark repeated ("==", "...", "--": rules, leaders)
  bool strong = false;  // holds a mark no writer puts there
  bool bullet = false;  // a dash or a bullet alone
};

Token Classify(std::string_view text, size_t begin, size_t end) {
  Token t{begin, end};
  size_t pos = begin;
  int n = 0;
  char32_t first = 0;
  bool same = true;
  while (pos < end) {
    const char32_t c = NextCodePoint(text, &pos);
    if (n++ == 0) first = c;
    else if (c != first) same = false;
    t.speck &= SpeckMark(c);
    t.strong |= StrongSpeck(c);
  }
  if (n > 3 || (n >= 2 && same)) t.speck = false;
  t.bullet = n == 1 && (Dash(first) || first == 0x2022);
  return t;
}

// The blank-separated tokens of text[begin, end).
std::vector<Token> Tokens(std::string_view text, size_t begin, size_t end) {
  std::vector<Token> out;
  size_t i = begin;
  while (i < end) {
    while (i < end && Blank(text[i])) ++i;
    if (i == end) break;
    size_t j = i;
    while (j < end && !Blank(text[j])) ++j;
    out.push_back(Classify(text, i, j));
    i = j;
  }
  return out;
}

// The byte where the specks after the last word of the line ending at |eol| begin, with
// the blanks before them; |eol| when there are none or they start before |floor|. Reads
// back from |eol| over the specks and the word before them only: a line cut into units
// (8 KiB each) asks once per unit.
size_t TailCut(std::string_view text, size_t eol, size_t floor) {
  constexpr size_t kSpeckBytes = 9;  // three marks of at most three bytes
  auto blank = [&](size_t i) { return Blank(text[i]); };
  // The token ending at |end| (past blanks), classified; not a speck when longer than one.
  auto token_before = [&](size_t end) {
    while (end > 0 && blank(end - 1)) --end;
    size_t b = end;
    while (b > 0 && !blank(b - 1) && text[b - 1] != '\n' && end - b <= kSpeckBytes) --b;
    const bool whole = b == 0 || blank(b - 1) || text[b - 1] == '\n';
    return whole && b < end ? Classify(text, b, end) : Token{b, end, false};
  };
  std::vector<Token> run;  // from the line's end back
  size_t i = eol;
  while (true) {
    while (i > 0 && blank(i - 1)) --i;
    if (i == 0 || text[i - 1] == '\n') return eol;  // specks alone, or nothing, on the line
    Token tok = token_before(i);
    const size_t b = tok.begin;
    // A digit alone after a speck is one too ("dùng | 7 | :", "Nơi nhận: - . 7"), not
    // the number a word names ("khoản 7").
    if (!tok.speck && i - b == 1 && text[b] >= '0' && text[b] <= '9' && b > 0 && blank(b - 1) &&
        token_before(b).speck)
      tok.speck = true;
    if (!tok.speck) {
      // The word before the specks: only its last mark counts.
      size_t at = i - 1;
      while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
      size_t pos = at;
      const char32_t p = NextCodePoint(text, &pos);
      if (run.empty() || run.back().begin < floor) return eol;
      bool strong = false, dots = true;
      for (const Token& t : run) {
        strong |= t.strong;
        dots &= t.end - t.begin == 1 && text[t.begin] == '.';
      }
      if (dots && run.size() >= 3) return eol;  // a spaced leader: ". . . ."
      // A lone mark after a word may be the text's ("kinh tế -" before "xã hội", "như
      // sau :"); after a stop, a comma or a bracket it is not.
      const bool after_mark = p == '.' || p == ',' || p == ';' || p == ':' || p == ')' || p == '!' || p == '?';
      if (!strong && run.size() < 2 && !after_mark) return eol;
      return i > floor ? i : floor;
    }
    run.push_back(tok);
    i = b;
  }
}

}  // namespace

void TrimLineSpecks(std::string* text, size_t from, bool line_start, bool unit_end) {
  std::string& t = *text;
  size_t nl = t.find('\n', from);
  if (nl != std::string::npos || unit_end) {
    const size_t eol = nl == std::string::npos ? t.size() : nl;
    const size_t cut = TailCut(t, eol, from);
    t.erase(cut, eol - cut);
  }
  if (unit_end) return;  // no word follows: the line of specks alone is left as it is
  const size_t last_nl = std::string_view(t).substr(from).rfind('\n');
  size_t bol;
  if (last_nl != std::string::npos) bol = from + last_nl + 1;
  else if (line_start) bol = from;
  else return;
  const std::vector<Token> toks = Tokens(t, bol, t.size());
  size_t k = 0;
  while (k < toks.size() && toks[k].speck) ++k;
  // A speck glued to the word that follows is part of that word's piece ("~-Nghị").
  if (k > 0 && k == toks.size() && toks.back().end == t.size()) --k;
  if (k == 0) return;
  // A dash or bullet alone right before the word is the line's bullet ("~ - Văn phòng"):
  // the specks before it go. On the dev OCR sets a dash inside the specks ("-. THÔNG
  // TƯ", "~.- Quyết định") stood for no bullet 12 times in 13.
  const size_t end = toks[k - 1].bullet ? toks[k - 1].begin : k < toks.size() ? toks[k].begin : t.size();
  t.erase(bol, end - bol);
}

}  // namespace vanban::internal
