// The back-end-neutral side of archive search: the query as terms, the order in which the
// kinds of match are tried (accents as typed before accent-free; whole phrase, words near
// each other, words anywhere), date bounds, which stored document types a --type value
// names, and the 0..1 score. A back end (SQLite FTS5 in archive_db.cc) only turns these
// into its own query language and runs them.
#ifndef VANBAN_ARCHIVE_SEARCH_QUERY_H_
#define VANBAN_ARCHIVE_SEARCH_QUERY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/archive.h"

namespace vanban {
struct SearchHit;
}

namespace vanban::internal {

// A token of a text the way FTS5 unicode61 splits it (letters, digits, private use),
// classified on the text's search key (one code point for one, so offsets carry over).
struct Token {
  size_t key_begin, key_end;    // in the search key
  size_t text_begin, text_end;  // in the text
};
std::vector<Token> Tokenize(std::string_view text, std::string_view key);

// One query word or "quoted phrase", as tokens.
struct QueryTerm {
  std::string text;                 // as typed, without quotes and '*'
  std::vector<std::string> exact;   // lower-cased tokens, accents kept
  std::vector<std::string> folded;  // SearchKey tokens
  bool prefix = false;              // word*: the last token is a prefix
  bool quoted = false;              // "…": an exact phrase
};

struct ParsedQuery {
  std::vector<QueryTerm> terms;  // empty: no words (empty, blank or punctuation only)
  bool accented = false;         // some term has non-ASCII letters
};
ParsedQuery ParseQuery(std::string_view text);

// How the terms must occur in a document, best first.
enum class MatchKind {
  kPhrase,    // all terms one after the other, in the order typed
  kNear,      // all terms within kNearSlack other tokens of each other
  kAllWords,  // all terms anywhere
};
std::string_view MatchKindName(MatchKind kind);  // "phrase", "near", "words"
inline constexpr size_t kNearSlack = 5;
// The NEAR distance that allows kNearSlack tokens besides the query's own: FTS5 (and
// PostgreSQL's <N>) count every token between the first term and the last.
size_t NearDistance(const ParsedQuery& q);

struct SearchStep {
  MatchKind kind = MatchKind::kAllWords;
  bool as_typed = false;  // accents (and case-folded letters) exactly as typed
};
// The steps to run in order, each adding the documents not found by an earlier one:
// phrase, near, all words (one step for a single term: a quoted phrase is never
// relaxed); with an accented query these three as typed, then the three accent-free
// (--exact: as typed only).
std::vector<SearchStep> SearchPlan(const ParsedQuery& q, bool exact_only);

// How many matches of one step are ranked (SearchQuery::rank_at_most, at least |limit|);
// 0: every match.
int64_t RankedMatchesCap(const SearchQuery& q, int64_t limit);

// ---- Filters ---------------------------------------------------------------------------

// The type code of a stored document: |code| when it has one; "CV" for a công văn (type
// label CÔNG VĂN, or TypeName "Công văn"), which NĐ 30 writes without a code; else "".
// Also reads archives made before công văn had a code.
std::string EffectiveTypeCode(std::string_view code, std::string_view label, std::string_view type_name);

// A distinct (doc_type, doc_type_label, type_name) of the documents table.
struct StoredType {
  std::string code, label, type_name;
};
// Which stored types a --type value names: the types whose code is exactly |wanted| when
// there are any ("DA" is not "ĐA"); else those whose code, title ("KẾ HOẠCH") or type
// name equals it without case, accents and extra spaces ("kh", "ke hoach", "Kế hoạch",
// "cv", "cong van" all work). Indexes into |stored|.
std::vector<size_t> SelectTypes(std::string_view wanted, const std::vector<StoredType>& stored);
// The same over type keys as the archive stores them (schema.h StoredTypeKeySql: code,
// title, type name joined by U+001F): the keys of |keys| that --type |wanted| selects.
std::vector<std::string> SelectTypeKeys(std::string_view wanted, const std::vector<std::string>& keys);

// ---- Scores ----------------------------------------------------------------------------

// Turns raw relevances into the 0..1 score of SearchHit: the plan step a hit came from
// sets its band (step k of n: [(n-k-1)/n, (n-k)/n]), its relevance relative to the best
// hit of the same step places it inside; three decimals. |step| and |relevance| (higher
// is better, e.g. -bm25) are parallel to |hits|.
void AssignScores(std::vector<SearchHit>* hits, const std::vector<size_t>& step,
                  const std::vector<double>& relevance, size_t steps);

// LIKE pattern characters (% _ \\) in a user's text escaped, for LIKE ... ESCAPE '\\'.
std::string LikeLiteral(std::string_view s);
// The --from/--to of |q| as inclusive ISO bounds (SearchDateBound); empty where not given.
Status ResolveDateBounds(const SearchQuery& q, std::string* from, std::string* to);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_SEARCH_QUERY_H_
