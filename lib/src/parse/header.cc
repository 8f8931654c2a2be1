// Header: national motto, issuing body, number/symbol, place and date, type and subject.
// OCR flattens the two-column header onto shared lines, so each line is cut at anchors
// (the motto, the slogan, "Số:", "ngày … tháng … năm") rather than on whitespace.
#include <algorithm>
#include <optional>

#include "parse/parse_context.h"
#include "text/viet_chars.h"

namespace vanban::internal {
namespace {

struct TypeInfo {
  const char* key;
  const char* code;
  const char* label;
  const char* tmpl;
};

// NĐ 30/2020 art. 7 + Phụ lục III, plus the legal normative types seen in citations.
constexpr TypeInfo kTypes[] = {
    {"nghi quyet", "NQ", "NGHỊ QUYẾT", "1.1"},       {"quyet dinh", "QĐ", "QUYẾT ĐỊNH", "1.2"},
    {"chi thi", "CT", "CHỈ THỊ", "1.4"},             {"quy che", "QC", "QUY CHẾ", "1.4"},
    {"quy dinh", "QyĐ", "QUY ĐỊNH", "1.4"},          {"thong cao", "TC", "THÔNG CÁO", "1.4"},
    {"thong bao", "TB", "THÔNG BÁO", "1.4"},         {"huong dan", "HD", "HƯỚNG DẪN", "1.4"},
    {"chuong trinh", "CTr", "CHƯƠNG TRÌNH", "1.4"},  {"ke hoach", "KH", "KẾ HOẠCH", "1.4"},
    {"phuong an", "PA", "PHƯƠNG ÁN", "1.4"},         {"de an", "ĐA", "ĐỀ ÁN", "1.4"},
    {"du an", "DA", "DỰ ÁN", "1.4"},                 {"bao cao", "BC", "BÁO CÁO", "1.4"},
    {"bien ban", "BB", "BIÊN BẢN", "1.9"},           {"to trinh", "TTr", "TỜ TRÌNH", "1.4"},
    {"hop dong", "HĐ", "HỢP ĐỒNG", "1.4"},           {"cong dien", "CĐ", "CÔNG ĐIỆN", "1.6"},
    {"ban ghi nho", "BGN", "BẢN GHI NHỚ", "1.4"},    {"ban thoa thuan", "BTT", "BẢN THỎA THUẬN", "1.4"},
    {"giay uy quyen", "GUQ", "GIẤY ỦY QUYỀN", "1.4"}, {"giay moi", "GM", "GIẤY MỜI", "1.7"},
    {"giay gioi thieu", "GGT", "GIẤY GIỚI THIỆU", "1.8"}, {"giay nghi phep", "GNP", "GIẤY NGHỈ PHÉP", "1.10"},
    {"phieu gui", "PG", "PHIẾU GỬI", "1.4"},         {"phieu chuyen", "PC", "PHIẾU CHUYỂN", "1.4"},
    {"phieu bao", "PB", "PHIẾU BÁO", "1.4"},         {"ban sao y", "SY", "BẢN SAO Y", "3.1"},
    {"ban trich sao", "TrS", "BẢN TRÍCH SAO", "3.1"}, {"ban sao luc", "SL", "BẢN SAO LỤC", "3.1"},
    {"nghi dinh", "NĐ", "NGHỊ ĐỊNH", ""},            {"thong tu lien tich", "TTLT", "THÔNG TƯ LIÊN TỊCH", ""},
    {"thong tu", "TT", "THÔNG TƯ", ""},              {"luat", "", "LUẬT", ""},
    {"phap lenh", "", "PHÁP LỆNH", ""},
};

// The longest key in kTypes: a run of words longer than this names no type.
constexpr size_t kMaxTypeKeySize = [] {
  size_t longest = 0;
  for (const TypeInfo& t : kTypes) longest = std::max(longest, std::char_traits<char>::length(t.key));
  return longest;
}();

const TypeInfo* TypeByKey(const std::string& key) {
  for (const auto& t : kTypes) {
    if (key == t.key) return &t;
  }
  return nullptr;
}

const TypeInfo* TypeByCode(const std::string& code_key) {
  for (const auto& t : kTypes) {
    std::string k;
    for (const char* p = t.code; *p; ++p) {
      unsigned char c = static_cast<unsigned char>(*p);
      if (c == 0xC4) {  // Đ (C4 90)
        ++p;
        k.push_back('d');
      } else {
        k.push_back(static_cast<char>(std::tolower(c)));
      }
    }
    if (!k.empty() && k == code_key) return &t;
  }
  return nullptr;
}

std::string AdminLevel(const std::string& word) {
  if (word == "xa") return "xa";
  if (word == "phuong") return "phuong";
  if (word == "thi tran") return "thi_tran";
  if (word == "thi xa") return "thi_xa";
  if (word == "huyen") return "huyen";
  if (word == "quan") return "quan";
  if (word == "tinh") return "tinh";
  if (word == "thanh pho") return "thanh_pho";
  return "";
}

std::string OrgType(const std::string& key) {
  // OCR may glue the words ("UY BANNHAN DAN", "UYBANNHANDAN").
  static const RE2 kUbnd(R"(\b(u\s*y\s*b\s*a\s*n\s*n\s*h\S{1,2}n\s*d\S{1,2}n|ubnd)\b)", ReOptions());
  static const RE2 kHdnd(R"(\b(h\S{1,2}i\s*d\S{1,2}ng\s*nh\S{1,2}n\s*d\S{1,2}n|hdnd)\b)", ReOptions());
  Match m;
  if (Find(kUbnd, key, 0, &m)) return "ubnd";
  if (Find(kHdnd, key, 0, &m)) return "hdnd";
  auto starts = [&](const char* p) { return key.rfind(p, 0) == 0; };
  if (starts("so ")) return "so";
  if (starts("bo ")) return "bo";
  if (starts("chinh phu")) return "chinh_phu";
  if (starts("dang uy") || starts("dang bo")) return "dang_uy";
  if (starts("van phong")) return "van_phong";
  if (starts("phong ")) return "phong";
  if (starts("ban ")) return "ban";
  if (starts("cong an")) return "cong_an";
  return "";
}

// Symbol groups spelled with Đ. OCR reads Đ as D, P or B ("HPND", "QP", "BLPTBXH"); a
// group is restored when it matches one of these with D/P/B in the Đ places. A plain D is
// restored only where no code without Đ is spelled the same ("HD" is Hướng dẫn, "HĐ" a
// contract; "DA" a project, "ĐA" a scheme).
struct DCode {
  const char* code;
  bool plain_d_too;
};
const DCode kDCodes[] = {
    {"NĐ", true},     {"QĐ", true},     {"HĐND", true},  {"ĐU", true},    {"BLĐTBXH", true}, {"LĐTBXH", true},
    {"BGDĐT", true},  {"BKHĐT", true},  {"HĐTP", true},  {"HĐBT", true},  {"HĐQT", true},    {"TLĐ", true},
    {"TĐKT", true},   {"ĐHQG", true},   {"ĐBQH", true},  {"TTĐT", true},  {"BCĐ", true},     {"VPĐD", true},
    {"QĐND", true},   {"CĐ", true},     {"HĐ", false},   {"ĐA", false},   {"ĐT", false},
};

std::string CanonicalCodePart(const std::string& key_part, const std::string& raw_part) {
  bool ascii = std::all_of(raw_part.begin(), raw_part.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  // Clean text keeps its own spelling ("HĐND", "QyĐ", "TTr", "TTg").
  if (!raw_part.empty() && !ascii) return raw_part;
  // Codes spelled with a real P or B ("CP" Chính phủ, "PA" phương án, "BC" báo cáo).
  static const char* const kPlain[] = {"cp", "pa", "pb", "pc", "pg", "bc", "bb", "bt", "tp", "pl"};
  bool plain = std::any_of(std::begin(kPlain), std::end(kPlain), [&](const char* p) { return key_part == p; });
  // The codes' code points, split once: split a call, they were most of a symbol's cost.
  static const std::vector<std::vector<std::string>>* const kDCodePoints = [] {
    auto* v = new std::vector<std::vector<std::string>>();
    for (const DCode& d : kDCodes) v->push_back(CodePoints(d.code));
    return v;
  }();
  for (size_t c = 0; c < std::size(kDCodes) && !plain; ++c) {
    const DCode& d = kDCodes[c];
    const std::vector<std::string>& cps = (*kDCodePoints)[c];
    if (cps.size() != key_part.size()) continue;
    bool ok = true, substituted = false;
    for (size_t i = 0; i < cps.size() && ok; ++i) {
      char k = key_part[i];
      if (cps[i] == "Đ") {
        ok = k == 'd' || k == 'p' || k == 'b';
        substituted |= k != 'd';
      } else {
        ok = cps[i].size() == 1 && std::tolower(static_cast<unsigned char>(cps[i][0])) == k;
      }
    }
    if (ok && (substituted || d.plain_d_too)) return d.code;
  }
  if (key_part == "inq") return "NQ";  // "20/INQ-": a stroke read as I
  // OCR'd ASCII keeps its letters (the key folds w -> u, but "TW" is a symbol, not "Tư").
  bool has_lower_ascii = false;
  for (char c : raw_part) has_lower_ascii |= (c >= 'a' && c <= 'z');
  if (has_lower_ascii && raw_part.size() <= 4) return raw_part;
  if (!raw_part.empty()) return AsciiUpper(raw_part);
  return AsciiUpper(key_part);
}

// Words that name an organisation; a left-column line without one ("VĂN BẢN QUY PHẠM
// PHÁP LUẬT", a gazette's category line) is not a parent authority.
bool LooksLikeOrg(const std::string& key) {
  // Words that name a body anywhere in the line, and head words that do so only at its
  // start ("BAN CHỈ ĐẠO", but not the "bản" of "VĂN BẢN QUY PHẠM PHÁP LUẬT").
  static const RE2 kOrgWord(
      R"(\b(uy\s*ban|ubnd|hdnd|hoi\s+dong|tinh|huyen|thanh\s+pho|dang\s+uy|dang\s+bo|tong\s+cuc|hoc\s+vien|cong\s+ty|tap\s+doan|ngan\s+hang|kho\s+bac|toa\s+an|kiem\s+sat|quoc\s+hoi|chinh\s+phu|van\s+phong|mat\s+tran|trung\s+tam|cong\s+an|bo\s+chi\s+huy|lien\s+doan|phuong|thi\s+tran)\b)",
      ReOptions());
  static const RE2 kHead(R"(^\s*(bo|so|ban|cuc|vien|truong|hoi|doan|phong|quan|xa)\b)", ReOptions());
  Match m;
  return !OrgType(key).empty() || Find(kOrgWord, key, 0, &m) || FindAnchored(kHead, key, &m);
}

// Two OCR readings of the same name: at most one letter in eight differs (edit distance).
bool SameLetters(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a == b;
  return EditDistance(a, b) * 8 <= std::max(a.size(), b.size());
}

// OCR specks inside an issuer name: "BO. LAO PONG - THUONG BINH —— vA XA HOI", "LAO.ĐỘNG".
std::string CleanName(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 6, "\u2014\u2014") == 0) {  // a doubled em dash is a rule, not text
      i += 5;
      continue;
    }
    // A stop or hyphen glued to a word's end: "BO. LAO", "HỢP NHẤT- BỘ" ("LAO ĐỘNG - THƯƠNG" stays).
    if ((s[i] == '.' || s[i] == '-') && i > 0 && s[i - 1] != ' ' && (i + 1 == s.size() || s[i + 1] == ' ')) continue;
    if (s[i] == '.' && i > 0 && i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '.') {
      // A stop glued between two words is a space, after a word with a vowel: "TP.HCM"
      // abbreviates, "LAO.ĐỘNG" is two words of the name.
      const size_t word = out.rfind(' ') == std::string::npos ? 0 : out.rfind(' ') + 1;
      const std::string key = FoldKey(std::string_view(out).substr(word));
      if (key.size() >= 2 && key.find_first_of("aeiouy") != std::string::npos &&
          key.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
        out.push_back(' ');
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return CollapseSpaces(Trim(out));
}

}  // namespace

std::string CanonicalSymbol(const std::string& key, const std::string& raw) {
  std::string out, kpart, rpart;
  const std::string& k = key;
  auto flush = [&](char sep) {
    if (!kpart.empty()) out += CanonicalCodePart(kpart, rpart);
    if (sep) out.push_back(sep);
    kpart.clear();
    rpart.clear();
  };
  // The key has one byte per code point of |raw| when both cover the same span.
  std::vector<std::string> cps = CodePoints(raw);
  bool aligned = key.size() == cps.size();
  for (size_t i = 0; i < k.size(); ++i) {
    char c = k[i];
    if (c == ' ' || c == '\n') continue;
    if (c == '-' || c == '/') {
      flush(c);
      continue;
    }
    kpart.push_back(c);
    if (aligned) rpart += cps[i];
  }
  flush(0);
  return out;
}

bool FindNationalMotto(const Line& l, Match* m) {
  // NGHĨA's h is what OCR garbles ("CHU NGBIA"): any one or two letters there; specks may
  // stand between VIỆT and NAM ("VIET:'NAM"), bars between any two words ("NGHIA | VIET").
  static const RE2 kMotto(
      R"(c\S{1,2}ng\s*h\S{1,2}a[\s.,|]*x\S{1,2}\s*h\S{1,3}[\s.,|]*ch\S{1,2}\s*ng\S{1,3}a[\s.,|]*v\S{1,3}t[\s.,:;'"|]*nam)", ReOptions());
  static const RE2 kMottoLoose(
      R"(c\S{1,2}ng\b[a-z ]{0,25}?ch\S{1,2}\s*ng\S{1,3}a\s*vi\S{1,3}t\s*nam)", ReOptions());
  return Find(kMotto, l.key, 0, m) ||
         (Find(kMottoLoose, l.key, 0, m) && UpperRatio(l.Raw(m->Start(), m->End())) >= 0.8);
}

bool FindPartyMotto(const Line& l, Match* m) {
  // "ĐẢNG CỘNG SẢN VIỆT NAM" stands where the national motto stands on party documents.
  static const RE2 kPartyMotto(R"(d\S{1,2}ng\s*c\S{1,2}ng\s*s\S{1,2}n\s*vi\S{1,2}t\s*nam)", ReOptions());
  return Find(kPartyMotto, l.key, 0, m) && UpperRatio(l.Raw(m->Start(), m->End())) >= 0.8;
}

namespace {

// Anchors the header scan and the "V/v" continuation both look for.
const RE2& SloganRe() {
  static const RE2 re(
      R"(d\S{1,2}c\s*[l1i|]\S{1,2}p\s*[-.=~:]*\s*t\S{1,2}\s*d\S{1,2}\s*[-.=~:]*\s*h\S{1,2}nh\s*ph\S{1,4})", ReOptions());
  return re;
}
// The number cell's head (specks, a letter, "Số" or its S read as 8 or 5) and the symbol
// after the number (its Q read as a zero: "0Đ-BLĐTBXH"), shared by NumberRe and
// NumberSlashReadRe. The specks may hold stops, quotes, angle brackets and symbols the key
// has no letter for ("-.S6:", "> © $6:": "?" in the key).
constexpr std::string_view kNumberCellHead =
    R"(^[\s~=*|_/.,'"<>?-]*(?:[a-z0-9]\s+)?(?:s[o0-9be]{0,2}\s*[:;.]*|[58][o0-9]\s*[:;]+)\s*)";
