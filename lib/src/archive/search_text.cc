#include "archive/search_text.h"

#include <algorithm>
#include <cstdio>

#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban {
namespace internal {
namespace {

// A control character at text[*i] (C0, DEL, or a C1 code point U+0080..U+009F in UTF-8)
// is appended escaped, *i moved to its last byte; false for anything else.
bool AppendEscapedControl(std::string_view text, size_t* i, std::string* out) {
  unsigned char c = static_cast<unsigned char>(text[*i]);
  char buf[8];
  if (c < 0x20 || c == 0x7F) {
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
  } else if (c == 0xC2 && *i + 1 < text.size() && static_cast<unsigned char>(text[*i + 1]) >= 0x80 &&
             static_cast<unsigned char>(text[*i + 1]) <= 0x9F) {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(text[*i + 1]));
    ++*i;
  } else {
    return false;
  }
  out->append(buf);
  return true;
}

enum class Side { kSpace, kWord, kPunct };
Side SideOf(std::string_view text, size_t at_or_npos) {
  if (at_or_npos >= text.size()) return Side::kSpace;
  unsigned char c = static_cast<unsigned char>(text[at_or_npos]);
  if (c == ' ' || c == '\n' || c == '\r' || c == '\t') return Side::kSpace;
  if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return Side::kWord;
  return Side::kPunct;
}

// Appends body[from, to) as plain text on one line: Markdown emphasis and code marks
// (runs of '*', '_', '`' that open or close a span: "**Điều 1.**"; kept between two
// words or two spaces: "x*y", "doc_000", " * ", and a lone one between punctuation:
// "(*)"), heading '#' and quote '>' at the start of a line left out; line breaks, tabs
// and runs of spaces as one space; control characters escaped.
void AppendPlain(std::string_view body, size_t from, size_t to, std::string* out) {
  for (size_t i = from; i < to; ++i) {
    const char c = body[i];
    if (c == '*' || c == '_' || c == '`') {
      size_t j = i;
      while (j < body.size() && body[j] == c) ++j;
      Side left = i == 0 ? Side::kSpace : SideOf(body, i - 1), right = SideOf(body, j);
      bool keep = left == right && (left != Side::kPunct || j - i == 1);
      size_t stop = std::min(j, to);
      if (keep) out->append(body.substr(i, stop - i));
      i = stop - 1;
      continue;
    }
    if ((c == '#' || c == '>') && (i == 0 || body[i - 1] == '\n')) {
      size_t j = i;
      while (j < body.size() && body[j] == c) ++j;
      if (j < body.size() && body[j] == ' ' && (c == '#' ? j - i <= 6 : j - i == 1)) {
        i = std::min(j, to) - 1;
        continue;
      }
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
      continue;
    }
    if (!AppendEscapedControl(body, &i, out)) out->push_back(c);
  }
}


bool TokenIs(std::string_view token, std::string_view want, bool prefix) {
  return prefix ? token.substr(0, want.size()) == want : token == want;
}

}  // namespace

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
    AppendPlain(body, pos, m.begin, &out);
    out.append(open);
    AppendPlain(body, m.begin, m.end, &out);
    out.append(close);
    pos = m.end;
  }
  AppendPlain(body, pos, end, &out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (end < body.size()) out.append("…");
  return out;
}

std::string HitSnippet(std::string_view body, const ParsedQuery& q, size_t width, std::string_view open,
                       std::string_view close) {
  Matches found = FindMatches(body, q);
  // Accented query: mark the words as typed when this document has them.
  const auto& marks = q.accented && !found.exact.empty() ? found.exact : found.folded;
  return Snippet(body, marks, width, open, close);
}

}  // namespace internal

std::string EscapeControlChars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\t' || text[i] == '\n' || !internal::AppendEscapedControl(text, &i, &out)) out.push_back(text[i]);
  }
  return out;
}

}  // namespace vanban
