#include "token/shapes.h"

#include <cstring>

#include "token/char_class.h"

namespace vanban::internal {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }

bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    if (c != prefix[i]) return false;
  }
  return true;
}

// Number of ASCII digits at |pos|, at most |max|.
size_t Digits(std::string_view text, size_t pos, size_t max) {
  size_t n = 0;
  while (pos + n < text.size() && n < max && IsAsciiDigit(text[pos + n])) ++n;
  return n;
}

// Value of exactly |n| digits at |pos|, or -1 if they are not all there.
int FixedDigits(std::string_view text, size_t pos, size_t n) {
  if (Digits(text, pos, n) != n) return -1;
  int v = 0;
  for (size_t i = 0; i < n; ++i) v = v * 10 + (text[pos + i] - '0');
  return v;
}

bool At(std::string_view text, size_t pos, char c) { return pos < text.size() && text[pos] == c; }

}  // namespace

bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

size_t MatchUrl(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  // Cheap first-byte test: this runs at the start of every word.
  const char first = static_cast<char>(text[pos] | 0x20);
  if (first != 'h' && first != 'w' && first != 'f') return 0;
  size_t prefix = 0;
  for (std::string_view p : {"https://", "http://", "ftp://", "www."}) {
    if (StartsWithNoCase(text, pos, p)) {
      prefix = p.size();
      break;
    }
  }
  if (prefix == 0) return 0;
  const size_t body = pos + prefix;
  if (body >= text.size() || !IsAsciiAlnum(text[body])) return 0;
  size_t end = body;
  int open_parens = 0, open_brackets = 0;
  while (end < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[end]);
    if (b < 0x80) {
      if (b <= 0x20 || b == 0x7F || std::strchr("\"<>`{}|\\^", b) != nullptr) break;
      open_parens += (b == '(') - (b == ')');
      open_brackets += (b == '[') - (b == ']');
      ++end;
    } else {
      // Letters (IDN, Vietnamese paths) continue a URL; typographic quotes, dashes,
      // NBSP and invalid bytes end it.
      const CharInfo c = ClassifyNonAscii(text, end);
      if (c.cls != CharClass::kLetter) break;
      end += c.length;
    }
  }
  // Leave out sentence punctuation and unbalanced closers: "(xem https://a.vn)."
  while (end > body) {
    const char c = text[end - 1];
    if (std::strchr(".,;:!?'*", c) != nullptr) {
      --end;
    } else if (c == ')' && open_parens < 0) {
      ++open_parens;
      --end;
    } else if (c == ']' && open_brackets < 0) {
      ++open_brackets;
      --end;
    } else {
      break;
    }
  }
  return end > body ? end - pos : 0;
}

size_t EmailLocalRunEnd(std::string_view text, size_t pos) {
  while (pos < text.size() && IsEmailLocalChar(text[pos])) ++pos;
  return pos;
}

size_t EmailDomainEnd(std::string_view text, size_t pos) {
  size_t labels = 0;
  size_t end = 0;  // end of the last complete label
  bool last_alpha = false;
  size_t last_len = 0;
  size_t i = pos;
  while (true) {
    const size_t label_start = i;
    bool alpha = true;
    while (i < text.size() && (IsAsciiAlnum(text[i]) || text[i] == '-')) {
      alpha = alpha && IsAsciiAlpha(text[i]);
      ++i;
    }
    if (i == label_start) break;
    ++labels;
    end = i;
    last_alpha = alpha;
    last_len = i - label_start;
    if (!At(text, i, '.')) break;
    ++i;
  }
  if (labels < 2 || !last_alpha || last_len < 2) return 0;
  return end;
}

size_t MatchEmail(std::string_view text, size_t pos) {
  if (pos >= text.size() || !IsAsciiAlnum(text[pos])) return 0;
  const size_t at = EmailLocalRunEnd(text, pos);
  if (!At(text, at, '@') || text[at - 1] == '.') return 0;
  const size_t end = EmailDomainEnd(text, at + 1);
  return end == 0 ? 0 : end - pos;
}

size_t MatchIsoDateTime(std::string_view text, size_t pos) {
  // Date: yyyy-mm-dd with a plausible month and day.
  if (FixedDigits(text, pos, 4) < 0 || !At(text, pos + 4, '-') || !At(text, pos + 7, '-')) return 0;
  const int month = FixedDigits(text, pos + 5, 2);
  const int day = FixedDigits(text, pos + 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
  size_t end = pos + 10;
  if (Digits(text, end, 1) == 1) return 0;  // "2026-01-261" is no date
  // Time: Thh:mm[:ss[.fff]].
  if (!(At(text, end, 'T') || At(text, end, 't'))) return end - pos;
  size_t t = end + 1;
  const int hour = FixedDigits(text, t, 2);
  if (hour < 0 || hour > 24 || !At(text, t + 2, ':')) return end - pos;
  const int minute = FixedDigits(text, t + 3, 2);
  if (minute < 0 || minute > 59) return end - pos;
  t += 5;
  if (At(text, t, ':') && FixedDigits(text, t + 1, 2) >= 0 && FixedDigits(text, t + 1, 2) <= 60) {
    t += 3;
    if (At(text, t, '.') && Digits(text, t + 1, 9) > 0) t += 1 + Digits(text, t + 1, 9);
  }
  end = t;
  // Zone: Z, ±hh, ±hhmm or ±hh:mm.
  if (At(text, end, 'Z')) return end + 1 - pos;
  if (At(text, end, '+') || At(text, end, '-')) {
    size_t z = end + 1;
    if (FixedDigits(text, z, 2) >= 0 && FixedDigits(text, z, 2) <= 14) {
      z += 2;
      if (FixedDigits(text, z, 2) >= 0) {
        z += 2;
      } else if (At(text, z, ':') && FixedDigits(text, z + 1, 2) >= 0) {
        z += 3;
      }
      end = z;
    }
  }
  return end - pos;
}

}  // namespace vanban::internal
