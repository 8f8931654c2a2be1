// Citations of other documents in three symbol styles (state "20/NQ-HĐND", legal
// normative "61/2023/NĐ-CP", party "04-NQ/TU"), plus công văn and number-only mentions;
// aliases, internal cross-references and appendix pointers.
#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <string_view>
#include <unordered_set>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

struct Hit {
  size_t start, end;   // symbol span in the flat key
  std::string style;
  std::string number, year, type_key, issuer_key;
  int priority;
  std::string type_raw, issuer_raw;  // source spellings of the code groups
  bool mended = false;               // a code letter read from an OCR'd digit ("0H15")
};

const std::map<std::string, std::string>& TypeNames() {
  static const auto* m = new std::map<std::string, std::string>{
      {"nghi quyet", "Nghị quyết"}, {"quyet dinh", "Quyết định"}, {"chi thi", "Chỉ thị"},
      {"ke hoach", "Kế hoạch"},     {"ket luan", "Kết luận"},     {"huong dan", "Hướng dẫn"},
      {"nghi dinh", "Nghị định"},   {"thong tu", "Thông tư"},     {"luat", "Luật"},
      {"quy che", "Quy chế"},       {"cong van", "Công văn"},     {"thong bao", "Thông báo"},
      {"bao cao", "Báo cáo"},       {"to trinh", "Tờ trình"},     {"quy dinh", "Quy định"},
      {"chuong trinh", "Chương trình"}, {"phap lenh", "Pháp lệnh"}, {"de an", "Đề án"},
  };
  return *m;
}

std::string TypeFromCode(const std::string& code_key) {
  static const std::map<std::string, std::string> m = {
      {"nq", "Nghị quyết"}, {"qd", "Quyết định"}, {"ct", "Chỉ thị"},   {"kh", "Kế hoạch"},
      {"kl", "Kết luận"},   {"hd", "Hướng dẫn"},  {"nd", "Nghị định"}, {"tt", "Thông tư"},
      {"tb", "Thông báo"},  {"bc", "Báo cáo"},    {"qc", "Quy chế"},   {"ctr", "Chương trình"},
      {"ttr", "Tờ trình"},
  };
  std::string k = code_key;
  if (k == "qp" || k == "qb") k = "qd";
  if (k == "inq") k = "nq";
  if (k.rfind("qh", 0) == 0) return "Luật";
  auto it = m.find(k);
  return it == m.end() ? "" : it->second;
}

std::string CodeCanonical(const std::string& code_key, const std::string& raw) {
  return CanonicalSymbol(code_key, raw);
}

// Folds OCR variants of the typename key ("nghi quyét" etc. already folded).
std::string TypeKeyBefore(std::string_view key, size_t start, size_t* type_start) {
  size_t from = start > 40 ? start - 40 : 0;
  std::string window(key.substr(from, start - from));
  static const RE2 kType(
      R"((nghi\s+quyet|quyet\s+dinh|chi\s+thi|ke\s+hoach|ket\s+luan|huong\s+dan|nghi\s+dinh|thong\s+tu|luat|quy\s+che|cong\s+van|thong\s+bao|bao\s+cao|to\s+trinh|quy\s+dinh|chuong\s+trinh|phap\s+lenh|de\s+an)\s*(?:[a-z0-9\x3f]{1,3}\s*)?$)",
      ReOptions());
  Match m;
  if (Find(kType, window, 0, &m)) {
    *type_start = from + m.Start(1);
    std::string t = m.Str(1);
    std::replace(t.begin(), t.end(), '\n', ' ');
    return CollapseSpaces(t);
  }
  return "";
}

// Legislature of the National Assembly sitting in |year| (QH15: 2021-2026); the first
// year of a term also belongs to the previous one.
std::vector<int> Legislatures(int year) {
  static const int kStart[] = {1992, 1997, 2002, 2007, 2011, 2016, 2021, 2026};  // QH9 .. QH16
  std::vector<int> out;
  for (int i = 0; i < 8; ++i) {
    int end = i + 1 < 8 ? kStart[i + 1] : kStart[i] + 5;
    if (year >= kStart[i] && year <= end) out.push_back(9 + i);
  }
  return out;
}

