// Preamble: "Căn cứ …" / "Thực hiện …" items up to the enacting formula
// ("… ban hành Kế hoạch …, cụ thể như sau:", "QUYẾT ĐỊNH:").
#include <algorithm>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

// Kind of a preamble piece from its first words; "" when it opens with none of them.
std::string OpenerKind(std::string_view key) {
  // (a smudge may precede: "-- Căn cứ")
  static const RE2 kCanCu(R"(^[\s\-]*c\S{0,2}n\s+c\S{1,3}(?:\s|$))", ReOptions());
  static const RE2 kThucHien(R"(^[\s\-]*th\S{1,3}\s+h\S{1,3}n(?:\s|$))", ReOptions());
  static const RE2 kDeNghi(R"(^\s*(?:theo|x\S{1,2}t)\s+(?:\S{1,3}\s*ngh|t\S{1,2}\s+tr\S{1,2}nh|b\S{1,2}o\s+c\S{1,2}o|k\S{1,2}t\s+qu\S{1,2}))",
                            ReOptions());
  Match m;
  if (FindAnchored(kCanCu, key, &m)) return "can_cu";
  if (FindAnchored(kThucHien, key, &m)) return "thuc_hien";
  if (FindAnchored(kDeNghi, key, &m)) return "theo_de_nghi";
  return "";
}

