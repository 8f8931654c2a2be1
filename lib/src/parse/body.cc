// Body tree: Phần/Chương/Mục/Điều/khoản/điểm and the plan style I. / 1. / a) / - / +.
// Markers damaged by OCR ("Il.", "I11.", "|.", "¢)") are repaired by expected successor
// and flagged; gaps are flagged, never renumbered.
#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "parse/parse_context.h"
#include "text/viet_chars.h"

namespace vanban::internal {
namespace {

// Ranks: smaller = higher in the tree.
enum Rank { kPhan = 1, kChuong, kMuc, kTieuMuc, kDieu, kKhoan, kDiem, kDash, kPlus, kPara };

// An item of the tree that can still grow: one of the items on the path from the root to
// the item the last line went to. Its Section is already in place in its parent's
// children (an item closes, and is finished, before its parent gets another child, so the
// pointer stays valid); only these items carry the builder's state, so the tree costs its
// Sections and no more however many items it has.
struct Node {
  Section* s = nullptr;
  int rank = kPara;
  bool title_open = false;      // heading may continue on the next line
  bool heading_open = false;    // a long Điều title that may wrap onto the next line
  bool short_title = false;     // "1. Đánh giá chung": a clause whose marker line may be its title
  std::string first_para;       // text of the first paragraph (before children/blank)
  bool first_para_closed = false;
  bool muc_child = false;       // a child of level "muc" was opened
  int last_muc = 0;             // numeral of the last "muc" child (0 when none or not Roman)
};

struct MarkerHit {
  int rank = kPara;
  std::string level, num_raw, num;
  size_t text_start = 0;
  bool weak = false;  // read without its dot ("II MỤC TIÊU"): kept only as the expected successor
  std::string repair;  // flag set by the caller's sequence check (numeral_repaired, numeral_missing)
};

const char* const kDiemLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
int DiemIndex(const std::string& l) {
  for (int i = 0; i < 23; ++i) {
    if (l == kDiemLetters[i]) return i;
  }
  return -1;
}

// "II. TITLE": group 1 the numeral as read, group 2 the title; false when no numeral was repaired.
bool RomanHeading(const Line& l, const Match& m, const std::string& roman, MarkerHit* h) {
  if (roman.empty()) return false;
  h->level = "muc";
  h->rank = kMuc;
  h->num_raw = l.Raw(m.Start(1), m.End(1));
  h->num = roman;
  h->text_start = m.Start(2);
  return true;
}

// Words whose number follows them ("khoản 2", "Điều 6", "năm 2", "lần thứ 3", "từ Điều 1
// đến 5"), by key: a number of one or two digits after one ends a title as part of it, after
// any other word it is a speck or a footnote's mark (in the Gazette's article titles about
// one in 2,000 ends in a number after another word).
bool NumbersFollow(std::string_view key) {
  static const std::string_view kWords[] = {
      "bac", "cap",  "chuong", "den",  "diem", "dieu", "doan",  "dot",    "hang", "khoa", "khoan", "khu",
      "ky",  "lan",  "loai",   "lop",  "luc",  "muc",  "nam",   "ngay",   "nhom", "phan", "phuong", "quan",
      "so",  "tap",  "thang",  "thu",  "tiet", "to",   "tuyen", "va",     "vong", "vung", "xa"};
  for (std::string_view w : kWords) {
    if (key == w) return true;
  }
  return false;
}

// |word| without the punctuation, brackets, quotes and underscores at its edges ("hóa__"),
// by whole code points: TrimChars works on bytes, and the quotes' bytes end Vietnamese
// letters too ("À", "ờ").
std::string WithoutEdgeMarks(std::string_view word) {
  static const std::string_view kMarks[] = {".",      ",",      ":",      ";",      "|", "~", "'",
                                            "\"",     "?",      "!",      "(",      ")", "[", "]",
                                            "\u2018", "\u2019", "\u201c", "\u201d", " ", "\t",
                                            "_",      "-"};
  auto mark_at = [&](bool front) {
    for (std::string_view m : kMarks) {
      if (word.size() >= m.size() && word.substr(front ? 0 : word.size() - m.size(), m.size()) == m)
        return m.size();
    }
    return size_t{0};
  };
  while (size_t n = mark_at(true)) word.remove_prefix(n);
  while (size_t n = mark_at(false)) word.remove_suffix(n);
  return std::string(word);
}

// An OCR speck at the end of an article title ("Đối tượng áp dụng oo", "… từ ngữ 7 rade a",
// "Tổ chức thực hiện C ;", "… 2023. os oe 7."): punctuation, a lone letter, a number of one
// or two digits (a stop may follow it), a pair of vowels restoration left without a mark
// ("oe", "ee": vowel pairs that end a title carry a consonant or a mark, "ưu", "ý"), or a
// short word no Vietnamese syllable spells (judged on the key: OCR's half marks, "hién",
// spell none as written) that restoration could not read either, or that has no consonant
// ("oo", "io": restoration reads "oo" as "cho"; a real word it reads, "tv" for "từ", stays,
// one made of two letters it rewrote, "es" for "của", does not).
// The reading is judged without the brackets and quotes around it ("bỏ)", "tù’").
bool TitleSpeck(const Line& l, size_t a, size_t b) {
  std::string_view key = std::string_view(l.key).substr(a, b - a);
  size_t letters = KeyLetters(key);
  size_t digits = std::count_if(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (letters == 0) return digits <= 2;
  if (digits > 0 || letters > 4) return false;
  if (letters == 1 && key.size() <= 2) return true;
  const std::string word = KeyLetterString(key);
  bool consonant = word.find_first_not_of("aeiouy") != std::string::npos;
  std::string reading = WithoutEdgeMarks(l.Value(a, b));
  if (!consonant && word.size() == 2 && reading == word) return true;
  if (IsVietnameseSyllable(word)) return false;
  if (!consonant) return true;
  // Two letters restoration rewrote into a word ("es" read của): the OCR channel's best
  // guess for a speck, not a misread word, which keeps most of its letters ("tv" từ).
  if (word.size() == 2 && reading.find(' ') == std::string::npos && EditDistance(word, FoldKey(reading)) >= 2)
    return true;
  // Restoration may read a glued token as two words ("Yté" is Y tế): each a syllable.
  size_t from = 0;
  for (size_t space; (space = reading.find(' ', from)) != std::string::npos; from = space + 1) {
    if (!IsVietnameseSyllable(std::string_view(reading).substr(from, space - from))) return true;
  }
  return !IsVietnameseSyllable(std::string_view(reading).substr(from));
}

// How many of the |n| tokens of an OCR'd title are its own when the first of them read (as
// written or as restored) a stock title (StockArticleTitle) and at most two tokens of at
// most three letters follow, none of them "và": specks the scan left at the line's end
// ("Phạm vi điều chỉnh Doe 7 o", "… áp dụng De", "… dituchinh ae te": restoration read them
// Được, Đề, nước tề). Such a title goes on only with "và" or a comma.
size_t StockTitleEnd(const Line& l, const std::vector<std::pair<size_t, size_t>>& tokens, size_t n) {
  if (n < 3) return n;
  for (size_t keep = n >= 4 ? n - 2 : n - 1; keep < n; ++keep) {
    bool specks = true;
    for (size_t t = keep; t < n && specks; ++t) {
      const std::string letters =
          KeyLetterString(std::string_view(l.key).substr(tokens[t].first, tokens[t].second - tokens[t].first));
      specks = letters.size() <= 3 && letters != "va";
    }
    if (!specks) continue;
    // The title as written or as restored: where restoration read a glued token as two
    // words and a speck into them ("dituchinh ae" read "điều chỉnh nước"), the title's end
    // maps inside a word, and the title stays as it was.
    const size_t a = tokens[0].first, b = tokens[keep - 1].second;
    if (StockArticleTitle(CollapseSpaces(Trim(l.key.substr(a, b - a)))) ||
        StockArticleTitle(CollapseSpaces(Trim(FoldKey(l.Value(a, b))))))
      return keep;
  }
  return n;
}

// Key position where an OCR'd article title on |l| (from |a|) ends, trailing specks left
// out; a bar ("Đối tượng áp dụng | Be") ends it when only short words follow.
size_t ArticleTitleEnd(const Line& l, size_t a) {
  const auto tokens = KeyTokens(l, a, std::max<size_t>(a, l.core_end));
  size_t n = tokens.size();
  for (size_t t = n; t-- > 1 && n - t <= 3;) {
    const auto [ta, tb] = tokens[t];
    if (KeyLetters(std::string_view(l.key).substr(ta, tb - ta)) > 3) break;
    if (l.key.compare(ta, tb - ta, "|") == 0) n = t;
  }
  auto numbered = [&](size_t t) {  // token t is a number its word owns: "khoản 2"
    std::string_view number = std::string_view(l.key).substr(tokens[t].first, tokens[t].second - tokens[t].first);
    if (t == 0 || number.find_first_not_of("0123456789") != std::string_view::npos) return false;
    return NumbersFollow(
        KeyLetterString(std::string_view(l.key).substr(tokens[t - 1].first, tokens[t - 1].second - tokens[t - 1].first)));
  };
  // "kinh doanh Be", "tiền thưởng Le": a capitalised word of two letters without a mark
  // after a word in lower case is no name of the title (a name reads with its marks: Mỹ,
  // Lê) but a speck the scan left at the line's end. Unless restoration read it as a word
  // ("quản lý của Bo" is Bộ: the scan lost the mark, not the word).
  auto capital_speck = [&](size_t t) {
    const std::string raw = l.Raw(tokens[t].first, tokens[t].second);
    const std::string before = l.Raw(tokens[t - 1].first, tokens[t - 1].second);
    return raw.size() == 2 && raw[0] >= 'A' && raw[0] <= 'Z' && raw[1] >= 'a' && raw[1] <= 'z' &&
           l.Value(tokens[t].first, tokens[t].second) == raw &&
           UpperRatio(before) == 0 && KeyLetters(std::string_view(l.key).substr(tokens[t - 1].first,
                                                                                  tokens[t - 1].second - tokens[t - 1].first)) > 0;
  };
  // "… của người lao động oor" read "và": a token no syllable spells, that restoration read
  // as "và" with none of its letters, is a speck (a title's "và" the scan bent, "vA", keeps
  // them).
  auto link_speck = [&](size_t t) {
    const std::string letters =
        KeyLetterString(std::string_view(l.key).substr(tokens[t].first, tokens[t].second - tokens[t].first));
    if (letters.empty() || IsVietnameseSyllable(letters)) return false;
    return ToLower(Trim(l.Value(tokens[t].first, tokens[t].second))) == "và" && EditDistance(letters, "va") >= 3;
  };
  while (n > 1 && (TitleSpeck(l, tokens[n - 1].first, tokens[n - 1].second) || capital_speck(n - 1) || link_speck(n - 1)) &&
         !numbered(n - 1))
    --n;
  // "thi hành bag ote oe co": specks of the scan's among short words at the end, one of them
  // a syllable by chance ("co", read cơ). Two specks or more in a run of words of at most
  // three small letters (no capital) end the title before the first of them.
  size_t run = n, cut = n, specks = 0;
  while (run > 1 && n - run < 5) {
    const auto [ta, tb] = tokens[run - 1];
    if (UpperRatio(l.Raw(ta, tb)) > 0) break;  // "Bộ : Y tế": a capital is the title's
    const bool speck = TitleSpeck(l, ta, tb) && !numbered(run - 1);
    const bool short_word = KeyLetters(std::string_view(l.key).substr(ta, tb - ta)) <= 3;
    if (!speck && !short_word) break;
    if (speck) ++specks, cut = run - 1;
    --run;
  }
  if (specks >= 2 && cut >= 1) n = cut;
  n = StockTitleEnd(l, tokens, n);
  return n == 0 ? a : WithoutUnopenedCloser(l.key, a, tokens[n - 1].second);
}

// Key range [*a, *b) of a capitals title line of |l| without tokens at its edges that hold
// no capital or hold a lower-case letter ("oe. QUY ĐỊNH CHUNG See . .", "-_ -'TỔ CHỨC").
void TrimCapitalsTitle(const Line& l, size_t* a, size_t* b) {
  const auto tokens = KeyTokens(l, *a, *b);
  // A word mostly in capitals is the title's, bent by the scan ("pIEU KHOAN THI HANH").
  // Digits restoration read as a word in capitals are the title's too ("16 CHUC" is TỔ CHỨC).
  auto speck = [&](const std::pair<size_t, size_t>& t) {
    size_t letters = KeyLetters(std::string_view(l.key).substr(t.first, t.second - t.first));
    double upper = UpperRatio(l.Raw(t.first, t.second));
    if (letters == 0 && l.aligned != nullptr && l.key.find_first_of("0123456789", t.first) < t.second) {
      const std::string value = l.Value(t.first, t.second);
      return !(KeyLetters(FoldKey(value)) >= 2 && UpperRatio(value) > 0.99);
    }
    return letters == 0 || upper < 0.5 || (upper < 0.99 && letters <= 3);
  };
  size_t first = 0, last = tokens.size();
  while (first < last && speck(tokens[first])) ++first;
  while (last > first && speck(tokens[last - 1])) --last;
  // "QUY ĐỊNH CHUNG S": a lone consonant no syllable spells ends no title (one of the
  // Gazette's 1,328 capitals titles ends in a letter, THÚ Y's vowel).
  if (last - first >= 3) {
    const auto [ta, tb] = tokens[last - 1];
    if (tb - ta == 1 && l.key[ta] >= 'a' && l.key[ta] <= 'z' && std::string_view("aeiouy").find(l.key[ta]) == std::string_view::npos)
      --last;
  }
  if (first == last) return;
  *a = tokens[first].first;
  *b = tokens[last - 1].second;
  // "-'TỔ": specks glued to the first word.
  while (*a < *b && !(l.key[*a] >= 'a' && l.key[*a] <= 'z') && !(l.key[*a] >= '0' && l.key[*a] <= '9')) ++*a;
  *b = WithoutUnopenedCloser(l.key, *a, *b);
}

// "Chương I a .", "Mục 2 hae? :", "Chương] ened .": after a part's numeral OCR leaves
// specks of a few letters each, or a longer one no syllable spells (the title stands on
// the next line, Decree 30/2020): true when every word of |rest| is one.
bool OnlySpecks(std::string_view rest) {
  std::string word;
  auto speck = [&] { return word.size() <= 3 || !IsVietnameseSyllable(word); };
  for (char c : rest) {
    if (c == ' ') {
      if (!speck()) return false;
      word.clear();
    } else if (c >= 'a' && c <= 'z') {
      word.push_back(c);
    }
  }
  return speck();
}

// The key of a part marker's word as the OCR'd patterns match it: "mue", "mug" (the c of
// MỤC read as e or G) are muc.
std::string PartWord(std::string w) {
  if (w == "mue" || w == "mug") w = "muc";
  return w;
}

// A part marker's level and rank from its word's key: "phan", "ch…ng", "tieu muc", "muc".
void SetPartLevel(const std::string& w, MarkerHit* h) {
  const bool tieu = w.rfind("tieu", 0) == 0;
  h->level = w == "phan" ? "phan" : w == "muc" ? "muc" : tieu ? "tieu_muc" : "chuong";
  h->rank = w == "phan" ? kPhan : w == "muc" ? kMuc : tieu ? kTieuMuc : kChuong;
}

// A part marker on |l| whose numeral OCR lost: numbered as the next in sequence, and only
// above a capitals title (the caller, LostPartNumeral).
bool LostNumeralPart(const Line& l, const std::string& w, MarkerHit* h) {
  SetPartLevel(w, h);
  h->weak = true;
  h->text_start = l.core_end;
  return true;
}

// |ocr|: the source was OCR'd (Document::source.ocr): markers may carry specks in front
// ("- Điều 4.", "~. Điều 1.", "} Điều 1."), between word and number ("Điều.3.", "Điều:1.",
// "Điều-1..") and after the numeral ("Chương I a ."), and letters for Roman digits
// ("Chương IIT", "Chương HI»": H for II, a speck glued after). Typed text keeps the strict forms.
bool ClassifyMarker(const Line& l, bool ocr, MarkerHit* h) {
  static const RE2 kPartRe(R"(^\s*[,.]?\s*(phan|ch\S{1,2}ng|tieu\s+muc|muc)\s+([ivxl]+|\d+)\s*[.:]?\s*(.*)$)", ReOptions());
  // The numeral may be glued to the word ("CHUONGI", "Chuong]."), or behind a stop or colon
  // ("Muc.1 ; ;", "Chuong.1."), and a speck may follow it glued ("Chiteng Io"): see below.
  // Specks may stand before the word, brackets too ("| Chuong II", ") Chuong I"), and a
  // lone letter or digit ("a Chuong III 7"); the C may read as G ("© Ghutong T"), II as an
  // H with a speck ("Chuong Ho’ 2.").
  static const RE2 kPartOcr(
      R"(^[\s\-~_|:;.,'"?!*=(){}]{0,6}(?:[a-z0-9]\s+)?(phan|[cg]h\S{1,3}ng|tieu\s+muc|mu[ceg])\s*[.:]?\s*(h[il1|]{1,3}|[il1|]{1,3}h|ho?|[ivxl1|\]t][ivxl1|t]{0,4}o?|\d{1,3})[?"']{0,2}\s*[.:]?(?:\s+(.*))?$)",
      ReOptions());
  // "Mục |", "Chương ." alone on the line: the edge cleanup took the numeral for a speck;
  // or the OCR glued it to the word as a small t ("_ Muct |").
  // Or the scan bent the numeral into letters no syllable spells ("Chuong aan |").
  static const RE2 kPartLost(R"(^[\s\-~_|:;.,'"]{0,6}(phan|ch\S{1,3}ng|mu[ceg])t?(?:\s+([a-z]{1,3}))?\s*$)", ReOptions());
  static const RE2 kDieuRe(R"(^\s*[.,]*\s*([db])i\S{0,2}u\s*([\dilt|!]{1,3}[a-z]?)\s*([.:,])\s*-?\s*(.*)$)", ReOptions());
  // "H", "PH" and "BH" too read for "Đ" ("Hiéu 3.", "PHiéu 5."): such a line counts only as
  // the next article.
  // The specks in front may hold a slash, an angle bracket or a symbol no letter looks like
  // ("/—-Di’u 3.", "© -Diéu 6.": '?' in the key).
  static const RE2 kDieuOcr(
      R"(^[\s\-~_|:;.,'"}{()*=!/<>?]{0,8}([dbh]|[bp]h)i\S{0,2}u\s*[.:;,'-]{0,2}\s*([\dilt|!]{1,3}[a-z]?)\s*([.:,;])[\s.:,;-]*(.*)$)",
      ReOptions());
  // "se Dieu.5, Dieu khoan", "<1 Diéu 3. Áp dụng": a speck the scan read as a token of one
  // or two letters or digits in front of the word; and "Diéu 5 _Cắt giảm": the stop after
  // the number lost. Either counts only as the next article, and only before a capital.
  static const RE2 kDieuBehindToken(
      R"(^[\s\-~_|:;.,'"}{()*=!/<>?]{0,4}[a-z0-9]{1,2}\s+(([dbh]|[bp]h)i\S{0,2}u)\s*[.:;,'-]{0,2}\s*(\d{1,3})\s*[.:,;][\s.:,;-]*(\S.*)$)",
      ReOptions());
  static const RE2 kDieuNoStop(
      R"(^[\s\-~_|:;.,'"}{()*=!/<>?]{0,8}(([dbh]|[bp]h)i\S{0,2}u)\s*(\d{1,3})\s+[_~=|-]{0,2}(\S.*)$)", ReOptions());
  // "iu 1. Miễn …": OCR lost the "Đ"; kept only as the next article in sequence.
  static const RE2 kDieuLost(R"(^\s*[a-z]?i\S{0,2}u\s+(\d{1,3})\s*[.:]\s+(\S.*)$)", ReOptions());
  static const RE2 kDieuLostOcr(R"(^[\s\-~_|:;.,'"}{()*=!]{0,8}[a-z]?i\S{0,2}u\s+(\d{1,3})\s*[.:]\s+(\S.*)$)", ReOptions());
  static const RE2 kRomanRe(R"(^\s*[,.]?\s*([ivxl1|]{1,5})\s*\.\s+(\S.*)$)", ReOptions());
  static const RE2 kKhoanRe(R"(^\s*[,.~|-]?\s*(\d{1,2})\s*[.,:]\s*([^\d\s].*)$)", ReOptions());
  static const RE2 kDiemRe(R"(^\s*([a-z])\s*\)\s*(\S.*)$)", ReOptions());
  static const RE2 kDashRe(R"(^\s*([-~*])\s*(\S.*)$)", ReOptions());
  static const RE2 kPlusRe(R"(^\s*(\+)\s*(\S.*)$)", ReOptions());
  std::string_view k = l.key;
  Match m;
  // OCR'd: a numeral glued to its word counts only in capitals, as a bracket or as a capital
  // after the word ("CHUONGI", "Chuong]", "ChuongIl"; "Chuongi" is no marker), and a glued
  // "o" after it is a speck ("Io").
  bool part = ocr && FindAnchored(kPartOcr, k, &m);
  if (part && m.End(1) == m.Start(2)) {
    part = k[m.Start(2)] == ']' || k[m.Start(2)] == '|' || UpperRatio(l.Raw(m.Start(1), m.End(2))) > 0.99 ||
           UpperRatio(l.Raw(m.Start(2), m.Start(2) + 1)) > 0.99;
    // "Chongl | 7s": a lower-case numeral glued to a capitalised word may be a letter of
    // it, so the line counts as a part marker whose numeral OCR lost: only above a
    // capitals title and as the next in sequence (LostPartNumeral).
    const std::string w = PartWord(m.Str(1));
    if (!part && w.rfind("tieu", 0) != 0 && UpperRatio(FirstCodePoint(l.Raw(m.Start(1), m.End(1)))) > 0.99)
      return LostNumeralPart(l, w, h);
  }
  if (part || FindAnchored(kPartRe, k, &m)) {
    std::string w = PartWord(m.Str(1));
    std::string title_key = m.Str(3);
    size_t title_start = m.Has(3) ? m.Start(3) : l.core_end;
    bool title_ok = title_key.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos ||
                    UpperRatio(l.Raw(title_start)) >= 0.6;
    // OCR'd: what follows the numeral is specks when it has no word of four letters and is
    // not a short capitals title after a dot ("Chương V. XỬ LÝ" stays; "Chương II OS" goes).
    std::string_view between = std::string_view(k).substr(m.End(2), title_start - m.End(2));
    bool dot = between.find_first_of(".:") != std::string_view::npos;
    size_t letters = KeyLetters(title_key);
    // A lone letter is no title, after a dot too ("Chuong I . A").
    bool specks = ocr && OnlySpecks(title_key) && letters <= 6 &&
                  (letters <= 1 || UpperRatio(l.Raw(title_start)) < 0.99 || (!dot && letters <= 2));
    bool word_upper = UpperRatio(l.Raw(m.Start(1), m.End(1))) > 0.1;  // "Chương", "CHƯƠNG"
    if ((title_ok || specks) && word_upper) {
      SetPartLevel(w, h);
      h->num_raw = l.Raw(m.Start(2), m.End(2));
      std::string digits = m.Str(2);
      if (ocr) {
        std::replace(digits.begin(), digits.end(), 't', 'i');  // "IIT", "IT": T for I
        std::replace(digits.begin(), digits.end(), ']', 'i');
        if (digits.size() > 1 && digits.back() == 'o') digits.pop_back();
        if (size_t hpos = digits.find('h'); hpos != std::string::npos) digits.replace(hpos, 1, "ii");  // "HI": H for II
        // Mục is numbered in Arabic (Decree 30/2020): a lone I, l or | is its 1.
        if ((w == "muc" || w.rfind("tieu", 0) == 0) && digits.size() == 1 && std::string_view("il|").find(digits[0]) != std::string_view::npos)
          digits = "1";
      }
      std::string roman = RepairRoman(digits);
      h->num = roman.empty() ? digits : roman;
      // Mục and Tiểu mục are numbered in Arabic (Decree 30/2020): "Mục 1" is 1, as "Mục 2" is 2.
      bool arabic = digits.find_first_not_of("0123456789") == std::string::npos;
      if (arabic && (h->rank == kMuc || h->rank == kTieuMuc)) h->num = digits;
      h->text_start = specks ? std::max<size_t>(title_start, l.core_end) : title_start;
      return true;
    }
  }
  if (ocr && FindAnchored(kPartLost, k, &m) && UpperRatio(FirstCodePoint(l.Raw(m.Start(1), m.End(1)))) > 0.99 &&
      Trim(l.raw).size() > Trim(l.Raw(m.Start(1), m.End(1))).size() &&
      (!m.Has(2) || (!IsVietnameseSyllable(m.Str(2)) && UpperRatio(l.Raw(m.Start(2), m.End(2))) == 0))) {
    return LostNumeralPart(l, PartWord(m.Str(1)), h);
  }
  // "Bi8u 3,": Đ read as B, or a comma for the dot; "iu 1.": Đ lost. Such lines count only
  // as the next article (the caller checks the sequence).
  bool dieu = false, lost = false;
  size_t num_a = 0, num_b = 0, text_a = 0;
  if ((ocr && FindAnchored(kDieuOcr, k, &m)) || FindAnchored(kDieuRe, k, &m)) {
    dieu = true;
    lost = m.Str(1) != "d" || m.Str(3) == "," || m.Str(3) == ";";
    num_a = m.Start(2);
    num_b = m.End(2);
    text_a = m.Start(4);
  } else if (ocr && (FindAnchored(kDieuBehindToken, k, &m) || FindAnchored(kDieuNoStop, k, &m)) &&
             UpperRatio(FirstCodePoint(l.Raw(m.Start(1), m.End(1)))) > 0.99 &&
             UpperRatio(FirstCodePoint(l.Raw(m.Start(4), m.End(4)))) > 0.99) {
    dieu = lost = true;
    num_a = m.Start(3);
    num_b = m.End(3);
    text_a = m.Start(4);
  } else if ((FindAnchored(kDieuLost, k, &m) || (ocr && FindAnchored(kDieuLostOcr, k, &m))) &&
             UpperRatio(l.Raw(m.Start(2), m.Start(2) + 1)) > 0.99) {
    dieu = lost = true;
    num_a = m.Start(1);
    num_b = m.End(1);
    text_a = m.Start(2);
  } else if (ocr) {
    // "pies 14. Gat cis": a word garbled past these patterns that restoration, which knows
    // how an article opens, read as Điều; or one the scan bent two letters of at most
    // ("Dita 3. Chi số", "Pida 9: Cắt"), capitalised before a capitalised text. Either
    // counts only as the next article.
    static const RE2 kDieuRestored(R"(^[\s\-~_|:;.,'"}{()*=!]{0,8}(\S{2,6})\s+(\d{1,3})\s*[.:]\s*(\S.*)$)", ReOptions());
    auto restored_dieu = [&] {
      const std::string word = Trim(l.Value(m.Start(1), m.End(1)));
      return FoldKey(word) == "dieu" && UpperRatio(FirstCodePoint(word)) > 0.99;
    };
    auto bent_dieu = [&] {
      const std::string word = m.Str(1);
      return word.size() == 4 && word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos &&
             EditDistance(word, "dieu") <= 2 && UpperRatio(FirstCodePoint(l.Raw(m.Start(1), m.End(1)))) > 0.99 &&
             UpperRatio(FirstCodePoint(l.Raw(m.Start(3), m.End(3)))) > 0.99;
    };
    if (FindAnchored(kDieuRestored, k, &m) && (restored_dieu() || bent_dieu())) {
      dieu = lost = true;
      num_a = m.Start(2);
      num_b = m.End(2);
      text_a = m.Start(3);
    }
  }
  if (dieu) {
    h->level = "dieu";
    h->rank = kDieu;
    h->num_raw = l.Raw(num_a, num_b);
    h->num = k.substr(num_a, num_b - num_a);
    for (char& c : h->num) {
      // "Điều I.", "Dieu t.": OCR'd digits 1.
      if (c == 'i' || c == 'l' || c == '|' || c == 't' || c == '!') {
        c = '1';
        h->weak = true;
      }
    }
    h->weak = h->weak || lost;
    h->text_start = text_a;
    return true;
  }
  if (FindAnchored(kRomanRe, k, &m) && UpperRatio(l.Raw(m.Start(2))) >= 0.7) {
    if (RomanHeading(l, m, RepairRoman(m.Str(1)), h)) return true;
  }
  // OCR may drop the dot of a Roman heading ("IL TON TAI, HAN CHE"): a capitals title of
  // two words or more, accepted by the caller only as the next numeral in sequence.
  // (T too reads as I here: "TIL TỔ CHỨC THỰC HIỆN"; a smudge may precede: "~TL-NHIỆM VỤ".)
  static const RE2 kRomanBare(R"(^\s*[-~]?\s*([ivxlt1|]{1,4})(?:\s*-\s*|\s+)([a-z]+\s+[a-z].*)$)", ReOptions());
  if (FindAnchored(kRomanBare, k, &m) && UpperRatio(l.Raw(m.Start(1))) >= 0.8) {
    std::string digits = m.Str(1);
    std::replace(digits.begin(), digits.end(), 't', 'i');
    if (RomanHeading(l, m, RepairRoman(digits), h)) {
      h->weak = true;
      return true;
    }
  }
  if (FindAnchored(kKhoanRe, k, &m)) {
    h->level = "khoan";
    h->rank = kKhoan;
    h->num_raw = l.Raw(m.Start(1), m.End(1));
    h->num = std::to_string(ToInt(m.Str(1)));
    h->text_start = m.Start(2);
    return true;
  }
  if (FindAnchored(kDiemRe, k, &m)) {
    h->level = "diem";
    h->rank = kDiem;
    h->num_raw = l.Raw(m.Start(1), m.End(1));
    h->num = h->num_raw == "đ" || h->num_raw == "Đ" ? "đ" : h->num_raw == "¢" ? "c" : m.Str(1);
    if (DiemIndex(h->num) < 0) return false;
    h->text_start = m.Start(2);
    return true;
  }
  if (FindAnchored(kPlusRe, k, &m)) {
    h->level = "plus";
    h->rank = kPlus;
    h->num_raw = "+";
    h->text_start = m.Start(2);
    return true;
  }
  if (FindAnchored(kDashRe, k, &m)) {
    h->level = "dash";
    h->rank = kDash;
    h->num_raw = l.Raw(m.Start(1), m.End(1));
    h->text_start = m.Start(2);
    return true;
  }
  return false;
}

