// Looking up a task, the units of its roles and its unsure words (for task and deadline
// rows and calendar events).
#ifndef VANBAN_EXPORT_TASK_ROLES_H_
#define VANBAN_EXPORT_TASK_ROLES_H_

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/document.h"

namespace vanban::internal {

inline const Task* FindTask(const Document& doc, std::string_view task_id) {
  if (task_id.empty()) return nullptr;
  for (const Task& t : doc.tasks) {
    if (t.task_id == task_id) return &t;
  }
  return nullptr;
}

// The dated deadlines of task |task_id|, in the order of the text: the one model of a
// task's dates, shared by the tasks table, the deadlines table and the calendar.
inline std::vector<const Deadline*> DatedDeadlinesOf(const Document& doc, std::string_view task_id) {
  std::vector<const Deadline*> out;
  for (const Deadline& d : doc.deadlines) {
    if (!task_id.empty() && d.task_id == task_id && !d.date.empty()) out.push_back(&d);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Deadline* a, const Deadline* b) { return a->lines.start < b->lines.start; });
  return out;
}

// Which column of tasks.csv a role fills: "lead", "support" or "executor" (everything
// else: executor, support_executor, requested, unit_heading).
inline std::string_view RoleColumn(const Role& r) {
  if (r.role == "lead") return "lead";
  if (r.role == "support") return "support";
  return "executor";
}

// Units of |t| in role column |column|, in order.
inline std::vector<std::string> UnitsOf(const Task& t, std::string_view column) {
  std::vector<std::string> out;
  for (const Role& r : t.roles) {
    if (RoleColumn(r) != column) continue;
    for (const auto& u : r.units) {
      if (!u.empty()) out.push_back(u);
    }
  }
  return out;
}

// The unsure words of |t|'s title and of its units, each as "NGHỈ (0.62, NGHỊ)": the
// word, its confidence and the best alternative reading.
inline std::vector<std::string> UnsureWordsOf(const Task& t) {
  std::vector<std::string> out;
  auto add = [&out](const UnsureWord& w) {
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", w.confidence);
    out.push_back(w.word + " (" + confidence + (w.alternatives.empty() ? "" : ", " + w.alternatives.front()) + ")");
  };
  for (const UnsureWord& w : t.unsure_words) add(w);
  for (const Role& r : t.roles) {
    for (const UnitUnsureWord& w : r.unsure_words) add(w);
  }
  return out;
}

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_TASK_ROLES_H_
