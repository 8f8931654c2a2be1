#include "text/legacy_charsets.h"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <string>
#include <unordered_map>

#include "text/utf8.h"
#include "text/vn_letters.h"

namespace vanban::internal {
namespace {

// Tables generated from glibc iconv (CP1258, TCVN5712-1, CP1252).
// Windows-1258; 0xFFFF = undefined byte.
constexpr char16_t kCp1258[256] = {
    0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007,
    0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F,
    0x0010, 0x0011, 0x0012, 0x0013, 0x0014, 0x0015, 0x0016, 0x0017,
    0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F,
    0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027,
    0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
    0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
    0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
    0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,
    0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,
    0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F,
    0x0060, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,
    0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
    0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
    0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D, 0x007E, 0x007F,
    0x20AC, 0xFFFF, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0xFFFF, 0x2039, 0x0152, 0xFFFF, 0xFFFF, 0xFFFF,
    0xFFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0xFFFF, 0x203A, 0x0153, 0xFFFF, 0xFFFF, 0x0178,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
    0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
};
// TCVN 5712:1993 VN1 (the ABC/VN3 letters plus the VN1 capitals).
constexpr char16_t kTcvn3[256] = {
    0x0000, 0x00DA, 0x1EE4, 0x0003, 0x1EEA, 0x1EEC, 0x1EEE, 0x0007,
    0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F,
    0x0010, 0x1EE8, 0x1EF0, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4,
    0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F,
    0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027,
    0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
    0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
    0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
    0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,
    0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,
    0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F,
    0x0060, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,
    0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
    0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
    0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D, 0x007E, 0x007F,
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};
// Windows-1252, the base of the VNI-Windows fonts; 0xFFFF = undefined byte.
constexpr char16_t kCp1252[256] = {
    0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007,
    0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F,
    0x0010, 0x0011, 0x0012, 0x0013, 0x0014, 0x0015, 0x0016, 0x0017,
    0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F,
    0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027,
    0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
    0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
    0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
    0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,
    0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,
    0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F,
    0x0060, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,
    0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,
    0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
    0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D, 0x007E, 0x007F,
    0x20AC, 0xFFFF, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFF, 0x017D, 0xFFFF,
    0xFFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFF, 0x017E, 0x0178,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
};

constexpr char16_t kUndefined = 0xFFFF;

Status Unrepresentable(std::string_view text, size_t offset, UChar32 c, std::string_view charset) {
  std::string ch;
  AppendUtf8(&ch, static_cast<char32_t>(c));
  return Status::Unsupported(fmt::format("character U+{:04X} '{}' at byte {} (line {}) has no {} form",
                                         static_cast<uint32_t>(c), ch, offset,
                                         LineOfOffset(text, offset), charset));
}

Status InvalidInput(std::string_view text, size_t offset) {
  return Status::Corruption(
      fmt::format("invalid UTF-8 at byte {} (line {})", offset, LineOfOffset(text, offset)));
}

// Reverse of a 256-entry table for code points >= 0x80.
std::unordered_map<char32_t, unsigned char> Reverse(const char16_t* table, int from) {
  std::unordered_map<char32_t, unsigned char> m;
  for (int b = 255; b >= from; --b) {
    if (table[b] != kUndefined && table[b] >= 0x80) m[table[b]] = static_cast<unsigned char>(b);
  }
  return m;
}

// ---- TCVN3 -----------------------------------------------------------------

// Bytes where VN1 puts a capital but the ABC fonts (and Word) put Windows-1252
// punctuation; which one is meant is decided from the neighbouring bytes.
enum class Side { kOpening, kClosing, kEither };
struct AmbiguousByte { unsigned char byte; char16_t punct; Side side; };
constexpr AmbiguousByte kTcvnAmbiguous[] = {
    {0x85, 0x2026, Side::kClosing}, {0x91, 0x2018, Side::kOpening}, {0x92, 0x2019, Side::kClosing},
    {0x93, 0x201C, Side::kOpening}, {0x94, 0x201D, Side::kClosing}, {0x96, 0x2013, Side::kEither},
    {0x97, 0x2014, Side::kEither}};

bool TcvnIsLetter(unsigned char b) {
  if (b < 0x80) return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
  return u_isalpha(kTcvn3[b]) != 0;
}
bool TcvnIsUpper(unsigned char b) {
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  return u_isupper(kTcvn3[b]) != 0;
}
// Control bytes that VN1 uses for capitals; decoded as letters only inside words.
bool TcvnIsControlCapital(unsigned char b) { return b < 0x20 && kTcvn3[b] >= 0x80; }

char32_t TcvnChar(std::string_view bytes, size_t i) {
  const unsigned char b = static_cast<unsigned char>(bytes[i]);
  for (const AmbiguousByte& a : kTcvnAmbiguous) {
    if (a.byte != b) continue;
    const bool prev = i > 0 && TcvnIsLetter(static_cast<unsigned char>(bytes[i - 1]));
    const bool next = i + 1 < bytes.size() && TcvnIsLetter(static_cast<unsigned char>(bytes[i + 1]));
    const bool capital = a.side == Side::kOpening ? prev : a.side == Side::kClosing ? next : (prev || next);
    return capital ? kTcvn3[b] : a.punct;
  }
  return kTcvn3[b];
}

// ---- VNI -------------------------------------------------------------------

struct VniMark { Quality quality; Tone tone; };
// Mark bytes that follow a base letter; the upper-case set follows capitals.
bool VniMarkOf(unsigned char b, VniMark* m) {
  switch (b) {
    case 0xF8: case 0xD8: *m = {Quality::kNone, Tone::kGrave}; return true;
    case 0xF9: case 0xD9: *m = {Quality::kNone, Tone::kAcute}; return true;
    case 0xFB: case 0xDB: *m = {Quality::kNone, Tone::kHook}; return true;
    case 0xF5: case 0xD5: *m = {Quality::kNone, Tone::kTilde}; return true;
    case 0xEF: case 0xCF: *m = {Quality::kNone, Tone::kDot}; return true;
    case 0xE2: case 0xC2: *m = {Quality::kCircumflex, Tone::kNone}; return true;
    case 0xE0: case 0xC0: *m = {Quality::kCircumflex, Tone::kGrave}; return true;
    case 0xE1: case 0xC1: *m = {Quality::kCircumflex, Tone::kAcute}; return true;
    case 0xE5: case 0xC5: *m = {Quality::kCircumflex, Tone::kHook}; return true;
    case 0xE3: case 0xC3: *m = {Quality::kCircumflex, Tone::kTilde}; return true;
    case 0xE4: case 0xC4: *m = {Quality::kCircumflex, Tone::kDot}; return true;
    case 0xEA: case 0xCA: *m = {Quality::kBreve, Tone::kNone}; return true;
    case 0xE8: case 0xC8: *m = {Quality::kBreve, Tone::kGrave}; return true;
    case 0xE9: case 0xC9: *m = {Quality::kBreve, Tone::kAcute}; return true;
    case 0xFA: case 0xDA: *m = {Quality::kBreve, Tone::kHook}; return true;
    case 0xFC: case 0xDC: *m = {Quality::kBreve, Tone::kTilde}; return true;
    case 0xEB: case 0xCB: *m = {Quality::kBreve, Tone::kDot}; return true;
    default: return false;
  }
}

// The mark byte for |quality| + |tone| (0 if VNI has none).
unsigned char VniMarkByte(Quality quality, Tone tone, bool upper) {
  for (int b = 0xC0; b <= 0xFF; ++b) {
    VniMark m;
    if (!VniMarkOf(static_cast<unsigned char>(b), &m) || m.quality != quality || m.tone != tone) continue;
    if ((b >= 0xE0) != upper) return static_cast<unsigned char>(b);
  }
  return 0;
}

// Letters that VNI writes as one byte (i with a tone, ỵ, đ, ơ, ư).
struct VniSingle { unsigned char lower, upper; VnLetter letter; };
constexpr VniSingle kVniSingles[] = {
    {0xEC, 0xCC, {'i', Quality::kNone, Tone::kGrave, false}},
    {0xED, 0xCD, {'i', Quality::kNone, Tone::kAcute, false}},
    {0xE6, 0xC6, {'i', Quality::kNone, Tone::kHook, false}},
    {0xF3, 0xD3, {'i', Quality::kNone, Tone::kTilde, false}},
    {0xF2, 0xD2, {'i', Quality::kNone, Tone::kDot, false}},
    {0xEE, 0xCE, {'y', Quality::kNone, Tone::kDot, false}},
    {0xF1, 0xD1, {'d', Quality::kStroke, Tone::kNone, false}},
    {0xF4, 0xD4, {'o', Quality::kHorn, Tone::kNone, false}},
    {0xF6, 0xD6, {'u', Quality::kHorn, Tone::kNone, false}},
};

bool VniSingleOf(unsigned char b, VnLetter* l) {
  for (const VniSingle& s : kVniSingles) {
    if (s.lower == b || s.upper == b) {
      *l = s.letter;
      l->upper = s.upper == b;
      return true;
    }
  }
  return false;
}

bool CanTakeVniMark(const VnLetter& l, const VniMark& m) {
  if (!IsVowelBase(l.base) || l.tone != Tone::kNone) return false;
  if (m.quality == Quality::kNone) return true;
  if (l.quality != Quality::kNone) return false;
  if (m.quality == Quality::kBreve) return l.base == 'a';
  return l.base == 'a' || l.base == 'e' || l.base == 'o';
}

struct EncoderTables {
  std::unordered_map<char32_t, unsigned char> cp1258 = Reverse(kCp1258, 0x80);
  std::unordered_map<char32_t, unsigned char> tcvn3;
  EncoderTables() {
    tcvn3 = Reverse(kTcvn3, 0x80);
    for (int b = 1; b < 0x20; ++b) {
      if (TcvnIsControlCapital(static_cast<unsigned char>(b))) tcvn3[kTcvn3[b]] = static_cast<unsigned char>(b);
    }
    for (const AmbiguousByte& a : kTcvnAmbiguous) tcvn3[a.punct] = a.byte;
  }
};

const EncoderTables& GetEncoderTables() {
  static const EncoderTables* t = new EncoderTables();
  return *t;
}

// Iterates the code points of |text|, calling fn(c, offset) -> Status.
template <class Fn>
Status ForEachCodePoint(std::string_view text, Fn fn) {
  size_t i = 0;
  const size_t len = text.size();
  while (i < len) {
    const size_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, len, c);
    if (c < 0) return InvalidInput(text, start);
    VANBAN_RETURN_IF_ERROR(fn(c, start));
  }
  return Status::Ok();
}

}  // namespace

