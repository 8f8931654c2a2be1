// The vocabulary of the sign-off block (NĐ 30/2020 art. 13, Phụ lục I): "Nơi nhận",
// authority lines (TM./KT./TL./TUQ./Q. + a capitals phrase), positions and signer names,
// matched on folded keys so that OCR spellings ("CHfJ TICH", "KT CHU TICH") still count.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

struct Position {
  const char* key;    // folded
  const char* label;  // canonical capitals
};

// Longer titles first: "tong giam doc" before "giam doc", "chi cuc truong" before "cuc truong".
const Position kPositions[] = {
    {"tong giam doc", "TỔNG GIÁM ĐỐC"},     {"tong cuc truong", "TỔNG CỤC TRƯỞNG"},
    {"chi cuc truong", "CHI CỤC TRƯỞNG"},   {"chanh van phong", "CHÁNH VĂN PHÒNG"},
    {"chanh thanh tra", "CHÁNH THANH TRA"}, {"tong kiem toan", "TỔNG KIỂM TOÁN"},
    {"chi huy truong", "CHỈ HUY TRƯỞNG"},   {"truong cong an", "TRƯỞNG CÔNG AN"},
    {"tong thu ky", "TỔNG THƯ KÝ"},         {"truong phong", "TRƯỞNG PHÒNG"},
    {"truong ban", "TRƯỞNG BAN"},           {"truong doan", "TRƯỞNG ĐOÀN"},
    {"truong khoa", "TRƯỞNG KHOA"},         {"giam doc", "GIÁM ĐỐC"},
    {"chu tich", "CHỦ TỊCH"},               {"thu tuong", "THỦ TƯỚNG"},
    {"thu truong", "THỨ TRƯỞNG"},           {"bo truong", "BỘ TRƯỞNG"},
    {"cuc truong", "CỤC TRƯỞNG"},           {"vu truong", "VỤ TRƯỞNG"},
    {"vien truong", "VIỆN TRƯỞNG"},         {"hieu truong", "HIỆU TRƯỞNG"},
    {"chu nhiem", "CHỦ NHIỆM"},             {"thong doc", "THỐNG ĐỐC"},
    {"chanh an", "CHÁNH ÁN"},               {"bi thu", "BÍ THƯ"},
    {"thu ky", "THƯ KÝ"},                   {"truong thon", "TRƯỞNG THÔN"},
};

bool IsVowelKey(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// "chu tich" -> "ch\S{1,3}\s*t\S{1,3}ch": consonants kept, each vowel run free (OCR bends
// vowels far more than consonants).
std::string TolerantPattern(const std::string& key) {
  std::string out;
  for (size_t i = 0; i < key.size();) {
    if (key[i] == ' ') {
      out += "\\s*";
      ++i;
    } else if (IsVowelKey(key[i])) {
      while (i < key.size() && IsVowelKey(key[i])) ++i;
      out += "\\S{1,3}";
    } else {
      out.push_back(key[i++]);
    }
  }
  return out;
}

// Every position as one alternation, group k + 1 for kPositions[k]. Alternatives are
// tried in order, so the longer titles still win.
std::string PositionAlternatives() {
  std::string alternatives;
  for (const Position& pos : kPositions)
    alternatives += (alternatives.empty() ? "(" : "|(") + TolerantPattern(pos.key) + ")";
  return alternatives;
}

// A whole key that is a position, group k + 2 for kPositions[k]: one match per word
// start instead of one per position (FindPosition tries every line of a document).
const RE2& PositionPattern() {
  static const RE2* re = new RE2("^(ph\\S{1,2}\\s+)?(?:" + PositionAlternatives() + ")$", ReOptions());
  return *re;
}

// Some position closes the text: when none does, FindPosition skips its search word by
// word (one DFA pass instead of one match per word start).
const RE2& PositionAtEnd() {
  static const RE2* re = new RE2("(?:" + PositionAlternatives() + ")\\s*$", ReOptions());
  return *re;
}

// Words that a signer's name never starts with: headings, table words, labels.
bool NotAName(const std::string& first_word) {
  static const char* const kWords[] = {"chuong", "dieu", "muc", "phan", "phu", "khung", "bang", "bieu", "mau",
                                       "danh", "noi", "luu", "kinh", "can", "thuc", "theo", "ngay", "so",
                                       "hang", "tong", "ghi", "stt", "register", "page", "trang", "ban", "bo",
                                       "uy", "ubnd", "hoi", "cac", "nhu", "phong", "van", "truong", "chu"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return first_word == w; });
}

}  // namespace

bool MatchNoiNhan(std::string_view key, size_t* end) {
  static const RE2 re(R"(^\s*n[o0]i\s*nh\S{1,3}n\s*:?)", ReOptions());
  Match m;
  if (!FindAnchored(re, key, &m)) return false;
  *end = m.End();
  return true;
}

bool FindAuthority(const Line& l, size_t from, AuthorityHit* hit) {
  // The prefix stands at the start, after "Nơi nhận:" or a recipient's ';' (flattened
  // columns), or after two spaces; the phrase after it is in capitals.
  // Party documents write "T/M", "K/T".
  static const RE2 re(R"((?:^|\s|;)(tm|kt|tl|tuq|q|t\s*/\s*m|k\s*/\s*t)(?:\s*\.\s*|\s+)([a-z][a-z ]*[a-z]))", ReOptions());
  Match m;
  size_t pos = from;
  while (Find(re, l.key, pos, &m)) {
    pos = m.End(1);
    std::string prefix_raw = l.Raw(m.Start(1), m.End(1));
    bool caps = UpperRatio(prefix_raw) >= 0.99;
    // "TM Uy BAN NHAN DAN XA": OCR may lower a letter or two.
    if (caps && UpperRatio(l.Raw(m.Start(2), m.End(2))) >= 0.6) {
      hit->start = m.Start(1);
      hit->phrase_start = m.Start(2);
      std::string p = m.Str(1);
      p.erase(std::remove_if(p.begin(), p.end(), [](char c) { return c == '/' || c == ' '; }), p.end());
      hit->prefix = AsciiUpper(p) + ".";
      return true;
    }
  }
  return false;
}

