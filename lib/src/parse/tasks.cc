// Responsibilities: labelled prose ("Cơ quan chủ trì: …"), unit-headed items in the
// "Tổ chức thực hiện" section ("2. Phòng Văn hóa - Xã hội: …"), and deadlines.
#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

bool FirstCharUpper(const std::string& utf8) {
  if (utf8.empty()) return false;
  size_t len = 1;
  unsigned char c = static_cast<unsigned char>(utf8[0]);
  if (c >= 0xF0) len = 4;
  else if (c >= 0xE0) len = 3;
  else if (c >= 0xC0) len = 2;
  std::string first = utf8.substr(0, len);
  return UpperRatio(first) > 0.99;
}

std::string StripTags(const std::string& s) {
  std::string out;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') in_tag = true;
    else if (c == '>' && in_tag) in_tag = false;
    else if (!in_tag) out.push_back(c);
  }
  return out;
}

const RE2& OrgStartRe() {
  static const RE2 re(
      R"(^\s*(?:phong|van\s+phong|trung\s+t\S{0,2}m|ban|cong\s+an|uy\s+ban|ubnd|hoi|doan|so|vu|cuc|dang\s+uy|cac\s+phong|cac\s+co\s+quan|cac\s+don\s+vi|thu\s+tr\S{2,4}ng|chi\s+cuc|cong\s+chuc|toan\s+the|mat\s+tran|d\S{1,2}\s+ngh\S{1,2})\b)",
      ReOptions());
  return re;
}

// A verb after "các"/"những" is a noun ("các tổ chức chính trị - xã hội", "các hướng
// dẫn"), and so is "tổ chức" before "chính trị", "đoàn thể", "xã hội"; "chính trị" is
// no "chủ trì" (the loose OCR pattern takes both): no boundary between a unit and its task. |start| is the key position of the space before the word.
bool NounUse(std::string_view key, size_t start, size_t end) {
  if (start >= key.size() || key[start] != ' ') return false;  // a clause break, not a word
  std::string_view before = key.substr(0, start);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  size_t space = before.rfind(' ');
  std::string_view prev = space == std::string_view::npos ? before : before.substr(space + 1);
  if (prev == "cac" || prev == "nhung") return true;
  std::string_view word = key.substr(start, end - start);
  while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
  if (word.rfind("chinh ", 0) == 0) return true;  // "chính trị", not "chủ trì"
  if (word.empty() || word.front() != 't') return false;  // only "tổ chức" below
  std::string_view after = key.substr(end);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  for (std::string_view noun_of : {"chinh tri", "doan the", "xa hoi", "hoi "}) {
    if (after.substr(0, noun_of.size()) == noun_of) return true;
  }
  return false;
}

// The first match of the verb pattern |re| from |from| that is used as a verb.
bool FindVerb(const RE2& re, std::string_view key, size_t from, Match* m) {
  while (Find(re, key, from, m)) {
    if (!NounUse(key, m->Start(), m->End())) return true;
    from = m->End();
  }
  return false;
}

}  // namespace

