// Fuzzes decoding and tokenizing: for any bytes, lossy Decode must succeed, and Tokenize,
// on both the decoded text and the raw bytes, must be lossless with consistent offsets
// and line numbers. Any broken invariant aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text.h"
#include "vanban/token.h"

namespace {

[[noreturn]] void Fail(const char* what, size_t index) {
  std::fprintf(stderr, "fuzz_decode_tokenize: %s (token %zu)\n", what, index);
  std::abort();
}

void CheckTokens(std::string_view text) {
  const std::vector<vanban::Token> tokens = vanban::Tokenize(text);
  std::string joined;
  joined.reserve(text.size());
  size_t expected_begin = 0;
  uint32_t line = 1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const vanban::Token& t = tokens[i];
    if (t.begin != expected_begin) Fail("offsets not contiguous", i);
    if (t.end <= t.begin || t.end > text.size()) Fail("empty or out-of-range token", i);
    if (t.line != line) Fail("line number inconsistent with newlines before it", i);
    const std::string_view piece = t.text(text);
    joined.append(piece);
    if (t.kind == vanban::TokenKind::kNewline) {
      if (piece != "\n" && piece != "\r" && piece != "\r\n") Fail("bad newline token", i);
      ++line;
    } else if (piece.find_first_of("\r\n") != std::string_view::npos) {
      Fail("line break inside a token", i);
    }
    if (t.kind == vanban::TokenKind::kPunct && piece.size() > 4) Fail("punct longer than a character", i);
    if (vanban::TokenKindName(t.kind).empty()) Fail("unnamed kind", i);
    expected_begin = t.end;
  }
  if (expected_begin != text.size()) Fail("tokens do not cover the text", tokens.size());
  if (joined != text) Fail("round trip differs", tokens.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckTokens(bytes);
  vanban::DecodeOptions options;
  options.lossy = true;
  const vanban::Result<vanban::DecodedText> decoded = vanban::Decode(bytes, options);
  if (!decoded.ok()) {
    std::fprintf(stderr, "fuzz_decode_tokenize: lossy Decode failed: %s\n",
                 decoded.status().ToString().c_str());
    std::abort();
  }
  CheckTokens(decoded.value().text);
  return 0;
}