constexpr std::string_view kNumberCellSymbol = R"((0?[a-z]{1,5}(?:\s*[-/]\s*[a-z0-9&]{1,12})*))";
// "Số: 12/2024/TT-BLĐTBXH"; OCR leaves specks in front ("~$6:", "/-$6:", a letter or a
// digit: "a S6:", "7 S6:"), reads the S as an 8 or 5 ("86: 135/QĐ", only with its colon),
// may read the dot of a number as a colon ("66:16") or put a space after it ("66. 16"), and
// read a leading 1 as a letter ("I 9/2024").
const RE2& NumberRe() {
  static const RE2 re(std::string(kNumberCellHead) +
                          R"(((?:[il]\s?)?\d{0,5}(?:[.:]\s?\d{1,3})?)\s*/\s*(?:(\d{4})\s*/\s*)?)" +
                          std::string(kNumberCellSymbol),
                      ReOptions());
  return re;
}
// OCR bends the words ("ngty 29 thing 4 niin 2026", "ney 15", "ngay.29", "01 ie 2024", the
// t of tháng read as another letter: "shang 5") and may glue a quote to the month
// ("thdng’5"); the digits carry the date.
const RE2& DateRe() {
  static const RE2 re(
      R"(\bn\S{0,2}y[\s.,:]*(\d{0,2})\s*(?:th\S{1,3}g?|[a-z]h[a-z]{2,3}g|/)[\s']*(\d{0,2})\s*(?:n\S{1,3}|[a-z]{1,3}|/)[.,]?\s*(\d{4}))",
      ReOptions());
  return re;
}

