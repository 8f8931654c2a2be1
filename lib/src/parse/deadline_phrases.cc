// Dated deadline phrases ("trước ngày 05/6 hằng năm", "chậm nhất ngày 30/5/2026"): one
// reader for a task's "Thời gian thực hiện" and for the document's list of deadlines, so
// `vanban tasks` and `vanban deadlines` agree on every date.
#include "parse/parse_context.h"

namespace vanban::internal {

std::vector<DeadlinePhrase> FindDeadlinePhrases(std::string_view key) {
  // OCR: "trude", "rwdc", "trwde" for "trước".
  static const RE2 kDeadline(
      R"((?:\bt?r\S{1,3}[ce]|\bch\S{1,2}m\s+nh\S{1,2}t)\s+(?:ng\S{1,2}y\s*)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?)",
      ReOptions());
  static const RE2 kYearly(R"(h\S{1,2}ng\s+n\S{1,2}m)", ReOptions());
  std::vector<DeadlinePhrase> out;
  Match m;
  size_t pos = 0;
  while (Find(kDeadline, key, pos, &m)) {
    pos = m.End();
    DeadlinePhrase p;
    p.start = m.Start();
    p.end = m.End();
    p.day = ToInt(m.Str(1));
    p.month = ToInt(m.Str(2));
    p.year = m.Str(3).empty() ? -1 : ToInt(m.Str(3));
    if (!ValidDate(p.day, p.month, p.year > 0 ? p.year : 2000)) continue;
    // Recurrence: "hằng năm" before the end of the clause or parenthesis.
    size_t stop = key.find_first_of(").;", p.end);
    if (stop == std::string_view::npos || stop > p.end + 80) stop = std::min(key.size(), p.end + 80);
    Match y;
    if (Find(kYearly, key.substr(p.end, stop - p.end), 0, &y)) p.recurrence = "yearly";
    out.push_back(p);
  }
  return out;
}

}  // namespace vanban::internal
