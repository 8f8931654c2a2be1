// vanban_rank(documents_fts, w0, w1, …): FTS5's bm25 without the inverse document
// frequency, as an auxiliary function of our own. FTS5's bm25() counts, once per query,
// every document that holds each phrase (its IDF): a pass over the phrase's whole doclist,
// positions included, before the first row is ranked (hundreds of ms for common words at
// 100,000 documents). Without it a row is ranked from its own instances and column sizes
// only. For a step of one phrase (the phrase step) the IDF is a constant factor: same
// order, same 0..1 scores as bm25. With several terms (near, words) each term weighs the
// same, as in PostgreSQL's ts_rank_cd (which has no IDF either).
#ifndef VANBAN_ARCHIVE_FTS5_RANK_H_
#define VANBAN_ARCHIVE_FTS5_RANK_H_

#include <sqlite3.h>

#include "vanban/status.h"

namespace vanban::internal {

// Registers vanban_rank on |db| (a connection of its own: once per connection). Like
// bm25() it returns minus the relevance (lower is better).
Status RegisterVanbanRank(sqlite3* db);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_FTS5_RANK_H_