size_t CountOf(std::string_view s, std::string_view what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

// |small| is |big| with one character left out: a digit OCR lost ("1." for "11." after
// "10."). Two lost digits ("1" for 101) is a numbering that starts again, not a misreading.
bool OneLeftOut(const std::string& small, const std::string& big) {
  if (small.size() + 1 != big.size()) return false;
  size_t i = 0;
  while (i < small.size() && small[i] == big[i]) ++i;
  return small.compare(i, std::string::npos, big, i + 1, std::string::npos) == 0;
}

// Repairs |h| against the previous sibling of the same level; adds flags to |flags|.
// |last_article|: the number of the document's last article, which the first article of
// a chapter follows (articles are numbered through the document).
void RepairSequence(const Section* prev, MarkerHit* h, std::vector<std::string>* flags, std::vector<std::string>* warnings,
                    int line, int last_article) {
  if (h->level == "dash" || h->level == "plus" || h->level == "para") return;
  if (h->level == "muc" || h->level == "chuong" || h->level == "phan") {
    if (h->num_raw.empty()) return;  // a numeral OCR lost entirely: flagged by the caller
    std::string canon = h->num;
    int expected = prev ? RomanValue(std::string(FoldKey(prev->num).c_str())) + 1 : 1;
    int got = RomanValue(FoldKey(canon));
    if (got == 0) {  // Arabic Mục/Chương numbers
      return;
    }
    std::string raw_upper = AsciiUpper(FoldKey(h->num_raw));
    if (got != expected && prev) {
      // OCR'd digits of a Roman numeral ("I11", "1l") repaired to the expected successor.
      bool damaged = raw_upper.find_first_of("1L|") != std::string::npos;
      // A numeral below the expected one that begins it lost strokes ("II" or "I" for III):
      // within one parent Roman headings never go back.
      std::string want = ToRoman(expected);
      bool repeated = got < expected && want.rfind(h->num, 0) == 0;
      if ((damaged || repeated) && expected >= 1) {
        h->num = ToRoman(expected);
        flags->push_back("numeral_repaired");
        warnings->push_back("line " + std::to_string(line) + ": numeral '" + h->num_raw + "' read as " + h->num);
        return;
      }
      if (got > expected) flags->push_back("sequence_gap");
    }
    if (raw_upper != h->num) {
      flags->push_back("numeral_repaired");
      warnings->push_back("line " + std::to_string(line) + ": numeral '" + h->num_raw + "' read as " + h->num);
    }
    return;
  }
  if (h->level == "khoan" || h->level == "dieu") {
    int got = ToInt(h->num);
    int expected = prev ? ToInt(prev->num) + 1 : h->level == "dieu" && last_article > 0 ? last_article + 1 : 1;
    if (h->num_raw.find_first_not_of("0123456789") != std::string::npos && got == expected) {
      flags->push_back("numeral_repaired");  // "Dieu t.", "Điều I."
      warnings->push_back("line " + std::to_string(line) + ": number '" + h->num_raw + "' read as " + h->num);
      return;
    }
    if (got < 0 || expected <= 0 || got == expected) return;
    if (prev && got < expected && OneLeftOut(h->num, std::to_string(expected))) {
      h->num = std::to_string(expected);
      flags->push_back("numeral_repaired");
      warnings->push_back("line " + std::to_string(line) + ": number '" + h->num_raw + "' read as " + h->num);
    } else if (got > expected) {
      flags->push_back("sequence_gap");
      warnings->push_back("line " + std::to_string(line) + ": numbering gap before " + h->num);
    }
    return;
  }
  if (h->level == "diem") {
    if (h->num_raw != h->num && AsciiUpper(h->num_raw) != AsciiUpper(h->num) && h->num_raw != "Đ") {
      flags->push_back("numeral_repaired");
    }
    int got = DiemIndex(h->num);
    int expected = prev ? DiemIndex(prev->num) + 1 : 0;
    if (got == expected || expected >= 23) return;
    bool dup = prev && got == DiemIndex(prev->num);
    bool lost_stroke = h->num == "d" && std::string(kDiemLetters[expected]) == "đ";
    bool cent = h->num_raw == "¢" || (h->num == "o" && std::string(kDiemLetters[expected]) == "c");
    if (dup || lost_stroke || cent) {
      h->num = kDiemLetters[expected];
      flags->push_back("numeral_repaired");
      warnings->push_back("line " + std::to_string(line) + ": point '" + h->num_raw + ")' read as " + h->num + ")");
    } else if (got > expected) {
      flags->push_back("sequence_gap");
    }
  }
}

bool TrimmedSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The text, trimmed, ends a sentence or a clause.
bool EndsTerminal(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && TrimmedSpace(text[end - 1])) --end;
  if (end == 0) return false;
  char c = text[end - 1];
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

void Append(std::string* s, const std::string& more) {
  std::string m = Trim(more);
  if (m.empty()) return;
  if (!s->empty()) s->push_back(' ');
  *s += m;
}

// "SU CAN THIET ee", "NOI DUNG … PE AN 7": the capitals title |heading| without the specks
// after it (short words without a capital, or digits). One pass from the end: a title of
// many specks costs no more than its length.
void DropTrailingSpecks(std::string* heading) {
  const std::string_view h = *heading;
  size_t begin = 0, end = h.size();  // the heading is h[begin, end)
  while (true) {
    size_t space = h.substr(begin, end - begin).rfind(' ');
    if (space == std::string_view::npos) break;
    std::string_view last = h.substr(begin + space + 1, end - begin - space - 1);
    bool speck = last.size() <= 2 && (UpperRatio(last) == 0 || std::all_of(last.begin(), last.end(), ::isdigit));
    if (!speck) break;
    end = begin + space;
    while (begin < end && TrimmedSpace(h[begin])) ++begin;
    while (end > begin && TrimmedSpace(h[end - 1])) --end;
  }
  if (begin != 0 || end != h.size()) *heading = std::string(h.substr(begin, end - begin));
}

// "điều KHOẢN THI HÀNH": three words in four or more (of three or more) are in capitals,
// as a title's are when the scan bent one.
bool MostWordsCapitals(std::string_view title) {
  size_t words = 0, capitals = 0;
  for (size_t a = 0; a < title.size();) {
    size_t b = std::min(title.find(' ', a), title.size());
    std::string_view word = title.substr(a, b - a);
    if (KeyLetters(FoldKey(word)) > 0) {
      ++words;
      capitals += UpperRatio(word) > 0.99;
    }
    a = b + 1;
  }
  return words >= 3 && capitals * 4 >= words * 3;
}

// "Tuyển dụng nhà giáo5", "PHẠM VI ĐIỀU CHỈNH1": a footnote's number glued to the last
// word of a title marks the footnote, it is not part of the title (consolidated texts
// put one on many headings). Only after a word that is a syllable ("H5N1" stays).
// In an OCR'd title the scan may part the number from its word ("phụ cấp lương 2"): a
// footnote's still, unless the word owns it (NumbersFollow).
void DropFootnoteMark(std::string* heading, bool ocr) {
  size_t end = heading->size();
  size_t digits = end;
  while (digits > 0 && IsAsciiDigit(static_cast<unsigned char>((*heading)[digits - 1]))) --digits;
  if (digits == end || end - digits > 2) return;
  size_t cut = digits;
  if (ocr && digits > 1 && (*heading)[digits - 1] == ' ') --digits;
  size_t word = heading->find_last_of(" \t", digits == 0 ? 0 : digits - 1);
  word = word == std::string::npos ? 0 : word + 1;
  std::string key;
  if (digits - word < 2 || !KeyInto(std::string_view(*heading).substr(word, digits - word), &key) ||
      key.size() < 2 || !IsSyllableKey(key))
    return;
  if (cut != digits && NumbersFollow(key)) return;
  heading->resize(digits);
}

// The end of an OCR'd article title: the document's end mark "./." that the scan read "/."
// or "/," after the last word ("… Quyết định này/,"), and a doubled stop ("Bộ Tư pháp..",
// an ellipsis "…" or "..." aside) that is one stop (DropScannedTitleStops may drop it).
void ScannedEndMarks(std::string* heading) {
  std::string& h = *heading;
  while (!h.empty() && TrimmedSpace(h.back())) h.pop_back();
  if (h.size() >= 3 && h[h.size() - 2] == '/' && (h.back() == '.' || h.back() == ',')) {
    size_t slash = h.size() - 2;
    size_t word_end = slash;
    if (h[word_end - 1] == '.') --word_end;  // "./,"
    const char before = word_end > 0 ? h[word_end - 1] : ' ';
    if (before != ' ' && before != '/' && !IsAsciiDigit(static_cast<unsigned char>(before))) {
      h.resize(word_end);
      h += "./.";
    }
    return;
  }
  if (h.size() >= 3 && h.ends_with("..") && h[h.size() - 3] != '.' && h[h.size() - 3] != ' ') h.pop_back();
}

// Empties |s| and gives its memory back (clear() keeps it: a record of 100,000 sections
// would carry a line's worth of room in each).
void Release(std::string* s) { std::string().swap(*s); }

// An item leaves the path: its heading and text are final. |ocr|: the source was OCR'd.
void Finish(Node* n, bool ocr) {
  Section& s = *n->s;
  bool heading_level = n->rank <= kTieuMuc;
  if (heading_level) {
    if (s.heading.empty()) s.heading = n->first_para;
    if (s.text == s.heading) Release(&s.text);
  } else if (n->rank == kDieu) {
    // "Điều 1. Phạm vi điều chỉnh" — title on the marker line.
  } else if (s.heading.empty() && s.label.empty() && !s.children.empty() && !EndsTerminal(n->first_para) &&
             n->first_para.size() <= 300 &&
             (n->rank == kKhoan || n->rank == kDiem)) {
    s.heading = n->first_para;
    if (s.text == n->first_para) Release(&s.text);
  }
  s.heading = CollapseSpaces(TrimChars(s.heading, "_;|~"));
  if (heading_level && UpperRatio(s.heading) >= 0.8) {
    DropTrailingSpecks(&s.heading);
    // "QUY ĐỊNH CHUNG. ne": a capitals title has no stop (Decree 30/2020); a scan's is a speck.
    if (ocr) {
      while (!s.heading.empty() && (s.heading.back() == '.' || TrimmedSpace(s.heading.back()))) s.heading.pop_back();
    }
  }
  if (ocr && (heading_level || n->rank == kDieu)) s.heading = DropInnerSpecks(s.heading);
  if (ocr && n->rank == kDieu) ScannedEndMarks(&s.heading);
  // "Tổ CHỨC VÀ QUẢN LÝ": a word of a capitals title the scan bent takes the title's case.
  if (ocr && heading_level && (UpperRatio(s.heading) >= 0.8 || MostWordsCapitals(s.heading))) s.heading = ToUpper(s.heading);
  if (ocr && n->rank == kDieu && UpperRatio(s.heading) < 0.5) s.heading = CapitalsWordsAsTitle(s.heading);
  if (heading_level || n->rank == kDieu) DropFootnoteMark(&s.heading, ocr);
  s.text = CollapseSpaces(s.text);
}

// The ids given so far, for AssignIds: an open-addressing set of pointers to the
// sections' ids (8 bytes a slot, at most three in four of them used; a node-based map took
// 56 bytes an id, 5.5 MB for 100,000 sections), and for an id that repeats the suffix its
// next repeat tries first (a thousand repeats cost a thousand tries, not half a million).
class IdSet {
 public:
  explicit IdSet(size_t ids) {
    size_t slots = 16;
    while (slots * 3 < ids * 4) slots *= 2;
    slots_.assign(slots, nullptr);
  }
  bool Contains(std::string_view id) const { return slots_[Find(id)] != nullptr; }
  // |id| must stay in place while the set is used.
  void Insert(const std::string* id) {
    size_t slot = Find(*id);
    if (slots_[slot] != nullptr) return;
    slots_[slot] = id;
    if (++size_ * 4 > slots_.size() * 3) Grow();
  }
  int& NextSuffix(const std::string& base) { return next_suffix_.try_emplace(base, 2).first->second; }

 private:
  // The slot holding |id|, else the empty slot where it would go.
  size_t Find(std::string_view id) const {
    size_t mask = slots_.size() - 1;
    size_t i = std::hash<std::string_view>{}(id) & mask;
    while (slots_[i] != nullptr && *slots_[i] != id) i = (i + 1) & mask;
    return i;
  }
  void Grow() {
    std::vector<const std::string*> old(slots_.size() * 2, nullptr);
    old.swap(slots_);
    for (const std::string* id : old) {
      if (id != nullptr) slots_[Find(*id)] = id;
    }
  }
  std::vector<const std::string*> slots_;
  size_t size_ = 0;
  std::unordered_map<std::string, int> next_suffix_;
};

size_t CountSections(const std::vector<Section>& v) {
  size_t n = v.size();
  for (const Section& s : v) n += CountSections(s.children);
  return n;
}

void CollectArticles(std::vector<Section>* sections, std::vector<Section*>* out) {
  for (Section& s : *sections) {
    if (s.level == "dieu") out->push_back(&s);
    CollectArticles(&s.children, out);
  }
}

// OCR puts a stop or a colon after the last word of a title ("Đối tượng áp dụng.", "… án
// phạt tù:"). In a document whose article titles are phrases (at least four, and four in
// five or more without a stop at the end) one that ends in a stop got it from the scan,
// unless it is a sentence naming the document ("Quyết định này có hiệu lực …", "Ban hành
// kèm theo Nghị định này …"), as the articles of decisions are: in the Gazette's documents
// whose titles are phrases, one title in 180 ends in a stop, most of them such sentences;
// the scans of the skeleton bench put one after about one title in 30.
void DropScannedTitleStops(std::vector<Section>* top) {
  std::vector<Section*> articles;
  CollectArticles(top, &articles);
  auto names_document = [](const Section* a) {
    return (" " + FoldKey(a->heading) + " ").find(" nay ") != std::string::npos;
  };
  size_t stops = 0, phrases = 0;
  for (const Section* a : articles) {
    if (!EndsInStop(a->heading)) {
      ++phrases;
    } else if (!names_document(a)) {
      ++stops;
    }
  }
  // A stock title (StockArticleTitle) is a phrase in any document: one of the Gazette's
  // 1,270 ends in a stop.
  auto stock = [](const Section* a) {
    return StockArticleTitle(CollapseSpaces(Trim(FoldKey(std::string_view(a->heading).substr(0, a->heading.size() - 1)))));
  };
  const bool phrase_titles = phrases >= 4 && phrases >= 4 * stops;
  for (Section* a : articles) {
    if (EndsInStop(a->heading) && ((phrase_titles && !names_document(a)) || stock(a))) a->heading.pop_back();
  }
}

// Ids are paths of numbers, so a number the source repeats (two "Điều 5", a list that
// starts again) would repeat an id: the later ones take "-2", "-3" … in document order,
// as repeated appendices do, and their items are under the new id ("D5-2.1").
void AssignIds(Section* s, const std::string& parent_id, int ordinal, IdSet* taken) {
  std::string own;
  if (s->level == "dash") own = "-" + std::to_string(ordinal);
  else if (s->level == "plus") own = "+" + std::to_string(ordinal);
  else if (s->level == "para") own = "p" + std::to_string(ordinal);
  else own = s->num;
  if (s->level == "dieu") own = "D" + s->num;
  if (s->level == "chuong") own = "C" + s->num;
  if (s->level == "phan") own = "P" + s->num;
  s->id = parent_id.empty() ? own : parent_id + "." + own;
  if (taken->Contains(s->id)) {
    int& n = taken->NextSuffix(s->id);
    std::string id;
    do {
      id = s->id + "-" + std::to_string(n++);
    } while (taken->Contains(id));
    s->id = std::move(id);
  }
  taken->Insert(&s->id);
  int dash = 0, plus = 0, para = 0;
  for (auto& c : s->children) {
    int ord = c.level == "dash" ? ++dash : c.level == "plus" ? ++plus : c.level == "para" ? ++para : 0;
    AssignIds(&c, s->id, ord, taken);
  }
}

// A heading's size, by its trimmed key: eight letters or more in two to twelve words.
bool HeadingSized(std::string_view key) {
  const size_t letters = std::count_if(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const size_t words = std::count(key.begin(), key.end(), ' ') + 1;
  return letters >= 8 && words >= 2 && words <= 12;
}

}  // namespace

bool EndsInStop(std::string_view title) {
  if (title.size() < 2 || (title.back() != '.' && title.back() != ':')) return false;
  char before = title[title.size() - 2];
  return before != '.' && before != ':' && before != '/' && before != ' ' && before != ')';
}

bool CapitalsHeadingLine(const Line& l, bool stop_speck) {
  std::string core = Trim(l.key);
  // "QUY ĐỊNH CHUNG. ne": the edge cleanup leaves the stop of a speck in OCR'd text.
  if (stop_speck) core = Trim(TrimChars(core, "."));
  if (core.empty() || (core[0] >= '0' && core[0] <= '9')) return false;
  char last = core.back();
  if (last == '.' || last == ';' || last == ':' || last == ',') return false;
  return HeadingSized(core) && UpperRatio(l.Raw(l.core_begin)) >= 0.8;
}

void TrimTitleSpecks(const Line& l, size_t* a, size_t* b) {
  // '?' in the key: a symbol with no lookalike letter ("° quan đến").
  // '/' too: "/ quan đến" behind a title line.
  while (*a < *b && std::string_view("-~_|:;.,'\"?=/ ").find(l.key[*a]) != std::string_view::npos) ++*a;
  *b = std::min(*b, ArticleTitleEnd(l, *a));
}

namespace {
// The text after an article's title opens with none of these words (as read, marks and
// all: "Tài chính" is no "tại").
bool OpensNoArticleText(std::string_view text) {
  const std::string word = ToLower(text.substr(0, text.find(' ')));
  for (std::string_view w : {"đến", "của", "và", "với", "tại", "thuộc", "về"}) {
    if (word == w) return true;
  }
  return false;
}
}  // namespace

bool OcrHeadingLine(const Line& l) {
  MarkerHit h;
  if (!ClassifyMarker(l, true, &h)) return false;
  if (h.level == "dieu") return !h.weak || h.num == "1";
  // A part marker whose numeral OCR lost ("Mục |") has no numeral left to be weak about.
  return (h.level == "phan" || h.level == "chuong" || h.level == "tieu_muc" || h.level == "muc") &&
         (!h.weak || h.num_raw.empty());
}

bool FirstItemLine(const Line& l) {
  static const RE2 kFirst(R"(^\s*(?:1\s*[.,:]\s*[^\d\s]|a\s*\)\s*\S))", ReOptions());
  Match m;
  return FindAnchored(kFirst, l.key, &m);
}

namespace {

// The width text is wrapped at (a long line of the body), to tell a paragraph's short last
// line from a wrapped one; 0 when lines are whole paragraphs.
size_t WrapWidth(const Context& ctx, size_t body_start) {
  std::vector<size_t> lens;
  for (size_t i = body_start; i < ctx.body_end; ++i) {
    if (!ctx.src[i].blank && ctx.use[i] == LineUse::kFree) lens.push_back(Trim(ctx.src[i].key).size());
  }
  if (lens.size() < 8) return 0;
  std::sort(lens.begin(), lens.end());
  size_t p80 = lens[lens.size() * 4 / 5];
  // Wrapped text: most long lines share one width; whole paragraphs run far longer.
  return p80 >= 50 && p80 <= 110 ? p80 : 0;
}

// The last character of the trimmed key of |text| (0 when it has none), folding only the
// end of |text| (a title that wraps grows line by line): FoldKey reads a code point's
// neighbours, and a space resets that context, so the key of what follows a space is that
// part of the whole text's key.
char LastKeyChar(std::string_view text) {
  for (size_t end = text.size(); end > 0;) {
    size_t space = text.substr(0, end).rfind(' ');
    size_t from = space == std::string_view::npos ? 0 : space + 1;
    std::string key = Trim(FoldKey(text.substr(from, end - from)));
    if (!key.empty()) return key.back();
    if (space == std::string_view::npos) break;
    end = space;
  }
  return 0;
}

// "… của Bộ Y tế-": a hyphen the scan glued to a word in small letters ends |text|. A word
// broken at a line's end is a symbol ("TT-" / "BLĐTBXH") or a number, never a syllable: such
// a hyphen is a speck, and the line after it continues the title only as any other would.
bool HyphenGluedToSmallLetter(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && TrimmedSpace(text[end - 1])) --end;
  if (end < 2 || text[end - 1] != '-') return false;
  size_t start = end - 1;
  do {
    --start;
  } while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80);
  const std::string_view letter = text.substr(start, end - 1 - start);
  const std::string key = FoldKey(letter);
  return key.size() == 1 && key[0] >= 'a' && key[0] <= 'z' && UpperRatio(letter) == 0;
}

