#include "train/channel_trainer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "channel/char_align.h"
#include "channel/token_align.h"

namespace vanban::internal {
namespace {

constexpr size_t kMaxCharTokenLength = 20;
// Add-k smoothing of the re-estimated costs, so unseen edits stay possible.
constexpr double kSmoothing = 0.1;

std::u32string Key(std::u32string_view clean, std::u32string_view ocr) {
  std::u32string k(clean);
  k.push_back(U'\0');
  k.append(ocr);
  return k;
}

std::string JoinLower(const std::vector<U32>& toks, int begin, int count) {
  U32 out;
  for (int i = 0; i < count; ++i) {
    if (i) out.push_back(U' ');
    out += Lower(toks[begin + i]);
  }
  return EncodeUtf8(out);
}

using Counts = std::unordered_map<std::u32string, uint64_t>;

template <class Map>
std::vector<std::pair<std::string, std::string>> SortedRows(
    const Map& m, uint64_t min_count, std::vector<uint64_t>* values) {
  std::vector<std::tuple<uint64_t, std::string, std::string>> rows;
  for (const auto& [k, c] : m) {
    if (c < min_count) continue;
    size_t sep = k.find(U'\0');
    rows.emplace_back(c, EncodeUtf8(std::u32string_view(k).substr(0, sep)),
                      EncodeUtf8(std::u32string_view(k).substr(sep + 1)));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a) < std::get<2>(b);
  });
  std::vector<std::pair<std::string, std::string>> out;
  values->clear();
  for (auto& [c, a, b] : rows) {
    out.emplace_back(std::move(a), std::move(b));
    values->push_back(c);
  }
  return out;
}

}  // namespace

void ChannelTrainer::AddLine(std::string_view clean, std::string_view ocr) {
  ++summary_.lines;
  std::vector<U32> ct = SplitWhitespace(DecodeUtf8(clean));
  std::vector<U32> ot = SplitWhitespace(DecodeUtf8(ocr));
  summary_.tokens.clean_tokens += ct.size();
  for (const TokenOp& op : AlignTokens(ct, ot)) {
    switch (op.kind) {
      case TokenOpKind::kMatch:
        ++summary_.tokens.matched;
        // Short tokens ("ở" read as "¢", "y" as "v") are kept whatever their distance.
        if ((op.distance <= options_.max_token_distance ||
             (ct[op.clean_begin].size() <= 2 && ot[op.ocr_begin].size() <= 2)) &&
            ct[op.clean_begin].size() <= kMaxCharTokenLength &&
            ot[op.ocr_begin].size() <= kMaxCharTokenLength)
          token_pairs_.emplace_back(ct[op.clean_begin], ot[op.ocr_begin]);
        continue;
      case TokenOpKind::kSplit: ++summary_.tokens.split; break;
      case TokenOpKind::kMerge: ++summary_.tokens.merged; break;
      case TokenOpKind::kDrop: ++summary_.tokens.dropped; break;
      case TokenOpKind::kInsert: ++summary_.tokens.inserted; break;
    }
    ++token_events_[{JoinLower(ct, op.clean_begin, op.clean_count),
                     JoinLower(ot, op.ocr_begin, op.ocr_count)}];
  }
}