// An OCR'd trích yếu without the specks the scan left at its ends: a number of a digit or
// two before its first word ("3 Quy định chi tiết"), a stop after its last ("… siêu
// nhỏ."; Decree 30/2020 ends a trích yếu with none, "…" and "./." aside), a closing quote
// no quote in it opens ("… Việt Nam”").
std::string WithoutSubjectEdgeSpecks(std::string text) {
  size_t digits = 0;
  while (digits < text.size() && digits < 3 && IsAsciiDigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits >= 1 && digits <= 2 && digits + 1 < text.size() && text[digits] == ' ' &&
      UpperRatio(FirstCodePoint(std::string_view(text).substr(digits + 1))) > 0.99)
    text.erase(0, digits + 1);
  if (text.size() >= 2 && text.back() == '.' && text[text.size() - 2] != '.' && text[text.size() - 2] != '/') text.pop_back();
  constexpr std::string_view kClose = "\u201d", kOpen = "\u201c";
  if (text.size() > kClose.size() && text.ends_with(kClose) && text.find(kOpen) == std::string::npos)
    text.resize(text.size() - kClose.size());
  return text;
}

// An OCR'd date line whose "ngày" the scan lost or glued to the place ("HA NGingay 24",
// "Ha Noi, “Eee 07 thang 4nam 2026") or whose digits carry specks ("thang-4", "O1", a
// colon between a month's two digits: "0:1"):
// the day, the "tháng" word, the month, the year.
const RE2& OcrDateRe() {
  static const RE2 re(
      R"(\b([o0-9]?\d)\s*[.,:;-]*\s*th[a-z0-9]{1,3}g?[\s.,:;-]*([o0-9]?[.,:;']?\d)\s*[.,:;-]*\s*(?:n[a-z0-9]{1,3}|[a-z]{1,3})?[\s.,:;-]*(\d{4}))",
      ReOptions());
  return re;
}

// "ngày 07 4 tháng năm 2026": the scan moved the month's digit before its word; the day,
// the month, the year.
const RE2& OcrDateMonthFirstRe() {
  static const RE2 re(
      R"(\bn\S{0,2}y[\s.,:]*(\d{1,2})\s+(\d{1,2})\s*th[a-z0-9]{1,3}g?[\s.,:;-]*n[a-z0-9]{1,3}[\s.,:;-]*(\d{4}))",
      ReOptions());
  return re;
}

// Where the place before an OCR'd date found by OcrDateRe (at |date_start|) ends: at the
// last comma, else before a "ngày" glued to it ("NGingay").
size_t OcrPlaceEnd(std::string_view key, size_t from, size_t date_start) {
  size_t comma = key.rfind(',', date_start);
  if (comma != std::string::npos && comma >= from) return comma;
  size_t end = date_start;
  while (end > from && key[end - 1] == ' ') --end;
  for (const char* glued : {"ngay", "ngy", "nay"}) {
    size_t g = std::char_traits<char>::length(glued);
    if (end >= from + g && key.compare(end - g, g, glued) == 0) return end - g;
  }
  return date_start;
}

// "Hà:Nội": a colon or semicolon glued between two letters of an OCR'd place is a speck
// where the space was (no place name holds one); so is one glued after a word before the
// next ("Hà: Nội").
std::string ColonsAsSpaces(std::string text) {
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    const bool mark = text[i] == ':' || text[i] == ';';
    if (mark && text[i - 1] != ' ' && !IsAsciiDigit(static_cast<unsigned char>(text[i - 1])) &&
        !IsAsciiDigit(static_cast<unsigned char>(text[i + 1]))) {
      if (text[i + 1] != ' ') {
        text[i] = ' ';
      } else if (i + 2 < text.size() && !IsAsciiDigit(static_cast<unsigned char>(text[i + 2]))) {
        text.erase(i, 1);
      }
    }
  }
  return text;
}

// "HÀ Nội": an OCR'd place whose words disagree in case takes the title case of the
// others ("Hà Nội"); a place all in one case is left as read.
std::string PlaceCase(const std::string& place) {
  auto all_caps = [](const std::string& w) { return UpperRatio(w) == 1 && CodePoints(w).size() >= 2; };
  std::vector<std::string> words;
  size_t caps = 0, other = 0;
  for (size_t a = 0; a < place.size();) {
    size_t b = place.find(' ', a);
    if (b == std::string::npos) b = place.size();
    if (b > a) {
      words.push_back(place.substr(a, b - a));
      (all_caps(words.back()) ? caps : other) += 1;
    }
    a = b + 1;
  }
  if (caps == 0 || other == 0) return place;
  std::string out;
  for (const std::string& w : words) {
    std::string fixed = w;
    if (all_caps(w)) {
      std::string first(FirstCodePoint(w));
      fixed = first + ToLower(std::string_view(w).substr(first.size()));
    }
    out += (out.empty() ? "" : " ") + fixed;
  }
  return out;
}