// Builds the section tree one body line at a time. The state carried from line to line is
// what decides whether a line continues the item above it.
class BodyBuilder {
 public:
  BodyBuilder(const Context& ctx, size_t body_start)
      : ctx_(ctx), doc_(*ctx.doc), body_start_(body_start), wrap_width_(WrapWidth(ctx, body_start)) {
    Node root;
    root.s = &root_;
    root.rank = 0;
    path_.push_back(std::move(root));
  }
  BodyBuilder(const BodyBuilder&) = delete;  // path_ points at root_
  BodyBuilder& operator=(const BodyBuilder&) = delete;

  void AddLine(size_t i) {
    const Line& l = ctx_.src[i];
    if (l.blank) {
      after_blank_ = true;
      return;
    }
    if (QuotedLine(l)) return;
    MarkerHit h;
    if (ReadMarker(i, &h)) {
      OpenMarker(l, h);
    } else {
      AddText(l);
    }
  }

  // Room for |items| top-level items, one per line that may open one. The room is address
  // space until items fill it (the pages are touched as they are); growing the array one
  // doubling at a time held the old and the new array at once: 100,000 Điều (304 bytes a
  // Section) cost 60 MB at the doubling past 65,536 for a 7.5 MB input.
  void ReserveTopLevel(size_t items) { root_.children.reserve(items); }

