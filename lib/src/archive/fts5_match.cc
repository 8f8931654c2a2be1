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

}  // namespace vanban::internal