namespace {

// Role of a label text ("co quan chu tri"), "" if it is not one.
std::string MatchLabel(const std::string& label, std::string* label_vi) {
  struct L {
    const char* re;
    const char* role;
    const char* vi;
  };
  static const char* kWho = R"((?:c\S{0,2}\s*quan|d\S{1,2}n\s+v\S{1,2}))";
  static const std::vector<std::pair<std::unique_ptr<RE2>, std::pair<const char*, const char*>>>* kLabels = [] {
    auto* v = new std::vector<std::pair<std::unique_ptr<RE2>, std::pair<const char*, const char*>>>();
    std::string who = kWho;
    const L defs[] = {
        {R"(\s+ch\S{1,3}\s+tr\S{1,2})", "lead", "Cơ quan chủ trì"},
        {R"(\s+ph\S{1,3}\s+h\S{1,3}\s*,\s*th\S{1,4}\s+h\S{1,4})", "support_executor", "Cơ quan phối hợp, thực hiện"},
        {R"(\s+ph\S{1,3}\s+h\S{1,3})", "support", "Cơ quan phối hợp"},
        {R"(\s+th\S{1,4}\s+h\S{1,4})", "executor", "Cơ quan thực hiện"},
    };
    for (const auto& d : defs) {
      v->emplace_back(std::make_unique<RE2>("^" + who + d.re + "$", ReOptions()), std::make_pair(d.role, d.vi));
    }
    v->emplace_back(std::make_unique<RE2>(R"(^th\S{1,3}\s+gian(?:\s+th\S{1,4}\s+h\S{1,4})?$)", ReOptions()),
                  std::make_pair("timeline", "Thời gian thực hiện"));
    v->emplace_back(std::make_unique<RE2>(R"(^(?:lo\s+trinh|tien\s+do|th\S{1,3}\s+h\S{1,2}n)(?:\s+th\S{1,4}\s+h\S{1,4})?$)",
                                        ReOptions()),
                  std::make_pair("timeline", "Thời gian thực hiện"));
    v->emplace_back(std::make_unique<RE2>(R"(^h\S{1,2}nh\s+th\S{1,3}$)", ReOptions()), std::make_pair("form", "Hình thức"));
    v->emplace_back(std::make_unique<RE2>(R"(^s\S{1,2}n\s+ph\S{1,2}m$)", ReOptions()), std::make_pair("product", "Sản phẩm"));
    return v;
  }();
  for (const auto& [re, info] : *kLabels) {
    Match m;
    if (FindAnchored(*re, label, &m)) {
      *label_vi = info.second;
      return info.first;
    }
  }
  return "";
}

}  // namespace

std::string LabelRole(const std::string& key, size_t* value_start, std::string* label_vi) {
  size_t colon = key.find(':');
  if (colon == std::string::npos || colon > 45) return "";
  std::string role = MatchLabel(CollapseSpaces(TrimChars(key.substr(0, colon), "-.*")), label_vi);
  if (!role.empty()) {
    *value_start = colon + 1;
    return role;
  }
  // OCR may put a colon or a dot inside the label ("Cơ quan. chủ: trì: …"): try the text
  // up to the second colon.
  size_t second = key.find(':', colon + 1);
  if (second == std::string::npos || second > 45) return "";
  std::string joined = key.substr(0, second);
  for (char& c : joined) {
    if (c == ':' || c == '.') c = ' ';
  }
  role = MatchLabel(CollapseSpaces(TrimChars(joined, "-.* ")), label_vi);
  if (!role.empty()) *value_start = second + 1;
  return role;
}

Timeline ClassifyTimeline(const std::string& key_in, const std::string& raw, int doc_year) {
  Timeline t;
  t.raw = raw;
  std::string key = CollapseSpaces(key_in);
  static const RE2 kFromYear(R"(n\S{1,2}m\s+(\d{4})\s+v\S\s+c\S{1,2}c\s+n\S{1,2}m\s+ti\S{1,2}p)", ReOptions());
  static const RE2 kContinuous(R"(th\S{1,3}ng\s+xuy\S{0,2}n)", ReOptions());
  static const RE2 kYearly(R"(h\S{1,2}ng\s+n\S{1,2}m|d\S{1,2}nh\s+k\S)", ReOptions());
  static const RE2 kMonths(R"(\b(6|9|3)\s+th\S{1,2}ng\b)", ReOptions());
  static const RE2 kPeriod(R"(n\S{1,2}m\s+(\d{4}))", ReOptions());
  static const RE2 kTerm(R"(theo\s+nhi\S{1,2}m\s+k\S)", ReOptions());
  static const RE2 kAdHoc(R"(d\S{1,2}t\s+xu\S{1,2}t)", ReOptions());
  Match m;
  const std::vector<DeadlinePhrase> deadlines = FindDeadlinePhrases(key);
  if (!deadlines.empty()) {
    const DeadlinePhrase& d = deadlines.front();
    t.kind = "deadline";
    t.deadline = IsoDate(d.day, d.month, d.year > 0 ? d.year : doc_year);
    if (!d.recurrence.empty() || Find(kYearly, key, 0, &m)) t.recurrence = "yearly";
  } else if (Find(kFromYear, key, 0, &m)) {
    t.kind = "from_year";
    t.year = m.Str(1);
  } else if (Find(kContinuous, key, 0, &m)) {
    t.kind = "recurring";
    t.recurrence = "continuous";
  } else if (Find(kYearly, key, 0, &m)) {
    t.kind = "recurring";
    t.recurrence = "yearly";
  } else if (Find(kMonths, key, 0, &m)) {
    t.kind = "recurring";
    t.recurrence = m.Str(1) == "6" ? "half_yearly" : "periodic";
  } else if (Find(kPeriod, key, 0, &m)) {
    t.kind = "period";
    t.year = m.Str(1);
  } else if (Find(kTerm, key, 0, &m)) {
    t.kind = "term";
  } else if (Find(kAdHoc, key, 0, &m)) {
    t.kind = "recurring";
    t.recurrence = "ad_hoc";
  } else {
    t.kind = "unspecified";
  }
  return t;
}