// The type named by a line alone on its line, give or take OCR specks ("- QUYET DINH ;
// ue . ee"), or glued by OCR ("NGHIDINH", "KKHOACH oe |"); nullptr when none.
const TypeInfo* TypeOfLine(std::string_view key) {
  std::string words, junk;
  std::string w;
  bool in_junk = false;
  for (char c : std::string(key) + " ") {
    if (c >= 'a' && c <= 'z') {
      w.push_back(c);
      continue;
    }
    if (w.empty()) continue;
    // Past the longest type name no type can match and the glued-type check below
    // reads only the first word: stop, or a long line would be joined word by word
    // at a cost quadratic in its length.
    if (words.size() > kMaxTypeKeySize) break;
    const TypeInfo* so_far = TypeByKey(CollapseSpaces(words));
    if (!in_junk && (words.empty() || !so_far || TypeByKey(CollapseSpaces(words + " " + w)))) {
      words += (words.empty() ? "" : " ") + w;
    } else {
      in_junk = true;
      junk += w.size() > 3 ? "x" : "";  // specks of up to three letters ("cee", "oe")
    }
    w.clear();
  }
  const TypeInfo* t = junk.empty() ? TypeByKey(words) : nullptr;
  if (t) return t;
  // OCR may drop the space: "NGHIDINH", "QUYETDINH".
  // (a glued type is one token; specks may follow it: "KKHOACH oe |")
  // … or misread one letter of it, glued or not ("KKHOACH", "NGHI BINH" for NGHỊ ĐỊNH).
  std::string first = words.substr(0, words.find(' ')), all;
  for (char c : words) {
    if (c != ' ') all.push_back(c);
  }
  auto one_off = [](const std::string& letters, const std::string& tk) {
    if (letters.size() < 6 || letters.size() != tk.size()) return false;
    size_t diff = 0;
    for (size_t c = 0; c < tk.size(); ++c) diff += letters[c] != tk[c];
    return diff <= 1;
  };
  for (const auto& ti : kTypes) {
    std::string tk;
    for (const char* p = ti.key; *p; ++p) {
      if (*p != ' ') tk.push_back(*p);
    }
    if (one_off(first, tk) || (junk.empty() && one_off(all, tk))) t = &ti;
  }
  return t;
}

void SetDocType(const Line& l, const TypeInfo* t, Header* h) {
  DocType dt;
  dt.code = t->code;
  dt.label_vi = t->label;
  dt.nd30_template = t->tmpl;
  dt.raw = Trim(l.raw);
  dt.lines = {l.number, l.number};
  h->doc_type = dt;
}

// Step 1: the type line, which ends the header block proper; |limit| when there is none.
size_t FindTypeLine(const SourceLines& src, size_t limit, Header* h) {
  for (size_t i = 0; i < limit; ++i) {
    const TypeInfo* t = TypeOfLine(src[i].key);
    if (!t || UpperRatio(src[i].raw) < 0.6) continue;
    SetDocType(src[i], t, h);
    return i;
  }
  return limit;
}

// Party documents number as "Số 45-TB/ĐU" (number, type, then the issuing committee).
bool ReadPartyNumber(const Line& l, Match* m, NumberSymbol* ns) {
  static const RE2 kPartyNumber(
      R"(^\s*s[o0-9b]{0,2}\s*[:;.]*\s*(\d{1,5})\s*-\s*([a-z]{1,4})\s*/\s*([a-z&]{1,12}(?:\s*-\s*[a-z&]{1,12})*))",
      ReOptions());
  if (!FindAnchored(kPartyNumber, l.key, m)) return false;
  ns->raw = Trim(l.Raw(0, m->End()));
  ns->number = m->Str(1);
  ns->doc_type_code = CanonicalSymbol(m->Str(2), l.Raw(m->Start(2), m->End(2)));
  ns->issuer_code = CanonicalSymbol(m->Str(3), l.Raw(m->Start(3), m->End(3)));
  ns->symbol = ns->doc_type_code + "/" + ns->issuer_code;
  ns->full = ns->number + "-" + ns->symbol;
  ns->registered = true;
  ns->lines = {l.number, l.number};
  return true;
}

// "Số: 1712026/NQ-CP": OCR read the slash between the number and the year as a 1 (or l, |):
// digits that end in such a stroke and a year, then the symbol.
const RE2& NumberSlashReadRe() {
  static const RE2 re(
      std::string(kNumberCellHead) + R"((\d{1,4})[1l|]((?:19|20)\d\d)\s*/\s*)" + std::string(kNumberCellSymbol),
      ReOptions());
  return re;
}

// "Số: 12/2026/QĐ-UBND": the symbol's first group is the type code when it names a type.
// |ocr|: the slash may have been read as a 1 (NumberSlashReadRe).
bool ReadStateNumber(const Line& l, Match* m, NumberSymbol* ns, bool ocr = false) {
  if (!FindAnchored(NumberRe(), l.key, m) && !(ocr && FindAnchored(NumberSlashReadRe(), l.key, m))) return false;
  ns->raw = Trim(l.Raw(0, m->End()));
  ns->number = m->Str(1);
  std::replace(ns->number.begin(), ns->number.end(), ':', '.');  // "66:16": an OCR'd "66.16"
  // "I 9/2024": a 1 read as a letter, apart from the digits after it.
  if (!ns->number.empty() && (ns->number[0] == 'i' || ns->number[0] == 'l')) ns->number[0] = '1';
  ns->number.erase(std::remove(ns->number.begin(), ns->number.end(), ' '), ns->number.end());
  ns->year = m->Str(2);
  std::string sym_key = m->Str(3);
  std::string sym_raw = l.Raw(m->Start(3), m->End(3));
  // "0Đ", "OP": a Q read as a zero (kNumberCellSymbol) or an O, where a Q makes the symbol's
  // first part a type's code (no code opens with an O).
  auto q_code = [&] {
    std::string code = "q";
    for (size_t i = 1; i < sym_key.size() && sym_key[i] != '-' && sym_key[i] != '/'; ++i) {
      code.push_back(sym_key[i] == 'p' || sym_key[i] == 'b' ? 'd' : sym_key[i]);
    }
    return TypeByCode(code) != nullptr;
  };
  if (!sym_key.empty() && (sym_key[0] == '0' || (sym_key[0] == 'o' && q_code()))) {
    sym_key[0] = 'q';
    if (!sym_raw.empty() && (sym_raw[0] == '0' || sym_raw[0] == 'O' || sym_raw[0] == 'o')) sym_raw[0] = 'Q';
  }
  ns->symbol = CanonicalSymbol(sym_key, sym_raw);
  size_t dash = ns->symbol.find('-');
  std::string first = dash == std::string::npos ? ns->symbol : ns->symbol.substr(0, dash);
  std::string first_key;
  for (char c : sym_key) {
    if (c == '-' || c == '/') break;
    if (c != ' ') first_key.push_back(c);
  }
  if (TypeByCode(first_key) && dash != std::string::npos) {
    ns->doc_type_code = first;
    ns->issuer_code = ns->symbol.substr(dash + 1);
  } else {
    ns->issuer_code = first;  // công văn: "UBND-VX"
  }
  ns->full = ns->number + "/" + (ns->year.empty() ? "" : ns->year + "/") + ns->symbol;
  ns->registered = !ns->number.empty();
  ns->lines = {l.number, l.number};
  return true;
}

