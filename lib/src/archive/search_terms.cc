#include "archive/search_terms.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "vanban/archive.h"

namespace vanban::internal {
namespace {

// Only tokens of ASCII letters and digits make pairs: FTS5's tokenizer and vanban's agree
// on those for certain, and a pair that FTS5 split in two would be a phrase, which a
// detail=none table refuses. Nearly every folded Vietnamese token is ASCII; a pair left
// out only widens the candidates.
bool PairableToken(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

void AddPairs(std::string_view key, std::vector<std::string>* out) {
  std::string_view prev;
  for (const Token& t : Tokenize(key, key)) {
    std::string_view tok = key.substr(t.key_begin, t.key_end - t.key_begin);
    if (!PairableToken(tok)) {
      prev = {};
      continue;
    }
    if (!prev.empty()) out->push_back(std::string(prev) + "_" + std::string(tok));
    prev = tok;
  }
}

std::string Quoted(std::string_view s, char quote) {
  std::string out(1, quote);
  for (char c : s) {
    if (c == quote || (quote == '\'' && c == '\\')) out.push_back(c);
    out.push_back(c);
  }
  return out + quote;
}

template <typename Spell>
std::string Combine(const CandidateQuery& c, const char* and_op, const char* or_op, Spell spell) {
  if (c.empty()) return "";
  std::string out;
  for (const std::string& p : c.pairs) out += (out.empty() ? "" : and_op) + spell(p);
  for (const std::vector<std::string>& group : c.any_of) {
    std::string any;
    for (const std::string& t : group) any += (any.empty() ? "" : or_op) + spell(t);
    out += (out.empty() ? "(" : std::string(and_op) + "(") + any + ")";
  }
  return out;
}

}  // namespace

std::string TypeTerm(std::string_view type_key) { return "__t" + Sha256Hex(type_key).substr(0, 16); }

std::vector<std::string> YearTerms(std::string_view issued_date) {
  const bool year = issued_date.size() >= 4 &&
                    std::all_of(issued_date.begin(), issued_date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  if (!year) return {"__yx"};
  std::vector<std::string> out;
  for (const char* level : {"__m", "__c", "__d", "__y"}) {
    out.push_back(level + std::string(issued_date.substr(0, out.size() + 1)));
  }
  return out;
}

std::vector<std::string> DocumentTerms(std::string_view subject_key, std::string_view body_key,
                                       std::string_view type_key, std::string_view issued_date) {
  std::vector<std::string> terms;
  AddPairs(subject_key, &terms);
  AddPairs(body_key, &terms);
  terms.push_back(TypeTerm(type_key));
  for (std::string& t : YearTerms(issued_date)) terms.push_back(std::move(t));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

std::string DocumentTermsText(std::string_view subject_key, std::string_view body_key, std::string_view type_key,
                              std::string_view issued_date) {
  std::string out;
  for (const std::string& t : DocumentTerms(subject_key, body_key, type_key, issued_date)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::vector<std::string> RequiredPairs(const ParsedQuery& q, MatchKind kind) {
  std::vector<std::string> pairs;
  auto pair = [&](const std::string& a, bool a_prefix, const std::string& b) {
    if (!a_prefix && PairableToken(a) && PairableToken(b)) pairs.push_back(a + "_" + b);
  };
  for (size_t i = 0; i < q.terms.size(); ++i) {
    const QueryTerm& t = q.terms[i];
    for (size_t k = 1; k < t.folded.size(); ++k) {
      // A prefix term's last token may be longer in the text: no pair ends with it either.
      if (!(t.prefix && k + 1 == t.folded.size())) pair(t.folded[k - 1], false, t.folded[k]);
    }
    if (kind == MatchKind::kPhrase && i + 1 < q.terms.size()) {
      const QueryTerm& next = q.terms[i + 1];
      if (!(next.prefix && next.folded.size() == 1)) pair(t.folded.back(), t.prefix, next.folded.front());
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

std::vector<std::string> DateRangeTerms(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return {};
  const int lo = from.empty() ? 0 : std::stoi(from.substr(0, 4));
  const int hi = to.empty() ? 9999 : std::stoi(to.substr(0, 4));
  std::vector<std::string> terms = {"__yx"};
  // Greedy cover: at each year the largest aligned block (1000, 100, 10, 1) inside the range.
  constexpr struct { int size; const char* prefix; int digits; } kLevels[] = {
      {1000, "__m", 1}, {100, "__c", 2}, {10, "__d", 3}, {1, "__y", 4}};
  for (int y = lo; y <= hi;) {
    for (const auto& level : kLevels) {
      if (y % level.size != 0 || y + level.size - 1 > hi) continue;
      char buf[16];
      std::snprintf(buf, sizeof buf, "%s%0*d", level.prefix, level.digits, y / level.size);
      terms.emplace_back(buf);
      y += level.size;
      break;
    }
  }
  return terms;
}

std::vector<std::string> StoredDateRangeTerms(const std::string& from, const std::string& to,
                                              const std::string& stored_min, const std::string& stored_max) {
  if (from.empty() && to.empty()) return {};
  auto year = [](const std::string& date) {
    return date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })
               ? date.substr(0, 4)
               : std::string();
  };
  std::string lo = from, hi = to;
  const std::string least = year(stored_min), greatest = year(stored_max);
  if (!least.empty() && (lo.empty() || least > lo.substr(0, 4))) lo = least;
  if (!greatest.empty() && (hi.empty() || greatest < hi.substr(0, 4))) hi = greatest;
  return DateRangeTerms(lo, hi);
}

std::string Fts5CandidateMatch(const CandidateQuery& c) {
  return Combine(c, " AND ", " OR ", [](const std::string& t) { return Quoted(t, '"'); });
}

std::string FilterToken(std::string_view term) {
  while (!term.empty() && term.front() == '_') term.remove_prefix(1);
  return kFilterTokenPrefix + std::string(term);
}

std::string DocumentFilterText(std::string_view type_key, std::string_view issued_date) {
  std::string out = FilterToken(TypeTerm(type_key));
  for (const std::string& t : YearTerms(issued_date)) out += " " + FilterToken(t);
  return out;
}

std::string Fts5WithFilters(const std::string& match, const std::vector<std::vector<std::string>>& any_of) {
  std::string filters;
  for (const std::vector<std::string>& group : any_of) {
    if (group.empty()) continue;  // selects nothing: the SQL filter after the MATCH says so
    std::string any;
    for (const std::string& t : group) any += (any.empty() ? "" : " OR ") + Quoted(FilterToken(t), '"');
    filters += (filters.empty() ? "(" : " AND (") + any + ")";
  }
  if (filters.empty()) return match;
  return "(" + match + ") AND ({filters} : (" + filters + "))";
}

std::string TsQueryCandidates(const CandidateQuery& c) {
  return Combine(c, " & ", " | ", [](const std::string& t) { return Quoted(t, '\''); });
}

bool PgCandidatesCheaperThanScan(int64_t candidates, int64_t word_documents, int64_t cap, double match_share) {
  constexpr double kLookupMicros = 12.6, kCheckMicros = 15, kPostingMicros = 0.7, kRecheckMicros = 9;
  const auto p = static_cast<double>(candidates);
  const double w = std::max(static_cast<double>(word_documents), p);  // every candidate holds the words
  // Both stop at |cap| matches: the candidates' rows are checked in id order after
  // every TID has been looked up. With fewer matches than the cap, both check every row.
  const double matches = std::clamp(match_share, 0.0, 1.0) * p;
  const bool stop_at_cap = cap > 0 && matches > static_cast<double>(cap);
  const double checks = stop_at_cap ? static_cast<double>(cap) * p / matches : p;
  const double rechecks = stop_at_cap ? std::min(w, static_cast<double>(cap) * w / matches) : w;
  return p * kLookupMicros + checks * kCheckMicros < w * kPostingMicros + rechecks * kRecheckMicros;
}

int64_t PgMostCandidatesCheaperThanScan(int64_t word_documents, int64_t cap, double match_share) {
  int64_t lo = 0, hi = kPgMostCandidatesByCost;  // true for 1..lo, false past hi
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo + 1) / 2;
    if (PgCandidatesCheaperThanScan(mid, word_documents, cap, match_share)) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

bool CandidatesAreMatches(const ParsedQuery& q, const SearchStep& step) {
  if (RequiredPairs(q, step.kind).empty()) return false;
  size_t tokens = 0;
  for (const QueryTerm& t : q.terms) {
    if (t.prefix) return false;
    tokens += t.folded.size();
  }
  return tokens == 2;
}

bool PgCandidateEstimateTrusted(const CandidateQuery& c) { return c.any_of.empty() || c.pairs.size() <= 1; }

}  // namespace vanban::internal
