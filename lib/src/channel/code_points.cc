#include "channel/code_points.h"

#include <unicode/uchar.h>

#include "text/fold.h"
#include "text/utf8.h"

namespace vanban::internal {

U32 DecodeUtf8(std::string_view s) {
  U32 out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(NextCodePoint(s, &i));
  return out;
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t cp : s) AppendUtf8(&out, cp);
  return out;
}

char32_t LowerChar(char32_t cp) { return LowerCodePoint(cp); }

U32 Lower(std::u32string_view s) {
  U32 out(s);
  for (char32_t& c : out) c = LowerChar(c);
  return out;
}

// Marks come off letters of any script: the channel tables and the model were built so.
char32_t FoldChar(char32_t cp) { return FoldCodePoint(cp, FoldScope::kAnyScript); }

U32 Fold(std::u32string_view s) {
  U32 out(s);
  for (char32_t& c : out) c = FoldChar(c);
  return out;
}

bool IsWordChar(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)) != 0; }

}  // namespace vanban::internal
