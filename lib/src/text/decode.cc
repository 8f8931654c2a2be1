// Decode and DetectEncoding: bytes of any supported encoding to NFC UTF-8.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "text/legacy_charsets.h"
#include "text/utf8.h"
#include "text/viqr.h"
#include "text/vn_letters.h"
#include "vanban/text.h"

namespace vanban {
namespace {

// Detection looks at this much of the input: enough words, bounded time.
constexpr size_t kDetectSample = size_t{1} << 18;

bool HasUtf8Bom(std::string_view b) { return b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF"; }
bool HasUtf16LeBom(std::string_view b) { return b.size() >= 2 && b[0] == '\xFF' && b[1] == '\xFE'; }
bool HasUtf16BeBom(std::string_view b) { return b.size() >= 2 && b[0] == '\xFE' && b[1] == '\xFF'; }

struct Replacements {
  size_t count = 0;
  size_t first_offset = 0;
  void Add(size_t offset) {
    if (count++ == 0) first_offset = offset;
  }
};

Status BadUtf8(std::string_view bytes, size_t offset) {
  return Status::Corruption(fmt::format("invalid UTF-8 at byte {} (line {})", offset,
                                        internal::LineOfOffset(bytes, offset)));
}

// Validates UTF-8 in bytes[begin..); |offset| in messages counts from bytes[0].
Status DecodeUtf8(std::string_view bytes, size_t begin, bool lossy, std::string* out, Replacements* rep) {
  const char* s = bytes.data();
  const size_t len = bytes.size();
  size_t i = begin;
  // Fast path: copy valid runs at once.
  size_t run = begin;
  while (i < len) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c >= 0) continue;
    if (!lossy) return BadUtf8(bytes, start);
    out->append(s + run, start - run);
    out->append("\xEF\xBF\xBD");
    rep->Add(start);
    run = i;
  }
  out->append(s + run, len - run);
  return Status::Ok();
}

Status DecodeUtf16(std::string_view bytes, bool lossy, std::string* out, Replacements* rep) {
  bool big_endian = HasUtf16BeBom(bytes);
  size_t i = (big_endian || HasUtf16LeBom(bytes)) ? 2 : 0;
  const size_t len = bytes.size();
  out->reserve(len);
  auto unit_at = [&](size_t k) -> char16_t {
    const auto a = static_cast<unsigned char>(bytes[k]), b = static_cast<unsigned char>(bytes[k + 1]);
    return static_cast<char16_t>(big_endian ? (a << 8 | b) : (b << 8 | a));
  };
  auto bad = [&](size_t offset, std::string_view what) -> Status {
    if (!lossy) {
      return Status::Corruption(fmt::format("{} at byte {} of UTF-16 input", what, offset));
    }
    out->append("\xEF\xBF\xBD");
    rep->Add(offset);
    return Status::Ok();
  };
  while (i + 1 < len) {
    const char16_t u = unit_at(i);
    if (U16_IS_LEAD(u) && i + 3 < len && U16_IS_TRAIL(unit_at(i + 2))) {
      internal::AppendUtf8(out, static_cast<char32_t>(U16_GET_SUPPLEMENTARY(u, unit_at(i + 2))));
      i += 4;
      continue;
    }
    if (U16_IS_SURROGATE(u)) {
      VANBAN_RETURN_IF_ERROR(bad(i, "unpaired surrogate"));
    } else if (u < 0x80) {
      out->push_back(static_cast<char>(u));
    } else {
      internal::AppendUtf8(out, u);
    }
    i += 2;
  }
  if (i < len) VANBAN_RETURN_IF_ERROR(bad(i, "odd trailing byte"));
  return Status::Ok();
}

// NUL bytes (binary data; they decode to U+0000 in every 8-bit charset) become U+FFFD
// and count as replacements, so --lossy on binary input warns like any other damage.
void ReplaceNuls(std::string_view bytes, std::string* text, Replacements* rep) {
  size_t first = bytes.find('\0');
  if (first == std::string_view::npos) return;
  size_t count = 0;
  std::string out;
  out.reserve(text->size() + 16);
  for (char c : *text) {
    if (c != '\0') {
      out.push_back(c);
      continue;
    }
    out.append("\xEF\xBF\xBD");
    ++count;
  }
  text->swap(out);
  if (rep->count == 0 || first < rep->first_offset) rep->first_offset = first;
  rep->count += count;
}

// ---- detection ---------------------------------------------------------------

bool IsCommonPunctuation(UChar32 c) {
  return c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB0 || (c >= 0x2010 && c <= 0x2026) ||
         c == 0x20AC || c == 0x2122 || c == 0xA7 || c == 0xA9;
}

struct VietnameseScore {
  // Share of the non-ASCII words that are Vietnamese syllables; non-ASCII symbols count
  // against it, since a wrong charset turns letters into junk.
  double score = 0;
  size_t syllables = 0;    // non-ASCII words that are Vietnamese syllables
  size_t all_words = 0;    // words, ASCII or not
};

// How Vietnamese |text| (NFC UTF-8) reads.
VietnameseScore ScoreVietnamese(std::string_view text) {
  size_t words = 0, valid = 0, junk = 0, all_words = 0;
  const char* s = text.data();
  const size_t len = text.size();
  size_t i = 0;
  while (i < len) {
    const size_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) {
      ++junk;
      continue;
    }
    if (!u_isalpha(c)) {
      if (c >= 0x80 && !IsCommonPunctuation(c)) ++junk;
      continue;
    }
    bool non_ascii = c >= 0x80;
    size_t end = i;
    while (end < len) {
      size_t next = end;
      U8_NEXT(s, next, len, c);
      if (c < 0 || !(u_isalpha(c) || (c >= 0x300 && c <= 0x36F))) break;
      non_ascii |= c >= 0x80;
      end = next;
    }
    ++all_words;
    if (non_ascii) {
      ++words;
      valid += IsVietnameseSyllable(std::string_view(s + start, end - start));
    }
    i = end;
  }
  return {static_cast<double>(valid) / static_cast<double>(words + junk + 1), valid, all_words};
}