std::vector<std::string> SplitUnits(const std::string& text_in) {
  std::string text = CollapseSpaces(Trim(StripTags(text_in)));
  std::vector<std::string> first;
  // Bulleted cells: "- A (note) - B (note)".
  if (text.rfind("- ", 0) == 0) {
    std::string cur;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text.compare(i, 2, "- ") == 0 && (i == 0 || (i >= 2 && text[i - 2] == ')'))) {
        if (!Trim(cur).empty()) first.push_back(Trim(cur));
        cur.clear();
        ++i;
        continue;
      }
      cur.push_back(text[i]);
    }
    if (!Trim(cur).empty()) first.push_back(Trim(cur));
  } else {
    first.push_back(text);
  }
  std::vector<std::string> out;
  for (const std::string& piece : first) {
    // ';' always separates; ',' only before a capitalised unit name.
    std::string cur;
    auto flush = [&] {
      std::string u = TrimChars(cur, ".;,-");
      // Drop a trailing role note: "Phòng Văn hóa - Xã hội xã (về khen thưởng)".
      if (!u.empty() && u.back() == ')') {
        size_t open = u.rfind('(');
        if (open != std::string::npos && open > 0) u = Trim(u.substr(0, open));
      }
      if (!u.empty()) out.push_back(CanonicalUnitName(u));
      cur.clear();
    };
    int depth = 0;
    for (size_t i = 0; i < piece.size(); ++i) {
      char c = piece[i];
      if (c == '(') ++depth;
      if (c == ')') depth = std::max(0, depth - 1);
      if (depth == 0 && c == ';') {
        flush();
        continue;
      }
      // "Trung tâm … và các đơn vị có liên quan": a second group of units.
      if (depth == 0 && c == ' ' && cur.find(' ') != std::string::npos) {
        std::string ahead = FoldKey(piece.substr(i + 1, 12));
        static const RE2 kAndThe(R"(^v\S\s+c\S{1,2}c\s)", ReOptions());
        Match am;
        if (FindAnchored(kAndThe, ahead, &am)) {
          flush();
          i += std::string_view(piece).substr(i + 1).find(' ') + 1;  // skip "và"
          continue;
        }
      }
      if (depth == 0 && c == ',') {
        std::string rest = Trim(piece.substr(i + 1));
        size_t words = std::count(cur.begin(), cur.end(), ' ');
        // "…, Các thôn" / "…, các thôn": a second list of units.
        std::string rest_key = FoldKey(rest.substr(0, 8));
        bool second_list = rest_key.rfind("cac ", 0) == 0 && words >= 1;
        if ((FirstCharUpper(rest) && words >= 1 && rest.rfind("UBND", 0) != 0) || second_list) {
          flush();
          continue;
        }
      }
      cur.push_back(c);
    }
    flush();
  }
  return out;
}

