// The single-byte legacy charsets (Windows-1258, TCVN3) and the two-byte VNI
// encoding: decoding to (not yet normalized) UTF-8 and encoding from NFC text.
#ifndef VANBAN_TEXT_LEGACY_CHARSETS_H_
#define VANBAN_TEXT_LEGACY_CHARSETS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "vanban/status.h"

namespace vanban::internal {

struct LegacyDecodeStats {
  size_t replacements = 0;      // undefined bytes replaced by U+FFFD
  size_t first_bad_offset = 0;  // byte offset of the first one
};

// Windows-1258 keeps tone marks as separate combining characters: normalize after.
// Undefined bytes are an error unless |lossy|.
Status DecodeCp1258(std::string_view bytes, bool lossy, std::string* out, LegacyDecodeStats* stats);
// TCVN3 (ABC / TCVN 5712 VN1). Never fails: every byte means something.
void DecodeTcvn3(std::string_view bytes, std::string* out);
// VNI-Windows: base letter + mark byte; other bytes as Windows-1252.
void DecodeVni(std::string_view bytes, std::string* out);

// Encoders take NFC UTF-8; a character with no representation is kUnsupported.
Result<std::string> EncodeCp1258(std::string_view text);
Result<std::string> EncodeTcvn3(std::string_view text);
Result<std::string> EncodeVni(std::string_view text);

}  // namespace vanban::internal

#endif  // VANBAN_TEXT_LEGACY_CHARSETS_H_