std::string ChannelTrainer::Finish() {
  summary_.char_tokens = token_pairs_.size();
  // Denominators: how often each clean substring (lower case) occurs in the tokens.
  Counts occ;
  std::vector<std::pair<U32, U32>> lower;
  lower.reserve(token_pairs_.size());
  for (const auto& [c, o] : token_pairs_) {
    U32 lc = Lower(c);
    occ[U""] += lc.size() + 1;
    for (size_t i = 0; i < lc.size(); ++i) {
      ++occ[lc.substr(i, 1)];
      if (i + 1 < lc.size()) ++occ[lc.substr(i, 2)];
    }
    lower.emplace_back(std::move(lc), Lower(o));
  }

  Counts counts_lower, counts_cased;
  std::unordered_map<std::u32string, double> cost_table;
  EditCostFn cost = InitialEditCost;
  std::vector<EditOp> ops;
  for (int it = 0; it < std::max(1, options_.iterations); ++it) {
    bool last = it + 1 >= std::max(1, options_.iterations);
    counts_lower.clear();
    counts_cased.clear();
    double total = 0.0;
    for (size_t p = 0; p < lower.size(); ++p) {
      double c = AlignChars(lower[p].first, lower[p].second, cost, &ops);
      if (!std::isfinite(c)) continue;
      total += c;
      size_t ci = 0, oi = 0;
      for (const EditOp& op : ops) {
        ++counts_lower[Key(op.clean, op.ocr)];
        if (last) {
          ++counts_cased[Key(std::u32string_view(token_pairs_[p].first).substr(ci, op.clean.size()),
                             std::u32string_view(token_pairs_[p].second).substr(oi, op.ocr.size()))];
        }
        ci += op.clean.size();
        oi += op.ocr.size();
      }
    }
    summary_.final_cost = total;
    if (last) break;
    cost_table.clear();
    for (const auto& [k, n] : counts_lower) {
      size_t sep = k.find(U'\0');
      uint64_t d = occ[k.substr(0, sep)];
      cost_table[k] = -std::log((static_cast<double>(n) + kSmoothing) / (static_cast<double>(d) + 1.0));
    }
    cost = [&cost_table, &occ](std::u32string_view c, std::u32string_view o) {
      auto f = cost_table.find(Key(c, o));
      if (f != cost_table.end()) return f->second;
      auto d = occ.find(std::u32string(c));
      double denom = d == occ.end() ? 0.0 : static_cast<double>(d->second);
      return -std::log(kSmoothing / (denom + 1.0)) + (c.size() > 1 || o.size() > 1 ? 2.0 : 0.0);
    };
  }

  std::string out;
  out += kChannelMagic;
  out += "\n# clean_substring<TAB>ocr_substring<TAB>count; substrings of 0-2 code points, NFC;\n";
  out += "# an empty field is the empty substring. Built by `vanban train-channel`.\n";
  out += "# P(ocr|clean) = count / occ(clean) (section occ). Format: lib/src/channel/ocr_channel.h\n";
  out += fmt::format("# lines\t{}\n# char_token_pairs\t{}\n# iterations\t{}\n# final_alignment_cost_nats\t{:.1f}\n",
                     summary_.lines, summary_.char_tokens, options_.iterations, summary_.final_cost);
  const auto& t = summary_.tokens;
  out += fmt::format("# token_stats\tclean={}\tmatched={}\tsplit={}\tmerged={}\tdropped={}\tinserted={}\n",
                     t.clean_tokens, t.matched, t.split, t.merged, t.dropped, t.inserted);
  std::vector<uint64_t> values;
  auto emit3 = [&](std::string_view name, const Counts& m, uint64_t min_count) {
    auto rows = SortedRows(m, min_count, &values);
    uint64_t sum = 0;
    for (uint64_t v : values) sum += v;
    out += fmt::format("#section\t{}\n# rows\t{}\ttotal\t{}\n", name, rows.size(), sum);
    for (size_t i = 0; i < rows.size(); ++i)
      out += fmt::format("{}\t{}\t{}\n", rows[i].first, rows[i].second, values[i]);
  };
  emit3("char", counts_lower, options_.min_count);
  emit3("cased", counts_cased, options_.min_count);

  // Denominators for every clean side that appears in the char section.
  Counts occ_rows;
  for (const auto& [k, n] : counts_lower) {
    if (n < options_.min_count) continue;
    U32 c = k.substr(0, k.find(U'\0'));
    occ_rows[Key(c, U"")] = occ[c];
  }
  auto rows = SortedRows(occ_rows, 0, &values);
  out += fmt::format("#section\tocc\n# rows\t{}\n", rows.size());
  for (size_t i = 0; i < rows.size(); ++i) out += fmt::format("{}\t{}\n", rows[i].first, values[i]);

  std::vector<std::tuple<uint64_t, std::string, std::string>> tok;
  for (const auto& [k, n] : token_events_)
    if (n >= options_.min_token_count) tok.emplace_back(n, k.first, k.second);
  std::sort(tok.begin(), tok.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a) < std::get<2>(b);
  });
  out += fmt::format("#section\ttoken\n# rows\t{}\n", tok.size());
  for (const auto& [n, c, o] : tok) out += fmt::format("{}\t{}\t{}\n", c, o, n);
  return out;
}

}  // namespace vanban::internal
