// SearchKey: the accent- and case-free copy of a text that the archive indexes for search.
#include <string>

#include "text/fold.h"
#include "text/utf8.h"
#include "vanban/archive.h"

namespace vanban {

std::string SearchKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    // The fold existing archives were indexed with: see text/fold.h.
    char32_t cp = internal::NextCodePoint(text, &i);
    internal::AppendUtf8(&out, internal::FoldCodePoint(cp, internal::FoldScope::kLatinScript));
  }
  return out;
}

}  // namespace vanban