namespace {

// A task found in running text, with nothing assigned yet.
Task TextTask(const std::string& section_id, const std::string& text, LineSpan lines, double confidence) {
  Task t;
  t.source = "text";
  t.section_id = section_id;
  t.task_text = text;
  t.lines = lines;
  t.confidence = confidence;
  return t;
}

Role MakeRole(const std::string& role, const std::string& label_vi, const std::string& raw, LineSpan lines) {
  Role r;
  r.role = role;
  r.label_vi = label_vi;
  r.raw = raw;
  r.units = SplitUnits(raw);
  r.lines = lines;
  return r;
}

std::string NodeText(const Section& s) {
  if (!s.heading.empty() && !s.text.empty() && s.label.empty()) return s.heading + " " + s.text;
  return s.heading.empty() ? s.text : s.heading;
}

std::string NodeKey(const Section& s) {
  std::string k = FoldKey(NodeText(s));
  k.erase(std::remove(k.begin(), k.end(), '\''), k.end());  // "THU'C" is an OCR'd "THỰC"
  return CollapseSpaces(k);
}

void AddLabelledTask(Context& ctx, const Section& n) {
  Task t = TextTask(n.id, NodeText(n), n.lines, 0.9);
  for (const Section& c : n.children) {
    if (c.label.empty()) continue;
    if (c.label == "lead" || c.label == "support" || c.label == "executor" || c.label == "support_executor") {
      t.roles.push_back(MakeRole(c.label, c.heading, c.text, c.lines));
    } else if (c.label == "timeline") {
      std::string raw = c.text;
      for (const Section& g : c.children) raw += (raw.empty() ? "" : " ") + NodeText(g);
      Timeline tl = ClassifyTimeline(FoldKey(raw), raw, ctx.doc_year);
      tl.label_vi = c.heading;
      t.timeline = tl;
    } else if (c.label == "form" || c.label == "product") {
      TextValue v;
      v.text = c.text;
      v.raw = c.text;
      v.lines = c.lines;
      if (c.label == "form") t.form = v;
      else t.product = v;
    }
  }
  ctx.doc->tasks.push_back(std::move(t));
}

// "2. Phòng Văn hóa - Xã hội" / "4. Phòng Kinh tế: Phối hợp …" / "6. Đề nghị Ủy ban MTTQ …".
bool UnitHeading(const Section& n, std::string* unit, std::string* inline_text, bool* requested) {
  std::string text = NodeText(n);
  // OCR specks glued to the start: ".Phòng Văn hóa".
  text.erase(0, std::min(text.size(), text.find_first_not_of(".,:| ")));  // one erase: a loop is quadratic
  std::string key = CollapseSpaces(FoldKey(text));
  Match m;
  if (!FindAnchored(OrgStartRe(), key, &m)) return false;
  static const RE2 kRequest(R"(^\s*d\S{1,2}\s+ngh\S{1,2}\s+)", ReOptions());
  *requested = FindAnchored(kRequest, key, &m);
  size_t skip = *requested ? m.End() : 0;
  std::vector<uint32_t> cp_off;  // byte offset of each code point of |text|, then its size
  std::string full_key = FoldWithOffsets(text, &cp_off);  // not collapsed: one byte per code point
  auto cp_prefix = [&](size_t key_pos) { return cp_off[std::min(key_pos, cp_off.size() - 1)]; };
  size_t colon = full_key.find(':');
  static const RE2 kDuty(R"(\s(co\s+trach\s+nhi\S{1,2}m|c\S{1,2}\s+trach\s+nhi\S{1,2}m)\b)", ReOptions());
  static const RE2 kVerb(
      R"(\s(tuy\S{1,2}n\s+truy\S{1,2}n|ph\S{1,3}\s+h\S{1,3}p|ch\S{1,2}\s+d\S{1,2}o|theo\s+d\S{1,2}i|th\S{1,3}\s+hi\S{1,2}n|ch\S{1,3}\s+tr\S{1,2}|tham\s+m\S{1,3}|tri\S{1,2}n\s+khai|v\S{1,2}n\s+d\S{1,2}ng|gi\S{1,2}m\s+s\S{1,2}t|h\S{1,3}ng\s+d\S{1,2}n|ki\S{1,2}m\s+tra|t\S{1,2}\s+ch\S{1,3}c|tham\s+gia)\b)",
      ReOptions());
  size_t ks = 0;
  while (ks < full_key.size() && full_key[ks] == ' ') ++ks;
  // Re-find the request prefix on the uncollapsed key.
  if (*requested) {
    Match r;
    if (FindAnchored(kRequest, full_key, &r)) skip = r.End();
  } else {
    skip = ks;
  }
  if (Find(kDuty, full_key, skip, &m)) {
    *unit = Trim(text.substr(cp_prefix(skip), cp_prefix(m.Start(1)) - cp_prefix(skip)));
    *inline_text = "";
    return true;
  }
  if (colon != std::string::npos && colon < 70) {
    *unit = Trim(text.substr(cp_prefix(skip), cp_prefix(colon) - cp_prefix(skip)));
    *inline_text = Trim(text.substr(cp_prefix(colon + 1)));
    return true;
  }
  if (*requested && FindVerb(kVerb, full_key, skip, &m) && n.heading.empty()) {
    *unit = Trim(text.substr(cp_prefix(skip), cp_prefix(m.Start(1)) - cp_prefix(skip)));
    *inline_text = Trim(text.substr(cp_prefix(m.Start(1))));
    return true;
  }
  if (n.text.empty() || !n.heading.empty()) {
    *unit = Trim(text.substr(cp_prefix(skip)));
    *inline_text = "";
    return true;
  }
  return false;
}

void AddUnitTasks(Context& ctx, const Section& n) {
  std::string unit, inline_text;
  bool requested = false;
  if (!UnitHeading(n, &unit, &inline_text, &requested)) return;
  unit = TrimChars(unit, ":.,");
  if (unit.empty()) return;
  Role r;
  r.role = requested ? "requested" : "unit_heading";
  r.label_vi = requested ? "Đề nghị" : "";
  r.units = {CanonicalUnitName(unit)};
  r.raw = unit;
  r.lines = {n.lines.start, n.lines.start};
  auto add = [&](const std::string& text, LineSpan lines, const std::string& id) {
    Task t = TextTask(id, text, lines, 0.7);
    t.roles.push_back(r);
    ctx.doc->tasks.push_back(std::move(t));
  };
  bool any_child = false;
  if (!inline_text.empty()) add(inline_text, n.lines, n.id);
  for (const Section& c : n.children) {
    if (!c.label.empty()) continue;
    std::string text = NodeText(c);
    for (const Section& g : c.children) text += " " + NodeText(g);
    add(CollapseSpaces(text), c.lines, c.id);
    any_child = true;
  }
  if (inline_text.empty() && !any_child && !n.text.empty()) add(n.text, n.lines, n.id);
}

// "Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã hướng dẫn …", "Giao Phòng
// Kinh tế chủ trì …": an item that names its lead (and partners) in its first sentence.
bool AddInlineTask(Context& ctx, const Section& s) {
  if (!s.label.empty() || s.level == "muc" || s.level == "chuong" || s.level == "phan" || s.level == "dieu") return false;
  std::string text = NodeText(s);
  std::vector<uint32_t> cp_off;  // byte offset of each code point of |text|, then its size
  std::string key = FoldWithOffsets(text, &cp_off);  // one byte per code point of |text|
  static const RE2 kLead(
      R"(^\s*(?:giao\s+(?:cho\s+)?)?((?:phong|van\s+phong|trung\s+t\S{0,2}m|ban|cong\s+an|uy\s+ban|ubnd|hoi|doan|so|bo|vu|cuc|tong\s+cuc|vien|d\S{1,2}ng\s+\S{0,2}y|cac\s+phong|cac\s+co\s+quan|cac\s+don\s+vi|chi\s+cuc|mat\s+tran|cong\s+chuc|truong\s+cac)\b[^,;:()]{0,90}?)\s*,?\s+(?:l\S\s+c\S{1,2}\s+quan\s+)?ch\S{1,3}[\s-]+tr\S{1,2}\b)",
      ReOptions());
  Match m;
  bool lead_found = FindAnchored(kLead, key, &m);
  auto cp_slice = [&](size_t a, size_t b) {  // code points [a, b) of |text|, trimmed
    size_t last = cp_off.size() - 1;
    a = std::min(a, last);
    b = std::min(std::max(a, b), last);
    return Trim(std::string_view(text).substr(cp_off[a], cp_off[b] - cp_off[a]));
  };
  static const RE2 kVerb(
      R"(\s(?:tham\s+m\S{1,3}\b|tri\S{1,2}n\s+khai|t\S{1,2}\s+ch\S{1,3}c|h\S{1,3}ng\s+d\S{1,2}n|th\S{1,3}\s+hi\S{1,2}n|x\S{1,2}y\s+d\S{1,3}ng|theo\s+d\S{1,2}i|ki\S{1,2}m\s+tra|tuy\S{1,2}n\s+truy\S{1,2}n|r\S\s+so\S{1,2}t|d\S{1,2}\s+xu\S{1,2}t|b\S{1,2}o\s+c\S{1,2}o|t\S{1,2}ng\s+h\S{1,2}p|gi\S{1,2}m\s+s\S{1,2}t|n\S{1,2}ng\s+c\S{1,2}p|v\S{1,2}n\s+d\S{1,2}ng|qu\S{1,2}n\s+l\S|c\S{1,2}p\s+nh\S{1,2}t|d\S{1,2}\s+ngh\S{1,2}|ho\S{1,2}n\s+th\S{1,2}nh|chu\S{1,2}n\s+b\S{1,2})\b|[;:]|\.(?:\s|$))",
      ReOptions());
  if (!lead_found) {
    // "Phòng Văn hóa - Xã hội tuyên truyền, hướng dẫn …": a unit, then what it is to do
    // (not a report of what was done: "… đã tổ chức …").
    static const RE2 kUnit(
        R"(^\s*((?:phong|van\s+phong|trung\s+t\S{0,2}m|ban|cong\s+an|uy\s+ban|ubnd|so|bo|vu|cuc|chi\s+cuc|dang\s+uy|cac\s+phong|cac\s+co\s+quan|cac\s+don\s+vi|mat\s+tran|cong\s+chuc|truong\s+cac|hoi|doan|(?:cac\s+)?chi\s+bo|(?:cac\s+)?thon|cac\s+xa)\b[^,;:.()]{0,80}?))",
        ReOptions());
    Match u, v;
    if (!FindAnchored(kUnit, key, &u)) return false;
    // The first lower-case verb: "Ban Xây dựng Đảng tham mưu …" (a verb in a name is capitalised).
    size_t from = u.Start(1);
    bool found = false;
    while (FindVerb(kVerb, key, from, &v) && v.Start() <= u.Start(1) + 90) {
      std::string first = cp_slice(v.Start() + 1, v.Start() + 2);
      if (key[v.Start()] == ' ' && UpperRatio(first) == 0) {
        found = true;
        break;
      }
      from = v.End();
    }
    if (!found) return false;
    // The unit runs to the verb without a clause break.
    if (key.substr(u.Start(1), v.Start() - u.Start(1)).find_first_of(",;:(") != std::string::npos) return false;
    // "… đã / đang / chưa / được / sẽ <verb>": a report, not an assignment ("Đảng" is capitalised).
    static const RE2 kDone(R"((?:^|\s)(da|dang|chua|duoc|se)\s*$)", ReOptions());
    Match d;
    std::string before_verb = key.substr(u.Start(1), v.Start() - u.Start(1));
    if (Find(kDone, before_verb, 0, &d)) {
      std::string w = cp_slice(u.Start(1) + d.Start(1), u.Start(1) + d.Start(1) + 1);
      if (UpperRatio(w) == 0) return false;
    }
    Task t = TextTask(s.id, text, s.lines, 0.6);
    t.roles.push_back(MakeRole("executor", "Thực hiện", cp_slice(u.Start(1), v.Start()), {s.lines.start, s.lines.start}));
    ctx.doc->tasks.push_back(std::move(t));
    return true;
  }
  Task t = TextTask(s.id, text, s.lines, 0.7);
  std::string lead_raw = cp_slice(m.Start(1), m.End(1));
  // "Đảng ủy chỉ đạo Ủy ban nhân dân xã chủ trì …": the lead is the one directed.
  static const RE2 kDirects(R"([\s-](?:ch\S{1,2}\s+d\S{1,2}o|giao(?:\s+cho)?|y\S{1,2}u\s+c\S{1,2}u|d\S{1,2}\s+ngh\S{1,2})\s+)", ReOptions());
  Match dm;
  std::string lead_key = key.substr(0, m.End(1));
  if (Find(kDirects, lead_key, m.Start(1), &dm)) lead_raw = cp_slice(dm.End(), m.End(1));
  Role lead = MakeRole("lead", "Chủ trì", lead_raw, {s.lines.start, s.lines.start});
  t.roles.push_back(lead);
  // Partners: after "phối hợp với", up to the verb that starts the task.
  static const RE2 kWith(R"(^\s*,?\s*(?:v\S\s+)?ph\S{1,3}[\s-]+h\S{1,3}p\s+v\S{1,2}i\s+)", ReOptions());
  std::string after = key.substr(m.End());
  Match w;
  if (FindAnchored(kWith, after, &w)) {
    size_t from = m.End() + w.End();
    Match v;
    size_t to = FindVerb(kVerb, key, from, &v) ? v.Start() : std::min(key.size(), from + 80);
    Role sup = MakeRole("support", "Phối hợp", cp_slice(from, to), lead.lines);
    if (!sup.units.empty()) t.roles.push_back(sup);
  }
  ctx.doc->tasks.push_back(std::move(t));
  return true;
}

void Walk(Context& ctx, const Section& s, bool in_org_section) {
  bool labelled = std::any_of(s.children.begin(), s.children.end(), [](const Section& c) {
    return c.label == "lead" || c.label == "executor" || c.label == "support" || c.label == "support_executor" ||
           c.label == "timeline";
  });
  if (labelled && s.label.empty()) {
    AddLabelledTask(ctx, s);
  } else if (in_org_section && (s.level == "khoan" || s.level == "dieu")) {
    size_t before = ctx.doc->tasks.size();
    AddUnitTasks(ctx, s);
    if (ctx.doc->tasks.size() != before) return;
    if (AddInlineTask(ctx, s)) return;
  } else if (AddInlineTask(ctx, s)) {
    return;
  }
  // "TỔ CHỨC THỰC HIỆN", "TRÁCH NHIỆM", "PHÂN CÔNG" (OCR: "T6 CHUC THUC HIEN").
  static const RE2 kOrgSection(
      R"(t\S{1,2}\s+ch\S{1,3}c\s+th\S{1,3}c\s+hi\S{1,2}n|tr\S{1,2}ch\s+nhi\S{1,2}m|ph\S{1,2}n\s+c\S{1,2}ng)", ReOptions());
  Match om;
  bool org = in_org_section ||
             ((s.level == "muc" || s.level == "dieu" || s.level == "chuong") && Find(kOrgSection, NodeKey(s), 0, &om));
  for (const Section& c : s.children) Walk(ctx, c, org && s.level != "khoan");
}

}  // namespace