// Vietnamese in a legacy charset marks most of its words (half of them or more); text
// that is mostly ASCII with a few stray bytes is not evidence of any charset, however
// well those bytes happen to decode.
bool StrongLegacyEvidence(const VietnameseScore& v) {
  return v.syllables >= 3 && v.syllables * 10 >= v.all_words;
}

// Confidence that text without Vietnamese letters is VIQR; 0 if not.
double ViqrLikelihood(std::string_view sample) {
  internal::ViqrStats stats;
  internal::DecodeViqr(sample, &stats);
  if (stats.words == 0 || stats.marked_words < 2) return 0.0;
  const double ratio = static_cast<double>(stats.marked_words) / static_cast<double>(stats.words);
  if (stats.strong < 2 && ratio < 0.3) return 0.0;
  if (ratio < 0.1) return 0.0;
  return std::min(0.99, 0.5 + ratio);
}

}  // namespace

std::string_view EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kAuto: return "auto";
    case Encoding::kUtf8: return "utf8";
    case Encoding::kUtf16: return "utf16";
    case Encoding::kCp1258: return "cp1258";
    case Encoding::kTcvn3: return "tcvn3";
    case Encoding::kVni: return "vni";
    case Encoding::kViqr: return "viqr";
  }
  return "utf8";
}

Result<Encoding> ParseEncodingName(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c != '-' && c != '_' && c != ' ') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  struct Alias { std::string_view name; Encoding e; };
  static constexpr Alias kAliases[] = {
      {"auto", Encoding::kAuto},       {"utf8", Encoding::kUtf8},        {"unicode", Encoding::kUtf8},
      {"utf16", Encoding::kUtf16},     {"utf16le", Encoding::kUtf16},    {"utf16be", Encoding::kUtf16},
      {"cp1258", Encoding::kCp1258},   {"windows1258", Encoding::kCp1258}, {"win1258", Encoding::kCp1258},
      {"1258", Encoding::kCp1258},     {"tcvn3", Encoding::kTcvn3},      {"tcvn", Encoding::kTcvn3},
      {"abc", Encoding::kTcvn3},       {"tcvn5712", Encoding::kTcvn3},   {"vn3", Encoding::kTcvn3},
      {"vntime", Encoding::kTcvn3},    {"vni", Encoding::kVni},          {"vniwindows", Encoding::kVni},
      {"vniwin", Encoding::kVni},      {"viqr", Encoding::kViqr},        {"rfc1456", Encoding::kViqr},
  };
  for (const Alias& a : kAliases) {
    if (a.name == key) return a.e;
  }
  return Status::InvalidArgument(
      fmt::format("unknown encoding '{}' (expected auto, utf8, utf16, cp1258, tcvn3, vni or viqr)", name));
}

size_t BinaryOffset(std::string_view bytes) {
  if (HasUtf16LeBom(bytes) || HasUtf16BeBom(bytes)) return std::string_view::npos;
  return bytes.substr(0, kDetectSample).find('\0');
}