  // The top-level sections, finished and numbered; the builder is spent.
  std::vector<Section> Sections() {
    CloseTo(0);
    if (doc_.source.ocr) {
      // Restored titles only: an unrestored record keeps the source's spelling. Before
      // the stops are judged: a stock title's stop is the scan's.
      if (doc_.source.restored) ReadStockTitles(&root_.children);
      DropScannedTitleStops(&root_.children);
      std::vector<Section*> articles;
      CollectArticles(&root_.children, &articles);
      std::vector<std::string*> headings;
      for (Section* a : articles) headings.push_back(&a->heading);
      ReadRepeatedOpeningsAlike(headings);
    }
    int para = 0;
    IdSet taken(CountSections(root_.children));
    for (Section& s : root_.children) AssignIds(&s, "", s.level == "para" ? ++para : 0, &taken);
    return std::move(root_.children);
  }

 private:
  Node& Cur() { return path_.back(); }
  bool AtRoot() const { return path_.size() == 1; }

  // Depth on the path of the item a new item of |rank| goes under: the nearest of higher rank.
  size_t ParentDepth(int rank) const {
    size_t d = path_.size() - 1;
    while (d > 0 && path_[d].rank >= rank) --d;
    return d;
  }

  // The items below |depth| leave the path, finished.
  void CloseTo(size_t depth) {
    while (path_.size() > depth + 1) {
      Finish(&path_.back(), doc_.source.ocr);
      path_.pop_back();
    }
  }

