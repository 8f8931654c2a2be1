// Token-level alignment of one clean line with its OCR reading: which OCR tokens
// stand for which clean tokens, including splits (one clean syllable read as two
// tokens), merges ("BOY" for "Bộ Y"), dropped clean tokens and inserted junk.
#ifndef VANBAN_CHANNEL_TOKEN_ALIGN_H_
#define VANBAN_CHANNEL_TOKEN_ALIGN_H_

#include <string_view>
#include <vector>

#include "channel/code_points.h"

namespace vanban::internal {

enum class TokenOpKind { kMatch, kSplit, kMerge, kDrop, kInsert };

struct TokenOp {
  TokenOpKind kind;
  int clean_begin;
  int clean_count;  // 1 (match, split, drop), 2 (merge) or 0 (insert)
  int ocr_begin;
  int ocr_count;    // 1 (match, merge, insert), 2 (split) or 0 (drop)
  double distance;  // normalised edit distance of the folded forms, 0..1
};

// Splits on Unicode spaces/tabs; empty tokens are never produced.
std::vector<U32> SplitWhitespace(std::u32string_view line);

// Levenshtein distance of the folded (lower-case, diacritic-free) forms divided by
// the longer length; 0 for two empty strings.
double FoldedDistance(std::u32string_view a, std::u32string_view b);

// Minimum-cost monotone alignment; ops are in line order and cover every token once.
std::vector<TokenOp> AlignTokens(const std::vector<U32>& clean, const std::vector<U32>& ocr);

}  // namespace vanban::internal

#endif  // VANBAN_CHANNEL_TOKEN_ALIGN_H_
