// Flat table views of a Document: tasks.csv, references.csv and deadlines (design note §5).
#include <algorithm>
#include <cstdio>
#include <string>

#include "export/section_index.h"
#include "export/task_roles.h"
#include "vanban/export.h"

namespace vanban {
namespace {

// "; " reads as a list in a spreadsheet cell; TableToJson splits on ';' and trims.
std::string Join(const std::vector<std::string>& v, std::string_view sep = "; ") {
  std::string out;
  for (const auto& s : v) {
    if (s.empty()) continue;
    if (!out.empty()) out.append(sep);
    out.append(s);
  }
  return out;
}

std::string Num(int n) { return n > 0 ? std::to_string(n) : std::string(); }

std::string Confidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

std::string Symbol(const Document& doc) {
  return doc.header.number_symbol ? doc.header.number_symbol->full : std::string();
}
std::string IssuedDate(const Document& doc) {
  return doc.header.issued_date ? doc.header.issued_date->iso : std::string();
}

// Appends a date cell and its precision cell ("2025-01", "month").
void AppendDate(std::string_view iso, TableRowValues* row) {
  PartialDate d = SplitPartialDate(iso);
  row->push_back(std::move(d.date));
  row->push_back(std::move(d.precision));
}

bool PageBreakInside(const Document& doc, const LineSpan& span) {
  if (span.empty()) return false;
  return std::any_of(doc.furniture.begin(), doc.furniture.end(), [&](const Furniture& f) {
    return f.kind == "page_break" && !f.lines.empty() && f.lines.start >= span.start &&
           f.lines.start <= span.end;
  });
}

}  // namespace

PartialDate SplitPartialDate(std::string_view iso) {
  // "YYYY-MM-DD" with "??"/"????" for blank parts (DateValue::iso); "--MM-DD" already split.
  if (iso.size() == 7 && iso.substr(0, 2) == "--") return {std::string(iso), "month_day"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return {std::string(iso), iso.empty() ? "" : "day"};
  auto known = [](std::string_view part) { return part.find('?') == std::string_view::npos; };
  const std::string_view y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (!known(y)) {
    // A day and month with the year unknown: ISO 8601's "--MM-DD".
    if (known(m) && known(d)) return {"--" + std::string(iso.substr(5)), "month_day"};
    return {"", ""};
  }
  if (!known(m)) return {std::string(y), "year"};
  if (!known(d)) return {std::string(iso.substr(0, 7)), "month"};
  return {std::string(iso), "day"};
}

std::string DocumentId(const Document& doc) {
  std::string_view p = doc.source.path;
  size_t slash = p.find_last_of("/\\");
  if (slash != std::string_view::npos) p.remove_prefix(slash + 1);
  size_t dot = p.rfind('.');
  if (dot != std::string_view::npos && dot > 0) p = p.substr(0, dot);
  return std::string(p.empty() ? "-" : p);
}

const TableRowValues& TaskColumns() {
  static const TableRowValues kColumns = {
      "doc_id", "doc_symbol", "issued_date", "issued_date_precision", "task_id", "source", "appendix",
      "section_path", "stt", "group_stt", "group_text", "task_text", "timeline_label_vi", "timeline_raw",
      "timeline_kind", "deadline_date", "deadline_date_precision", "other_deadline_dates", "recurrence", "lead_raw", "lead_units",
      "support_raw", "support_units", "executor_raw", "executor_units", "product", "line_start", "line_end",
      "page_break_inside", "confidence", "flags", "unsure_words"};
  return kColumns;
}

std::vector<TableRowValues> TaskRows(const Document& doc) {
  std::vector<TableRowValues> rows;
  const std::string id = DocumentId(doc), symbol = Symbol(doc), date = IssuedDate(doc);
  for (const Task& t : doc.tasks) {
    std::vector<std::string> lead_raw, support_raw, executor_raw;
    for (const Role& r : t.roles) {
      std::string_view column = internal::RoleColumn(r);
      (column == "lead" ? lead_raw : column == "support" ? support_raw : executor_raw).push_back(r.raw);
    }
    const Timeline* tl = t.timeline ? &*t.timeline : nullptr;
    TableRowValues row = {id, symbol};
    AppendDate(date, &row);
    row.insert(row.end(), {t.task_id, t.source, t.appendix, t.section_id, t.stt, t.group_stt, t.group_text,
                           t.task_text, tl ? tl->label_vi : "", tl ? tl->raw : "", tl ? tl->kind : ""});
    // Dates from the document's deadlines (as `vanban deadlines` lists them), not a second
    // reading of the timeline cell: the first here, the others in the next column.
    const std::vector<const Deadline*> deadlines = internal::DatedDeadlinesOf(doc, t.task_id);
    AppendDate(deadlines.empty() ? "" : deadlines.front()->date, &row);
    std::vector<std::string> others;
    for (size_t i = 1; i < deadlines.size(); ++i) others.push_back(SplitPartialDate(deadlines[i]->date).date);
    const std::string recurrence =
        tl && !tl->recurrence.empty() ? tl->recurrence : deadlines.empty() ? "" : deadlines.front()->recurrence;
    row.insert(row.end(), {Join(others), recurrence, Join(lead_raw, " | "), Join(internal::UnitsOf(t, "lead")),
                           Join(support_raw, " | "), Join(internal::UnitsOf(t, "support")),
                           Join(executor_raw, " | "), Join(internal::UnitsOf(t, "executor")),
                           t.product ? t.product->text : "", Num(t.lines.start), Num(t.lines.end),
                           PageBreakInside(doc, t.lines) ? "1" : "0", Confidence(t.confidence), Join(t.flags),
                           Join(internal::UnsureWordsOf(t))});
    rows.push_back(std::move(row));
  }
  return rows;
}

const TableRowValues& ReferenceColumns() {
  static const TableRowValues kColumns = {
      "doc_id", "ref_id", "mention_no", "first_mention", "raw", "type_label_vi", "type_code", "number",
      "year", "symbol", "full_symbol", "style", "ref_date", "ref_date_precision", "ref_date_variants", "issuer_text",
      "issuer_level", "subject", "alias", "section_path", "line_start", "line_end", "char_start",
      "char_end", "confidence", "flags"};
  return kColumns;
}

std::vector<TableRowValues> ReferenceRows(const Document& doc, bool per_mention) {
  std::vector<TableRowValues> rows;
  const std::string id = DocumentId(doc);
  internal::SectionIndex sections(doc);
  for (const Reference& r : doc.references) {
    std::vector<std::string> aliases;
    for (const Alias& a : doc.preamble.aliases) {
      if (a.reference_id == r.id) aliases.push_back(a.alias);
    }
    auto row = [&](int no, bool first, const std::string& raw, const std::string& date, const LineSpan& l) {
      TableRowValues cells = {id,       r.id,      std::to_string(no), first ? "1" : "0", raw, r.type_label_vi,
                              r.type_code, r.number, r.year,            r.symbol,          r.full, r.style};
      AppendDate(date, &cells);
      cells.insert(cells.end(), {Join(r.date_variants), r.issuer_text, "", "", Join(aliases), sections.At(l.start),
                                 Num(l.start), Num(l.end), "", "", "", Join(r.flags)});
      rows.push_back(std::move(cells));
    };
    if (!per_mention || r.mentions.empty()) {
      LineSpan l = r.mentions.empty() ? LineSpan{} : r.mentions.front().lines;
      row(1, true, r.raw, r.date, l);
      continue;
    }
    int no = 0;
    for (const Mention& m : r.mentions) {
      ++no;
      row(no, m.first || no == 1, m.raw.empty() ? r.raw : m.raw, m.date.empty() ? r.date : m.date, m.lines);
    }
  }
  return rows;
}

const TableRowValues& DeadlineColumns() {
  static const TableRowValues kColumns = {"doc_id",        "doc_symbol", "deadline_id",  "date",
                                          "date_precision", "recurrence", "year_inferred", "text",
                                          "task_id",       "task_text",  "lead_units",   "support_units",
                                          "executor_units", "line_start", "line_end"};
  return kColumns;
}

std::vector<TableRowValues> DeadlineRows(const Document& doc) {
  std::vector<TableRowValues> rows;
  const std::string id = DocumentId(doc), symbol = Symbol(doc);
  for (const Deadline& d : doc.deadlines) {
    const Task* t = internal::FindTask(doc, d.task_id);
    std::vector<std::string> none;
    TableRowValues row = {id, symbol, d.id};
    AppendDate(d.date, &row);
    row.insert(row.end(), {d.recurrence, d.year_inferred ? "1" : "0", d.text, d.task_id, t ? t->task_text : "",
                           Join(t ? internal::UnitsOf(*t, "lead") : none),
                           Join(t ? internal::UnitsOf(*t, "support") : none),
                           Join(t ? internal::UnitsOf(*t, "executor") : none), Num(d.lines.start),
                           Num(d.lines.end)});
    rows.push_back(std::move(row));
  }
  return rows;
}

const TableRowValues& HeaderColumns() {
  static const TableRowValues kColumns = [] {
    TableRowValues columns;
    for (const auto& [name, value] : HeaderRow(Document())) {
      columns.push_back(name);
      if (name == "issued_date") columns.push_back("issued_date_precision");
    }
    return columns;
  }();
  return kColumns;
}

TableRowValues HeaderTableRow(const Document& doc) {
  TableRowValues row;
  for (const auto& [name, value] : HeaderRow(doc)) {
    if (name == "issued_date") AppendDate(value, &row);
    else row.push_back(value);
  }
  return row;
}

}  // namespace vanban
