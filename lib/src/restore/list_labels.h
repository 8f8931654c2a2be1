// List labels run a) b) c) d) đ) e) g) h) i) k) ...: a label at the start of a line
// usually follows the previous one, which settles "d)" versus "đ)" where the text
// around it cannot.
#ifndef VANBAN_RESTORE_LIST_LABELS_H_
#define VANBAN_RESTORE_LIST_LABELS_H_

#include <iterator>
#include <string_view>

namespace vanban::internal {

inline constexpr std::string_view kListLabels[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                   "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};

// Position of a lower-case label letter in the sequence (1-based), 0 if none.
inline int ListLabelIndex(std::string_view letter) {
  for (size_t i = 0; i < std::size(kListLabels); ++i) {
    if (kListLabels[i] == letter) return static_cast<int>(i + 1);
  }
  return 0;
}

// The label at a 1-based position, or empty.
inline std::string_view ListLabelAt(int index) {
  return index >= 1 && index <= static_cast<int>(std::size(kListLabels)) ? kListLabels[index - 1]
                                                                         : std::string_view();
}

}  // namespace vanban::internal

#endif  // VANBAN_RESTORE_LIST_LABELS_H_