  // A line of text was read: the next line is judged against it.
  void NoteText(const Line& l) {
    after_blank_ = false;
    prev_text_key_ = l.key;
    prev_len_ = l.key.size();
  }

  // The current item and the items above it reach down to |line|.
  void Extend(int line) {
    for (size_t d = 1; d < path_.size(); ++d) path_[d].s->lines.end = std::max(path_[d].s->lines.end, line);
  }

  void AppendText(Node& n, const std::string& text) {
    Append(&n.s->text, text);
    if (!n.first_para_closed) Append(&n.first_para, text);
  }

  // Opens an item under the item at |parent| on the path; it becomes the current item.
  void OpenNode(size_t parent, const MarkerHit& h, const Line& l, const std::string& text) {
    CloseTo(parent);
    Node n;
    n.rank = h.rank;
    Section s;
    s.level = h.level;
    s.num_raw = h.num_raw;
    s.num = h.num;
    s.lines = {l.number, l.number};
    std::vector<Section>& siblings = path_[parent].s->children;
    const Section* prev = nullptr;
    for (auto it = siblings.rbegin(); it != siblings.rend(); ++it) {
      if (it->level == h.level) {
        prev = &*it;
        break;
      }
    }
    MarkerHit fixed = h;
    RepairSequence(prev, &fixed, &s.flags, &doc_.warnings, l.number, last_dieu_);
    s.num = fixed.num;
    n.first_para = text;
    if (h.rank == kDieu) {
      s.heading = text;
      n.first_para_closed = true;
      n.heading_open = TitleMayWrap(l, text);
    } else {
      s.text = text;
    }
    n.title_open = h.rank <= kTieuMuc;
    if (h.level == "muc") {
      path_[parent].muc_child = true;
      path_[parent].last_muc = RomanValue(FoldKey(s.num));
    }
    siblings.push_back(std::move(s));
    n.s = &siblings.back();
    path_.push_back(std::move(n));
  }

