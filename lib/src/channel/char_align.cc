#include "channel/char_align.h"

#include <algorithm>
#include <limits>

namespace vanban::internal {

bool IsElementaryEdit(std::u32string_view clean, std::u32string_view ocr) {
  if (clean.empty() && ocr.empty()) return false;
  if (clean.size() > kMaxEditSide || ocr.size() > kMaxEditSide) return false;
  if (clean.size() <= 1 && ocr.size() <= 1) return true;
  if (clean.empty() || ocr.empty()) return true;  // two characters dropped or inserted
  return clean.front() != ocr.front() && clean.back() != ocr.back();
}

double InitialEditCost(std::u32string_view clean, std::u32string_view ocr) {
  if (clean == ocr) return 0.0;
  if (clean.size() == 1 && ocr.size() == 1)
    return FoldChar(clean[0]) == FoldChar(ocr[0]) ? 0.3 : 1.0;
  if (clean.size() <= 1 && ocr.size() <= 1) return 1.0;
  // A marked letter read as its base letter plus a stray glyph (the horn of ư as r in
  // "thurc", the dot of ạ as a period) is one event, cheaper than a change of marks
  // and an insertion apart: else the first alignment splits it and the insertion,
  // which has no context, takes the counts in every later one.
  if (clean.size() == 1 && ocr.size() == 2 && clean[0] != FoldChar(clean[0]) && FoldChar(clean[0]) == ocr[0])
    return 1.2;
  return 1.6;
}

double AlignChars(std::u32string_view clean, std::u32string_view ocr, const EditCostFn& cost,
                  std::vector<EditOp>* ops) {
  const size_t n = clean.size(), m = ocr.size();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> best((n + 1) * (m + 1), kInf);
  std::vector<uint8_t> from((n + 1) * (m + 1), 0);  // (a << 2) | b of the last edit
  auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  best[0] = 0.0;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      double here = best[at(i, j)];
      for (size_t a = 0; a <= kMaxEditSide && a <= i; ++a) {
        for (size_t b = 0; b <= kMaxEditSide && b <= j; ++b) {
          if (a == 0 && b == 0) continue;
          double prev = best[at(i - a, j - b)];
          if (prev == kInf) continue;
          std::u32string_view cs = clean.substr(i - a, a), os = ocr.substr(j - b, b);
          if (!IsElementaryEdit(cs, os)) continue;
          double c = prev + cost(cs, os);
          if (c < here) {
            here = c;
            from[at(i, j)] = static_cast<uint8_t>((a << 2) | b);
          }
        }
      }
      best[at(i, j)] = here;
    }
  }
  double total = best[at(n, m)];
  if (ops != nullptr) {
    ops->clear();
    if (total == kInf) return total;
    size_t i = n, j = m;
    while (i > 0 || j > 0) {
      uint8_t f = from[at(i, j)];
      size_t a = f >> 2, b = f & 3;
      ops->push_back({U32(clean.substr(i - a, a)), U32(ocr.substr(j - b, b))});
      i -= a;
      j -= b;
    }
    std::reverse(ops->begin(), ops->end());
  }
  return total;
}

}  // namespace vanban::internal
