#include "text/viet_chars.h"

#include <cctype>

#include <array>
#include <cstring>

#include "text/utf8_util.h"

namespace vanban::internal {
namespace {

// Each vowel in the six tones (none, grave, hook, tilde, acute, dot).
constexpr const char* kLowerRows[] = {"aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
                                      "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ"};
constexpr const char* kUpperRows[] = {"AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
                                      "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ"};
constexpr char kBases[] = "aaaeeiooouuy";

class Tables {
 public:
  Tables() {
    for (char c = 'a'; c <= 'z'; ++c) {
      Set(static_cast<char32_t>(c), {c, false, false, static_cast<char32_t>(c),
                                     static_cast<char32_t>(c - 'a' + 'A'), 0, static_cast<char32_t>(c)});
      Set(static_cast<char32_t>(c - 'a' + 'A'), {c, true, false, static_cast<char32_t>(c),
                                                 static_cast<char32_t>(c - 'a' + 'A'), 0,
                                                 static_cast<char32_t>(c)});
    }
    for (int row = 0; row < 12; ++row) {
      std::string_view lo = kLowerRows[row], up = kUpperRows[row];
      size_t lp = 0, upos = 0;
      char32_t toneless = 0;
      for (int tone = 0; tone < 6; ++tone) {
        char32_t l = NextCodePoint(lo, &lp), u = NextCodePoint(up, &upos);
        if (tone == 0) toneless = l;
        bool marked = !(row == 0 || row == 3 || row == 5 || row == 6 || row == 9 || row == 11) ||
                      tone != 0;
        auto t = static_cast<uint8_t>(tone);
        Set(l, {kBases[row], false, marked, l, u, t, toneless});
        Set(u, {kBases[row], true, marked, l, u, t, toneless});
      }
    }
    Set(0x111, {'d', false, true, 0x111, 0x110, 0, 0x111});
    Set(0x110, {'d', true, true, 0x111, 0x110, 0, 0x111});
  }
  const VietLetter& Get(char32_t cp) const {
    if (cp < low_.size()) return low_[cp];
    if (cp >= 0x1EA0 && cp < 0x1F00) return high_[cp - 0x1EA0];
    return none_;
  }

 private:
  void Set(char32_t cp, VietLetter v) {
    if (cp < low_.size()) low_[cp] = v;
    else high_[cp - 0x1EA0] = v;
  }
  std::array<VietLetter, 0x1B1> low_{};
  std::array<VietLetter, 0x60> high_{};
  VietLetter none_{};
};

const Tables& GetTables() {
  static const Tables tables;
  return tables;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

char32_t NextCodePoint(std::string_view s, size_t* pos) {
  size_t i = *pos;
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size() || b0 > 0xF4) {
    *pos = i + 1;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *pos = i + len;
  return cp;
}

const VietLetter& LookupLetter(char32_t cp) { return GetTables().Get(cp); }

void LowerInto(std::string_view s, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(s, &pos);
    const VietLetter& v = LookupLetter(cp);
    if (v.base != 0 && v.upper) AppendUtf8(out, v.lower);
    else out->append(s.substr(start, pos - start));
  }
}

bool KeyInto(std::string_view s, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < s.size()) {
    const VietLetter& v = LookupLetter(NextCodePoint(s, &pos));
    if (v.base == 0) return false;
    out->push_back(v.base);
  }
  return !out->empty();
}

void ToneKeyInto(std::string_view s, std::string* out) {
  out->clear();
  int tone = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(s, &pos);
    const VietLetter& v = LookupLetter(cp);
    if (v.base == 0) {
      out->append(s.substr(start, pos - start));
      continue;
    }
    AppendUtf8(out, v.toneless);
    if (v.tone != 0) tone = v.tone;
  }
  if (tone != 0) out->push_back(static_cast<char>('0' + tone));
}

bool HasMarks(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (LookupLetter(NextCodePoint(s, &pos)).marked) return true;
  }
  return false;
}

bool IsCapitalised(std::string_view s) {
  size_t pos = 0;
  bool first = true;
  while (pos < s.size()) {
    const VietLetter& v = LookupLetter(NextCodePoint(s, &pos));
    if (v.base == 0 || v.upper != first) return false;
    first = false;
  }
  return !first;
}

bool IsAllUpper(std::string_view s) {
  size_t pos = 0;
  bool any = false;
  while (pos < s.size()) {
    const VietLetter& v = LookupLetter(NextCodePoint(s, &pos));
    if (v.base == 0) continue;
    if (!v.upper) return false;
    any = true;
  }
  return any;
}