// "QHIS", "QHI15", "QH1" in a law's symbol: the legislature is fixed by the year, so OCR'd
// digits (I/l -> 1, S -> 5, O -> 0) are read and checked against it.
std::string RepairLegislature(const std::string& part, int year, bool* repaired) {
  size_t qh = part.find("QH");
  if (qh == std::string::npos || year <= 0) return part;
  std::string tail = part.substr(qh + 2);
  if (tail.empty() || tail.size() > 3) return part;
  std::string digits;
  for (char c : tail) {
    char d = c == 'I' || c == 'l' || c == '|' || c == 'i' ? '1' : c == 'S' || c == 's' ? '5' : c == 'O' || c == 'o' ? '0' : c;
    if (d < '0' || d > '9') return part;
    digits.push_back(d);
  }
  std::vector<int> terms = Legislatures(year);
  if (terms.empty()) return part;
  for (int t : terms) {
    if (digits == std::to_string(t)) {
      if (digits != tail) *repaired = true;
      return part.substr(0, qh + 2) + digits;
    }
  }
  // Damaged beyond the letters: the term whose number the OCR'd digits contain in order.
  for (int t : terms) {
    std::string want = std::to_string(t);
    size_t j = 0;
    for (char c : digits) {
      if (j < want.size() && c == want[j]) ++j;
    }
    if (j == want.size() || (digits.size() < want.size() && want.rfind(digits, 0) == 0)) {
      *repaired = true;
      return part.substr(0, qh + 2) + want;
    }
  }
  return part;
}

// The clause of a law's name at |p|: to ';', '.', '(' or a blank line.
size_t LawClauseEnd(std::string_view key, size_t p) {
  size_t clause_end = p + 4;
  while (clause_end < key.size() && key[clause_end] != ';' && key[clause_end] != '.' && key[clause_end] != '(' &&
         !(key[clause_end] == '\n' && clause_end + 1 < key.size() && key[clause_end + 1] == '\n'))
    ++clause_end;
  return clause_end;
}

// Inside an amending law's title ("Luật sửa đổi, bổ sung … của Luật A, Luật B"): the
// clause so far (from the last ';' or "Căn cứ") says "sửa đổi".
bool InAmendingTitle(std::string_view key, size_t p) {
  size_t clause_start = key.rfind(';', p);
  clause_start = clause_start == std::string::npos ? 0 : clause_start;
  size_t item = key.rfind("can cu", p);
  if (item != std::string::npos && item > clause_start) clause_start = item;
  std::string in_clause = CollapseSpaces(key.substr(clause_start, p - clause_start));
  std::replace(in_clause.begin(), in_clause.end(), '\n', ' ');
  return CollapseSpaces(in_clause).find("sua doi") != std::string::npos ||
         CollapseSpaces(in_clause).find("stra doi") != std::string::npos;
}

// At the head of a legal basis ("Căn cứ Luật ban hành …", "…; Luật sửa đổi, bổ sung …
// của Luật …") the name may open in lower case and hold "của"; it runs to its date.
bool AtLegalBasisHead(std::string_view key, size_t p) {
  size_t head_start = key.find_last_of(";\n", p);
  head_start = head_start == std::string::npos ? 0 : head_start;
  std::string before = CollapseSpaces(key.substr(head_start, p - head_start));
  std::string head = TrimChars(before, " ;\n");
  return head.empty() || head == "can cu" ||
         (head.size() <= 8 && head.rfind("c", 0) == 0 && head.find(' ') != std::string::npos);
}

// Whether the word |letters| (ending at |e|) ends the law's name before it: a stop word,
// "và" before a capitalised word, "số" before digits.
bool EndsLawName(const Flat& flat, const SourceLines& src, const std::string& letters, size_t e, size_t clause_end,
                 bool at_head, int words) {
  std::string_view key = flat.key;
  // Words that end a law's name: what follows it in the sentence.
  static const char* const kStops[] = {"ngay", "nam", "duoc", "cua", "theo", "tai", "thi"};
  // Also words of names ("Luật Bảo vệ …", "Luật Phí và lệ phí"): stops after two words.
  static const char* const kLateStops[] = {"ve", "de", "da", "va"};
  auto in = [](const char* const* b, const char* const* end, const std::string& w) {
    return std::any_of(b, end, [&](const char* x) { return w == x; });
  };
  if (in(std::begin(kStops), std::end(kStops), letters) && !(at_head && letters == "cua")) return true;
  if (in(std::begin(kLateStops), std::end(kLateStops), letters) && words >= 2) return true;
  if (letters == "va") {
    // "Luật A và Luật B": "và" before a capitalised word ends the name.
    size_t n = e;
    while (n < clause_end && (key[n] == ' ' || key[n] == '\n')) ++n;
    std::string r = n < clause_end ? flat.Raw(src, n, n + 1) : "";
    return r.empty() || UpperRatio(r) > 0.99;
  }
  if (letters.size() <= 3 && letters[0] == 's') {
    // "số 36/2024/QH15" (OCR: "sé", "s6") ends the name; "Luật Chuyển đổi số" does not.
    size_t d = e;
    while (d < clause_end && (key[d] == ' ' || key[d] == ':' || key[d] == '\n')) ++d;
    return d < clause_end && key[d] >= '0' && key[d] <= '9';
  }
  return false;
}