// The letters of the words in capitals that |l| starts with (specks before them aside), at
// most |most| of them (more are not a type's line).
std::string LeadingCapitalsLetters(const Line& l, size_t most) {
  std::string letters;
  const std::string_view key = l.key;
  for (size_t k = 0; k < key.size() && letters.size() <= most;) {
    while (k < key.size() && !(key[k] >= 'a' && key[k] <= 'z')) ++k;
    const size_t b = k;
    while (k < key.size() && key[k] >= 'a' && key[k] <= 'z') ++k;
    if (b == k || UpperRatio(l.Raw(b, k)) < 0.99) break;
    letters.append(key.substr(b, k - b));
  }
  return letters;
}

// Step 1 again for an OCR'd source whose type line is too garbled to read alone ("_ NGH]
// INH", "NGH] PINH"): the number names the type ("171/2026/NĐ-CP"), and a capitals line
// after it whose letters are within a quarter (at least two) of that type's is its line.
size_t FindOcrTypeLine(const SourceLines& src, size_t limit, Header* h) {
  size_t i = 0;
  const TypeInfo* t = nullptr;
  for (; i < limit && !t; ++i) {
    Match m;
    NumberSymbol ns;
    if (!ReadPartyNumber(src[i], &m, &ns) && !ReadStateNumber(src[i], &m, &ns, true)) continue;
    std::string code = ns.doc_type_code.empty() ? ns.symbol.substr(0, ns.symbol.find('-')) : ns.doc_type_code;
    t = TypeByCode(FoldKey(code));
    if (!t) return limit;
  }
  if (!t) return limit;
  std::string want;
  for (const char* p = t->key; *p; ++p) {
    if (*p != ' ') want.push_back(*p);
  }
  const size_t allowed = std::max<size_t>(2, want.size() / 4);
  for (; i < limit; ++i) {
    std::string letters;
    for (char c : src[i].key) {
      if (c >= 'a' && c <= 'z') letters.push_back(c);
      if (letters.size() > want.size() + allowed) break;
    }
    const bool whole = letters.size() + allowed >= want.size() && letters.size() <= want.size() + allowed &&
                       UpperRatio(src[i].raw) >= 0.6 && EditDistance(letters, want) <= allowed;
    // A seal's or a stamp's specks after the type in lower case ("THONG TU seals: : | eee |").
    if (!whole && EditDistance(LeadingCapitalsLetters(src[i], want.size() + allowed + 1), want) > allowed) continue;
    SetDocType(src[i], t, h);
    return i;
  }
  return limit;
}

// The date |m| found on |l| and the place between |date_from| (the number's end or the
// line start) and |place_end| ("ngày"), minus the comma and specks ("--HANOi,", "\"HA
// NOi,"). Returns the key between them ("" when the date follows the number directly).
// |ocr|: the date was read by OcrDateRe ("O1" for 01) and the place's case is repaired.
std::string ReadDateAndPlace(const Line& l, const Match& m, size_t date_from, size_t place_end, bool ocr, Header* h,
                             int* year) {
  DateValue d;
  auto digits = [&](int g) {
    std::string v = m.Str(g);
    if (ocr) {
      std::replace(v.begin(), v.end(), 'o', '0');
      std::erase_if(v, [](char c) { return !IsAsciiDigit(static_cast<unsigned char>(c)); });
    }
    return v;
  };
  int day = ToInt(digits(1)), month = ToInt(digits(2));
  *year = ToInt(m.Str(3));
  d.raw = l.Raw(m.Start(), m.End());
  d.day_blank = day <= 0;
  d.month_blank = month <= 0;
  d.iso = IsoDate(day, month, *year);
  d.lines = {l.number, l.number};
  h->issued_date = d;
  std::string_view key = l.key;
  std::string pk = TrimChars(key.substr(date_from, place_end - date_from), ",.");
  if (!pk.empty() && pk.size() < 50) {
    auto speck = [](char c) { return c == ' ' || c == ',' || c == '-' || c == '"' || c == '\'' || c == '.'; };
    // OCR'd specks around the place ("~ .. Hà Nội", "< Hà Nội", "Hà Nội;"): no name
    // begins or ends with them.
    auto ocr_speck = [&](char c) {
      return speck(c) || (ocr && std::string_view("~|_:;<>*=?").find(c) != std::string_view::npos);
    };
    size_t a = date_from;
    while (a < place_end && ocr_speck(key[a])) ++a;
    size_t b = place_end;
    while (b > a && ocr_speck(key[b - 1])) --b;
    TextValue place;
    place.raw = l.Raw(a, b);
    place.text = Trim(l.Value(a, b));
    if (ocr) place.text = PlaceCase(ColonsAsSpaces(place.text));
    place.lines = {l.number, l.number};
    h->place = place;
  }
  return pk;
}

// "V/v …" at line |i| and its lower-case continuation lines in the left column, before
// |scan_end|; returns the last line it took.
size_t ReadVvSubject(const SourceLines& src, size_t i, size_t scan_end, const Match& m, Header* h) {
  const Line& l = src[i];
  TextValue s;
  s.raw = Trim(l.Raw(m.End()));
  s.text = Trim(l.Value(m.End()));
  s.lines = {l.number, l.number};
  h->subject = s;
  while (i + 1 < scan_end && !src[i + 1].blank) {
    const Line& n = src[i + 1];
    Match x;
    std::string nk = Trim(n.key);
    if (FindNationalMotto(n, &x) || Find(SloganRe(), n.key, 0, &x) || Find(DateRe(), n.key, 0, &x) ||
        FindAnchored(NumberRe(), n.key, &x) || nk.empty() || !(nk[0] >= 'a' && nk[0] <= 'z') ||
        UpperRatio(n.raw) >= 0.5) {
      break;
    }
    h->subject->raw += "\n" + Trim(n.raw);
    h->subject->text += " " + n.Text();
    h->subject->lines.end = n.number;
    ++i;
  }
  return i;
}

// A key range [first, second) of one line.
using LineRange = std::pair<size_t, std::pair<size_t, size_t>>;

// What the anchor scan (step 2) found besides the header fields it wrote.
struct AnchorScan {
  std::vector<LineRange> left_ranges;  // the issuer column: each line's part left of the anchors
  size_t last_used = 0;                // last line holding a header field
  bool any = false;                    // a motto, number or date was found
  int doc_year = 0;                    // year of the issue date
};

