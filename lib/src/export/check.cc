// Decree-30 lint: the components NĐ 30/2020/NĐ-CP (art. 8, Phụ lục I) requires of an
// administrative document, checked on the parsed record.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/export.h"

namespace vanban {
namespace {

// Vietnamese alphabet order for point letters a) b) c) d) đ) e) ...
constexpr std::string_view kLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                         "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};

int RomanValue(std::string_view s) {
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : *it == 'L' ? 50 : *it == 'C' ? 100 : 0;
    if (v == 0) return -1;
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

// Ordinal of a section number ("II" -> 2, "3" -> 3, "đ" -> 5); -1 when not a plain number.
int Ordinal(const Section& s) {
  std::string_view n = s.num;
  if (n.empty()) return -1;
  if (std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return n.size() > 4 ? -1 : std::stoi(std::string(n));
  }
  if (s.level == "diem") {
    for (size_t i = 0; i < std::size(kLetters); ++i) {
      if (n == kLetters[i]) return static_cast<int>(i) + 1;
    }
    return -1;
  }
  return RomanValue(n);
}

bool SymbolWellFormed(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.') continue;
    if (c == 0xC4 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x90) {  // Đ
      ++i;
      continue;
    }
    return false;
  }
  return s.find("--") == std::string_view::npos;
}

// Điều are numbered through the whole document, across Chương and Mục (Phụ lục I, V).
void CollectDieu(const std::vector<Section>& sections, std::vector<const Section*>* out) {
  for (const Section& s : sections) {
    if (s.level == "dieu") out->push_back(&s);
    CollectDieu(s.children, out);
  }
}

void CheckDieuSequence(const std::vector<Section>& body, std::vector<Finding>* out) {
  std::vector<const Section*> dieu;
  CollectDieu(body, &dieu);
  int last = 0;
  std::string last_num;
  for (const Section* s : dieu) {
    int v = Ordinal(*s);
    if (v <= 0) continue;
    if (last == 0 && v != 1) {
      out->push_back({s->lines.start, "numbering-gap", "first Điều is numbered " + s->num + ", not 1"});
    } else if (last > 0 && v == last) {
      out->push_back({s->lines.start, "numbering-repeat", "Điều " + s->num + " repeats the number of the previous Điều"});
    } else if (last > 0 && v != last + 1) {
      out->push_back({s->lines.start, "numbering-gap",
                      "Điều " + s->num + " follows Điều " + last_num +
                          (v > last ? " (" + std::to_string(v - last - 1) + " missing)" : " (out of order)")});
    }
    last = v;
    last_num = s->num;
  }
}

void CheckNumbering(const std::vector<Section>& sections, std::vector<Finding>* out) {
  // Siblings of one level must count up by one (Điều: see CheckDieuSequence).
  std::string last_level;
  int last = 0;
  std::string last_id;
  for (const Section& s : sections) {
    int v = s.level == "dieu" ? -1 : Ordinal(s);
    if (v > 0) {
      if (s.level == last_level && last > 0) {
        if (v == last) {
          out->push_back({s.lines.start, "numbering-repeat",
                          "section " + s.id + " repeats number " + s.num + " of " + last_id});
        } else if (v != last + 1) {
          out->push_back({s.lines.start, "numbering-gap",
                          "section " + s.id + " follows " + last_id + (v > last ? " (" + std::to_string(v - last - 1) + " missing)" : " (out of order)")});
        }
      } else if (s.level != last_level && v != 1 && last_level.empty()) {
        out->push_back({s.lines.start, "numbering-gap", "first " + s.level + " is numbered " + s.num + ", not 1"});
      }
      last_level = s.level;
      last = v;
      last_id = s.id;
    }
    CheckNumbering(s.children, out);
  }
}

int Line(const LineSpan& l, int fallback = 1) { return l.empty() ? fallback : l.start; }

// The runs of ASCII digits in |s|.
std::vector<std::string> DigitRuns(std::string_view s) {
  std::vector<std::string> runs;
  for (size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    runs.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return runs;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// The date of issue as a calendar date, and as written: NĐ 30 Phụ lục I, II.4.b wants a
// leading zero for days below 10 and for months 1 and 2 ("ngày 05 tháng 01").
void CheckDate(const DateValue& d, int line, std::vector<Finding>* out) {
  const std::string& iso = d.iso;
  if (iso.size() == 10 && iso.find('?') == std::string::npos) {
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max_day = m >= 1 && m <= 12 ? kDays[m - 1] + (m == 2 && IsLeapYear(y)) : 0;
    if (m < 1 || m > 12 || day < 1 || day > max_day) {
      out->push_back({line, "date-malformed", "date of issue " + iso + " is not a calendar date"});
      return;
    }
  }
  // Only a raw date that reads exactly day, month, year is judged on its zeros.
  std::vector<std::string> runs = DigitRuns(d.raw);
  if (runs.size() != 3 || runs[2].size() != 4) return;
  if (runs[0].size() == 1 && runs[0] != "0") {
    out->push_back({line, "date-malformed", "day " + runs[0] + " is written without its leading zero (0" + runs[0] + ")"});
  }
  if (runs[1].size() == 1 && (runs[1] == "1" || runs[1] == "2")) {
    out->push_back({line, "date-malformed", "month " + runs[1] + " is written without its leading zero (0" + runs[1] + ")"});
  }
}

}  // namespace

std::vector<Finding> CheckDocument(const Document& doc) {
  std::vector<Finding> out;
  if (!doc.administrative) {
    out.push_back({1, "not-administrative", "no national motto, issuer or number/symbol found"});
    return out;
  }
  const Header& h = doc.header;
  int header_line = h.motto.lines.empty() ? 1 : h.motto.lines.start;
  if (!h.motto.present) out.push_back({1, "motto-missing", "national motto \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\" not found"});
  if (!h.issuer || h.issuer->text.empty()) out.push_back({header_line, "issuer-missing", "issuing authority (ô 2) not found"});
  if (!h.number_symbol) {
    out.push_back({header_line, "number-missing", "number and symbol (\"Số: .../...\", ô 3) not found"});
  } else {
    const NumberSymbol& ns = *h.number_symbol;
    int line = Line(ns.lines, header_line);
    if (ns.number.empty()) {
      out.push_back({line, "number-missing", std::string("no number in \"") + ns.raw + "\"" +
                                                  (h.is_draft || h.is_unnumbered ? " (unregistered draft)" : "")});
    } else if (!std::all_of(ns.number.begin(), ns.number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      out.push_back({line, "number-malformed", "number \"" + ns.number + "\" is not all digits"});
    } else if (ns.number.size() == 1 && ns.number != "0") {
      // Phụ lục I, II.3.a: numbers below 10 take a leading zero.
      out.push_back({line, "number-malformed", "number " + ns.number + " is written without its leading zero (0" + ns.number + ")"});
    }
    if (ns.symbol.empty()) {
      out.push_back({line, "symbol-missing", "no symbol (ký hiệu) in \"" + ns.raw + "\""});
    } else if (!SymbolWellFormed(ns.symbol)) {
      out.push_back({line, "symbol-malformed", "symbol \"" + ns.symbol + "\" is not upper-case letters joined by '-'"});
    }
    if (h.doc_type && !h.doc_type->code.empty() && !ns.doc_type_code.empty() && ns.doc_type_code != h.doc_type->code) {
      out.push_back({line, "type-mismatch", "symbol type code " + ns.doc_type_code + " does not match the title " +
                                                h.doc_type->label_vi + " (" + h.doc_type->code + ")"});
    }
  }
  if (!h.issued_date || h.issued_date->iso.empty()) {
    out.push_back({header_line, "date-missing", "date of issue (\"…, ngày … tháng … năm …\", ô 4) not found"});
  } else if (h.issued_date->day_blank || h.issued_date->month_blank ||
             h.issued_date->iso.find('?') != std::string::npos) {
    out.push_back({Line(h.issued_date->lines, header_line), "date-incomplete",
                   "date of issue has blanks: \"" + h.issued_date->raw + "\""});
  } else {
    CheckDate(*h.issued_date, Line(h.issued_date->lines, header_line), &out);
  }
  if (!h.place || h.place->text.empty()) out.push_back({Line(h.issued_date ? h.issued_date->lines : LineSpan{}, header_line), "place-missing", "place name (địa danh) before the date not found"});
  if (!h.doc_type && !h.recipients_to) out.push_back({header_line, "type-missing", "document type title (ô 5a) not found"});
  if (!h.subject || h.subject->text.empty()) out.push_back({header_line, "subject-missing", "subject line (trích yếu, ô 5) not found"});
  CheckNumbering(doc.body, &out);
  CheckDieuSequence(doc.body, &out);
  int end_line = doc.source.line_count > 0 ? doc.source.line_count : 1;
  if (!doc.signature || (doc.signature->position.empty() && doc.signature->authority_lines.empty())) {
    out.push_back({end_line, "signer-missing", "signature block (quyền hạn, chức vụ người ký, ô 7) not found"});
  } else {
    int line = Line(doc.signature->lines, end_line);
    if (doc.signature->position.empty()) out.push_back({line, "signer-position-missing", "position of the signer not found"});
    if (doc.signature->signer_name.empty()) out.push_back({line, "signer-name-missing", "name of the signer not found"});
  }
  if (!doc.recipients || doc.recipients->items.empty()) {
    out.push_back({doc.recipients ? Line(doc.recipients->lines, end_line) : end_line, "recipients-missing",
                   "recipients (\"Nơi nhận:\", ô 9a) not found"});
  } else if (!doc.recipients->archive) {
    out.push_back({Line(doc.recipients->lines, end_line), "archive-copy-missing", "recipients do not list the archive copy (\"Lưu: VT, …\")"});
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return out;
}

}  // namespace vanban