Status DecodeCp1258(std::string_view bytes, bool lossy, std::string* out, LegacyDecodeStats* stats) {
  out->reserve(out->size() + bytes.size() + bytes.size() / 4);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out->push_back(static_cast<char>(b));
      continue;
    }
    char32_t c = kCp1258[b];
    if (c == kUndefined) {
      if (!lossy) {
        return Status::Corruption(fmt::format("byte 0x{:02X} at byte {} (line {}) is undefined in windows-1258",
                                              b, i, LineOfOffset(bytes, i)));
      }
      if (stats->replacements++ == 0) stats->first_bad_offset = i;
      c = 0xFFFD;
    }
    AppendUtf8(out, c);
  }
  return Status::Ok();
}

void DecodeTcvn3(std::string_view bytes, std::string* out) {
  out->reserve(out->size() + bytes.size() + bytes.size() / 2);
  size_t i = 0;
  const size_t n = bytes.size();
  while (i < n) {
    // One word at a time, so that a word set in an all-capitals .VnTimeH font
    // (capitals stored as the lower-case bytes) can be upper-cased whole.
    if (!TcvnIsLetter(static_cast<unsigned char>(bytes[i]))) {
      const unsigned char b = static_cast<unsigned char>(bytes[i]);
      if (b < 0x80 && !TcvnIsControlCapital(b)) {
        out->push_back(static_cast<char>(b));
      } else if (TcvnIsControlCapital(b)) {
        const bool in_word = (i > 0 && TcvnIsLetter(static_cast<unsigned char>(bytes[i - 1]))) ||
                             (i + 1 < n && TcvnIsLetter(static_cast<unsigned char>(bytes[i + 1])));
        if (in_word) AppendUtf8(out, kTcvn3[b]);
        else out->push_back(static_cast<char>(b));
      } else {
        AppendUtf8(out, TcvnChar(bytes, i));
      }
      ++i;
      continue;
    }
    size_t end = i;
    int upper = 0, lower_ascii = 0, lower_high = 0;
    while (end < n) {
      const unsigned char b = static_cast<unsigned char>(bytes[end]);
      const bool control_capital = TcvnIsControlCapital(b);
      if (!TcvnIsLetter(b) && !control_capital) break;
      if (b >= 'a' && b <= 'z') ++lower_ascii;
      if (control_capital || TcvnIsUpper(b)) ++upper;
      else if (b >= 0x80) ++lower_high;
      ++end;
    }
    const bool caps_font = lower_high > 0 && lower_ascii == 0 && upper >= 2;
    for (size_t k = i; k < end; ++k) {
      char32_t c = TcvnChar(bytes, k);
      if (caps_font && static_cast<unsigned char>(bytes[k]) >= 0x80) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
      AppendUtf8(out, c);
    }
    i = end;
  }
}