// Step 2, on one line: motto, slogan, number, date; returns where the issuer column ends
// on it (0 when the line holds none of it).
size_t ScanAnchorLine(const SourceLines& src, size_t* line, size_t scan_end, size_t* number_line, bool ocr, Header* h,
                      AnchorScan* scan) {
  const size_t i = *line;
  const Line& l = src[i];
  std::string_view key = l.key;
  size_t cut = key.size();
  Match m;
  auto used = [&] {
    scan->any = true;
    scan->last_used = i;
  };
  // The motto and the slogan share one provenance: raw parts joined, lines spanned.
  auto note_motto = [&](const Match& found) {
    std::string raw = l.Raw(found.Start(), found.End());
    h->motto.raw = h->motto.raw.empty() ? raw : h->motto.raw + " | " + raw;
    if (h->motto.lines.empty()) h->motto.lines = {l.number, l.number};
    h->motto.lines.end = l.number;
    cut = std::min(cut, found.Start());
    used();
  };
  if (FindNationalMotto(l, &m)) {
    h->motto.present = true;
    h->motto.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    note_motto(m);
  }
  if (Find(SloganRe(), key, 0, &m)) {
    h->motto.slogan_present = true;
    h->motto.slogan = "Độc lập - Tự do - Hạnh phúc";
    note_motto(m);
  }
  if (FindPartyMotto(l, &m)) {
    cut = std::min(cut, m.Start());
    used();
  }
  size_t date_from = 0;
  NumberSymbol ns;
  bool party = !h->number_symbol && ReadPartyNumber(l, &m, &ns);
  if (party || (!h->number_symbol && ReadStateNumber(l, &m, &ns, ocr))) {
    h->number_symbol = ns;
    if (!party) h->is_unnumbered = ns.number.empty();
    *number_line = i;
    date_from = m.End();
    cut = 0;
    used();
  }
  if (!h->issued_date &&
      (Find(DateRe(), key, date_from, &m) || (ocr && Find(OcrDateMonthFirstRe(), key, date_from, &m)))) {
    std::string pk = ReadDateAndPlace(l, m, date_from, m.Start(), ocr, h, &scan->doc_year);
    cut = std::min(cut, date_from == 0 ? (pk.empty() ? m.Start() : 0) : cut);
    used();
  } else if (!h->issued_date && ocr && Find(OcrDateRe(), key, date_from, &m)) {
    std::string pk = ReadDateAndPlace(l, m, date_from, OcrPlaceEnd(key, date_from, m.Start()), ocr, h, &scan->doc_year);
    cut = std::min(cut, date_from == 0 ? (pk.empty() ? m.Start() : 0) : cut);
    used();
  }
  static const RE2 kVv(R"(^\s*v\s*/\s*[vy]\b\s*)", ReOptions());
  if (Find(kVv, key, 0, &m) && !h->subject) {
    // "V/v …" wraps onto lower-case lines in the left column.
    *line = ReadVvSubject(src, i, scan_end, m, h);
    scan->last_used = *line;
    return 0;
  }
  return i == *number_line ? 0 : cut;
}

// Step 2: motto, slogan, number, date on the lines before |scan_end|; everything left of
// them is the issuer column.
AnchorScan ScanAnchors(const SourceLines& src, size_t scan_end, bool ocr, Header* h) {
  AnchorScan scan;
  size_t number_line = SIZE_MAX;
  for (size_t i = 0; i < scan_end; ++i) {
    if (src[i].blank) continue;
    size_t cut = ScanAnchorLine(src, &i, scan_end, &number_line, ocr, h, &scan);
    if (cut == 0) continue;
    const Line& l = src[i];
    std::string frag_key = Trim(l.key.substr(0, cut));
    if (frag_key.empty() || frag_key.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) continue;
    // "© 4PĐộc lập …": fewer than three letters left of an OCR'd motto, slogan or date are
    // specks the scan put in the gap between the columns, not a line of the issuer's name
    // (its shortest lines, "BỘ Y TẾ", "UBND", hold more).
    if (ocr && cut < l.key.size() && KeyLetters(frag_key) < 3) continue;
    // Ignore rule lines and lower-case text (a preamble reached without a type line).
    if (UpperRatio(l.Raw(0, cut)) < 0.6) continue;
    scan.left_ranges.push_back({i, {0, cut}});
  }
  return scan;
}

// The issuer column's fragments, trimmed to each line's core.
struct LeftColumn {
  std::vector<std::string> keys, raws, vals;
  std::vector<int> nums;
};

// An OCR'd capitals fragment [a, b) of |l| without its specks, in capitals: the words
// with a capital letter, a "-" between two of them, and none at the ends that is short and
// not all capitals ("… XÃ HỘI oe", "… THƯƠNG BINH a", "VĂN BẢN HỢP NHẤT - Pad", "- BỘ",
// "THƯƠNG | BINH", "… _ 3"). A word the scan bent ("vA XA HOI" read "và") is put back in
// capitals. |*a| and |*b| narrow to the words kept.
std::string OcrCapitalsValue(const Line& l, size_t* a, size_t* b) {
  struct Word {
    size_t start, end;
    bool caps, all_caps, short_word, dash;
  };
  std::vector<Word> words;
  for (const auto& [p, q] : KeyTokens(l, *a, *b)) {
    double upper = UpperRatio(l.Raw(p, q));
    size_t letters = KeyLetters(std::string_view(l.key).substr(p, q - p));
    words.push_back({p, q, upper > 0, upper == 1, letters <= 3, l.key.compare(p, q - p, "-") == 0});
  }
  size_t first = 0, last = words.size();
  auto speck_at_end = [&](const Word& w) { return !w.caps || (w.short_word && !w.all_caps); };
  while (first < last && (words[first].dash || !words[first].caps)) ++first;
  while (last > first && (words[last - 1].dash || speck_at_end(words[last - 1]))) --last;
  // "VĂN BẢN HỢP NHẤT - re TAS": a short word in capitals behind a speck without one ends
  // no name; the scan read both from the gap ("… XÃ HỘI" and "BỘ Y TẾ" end in capitals).
  if (last - first >= 3 && words[last - 1].short_word && !words[last - 2].caps && !words[last - 2].dash) {
    last -= 2;
    while (last > first && (words[last - 1].dash || speck_at_end(words[last - 1]))) --last;
  }
  std::string out;
  bool after_caps = false;  // the last word kept was one in capitals
  for (size_t k = first; k < last; ++k) {
    if (!words[k].caps && !words[k].dash) continue;
    // A dash between two words in capitals, specks around it aside ("ĐỘNG _ - THƯƠNG").
    size_t next = k + 1;
    while (next < last && !words[next].caps && !words[next].dash) ++next;
    if (words[k].dash && (next == last || words[next].dash || !after_caps)) continue;
    out += (out.empty() ? "" : " ") + Trim(l.Value(words[k].start, words[k].end));
    after_caps = words[k].caps;
  }
  if (first < last) {
    *a = words[first].start;
    *b = words[last - 1].end;
  } else {
    *b = *a;
  }
  // "-BO TAI CHINH": a speck glued in front; "CHÍNH PHỦ)": a closer nothing opens.
  out = TrimChars(out, ".:;,|_-~ ");
  std::vector<uint32_t> offsets;
  const std::string key = FoldWithOffsets(out, &offsets);
  out.resize(offsets[WithoutUnopenedCloser(key, 0, key.size())]);
  return ToUpper(TrimChars(out, ".:;,|_-~ "));
}

