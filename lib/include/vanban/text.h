// Text core: decoding input bytes to UTF-8 NFC, encoding back out, and the
// Vietnamese-aware case, diacritic and tone-placement helpers.
#ifndef VANBAN_TEXT_H_
#define VANBAN_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/status.h"

namespace vanban {

enum class Encoding {
  kAuto,    // only as a request: detect
  kUtf8,
  kUtf16,   // with BOM (LE or BE); without one, only when forced (LE assumed)
  kCp1258,  // Windows-1258 (decomposed tone marks)
  kTcvn3,   // TCVN 5712:1993 "ABC", the .VnTime fonts
  kVni,     // VNI-Windows fonts
  kViqr,    // ASCII with ' ` ? ~ . ^ ( + dd mnemonics (RFC 1456)
};

// "utf8", "utf16", "cp1258", "tcvn3", "vni", "viqr", "auto".
std::string_view EncodingName(Encoding e);
// Accepts the names above and common aliases ("utf-8", "windows-1258", "abc", ...).
Result<Encoding> ParseEncodingName(std::string_view name);

struct Detection {
  Encoding encoding = Encoding::kUtf8;
  double confidence = 0.0;  // 0..1
};

// Guesses the encoding of |bytes|; never fails (falls back to UTF-8 with low confidence).
Detection DetectEncoding(std::string_view bytes);

struct DecodeOptions {
  Encoding from = Encoding::kAuto;
  bool lossy = false;  // replace invalid sequences by U+FFFD instead of failing
};

struct DecodedText {
  std::string text;            // UTF-8, NFC, BOM removed
  Encoding encoding = Encoding::kUtf8;
  double confidence = 1.0;     // of the detection; 1 when forced
  size_t replacements = 0;     // U+FFFD inserted under lossy
  size_t first_bad_offset = 0; // byte offset of the first replaced sequence, if any
};

// Offset of a NUL byte in the first 256 KiB of |bytes| (no BOM of UTF-16): binary data
// such as an executable or an image, which no text encoding vanban reads contains. npos
// if none. Decode with Encoding::kAuto refuses such input unless lossy.
size_t BinaryOffset(std::string_view bytes);

// Decodes |bytes| into NFC UTF-8. Invalid input (e.g. bad UTF-8) is kCorruption
// with a message naming the byte offset and line, unless options.lossy.
Result<DecodedText> Decode(std::string_view bytes, const DecodeOptions& options = {});

enum class OutputForm {
  kNfc,
  kNfd,
  kViqr,
  kTcvn3,
  kVni,
  kCp1258,
  kUtf16,  // little-endian with BOM
};
std::string_view OutputFormName(OutputForm f);
Result<OutputForm> ParseOutputFormName(std::string_view name);

// Encodes NFC UTF-8 |text| into |form|. Characters with no representation in a
// legacy encoding are kUnsupported, naming the character and byte offset.
Result<std::string> Encode(std::string_view text, OutputForm form);

// Unicode normalization of UTF-8 text (input assumed valid UTF-8).
std::string ToNfc(std::string_view text);
std::string ToNfd(std::string_view text);

// Case mapping that is right for Vietnamese (Đ/đ, Ư/ư, capitals with marks).
std::string ToLower(std::string_view text);
std::string ToUpper(std::string_view text);

// Removes every Vietnamese diacritic, đ→d and Đ→D included; other text unchanged.
std::string StripDiacritics(std::string_view text);

enum class ToneStyle {
  kOld,  // hòa, thủy, khỏe: traditional, mark on the first vowel of oa, oe, uy
  kNew,  // hoà, thuỷ, khoẻ: 1980 school rules, mark on the main vowel
};
// Moves tone marks to the position |style| prescribes; other text unchanged.
std::string NormalizeTonePlacement(std::string_view text, ToneStyle style);

// True when |word| (one token, NFC) is a well-formed Vietnamese syllable,
// with or without marks ("nghiêng", "Trien", "ĐƯỜNG").
bool IsVietnameseSyllable(std::string_view word);
// The same, with the word's marks taken as written: "cuoc" and "hoc" (a stop coda needs
// a sharp or heavy tone) are not syllables, "ban" and "cuộc" are.
bool IsExactVietnameseSyllable(std::string_view word);

// The lines of text without their '\n' (a '\r' before it stays). A last line without a
// newline counts; nothing after the final newline is not a line. Views into text.
std::vector<std::string_view> SplitLines(std::string_view text);

// Levenshtein distance of two byte strings (an edit is one byte), for short ones: the cost
// is the product of their lengths. Spelling keys and "did you mean" suggestions.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace vanban

#endif  // VANBAN_TEXT_H_
