// The SQLite FTS5 MATCH expression for one step of the search plan (search_query.h) over
// documents_fts (columns subject, body: as stored; subject_key, body_key: SearchKey).
#ifndef VANBAN_ARCHIVE_FTS5_MATCH_H_
#define VANBAN_ARCHIVE_FTS5_MATCH_H_

#include <string>
#include <vector>

#include "archive/search_query.h"

namespace vanban::internal {

// Every term is quoted, so FTS5 syntax typed by the user (AND, NEAR, col:) is plain words.
std::string Fts5Match(const ParsedQuery& q, const SearchStep& step);
// The column weights of vanban_rank and vanban_phrase_rank (fts5_rank.h) for the step's
// matches: subject 8, body 2, subject_key 4, body_key 1; subject and body 0 where
// Fts5Match matches every column for a step that means the folded ones (their instances
// count as before, when the MATCH named only the folded columns).
std::string Fts5RankWeights(const ParsedQuery& q, const SearchStep& step);

// The MATCH that finds a step's matches on rows asked for by id without scanning (schema
// version 4's candidates, search_terms.h), and how to read it: Fts5Match itself for a
// words step of single-token terms (FTS5 seeks each token's doclist to the row); for a
// phrase step the phrase's tokens one by one, to be checked and ranked by
// vanban_phrase_rank (fts5_rank.h) over |groups| (the token count of each phrase: the
// as-typed one, the accent-free one, or both). Empty when neither applies (a near step, a
// prefix, a quoted term in a words step): FTS5 scans such an expression from its first
// match on, whatever row is asked for.
struct Fts5Probe {
  std::string match;
  std::vector<size_t> groups;  // empty: Fts5Match's own matches and vanban_rank
};
Fts5Probe Fts5ProbeMatch(const ParsedQuery& q, const SearchStep& step);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_FTS5_MATCH_H_
