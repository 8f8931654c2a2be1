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

// The task record of table row |r|: roles, timeline and product from its final (merged)
// cells.
void FillTableTask(const TableRow& r, int doc_year, Task* task) {
  task->task_text = Cell(r, "task");
  auto role = [&](const char* key, const char* role_name, const char* label) {
    std::string v = Cell(r, key);
    if (v.empty()) return;
    Role ro;
    ro.role = role_name;
    ro.label_vi = label;
    ro.units = SplitUnits(v);
    ro.raw = v;
    ro.lines = r.lines;
    task->roles.push_back(ro);
  };
  role("lead", "lead", "Cơ quan chủ trì");
  role("support", "support", "Cơ quan phối hợp");
  role("executor", "executor", "Cơ quan thực hiện");
  std::string tl = Cell(r, "timeline");
  if (!tl.empty()) {
    Timeline timeline = ClassifyTimeline(FoldKey(tl), tl, doc_year);
    timeline.label_vi = "Lộ trình thực hiện";
    task->timeline = timeline;
  }
  std::string product = Cell(r, "product");
  if (!product.empty()) {
    TextValue p;
    p.text = product;
    p.raw = product;
    p.lines = r.lines;
    task->product = p;
  }
  task->flags = r.flags;
  task->lines = r.lines;
}

// Reads the appendices one line at a time: heads, titles, "(Ban hành kèm theo …)" notes
// and table rows. The state carried from line to line is the appendix, the table and the
// group row being read.
class AppendixReader {
 public:
  explicit AppendixReader(const Context& ctx) : ctx_(ctx), src_(ctx.src), doc_(*ctx.doc) {}

  // Reads line |i|; returns the last line it took (a note may wrap onto the next lines).
  size_t AddLine(size_t i) {
    const Line& l = src_[i];
    if (OpenAppendix(i)) return i;
    if (!cur_) return i;
    cur_->lines.end = l.number;
    if (l.raw.find('\t') == std::string::npos) return AddTextLine(i);
    AddTableLine(l);
    return i;
  }

  // The table rows' tasks, with roles, timeline and product from the final cells.
  std::vector<Task> Tasks() {
    size_t ti = 0;
    for (Appendix& a : doc_.appendices) {
      for (Table& t : a.tables) {
        for (TableRow& r : t.rows) {
          if (r.kind != "task" || ti >= tasks_.size()) continue;
          FillTableTask(r, ctx_.doc_year, &tasks_[ti++]);
        }
      }
    }
    return std::move(tasks_);
  }

 private:
  // A "PHỤ LỤC" head, or an attachment without one ("DANH MỤC … (Ban hành kèm theo …)")
  // that opens with its title, at line |i|: opens an appendix. True when the line was
  // all head.
  bool OpenAppendix(size_t i) {
    const Line& l = src_[i];
    std::string numeral;
    bool head = AppendixHeadAt(ctx_, i, true, &numeral);
    bool titled = !head && (!cur_ || (title_done_ && !table_)) && AttachmentTitleAt(ctx_, i, ctx_.appendix_start);
    if (!head && !titled) return false;
    doc_.appendices.emplace_back();
    cur_ = &doc_.appendices.back();
    cur_->numeral = numeral;
    cur_->id = "PL" + (numeral.empty() ? std::string() : "-" + numeral);
    for (size_t k = 0; k + 1 < doc_.appendices.size(); ++k) {
      if (doc_.appendices[k].id == cur_->id) cur_->id += "-" + std::to_string(doc_.appendices.size());
    }
    cur_->lines = {l.number, l.number};
    table_ = nullptr;
    title_done_ = false;
    group_stt_.clear();
    group_text_.clear();
    last_group_num_ = 0;
    if (!head) {
      cur_->label_vi = "";
      return false;
    }
    // "PHỤ LỤC I: DANH MỤC …": the title may share the line.
    static const RE2 kLabel(R"(^[\s\-]*ph[uy]\s*l[uy]c(?:\s*(?:[ivxl1|]+|\d+)\b)?\s*[:.]?)", ReOptions());
    Match m;
    size_t cut = FindAnchored(kLabel, l.key, &m) ? m.End() : l.core_end;
    cur_->label_vi = TrimChars(l.Value(l.core_begin, cut), ":. ");
    cur_->title = TrimChars(l.Value(cut), ":. ");
    return true;
  }

