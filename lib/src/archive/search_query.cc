#include "archive/search_query.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban {
namespace internal {
namespace {

size_t CodePointLen(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

char32_t Decode(std::string_view s, size_t i, size_t len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

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

// Accent- and case-free with single spaces: how --type compares names ("Kế  hoạch" = "ke hoach").
std::string NameKey(std::string_view s) {
  std::string key = SearchKey(s), out;
  for (char c : key) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, std::string_view key) {
  std::vector<Token> tokens;
  size_t i = 0, k = 0;
  bool in = false;
  while (i < text.size() && k < key.size()) {
    size_t tl = std::min(CodePointLen(static_cast<unsigned char>(text[i])), text.size() - i);
    size_t kl = std::min(CodePointLen(static_cast<unsigned char>(key[k])), key.size() - k);
    bool token = IsTokenChar(Decode(key, k, kl));
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

ParsedQuery ParseQuery(std::string_view text) {
  ParsedQuery q;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i >= text.size()) break;
    std::string term;
    bool quoted = text[i] == '"';
    if (quoted) {
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
    t.quoted = quoted;
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

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kPhrase: return "phrase";
    case MatchKind::kNear: return "near";
    case MatchKind::kAllWords: return "words";
  }
  return "?";
}

size_t NearDistance(const ParsedQuery& q) {
  size_t middle = 0;
  for (size_t i = 1; i + 1 < q.terms.size(); ++i) middle += q.terms[i].folded.size();
  return kNearSlack + middle;
}

std::vector<SearchStep> SearchPlan(const ParsedQuery& q, bool exact_only) {
  std::vector<SearchStep> plan;
  if (q.terms.empty()) return plan;
  std::vector<MatchKind> kinds = {MatchKind::kAllWords};
  if (q.terms.size() > 1) kinds = {MatchKind::kPhrase, MatchKind::kNear, MatchKind::kAllWords};
  // Accents typed are the stronger signal: "cơ sở" scattered is still those words, "co
  // so" may be "có số". Without accents in the query, as typed and accent-free find the
  // same documents: one pass.
  if (exact_only || q.accented) {
    for (MatchKind kind : kinds) plan.push_back({kind, true});
  }
  if (!exact_only) {
    for (MatchKind kind : kinds) plan.push_back({kind, false});
  }
  return plan;
}

int64_t RankedMatchesCap(const SearchQuery& q, int64_t limit) {
  return q.rank_at_most > 0 ? std::max<int64_t>(q.rank_at_most, limit) : 0;
}

std::string EffectiveTypeCode(std::string_view code, std::string_view label, std::string_view type_name) {
  if (!code.empty()) return std::string(code);
  if (NameKey(label) == "cong van" || NameKey(type_name) == "cong van") return "CV";
  return "";
}

std::vector<size_t> SelectTypes(std::string_view wanted, const std::vector<StoredType>& stored) {
  std::vector<size_t> exact, folded;
  const std::string key = NameKey(wanted);
  for (size_t i = 0; i < stored.size(); ++i) {
    const StoredType& t = stored[i];
    const std::string code = EffectiveTypeCode(t.code, t.label, t.type_name);
    if (!code.empty() && code == wanted) {
      exact.push_back(i);
    } else if (!key.empty() && ((!code.empty() && NameKey(code) == key) || (!t.label.empty() && NameKey(t.label) == key) ||
                                (!t.type_name.empty() && NameKey(t.type_name) == key))) {
      folded.push_back(i);
    }
  }
  return exact.empty() ? folded : exact;
}

std::vector<std::string> SelectTypeKeys(std::string_view wanted, const std::vector<std::string>& keys) {
  std::vector<StoredType> stored;
  for (const std::string& key : keys) {
    StoredType t;
    std::string* parts[] = {&t.code, &t.label, &t.type_name};
    size_t part = 0;
    for (char c : key) {
      if (c == '\x1f' && part < 2) {
        ++part;
      } else {
        parts[part]->push_back(c);
      }
    }
    stored.push_back(std::move(t));
  }
  std::vector<std::string> out;
  for (size_t i : SelectTypes(wanted, stored)) out.push_back(keys[i]);
  return out;
}

void AssignScores(std::vector<SearchHit>* hits, const std::vector<size_t>& step, const std::vector<double>& relevance,
                  size_t steps) {
  std::vector<double> best(steps, 0.0);
  for (size_t i = 0; i < hits->size(); ++i) best[step[i]] = std::max(best[step[i]], relevance[i]);
  for (size_t i = 0; i < hits->size(); ++i) {
    double within = best[step[i]] > 0 ? std::clamp(relevance[i] / best[step[i]], 0.0, 1.0) : 1.0;
    double score = (static_cast<double>(steps - step[i] - 1) + within) / static_cast<double>(steps);
    (*hits)[i].score = std::round(score * 1000.0) / 1000.0;
  }
}

std::string LikeLiteral(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

Status ResolveDateBounds(const SearchQuery& q, std::string* from, std::string* to) {
  for (auto [text, upper, out] : {std::tuple{&q.from, false, from}, std::tuple{&q.to, true, to}}) {
    if (text->empty()) continue;
    auto bound = SearchDateBound(*text, upper);
    if (!bound.ok()) return Status::InvalidArgument(std::string(upper ? "to" : "from") + " date: " + bound.status().message());
    *out = *bound;
  }
  return Status::Ok();
}

}  // namespace internal

bool SearchTextHasWords(std::string_view text) { return !internal::ParseQuery(text).terms.empty(); }

namespace {

// The words of |q| as the engines match them: a quoted phrase counts each of its words.
size_t WordCount(const internal::ParsedQuery& q) {
  size_t n = 0;
  for (const auto& term : q.terms) n += term.folded.size();
  return n;
}

}  // namespace

Status CheckSearchQuery(const SearchQuery& q, bool text_given, std::string* field) {
  for (auto [name, text, upper] : {std::tuple{"from", &q.from, false}, std::tuple{"to", &q.to, true}}) {
    if (text->empty()) continue;
    auto bound = SearchDateBound(*text, upper);
    if (!bound.ok()) {
      *field = name;
      return bound.status();
    }
  }
  if (q.text.size() > kMaxSearchQueryBytes) {
    *field = "query";
    return Status::InvalidArgument(std::to_string(q.text.size()) + " bytes long: a query has at most " +
                                   std::to_string(kMaxSearchQueryBytes) + " bytes");
  }
  const internal::ParsedQuery parsed = internal::ParseQuery(q.text);
  if (const size_t words = WordCount(parsed); words > kMaxSearchWords) {
    *field = "query";
    return Status::InvalidArgument(std::to_string(words) + " words: a query has at most " +
                                   std::to_string(kMaxSearchWords) + " (search for the distinctive ones)");
  }
  if (text_given && parsed.terms.empty()) {  // SearchTextHasWords, on the query parsed above
    *field = "query";
    return Status::InvalidArgument(
        q.text.find_first_not_of(" \t\r\n") == std::string::npos
            ? "empty: give words to search for, or leave the query out to list the documents the filters select"
            : "'" + q.text + "' has no words to search for (only punctuation)");
  }
  return Status::Ok();
}

Result<std::string> SearchDateBound(std::string_view text, bool upper) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("not a date: '" + std::string(text) + "' (" + why +
                                   "); expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2026-01-31");
  };
  auto number = [&](size_t at, size_t len, int* out) {
    if (at + len > text.size()) return false;
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  int year = 0, month = 0, day = 0;
  const size_t n = text.size();
  if ((n != 4 && n != 7 && n != 10) || !number(0, 4, &year) || (n >= 7 && (text[4] != '-' || !number(5, 2, &month))) ||
      (n == 10 && (text[7] != '-' || !number(8, 2, &day)))) {
    return bad("not in that form");
  }
  if (year == 0) return bad("there is no year 0");
  if (n >= 7 && (month < 1 || month > 12)) return bad("there is no month " + std::to_string(month));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (n == 10 && (day < 1 || day > days[month - 1])) {
    return bad(day < 1 ? "there is no day 0"
                       : "month " + std::to_string(month) + " of " + std::to_string(year) + " has " +
                             std::to_string(days[month - 1]) + " days");
  }
  if (n < 7) month = upper ? 12 : 1;
  if (n < 10) day = upper ? days[month - 1] : 1;
  char buf[32];  // year < 10000: 10 bytes
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

}  // namespace vanban