  bool ApplyLabel(Node& n, const Line& l, size_t from) {
    size_t vs = 0;
    std::string label_vi;
    std::string sub(l.key.substr(std::min(from, l.key.size())));
    std::string role = LabelRole(sub, &vs, &label_vi);
    if (role.empty()) return false;
    n.s->label = role;
    n.s->heading = label_vi;
    n.s->text = Trim(l.Value(from + vs));
    n.first_para = n.s->text;
    return true;
  }

  // Amendment text quoted after "… như sau:" keeps its own numbering ("“1. Việc …”",
  // "“Điều 3a. …”"): inside the quotation, lines are text of the amending item. True when
  // |l| was taken as quoted text.
  bool QuotedLine(const Line& l) {
    size_t opens = CountOf(l.raw, "\u201c"), closes = CountOf(l.raw, "\u201d");
    size_t straight = CountOf(l.raw, "\"");
    std::string lead_raw = Trim(l.raw);
    bool starts_quote = lead_raw.rfind("\u201c", 0) == 0 || (!lead_raw.empty() && lead_raw[0] == '"');
    std::string quoted = Trim(l.Value(0, l.core_end));  // keeps the opening quote
    if (quote_lines_ > 0 && doc_.source.ocr && NextChapterLine(l)) quote_lines_ = 0;
    if (quote_lines_ > 0) {
      ++quote_lines_;
      bool closed = closes > opens || (straight % 2 == 1 && !starts_quote) || quote_lines_ > 200;
      if (!AtRoot()) {
        AppendText(Cur(), quoted);
        Extend(l.number);
      }
      if (closed) quote_lines_ = 0;
      NoteText(l);
      return true;
    }
    bool after_colon = !prev_text_key_.empty() && Trim(prev_text_key_).back() == ':';
    if (!starts_quote || !after_colon || AtRoot()) return false;
    bool closes_here = closes >= opens + (opens > 0 ? 0 : 1) || (straight >= 2 && straight % 2 == 0);
    AppendText(Cur(), quoted);
    Extend(l.number);
    if (!closes_here) quote_lines_ = 1;
    NoteText(l);
    return true;
  }

  // OCR loses closing quotes and reads bullets as opening ones ("“> Quyết định …" after
  // "… lên Hệ thống:"): a quotation left open ends at the document's own next chapter,
  // "Chương" with the numeral after the last top-level one, not in quotes itself.
  bool NextChapterLine(const Line& l) {
    MarkerHit x;
    if (Trim(l.raw).rfind("\u201c", 0) == 0 || !ClassifyMarker(l, true, &x) || x.level != "chuong" || x.weak) return false;
    int last = 0;
    for (const Section& c : path_[0].s->children) {
      if (c.level == "chuong") last = RomanValue(FoldKey(c.num));
    }
    std::string want = ToRoman(last + 1);
    // "CHUONGI" for II: a numeral that lost a stroke still begins the expected one.
    return last > 0 && !x.num.empty() && want.rfind(x.num, 0) == 0;
  }

