// Which section of the body a source line belongs to (for section_path columns).
#ifndef VANBAN_EXPORT_SECTION_INDEX_H_
#define VANBAN_EXPORT_SECTION_INDEX_H_

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "vanban/document.h"

namespace vanban::internal {

class SectionIndex {
 public:
  explicit SectionIndex(const Document& doc) {
    for (const Section& s : doc.body) Add(s);
    std::stable_sort(starts_.begin(), starts_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  // Id of the innermost section starting at or before |line| within the body; "" outside.
  std::string At(int line) const {
    if (line <= 0 || line > body_end_) return {};
    // The last section starting at or before |line| (of equal starts, the innermost:
    // the sort kept preorder). A search, not a scan: `refs --mentions` asks once a mention.
    auto after = std::upper_bound(starts_.begin(), starts_.end(), line,
                                  [](int l, const auto& s) { return l < s.first; });
    return after == starts_.begin() ? std::string() : std::prev(after)->second;
  }

 private:
  void Add(const Section& s) {
    if (!s.lines.empty()) {
      starts_.emplace_back(s.lines.start, s.id);
      body_end_ = std::max(body_end_, s.lines.end);
    }
    for (const Section& c : s.children) Add(c);
  }
  std::vector<std::pair<int, std::string>> starts_;  // preorder = by start line
  int body_end_ = 0;
};

}  // namespace vanban::internal

#endif  // VANBAN_EXPORT_SECTION_INDEX_H_