void DecodeVni(std::string_view bytes, std::string* out) {
  out->reserve(out->size() + bytes.size() + bytes.size() / 4);
  const size_t n = bytes.size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char b = static_cast<unsigned char>(bytes[i]);
    VnLetter letter;
    bool is_letter = false;
    if (b < 0x80) {
      is_letter = DecomposeLetter(b, &letter);
    } else {
      is_letter = VniSingleOf(b, &letter);
    }
    if (is_letter && i + 1 < n) {
      VniMark mark;
      if (VniMarkOf(static_cast<unsigned char>(bytes[i + 1]), &mark) && CanTakeVniMark(letter, mark)) {
        if (mark.quality != Quality::kNone) letter.quality = mark.quality;
        letter.tone = mark.tone;
        char32_t c = ComposeLetter(letter);
        if (c != 0) {
          AppendUtf8(out, c);
          ++i;
          continue;
        }
      }
    }
    if (b < 0x80) {
      out->push_back(static_cast<char>(b));
    } else if (is_letter) {
      AppendUtf8(out, ComposeLetter(letter));
    } else {
      // Windows-1252; its five holes are kept as the C1 controls of the same value.
      AppendUtf8(out, kCp1252[b] == kUndefined ? b : kCp1252[b]);
    }
  }
}