  // The marker line |i| opens, if any, judged against the sequence so far: OCR-damaged
  // markers count only as the next item in sequence.
  bool ReadMarker(size_t i, MarkerHit* h) {
    const Line& l = ctx_.src[i];
    bool marker = ClassifyMarker(l, doc_.source.ocr, h);
    bool wrapped_prev = wrap_width_ > 0 && Trim(prev_text_key_).size() * 4 >= wrap_width_ * 3;
    // Under an OCR'd article title that may go on, a stop at the end of the line above is
    // the scan's (TitleMayWrap): "… quy định liên." / "~.. quan đến".
    const bool title_may_go_on = doc_.source.ocr && !AtRoot() && Cur().rank == kDieu && Cur().heading_open;
    if (marker && h->level == "dash" && (!EndsTerminal(prev_text_key_) || title_may_go_on) &&
        (h->num_raw == "~" || wrapped_prev)) {
      // "~ đạt 85 triệu …" after an unfinished line: a smudge in front of its continuation,
      // not a bullet (bullets open with a capital).
      std::string t = Trim(l.Raw(h->text_start));
      if (doc_.source.ocr) t = TrimChars(t, "~-_.");  // "~~ lao động": the smudge is doubled
      std::string first(FirstCodePoint(t));
      std::string fk = FoldKey(first);
      if (!fk.empty() && fk[0] >= 'a' && fk[0] <= 'z' && UpperRatio(first) == 0) marker = false;
    }
    if (marker && h->num_raw.empty() && h->rank <= kTieuMuc) {
      marker = LostPartNumeral(i, h);
    } else if (marker && h->weak && h->level == "muc") {
      // A Roman numeral read without its dot counts only as the next heading in sequence
      // (or one that lost a stroke: "I-TỒN TẠI" after I is II).
      int prev = path_[ParentDepth(h->rank)].last_muc;
      std::string want = ToRoman(prev + 1);
      marker = !h->num.empty() && want.rfind(h->num, 0) == 0;
      if (marker && h->num != want) h->num = want;  // flagged by RepairSequence against num_raw
      // One heading lost entirely before it ("III" where II is due): a gap, flagged.
      if (!marker && h->num == ToRoman(prev + 2)) marker = true;
    } else if (marker && h->weak && h->level == "dieu") {
      // "iu 1.", "Bi8u 3,": only as the next article. Letters read for its digits ("Dieu t.")
      // stand for the next article's number.
      bool letters = h->num_raw.find_first_not_of("0123456789") != std::string::npos;
      if (letters && ToInt(h->num) != last_dieu_ + 1) h->num = std::to_string(last_dieu_ + 1);
      marker = ToInt(h->num) == last_dieu_ + 1;
      // One article lost before it ("Piéuel." for Điều 1, then "Didu2, Đối tượng"): its
      // digits read and a capitalised title after them, it is the one after that.
      if (!marker && !letters && ToInt(h->num) == last_dieu_ + 2 &&
          UpperRatio(FirstCodePoint(Trim(l.Raw(std::min(h->text_start, l.key.size()))))) > 0.99)
        marker = true;
      // "Điều 5, Điều 6, Điều 7 …" wrapped to a line's start: a list of references.
      static const RE2 kReferenceList(R"(^\s*(?:(?:dieu|khoan|diem)\s+)?\d)", ReOptions());
      Match rest;
      if (marker && FindAnchored(kReferenceList, std::string_view(l.key).substr(std::min(h->text_start, l.key.size())), &rest))
        marker = false;
    }
    if (marker && doc_.source.ocr && h->level == "dash" && TitleOpen() && UpperRatio(l.Raw(h->text_start)) >= 0.8) {
      // "- BỒI DƯỠNG ĐỐI VỚI NHÀ GIÁO" under "Chương III", or "- LIÊN QUAN ĐẾN …" after its
      // first title line: the title, smudged.
      marker = false;
    }
    if (!marker && CapitalsHeadingLine(l) && (AtRoot() || Cur().rank >= kMuc)) {
      marker = LostNumeralHeading(i, h);
    }
    return marker;
  }

  // "Mục |" whose numeral OCR lost (ClassifyMarker): a part marker only above a capitals
  // title, numbered as the next of its siblings (Roman unless they are Arabic), flagged.
  bool LostPartNumeral(size_t i, MarkerHit* h) {
    const SourceLines& src = ctx_.src;
    size_t next = i + 1;
    while (next < ctx_.body_end && (src[next].blank || ctx_.use[next] != LineUse::kFree)) ++next;
    if (next >= ctx_.body_end || !(CapitalsHeadingLine(src[next], doc_.source.ocr) || RestoredCapitalsTitle(src[next])))
      return false;
    const std::vector<Section>& siblings = path_[ParentDepth(h->rank)].s->children;
    const Section* prev = nullptr;
    for (auto it = siblings.rbegin(); it != siblings.rend() && !prev; ++it) {
      if (it->level == h->level) prev = &*it;
    }
    // The word "Mục" counts in Arabic (Decree 30/2020), as do siblings already Arabic.
    bool arabic = prev ? !prev->num.empty() && prev->num.find_first_not_of("0123456789") == std::string::npos
                       : h->rank == kMuc;
    int n = !prev ? 0 : arabic ? ToInt(prev->num) : RomanValue(FoldKey(prev->num));
    h->num = arabic ? std::to_string(n + 1) : ToRoman(n + 1);
    h->repair = "numeral_missing";
    return true;
  }

  // An OCR'd title line in capitals as restoration read it: its first word may be digits
  // in the scan ("16 CHUC VA QUAN LY" is TỔ CHỨC …) and it may wrap after a comma.
  bool RestoredCapitalsTitle(const Line& l) const {
    if (!doc_.source.ocr || l.aligned == nullptr) return false;
    std::string value = Trim(l.Value(l.core_begin));
    if (!value.empty() && value.back() == ',') value.pop_back();
    const std::string key = FoldKey(value);
    if (key.empty() || key[0] < 'a' || key[0] > 'z') return false;
    return HeadingSized(key) && UpperRatio(value) >= 0.9 && !EndsTerminal(value);
  }

  // "il. Quỹ xây dựng …", "a8: L. Việc …", "iL, Trường hợp …": a clause marker OCR garbled
  // into lower-case letters, a short token ending in a stop, colon or comma before a
  // capital, opens the line: it starts the article's text, not the next line of its title.
  static bool GarbledItemMarker(const Line& l, size_t a, size_t b) {
    size_t space = l.key.find(' ', a);
    if (space == std::string::npos || space >= b || space - a > 3) return false;
    char stop = l.key[space - 1];
    size_t next = space;
    while (next < b && l.key[next] == ' ') ++next;
    return (stop == '.' || stop == ':' || stop == ',') && next < b && UpperRatio(FirstCodePoint(l.Raw(next, b))) > 0.99;
  }

  // The current item is a part, chapter or section whose capitals title may go on.
  bool TitleOpen() { return !AtRoot() && Cur().rank <= kTieuMuc && Cur().title_open && !after_blank_; }

  // One past the last free body line with a Roman heading marker (0 when none), found
  // once: whether the document numbers its headings does not change from line to line.
  size_t RomanHeadingsEnd() {
    if (!roman_headings_end_) {
      roman_headings_end_ = 0;
      for (size_t k = ctx_.body_end; k > body_start_; --k) {
        MarkerHit x;
        if (ctx_.use[k - 1] == LineUse::kFree && ClassifyMarker(ctx_.src[k - 1], doc_.source.ocr, &x) && x.level == "muc" && !x.weak) {
          roman_headings_end_ = k;
          break;
        }
      }
    }
    return *roman_headings_end_;
  }

  // A capitals heading right above "1." in a document with Roman headings: its numeral
  // was lost to OCR; it takes the next numeral, flagged.
  bool LostNumeralHeading(size_t i, MarkerHit* h) {
    const SourceLines& src = ctx_.src;
    size_t next = i + 1;
    while (next < ctx_.body_end && (src[next].blank || ctx_.use[next] != LineUse::kFree)) ++next;
    bool roman_style = path_[0].muc_child || RomanHeadingsEnd() > i + 1;
    if (next >= ctx_.body_end || !FirstItemLine(src[next]) || !roman_style) return false;
    *h = MarkerHit();
    h->level = "muc";
    h->rank = kMuc;
    h->num = ToRoman(path_[0].last_muc + 1);
    h->text_start = src[i].core_begin;
    h->repair = "numeral_missing";
    return true;
  }

  // Opens the item marker |h| starts on |l|, under the nearest item of higher rank.
  void OpenMarker(const Line& l, const MarkerHit& h) {
    Cur().heading_open = false;
    // Pop to the parent rank. Dash/plus directly under a heading-level node attach to it.
    std::string text = Trim(l.Value(h.text_start));
    if (doc_.source.ocr && h.rank == kDieu) text = Trim(l.Value(h.text_start, ArticleTitleEnd(l, h.text_start)));
    OpenNode(ParentDepth(h.rank), h, l, text);  // checks the number against last_dieu_, the article before
    if (h.level == "dieu") last_dieu_ = std::max(last_dieu_, ToInt(h.num));
    Node& n = Cur();
    if (h.rank >= kDiem) ApplyLabel(n, l, h.text_start);
    size_t short_width = wrap_width_ > 0 ? wrap_width_ * 3 / 5 : 50;
    n.short_title = (h.rank == kKhoan || h.rank == kDiem) && n.s->label.empty() && !text.empty() &&
                    !EndsTerminal(text) && Trim(l.key).size() < short_width;
    if (!h.repair.empty()) {
      n.s->flags.push_back(h.repair);
      doc_.warnings.push_back("line " + std::to_string(l.number) + ": heading numeral " +
                              (h.num_raw.empty() ? "missing" : "'" + h.num_raw + "'") + " read as " + h.num);
    }
    Extend(l.number);
    NoteText(l);
  }