// The end of the law's name after "Luật" at |p|: capitalised first word, then words up to
// a stop word or a comma that is followed by a capitalised word ("Luật A, Luật B"; but
// "Luật Trật tự, an toàn …"). |*words| gets the number of words (0: no name).
size_t LawNameEnd(const Flat& flat, const SourceLines& src, size_t p, size_t clause_end, bool at_head, int* words) {
  std::string_view key = flat.key;
  auto comma_closes = [&](size_t at) {
    size_t n = at + 1;
    while (n < clause_end && (key[n] == ' ' || key[n] == '\n')) ++n;
    std::string r = n < clause_end ? flat.Raw(src, n, n + 1) : "";
    return r.empty() || UpperRatio(r) > 0.99 || (r[0] >= '0' && r[0] <= '9');
  };
  size_t q = p + 4, name_end = p + 4;
  *words = 0;
  while (q < clause_end && *words < (at_head ? 24 : 12)) {
    while (q < clause_end && (key[q] == ' ' || key[q] == '\n')) ++q;
    if (q >= clause_end) break;
    size_t e = q;
    while (e < clause_end && key[e] != ' ' && key[e] != '\n') ++e;
    std::string w(key.substr(q, e - q));
    std::string letters = TrimChars(w, ",:");
    if (*words == 0) {
      if (letters == "nay") break;  // "Luật này": the document itself
      std::string r = flat.Raw(src, q, q + 1);
      if (r.empty() || (UpperRatio(r) < 0.99 && !at_head)) break;  // the name is capitalised
    } else if (EndsLawName(flat, src, letters, e, clause_end, at_head, *words)) {
      break;
    }
    if (at_head && *words > 0 && letters.find_first_not_of("-_.") == std::string::npos) {
      q = e;  // a speck inside a name at a line break ("Luật sửa" / "_- đổi")
      continue;
    }
    // (OCR digits inside the words of a legal basis: "b6 sung")
    const char* allowed = at_head && *words > 0 ? "abcdefghijklmnopqrstuvwxyz-0123456789" : "abcdefghijklmnopqrstuvwxyz-";
    if (letters.empty() || letters.find_first_not_of(allowed) != std::string::npos) break;
    ++*words;
    name_end = q + letters.size();
    if (letters.size() != w.size() && (w.back() != ',' || comma_closes(q + w.size() - 1))) break;
    q = e;
  }
  return name_end;
}

// Adds the law |name| cited at [p, name_end) with its date ("… ngày 19 tháng 6 năm 2015",
// "… năm 2022"), or a mention to the reference already made for it (|seen| by folded name).
void AddLawName(const Flat& flat, const SourceLines& src, size_t p, size_t name_end, const std::string& name,
                std::map<std::string, size_t>* seen, Document* doc) {
  static const RE2 kWhen(
      R"(^\s*(?:,\s*)?(?:n\S{0,2}y\s*(\d{1,2})\s*(?:th\S{1,3}g?|/)\s*(\d{1,2})\s*)?(?:n\S{1,3}|/)\s*(\d{4}))",
      ReOptions());
  Mention mention;
  Match m;
  size_t end = name_end;
  std::string year;
  std::string after(flat.key.substr(std::min(name_end, flat.key.size()), 60));  // |m| points into it
  if (FindAnchored(kWhen, after, &m)) {
    year = m.Str(3);
    if (m.Has(1) && !m.Str(1).empty() && ValidDate(ToInt(m.Str(1)), ToInt(m.Str(2)), ToInt(year))) {
      mention.date = IsoDate(ToInt(m.Str(1)), ToInt(m.Str(2)), ToInt(year));
    }
    end = name_end + m.End();
  }
  std::string dedup = CollapseSpaces(FoldKey(name));
  mention.raw = flat.Raw(src, p, end);
  mention.lines = flat.Span(src, p, end);
  auto it = seen->find(dedup);
  if (it != seen->end()) {
    doc->references[it->second].mentions.push_back(mention);
    return;
  }
  Reference r;
  r.id = "r" + std::to_string(doc->references.size() + 1);
  r.raw = mention.raw;
  r.type_label_vi = "Luật";
  r.style = "law_name";
  r.year = year;
  r.full = name;  // a law cited by name is identified by its name
  r.date = mention.date;
  if (!mention.date.empty()) r.date_variants.push_back(mention.date);
  mention.first = true;
  r.mentions.push_back(mention);
  (*seen)[dedup] = doc->references.size();
  doc->references.push_back(std::move(r));
}

