// SearchKey: the accent- and case-free copy of a text that the archive indexes for search.
#include <string>
#include <unordered_map>

#include "text/utf8.h"
#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban {
namespace {

// Folds one non-ASCII code point; keeps it when folding would change the code point count.
char32_t FoldCodePoint(char32_t cp) {
  thread_local std::unordered_map<char32_t, char32_t> cache;
  auto it = cache.find(cp);
  if (it != cache.end()) return it->second;
  std::string utf8;
  internal::AppendUtf8(&utf8, cp);
  std::string folded = StripDiacritics(ToLower(utf8));
  char32_t out = cp;
  if (!folded.empty()) {
    size_t i = 0;
    char32_t first = internal::NextCodePoint(folded, &i);
    if (i == folded.size()) out = first;
  }
  cache.emplace(cp, out);
  return out;
}

}  // namespace

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
    internal::AppendUtf8(&out, FoldCodePoint(internal::NextCodePoint(text, &i)));
  }
  return out;
}

}  // namespace vanban
