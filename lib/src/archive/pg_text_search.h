// PostgreSQL full-text search with vanban's own tokens: the tsvector of a document and the
// tsquery of a search are written here from the tokens search_text.h finds (FTS5 unicode61
// rules) and the SearchKey fold (đ -> d), not by PostgreSQL's parser and dictionaries, so
// that both back ends see the same words in the same places.
#ifndef VANBAN_ARCHIVE_PG_TEXT_SEARCH_H_
#define VANBAN_ARCHIVE_PG_TEXT_SEARCH_H_

#include <string>
#include <string_view>
#include <vector>

#include "archive/search_text.h"

namespace vanban::internal {

// A tsvector literal: the subject's tokens with weight A, then the body's with weight B
// (positions apart, so that no phrase spans both). |fold|: SearchKey tokens, else the
// tokens as written in lower case.
std::string TsVectorLiteral(std::string_view subject, std::string_view body, bool fold);

// A tsvector literal of |lexemes| without positions (the candidate terms, search_terms.h).
std::string TsVectorLexemes(const std::vector<std::string>& lexemes);

// A tsquery literal: every term must occur, a term's tokens adjacent and in order (<->),
// a prefix term's last token as a prefix (:*). Empty when |q| has no terms.
std::string TsQueryAll(const ParsedQuery& q, bool fold);
// The whole query as one phrase: all tokens of all terms adjacent, in the order typed.
std::string TsQueryPhrase(const ParsedQuery& q, bool fold);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_PG_TEXT_SEARCH_H_