  // A short marker line followed by a new sentence was the clause's title: true when |l|
  // is that sentence.
  bool TakesShortTitle(const Line& l, const std::string& text, bool labelled) {
    Node& n = Cur();
    n.short_title = false;
    std::string first(FirstCodePoint(text));
    if (labelled || after_blank_ || !n.s->children.empty() || n.s->text != n.first_para ||
        !(UpperRatio(first) > 0.99) || FoldKey(first).find_first_of("abcdefghijklmnopqrstuvwxyz") != 0) {
      return false;
    }
    n.s->heading = n.s->text;
    n.s->text = text;
    n.first_para = "";
    n.first_para_closed = true;
    Extend(l.number);
    NoteText(l);
    return true;
  }

  // A long article title line may go on on the next line. An OCR'd one may also after a stop
  // or a colon ("… quy định liên quan:" / "đến hoạt động …"): OCR puts specks there, and
  // a real stop is followed by a capital, which does not continue it.
  bool TitleMayWrap(const Line& l, const std::string& text) const {
    return !text.empty() && l.key.size() >= 50 && (doc_.source.ocr || !EndsTerminal(text));
  }

  // "Điều 1. Sửa đổi … Thông tư số 32/2016/TT-" / "BLĐTBXH ngày …": a title wrapped by the
  // page continues on a line that starts lower case or completes a broken word. True when
  // |l| continued it.
  bool ContinuesArticleTitle(const Line& l, const std::string& text, bool starts_lower) {
    Node& n = Cur();
    n.heading_open = false;
    const bool broken_word = LastKeyChar(n.s->heading) == '-' && !(doc_.source.ocr && HyphenGluedToSmallLetter(n.s->heading));
    if (after_blank_ || !(starts_lower || broken_word)) return false;
    // Appended in place: copying the title for each of its lines would cost its square.
    std::string& heading = n.s->heading;
    size_t end = heading.size();
    // "… liên quan:" / "đến hoạt động …": a stop OCR left inside the title (TitleMayWrap).
    while (end > 0 && (TrimmedSpace(heading[end - 1]) || EndsTerminal(heading.substr(end - 1, 1)))) --end;
    heading.resize(end);
    size_t begin = 0;
    while (begin < heading.size() && TrimmedSpace(heading[begin])) ++begin;
    heading.erase(0, begin);
    heading += broken_word ? "" : " ";
    heading += text;
    n.heading_open = TitleMayWrap(l, text);
    Extend(l.number);
    NoteText(l);
    return true;
  }

  // A line of text without a marker: a title's next line, the continuation of the item
  // above, or a new paragraph.
  void AddText(const Line& l) {
    std::string text = l.Text();
    std::string k = Trim(l.key);
    std::string r = Trim(l.Raw(l.core_begin));
    unsigned char c0 = r.empty() ? 0 : static_cast<unsigned char>(r[0]);
    bool starts_lower =
        !k.empty() && k[0] >= 'a' && k[0] <= 'z' && !(c0 >= 'A' && c0 <= 'Z') && UpperRatio(r.substr(0, 4)) == 0;
    bool resumes = l.raw.size() >= 2 && l.raw[0] == ' ' && l.raw[1] != ' ';  // after an inlined footnote
    // After a blank line, text continues the previous item only when that item stopped
    // mid-sentence (a page break or an inlined footnote): in OCR'd text a long unfinished
    // line is enough; clean text keeps one paragraph per line, so it needs a lower-case start.
    size_t label_pos = 0;
    std::string label_vi;
    bool labelled = !LabelRole(k, &label_pos, &label_vi).empty();
    // Without a blank line, text wrapped by the page continues the item; but a sentence
    // that ended on a short line, followed by a capital, is the item's next paragraph.
    std::string prev_core = Trim(prev_text_key_);
    bool short_end = !prev_core.empty() && (prev_core.back() == '.' || prev_core.back() == ':') &&
                     wrap_width_ >= 50 && prev_core.size() * 4 < wrap_width_ * 3 && !starts_lower && !resumes;
    bool continuation = !labelled && ((!after_blank_ && !short_end) ||
                                      (after_blank_ && !EndsTerminal(prev_text_key_) &&
                                       (starts_lower || resumes || (doc_.source.ocr && prev_len_ >= 60))));
    if (Cur().short_title && TakesShortTitle(l, text, labelled)) return;
    if (Cur().rank == kDieu && Cur().heading_open && doc_.source.ocr) {
      // "~~ lao.động —": an OCR'd title's next line behind specks, with specks after it.
      size_t a = l.core_begin, b = l.core_end;
      TrimTitleSpecks(l, &a, &b);
      // "7 tai Luat …": a lone digit in front of a lower-case word is a speck.
      if (a + 2 < b && l.key[a] >= '0' && l.key[a] <= '9' && l.key[a + 1] == ' ' && l.key[a + 2] >= 'a' &&
          l.key[a + 2] <= 'z' && UpperRatio(FirstCodePoint(l.Raw(a + 2, b))) == 0) {
        a += 2;
      }
      // "=r Trường cao đẳng …": a lone letter glued to a speck before a capitalised word is
      // a speck too; the article's text begins.
      const std::string glued_to = a > 0 ? l.Raw(a - 1, a) : std::string();
      if (a + 2 < b && l.key[a] >= 'a' && l.key[a] <= 'z' && l.key[a + 1] == ' ' && glued_to.size() == 1 &&
          std::string_view("=-~_|").find(glued_to[0]) != std::string_view::npos &&
          UpperRatio(FirstCodePoint(l.Value(a + 2, b))) > 0.99) {
        a += 2;
      }
      std::string rest = Trim(l.Value(a, b));
      std::string first(FirstCodePoint(rest));
      // "1é phần trăm": a digit the scan read for a small l, which restoration read back.
      const bool letter_read = l.key[a] >= '0' && l.key[a] <= '9' && l.aligned != nullptr &&
                               !FoldKey(first).empty() && FoldKey(first)[0] >= 'a' && FoldKey(first)[0] <= 'z';
      bool lower = a < l.core_end && ((l.key[a] >= 'a' && l.key[a] <= 'z') || letter_read) && UpperRatio(first) == 0;
      if (lower && GarbledItemMarker(l, a, b)) lower = false;
      // "… quy định liên quan" / "Gn hoạt động …" read "Đến hoạt động": a capital the scan
      // put on a link word no article's text opens with (none of the Gazette's 7,222 does)
      // continues the title, in lower case.
      if (!lower && a < l.core_end && l.key[a] >= 'a' && l.key[a] <= 'z' && OpensNoArticleText(rest)) {
        rest = ToLower(first) + rest.substr(first.size());
        lower = true;
      }
      if (ContinuesArticleTitle(l, rest, lower)) return;
    } else if (Cur().rank == kDieu && Cur().heading_open && ContinuesArticleTitle(l, text, starts_lower)) {
      return;
    }
    if (AtRoot()) {
      // Text before any marker: a paragraph at the top level.
      OpenParagraph(0, l, text);
    } else if (Cur().title_open && UpperRatio(l.raw) >= 0.6 && !after_blank_) {
      if (doc_.source.ocr) {
        size_t a = l.core_begin, b = l.core_end;
        TrimCapitalsTitle(l, &a, &b);
        text = Trim(l.Value(a, b));
      }
      Append(&Cur().first_para, text);
    } else if (continuation && !(Cur().rank <= kTieuMuc)) {
      AppendText(Cur(), text);
      if (after_blank_) Cur().s->flags.push_back("page_break_joined");
    } else {
      // A new paragraph: attaches to the nearest item that is not itself a leaf line.
      size_t parent = ParentDepth(kDash);
      // A paragraph after a point that said all on its own lines ("b) Các quy định … ."):
      // the clause's closing paragraph, not the point's.
      const Node& p = path_[parent];
      if (!labelled && parent > 0 && p.rank == kDiem && p.s->label.empty() && !p.s->text.empty() &&
          p.s->children.empty() && EndsTerminal(p.s->text)) {
        --parent;
      }
      if (parent > 0) path_[parent].first_para_closed = true;
      OpenParagraph(parent, l, text);
    }
    if (Cur().title_open && after_blank_) Cur().title_open = false;
    if (path_.size() >= 3 && Cur().s->level == "para") path_[path_.size() - 2].first_para_closed = true;
    Extend(l.number);
    NoteText(l);
  }

  void OpenParagraph(size_t parent, const Line& l, const std::string& text) {
    MarkerHit p;
    p.level = "para";
    p.rank = kPara;
    OpenNode(parent, p, l, text);
    ApplyLabel(Cur(), l, 0);
  }

  const Context& ctx_;
  Document& doc_;
  const size_t body_start_;
  const size_t wrap_width_;
  Section root_;            // the top-level sections are its children
  std::vector<Node> path_;  // from the root (path_[0]) to the current item
  bool after_blank_ = false;
  std::string prev_text_key_;  // key of the last text line, for page-break continuation
  size_t prev_len_ = 0;
  size_t quote_lines_ = 0;  // lines since an amendment quotation opened; 0 = none open
  int last_dieu_ = 0;       // number of the last article, for OCR-damaged "Điều" lines
  std::optional<size_t> roman_headings_end_;  // RomanHeadingsEnd, once known
};

}  // namespace

void ParseBody(Context& ctx, size_t body_start) {
  BodyBuilder body(ctx, body_start);
  size_t lines = 0;
  for (size_t i = body_start; i < ctx.body_end; ++i) lines += ctx.use[i] == LineUse::kFree && !ctx.src[i].blank;
  body.ReserveTopLevel(lines);
  for (size_t i = body_start; i < ctx.body_end; ++i) {
    if (ctx.use[i] == LineUse::kFree) body.AddLine(i);
  }
  ctx.doc->body = body.Sections();  // this stage alone writes the body
}

}  // namespace vanban::internal
