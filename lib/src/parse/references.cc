// Citations of other documents in three symbol styles (state "20/NQ-HĐND", legal
// normative "61/2023/NĐ-CP", party "04-NQ/TU"), plus công văn and number-only mentions;
// aliases, internal cross-references and appendix pointers.
#include <algorithm>
#include <functional>
#include <map>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

struct Hit {
  size_t start, end;   // symbol span in the flat key
  std::string style;
  std::string number, year, type_key, issuer_key;
  int priority;
  std::string type_raw, issuer_raw;  // source spellings of the code groups
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
std::string TypeKeyBefore(const std::string& key, size_t start, size_t* type_start) {
  size_t from = start > 40 ? start - 40 : 0;
  std::string window = key.substr(from, start - from);
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

}  // namespace

void ExtractReferences(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document& doc = *ctx.doc;
  int own_line = doc.header.number_symbol ? doc.header.number_symbol->lines.start : 0;
  Flat flat;
  for (size_t i = 0; i < src.size(); ++i) {
    if (ctx.use[i] == LineUse::kFurniture || src[i].number == own_line) continue;
    flat.Add(src[i], static_cast<int>(i));
  }
  const std::string& key = flat.key;
  static const RE2 kQppl(R"((\d{1,5})\s*/\s*(\d{4})\s*/\s*([a-z]{1,6}\d{0,2})(?:\s*-\s*([a-z]{1,8}\d{0,2}))?)",
                         ReOptions());
  static const RE2 kParty(
      R"((\d{1,5})\s*-\s*(nq|kh|ct|kl|qd|qp|qb|hd|tb|bc|qc|ctr)\s*/\s*([a-z]{1,10}))", ReOptions());
  static const RE2 kState(
      R"((\d{1,5})\s*/\s*(i?nq|qd|qp|qb|ct|qc|qyd|tc|tb|hd|ctr|kh|pa|da|bc|bb|ttr|cd|bgn|btt|guq|gm|ggt|gnp|pg|pc|pb)\s*-\s*([a-z&]{2,12}))",
      ReOptions());
  static const RE2 kCongVan(R"((\d{1,5})\s*/\s*([a-z]{2,8})\s*-\s*([a-z]{2,8}))", ReOptions());
  static const RE2 kPartial(
      R"((nghi\s+quyet|quyet\s+dinh|chi\s+thi|ket\s+luan|nghi\s+dinh|thong\s+tu)\s+(?:s[a-z0-9]{0,2}\s+)?(\d{1,4}(?:\s*/\s*\d{4})?)\b)",
      ReOptions());
  std::vector<Hit> hits;
  auto scan = [&](const RE2& re, const char* style, int priority) {
    Match m;
    size_t pos = 0;
    while (Find(re, key, pos, &m)) {
      pos = m.End();
      if (m.Start() > 0 && (key[m.Start() - 1] >= '0' && key[m.Start() - 1] <= '9')) continue;
      Hit h{m.Start(), m.End(), style, m.Str(1), "", "", "", priority};
      std::string s = style;
      if (s == "state_qppl") {
        h.year = m.Str(2);
        h.type_key = m.Str(3);
        h.issuer_key = m.Str(4);
        h.type_raw = flat.Raw(src, m.Start(3), m.End(3));
        if (m.Has(4)) h.issuer_raw = flat.Raw(src, m.Start(4), m.End(4));
      } else if (s == "partial") {
        h.start = m.Start(2);
        h.number = m.Str(2);
        h.number.erase(std::remove(h.number.begin(), h.number.end(), ' '), h.number.end());
        // Not a full symbol ("Chỉ thị 28 của", "Quyết định 13/2016 của").
        size_t after = m.End();
        while (after < key.size() && (key[after] == ' ' || key[after] == '\n')) ++after;
        if (after < key.size() && (key[after] == '/' || key[after] == '-')) continue;
      } else {
        h.type_key = m.Str(2);
        h.issuer_key = m.Str(3);
        h.type_raw = flat.Raw(src, m.Start(2), m.End(2));
        h.issuer_raw = flat.Raw(src, m.Start(3), m.End(3));
        if (s == "congvan" && !TypeFromCode(h.type_key).empty()) continue;
      }
      hits.push_back(h);
    }
  };
  scan(kQppl, "state_qppl", 0);
  scan(kParty, "party", 1);
  scan(kState, "state_admin", 2);
  scan(kCongVan, "congvan", 3);
  scan(kPartial, "partial", 4);
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.priority != b.priority ? a.priority < b.priority : a.start < b.start;
  });
  std::vector<Hit> kept;
  for (const Hit& h : hits) {
    bool overlap = std::any_of(kept.begin(), kept.end(), [&](const Hit& k) { return h.start < k.end && k.start < h.end; });
    if (!overlap) kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) { return a.start < b.start; });

  static const RE2 kDate(R"(^\s*,?\s*(?:ng\S{1,2}y\s*:?\s*)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}))", ReOptions());
  static const RE2 kDateLong(R"(^\s*,?\s*ng\S{1,2}y\s*(\d{1,2})\s*th\S{1,2}ng\s*(\d{1,2})\s*n\S{1,2}m\s*(\d{4}))",
                             ReOptions());
  static const RE2 kIssuer(
      R"(^\s*,?\s*c[a-z?]{1,3}\s+([^,;.()]{2,80}?)(?:\s+v[eo]\b|\s+ban\s+hanh|\s+quy\s+dinh|\s+th\S{1,3}\s+hi\S{1,2}n|\s+ve\s+viec|\s*[,;.(]|\n\n|$))",
      ReOptions());
  std::map<std::string, size_t> by_full;
  for (const Hit& h : kept) {
    std::string full, symbol, type_code;
    if (h.style == "state_qppl") {
      type_code = CodeCanonical(h.type_key, h.type_raw);
      symbol = type_code + (h.issuer_key.empty() ? "" : "-" + CodeCanonical(h.issuer_key, h.issuer_raw));
      full = h.number + "/" + h.year + "/" + symbol;
    } else if (h.style == "party") {
      type_code = CodeCanonical(h.type_key, h.type_raw);
      symbol = type_code + "/" + CodeCanonical(h.issuer_key, h.issuer_raw);
      full = h.number + "-" + symbol;
    } else if (h.style == "state_admin" || h.style == "congvan") {
      type_code = h.style == "congvan" ? "" : CodeCanonical(h.type_key, h.type_raw);
      symbol = CodeCanonical(h.type_key, h.type_raw) + "-" + CodeCanonical(h.issuer_key, h.issuer_raw);
      full = h.number + "/" + symbol;
    }
    size_t type_start = h.start;
    std::string type_key = TypeKeyBefore(key, h.start, &type_start);
    if (h.style == "partial") {
      size_t tmp = 0;
      std::string k2 = TypeKeyBefore(key, h.start, &tmp);
      type_key = k2;
      type_start = tmp;
      if (type_key.empty()) continue;
      full = "";
    }
    auto named = TypeNames().find(type_key);
    std::string type_label = named == TypeNames().end() ? TypeFromCode(h.type_key) : named->second;
    // Date and issuer after the symbol.
    Mention mention;
    size_t end = h.end;
    Match m;
    std::string rest = key.substr(end, 200);
    if (FindAnchored(kDate, rest, &m) || FindAnchored(kDateLong, rest, &m)) {
      int d = ToInt(m.Str(1)), mo = ToInt(m.Str(2)), y = ToInt(m.Str(3));
      if (ValidDate(d, mo, y)) mention.date = IsoDate(d, mo, y);
      end += m.End();
      rest = key.substr(end, 200);
    }
    std::string issuer;
    if (FindAnchored(kIssuer, rest, &m)) {
      issuer = flat.Value(src, end + m.Start(1), end + m.End(1));
      end += m.End(1);
    }
    mention.raw = flat.Raw(src, type_start, end);
    mention.lines = flat.Span(src, type_start, end);
    std::string dedup = full.empty() ? type_label + " " + h.number : full;
    auto it = by_full.find(dedup);
    if (it == by_full.end()) {
      Reference r;
      r.id = "r" + std::to_string(doc.references.size() + 1);
      r.raw = mention.raw;
      r.type_label_vi = type_label;
      r.type_code = type_code;
      r.number = h.number;
      r.year = h.year;
      r.symbol = symbol;
      r.full = full;
      r.style = h.style;
      r.date = mention.date;
      r.issuer_text = issuer;
      mention.first = true;
      r.mentions.push_back(mention);
      if (!mention.date.empty()) r.date_variants.push_back(mention.date);
      by_full[dedup] = doc.references.size();
      doc.references.push_back(std::move(r));
    } else {
      Reference& r = doc.references[it->second];
      if (r.date.empty()) r.date = mention.date;
      if (r.issuer_text.empty()) r.issuer_text = issuer;
      if (r.type_label_vi.empty()) r.type_label_vi = type_label;
      if (!mention.date.empty() &&
          std::find(r.date_variants.begin(), r.date_variants.end(), mention.date) == r.date_variants.end()) {
        r.date_variants.push_back(mention.date);
      }
      r.mentions.push_back(mention);
    }
  }
  for (Reference& r : doc.references) {
    if (r.date_variants.size() > 1) {
      r.flags.push_back("conflicting_dates");
      std::string msg = "reference " + r.id + " (" + (r.full.empty() ? r.number : r.full) + "): dates";
      for (const auto& d : r.date_variants) msg += " " + d;
      doc.warnings.push_back(msg);
    }
  }

  // Aliases: "(sau đây gọi chung là Nghị quyết số 20/NQ-HĐND)".
  static const RE2 kAlias(R"(\(\s*sau\s+d\S{1,2}y\s+g\S{1,2}i\s+(chung|tat)\s+l\S\s+([^)]{2,150})\))", ReOptions());
  Match m;
  size_t pos = 0;
  while (Find(kAlias, key, pos, &m)) {
    pos = m.End();
    Alias a;
    a.alias = flat.Value(src, m.Start(2), m.End(2));
    a.label_vi = m.Str(1) == "chung" ? "sau đây gọi chung là" : "sau đây gọi tắt là";
    a.lines = flat.Span(src, m.Start(), m.End());
    for (const Reference& r : doc.references) {
      for (const Mention& mm : r.mentions) {
        if (mm.lines.start >= a.lines.start && mm.lines.start <= a.lines.end) {
          std::string mk = FoldKey(mm.raw);
          if (a.reference_id.empty() && flat.Span(src, m.Start(2), m.End(2)).end >= mm.lines.start) {
            a.reference_id = r.id;
          }
          (void)mk;
        }
      }
    }
    doc.preamble.aliases.push_back(a);
  }

  // Internal references: "khoản 3, mục II Kế hoạch này".
  static const RE2 kInternal(
      R"(kho\S{1,2}n\s+(\d{1,2})\s*,?\s*m\S{1,2}c\s+([ivxl1|]{1,5})\s+(?:c\S{1,2}a\s+)?k\S{1,2}\s*ho\S{1,2}ch\s+n\S{1,2}y)",
      ReOptions());
  pos = 0;
  std::function<bool(const std::vector<Section>&, const std::string&)> has_id = [&](const std::vector<Section>& v,
                                                                                      const std::string& id) {
    for (const Section& s : v) {
      if (s.id == id || has_id(s.children, id)) return true;
    }
    return false;
  };
  while (Find(kInternal, key, pos, &m)) {
    pos = m.End();
    InternalRef r;
    r.raw = flat.Raw(src, m.Start(), m.End());
    std::string roman = RepairRoman(m.Str(2));
    r.target_id = roman + "." + m.Str(1);
    r.found = has_id(doc.body, r.target_id);
    r.lines = flat.Span(src, m.Start(), m.End());
    doc.internal_refs.push_back(r);
  }
  // Appendix pointers: "(Có Phụ lục I chi tiết kèm theo)".
  static const RE2 kAppRef(R"(\(\s*c\S{0,2}\s+ph\S{1,3}\s*l\S{1,3}c\s+([ivxl1|]{1,5}|\d+)\b[^)]{0,40}\))", ReOptions());
  pos = 0;
  while (Find(kAppRef, key, pos, &m)) {
    pos = m.End();
    AppendixRef r;
    r.raw = flat.Raw(src, m.Start(), m.End());
    std::string roman = RepairRoman(m.Str(1));
    r.appendix = roman.empty() ? m.Str(1) : roman;
    r.found = std::any_of(doc.appendices.begin(), doc.appendices.end(),
                          [&](const Appendix& a) { return a.numeral == r.appendix; });
    r.lines = flat.Span(src, m.Start(), m.End());
    doc.appendix_refs.push_back(r);
  }
  // Preamble items point at the references mentioned in their text.
  for (PreambleItem& item : doc.preamble.items) {
    std::string item_key = CollapseSpaces(FoldKey(item.text.raw));
    std::replace(item_key.begin(), item_key.end(), '\n', ' ');
    for (const Reference& r : doc.references) {
      for (const Mention& mm : r.mentions) {
        std::string mk = CollapseSpaces(FoldKey(mm.raw));
        if (mm.lines.start < item.text.lines.start || mm.lines.start > item.text.lines.end) continue;
        if (item_key.find(mk) == std::string::npos) continue;
        if (std::find(item.reference_ids.begin(), item.reference_ids.end(), r.id) == item.reference_ids.end())
          item.reference_ids.push_back(r.id);
      }
    }
  }
}

}  // namespace vanban::internal
