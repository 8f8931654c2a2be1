// Looking up a task and the units of its roles (for deadline rows and calendar events).
#ifndef VANBAN_EXPORT_TASK_ROLES_H_
#define VANBAN_EXPORT_TASK_ROLES_H_

#include <algorithm>
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

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_TASK_ROLES_H_