LeftColumn ReadLeftColumn(const SourceLines& src, std::vector<LineRange>* ranges, bool ocr) {
  LeftColumn col;
  for (auto& [i, r] : *ranges) {
    // Within the line's core: no edge specks ("-_ BỘ …", "CHÍNH PHỦ | 3 |").
    r.first = std::max<size_t>(r.first, src[i].core_begin);
    r.second = std::max(r.first, std::min<size_t>(r.second, src[i].core_end));
    std::string val = ocr ? OcrCapitalsValue(src[i], &r.first, &r.second) : "";
    col.keys.push_back(CollapseSpaces(TrimChars(src[i].key.substr(r.first, r.second - r.first), ".:;,-|_'\"")));
    col.raws.push_back(Trim(src[i].Raw(r.first, r.second)));
    col.vals.push_back(ocr ? val : TrimChars(src[i].Value(r.first, r.second), ".:;,|_ "));
    col.nums.push_back(src[i].number);
  }
  return col;
}

// "XÃ ĐÔNG SƠN" at fragment |k|, or glued by OCR ("XADONG SON") under "ỦY BAN NHÂN DÂN".
bool LevelAt(const LeftColumn& col, int k, Match* m) {
  static const RE2 kLevel(R"(^\s*(xa|phuong|thi tran|thi xa|huyen|quan|tinh|thanh pho)\s+(\S.*)$)", ReOptions());
  static const RE2 kLevelGlued(R"(^\s*(xa|phuong|huyen|tinh)([a-z].*)$)", ReOptions());
  if (FindAnchored(kLevel, col.keys[k], m)) return true;
  if (k < 1) return false;
  std::string above = OrgType(col.keys[k - 1]);
  return (above == "ubnd" || above == "hdnd") && FindAnchored(kLevelGlued, col.keys[k], m);
}

// The fragments [*first, *unit] that name the issuer: up to the admin-level line and the
// body above it, else the last block of consecutive lines.
void FindIssuerFragments(const LeftColumn& col, int* first, int* unit, Issuer* is) {
  *unit = -1;
  for (int k = static_cast<int>(col.keys.size()) - 1; k >= 0; --k) {
    Match m;
    if (LevelAt(col, k, &m)) {
      *unit = k;
      break;
    }
  }
  *first = 0;
  if (*unit >= 1 && !OrgType(col.keys[*unit - 1]).empty()) {
    *first = *unit - 1;
  } else if (*unit == 0) {
    is->flags.push_back("issuer_line_lost");
    is->confidence = 0.6;
  } else {
    // No admin-level line: the issuer is the last block of consecutive lines (a name
    // wrapped over two lines), earlier blocks are the parent authority; within a block,
    // a line that opens with a body's own head word starts the issuer ("UBND TỈNH HÀ NAM"
    // / "SỞ NỘI VỤ").
    static const RE2 kHeadWord(
        R"(^(?:so|phong|ban|cuc|vu|trung\s+tam|van\s+phong|truong|chi\s+cuc|tong\s+cuc|vien|cong\s+an|dang\s+uy|hoi\s+dong|uy\s+ban|ubnd|thanh\s+tra|kho\s+bac|bo\s+chi\s+huy)\b)",
        ReOptions());
    *unit = static_cast<int>(col.keys.size()) - 1;
    *first = *unit;
    while (*first > 0 && col.nums[*first - 1] == col.nums[*first] - 1) {
      Match hm;
      if (FindAnchored(kHeadWord, col.keys[*first], &hm) && LooksLikeOrg(col.keys[*first - 1])) break;
      --*first;
    }
  }
}

// The parent authority is the org-like text above the issuer (fragments before |first|),
// minus a repeat of the issuer itself (gazette copies print the issuer twice).
std::optional<TextValue> ParentAuthority(const LeftColumn& col, int first, const std::string& issuer_key_all) {
  const std::string issuer_key = KeyLetterString(issuer_key_all);
  TextValue parent;
  std::string parent_key;
  for (int k = 0; k < first; ++k) {
    if (!LooksLikeOrg(col.keys[k])) continue;
    parent.text += (parent.text.empty() ? "" : " ") + col.vals[k];
    parent.raw += (parent.raw.empty() ? "" : " | ") + col.raws[k];
    parent_key += KeyLetterString(col.keys[k]);
    if (parent.lines.empty()) parent.lines.start = col.nums[k];
    parent.lines.end = col.nums[k];
  }
  parent.text = CleanName(parent.text);
  if (parent.text.empty() || SameLetters(parent_key, issuer_key)) return std::nullopt;
  return parent;
}

// Step 3: issuer and parent authority from the left-column fragments |ranges|.
void ReadIssuer(const SourceLines& src, std::vector<LineRange> ranges, bool ocr, Header* h) {
  if (ranges.empty()) return;
  const LeftColumn col = ReadLeftColumn(src, &ranges, ocr);
  Issuer is;
  int first = 0, unit = 0;
  FindIssuerFragments(col, &first, &unit, &is);
  std::string key_all;
  for (int k = first; k <= unit; ++k) {
    is.text += (is.text.empty() ? "" : " ") + col.vals[k];
    is.raw += (is.raw.empty() ? "" : " | ") + col.raws[k];
    key_all += (key_all.empty() ? "" : " ") + col.keys[k];
  }
  is.text = CleanName(is.text);
  is.lines = {col.nums[first], col.nums[unit]};
  is.org_type = OrgType(key_all);
  Match m;
  if (LevelAt(col, unit, &m)) {
    is.admin_level = AdminLevel(m.Str(1));
    // The admin unit is the fragment after the level word.
    const Line& l = src[ranges[unit].first];
    size_t lead = 0;
    while (lead < l.key.size() && l.key[lead] == ' ') ++lead;
    is.admin_unit = TrimChars(l.Value(lead + m.Str(1).size(), ranges[unit].second.second), ".:;,|_");
  }
  if (first > 0) {
    std::optional<TextValue> parent = ParentAuthority(col, first, key_all);
    if (parent) h->parent_authority = *parent;
  }
  h->issuer = is;
  // Prefer the place's spelling (title case) for the admin unit when they agree.
  if (h->place) {
    std::string uk = CollapseSpaces(FoldKey(h->issuer->admin_unit));
    std::string pk = CollapseSpaces(FoldKey(h->place->text));
    if (!uk.empty() && uk == pk) h->issuer->admin_unit = h->place->text;
  }
}

