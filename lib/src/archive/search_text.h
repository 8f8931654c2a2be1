// The text side of archive search: the matches of the query in a hit's text (found here
// rather than with FTS5 highlight(), which re-tokenises every hit inside SQLite) and the
// plain-text snippet around the best passage. Back-end neutral.
#ifndef VANBAN_ARCHIVE_SEARCH_TEXT_H_
#define VANBAN_ARCHIVE_SEARCH_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "archive/search_query.h"

namespace vanban::internal {

// Where a term occurs in a text: bytes [begin, end) and which term.
struct Mark {
  size_t begin = 0, end = 0;
  size_t term = 0;
};

struct Matches {
  std::vector<Mark> folded;  // accent- and case-insensitive (what the search matched)
  std::vector<Mark> exact;   // the subset with exactly the accents typed (accented queries only)
};

// The occurrences of the query's terms in |body|, in order.
Matches FindMatches(std::string_view body, const ParsedQuery& q);

// About |width| bytes of |body| on one line, around the window that shows the most
// different terms (then the most matches), each match wrapped in open/close.
std::string Snippet(std::string_view body, const std::vector<Mark>& marks, size_t width, std::string_view open,
                    std::string_view close);

// The snippet of a hit: Snippet over the query's matches in |body|; with an accented
// query, the words as typed when the document has them. What every back end shows.
std::string HitSnippet(std::string_view body, const ParsedQuery& q, size_t width, std::string_view open,
                       std::string_view close);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_SEARCH_TEXT_H_