Detection DetectEncoding(std::string_view bytes) {
  if (HasUtf8Bom(bytes)) return {Encoding::kUtf8, 1.0};
  if (HasUtf16LeBom(bytes) || HasUtf16BeBom(bytes)) return {Encoding::kUtf16, 1.0};
  bool ascii = true, vietnamese_letter = false;  // any non-ASCII Vietnamese letter
  size_t good = 0, bad = 0;  // multi-byte UTF-8 sequences that are well-formed or not
  size_t i = 0;
  const size_t len = bytes.size();
  while (i < len) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    ascii = false;
    UChar32 c;
    const size_t start = i;
    U8_NEXT(bytes.data(), i, len, c);
    if (c < 0) {
      // A sequence cut by the end of a sample-sized read is not evidence against UTF-8.
      if (!(len - start < 4 && i == len)) ++bad;
      continue;
    }
    ++good;
    internal::VnLetter letter;
    vietnamese_letter |= internal::DecomposeLetter(static_cast<char32_t>(c), &letter);
  }
  const bool valid = bad == 0;
  // Well-formed UTF-8 sequences next to a few broken ones are damaged UTF-8, not a legacy
  // charset: Vietnamese in TCVN3, VNI or Windows-1258 puts its high bytes next to ASCII
  // letters and practically never forms a valid sequence (none in the samples). Decode
  // then reports the first broken one.
  if (!valid && 4 * good >= bad) return {Encoding::kUtf8, 0.5};
  const std::string_view sample = bytes.substr(0, kDetectSample);
  if (valid && !vietnamese_letter) {
    const double viqr = ViqrLikelihood(sample);
    if (viqr > 0) return {Encoding::kViqr, viqr};
    return {Encoding::kUtf8, ascii ? 0.95 : 0.9};
  }
  if (valid) return {Encoding::kUtf8, 0.99};

  struct Candidate { Encoding e; double score; VietnameseScore v; };
  std::array<Candidate, 3> candidates = {
      Candidate{Encoding::kTcvn3, 0, {}}, Candidate{Encoding::kVni, 0, {}}, Candidate{Encoding::kCp1258, 0, {}}};
  for (Candidate& c : candidates) {
    std::string decoded;
    internal::LegacyDecodeStats stats;
    switch (c.e) {
      case Encoding::kTcvn3: internal::DecodeTcvn3(sample, &decoded); break;
      case Encoding::kVni: internal::DecodeVni(sample, &decoded); break;
      default: (void)internal::DecodeCp1258(sample, /*lossy=*/true, &decoded, &stats); break;
    }
    c.v = ScoreVietnamese(ToNfc(decoded));
    c.score = c.v.score;
    // Bytes the charset does not define at all make it unlikely.
    c.score /= 1.0 + static_cast<double>(stats.replacements);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  const double best = candidates[0].score, second = candidates[1].score;
  // Not convincingly any legacy charset: damaged UTF-8, which Decode reports with its offset.
  if (best < 0.3 || !StrongLegacyEvidence(candidates[0].v)) return {Encoding::kUtf8, 0.1};
  // Confidence grows with the evidence: a handful of words is never certainty.
  const double words = static_cast<double>(candidates[0].v.syllables);
  return {candidates[0].e, std::clamp(best * (0.5 + (best - second)), 0.0, 1.0) * words / (words + 1.0)};
}

Result<DecodedText> Decode(std::string_view bytes, const DecodeOptions& options) {
  DecodedText result;
  Encoding encoding = options.from;
  result.confidence = 1.0;
  if (encoding == Encoding::kAuto && !options.lossy) {
    // No text encoding vanban reads has NUL bytes outside UTF-16 (which has a BOM):
    // an executable or an image would otherwise "decode" as a legacy charset.
    size_t nul = BinaryOffset(bytes);
    if (nul != std::string_view::npos) {
      return Status::Corruption(fmt::format("{}: binary data, not text (NUL byte at byte {})",
                                            internal::LineOfOffset(bytes, nul), nul));
    }
  }
  if (encoding == Encoding::kAuto) {
    const Detection d = DetectEncoding(bytes);
    encoding = d.encoding;
    result.confidence = d.confidence;
  }
  result.encoding = encoding;
  std::string raw;
  Replacements rep;
  switch (encoding) {
    case Encoding::kAuto:
    case Encoding::kUtf8:
      raw.reserve(bytes.size());
      VANBAN_RETURN_IF_ERROR(DecodeUtf8(bytes, HasUtf8Bom(bytes) ? 3 : 0, options.lossy, &raw, &rep));
      break;
    case Encoding::kUtf16:
      VANBAN_RETURN_IF_ERROR(DecodeUtf16(bytes, options.lossy, &raw, &rep));
      break;
    case Encoding::kCp1258: {
      internal::LegacyDecodeStats stats;
      VANBAN_RETURN_IF_ERROR(internal::DecodeCp1258(bytes, options.lossy, &raw, &stats));
      rep.count = stats.replacements;
      rep.first_offset = stats.first_bad_offset;
      break;
    }
    case Encoding::kTcvn3:
      internal::DecodeTcvn3(bytes, &raw);
      break;
    case Encoding::kVni:
      internal::DecodeVni(bytes, &raw);
      break;
    case Encoding::kViqr: {
      std::string utf8;
      VANBAN_RETURN_IF_ERROR(DecodeUtf8(bytes, HasUtf8Bom(bytes) ? 3 : 0, options.lossy, &utf8, &rep));
      raw = internal::DecodeViqr(utf8);
      break;
    }
  }
  if (options.lossy && encoding != Encoding::kUtf16) ReplaceNuls(bytes, &raw, &rep);
  result.text = ToNfc(raw);
  result.replacements = rep.count;
  result.first_bad_offset = rep.first_offset;
  return result;
}

}  // namespace vanban
