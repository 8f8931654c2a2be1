// Appendices ("PHỤ LỤC I") and their tab-separated tables: header rows repeated after
// page breaks are dropped (counted), rows split across pages are joined (flagged), and
// each task row becomes a Task with lead/support units, timeline and product.
#include <algorithm>

#include "parse/parse_context.h"

namespace vanban::internal {
namespace {

std::vector<std::string> SplitTabs(std::string_view raw) {
  std::vector<std::string> cells;
  std::string cur;
  for (char c : raw) {
    if (c == '\t') {
      cells.push_back(Trim(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  cells.push_back(Trim(cur));
  return cells;
}

std::string ColumnKey(const std::string& label) {
  std::string k = CollapseSpaces(FoldKey(label));
  if (k == "stt" || k == "tt") return "stt";
  if (k.find("chu tri") != std::string::npos) return "lead";
  if (k.find("phoi hop") != std::string::npos) return "support";
  if (k.find("nhiem vu") != std::string::npos || k.find("noi dung") != std::string::npos) return "task";
  if (k.find("lo trinh") != std::string::npos || k.find("thoi gian") != std::string::npos ||
      k.find("thoi han") != std::string::npos || k.find("tien do") != std::string::npos)
    return "timeline";
  if (k.find("san pham") != std::string::npos || k.find("ket qua") != std::string::npos) return "product";
  if (k.find("thuc hien") != std::string::npos) return "executor";
  return "other";
}

bool HasHtml(const std::string& s) { return s.find('<') != std::string::npos && s.find('>') != std::string::npos; }

std::string StripHtml(const std::string& s) {
  std::string out;
  bool tag = false;
  for (char c : s) {
    if (c == '<') tag = true;
    else if (c == '>' && tag) tag = false;
    else if (!tag) out.push_back(c);
  }
  return CollapseSpaces(Trim(out));
}

std::string Cell(const TableRow& r, const std::string& key) {
  for (const auto& [k, v] : r.cells) {
    if (k == key) return v;
  }
  return "";
}

}  // namespace

void ParseAppendices(Context& ctx) {
  const SourceLines& src = ctx.src;
  Document& doc = *ctx.doc;
  static const RE2 kAttached(R"(^[\s\-.]*\(\s*(?:ban\s+h\S{1,2}nh\s+)?k\S{1,2}m\s+theo)", ReOptions());
  // "ngày /01/2026" (a draft's blank day) and "ngày 29 tháng 4 năm 2026".
  static const RE2 kAttachedDate(
      R"(n\S{0,2}y\s*(\d{0,2})\s*(?:/|th\S{1,3}g?)\s*(\d{0,2})\s*(?:/|n\S{1,3})\s*(\d{4}))", ReOptions());
  Appendix* cur = nullptr;
  Table* table = nullptr;
  bool after_header = false;
  std::vector<std::string> header_keys;
  bool title_done = false;
  std::string group_stt, group_text;
  int last_group_num = 0;
  int dash_in_group = 0;
  std::vector<Task> tasks;

  for (size_t i = ctx.appendix_start; i < src.size(); ++i) {
    const Line& l = src[i];
    if (l.blank || ctx.use[i] == LineUse::kFurniture) continue;
    Match m;
    std::string numeral;
    bool head = AppendixHeadAt(ctx, i, true, &numeral);
    // An attachment without "PHỤ LỤC" ("DANH MỤC … (Ban hành kèm theo …)") opens with its title.
    bool titled = !head && (!cur || (title_done && !table)) && AttachmentTitleAt(ctx, i, ctx.appendix_start);
    if (head || titled) {
      doc.appendices.emplace_back();
      cur = &doc.appendices.back();
      cur->numeral = numeral;
      cur->id = "PL" + (numeral.empty() ? std::string() : "-" + numeral);
      for (size_t k = 0; k + 1 < doc.appendices.size(); ++k) {
        if (doc.appendices[k].id == cur->id) cur->id += "-" + std::to_string(doc.appendices.size());
      }
      cur->lines = {l.number, l.number};
      table = nullptr;
      title_done = false;
      group_stt.clear();
      group_text.clear();
      last_group_num = 0;
      if (head) {
        // "PHỤ LỤC I: DANH MỤC …": the title may share the line.
        static const RE2 kLabel(R"(^[\s\-]*ph[uy]\s*l[uy]c(?:\s*(?:[ivxl1|]+|\d+)\b)?\s*[:.]?)", ReOptions());
        size_t cut = FindAnchored(kLabel, l.key, &m) ? m.End() : l.core_end;
        cur->label_vi = TrimChars(l.Value(l.core_begin, cut), ":. ");
        cur->title = TrimChars(l.Value(cut), ":. ");
        continue;
      }
      cur->label_vi = "";
    }
    if (!cur) continue;
    cur->lines.end = l.number;
    bool tabbed = l.raw.find('\t') != std::string::npos;
    if (!tabbed) {
      if (FindAnchored(kAttached, l.key, &m)) {
        // The note may wrap: it runs to its closing parenthesis.
        size_t last = i;
        while (last + 1 < src.size() && last < i + 3 && src[last].key.find(')') == std::string::npos &&
               !src[last + 1].blank && src[last + 1].raw.find('\t') == std::string::npos)
          ++last;
        Flat note;
        for (size_t k = i; k <= last; ++k) note.Add(src[k], static_cast<int>(k));
        TextValue a;
        a.text = note.Value(src, 0, note.key.size());
        a.raw = src.JoinRaw(i, last);
        a.lines = {l.number, src[last].number};
        cur->attached_to = a;
        cur->lines.end = src[last].number;
        Match d;
        if (Find(kAttachedDate, note.key, 0, &d)) {
          DateValue dv;
          dv.raw = note.Raw(src, d.Start(), d.End());
          int day = ToInt(d.Str(1)), month = ToInt(d.Str(2)), year = ToInt(d.Str(3));
          dv.iso = IsoDate(day, month, year);
          dv.day_blank = day <= 0;
          dv.month_blank = month <= 0;
          dv.lines = a.lines;
          cur->attached_date = dv;
        }
        title_done = true;
        i = last;
      } else if (!title_done && !table && !cur->title.empty() && UpperRatio(cur->title) >= 0.8 &&
                 UpperRatio(l.Text()) < 0.6) {
        title_done = true;  // a capitals title ends where the text starts
      } else if (!title_done && !table) {
        std::string t = l.Text();
        // Lower-case specks after a capitals title ("DANH MUC CAC PHU LUC ae").
        while (UpperRatio(t) >= 0.7 && t.rfind(' ') != std::string::npos) {
          std::string last = t.substr(t.rfind(' ') + 1);
          if (last.size() > 3 || UpperRatio(last) > 0 || last.find_first_of("0123456789") != std::string::npos) break;
          t = Trim(t.substr(0, t.rfind(' ')));
        }
        cur->title += (cur->title.empty() ? "" : " ") + t;
      }
      continue;
    }
    std::vector<std::string> cells = SplitTabs(l.Whole());
    std::string first_key = CollapseSpaces(FoldKey(cells[0]));
    if (first_key == "stt" || first_key == "tt") {
      if (!table) {
        cur->tables.emplace_back();
        table = &cur->tables.back();
        table->lines = {l.number, l.number};
        header_keys.clear();
        for (const std::string& c : cells) {
          TableColumn col{ColumnKey(c), c};
          table->columns.push_back(col);
          header_keys.push_back(col.key);
        }
      } else {
        ++table->header_repeats;
      }
      after_header = true;
      table->lines.end = l.number;
      continue;
    }
    if (!table) continue;
    table->lines.end = l.number;
    TableRow row;
    row.lines = {l.number, l.number};
    bool html = false;
    for (size_t c = 0; c < cells.size() && c < header_keys.size(); ++c) {
      std::string v = cells[c];
      if (HasHtml(v)) {
        v = StripHtml(v);
        html = true;
      }
      row.cells.push_back({header_keys[c], v});
    }
    if (html) {
      row.flags.push_back("html_residue_removed");
      doc.furniture.push_back({"html_residue", "", row.lines});
    }
    row.stt = cells[0];
    bool empty_stt = Trim(row.stt).empty();
    if (empty_stt && !table->rows.empty() && ctx.options.merge_tables) {
      // A row (or cell) continued after a page break: join cell by cell.
      TableRow& prev = table->rows.back();
      bool task_empty = Cell(row, "task").empty();
      for (const auto& [k, v] : row.cells) {
        if (v.empty() || k == "stt") continue;
        for (auto& [pk, pv] : prev.cells) {
          if (pk == k) pv = pv.empty() ? v : pv + " " + v;
        }
      }
      prev.lines.end = l.number;
      std::string flag = task_empty ? "cell_split_merged" : "row_continuation_merged";
      if (std::find(prev.flags.begin(), prev.flags.end(), flag) == prev.flags.end()) prev.flags.push_back(flag);
      if (after_header) prev.flags.push_back("page_break_inside");
      ++table->rows_merged;
      after_header = false;
      // Keep the task record in step with its row.
      if (!tasks.empty() && prev.kind == "task") {
        Task& t = tasks.back();
        t.lines.end = l.number;
        t.flags = prev.flags;
        t.task_text = Cell(prev, "task");
      } else if (prev.kind == "group") {
        group_text = Cell(prev, "task");
      }
      continue;
    }
    after_header = false;
    // Group rows: a numeral with nothing but a title.
    bool rest_empty = true;
    for (const auto& [k, v] : row.cells) {
      if (k != "stt" && k != "task" && !v.empty()) rest_empty = false;
    }
    std::string stt_key = CollapseSpaces(FoldKey(row.stt));
    bool roman = !RepairRoman(stt_key).empty() && UpperRatio(row.stt) >= 0.99;
    bool digits = ToInt(stt_key) > 0;
    if (roman || (digits && rest_empty)) {
      row.kind = "group";
      if (digits) {
        int n = ToInt(stt_key);
        if (last_group_num > 0 && n > last_group_num + 1) {
          row.flags.push_back("sequence_gap");
          doc.warnings.push_back("appendix " + cur->id + ": group numbering jumps from " +
                                 std::to_string(last_group_num) + " to " + std::to_string(n));
        }
        last_group_num = n;
      }
      group_stt = row.stt;
      group_text = Cell(row, "task");
      dash_in_group = 0;
    } else {
      row.kind = "task";
      Task t;
      t.source = "table";
      t.appendix = cur->id;
      t.stt = row.stt;
      t.group_stt = group_stt;
      t.group_text = group_text;
      t.task_text = Cell(row, "task");
      // "-" rows are numbered within their group so that ids stay unique.
      std::string own = row.stt;
      if (ToInt(CollapseSpaces(FoldKey(row.stt))) <= 0) own = "-" + std::to_string(++dash_in_group);
      t.section_id = cur->id + "/" + (group_stt.empty() ? "" : group_stt + "/") + own;
      t.lines = row.lines;
      t.confidence = 0.9;
      t.flags = row.flags;
      tasks.push_back(std::move(t));
    }
    table->rows.push_back(std::move(row));
  }
  // Roles, timeline and product from the final (merged) cells.
  size_t ti = 0;
  for (Appendix& a : doc.appendices) {
    for (Table& t : a.tables) {
      for (TableRow& r : t.rows) {
        if (r.kind != "task" || ti >= tasks.size()) continue;
        Task& task = tasks[ti++];
        task.task_text = Cell(r, "task");
        auto role = [&](const char* key, const char* role_name, const char* label) {
          std::string v = Cell(r, key);
          if (v.empty()) return;
          Role ro;
          ro.role = role_name;
          ro.label_vi = label;
          ro.units = SplitUnits(v);
          ro.raw = v;
          ro.lines = r.lines;
          task.roles.push_back(ro);
        };
        role("lead", "lead", "Cơ quan chủ trì");
        role("support", "support", "Cơ quan phối hợp");
        role("executor", "executor", "Cơ quan thực hiện");
        std::string tl = Cell(r, "timeline");
        if (!tl.empty()) {
          Timeline timeline = ClassifyTimeline(FoldKey(tl), tl, ctx.doc_year);
          timeline.label_vi = "Lộ trình thực hiện";
          task.timeline = timeline;
        }
        std::string product = Cell(r, "product");
        if (!product.empty()) {
          TextValue p;
          p.text = product;
          p.raw = product;
          p.lines = r.lines;
          task.product = p;
        }
        task.flags = r.flags;
        task.lines = r.lines;
      }
    }
  }
  for (Task& t : tasks) doc.tasks.push_back(std::move(t));
}

}  // namespace vanban::internal
