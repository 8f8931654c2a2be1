#include "archive/search_text.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "text/utf8.h"
#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

// FTS5 unicode61's default token characters: categories L*, N* and Co; in ASCII only
// letters and digits.
bool IsTokenChar(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
    case U_PRIVATE_USE_CHAR:
      return true;
    default:
      return false;
  }
}

struct Token {
  size_t key_begin, key_end;    // in the search key
  size_t text_begin, text_end;  // in the text (same code points)
};

// Tokens of |text|, classified on its search key |key| (one code point for one).
std::vector<Token> Tokenize(std::string_view text, std::string_view key) {
  std::vector<Token> tokens;
  size_t i = 0, k = 0;
  bool in = false;
  while (i < text.size() && k < key.size()) {
    size_t next_i = i, next_k = k;
    NextCodePoint(text, &next_i);
    bool token = IsTokenChar(NextCodePoint(key, &next_k));
    size_t tl = next_i - i, kl = next_k - k;
    if (token && !in) tokens.push_back({k, k, i, i});
    if (token) {
      tokens.back().key_end = k + kl;
      tokens.back().text_end = i + tl;
    }
    in = token;
    i += tl;
    k += kl;
  }
  return tokens;
}

bool TokenIs(std::string_view token, std::string_view want, bool prefix) {
  return prefix ? token.substr(0, want.size()) == want : token == want;
}

}  // namespace

ParsedQuery ParseQuery(std::string_view text) {
  ParsedQuery q;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i >= text.size()) break;
    std::string term;
    if (text[i] == '"') {
      size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      term = std::string(text.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = text.find_first_of(" \t\n\r", i);
      if (end == std::string_view::npos) end = text.size();
      term = std::string(text.substr(i, end - i));
      i = end;
    }
    QueryTerm t;
    t.prefix = !term.empty() && term.back() == '*';
    while (!term.empty() && term.back() == '*') term.pop_back();
    std::replace(term.begin(), term.end(), '"', ' ');
    std::string key = SearchKey(term);
    for (const Token& tok : Tokenize(term, key)) {
      t.folded.emplace_back(key.substr(tok.key_begin, tok.key_end - tok.key_begin));
      t.exact.push_back(ToLower(term.substr(tok.text_begin, tok.text_end - tok.text_begin)));
    }
    if (t.folded.empty()) continue;  // punctuation only
    q.accented |= std::any_of(term.begin(), term.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    t.text = std::move(term);
    q.terms.push_back(std::move(t));
  }
  return q;
}

MatchExpressions BuildMatch(const ParsedQuery& q, bool exact_only) {
  MatchExpressions out;
  if (q.terms.empty()) return out;
  std::string exact, folded;
  for (const QueryTerm& t : q.terms) {
    std::string star = t.prefix ? "*" : "";
    exact += (exact.empty() ? "" : " AND ") + ("\"" + ToLower(t.text) + "\"" + star);
    folded += (folded.empty() ? "" : " AND ") + ("\"" + SearchKey(t.text) + "\"" + star);
  }
  out.exact = "{subject body} : (" + exact + ")";
  const std::string accent_free = "{subject_key body_key} : (" + folded + ")";
  // Without accents in the query, whatever matches as written also matches accent-free:
  // the folded columns alone find the same documents at half the cost.
  out.any = exact_only ? out.exact : q.accented ? "(" + out.exact + ") OR (" + accent_free + ")" : accent_free;
  return out;
}

Matches FindMatches(std::string_view body, const ParsedQuery& q) {
  Matches out;
  const std::string key = SearchKey(body);
  const std::vector<Token> tokens = Tokenize(body, key);
  // Exact spellings matter only for a query with accents. Lower-casing the whole body
  // once is far cheaper than token by token; Vietnamese case pairs have the same UTF-8
  // length, so offsets carry over (otherwise: per token).
  std::string lower;
  if (q.accented) lower = ToLower(body);
  const bool same_offsets = lower.size() == body.size();
  auto key_of = [&](const Token& t) { return std::string_view(key).substr(t.key_begin, t.key_end - t.key_begin); };
  auto lower_of = [&](const Token& t) {
    return same_offsets ? lower.substr(t.text_begin, t.text_end - t.text_begin)
                        : ToLower(body.substr(t.text_begin, t.text_end - t.text_begin));
  };
  for (size_t at = 0; at < tokens.size(); ++at) {
    for (size_t ti = 0; ti < q.terms.size(); ++ti) {
      const QueryTerm& term = q.terms[ti];
      const size_t n = term.folded.size();
      if (at + n > tokens.size()) continue;
      bool folded = true;
      for (size_t m = 0; m < n && folded; ++m) {
        folded = TokenIs(key_of(tokens[at + m]), term.folded[m], term.prefix && m + 1 == n);
      }
      if (!folded) continue;
      Mark mark{tokens[at].text_begin, tokens[at + n - 1].text_end, ti};
      out.folded.push_back(mark);
      if (q.accented) {
        bool exact = true;
        for (size_t m = 0; m < n && exact; ++m) exact = TokenIs(lower_of(tokens[at + m]), term.exact[m], term.prefix && m + 1 == n);
        if (exact) out.exact.push_back(mark);
      }
      break;  // one mark per position
    }
  }
  return out;
}

std::string Snippet(std::string_view body, const std::vector<Mark>& marks, size_t width, std::string_view open,
                    std::string_view close) {
  // Sliding window over the marks: terms seen in [marks[i].begin, + 2/3 width).
  const size_t span = width * 2 / 3;
  std::vector<size_t> count;
  for (const Mark& m : marks) count.resize(std::max(count.size(), m.term + 1));
  size_t best = 0, best_distinct = 0, best_count = 0, distinct = 0, j = 0;
  for (size_t i = 0; i < marks.size(); ++i) {
    if (j <= i) {  // a window holds at least its first mark
      j = i;
      if (count[marks[j].term]++ == 0) ++distinct;
      ++j;
    }
    while (j < marks.size() && marks[j].end <= marks[i].begin + span) {
      if (count[marks[j].term]++ == 0) ++distinct;
      ++j;
    }
    if (distinct > best_distinct || (distinct == best_distinct && j - i > best_count)) {
      best = i;
      best_distinct = distinct;
      best_count = j - i;
    }
    if (--count[marks[i].term] == 0) --distinct;
  }
  size_t first = marks.empty() ? 0 : marks[best].begin;
  size_t start = first > width / 4 ? first - width / 4 : 0;
  while (start > 0 && start < body.size() && (static_cast<unsigned char>(body[start]) & 0xC0) == 0x80) --start;
  if (start > 0) {
    size_t sp = body.find_first_of(" \n", start);
    if (sp != std::string_view::npos && sp < first) start = sp + 1;
  }
  size_t end = std::min(body.size(), start + width);
  while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
  if (end < body.size()) {
    size_t sp = body.find_last_of(" \n", end);
    if (sp != std::string_view::npos && sp > start + width / 2) end = sp;
  }
  std::string out = start > 0 ? "…" : "";
  size_t pos = start;
  for (const Mark& m : marks) {
    if (m.begin < pos || m.end > end) continue;
    out.append(body.substr(pos, m.begin - pos));
    out.append(open);
    out.append(body.substr(m.begin, m.end - m.begin));
    out.append(close);
    pos = m.end;
  }
  out.append(body.substr(pos, end - pos));
  if (end < body.size()) out.append("…");
  // One line: control characters and runs of spaces collapse to one space.
  std::string line;
  line.reserve(out.size());
  for (char c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !line.empty() && line.back() == ' ') continue;
    line.push_back(c);
  }
  return line;
}

}  // namespace vanban::internal
