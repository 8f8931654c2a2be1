// The text side of archive search: the query as terms, the FTS5 MATCH expressions built
// from them, the matches in a hit's text (found here rather than with FTS5 highlight(),
// which re-tokenises every hit inside SQLite) and the snippet around the best passage.
#ifndef VANBAN_ARCHIVE_SEARCH_TEXT_H_
#define VANBAN_ARCHIVE_SEARCH_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace vanban::internal {

// One query word or "quoted phrase", as tokens the way FTS5 unicode61 splits them.
struct QueryTerm {
  std::string text;                     // as typed, without quotes and '*'
  std::vector<std::string> exact;       // lower-cased tokens, accents kept
  std::vector<std::string> folded;      // SearchKey tokens
  bool prefix = false;                  // word*: the last token is a prefix
};

struct ParsedQuery {
  std::vector<QueryTerm> terms;
  bool accented = false;  // some term has non-ASCII letters
};

ParsedQuery ParseQuery(std::string_view text);

// A token of a text (FTS5 unicode61's rules: runs of letters, digits and private-use
// characters), as byte ranges of the text and of its search key.
struct Token {
  size_t key_begin, key_end;    // in the search key
  size_t text_begin, text_end;  // in the text (same code points)
};
// Tokens of |text|, classified on its search key |key| = SearchKey(text) (one code point
// for one). Also what the PostgreSQL back end indexes, so both back ends see one token list.
std::vector<Token> Tokenize(std::string_view text, std::string_view key);

struct MatchExpressions {
  std::string any;    // accents as written OR accent-free: what is searched
  std::string exact;  // accents as written only
};
// Every term must occur; each is quoted, so FTS5 syntax typed by the user is plain words.
MatchExpressions BuildMatch(const ParsedQuery& q, bool exact_only);

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

// The stored type codes that --type |type| names: itself when stored; otherwise those
// equal to it without case and accents, so that "qd" finds "QĐ" (but "DA", when stored,
// only "DA", not "ĐA").
std::vector<std::string> SelectTypeCodes(const std::vector<std::string>& stored, const std::string& type);

// The snippet of a search hit, the same on every back end: the query's matches in |body|
// (an accented query marks the words as typed when the body has them, else the
// accent-free matches) and the passage around them.
std::string HitSnippet(std::string_view body, const ParsedQuery& q, size_t width, std::string_view open,
                       std::string_view close);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_SEARCH_TEXT_H_
