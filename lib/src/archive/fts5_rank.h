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

// Registers vanban_rank and vanban_phrase_rank on |db| (a connection of its own: once per
// connection). Like bm25() they return minus the relevance (lower is better). w0… weigh
// the text columns (subject, body, subject_key, body_key); a column after them (the
// filter tokens, schema version 5) weighs nothing and is not part of a document's length.
//
// vanban_phrase_rank(documents_fts, w0, w1, w2, w3, n0[, n1 …]): the phrase step checked
// on a row that a MATCH of the phrase's tokens one by one has found (Fts5TokenMatch): the
// MATCH's phrases are groups of n0, n1, … tokens, each group one phrase of the step; the
// row's instances of group g's tokens at consecutive offsets of one column are that
// phrase's instances. Returns what vanban_rank returns for the phrase MATCH on that row,
// or NULL when no group occurs as a phrase (the row does not match). FTS5 evaluates a
// phrase by scanning for its first match even when asked for one rowid: for a phrase of
// common words that is rare as a phrase that is the whole doclist, per row asked (7 ms
// at 20,000 documents), against 0.03-0.06 ms for its tokens one by one.
Status RegisterVanbanRank(sqlite3* db);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_FTS5_RANK_H_