void ExtractTasks(Context& ctx) {
  for (const Section& s : ctx.doc->body) Walk(ctx, s, false);
}

namespace {

// The owners of the lines from the first a task covers (line numbers count through the
// whole input file: a table from line 1 on made a document of a long file pay for every
// line before it, ~1 M lines and 8 MB a document deep in a 50 MB file).
struct LineOwners {
  int first = 0;
  std::vector<int> owner;  // of line first + i
  int Of(int line) const {
    return line >= first && static_cast<size_t>(line - first) < owner.size() ? owner[line - first] : -1;
  }
};

// For every line, the index of the task whose lines hold it (the smallest span wins, the
// first on a tie), -1 for none. Tasks claim lines smallest span first, each only the
// lines no smaller one took; the next-free jumps keep it linear, where asking every task
// for every deadline was quadratic.
LineOwners TaskOfLine(const std::vector<Task>& tasks) {
  auto claims = [](const LineSpan& s) { return s.start > 0 && s.end >= s.start; };
  LineOwners out;
  int first = 0, last = 0;
  for (const Task& t : tasks) {
    if (!claims(t.lines)) continue;
    first = first == 0 ? t.lines.start : std::min(first, t.lines.start);
    last = std::max(last, t.lines.end);
  }
  if (first == 0) return out;
  out.first = first;
  const size_t n = static_cast<size_t>(last - first) + 1;
  std::vector<int>& owner = out.owner;
  owner.assign(n, -1);
  std::vector<size_t> next(n + 1);  // next[i]: the first line from first + i on not yet claimed
  std::iota(next.begin(), next.end(), size_t{0});
  auto free_from = [&](size_t i) {
    while (next[i] != i) i = next[i] = next[next[i]];
    return i;
  };
  std::vector<size_t> order(tasks.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return tasks[a].lines.end - tasks[a].lines.start < tasks[b].lines.end - tasks[b].lines.start;
  });
  for (size_t t : order) {
    const LineSpan& s = tasks[t].lines;
    if (!claims(s)) continue;
    const size_t end = static_cast<size_t>(s.end - first);
    for (size_t i = free_from(static_cast<size_t>(s.start - first)); i <= end; i = free_from(i)) {
      owner[i] = static_cast<int>(t);
      next[i] = i + 1;
    }
  }
  return out;
}

}  // namespace

