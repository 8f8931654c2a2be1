#include "channel/token_align.h"

#include <algorithm>
#include <limits>

namespace vanban::internal {
namespace {

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}

bool HasWordChar(std::u32string_view s) {
  for (char32_t c : s)
    if (IsWordChar(c)) return true;
  return false;
}

// Costs, in units of one fully wrong token. A split or merge pays a small premium so
// that a plain match wins when both explain the text equally well.
constexpr double kDropCost = 1.0;
constexpr double kDropPunctCost = 0.5;
constexpr double kInsertCost = 1.0;
constexpr double kInsertJunkCost = 0.3;  // OCR speckle: ".", "~", "|"
constexpr double kSplitMergePremium = 0.35;  // more than a junk token (0.3)
// A split or merge must explain the text well; otherwise it is a drop or junk plus a match.
constexpr double kMaxSplitMergeDistance = 0.5;
constexpr double kSingleCharMatchCost = 0.5;

}  // namespace

std::vector<U32> SplitWhitespace(std::u32string_view line) {
  std::vector<U32> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    size_t j = i;
    while (j < line.size() && !IsSpace(line[j])) ++j;
    if (j > i) out.emplace_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

double FoldedDistance(std::u32string_view a, std::u32string_view b) {
  if (a.empty() && b.empty()) return 0.0;
  U32 fa = Fold(a), fb = Fold(b);
  std::vector<int> prev(fb.size() + 1), cur(fb.size() + 1);
  for (size_t j = 0; j <= fb.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= fa.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= fb.size(); ++j) {
      int sub = prev[j - 1] + (fa[i - 1] == fb[j - 1] ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1});
    }
    std::swap(prev, cur);
  }
  return static_cast<double>(prev[fb.size()]) / static_cast<double>(std::max(fa.size(), fb.size()));
}

std::vector<TokenOp> AlignTokens(const std::vector<U32>& clean, const std::vector<U32>& ocr) {
  const int n = static_cast<int>(clean.size()), m = static_cast<int>(ocr.size());
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> cost((n + 1) * (m + 1), kInf);
  std::vector<TokenOp> back((n + 1) * (m + 1));
  auto at = [m](int i, int j) { return i * (m + 1) + j; };
  cost[at(0, 0)] = 0.0;
  for (int i = 0; i <= n; ++i) {
    for (int j = 0; j <= m; ++j) {
      double base = cost[at(i, j)];
      if (base == kInf) continue;
      auto relax = [&](int ni, int nj, double c, TokenOp op) {
        if (base + c < cost[at(ni, nj)]) {
          cost[at(ni, nj)] = base + c;
          back[at(ni, nj)] = op;
        }
      };
      if (i < n && j < m) {
        double d = FoldedDistance(clean[i], ocr[j]);
        // One character for one ("ở" as "¢", "y" as "v") is a likely misreading, not
        // a drop plus junk.
        double c = clean[i].size() == 1 && ocr[j].size() == 1 ? std::min(d, kSingleCharMatchCost) : d;
        relax(i + 1, j + 1, c, {TokenOpKind::kMatch, i, 1, j, 1, d});
      }
      if (i < n && j + 1 < m) {
        U32 joined = ocr[j] + ocr[j + 1];
        double d = FoldedDistance(clean[i], joined);
        if (d <= kMaxSplitMergeDistance)
          relax(i + 1, j + 2, d + kSplitMergePremium, {TokenOpKind::kSplit, i, 1, j, 2, d});
      }
      if (i + 1 < n && j < m) {
        U32 joined = clean[i] + clean[i + 1];
        double d = FoldedDistance(joined, ocr[j]);
        if (d <= kMaxSplitMergeDistance)
          relax(i + 2, j + 1, d + kSplitMergePremium, {TokenOpKind::kMerge, i, 2, j, 1, d});
      }
      if (i < n) {
        double c = HasWordChar(clean[i]) ? kDropCost : kDropPunctCost;
        relax(i + 1, j, c, {TokenOpKind::kDrop, i, 1, j, 0, 1.0});
      }
      if (j < m) {
        double c = HasWordChar(ocr[j]) ? kInsertCost : kInsertJunkCost;
        relax(i, j + 1, c, {TokenOpKind::kInsert, i, 0, j, 1, 1.0});
      }
    }
  }
  std::vector<TokenOp> ops;
  int i = n, j = m;
  while (i > 0 || j > 0) {
    const TokenOp& op = back[at(i, j)];
    ops.push_back(op);
    i -= op.clean_count;
    j -= op.ocr_count;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

}  // namespace vanban::internal
