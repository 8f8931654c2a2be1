// The SQLite FTS5 MATCH expression for one step of the search plan (search_query.h) over
// documents_fts (columns subject, body: as stored; subject_key, body_key: SearchKey).
#ifndef VANBAN_ARCHIVE_FTS5_MATCH_H_
#define VANBAN_ARCHIVE_FTS5_MATCH_H_

#include <string>

#include "archive/search_query.h"

namespace vanban::internal {

// Every term is quoted, so FTS5 syntax typed by the user (AND, NEAR, col:) is plain words.
std::string Fts5Match(const ParsedQuery& q, const SearchStep& step);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_FTS5_MATCH_H_