// Laws cited by name as a legal basis ("Căn cứ Luật Tổ chức chính quyền địa phương ngày
// 19 tháng 6 năm 2015"): "Luật" and the next word capitalised, the name running to
// punctuation or to a word that starts the rest of the sentence. Only preamble items
// count (in running text a law's name is a topic more often than a citation); a name
// followed by "số …" is cited by its number and found by the symbol scan instead.
void ExtractLawNames(const Flat& flat, const SourceLines& src, const std::vector<LineUse>& use, Document* doc) {
  std::string_view key = flat.key;
  std::map<std::string, size_t> seen;
  for (size_t p = key.find("luat "); p != std::string::npos; p = key.find("luat ", p + 5)) {
    if (p > 0 && key[p - 1] >= 'a' && key[p - 1] <= 'z') continue;
    if (use[flat.Pos(p).first] != LineUse::kPreamble) continue;
    std::string word = flat.Raw(src, p, p + 4);
    if (word.empty() || word[0] != 'L' || UpperRatio(word) > 0.5) continue;  // "Luật", not "LUẬT"/"luật"
    size_t clause_end = LawClauseEnd(key, p);
    if (InAmendingTitle(key, p)) continue;
    int words = 0;
    size_t name_end = LawNameEnd(flat, src, p, clause_end, AtLegalBasisHead(key, p), &words);
    if (words == 0) continue;
    std::string tail(key.substr(name_end, std::min<size_t>(clause_end - name_end, 24)));
    // (a symbol, not a date: "36/2024/QH15", "10/QH15"; but "ngày 22/6/2015" is a date)
    static const RE2 kSymbolAhead(R"(\d{1,5}\s*/\s*(?:\d{4}\s*/\s*)?[a-z])", ReOptions());
    Match m;
    if (Find(kSymbolAhead, tail, 0, &m)) continue;  // "… số 36/2024/QH15": cited by its number
    AddLawName(flat, src, p, name_end, TrimChars(flat.Value(src, p, name_end), ",;.:"), &seen, doc);
  }
}

// One symbol style: its pattern, its name in the record and its rank when two overlap
// (a lower priority wins).
struct SymbolStyle {
  const RE2& re;
  const char* style;
  int priority;
};

// The hit of |style| matched at |m|; false when the match is not a citation.
bool ReadHit(const Flat& flat, const SourceLines& src, const SymbolStyle& style, const Match& m, Hit* h) {
  std::string_view key = flat.key;
  *h = Hit{m.Start(), m.End(), style.style, m.Str(1), "", "", "", style.priority, "", "", false};
  // "s6.72/2025/QH15": "số" glued to the number; the digits before the dot are its "ố".
  size_t dot = h->number.find('.');
  if (dot != std::string::npos && m.Start() > 0 && key[m.Start() - 1] >= 'a' && key[m.Start() - 1] <= 'z') {
    h->number = h->number.substr(dot + 1);
    h->start = m.Start() + dot + 1;
  }
  std::string s = style.style;
  if (s == "state_qppl") {
    h->year = m.Str(2);
    h->type_key = m.Str(3);
    h->issuer_key = m.Str(4);
    h->type_raw = flat.Raw(src, m.Start(3), m.End(3));
    if (h->type_key.rfind("0h", 0) == 0) {  // RepairLegislature reads the digits after QH
      h->type_key.replace(0, 1, "q");
      h->type_raw.replace(0, 1, "Q");
      h->mended = true;
    }
    if (m.Has(4)) h->issuer_raw = flat.Raw(src, m.Start(4), m.End(4));
    return true;
  }
  if (s == "partial") {
    h->start = m.Start(2);
    h->number = m.Str(2);
    h->number.erase(std::remove(h->number.begin(), h->number.end(), ' '), h->number.end());
    // Not a full symbol ("Chỉ thị 28 của", "Quyết định 13/2016 của").
    size_t after = m.End();
    while (after < key.size() && (key[after] == ' ' || key[after] == '\n')) ++after;
    if (after < key.size() && (key[after] == '/' || key[after] == '-')) return false;
    // "Thông tư 86 11/2026/TT-BTC": the first number is an OCR'd "số".
    return !(after < key.size() && key[after] >= '0' && key[after] <= '9');
  }
  h->type_key = m.Str(2);
  h->issuer_key = m.Str(3);
  h->type_raw = flat.Raw(src, m.Start(2), m.End(2));
  h->issuer_raw = flat.Raw(src, m.Start(3), m.End(3));
  if (s == "party" && h->type_key == "ci") {  // "35-CI/TW": T read as I; no party type CI
    h->type_key = "ct";
    h->type_raw = "CT";
  }
  return !(s == "congvan" && !TypeFromCode(h->type_key).empty());
}

