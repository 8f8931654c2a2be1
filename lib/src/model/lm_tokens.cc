#include "model/lm_tokens.h"

#include "text/viet_chars.h"

namespace vanban::internal {
namespace {

enum class CharClass { kSpace, kVietLetter, kOtherLetter, kDigit, kPunct };

CharClass Classify(char32_t cp) {
  // Line breaks count as spaces: a decoding unit may span wrapped lines.
  if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '\n' || cp == '\r') return CharClass::kSpace;
  if (IsAsciiDigit(cp)) return CharClass::kDigit;
  if (LookupLetter(cp).base != 0) return CharClass::kVietLetter;
  if (cp < 0xC0) return CharClass::kPunct;
  // General punctuation, symbols, CJK punctuation, private use, replacement char.
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xD7 ||
      cp == 0xF7 || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xFFF0 || (cp >= 0xFE30 && cp <= 0xFE6F) ||
      (cp >= 0xFF01 && cp <= 0xFF0F) || cp == 0xFEFF)
    return CharClass::kPunct;
  // Combining marks standing alone (non-NFC input) are kept inside words.
  return CharClass::kOtherLetter;
}

}  // namespace

void SplitLine(std::string_view line, std::vector<LmToken>* out) {
  out->clear();
  size_t pos = 0;
  while (pos < line.size()) {
    size_t start = pos;
    CharClass c = Classify(NextCodePoint(line, &pos));
    if (c == CharClass::kSpace) {
      size_t p = pos;
      while (p < line.size()) {
        size_t q = p;
        if (Classify(NextCodePoint(line, &q)) != CharClass::kSpace) break;
        p = q;
      }
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(p), LmTokenKind::kSpace});
      pos = p;
      continue;
    }
    if (c == CharClass::kPunct) {
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos), LmTokenKind::kPunct});
      continue;
    }
    // A run of letters and digits; digits may be joined by '.' or ',' ("1.000", "2,5").
    bool viet = c == CharClass::kVietLetter, digit = c == CharClass::kDigit,
         other = c == CharClass::kOtherLetter;
    size_t p = pos;
    CharClass prev = c;
    while (p < line.size()) {
      size_t q = p;
      CharClass d = Classify(NextCodePoint(line, &q));
      if (d == CharClass::kPunct && prev == CharClass::kDigit && (line[p] == '.' || line[p] == ',') &&
          q < line.size() && IsAsciiDigit(static_cast<unsigned char>(line[q])) && !viet && !other) {
        p = q;
        prev = CharClass::kPunct;
        continue;
      }
      if (d == CharClass::kSpace || d == CharClass::kPunct) break;
      viet |= d == CharClass::kVietLetter;
      digit |= d == CharClass::kDigit;
      other |= d == CharClass::kOtherLetter;
      prev = d;
      p = q;
    }
    LmTokenKind kind = (digit && !viet && !other) ? LmTokenKind::kNumber
                       : (viet && !digit && !other) ? LmTokenKind::kWord
                                                    : LmTokenKind::kMixed;
    out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(p), kind});
    pos = p;
  }
}

bool ContinuesLine(std::string_view next_line) {
  size_t pos = 0;
  while (pos < next_line.size()) {
    char32_t cp = NextCodePoint(next_line, &pos);
    if (cp == ' ' || cp == '\t') continue;
    const VietLetter& v = LookupLetter(cp);
    if (v.base == 0 || v.upper) return false;
    // A list label ("a)", "đ.") starts a new item, not a continuation.
    if (pos < next_line.size() && (next_line[pos] == ')' || next_line[pos] == '.')) return false;
    return true;
  }
  return false;
}

std::string_view LmWord(std::string_view text, LmTokenKind kind, std::string* scratch) {
  switch (kind) {
    case LmTokenKind::kNumber:
      return kNum;
    case LmTokenKind::kMixed:
    case LmTokenKind::kSpace:
      return kUnk;
    case LmTokenKind::kPunct: {
      if (text.size() == 1) {
        auto c = static_cast<unsigned char>(text[0]);
        return (c < 0x20 || c == 0x7F) ? kOtherPunct : text;
      }
      size_t pos = 0;
      char32_t cp = NextCodePoint(text, &pos);
      if (cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB) return "\"";
      if (cp == 0x2018 || cp == 0x2019) return "'";
      if (cp == 0x2013 || cp == 0x2014) return "-";
      if (cp == 0x2026) return "...";
      return kOtherPunct;
    }
    case LmTokenKind::kWord:
      break;
  }
  if (!KeyInto(text, scratch)) return kUnk;
  if (!IsWordKey(*scratch) || (scratch->size() >= 2 && IsAllUpper(text) && !IsSyllableKey(*scratch))) {
    // Abbreviations and symbol parts (UBND, HĐND, NĐ-CP) are words of their own, by
    // their diacritic-free key so that HDND, HĐND and the OCR's HPND agree.
    if (scratch->size() < 2 || !IsAllUpper(text)) return kUnk;
    scratch->insert(scratch->begin(), kAbbreviationMark);
    return *scratch;
  }
  LowerInto(text, scratch);
  return *scratch;
}

}  // namespace vanban::internal
