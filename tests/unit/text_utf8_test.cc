// The library's one UTF-8 decoder and one letter table (lib/src/text/utf8.h,
// text/vn_letters.h and the flat view of it in text/viet_chars.h).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"
#include "text/viet_chars.h"
#include "text/vn_letters.h"

namespace {

using vanban::internal::NextCodePoint;

// (code point, length) for each step of NextCodePoint over |s|.
std::vector<std::pair<char32_t, size_t>> Steps(std::string_view s) {
  std::vector<std::pair<char32_t, size_t>> out;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t cp = NextCodePoint(s, &i);
    out.emplace_back(cp, i - start);
  }
  return out;
}

}  // namespace

TEST_CASE("NextCodePoint decodes one to four bytes") {
  using P = std::pair<char32_t, size_t>;
  CHECK(Steps("a") == std::vector<P>{{U'a', 1}});
  CHECK(Steps("đ") == std::vector<P>{{U'đ', 2}});
  CHECK(Steps("ệ") == std::vector<P>{{U'ệ', 3}});
  CHECK(Steps("\xF0\x9F\x93\x84") == std::vector<P>{{0x1F4C4, 4}});
}

TEST_CASE("NextCodePoint reads a byte it cannot decode as U+FFFD, one byte at a time") {
  using P = std::pair<char32_t, size_t>;
  CHECK(Steps("\x80z") == std::vector<P>{{0xFFFD, 1}, {U'z', 1}});                 // stray continuation
  CHECK(Steps("\xE1\xBB") == std::vector<P>{{0xFFFD, 1}, {0xFFFD, 1}});            // cut short
  CHECK(Steps("\xC4x") == std::vector<P>{{0xFFFD, 1}, {U'x', 1}});                 // no continuation
  CHECK(Steps("\xFF") == std::vector<P>{{0xFFFD, 1}});
  // U+FFFD written out is a code point like any other.
  CHECK(Steps("\xEF\xBF\xBD") == std::vector<P>{{0xFFFD, 3}});
}

TEST_CASE("FirstInvalidUtf8 finds what NextCodePoint cannot decode and overlong pairs") {
  using vanban::internal::FirstInvalidUtf8;
  CHECK(FirstInvalidUtf8("Nghị quyết") == std::string_view::npos);
  CHECK(FirstInvalidUtf8("ab\x80") == 2);
  CHECK(FirstInvalidUtf8("a\xC0\xAF") == 1);  // overlong '/'
  CHECK(FirstInvalidUtf8("\xEF\xBF\xBD") == std::string_view::npos);
}

TEST_CASE("the flat letter lookup agrees with the letter table") {
  using namespace vanban::internal;
  int letters = 0;
  for (char32_t cp = 0; cp < 0x2000; ++cp) {
    VnLetter l;
    const VietLetter& v = LookupLetter(cp);
    if (!DecomposeLetter(cp, &l)) {
      CHECK(v.base == 0);
      continue;
    }
    ++letters;
    CHECK(v.base == l.base);
    CHECK(v.upper == l.upper);
    CHECK(v.tone == l.tone);
    CHECK(v.marked == (l.quality != Quality::kNone || l.tone != Tone::kNone));
  }
  // 26 x 2 ASCII letters, đ and Đ, and 66 x 2 vowels with marks.
  CHECK(letters == 52 + 2 + 132);
  std::string key;
  ToneKeyInto("hoà", &key);
  CHECK(key == "hoa1");
  std::string other;
  ToneKeyInto("hòa", &other);
  CHECK(other == key);
}