// Every symbol of every style in the flat key; where two overlap, the style of lower
// priority wins. In key order.
std::vector<Hit> FindSymbols(const Flat& flat, const SourceLines& src) {
  // "0h15": a law's QH with its Q read as 0 (ReadHit mends it).
  static const RE2 kQppl(R"((\d{1,5}(?:\.\d{1,3})?)\s*/\s*(\d{4})\s*/\s*([a-z]{1,6}\d{0,3}|0h[0-9ils]{1,3})(?:\s*-\s*([a-z]{1,8}\d{0,3}))?)",
                         ReOptions());
  static const RE2 kParty(
      R"((\d{1,5})\s*-\s*(nq|kh|ct|ci|kl|qd|qp|qb|hd|tb|bc|qc|ctr)\s*/\s*([a-z]{1,10}))", ReOptions());
  static const RE2 kState(
      R"((\d{1,5})\s*/\s*(i?nq|qd|qp|qb|ct|qc|qyd|tc|tb|hd|ctr|kh|pa|da|bc|bb|ttr|cd|bgn|btt|guq|gm|ggt|gnp|pg|pc|pb)\s*-\s*([a-z&]{2,12}))",
      ReOptions());
  static const RE2 kCongVan(R"((\d{1,5})\s*/\s*([a-z]{2,8})\s*-\s*([a-z]{2,8}))", ReOptions());
  static const RE2 kPartial(
      R"((nghi\s+quyet|quyet\s+dinh|chi\s+thi|ket\s+luan|nghi\s+dinh|thong\s+tu)\s+(?:s[a-z0-9]{0,2}\s+)?(\d{1,4}(?:\s*/\s*\d{4})?)\b)",
      ReOptions());
  const SymbolStyle styles[] = {{kQppl, "state_qppl", 0},
                                {kParty, "party", 1},
                                {kState, "state_admin", 2},
                                {kCongVan, "congvan", 3},
                                {kPartial, "partial", 4}};
  std::string_view key = flat.key;
  std::vector<Hit> hits;
  for (const SymbolStyle& style : styles) {
    Match m;
    size_t pos = 0;
    while (Find(style.re, key, pos, &m)) {
      pos = m.End();
      if (m.Start() > 0 && (key[m.Start() - 1] >= '0' && key[m.Start() - 1] <= '9')) continue;
      Hit h;
      if (ReadHit(flat, src, style, m, &h)) hits.push_back(h);
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.priority != b.priority ? a.priority < b.priority : a.start < b.start;
  });
  // The kept hits never overlap, so ordered by start they are ordered by end too: a hit
  // overlaps one of them if and only if it overlaps the last one starting before its end
  // (a lookup, not a scan of every hit kept: a line of 40,000 citations).
  std::map<size_t, Hit> kept;  // by start
  for (const Hit& h : hits) {
    auto after = kept.lower_bound(h.end);
    if (after != kept.begin() && std::prev(after)->second.end > h.start) continue;
    kept.emplace(h.start, h);
  }
  std::vector<Hit> out;
  out.reserve(kept.size());
  for (auto& [start, h] : kept) out.push_back(std::move(h));
  return out;
}

// The symbol of |h| in canonical form.
struct CitedSymbol {
  std::string full, symbol, type_code;
  bool repaired = false;  // a law's legislature read from OCR'd digits
};

CitedSymbol CanonicalCitation(const Hit& h) {
  CitedSymbol c;
  if (h.style == "state_qppl") {
    int year = ToInt(h.year);
    c.repaired = h.mended;
    c.type_code = RepairLegislature(CodeCanonical(h.type_key, h.type_raw), year, &c.repaired);
    c.symbol = c.type_code + (h.issuer_key.empty()
                                  ? ""
                                  : "-" + RepairLegislature(CodeCanonical(h.issuer_key, h.issuer_raw), year, &c.repaired));
    c.full = h.number + "/" + h.year + "/" + c.symbol;
  } else if (h.style == "party") {
    c.type_code = CodeCanonical(h.type_key, h.type_raw);
    c.symbol = c.type_code + "/" + CodeCanonical(h.issuer_key, h.issuer_raw);
    c.full = h.number + "-" + c.symbol;
  } else if (h.style == "state_admin" || h.style == "congvan") {
    c.type_code = h.style == "congvan" ? "" : CodeCanonical(h.type_key, h.type_raw);
    c.symbol = CodeCanonical(h.type_key, h.type_raw) + "-" + CodeCanonical(h.issuer_key, h.issuer_raw);
    c.full = h.number + "/" + c.symbol;
  }
  return c;
}

