// Unicode normalization and case mapping through ICU, with ASCII fast paths
// because most bytes of a Vietnamese document are ASCII.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/ucasemap.h>

#include <string>
#include <string_view>

#include "text/utf8.h"
#include "vanban/text.h"

namespace vanban {
namespace {

std::string Normalize(std::string_view text, const icu::Normalizer2* (*get)(UErrorCode&)) {
  if (internal::IsAscii(text)) return std::string(text);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* norm = get(err);
  if (U_FAILURE(err)) return std::string(text);
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (norm->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return std::string(text);
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  icu::StringByteSink<std::string> sink(&out);
  norm->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_FAILURE(err)) return std::string(text);
  return out;
}

const UCaseMap* RootCaseMap() {
  // Root locale: no Turkish dotless-i or Lithuanian rules; immutable so shareable.
  static const UCaseMap* map = [] {
    UErrorCode err = U_ZERO_ERROR;
    UCaseMap* m = ucasemap_open("", 0, &err);
    return U_FAILURE(err) ? nullptr : m;
  }();
  return map;
}

using CaseFn = int32_t (*)(const UCaseMap*, char*, int32_t, const char*, int32_t, UErrorCode*);

std::string MapCase(std::string_view text, CaseFn fn, bool lower) {
  std::string out(text);
  if (internal::IsAscii(text)) {
    for (char& c : out) {
      if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (!lower && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
  }
  const UCaseMap* map = RootCaseMap();
  if (map == nullptr) return out;
  const int32_t src_len = static_cast<int32_t>(text.size());
  out.resize(text.size() + text.size() / 4 + 16);
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = fn(map, out.data(), static_cast<int32_t>(out.size()), text.data(), src_len, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out.resize(static_cast<size_t>(n));
    n = fn(map, out.data(), n, text.data(), src_len, &err);
  }
  if (U_FAILURE(err)) return std::string(text);
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

std::string ToNfc(std::string_view text) { return Normalize(text, &icu::Normalizer2::getNFCInstance); }
std::string ToNfd(std::string_view text) { return Normalize(text, &icu::Normalizer2::getNFDInstance); }

std::string ToLower(std::string_view text) { return MapCase(text, &ucasemap_utf8ToLower, true); }
std::string ToUpper(std::string_view text) { return MapCase(text, &ucasemap_utf8ToUpper, false); }

}  // namespace vanban
