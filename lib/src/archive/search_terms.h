// The candidate index of schema version 4, for both back ends: per document, the pairs of
// adjacent folded tokens ("dinh_giam") and one token for its type and one for its year,
// without positions (SQLite: the FTS5 table documents_terms, detail=none; PostgreSQL: the
// tsvector documents_search_terms.terms, GIN). A search step whose matches must hold
// some pairs (a phrase of common words: `nam cua truong` is in 98% of the documents as
// words, in 9 as a phrase) or pass a filter (--type, --from/--to) first asks this index
// for its candidates, an intersection of short lists, and checks only those against the
// full-text index; a document without the pairs or the filter tokens cannot match, so the
// answers are those of the full scan (docs/archive.md, "Search").
#ifndef VANBAN_ARCHIVE_SEARCH_TERMS_H_
#define VANBAN_ARCHIVE_SEARCH_TERMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "archive/search_query.h"

namespace vanban::internal {

// The token of a stored type key (schema.h StoredTypeKeySql): "__t" and 64 bits of its
// SHA-256 in hex.
std::string TypeTerm(std::string_view type_key);
// The tokens of an ISO issued date's year: "__y2024" and its decade, century and
// millennium ("__d202", "__c20", "__m2"), so that any range of years is a few dozen
// tokens; "__yx" alone when it does not start with four digits (blank, "??", partial),
// which a date bound may still let through.
std::vector<std::string> YearTerms(std::string_view issued_date);

// A document's candidate tokens, distinct and sorted: the adjacent pairs of the tokens of
// |subject_key| and of |body_key| (SearchKey text; no pair across the two), TypeTerm and
// YearTerms.
std::vector<std::string> DocumentTerms(std::string_view subject_key, std::string_view body_key,
                                       std::string_view type_key, std::string_view issued_date);
// The same, space-separated (what the FTS5 table stores).
std::string DocumentTermsText(std::string_view subject_key, std::string_view body_key, std::string_view type_key,
                              std::string_view issued_date);

// What a step's candidates must hold: every pair, one of each non-empty group (the type
// terms of the selected types, the year terms of the date range). |none| when a filter
// can select no document at all.
struct CandidateQuery {
  std::vector<std::string> pairs;
  std::vector<std::vector<std::string>> any_of;
  bool none = false;
  bool empty() const { return !none && pairs.empty() && any_of.empty(); }
};

// The folded pairs every match of |kind| holds: inside each term (a term is a phrase of
// its tokens) and, for a phrase, across terms; none next to a prefix token.
std::vector<std::string> RequiredPairs(const ParsedQuery& q, MatchKind kind);

// The tokens one of which every document whose issued date passes ISO bounds |from|..|to|
// ('' = unbounded) holds: the fewest year, decade, century and millennium tokens that
// cover the range, and "__yx". Empty when there is no bound.
std::vector<std::string> DateRangeTerms(const std::string& from, const std::string& to);
// DateRangeTerms for the years of |from|..|to| that the archive's dates span, |stored_min|
// to |stored_max| (its least and greatest issued_date; a bound that does not start with
// four digits, or '', leaves that side as it is). No document holds a year token outside
// them, and an open bound covers every year to 9999 or from 0: `--from 2024-01-01` was 100
// tokens (2024-2029, 203-209, 21-99, 3-9), a GIN candidate query 2-3x slower than with the
// three years stored (PostgreSQL, 100,000 documents: 16-25 ms against 8).
std::vector<std::string> StoredDateRangeTerms(const std::string& from, const std::string& to,
                                              const std::string& stored_min, const std::string& stored_max);

// The candidates of a step are checked one by one against the full-text index when there
// are at most this many (each check is a lookup by id: 0.03-0.06 ms on SQLite); beyond
// that the step scans as before (the words are then common as pairs too, and the scan
// soon finds its matches). The default cap: with fewer candidates than the cap, the scan
// would read every document holding the words to find them (at 100,000 documents 1,000
// against 400 took `dinh giam`, 844 candidates, off the scan; p99 unchanged).
inline constexpr int64_t kMaxCandidates = 1000;

// SQLite, schema version 5: a filtered step scans only the documents its filter keeps
// (Fts5WithFilters), 1-2 µs each at 100,000 documents, where checking a candidate by its
// id costs 0.03-0.06 ms. The candidates are checked one by one when there are fewer
// than the filter's documents divided by this; else the step scans (`dan thi hanh --type
// NQ`: 970 candidates, 8,686 NQ documents: 43-76 ms of CPU checking them, 21-30
// scanning, load 5-7).
inline constexpr int64_t kCandidateCheckCostInScannedDocuments = 30;

// PostgreSQL, a step with pairs and more than 2,500 candidates (up to
// kPgMostCandidatesByCost): whether checking its |candidates| by TID costs less than the
// scan, which reads the posting lists of the documents holding the words
// (|word_documents|) and rechecks rows until |cap| matches (0: all); every candidate's TID
// is looked up, and their rows are checked until |cap| matches too. |match_share|: the
// share of the candidates that are matches (taken for 1 first; measured on a sample when
// there are more candidates than that allows and CandidatesAreMatches is false). The scan
// rechecks word_documents / matches rows a match; with fewer matches than the cap both
// check every row, and then the scan's rechecks of every document with the words cost
// 3-6 times the candidates' checks (`công nhân dân --exact` at 100,000 documents: 6,741
// candidates, 55,905 documents with the words, no as-typed phrase; 500-1,000 ms scanning,
// 160-260 by TID; the model took every candidate for a match until 2026-12-07). Costs
// per row, µs of server CPU at 100,000 documents (warm): a candidate's TID lookup 12.6
// and its check 15 (`nhan kinh`, 2,612 candidates: 33 ms of lookups, 1,000 checks 15 ms),
// a document of the posting lists 0.7 (47 ms for 66,603), a recheck 9 (227 ms for
// 25,398). The checks were counted as if every candidate were checked (25 µs each) until
// PostgreSQL ranked 200 matches a step: then `chinh phu cap --from 2024-01-01` (3,952
// candidates, 1 match) scanned, 125 -> 455 ms of server CPU.
inline constexpr int64_t kPgMostCandidatesByCost = 10000;
bool PgCandidatesCheaperThanScan(int64_t candidates, int64_t word_documents, int64_t cap, double match_share);
// The most candidates (up to kPgMostCandidatesByCost) that PgCandidatesCheaperThanScan
// finds cheaper than the scan for |word_documents|, |cap| and |match_share|; 0 when
// none. Candidates past it are never checked (the model is monotone: more candidates cost
// more to look up and make the scan's rechecks per match fewer), so the candidate query
// reads at most one more than this instead of kPgMostCandidatesByCost + 1 (with 200
// matches ranked a step, the candidate queries were a quarter of the server's time at
// 100,000 documents, and 13 of 139 read 10,001 ids for nothing).
int64_t PgMostCandidatesCheaperThanScan(int64_t word_documents, int64_t cap, double match_share);
// Whether the candidates of |step| are (about) its matches, so that the model may take
// them all for matches: the documents that hold the query's one pair are those with its
// two words adjacent (a phrase of two words, or one term of two tokens); folded exactly,
// as typed but for the pair written with other accents (`công nhận` is a candidate of
// `công nhân`; measuring the share cost 15-25 ms more than it saved on the bench's
// two-word phrases as typed). Not with more pairs (each may occur without the phrase) or
// a prefix.
bool CandidatesAreMatches(const ParsedQuery& q, const SearchStep& step);
// How many of the candidates PgArchive checks to measure the share of matches among them
// when CandidatesAreMatches cannot tell and they are more than the model takes if all are.
inline constexpr int64_t kPgCandidateSample = 100;

// PostgreSQL: whether the planner's estimate of |c|'s documents may tell, before the
// candidate query runs, that they are too many (then the step scans without reading
// them). It multiplies the frequencies of the groups it ANDs, so with two pairs or more
// and filters its estimate is far below the truth (`chinh_phu & phu_cap & years`: 211
// for 3,952) and would only cost a plan; a filter alone (ORs of its terms) or one pair
// with filters is estimated within ~10% at 100,000 documents (years of --from
// 2024-01-01: 44,849 for ~43,000; `lao_dong` and those years 29,432 for 28,031), where
// reading 1,001 or 10,001 candidate rows for nothing took 14-28 and 44-74 ms.
bool PgCandidateEstimateTrusted(const CandidateQuery& c);

// The query in FTS5 syntax for documents_terms (every token quoted); "" when empty.
std::string Fts5CandidateMatch(const CandidateQuery& c);

// ---- Filter tokens in the main full-text index (SQLite, schema version 5) ---------------
// The type and year terms above, also in the column `filters` of documents_fts, so that a
// filtered step's MATCH is `(words) AND {filters} : (type) AND (years)`: FTS5 intersects
// the doclists by skipping through them (AND advances each side to the other's next
// rowid), so the phrase or NEAR positions are checked only in the documents of the type
// or years, where the SQL filter after the MATCH saw every document holding the words
// (`dong theo dieu --type QĐ`: 100,000 documents have the three words, 5,152 are QĐ).
// unicode61 splits "__t…" at the underscores, so the column stores each term as one
// token of letters and digits ("zvbt…", "zvby2024"), which no text holds.
std::string FilterToken(std::string_view term);
inline constexpr const char* kFilterTokenPrefix = "zvb";
// A document's filter tokens, space-separated: TypeTerm and YearTerms as FilterToken.
std::string DocumentFilterText(std::string_view type_key, std::string_view issued_date);
// |match| restricted to the documents that hold one token of each group of |any_of|
// (terms as CandidateQuery::any_of has them); |match| itself when there is no group.
std::string Fts5WithFilters(const std::string& match, const std::vector<std::vector<std::string>>& any_of);
// The query as a PostgreSQL tsquery literal; "" when empty.
std::string TsQueryCandidates(const CandidateQuery& c);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_SEARCH_TERMS_H_