bool EndsSentence(std::string_view key) {
  std::string t = Trim(key);
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  if (t.empty()) return true;
  char c = t.back();
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

// First line of the body: a Roman/Phần/Chương/Mục/Điều heading, else the first numbered
// item; in an OCR'd source also a heading marker behind specks ("~. Điều 1.", "Chương I a .").
bool IsStructuralStart(const Line& l, bool ocr) {
  if (ocr && OcrHeadingLine(l)) return true;
  static const RE2 kRoman(R"(^\s*[,.]?\s*([ivxl1|]{1,5})\s*\.\s+(\S.*)$)", ReOptions());
  static const RE2 kPart(R"(^\s*(phan|ch\S{1,2}ng|muc)\s+([ivxl]+|\d+)\s*[.:]?\s*(.*)$)", ReOptions());
  static const RE2 kDieu(R"(^\s*[.,]*\s*di\S{0,2}u\s*[\dilt|!]{1,3}[a-z]?\s*[.:])", ReOptions());
  // "iu 1. Miễn …": the first article with its "Đ" lost to OCR.
  static const RE2 kDieuLost(R"(^\s*[a-z]?i\S{0,2}u\s+1\s*[.:]\s+\S)", ReOptions());
  Match m;
  if (FindAnchored(kRoman, l.key, &m)) {
    return !RepairRoman(m.Str(1)).empty() && UpperRatio(l.Raw(m.Start(2))) >= 0.6;
  }
  if (FindAnchored(kPart, l.key, &m)) {
    return m.Str(3).find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos ||
           UpperRatio(l.Raw(m.Start(3))) >= 0.6;
  }
  return FindAnchored(kDieu, l.key, &m) || FindAnchored(kDieuLost, l.key, &m);
}

using KeyRange = std::pair<size_t, size_t>;

// Body start in lines [from, to): the first structural heading or the first item of a
// list ("1.", "a)"), whichever comes first (a preamble never holds numbered items); a
// capitals heading just above that item is a heading whose numeral OCR lost. Without
// headings, the preamble is the leading run of Căn cứ / Thực hiện paragraphs.
size_t FindBodyStart(const Context& ctx, size_t from, size_t to) {
  const SourceLines& src = ctx.src;
  size_t prev_text = to;
  for (size_t i = from; i < to; ++i) {
    if (ctx.use[i] != LineUse::kFree || src[i].blank) continue;
    if (IsStructuralStart(src[i], ctx.doc->source.ocr)) return i;
    if (FirstItemLine(src[i])) return prev_text < to && CapitalsHeadingLine(src[prev_text]) ? prev_text : i;
    prev_text = i;
  }
  static const RE2 kNumbered(R"(^\s*(\d{1,2}\s*[.,:]\s|[a-z]\s*\)|[-+]))", ReOptions());
  for (size_t i = from; i < to; ++i) {
    Match m;
    if (ctx.use[i] != LineUse::kFree || src[i].blank) continue;
    if (FindAnchored(kNumbered, src[i].key, &m)) return i;
  }
  return from;
}

// Enacting formula: the last "<issuing body> <verb> … như sau:" ("Ủy ban nhân dân xã ban
// hành Kế hoạch …", "… kính trình …", "… báo cáo kết quả …", "… đề nghị …"); else the
// legal normative style; else a "QUYẾT ĐỊNH:" line. Its key range, (size, size) if none.
KeyRange FindEnactingFormula(std::string_view key) {
  static const RE2 kEnact(
      R"((?:^|[.;:,]\s+|\n[\s\-]*)((?:uy\s*ban\s*nh\S{1,2}n\s*d\S{1,2}n|ubnd|ch\S{1,2}\s*t\S{1,2}ch|h\S{1,2}i\s*d\S{1,2}ng\s*nh\S{1,2}n\s*d\S{1,2}n|hdnd|b\S{1,2}\s+tr\S{1,3}ng|gi\S{1,2}m\s+d\S{1,2}c|th\S{1,3}ng\s+tr\S{1,2}c|ban\s+ch\S{1,2}\s+d\S{1,2}o|ban\s+th\S{1,3}ng\s+v\S{1,2}|ban\s+ch\S{1,2}p\s+h\S{1,2}nh|chi\s+b\S{1,2}|d\S{1,2}ng\s+\S{1,2}y)[^.;:]{0,220}?(?:ban\s*h\S{1,3}|x\S{1,2}y\s*d\S{1,3}ng|quy\S{1,2}t\s*d\S{1,2}nh|b\S{1,2}o\s*c\S{1,2}o|tr\S{1,2}nh|d\S{1,2}\s*ngh\S{1,2}|y\S{1,2}u\s*c\S{1,2}u|th\S{1,2}ng\s*b\S{1,2}o|h\S{1,3}ng\s*d\S{1,2}n|tri\S{1,2}n\s*khai|giao|ch\S{1,2}\s*d\S{1,2}o|k\S{1,2}t\s*lu\S{1,2}n|th\S{1,2}ng\s*nh\S{1,2}t)[^;]{0,260}?(?:nh\S{1,2}\s*sau|sau\s*d\S{1,2}y|n\S{1,2}i\s*dung\s*sau|c\S{1,2}\s*th\S{1,2})\s*:))",
      ReOptions());
  static const RE2 kEnactLine(
      R"((?:^|\n)\s*((?:quy\S{1,2}t\s*[db]\S{1,2}nh|quy\S{1,2}t\s*ngh\S{1,2}|ngh\S{1,2}\s*quy\S{1,2}t|ch\S{1,2}\s*th\S{1,2})\s*:)[^\n]{0,12}(?:\n|$))",
      ReOptions());
  // Legal normative style: "Chính phủ ban hành Nghị định …." / "Bộ trưởng … ban hành Thông tư …".
  static const RE2 kEnactQppl(
      R"((?:^|\n[\s\-]*|[.;]\s+)((?:ch\S{1,2}nh\s*ph\S{1,2}|qu\S{1,2}c\s*h\S{1,2}i|b\S{1,2}\s+tr\S{1,3}ng[^\n;]{0,80}?|th\S{1,2}ng\s+d\S{1,2}c[^\n;]{0,80}?|ch\S{1,2}\s+t\S{1,2}ch[^\n;]{0,80}?|\S{1,2}y\s+ban[^\n;]{0,80}?|h\S{1,2}i\s+d\S{1,2}ng[^\n;]{0,80}?)\s+ban\s*h\S{1,3}\s+(?:ngh\S{1,2}\s*d\S{1,2}nh|th\S{1,2}ng\s*t\S{1,2}|quy\S{1,2}t\s*d\S{1,2}nh|ngh\S{1,2}\s*quy\S{1,2}t|lu\S{1,2}t|ph\S{1,2}p\s*l\S{1,2}nh)[^;]*?(?:\.(?:\s|$)|:\s*(?:\n|$)|,?\s*$)))",
      ReOptions());
  Match m;
  size_t pos = 0;
  KeyRange best{key.size(), key.size()};
  // The last, shortest clause: "Ngày 10/5, Ban Thường vụ họp nghe báo cáo …. Sau khi nghe …,
  // Ban Thường vụ kết luận như sau:" is enacted by the final clause.
  while (Find(kEnact, key, pos, &m)) {
    best = {m.Start(1), m.End(1)};
    pos = m.Start(1) + 1;
  }
  if (best.first == key.size()) {
    pos = 0;
    while (Find(kEnactQppl, key, pos, &m)) {
      best = {m.Start(1), m.End(1)};
      pos = m.End();
    }
  }
  if (best.first == key.size() && Find(kEnactLine, key, 0, &m)) best = {m.Start(1), m.End(1)};
  while (best.second > best.first && (key[best.second - 1] == '\n' || key[best.second - 1] == ' ')) --best.second;
  return best;
}

// Items: paragraphs of the flat key before |enact_start|, split at blank lines and at
// lines that open a new item ("Căn cứ …", "Thực hiện …", "Theo đề nghị …").
std::vector<KeyRange> PreambleParagraphs(const Flat& flat, const SourceLines& src, size_t enact_start) {
  std::string_view key = flat.key;
  std::vector<KeyRange> paras;
  size_t a = SIZE_MAX, p = 0;
  bool after_authority = false;
  for (size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size() && key[i] != '\n') continue;
    std::string line(key.substr(p, i - p));
    bool blank = Trim(line).empty();
    bool opener = !blank && (!OpenerKind(line).empty() || after_authority);
    // "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …" above the Căn cứ items (Mẫu 1.2): the authority
    // that enacts, an item of its own.
    if (blank && after_authority && a != SIZE_MAX) {
      paras.push_back({a, p > 0 ? p - 1 : p});
      a = SIZE_MAX;
      p = i + 1;
      continue;
    }
    if (!blank) after_authority = false;
    if (!blank && flat.Pos(p).first >= 0) {
      const Line& sl = src[flat.Pos(p).first];
      std::string t = Trim(line);
      size_t words = std::count(t.begin(), t.end(), ' ') + 1;
      after_authority = UpperRatio(sl.Raw(sl.core_begin)) >= 0.85 && words <= 16 && !EndsSentence(t);
      opener = opener || after_authority;
    }
    // A blank line inside a sentence is a page break (or a block of furniture taken
    // out), not the end of the item.
    bool ends_item = blank && a != SIZE_MAX && EndsSentence(key.substr(a, p - a));
    if ((ends_item || opener) && a != SIZE_MAX) {
      paras.push_back({a, p > 0 ? p - 1 : p});
      a = SIZE_MAX;
    }
    if (!blank && a == SIZE_MAX) a = p;
    if (i == key.size() && a != SIZE_MAX) paras.push_back({a, i});
    p = i + 1;
  }
  std::vector<KeyRange> cut;
  for (auto [x, y] : paras) {
    if (x >= enact_start) break;
    cut.push_back({x, std::min(y, enact_start)});
  }
  return cut;
}

