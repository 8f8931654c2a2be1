// Encode: NFC UTF-8 to the output forms (normalizations, legacy charsets, UTF-16).
#include <fmt/format.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cctype>
#include <string>
#include <string_view>

#include "text/legacy_charsets.h"
#include "text/utf8.h"
#include "text/viqr.h"
#include "vanban/text.h"

namespace vanban {
namespace {

Status CheckUtf8(std::string_view text) {
  size_t i = 0;
  const size_t len = text.size();
  while (i < len) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, len, c);
    if (c < 0) {
      return Status::Corruption(fmt::format("invalid UTF-8 at byte {} (line {})", start,
                                            internal::LineOfOffset(text, start)));
    }
  }
  return Status::Ok();
}

std::string EncodeUtf16Le(std::string_view text) {
  std::string out("\xFF\xFE");
  out.reserve(2 + text.size() * 2);
  auto put = [&out](char16_t u) {
    out.push_back(static_cast<char>(u & 0xFF));
    out.push_back(static_cast<char>(u >> 8));
  };
  size_t i = 0;
  const size_t len = text.size();
  while (i < len) {
    UChar32 c;
    U8_NEXT(text.data(), i, len, c);
    if (c < 0) c = 0xFFFD;
    if (c > 0xFFFF) {
      put(static_cast<char16_t>(U16_LEAD(c)));
      put(static_cast<char16_t>(U16_TRAIL(c)));
    } else {
      put(static_cast<char16_t>(c));
    }
  }
  return out;
}

}  // namespace

std::string_view OutputFormName(OutputForm f) {
  switch (f) {
    case OutputForm::kNfc: return "nfc";
    case OutputForm::kNfd: return "nfd";
    case OutputForm::kViqr: return "viqr";
    case OutputForm::kTcvn3: return "tcvn3";
    case OutputForm::kVni: return "vni";
    case OutputForm::kCp1258: return "cp1258";
    case OutputForm::kUtf16: return "utf16";
  }
  return "nfc";
}

Result<OutputForm> ParseOutputFormName(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c != '-' && c != '_' && c != ' ') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  struct Alias { std::string_view name; OutputForm f; };
  static constexpr Alias kAliases[] = {
      {"nfc", OutputForm::kNfc},         {"utf8", OutputForm::kNfc},       {"unicode", OutputForm::kNfc},
      {"nfd", OutputForm::kNfd},         {"viqr", OutputForm::kViqr},      {"tcvn3", OutputForm::kTcvn3},
      {"tcvn", OutputForm::kTcvn3},      {"abc", OutputForm::kTcvn3},      {"vni", OutputForm::kVni},
      {"vniwindows", OutputForm::kVni},  {"cp1258", OutputForm::kCp1258},  {"windows1258", OutputForm::kCp1258},
      {"utf16", OutputForm::kUtf16},     {"utf16le", OutputForm::kUtf16},
  };
  for (const Alias& a : kAliases) {
    if (a.name == key) return a.f;
  }
  return Status::InvalidArgument(
      fmt::format("unknown output form '{}' (expected nfc, nfd, viqr, tcvn3, vni, cp1258 or utf16)", name));
}

Result<std::string> Encode(std::string_view text, OutputForm form) {
  VANBAN_RETURN_IF_ERROR(CheckUtf8(text));
  switch (form) {
    case OutputForm::kNfc: return ToNfc(text);
    case OutputForm::kNfd: return ToNfd(text);
    case OutputForm::kUtf16: return EncodeUtf16Le(text);
    case OutputForm::kViqr: return internal::EncodeViqr(ToNfc(text));
    case OutputForm::kTcvn3: return internal::EncodeTcvn3(ToNfc(text));
    case OutputForm::kVni: return internal::EncodeVni(ToNfc(text));
    case OutputForm::kCp1258: return internal::EncodeCp1258(ToNfc(text));
  }
  return Status::InvalidArgument("unknown output form");
}

}  // namespace vanban