  // A line without tabs: the "(Ban hành kèm theo …)" note, or the title. Returns the last
  // line it took.
  size_t AddTextLine(size_t i) {
    static const RE2 kAttached(R"(^[\s\-.]*\(\s*(?:ban\s+h\S{1,2}nh\s+)?k\S{1,2}m\s+theo)", ReOptions());
    const Line& l = src_[i];
    Match m;
    if (FindAnchored(kAttached, l.key, &m)) {
      title_done_ = true;
      return ReadAttachedNote(i);
    }
    if (!title_done_ && !table_ && !cur_->title.empty() && UpperRatio(cur_->title) >= 0.8 &&
        UpperRatio(l.Text()) < 0.6) {
      title_done_ = true;  // a capitals title ends where the text starts
    } else if (!title_done_ && !table_) {
      std::string t = l.Text();
      // Lower-case specks after a capitals title ("DANH MUC CAC PHU LUC ae").
      while (UpperRatio(t) >= 0.7 && t.rfind(' ') != std::string::npos) {
        std::string last = t.substr(t.rfind(' ') + 1);
        if (last.size() > 3 || UpperRatio(last) > 0 || last.find_first_of("0123456789") != std::string::npos) break;
        t = Trim(t.substr(0, t.rfind(' ')));
      }
      cur_->title += (cur_->title.empty() ? "" : " ") + t;
    }
    return i;
  }

  // "(Ban hành kèm theo Quyết định số … ngày …)" at line |i|; the note may wrap: it runs to
  // its closing parenthesis. Returns its last line.
  size_t ReadAttachedNote(size_t i) {
    // "ngày /01/2026" (a draft's blank day) and "ngày 29 tháng 4 năm 2026".
    static const RE2 kAttachedDate(
        R"(n\S{0,2}y\s*(\d{0,2})\s*(?:/|th\S{1,3}g?)\s*(\d{0,2})\s*(?:/|n\S{1,3})\s*(\d{4}))", ReOptions());
    size_t last = i;
    while (last + 1 < src_.size() && last < i + 3 && src_[last].key.find(')') == std::string::npos &&
           !src_[last + 1].blank && src_[last + 1].raw.find('\t') == std::string::npos)
      ++last;
    Flat note;
    for (size_t k = i; k <= last; ++k) note.Add(src_[k], static_cast<int>(k));
    TextValue a;
    a.text = note.Value(src_, 0, note.key.size());
    a.raw = src_.JoinRaw(i, last);
    a.lines = {src_[i].number, src_[last].number};
    cur_->attached_to = a;
    cur_->lines.end = src_[last].number;
    Match d;
    if (Find(kAttachedDate, note.key, 0, &d)) {
      DateValue dv;
      dv.raw = note.Raw(src_, d.Start(), d.End());
      int day = ToInt(d.Str(1)), month = ToInt(d.Str(2)), year = ToInt(d.Str(3));
      dv.iso = IsoDate(day, month, year);
      dv.day_blank = day <= 0;
      dv.month_blank = month <= 0;
      dv.lines = a.lines;
      cur_->attached_date = dv;
    }
    return last;
  }

  // A tab-separated line: a header row ("STT", repeated after page breaks), the
  // continuation of the row above, a group row or a task row.
  void AddTableLine(const Line& l) {
    std::vector<std::string> cells = SplitTabs(l.Whole());
    std::string first_key = CollapseSpaces(FoldKey(cells[0]));
    if (first_key == "stt" || first_key == "tt") {
      AddHeaderRow(l, cells);
      return;
    }
    if (!table_) return;
    table_->lines.end = l.number;
    TableRow row;
    row.lines = {l.number, l.number};
    bool html = false;
    for (size_t c = 0; c < cells.size() && c < header_keys_.size(); ++c) {
      std::string v = cells[c];
      if (HasHtml(v)) {
        v = StripHtml(v);
        html = true;
      }
      row.cells.push_back({header_keys_[c], v});
    }
    if (html) {
      row.flags.push_back("html_residue_removed");
      doc_.furniture.push_back({"html_residue", "", row.lines});
    }
    row.stt = cells[0];
    if (Trim(row.stt).empty() && !table_->rows.empty() && ctx_.options.merge_tables) {
      MergeIntoPreviousRow(row, l);
      return;
    }
    after_header_ = false;
    AddRow(std::move(row));
  }