// The date and the issuer written after the symbol that ends at |end| ("… ngày 10/3/2026
// của Ủy ban nhân dân tỉnh"); |*end| moves past what was read.
void ReadDateAndIssuer(const Flat& flat, const SourceLines& src, size_t* end, Mention* mention, std::string* issuer) {
  // (OCR specks may sit between "ngày" and the date: "ngay oo , | 10/3/2026")
  static const RE2 kDate(
      R"(^[\s,.|]*(?:ng\S{1,2}y[\s:.,"'|]*(?:[a-z]{1,3}[\s:.,|]+)?)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}))", ReOptions());
  static const RE2 kDateLong(R"(^\s*,?\s*n\S{0,2}y\s*(\d{1,2})\s*th\S{1,3}g?\s*(\d{1,2})\s*n\S{1,3}\s*(\d{4}))",
                             ReOptions());
  static const RE2 kIssuer(
      R"(^\s*,?\s*c[a-z?]{1,3}\s+([^,;.()]{2,80}?)(?:\s+v[eo]\b|\s+ban\s+hanh|\s+quy\s+dinh|\s+th\S{1,3}\s+hi\S{1,2}n|\s+ve\s+viec|\s+ph\S{1,2}\s+duy\S{1,2}t|\s+h\S{1,3}ng\s+d\S{1,2}n|\s+s\S{1,2}a\s+d\S{1,2}i|\s*[,;.(]|\n\n|$))",
      ReOptions());
  std::string_view key = flat.key;
  Match m;
  std::string rest(key.substr(*end, 200));
  if (FindAnchored(kDate, rest, &m) || FindAnchored(kDateLong, rest, &m)) {
    int d = ToInt(m.Str(1)), mo = ToInt(m.Str(2)), y = ToInt(m.Str(3));
    if (ValidDate(d, mo, y)) mention->date = IsoDate(d, mo, y);
    *end += m.End();
    rest = key.substr(*end, 200);
  }
  if (FindAnchored(kIssuer, rest, &m)) {
    *issuer = TrimChars(flat.Value(src, *end + m.Start(1), *end + m.End(1)), ":;,.|");
    *end += m.End(1);
  }
}

// Adds the citation |h| as a new reference, or as one more mention of the reference with
// the same symbol (|by_full|: reference index by symbol).
void AddCitation(const Flat& flat, const SourceLines& src, const Hit& h, std::map<std::string, size_t>* by_full,
                 Document* doc) {
  CitedSymbol c = CanonicalCitation(h);
  size_t type_start = h.start;
  std::string type_key = TypeKeyBefore(flat.key, h.start, &type_start);
  if (h.style == "partial") {
    if (type_key.empty()) return;
    c.full = "";
  }
  auto named = TypeNames().find(type_key);
  std::string type_label = named == TypeNames().end() ? TypeFromCode(h.type_key) : named->second;
  Mention mention;
  size_t end = h.end;
  std::string issuer;
  ReadDateAndIssuer(flat, src, &end, &mention, &issuer);
  mention.raw = flat.Raw(src, type_start, end);
  mention.lines = flat.Span(src, type_start, end);
  // The document's own number and date, cited in its appendices ("Kèm theo Nghị quyết số
  // … ngày …"), is not a reference to another document (the same number from another
  // issuer, on another date, is).
  const Header& own = doc->header;
  if (!c.full.empty() && own.number_symbol && own.issued_date && !mention.date.empty() &&
      mention.date == own.issued_date->iso && FoldKey(c.full) == FoldKey(own.number_symbol->full)) {
    return;
  }
  std::string dedup = c.full.empty() ? type_label + " " + h.number : c.full;
  auto it = by_full->find(dedup);
  if (it != by_full->end()) {
    Reference& r = doc->references[it->second];
    if (r.date.empty()) r.date = mention.date;
    if (r.issuer_text.empty()) r.issuer_text = issuer;
    if (r.type_label_vi.empty()) r.type_label_vi = type_label;
    if (!mention.date.empty() &&
        std::find(r.date_variants.begin(), r.date_variants.end(), mention.date) == r.date_variants.end()) {
      r.date_variants.push_back(mention.date);
    }
    r.mentions.push_back(mention);
    return;
  }
  Reference r;
  r.id = "r" + std::to_string(doc->references.size() + 1);
  r.raw = mention.raw;
  r.type_label_vi = type_label;
  r.type_code = c.type_code;
  r.number = h.number;
  r.year = h.year;
  r.symbol = c.symbol;
  r.full = c.full;
  r.style = h.style;
  r.date = mention.date;
  r.issuer_text = issuer;
  mention.first = true;
  r.mentions.push_back(mention);
  if (!mention.date.empty()) r.date_variants.push_back(mention.date);
  if (c.repaired) r.flags.push_back("symbol_repaired");
  (*by_full)[dedup] = doc->references.size();
  doc->references.push_back(std::move(r));
}

void FlagConflictingDates(Document* doc) {
  for (Reference& r : doc->references) {
    if (r.date_variants.size() > 1) {
      r.flags.push_back("conflicting_dates");
      std::string msg = "reference " + r.id + " (" + (r.full.empty() ? r.number : r.full) + "): dates";
      for (const auto& d : r.date_variants) msg += " " + d;
      doc->warnings.push_back(msg);
    }
  }
}

// For each line on which a mention starts, the first reference (by index) with one there.
std::map<int, size_t> FirstReferenceByLine(const Document& doc) {
  std::map<int, size_t> first;
  for (size_t r = 0; r < doc.references.size(); ++r) {
    for (const Mention& mm : doc.references[r].mentions) first.emplace(mm.lines.start, r);  // keeps the first
  }
  return first;
}

// An alias's letters, to list it once: "TT- BLĐTBXH" (wrapped at the dash) is "TT-BLĐTBXH".
std::string AliasLetters(const std::string& alias) {
  std::string k = FoldKey(alias);
  k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
  return k;
}

// Aliases: "(sau đây gọi chung là Nghị quyết số 20/NQ-HĐND)".
void ExtractAliases(const Flat& flat, const SourceLines& src, Document* doc) {
  static const RE2 kAlias(R"(\(\s*sau\s+d\S{1,2}y\s+g\S{1,2}i\s+(chung|tat)\s+[l1]\S\s+([^)]{2,150})\))", ReOptions());
  Match m;
  size_t pos = 0;
  std::optional<std::map<int, size_t>> first_on_line;  // FirstReferenceByLine, at the first alias
  std::unordered_set<std::string> listed;              // letters of the aliases listed so far
  for (const Alias& x : doc->preamble.aliases) listed.insert(AliasLetters(x.alias));
  while (Find(kAlias, flat.key, pos, &m)) {
    pos = m.End();
    size_t best = 0;
    Alias a;
    a.alias = flat.Value(src, m.Start(2), m.End(2));
    a.label_vi = m.Str(1) == "chung" ? "sau đây gọi chung là" : "sau đây gọi tắt là";
    a.lines = flat.Span(src, m.Start(), m.End());
    // The alias names the document cited just before it, on the same lines: the first
    // reference with a mention starting there.
    if (!first_on_line) first_on_line = FirstReferenceByLine(*doc);
    const int last_line = std::min(a.lines.end, flat.Span(src, m.Start(2), m.End(2)).end);
    for (auto it = first_on_line->lower_bound(a.lines.start); it != first_on_line->end() && it->first <= last_line;
         ++it) {
      if (a.reference_id.empty() || it->second < best) {
        best = it->second;
        a.reference_id = doc->references[best].id;
      }
    }
    // An amending text repeats its aliases at each article: list each alias once.
    if (listed.insert(AliasLetters(a.alias)).second) doc->preamble.aliases.push_back(a);
  }
}

void CollectSectionIds(const std::vector<Section>& v, std::unordered_set<std::string_view>* ids) {
  for (const Section& s : v) {
    ids->insert(s.id);
    CollectSectionIds(s.children, ids);
  }
}

// Internal references: "khoản 3, mục II Kế hoạch này".
void ExtractInternalRefs(const Flat& flat, const SourceLines& src, Document* doc) {
  static const RE2 kInternal(
      R"(kho\S{1,2}n\s+(\d{1,2})\s*,?\s*m\S{1,2}c\s+([ivxl1|]{1,5})\s+(?:c\S{1,2}a\s+)?k\S{1,2}\s*ho\S{1,2}ch\s+n\S{1,2}y)",
      ReOptions());
  Match m;
  size_t pos = 0;
  // Every section id, gathered at the first reference: one walk of the tree, however many
  // references point into it.
  std::optional<std::unordered_set<std::string_view>> ids;
  while (Find(kInternal, flat.key, pos, &m)) {
    pos = m.End();
    InternalRef r;
    r.raw = flat.Raw(src, m.Start(), m.End());
    std::string roman = RepairRoman(m.Str(2));
    r.target_id = roman + "." + m.Str(1);
    if (!ids) CollectSectionIds(doc->body, &ids.emplace());
    r.found = ids->count(r.target_id) > 0;
    r.lines = flat.Span(src, m.Start(), m.End());
    doc->internal_refs.push_back(r);
  }
}

// Appendix pointers: "(Có Phụ lục I chi tiết kèm theo)".
void ExtractAppendixRefs(const Flat& flat, const SourceLines& src, Document* doc) {
  static const RE2 kAppRef(R"(\(\s*c\S{0,2}\s+ph\S{1,3}\s*l\S{1,3}c\s+([ivxl1|]{1,5}|\d+)\b[^)]{0,40}\))", ReOptions());
  Match m;
  size_t pos = 0;
  std::optional<std::unordered_set<std::string_view>> numerals;  // the appendices', at the first pointer
  while (Find(kAppRef, flat.key, pos, &m)) {
    pos = m.End();
    AppendixRef r;
    r.raw = flat.Raw(src, m.Start(), m.End());
    std::string roman = RepairRoman(m.Str(1));
    r.appendix = roman.empty() ? m.Str(1) : roman;
    if (!numerals) {
      numerals.emplace();
      for (const Appendix& a : doc->appendices) numerals->insert(a.numeral);
    }
    r.found = numerals->count(r.appendix) > 0;
    r.lines = flat.Span(src, m.Start(), m.End());
    doc->appendix_refs.push_back(r);
  }
}

// Preamble items point at the references mentioned in their text.
void LinkPreambleItems(Document* doc) {
  if (doc->preamble.items.empty()) return;
  // Mentions by the line they start on, (reference, mention) in order: each item looks only
  // at those on its own lines.
  struct At {
    int line;
    size_t ref, mention;
    bool operator<(const At& o) const { return std::tie(line, ref, mention) < std::tie(o.line, o.ref, o.mention); }
  };
  std::vector<At> mentions;
  for (size_t r = 0; r < doc->references.size(); ++r) {
    for (size_t k = 0; k < doc->references[r].mentions.size(); ++k)
      mentions.push_back({doc->references[r].mentions[k].lines.start, r, k});
  }
  std::sort(mentions.begin(), mentions.end());
  for (PreambleItem& item : doc->preamble.items) {
    std::string item_key = CollapseSpaces(FoldKey(item.text.raw));
    std::replace(item_key.begin(), item_key.end(), '\n', ' ');
    auto from = std::lower_bound(mentions.begin(), mentions.end(), At{item.text.lines.start, 0, 0});
    std::vector<At> here;
    for (auto it = from; it != mentions.end() && it->line <= item.text.lines.end; ++it) here.push_back(*it);
    std::sort(here.begin(), here.end(), [](const At& a, const At& b) {
      return std::tie(a.ref, a.mention) < std::tie(b.ref, b.mention);
    });
    for (const At& at : here) {
      const Reference& r = doc->references[at.ref];
      std::string mk = CollapseSpaces(FoldKey(r.mentions[at.mention].raw));
      if (item_key.find(mk) == std::string::npos) continue;
      if (std::find(item.reference_ids.begin(), item.reference_ids.end(), r.id) == item.reference_ids.end())
        item.reference_ids.push_back(r.id);
    }
  }
}

}  // namespace

void ExtractReferences(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document* doc = ctx.doc;
  // One flat key over the document, furniture and the document's own number left out.
  int own_line = doc->header.number_symbol ? doc->header.number_symbol->lines.start : 0;
  Flat flat;
  flat.AddLines(src, 0, src.size(),
                [&](size_t i) { return ctx.use[i] != LineUse::kFurniture && src[i].number != own_line; });
  std::map<std::string, size_t> by_full;
  for (const Hit& h : FindSymbols(flat, src)) AddCitation(flat, src, h, &by_full, doc);
  ExtractLawNames(flat, src, ctx.use, doc);
  FlagConflictingDates(doc);
  ExtractAliases(flat, src, doc);
  ExtractInternalRefs(flat, src, doc);
  ExtractAppendixRefs(flat, src, doc);
  LinkPreambleItems(doc);
}

}  // namespace vanban::internal
