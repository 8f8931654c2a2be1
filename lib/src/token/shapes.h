// Byte-level matchers for the token shapes that cross word boundaries: URLs, e-mail
// addresses and ISO 8601 dates. Each returns the length of the match at |pos|, 0 if none.
#ifndef VANBAN_TOKEN_SHAPES_H_
#define VANBAN_TOKEN_SHAPES_H_

#include <cstddef>
#include <string_view>

namespace vanban::internal {

// "http://…", "https://…", "ftp://…" or "www.…" (case-insensitive), up to white space or a
// character that cannot be in a URL; trailing sentence punctuation is left out.
size_t MatchUrl(std::string_view text, size_t pos);

// "local@domain.tld": local part of [A-Za-z0-9._%+-] starting with a letter or digit and
// not ending with '.', a domain of at least two dot-separated labels of [A-Za-z0-9-], the
// last one letters only (≥ 2).
size_t MatchEmail(std::string_view text, size_t pos);

// [A-Za-z0-9._%+-]
bool IsEmailLocalChar(char c);

// The two halves of MatchEmail, so that a caller can reuse the local-part scan for every
// start inside the same run (the run's end and domain do not depend on the start).
// End of the run of local-part characters starting at |pos|.
size_t EmailLocalRunEnd(std::string_view text, size_t pos);
// End of a valid domain starting at |pos| (just after '@'), or 0.
size_t EmailDomainEnd(std::string_view text, size_t pos);

// "2026-01-26", optionally followed by "T17:37[:54[.123]][Z|+0700|+07:00]". A time or
// zone part that does not parse is left out rather than failing the whole match.
size_t MatchIsoDateTime(std::string_view text, size_t pos);

}  // namespace vanban::internal

#endif  // VANBAN_TOKEN_SHAPES_H_