// The items of paragraph [a, b); a list under one opener ("Căn cứ A; B; C") splits on
// ';'. |kinds| collects the openers seen ("can_cu,thuc_hien").
void AddPreambleItems(const Flat& flat, const SourceLines& src, size_t a, size_t b, std::string* kinds,
                      Preamble* preamble) {
  std::string_view key = flat.key;
  std::string pk(key.substr(a, b - a));
  std::string kind = OpenerKind(pk);
  if (kind.empty()) {
    const Line& sl = src[flat.Pos(a).first];
    std::string t = Trim(pk);
    bool one_line = t.find('\n') == std::string::npos;
    kind = one_line && UpperRatio(sl.Raw(sl.core_begin)) >= 0.85 && !EndsSentence(t) ? "authority" : "other";
  }
  std::vector<KeyRange> pieces;
  if (kind == "can_cu" || kind == "thuc_hien") {
    size_t s = a;
    for (size_t i = a; i <= b; ++i) {
      if (i < b && key[i] != ';') continue;
      pieces.push_back({s, i});
      s = i + 1;
    }
  } else {
    pieces.push_back({a, b});
  }
  for (auto [x, y] : pieces) {
    while (x < y && (key[x] == ' ' || key[x] == '\n' || key[x] == ',' || key[x] == '.')) ++x;
    while (y > x && (key[y - 1] == ' ' || key[y - 1] == '\n' || key[y - 1] == ',')) --y;
    if (y <= x || key.substr(x, y - x).find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) continue;
    PreambleItem item;
    std::string own = OpenerKind(key.substr(x, y - x));
    item.kind = own.empty() ? kind : own;
    item.text.text = flat.Value(src, x, y);
    item.text.raw = flat.Raw(src, x, y);
    item.text.lines = flat.Span(src, x, y);
    if ((item.kind == "can_cu" || item.kind == "thuc_hien") && kinds->find(item.kind) == std::string::npos) {
      *kinds += (kinds->empty() ? "" : ",") + item.kind;
    }
    preamble->items.push_back(item);
  }
}

}  // namespace

size_t ParsePreamble(Context& ctx) {
  const SourceLines& src = ctx.src;
  const size_t from = ctx.header_end;
  const size_t body = FindBodyStart(ctx, from, ctx.body_end);
  if (body <= from) return body;

  Flat flat;
  for (size_t i = from; i < body; ++i) {
    if (ctx.use[i] != LineUse::kFree) continue;
    flat.Add(src[i], static_cast<int>(i));
    ctx.use[i] = LineUse::kPreamble;
  }
  std::string_view key = flat.key;
  if (Trim(key).empty()) return body;

  Preamble& preamble = ctx.doc->preamble;
  size_t enact_start = key.size();
  KeyRange formula = FindEnactingFormula(key);
  if (formula.first < key.size()) {
    TextValue e;
    e.text = flat.Value(src, formula.first, formula.second);
    e.raw = flat.Raw(src, formula.first, formula.second);
    e.lines = flat.Span(src, formula.first, formula.second);
    preamble.enacting_formula = e;
    enact_start = formula.first;
  }
  std::string kinds;
  for (auto [a, b] : PreambleParagraphs(flat, src, enact_start)) AddPreambleItems(flat, src, a, b, &kinds, &preamble);
  preamble.kind = kinds.find(',') != std::string::npos ? "mixed" : kinds;
  return body;
}

}  // namespace vanban::internal