// Whether the trích yếu that opened at |first| ends before line |i|: at a line that opens
// the preamble or the body, at capitals, or after a finished sentence. |ocr|: a semicolon
// before a line in lower case is the scan's comma ("… hành chính; |" / "quy định …").
bool SubjectEndsBefore(const SourceLines& src, size_t first, size_t i, bool ocr) {
  static const RE2 kStop(
      R"(^\s*(?:c\S{0,2}n\s+c\S{1,3}(?:\s|$)|th\S{1,3}\s+h\S{1,3}n\s|theo\s+\S{1,3}\s*ngh|x\S{1,2}t\s+d\S{1,2}\s+ngh|k\S{1,2}nh\s+g\S{1,3}i|[ivxl1|]{1,4}\s*\.\s|\d{1,2}\s*\.\s|di\S{1,2}u\s+\d|ch\S{1,2}ng\s+[ivxl1]+\s*$))",
      ReOptions());
  if (i == first) return false;
  Match sm;
  if (FindAnchored(kStop, src[i].key, &sm)) return true;
  if (UpperRatio(src[i].raw) > 0.8) return true;  // "CHỦ TỊCH ỦY BAN NHÂN DÂN"
  // A finished sentence ends it, unless the next line continues in lower case (OCR
  // sprinkles full stops: "… pháp luật. —" / "thuộc lĩnh vực …").
  std::string pk = Trim(src[i - 1].key);
  std::string first_cp(FirstCodePoint(src[i].Text()));
  bool lower_next = UpperRatio(first_cp) == 0 && !FoldKey(first_cp).empty() && FoldKey(first_cp)[0] >= 'a' &&
                    FoldKey(first_cp)[0] <= 'z';
  return !pk.empty() &&
         (pk.back() == ':' || (pk.back() == ';' && !(ocr && lower_next)) || (pk.back() == '.' && !lower_next));
}

// Step 4: the subject (trích yếu), the paragraph after the type line; returns the line
// after the header so far.
size_t ReadSubject(const SourceLines& src, size_t type_line, bool ocr, Header* h) {
  size_t end = type_line + 1;
  size_t i = type_line + 1;
  while (i < src.size() && src[i].blank) ++i;
  size_t first = i, last = i;
  // The trích yếu runs to a blank line; without one, to the first line that opens the
  // preamble or the body, or follows a finished sentence.
  for (; i < src.size() && i < first + 12; ++i) {
    if (src[i].blank || SubjectEndsBefore(src, first, i, ocr)) break;
    last = i;
  }
  Match fm;
  // No trích yếu: the type line is followed by the legal bases or the body itself (a
  // trích yếu may well open with "Thực hiện …").
  static const RE2 kNoSubject(
      R"(^\s*(?:c\S{0,2}n\s+c\S{1,3}(?:\s|$)|k\S{1,2}nh\s+g\S{1,3}i|[ivxl1|]{1,4}\s*\.\s|\d{1,2}\s*\.\s|di\S{1,2}u\s+\d|ch\S{1,2}ng\s+[ivxl1]+\s*$))",
      ReOptions());
  bool no_subject = first < src.size() && FindAnchored(kNoSubject, src[first].key, &fm);
  if (first < src.size() && !src[first].blank && !h->subject && !no_subject) {
    TextValue s;
    if (!ocr) {
      s.text = src.JoinValue(first, last);
    } else {
      // OCR'd: each line of the trích yếu without the specks at its edges.
      for (size_t j = first; j <= last; ++j) {
        size_t a = src[j].core_begin, b = src[j].core_end;
        TrimTitleSpecks(src[j], &a, &b);
        std::string t = Trim(src[j].Value(a, b));
        if (!t.empty()) s.text += (s.text.empty() ? "" : " ") + t;
      }
      s.text = DropInnerSpecks(s.text);
      if (UpperRatio(s.text) < 0.5) s.text = CapitalsWordsAsTitle(s.text);  // "của BỘ trưởng"
      s.text = WithoutSubjectEdgeSpecks(s.text);
      // A trích yếu opens with a capital ("về việc" is an OCR'd "Về việc").
      std::string opening(FirstCodePoint(s.text));
      s.text = ToUpper(opening) + s.text.substr(opening.size());
    }
    s.raw = src.JoinRaw(first, last);
    s.lines = {src[first].number, src[last].number};
    h->subject = s;
    end = last + 1;
  }
  return end;
}

// "Kính gửi:" (công văn) within six lines of |end|, with its "- …" lines; returns the
// line after it, or |end| when there is none.
size_t ReadKinhGui(const SourceLines& src, size_t end, Header* h) {
  static const RE2 kKinhGui(R"(^\s*kinh\s*g\S{1,3}i\s*:\s*)", ReOptions());
  for (size_t i = end; i < std::min(src.size(), end + 6); ++i) {
    Match m;
    if (!Find(kKinhGui, src[i].key, 0, &m)) continue;
    TextValue to;
    size_t last = i;
    while (last + 1 < src.size() && !src[last + 1].blank && Trim(src[last + 1].key).rfind("-", 0) == 0) ++last;
    if (KeyLetters(std::string_view(src[i].key).substr(m.End())) >= 3) to.text = TrimChars(src[i].Value(m.End()), "-;.:> ");
    for (size_t j = i + 1; j <= last; ++j) {
      if (KeyLetters(src[j].key) < 3) continue;
      to.text += (to.text.empty() ? "" : "; ") + TrimChars(src[j].Text(), "-;.:> ");
    }
    to.raw = src.JoinRaw(i, last);
    to.lines = {src[i].number, src[last].number};
    h->recipients_to = to;
    return last + 1;
  }
  return end;
}

// Security and urgency stamps may land anywhere in the first lines.
void ReadStamps(const SourceLines& src, Header* h) {
  static const RE2 kUrgency(R"(^\s*(hoa toc|thuong khan|khan)\s*$)", ReOptions());
  static const RE2 kSecret(R"(^\s*(tuyet mat|toi mat|mat)\s*$)", ReOptions());
  for (size_t i = 0; i < std::min<size_t>(src.size(), 20); ++i) {
    Match m;
    if (UpperRatio(src[i].raw) < 0.8) continue;
    if (FindAnchored(kUrgency, src[i].key, &m)) h->urgency = src[i].Text();
    if (FindAnchored(kSecret, src[i].key, &m)) h->security_level = src[i].Text();
  }
}

}  // namespace

void ParseHeader(Context& ctx) {
  const SourceLines& src = ctx.src;
  Header* h = &ctx.doc->header;
  const size_t limit = std::min<size_t>(src.size(), 30);
  const bool ocr = ctx.doc->source.ocr;
  size_t type_line = FindTypeLine(src, limit, h);
  if (type_line == limit && ocr) type_line = FindOcrTypeLine(src, limit, h);
  const size_t scan_end = type_line < limit ? type_line : std::min<size_t>(limit, 12);
  AnchorScan scan = ScanAnchors(src, scan_end, ocr, h);
  ReadIssuer(src, std::move(scan.left_ranges), ocr, h);

  // (A "V/v" subject read by the scan ends at or before scan.last_used.)
  size_t end = type_line < limit ? ReadSubject(src, type_line, ocr, h) : scan.last_used + 1;
  end = ReadKinhGui(src, end, h);
  if (!h->doc_type && h->subject && h->number_symbol) {
    DocType dt;
    dt.label_vi = "CÔNG VĂN";
    dt.nd30_template = "1.5";
    h->doc_type = dt;
  }
  h->is_draft = h->number_symbol && h->number_symbol->number.empty() && h->issued_date && h->issued_date->day_blank;
  ReadStamps(src, h);
  ctx.doc->administrative = scan.any || h->doc_type.has_value();
  ctx.header_end = ctx.doc->administrative ? end : 0;
  ctx.doc_year = scan.doc_year;
  for (size_t i = 0; i < ctx.header_end; ++i) ctx.use[i] = LineUse::kHeader;
}

}  // namespace vanban::internal