void ExtractDeadlines(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document& doc = *ctx.doc;
  Flat flat;
  flat.AddLines(src, ctx.header_end, src.size(), [&](size_t i) { return ctx.use[i] != LineUse::kFurniture; });
  const LineOwners task_of_line = TaskOfLine(doc.tasks);
  Match m;
  size_t pos = 0;
  // "trước ngày 25 hằng tháng": a day of every month.
  static const RE2 kMonthly(
      R"(\bt?r\S{1,3}[ce]\s+ng\S{1,2}y\s*(\d{1,2})\s+h\S{1,2}ng\s+th\S{1,2}ng)", ReOptions());
  while (Find(kMonthly, flat.key, pos, &m)) {
    pos = m.End();
    Deadline d;
    d.id = "d" + std::to_string(doc.deadlines.size() + 1);
    d.text = flat.Value(src, m.Start(), m.End());
    d.recurrence = "monthly";
    d.lines = flat.Span(src, m.Start(), m.End());
    doc.deadlines.push_back(d);
  }
  for (const DeadlinePhrase& p : FindDeadlinePhrases(flat.key)) {
    Deadline d;
    d.id = "d" + std::to_string(doc.deadlines.size() + 1);
    // The phrase: back to the previous separator, so "báo cáo 6 tháng trước ngày 05/6".
    size_t a = p.start;
    size_t lim = a > 45 ? a - 45 : 0;
    while (a > lim && flat.key[a - 1] != ',' && flat.key[a - 1] != '(' && flat.key[a - 1] != ';' &&
           flat.key[a - 1] != '.' && flat.key[a - 1] != ':')
      --a;
    d.text = flat.Value(src, a, p.end);
    d.recurrence = p.recurrence;
    d.year_inferred = p.year < 0;
    d.date = IsoDate(p.day, p.month, p.year > 0 ? p.year : ctx.doc_year);
    d.lines = flat.Span(src, a, p.end);
    const int line = d.lines.start;
    const int best = task_of_line.Of(line);
    if (best >= 0) d.task_id = doc.tasks[best].task_id;
    doc.deadlines.push_back(d);
  }
}

}  // namespace vanban::internal
