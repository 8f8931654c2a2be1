#include "archive/fts5_match.h"

#include <string_view>

#include "archive/search_terms.h"

#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

// The terms combined as |kind| asks, each term a quoted FTS5 string (a phrase of its own
// tokens), spelt by |spell|.
template <typename Spell>
std::string Combine(const ParsedQuery& q, MatchKind kind, Spell spell) {
  std::string out;
  const char* sep = kind == MatchKind::kPhrase ? " + " : kind == MatchKind::kNear ? " " : " AND ";
  for (const QueryTerm& t : q.terms) {
    if (!out.empty()) out += sep;
    out += "\"" + spell(t.text) + "\"" + (t.prefix ? "*" : "");
  }
  if (kind == MatchKind::kNear) return "NEAR(" + out + ", " + std::to_string(NearDistance(q)) + ")";
  return "(" + out + ")";
}

// Whether a token of |q| (or a prefix) could be one of the filter tokens of the column
// `filters` (search_terms.h FilterToken).
bool MayMatchFilterTokens(const ParsedQuery& q) {
  const std::string_view filter_prefix = kFilterTokenPrefix;
  for (const QueryTerm& t : q.terms) {
    for (size_t i = 0; i < t.folded.size(); ++i) {
      const std::string& tok = t.folded[i];
      const bool prefix = t.prefix && i + 1 == t.folded.size();
      if (tok.rfind(filter_prefix, 0) == 0 || (prefix && filter_prefix.substr(0, tok.size()) == tok)) return true;
    }
  }
  return false;
}

// The accent-free step of a query without accents matches without a column filter: the
// token of an accent-free word in subject or body is the same token at the same place in
// its SearchKey column (what matches as typed also matches accent-free), so every column
// finds the documents the folded ones find, and FTS5 then no longer sorts each
// document's positions by column (a NEAR of three common words with --from 2024: 44 ->
// 19 ms of CPU at 100,000 documents). The rank weighs only the folded columns
// (Fts5RankWeights), whose instances are the ones the column filter kept. A query that
// could match a filter token keeps the column filter.
bool MatchesEveryColumn(const ParsedQuery& q, const SearchStep& step) {
  return !step.as_typed && !q.accented && !MayMatchFilterTokens(q);
}

}  // namespace

std::string Fts5Match(const ParsedQuery& q, const SearchStep& step) {
  if (q.terms.empty()) return "";
  const std::string as_typed = "{subject body} : " + Combine(q, step.kind, [](const std::string& s) { return ToLower(s); });
  if (step.as_typed) return as_typed;
  if (MatchesEveryColumn(q, step)) return Combine(q, step.kind, SearchKey);
  const std::string accent_free = "{subject_key body_key} : " + Combine(q, step.kind, SearchKey);
  // Without accents in the query, whatever matches as typed also matches accent-free:
  // the folded columns alone find the same documents at half the cost.
  return q.accented ? "(" + as_typed + ") OR (" + accent_free + ")" : accent_free;
}

std::string Fts5RankWeights(const ParsedQuery& q, const SearchStep& step) {
  return MatchesEveryColumn(q, step) ? "0.0, 0.0, 4.0, 1.0" : "8.0, 2.0, 4.0, 1.0";
}

Fts5Probe Fts5ProbeMatch(const ParsedQuery& q, const SearchStep& step) {
  Fts5Probe probe;
  for (const QueryTerm& t : q.terms) {
    if (t.prefix) return probe;
  }
  if (step.kind == MatchKind::kAllWords) {
    for (const QueryTerm& t : q.terms) {
      if (t.folded.size() != 1) return probe;
    }
    probe.match = Fts5Match(q, step);
    return probe;
  }
  if (step.kind != MatchKind::kPhrase) return probe;
  auto group = [&](const char* columns, bool exact) {
    std::string tokens;
    size_t n = 0;
    for (const QueryTerm& t : q.terms) {
      for (const std::string& tok : exact ? t.exact : t.folded) {
        tokens += (tokens.empty() ? "\"" : " AND \"") + tok + "\"";
        ++n;
      }
    }
    probe.groups.push_back(n);
    return std::string(columns) + " : (" + tokens + ")";
  };
  if (step.as_typed) {
    probe.match = group("{subject body}", true);
  } else if (!q.accented) {
    probe.match = group("{subject_key body_key}", false);
  } else {
    const std::string typed = group("{subject body}", true);
    probe.match = "(" + typed + ") OR (" + group("{subject_key body_key}", false) + ")";
  }
  return probe;
}

}  // namespace vanban::internal