Result<std::string> EncodeCp1258(std::string_view text) {
  const auto& table = GetEncoderTables().cp1258;
  std::string out;
  out.reserve(text.size());
  Status st = ForEachCodePoint(text, [&](UChar32 c, size_t offset) -> Status {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      return Status::Ok();
    }
    auto it = table.find(static_cast<char32_t>(c));
    if (it != table.end()) {
      out.push_back(static_cast<char>(it->second));
      return Status::Ok();
    }
    // As Windows writes it: the letter with its letter mark precomposed when
    // that exists (â, ơ, ư ...), then the tone as a combining character.
    VnLetter l;
    if (DecomposeLetter(static_cast<char32_t>(c), &l) && l.tone != Tone::kNone) {
      VnLetter bare = l;
      bare.tone = Tone::kNone;
      const char32_t base = ComposeLetter(bare);
      auto b = base < 0x80 ? table.end() : table.find(base);
      auto t = table.find(CombiningTone(l.tone));
      if ((base < 0x80 || b != table.end()) && t != table.end()) {
        out.push_back(base < 0x80 ? static_cast<char>(base) : static_cast<char>(b->second));
        out.push_back(static_cast<char>(t->second));
        return Status::Ok();
      }
    }
    // Other letters: their canonical decomposition, if every piece exists.
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    icu::UnicodeString d;
    if (U_SUCCESS(err) && nfd->getDecomposition(c, d)) {
      std::string bytes;
      for (int32_t k = 0; k < d.length(); k = d.moveIndex32(k, 1)) {
        const UChar32 part = d.char32At(k);
        if (part < 0x80) {
          bytes.push_back(static_cast<char>(part));
          continue;
        }
        auto p = table.find(static_cast<char32_t>(part));
        if (p == table.end()) return Unrepresentable(text, offset, c, "windows-1258");
        bytes.push_back(static_cast<char>(p->second));
      }
      out += bytes;
      return Status::Ok();
    }
    return Unrepresentable(text, offset, c, "windows-1258");
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::string> EncodeTcvn3(std::string_view text) {
  const auto& table = GetEncoderTables().tcvn3;
  std::string out;
  out.reserve(text.size());
  // An all-capitals word is written the .VnTimeH way, toned capitals as the
  // lower-case bytes, when the decoder will recognize the word as capitals; other
  // capitals take their VN1 byte (some of which are C0 control codes).
  size_t word_end = 0;
  bool caps_word = false;
  Status st = ForEachCodePoint(text, [&](UChar32 c, size_t offset) -> Status {
    if (offset >= word_end && u_isalpha(c)) {
      size_t k = offset;
      int upper = 0;
      bool all_upper = true;
      while (k < text.size()) {
        const size_t at = k;
        UChar32 w;
        U8_NEXT(text.data(), k, text.size(), w);
        if (w < 0 || !u_isalpha(w)) {
          k = at;
          break;
        }
        if (!u_isupper(w)) all_upper = false;
        auto b = w < 0x80 ? static_cast<unsigned char>(w) : 0;
        if (w >= 0x80) {
          auto hit = table.find(static_cast<char32_t>(w));
          if (hit != table.end()) b = hit->second;
        }
        if ((b >= 'A' && b <= 'Z') || (b >= 0xA1 && b <= 0xA7)) ++upper;
      }
      word_end = k;
      caps_word = all_upper && upper >= 2;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      return Status::Ok();
    }
    auto it = table.find(static_cast<char32_t>(c));
    if (it == table.end()) return Unrepresentable(text, offset, c, "TCVN3");
    const bool bare_capital = it->second >= 0xA1 && it->second <= 0xA7;
    if (caps_word && offset < word_end && !bare_capital) {
      auto lower = table.find(static_cast<char32_t>(u_tolower(c)));
      if (lower != table.end() && lower->second >= 0xA8) it = lower;
    }
    out.push_back(static_cast<char>(it->second));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::string> EncodeVni(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  Status st = ForEachCodePoint(text, [&](UChar32 c, size_t offset) -> Status {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      return Status::Ok();
    }
    VnLetter l;
    if (DecomposeLetter(static_cast<char32_t>(c), &l)) {
      for (const VniSingle& s : kVniSingles) {
        if (s.letter.base == l.base && s.letter.quality == l.quality && s.letter.tone == l.tone) {
          out.push_back(static_cast<char>(l.upper ? s.upper : s.lower));
          return Status::Ok();
        }
      }
      // ơ/ư are single bytes and take a tone byte; other vowels take one mark byte.
      Quality rest = l.quality;
      if (l.quality == Quality::kHorn) {
        VnLetter bare{l.base, Quality::kHorn, Tone::kNone, l.upper};
        for (const VniSingle& s : kVniSingles) {
          if (s.letter.base == bare.base && s.letter.quality == Quality::kHorn && s.letter.tone == Tone::kNone) {
            out.push_back(static_cast<char>(l.upper ? s.upper : s.lower));
          }
        }
        rest = Quality::kNone;
      } else {
        out.push_back(l.upper ? static_cast<char>(l.base - 'a' + 'A') : l.base);
      }
      if (rest != Quality::kNone || l.tone != Tone::kNone) {
        const unsigned char m = VniMarkByte(rest, l.tone, l.upper);
        if (m == 0) return Unrepresentable(text, offset, c, "VNI");
        out.push_back(static_cast<char>(m));
      }
      return Status::Ok();
    }
    // Punctuation and symbols of Windows-1252 that VNI leaves alone.
    for (int b = 0x80; b < 0xC0; ++b) {
      if (kCp1252[b] == static_cast<char16_t>(c)) {
        out.push_back(static_cast<char>(b));
        return Status::Ok();
      }
    }
    return Unrepresentable(text, offset, c, "VNI");
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace vanban::internal