std::string CanonicalPosition(std::string_view key_in) {
  std::string k = CollapseSpaces(Trim(key_in));
  const std::string_view deputy = std::string_view(k).starts_with("pho ") ? std::string_view(k).substr(4) : "";
  for (const Position& p : kPositions) {
    if (k == p.key) return p.label;
    if (deputy == p.key) return std::string("PHÓ ") + p.label;
  }
  Match m;
  if (!FindAnchored(PositionPattern(), k, &m)) return "";
  for (size_t i = 0; i < std::size(kPositions); ++i) {
    if (!m.Has(static_cast<int>(i) + 2)) continue;
    bool pho = m.Has(1) && !m.Str(1).empty();  // "PHO CHU TICH": a deputy
    return pho ? std::string("PHÓ ") + kPositions[i].label : kPositions[i].label;
  }
  return "";
}

bool FindPosition(const Line& l, size_t from, size_t* start, std::string* canonical) {
  // The position closes the line (right column); try each start of a word from the left.
  // Lower-case specks after it are not part of it ("THU TRUONG ne").
  size_t end = l.core_end;
  while (true) {
    while (end > from && (l.key[end - 1] == ' ' || l.key[end - 1] == '.' || l.key[end - 1] == ':')) --end;
    size_t s = end;
    while (s > from && l.key[s - 1] != ' ') --s;
    std::string tail = l.Raw(s, end);
    bool speck = s > from && end - s <= 3 &&
                 std::all_of(tail.begin(), tail.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!speck) break;
    end = s;
  }
  const size_t first = std::max(from, end > 28 ? end - 28 : 0);
  const bool position_at_end =
      first < end && RE2::PartialMatch(re2::StringPiece(l.key.data() + first, end - first), PositionAtEnd());
  for (size_t a = first; position_at_end && a < end; ++a) {
    if (l.key[a] == ' ' || (a > 0 && l.key[a - 1] != ' ' && l.key[a - 1] != ';' && l.key[a - 1] != '.')) continue;
    std::string c = CanonicalPosition(l.key.substr(a, end - a));
    if (c.empty() || UpperRatio(l.Raw(a, end)) < 0.6) continue;
    *start = a;
    *canonical = c;
    return true;
  }
  // A whole line in capitals that opens with a title: "CHỦ TỊCH QUỐC HỘI".
  size_t a = std::max<size_t>(from, l.core_begin);
  while (a < end && l.key[a] == ' ') ++a;
  if (a != l.core_begin || end - a > 40 || UpperRatio(l.Raw(a, end)) < 0.9) return false;
  for (size_t b = a + 1; b < end; ++b) {
    if (l.key[b] != ' ') continue;
    if (CanonicalPosition(l.key.substr(a, b - a)).empty()) continue;
    std::string rest = Trim(l.key.substr(b, end - b));
    if (rest.find_first_of("0123456789;:") != std::string::npos) return false;
    *start = a;
    *canonical = Trim(l.Value(a, end));
    return true;
  }
  return false;
}

bool ReadSignerName(const Line& l, size_t a, size_t b, std::string* name) {
  // Trailing specks after the name ("Trần Quốc Hưng a : |", "Lê Thị Minh Thu ee"): drop
  // lower-case tokens at the end; a name's words are capitalised.
  std::string raw = Trim(l.Raw(a, b));
  std::vector<std::string> words;
  {
    std::string w;
    for (char c : raw + " ") {
      if (c == ' ' || c == '\t') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w.push_back(c);
      }
    }
  }
  auto capitalised = [](const std::string& w) {
    unsigned char c = static_cast<unsigned char>(w[0]);
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return UpperRatio(FirstCodePoint(w)) > 0.99;
  };
  while (!words.empty() && !capitalised(words.back())) words.pop_back();
  if (words.size() < 2 || words.size() > 5) return false;
  size_t letters_total = 0;
  for (const std::string& w : words) {
    std::string k = FoldKey(w);
    std::string letters = TrimChars(k, ".");
    if (letters.empty() || letters.size() > 8) return false;
    for (char c : letters) {
      if (c < 'a' || c > 'z') return false;
    }
    if (!capitalised(w)) return false;
    letters_total += letters.size();
  }
  if (NotAName(FoldKey(words[0]))) return false;
  std::string joined;
  for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
  if (UpperRatio(joined) >= 0.8 || letters_total < 5) return false;  // a capitals heading, or initials
  // Take the restored spelling of the same span when there is one.
  size_t cut = a;
  while (cut < b && l.key[cut] == ' ') ++cut;
  size_t end = cut;
  size_t seen = 0;
  for (size_t i = cut; i < b && seen < words.size(); ++i) {
    if (l.key[i] != ' ' && (i + 1 == b || l.key[i + 1] == ' ')) {
      ++seen;
      end = i + 1;
    }
  }
  *name = TrimChars(l.Value(cut, end), "-.,;:|_ ");
  return !name->empty();
}

}  // namespace vanban::internal
