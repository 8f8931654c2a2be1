// Character-level alignment of one clean token with its OCR reading, as a sequence
// of substring edits: a clean substring of 0-2 code points read as an OCR
// substring of 0-2 code points ("ố"->"6", "ủa"->"ia", "m"->"rn", "ư"->"").
#ifndef VANBAN_CHANNEL_CHAR_ALIGN_H_
#define VANBAN_CHANNEL_CHAR_ALIGN_H_

#include <functional>
#include <string_view>
#include <vector>

#include "channel/code_points.h"

namespace vanban::internal {

constexpr int kMaxEditSide = 2;  // longest substring on either side of one edit

struct EditOp {
  U32 clean;
  U32 ocr;
  bool operator==(const EditOp&) const = default;
};

// Cost of reading |clean| as |ocr|; +infinity forbids the edit.
using EditCostFn = std::function<double(std::u32string_view clean, std::u32string_view ocr)>;

// True when an edit of these sides is a unit of its own: not empty-to-empty, identity
// only for single characters, and a multi-character edit must not share its first or
// last character with the other side (it would then be two smaller edits).
bool IsElementaryEdit(std::u32string_view clean, std::u32string_view ocr);

// Viterbi alignment under |cost| (elementary edits only). Returns the total cost
// (+infinity if no alignment is allowed) and, if |ops| is given, the edits in order.
double AlignChars(std::u32string_view clean, std::u32string_view ocr, const EditCostFn& cost,
                  std::vector<EditOp>* ops);

// The starting cost before any statistics: identity 0, change of marks only 0.3,
// any other single edit 1, an edit with a two-character side 1.6.
double InitialEditCost(std::u32string_view clean, std::u32string_view ocr);

}  // namespace vanban::internal

#endif  // VANBAN_CHANNEL_CHAR_ALIGN_H_
