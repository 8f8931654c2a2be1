// Preamble: "Căn cứ …" / "Thực hiện …" items up to the enacting formula
// ("… ban hành Kế hoạch …, cụ thể như sau:", "QUYẾT ĐỊNH:").
#include <algorithm>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

const RE2& CanCuRe() {
  static const RE2 re(R"(^\s*[.,]*\s*c\S{1,2}n\s+c\S{1,3}\b)", ReOptions());
  return re;
}
const RE2& ThucHienRe() {
  static const RE2 re(R"(^\s*[.,]*\s*th\S{1,3}\s+h\S{1,3}n\b)", ReOptions());
  return re;
}

// First line of the body: a Roman/Phần/Chương/Mục/Điều heading, else the first numbered item.
bool IsStructuralStart(const Line& l) {
  static const RE2 kRoman(R"(^\s*[,.]?\s*([ivxl1|]{1,5})\s*\.\s+(\S.*)$)", ReOptions());
  static const RE2 kPart(R"(^\s*(phan|ch\S{1,2}ng|muc)\s+([ivxl]+|\d+)\s*[.:]?\s*(.*)$)", ReOptions());
  static const RE2 kDieu(R"(^\s*[.,]*\s*di\S{1,2}u\s*[\dil|]{1,3}[a-z]?\s*[.:])", ReOptions());
  Match m;
  if (FindAnchored(kRoman, l.key, &m)) {
    return !RepairRoman(m.Str(1)).empty() && UpperRatio(l.Raw(m.Start(2))) >= 0.6;
  }
  if (FindAnchored(kPart, l.key, &m)) {
    return m.Str(3).find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos ||
           UpperRatio(l.Raw(m.Start(3))) >= 0.6;
  }
  return FindAnchored(kDieu, l.key, &m);
}

}  // namespace

void ParsePreamble(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document& doc = *ctx.doc;
  size_t from = ctx.header_end;
  size_t to = ctx.body_end;
  // Body start: first structural heading; else the first numbered line after the preamble.
  size_t body = to;
  for (size_t i = from; i < to; ++i) {
    if (ctx.use[i] != LineUse::kFree || src[i].blank) continue;
    if (IsStructuralStart(src[i])) {
      body = i;
      break;
    }
  }
  if (body == to) {
    // No headings: the preamble is the leading run of Căn cứ / Thực hiện paragraphs.
    static const RE2 kNumbered(R"(^\s*(\d{1,2}\s*[.,:]\s|[a-z]\s*\)|[-+]))", ReOptions());
    for (size_t i = from; i < to; ++i) {
      Match m;
      if (ctx.use[i] != LineUse::kFree || src[i].blank) continue;
      if (FindAnchored(kNumbered, src[i].key, &m)) {
        body = i;
        break;
      }
    }
    if (body == to) body = from;
  }
  ctx.body_start = body;
  if (body <= from) return;

  Flat flat;
  for (size_t i = from; i < body; ++i) {
    if (ctx.use[i] != LineUse::kFree) continue;
    flat.Add(src[i], static_cast<int>(i));
    ctx.use[i] = LineUse::kPreamble;
  }
  const std::string& key = flat.key;
  if (Trim(key).empty()) return;

  // Enacting formula: the last "… (UBND|Ủy ban nhân dân|Chủ tịch) … ban hành|xây dựng … như sau:".
  static const RE2 kEnact(
      R"((?:^|[.;:,]\s+|\n\s*[.,]*\s*)((?:uy\s*ban\s*nh\S{1,2}n\s*d\S{1,2}n|ubnd|chu\s*tich)[^.;:]{0,220}?(?:ban\s*hanh|xay\s*dung|quyet\s*dinh)[^;:]{0,220}?(?:nhu\s*sau|sau\s*day)\s*:))",
      ReOptions());
  static const RE2 kEnactLine(R"((?:^|\n)[\s\-.|]*((?:quyet\s*dinh|quyet\s*nghi|nghi\s*quyet|chi\s*thi)\s*:)[^\n]{0,12}(?:\n|$))",
                              ReOptions());
  size_t enact_start = key.size();
  Match m;
  size_t pos = 0;
  std::pair<size_t, size_t> best{key.size(), key.size()};
  while (Find(kEnact, key, pos, &m)) {
    best = {m.Start(1), m.End(1)};
    pos = m.End();
  }
  // Legal normative style: "Chính phủ ban hành Nghị định …." / "Bộ trưởng … ban hành Thông tư …".
  static const RE2 kEnactQppl(
      R"((?:^|\n|[.;]\s+)((?:ch\S{1,2}nh\s*ph\S{1,2}|b\S{1,2}\s+tr\S{1,3}ng[^\n;]{0,80}?)\s+ban\s*hanh\s+(?:nghi\s*dinh|thong\s*tu|quyet\s*dinh)[^;]{0,220}?(?:\.|,?\s*$)))",
      ReOptions());
  if (best.first == key.size()) {
    pos = 0;
    while (Find(kEnactQppl, key, pos, &m)) {
      best = {m.Start(1), m.End(1)};
      pos = m.End();
    }
  }
  if (best.first == key.size() && Find(kEnactLine, key, 0, &m)) best = {m.Start(1), m.End(1)};
  while (best.second > best.first && (key[best.second - 1] == '\n' || key[best.second - 1] == ' ')) --best.second;
  if (best.first < key.size()) {
    TextValue e;
    e.text = flat.Value(src, best.first, best.second);
    e.raw = flat.Raw(src, best.first, best.second);
    e.lines = flat.Span(src, best.first, best.second);
    doc.preamble.enacting_formula = e;
    enact_start = best.first;
  }

  // Items: paragraphs (blank-line separated) before the formula; "Căn cứ" ones split on ';'.
  std::vector<std::pair<size_t, size_t>> paras;
  {
    // Flat offsets of each line start; blank lines separate paragraphs.
    size_t a = SIZE_MAX, p = 0;
    for (size_t i = 0; i <= key.size(); ++i) {
      if (i < key.size() && key[i] != '\n') continue;
      bool blank = Trim(key.substr(p, i - p)).empty();
      if (!blank && a == SIZE_MAX) a = p;
      if ((blank || i == key.size()) && a != SIZE_MAX) {
        paras.push_back({a, blank ? p : i});
        a = SIZE_MAX;
      }
      p = i + 1;
    }
    // Cut at the enacting formula.
    std::vector<std::pair<size_t, size_t>> cut;
    for (auto [x, y] : paras) {
      if (x >= enact_start) break;
      cut.push_back({x, std::min(y, enact_start)});
    }
    paras = cut;
  }
  std::string kinds;
  for (auto [a, b] : paras) {
    std::string pk = key.substr(a, b - a);
    std::string kind = FindAnchored(CanCuRe(), pk, &m) ? "can_cu" : FindAnchored(ThucHienRe(), pk, &m) ? "thuc_hien" : "other";
    std::vector<std::pair<size_t, size_t>> pieces;
    if (kind == "can_cu") {
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
      item.kind = kind;
      item.text.text = flat.Value(src, x, y);
      item.text.raw = flat.Raw(src, x, y);
      item.text.lines = flat.Span(src, x, y);
      doc.preamble.items.push_back(item);
    }
    if (kind != "other" && kinds.find(kind) == std::string::npos) kinds += (kinds.empty() ? "" : ",") + kind;
  }
  doc.preamble.kind = kinds.find(',') != std::string::npos ? "mixed" : kinds;
}

}  // namespace vanban::internal