void ApplyCaseInto(std::string_view restored, std::string_view original, std::string* out) {
  out->clear();
  // Case flags of the original letters, up to a fixed length (syllables are short).
  bool flags[64];
  size_t n = 0, pos = 0;
  while (pos < original.size() && n < 64) {
    const VietLetter& v = LookupLetter(NextCodePoint(original, &pos));
    flags[n++] = v.base != 0 && v.upper;
  }
  bool all_upper = n > 1 && IsAllUpper(original);
  size_t i = 0;
  pos = 0;
  while (pos < restored.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(restored, &pos);
    const VietLetter& v = LookupLetter(cp);
    bool up = all_upper || (i < n && flags[i]);
    if (v.base != 0 && up) AppendUtf8(out, v.upper_cp);
    else out->append(restored.substr(start, pos - start));
    ++i;
  }
}

void ApplyWordCaseInto(std::string_view restored, std::string_view original, std::string* out) {
  size_t letters = 0, upper = 0, pos = 0;
  bool first_upper = false;
  while (pos < original.size()) {
    const VietLetter& v = LookupLetter(NextCodePoint(original, &pos));
    if (v.base == 0) continue;
    if (letters == 0) first_upper = v.upper;
    ++letters;
    upper += v.upper;
  }
  const bool all = letters >= 2 && upper == letters;
  out->clear();
  pos = 0;
  bool first = true;
  while (pos < restored.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(restored, &pos);
    const VietLetter& v = LookupLetter(cp);
    bool up = all || (first && first_upper);
    if (v.base != 0) first = false;
    if (v.base != 0 && up) AppendUtf8(out, v.upper_cp);
    else out->append(restored.substr(start, pos - start));
  }
}

bool IsMeasurement(std::string_view t) {
  static constexpr std::string_view kUnits[] = {"m", "km", "cm", "mm", "dm", "ha", "kg", "g", "mg", "l", "ml",
                                                "kw", "kwh", "mw", "v", "w", "t", "s", "h", "ph"};
  size_t i = 0;
  while (i < t.size() && ((t[i] >= '0' && t[i] <= '9') || ((t[i] == '.' || t[i] == ',') && i > 0))) ++i;
  const bool number = i > 0;
  size_t end = t.size();
  // A trailing 2 or 3 squares or cubes a length unit ("m2", "km3"), only without a number before.
  bool power = !number && end >= 2 && (t[end - 1] == '2' || t[end - 1] == '3');
  if (power) --end;
  std::string unit;
  for (size_t k = i; k < end; ++k) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(t[k])));
  if (unit.empty() || (!number && !power)) return false;
  for (std::string_view u : kUnits) {
    if (unit == u) return !power || u == "m" || u == "km" || u == "cm" || u == "mm" || u == "dm";
  }
  return false;
}

bool IsNumberedItem(std::string_view t, bool strict) {
  size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i == 0 || i == t.size()) return false;
  size_t pos = i;
  const VietLetter& v = LookupLetter(NextCodePoint(t, &pos));
  if (pos != t.size() || v.base == 0 || v.upper || (v.marked && v.base != 'd')) return false;
  return !strict || i >= 2;
}

bool IsSyllableKey(std::string_view k) {
  static constexpr const char* kOnsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
                                            "tr", "b", "c", "d", "g", "h", "k", "l", "m", "n",
                                            "p", "r", "s", "t", "v", "x"};
  if (k.empty() || k.size() > 7) return false;
  size_t i = 0;
  for (const char* o : kOnsets) {
    if (StartsWith(k, o)) {
      i = std::strlen(o);
      break;
    }
  }
  // "gi" and "qu" may stand alone or carry the vowel themselves ("gì", "gin").
  auto is_vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  };
  size_t v = i;
  while (v < k.size() && is_vowel(k[v])) ++v;
  size_t nv = v - i;
  if (nv == 0) {
    if (i >= 2 && (StartsWith(k, "gi"))) nv = 1, i = 1;  // "gin" = g + in
    else return false;
  }
  if (nv > 3) return false;
  std::string_view coda = k.substr(v);
  // k: place names of the Central Highlands (Đắk Lắk, Ngọk Hồi).
  static constexpr const char* kCodas[] = {"", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"};
  for (const char* c : kCodas) {
    if (coda == c) return true;
  }
  return false;
}

}  // namespace vanban::internal