  void AddHeaderRow(const Line& l, const std::vector<std::string>& cells) {
    if (!table_) {
      cur_->tables.emplace_back();
      table_ = &cur_->tables.back();
      table_->lines = {l.number, l.number};
      header_keys_.clear();
      for (const std::string& c : cells) {
        TableColumn col{ColumnKey(c), c};
        table_->columns.push_back(col);
        header_keys_.push_back(col.key);
      }
    } else {
      ++table_->header_repeats;
    }
    after_header_ = true;
    table_->lines.end = l.number;
  }

  // A row (or cell) continued after a page break: join cell by cell.
  void MergeIntoPreviousRow(const TableRow& row, const Line& l) {
    TableRow& prev = table_->rows.back();
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
    if (after_header_) prev.flags.push_back("page_break_inside");
    ++table_->rows_merged;
    after_header_ = false;
    // Keep the task record in step with its row.
    if (!tasks_.empty() && prev.kind == "task") {
      Task& t = tasks_.back();
      t.lines.end = l.number;
      t.flags = prev.flags;
      t.task_text = Cell(prev, "task");
    } else if (prev.kind == "group") {
      group_text_ = Cell(prev, "task");
    }
  }

  // A group row (a numeral with nothing but a title) or a task row.
  void AddRow(TableRow row) {
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
        if (last_group_num_ > 0 && n > last_group_num_ + 1) {
          row.flags.push_back("sequence_gap");
          doc_.warnings.push_back("appendix " + cur_->id + ": group numbering jumps from " +
                                  std::to_string(last_group_num_) + " to " + std::to_string(n));
        }
        last_group_num_ = n;
      }
      group_stt_ = row.stt;
      group_text_ = Cell(row, "task");
      dash_in_group_ = 0;
    } else {
      row.kind = "task";
      Task t;
      t.source = "table";
      t.appendix = cur_->id;
      t.stt = row.stt;
      t.group_stt = group_stt_;
      t.group_text = group_text_;
      t.task_text = Cell(row, "task");
      // "-" rows are numbered within their group so that ids stay unique.
      std::string own = row.stt;
      if (ToInt(CollapseSpaces(FoldKey(row.stt))) <= 0) own = "-" + std::to_string(++dash_in_group_);
      t.section_id = cur_->id + "/" + (group_stt_.empty() ? "" : group_stt_ + "/") + own;
      t.lines = row.lines;
      t.confidence = 0.9;
      t.flags = row.flags;
      tasks_.push_back(std::move(t));
    }
    table_->rows.push_back(std::move(row));
  }

  const Context& ctx_;
  const SourceLines& src_;
  Document& doc_;
  Appendix* cur_ = nullptr;
  Table* table_ = nullptr;
  bool after_header_ = false;  // the last row read was a header row
  std::vector<std::string> header_keys_;
  bool title_done_ = false;
  std::string group_stt_, group_text_;  // the group row the next task rows belong to
  int last_group_num_ = 0;
  int dash_in_group_ = 0;
  std::vector<Task> tasks_;
};

}  // namespace

void ParseAppendices(Context& ctx) {
  AppendixReader reader(ctx);
  for (size_t i = ctx.appendix_start; i < ctx.src.size(); ++i) {
    if (ctx.src[i].blank || ctx.use[i] == LineUse::kFurniture) continue;
    i = reader.AddLine(i);
  }
  for (Task& t : reader.Tasks()) ctx.doc->tasks.push_back(std::move(t));
}

}  // namespace vanban::internal
