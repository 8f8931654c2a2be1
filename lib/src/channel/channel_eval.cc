#include "channel/channel_eval.h"

#include <unicode/uchar.h>

#include <chrono>
#include <vector>

#include "channel/token_align.h"

namespace vanban::internal {
namespace {

bool AllLetters(std::u32string_view s) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (!u_isalpha(static_cast<UChar32>(c))) return false;
  return true;
}

}  // namespace

std::u32string_view WordPart(std::u32string_view t) {
  while (!t.empty() && !IsWordChar(t.front())) t.remove_prefix(1);
  while (!t.empty() && !IsWordChar(t.back())) t.remove_suffix(1);
  return t;
}

ChannelEvalResult EvaluateChannel(const OcrChannel& channel, const SyllableTrie& inventory,
                                  std::string_view tsv, size_t k, size_t max_examples,
                                  double prior_weight) {
  ChannelEvalResult r;
  std::vector<OcrChannel::Candidate> cands;
  uint64_t cand_total = 0;
  size_t examples = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    ++r.lines;
    auto ct = SplitWhitespace(DecodeUtf8(line.substr(0, tab)));
    auto ot = SplitWhitespace(DecodeUtf8(line.substr(tab + 1)));
    for (const TokenOp& op : AlignTokens(ct, ot)) {
      for (int i = 0; i < op.clean_count; ++i) {
        std::u32string_view cw = WordPart(ct[op.clean_begin + i]);
        if (!AllLetters(cw)) continue;
        ++r.syllables;
        std::string want = EncodeUtf8(Lower(cw));
        if (inventory.Contains(want)) ++r.in_inventory;
        if (op.kind != TokenOpKind::kMatch) continue;
        ++r.matched;
        std::u32string_view ow = WordPart(ot[op.ocr_begin]);
        if (ow.empty()) ow = ot[op.ocr_begin];  // a lone "¢" or "&" standing for "ở"/"ơ"
        if (ow == cw) ++r.raw_exact;
        if (Lower(ow) == Lower(cw)) ++r.raw_exact_nocase;
        if (Fold(ow) == Fold(cw)) ++r.raw_stripped;
        std::string ocr = EncodeUtf8(ow);
        auto t0 = std::chrono::steady_clock::now();
        channel.Candidates(ocr, inventory, k, &cands, prior_weight);
        r.candidate_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        ++r.candidate_calls;
        cand_total += cands.size();
        bool hit = false;
        for (size_t c = 0; c < cands.size() && c < k; ++c) {
          if (cands[c].first == want) {
            hit = true;
            if (c == 0) ++r.recall_at_1;
            break;
          }
        }
        if (hit) {
          ++r.recall_at_k;
        } else if (examples < max_examples && inventory.Contains(want)) {
          ++examples;
          r.examples += want + " -> " + ocr + ":";
          for (size_t c = 0; c < cands.size() && c < 5; ++c) r.examples += " " + cands[c].first;
          r.examples += "\n";
        }
      }
    }
  }
  if (r.candidate_calls) r.mean_candidates = static_cast<double>(cand_total) / r.candidate_calls;
  return r;
}

}  // namespace vanban::internal
