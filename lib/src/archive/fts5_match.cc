#include "archive/fts5_match.h"

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

}  // namespace

std::string Fts5Match(const ParsedQuery& q, const SearchStep& step) {
  if (q.terms.empty()) return "";
  const std::string as_typed = "{subject body} : " + Combine(q, step.kind, [](const std::string& s) { return ToLower(s); });
  if (step.as_typed) return as_typed;
  const std::string accent_free = "{subject_key body_key} : " + Combine(q, step.kind, SearchKey);
  // Without accents in the query, whatever matches as typed also matches accent-free:
  // the folded columns alone find the same documents at half the cost.
  return q.accented ? "(" + as_typed + ") OR (" + accent_free + ")" : accent_free;
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
