#include "channel/edit_scorer.h"

#include <algorithm>
#include <unordered_map>
#include <limits>

#include "channel/code_points.h"


namespace vanban::internal {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr size_t kStackCells = 32 * 32;

// Never 0 (symbols of pairs are never both kOther... and the 1 bit keeps it so).
uint64_t PairKey(uint32_t a, uint32_t b) { return (uint64_t{a} << 33) | (uint64_t{b} << 1) | 1; }

}  // namespace

void EditScorer::U64Table::Build(const std::vector<std::pair<uint64_t, float>>& items) {
  size_t cap = 16;
  while (cap < items.size() * 2) cap <<= 1;
  keys.assign(cap, 0);
  values.assign(cap, 0.0f);
  mask = cap - 1;
  for (const auto& [k, v] : items) {
    uint64_t i = (k * 0x9E3779B97F4A7C15ull) >> 32 & mask;
    while (keys[i] != 0 && keys[i] != k) i = (i + 1) & mask;
    keys[i] = k;
    values[i] = v;
  }
}

uint32_t EditScorer::Intern(char32_t cp) {
  uint32_t s = Sym(cp);
  if (s != kOther) return s;
  s = static_cast<uint32_t>(chars_.size());
  chars_.push_back(cp);
  if (cp < kDirect) direct_[cp] = s;
  else sym_.emplace(cp, s);
  return s;
}

uint64_t EditScorer::MultiKey(std::u32string_view clean, std::u32string_view ocr, const EditScorer& s) {
  uint64_t k = clean.size() | (ocr.size() << 2);
  for (size_t i = 0; i < clean.size(); ++i) k |= uint64_t{s.Sym(clean[i])} << (4 + 15 * i);
  for (size_t i = 0; i < ocr.size(); ++i) k |= uint64_t{s.Sym(ocr[i])} << (34 + 15 * i);
  return k;
}

void EditScorer::Add(std::u32string_view clean, std::u32string_view ocr, float cost) {
  for (char32_t c : clean) Intern(c);
  for (char32_t c : ocr) Intern(c);
  raw_.push_back({std::u32string(clean), std::u32string(ocr), cost});
}

void EditScorer::Finish(const Fallback& fallback) {
  fb_ = fallback;
  n_ = chars_.size();
  vowel_.assign(n_, 0);
  for (size_t s = 1; s < n_; ++s) {
    char32_t f = FoldChar(chars_[s]);
    vowel_[s] = f == 'a' || f == 'e' || f == 'i' || f == 'o' || f == 'u' || f == 'y';
  }
  // Learned mode: what the table says, unseen single edits at the substitute price.
  sub_[0].assign(n_ * n_, fb_.substitute);
  drop_[0].assign(n_, fb_.substitute);
  ins_[0].assign(n_, fb_.substitute);
  for (size_t s = 1; s < n_; ++s) sub_[0][s * n_ + s] = fb_.identity;
  std::unordered_map<uint64_t, float> multi;
  std::vector<std::pair<uint64_t, float>> clean_pairs, ocr_pairs;
  for (const Raw& r : raw_) {
    if (r.clean.size() == 1 && r.ocr.size() == 1) {
      float& c = sub_[0][Sym(r.clean[0]) * n_ + Sym(r.ocr[0])];
      c = r.cost;
    } else if (r.clean.size() == 1 && r.ocr.empty()) {
      drop_[0][Sym(r.clean[0])] = r.cost;
    } else if (r.clean.empty() && r.ocr.size() == 1) {
      ins_[0][Sym(r.ocr[0])] = r.cost;
    } else {
      uint64_t k = MultiKey(r.clean, r.ocr, *this);
      auto [it, fresh] = multi.emplace(k, r.cost);
      if (!fresh) it->second = std::min(it->second, r.cost);
      if (r.clean.size() == 2) clean_pairs.push_back({PairKey(Sym(r.clean[0]), Sym(r.clean[1])), 0.0f});
      if (r.ocr.size() == 2) ocr_pairs.push_back({PairKey(Sym(r.ocr[0]), Sym(r.ocr[1])), 0.0f});
    }
  }
  multi_.Build({multi.begin(), multi.end()});
  clean_pairs_.Build(clean_pairs);
  ocr_pairs_.Build(ocr_pairs);
  raw_.clear();
  raw_.shrink_to_fit();
  // Smoothed mode: every single edit possible at a price by kind.
  sub_[1] = sub_[0];
  drop_[1] = drop_[0];
  ins_[1] = ins_[0];
  for (size_t c = 0; c < n_; ++c) {
    float price = vowel_[c] ? fb_.smooth_vowel : fb_.smooth_other;
    for (size_t o = 0; o < n_; ++o) {
      if (c != o || c == kOther) sub_[1][c * n_ + o] = std::min(sub_[1][c * n_ + o], price);
    }
    drop_[1][c] = std::min(drop_[1][c], fb_.smooth_drop);
    ins_[1][c] = std::min(ins_[1][c], fb_.smooth_insert);
  }
}

float EditScorer::Cost(std::u32string_view clean, std::u32string_view ocr, bool smooth, float limit) const {
  const size_t n = clean.size(), m = ocr.size();
  const int mode = smooth ? 1 : 0;
  const std::vector<float>& sub = sub_[mode];
  const std::vector<float>& drop = drop_[mode];
  const std::vector<float>& ins = ins_[mode];
  uint32_t cs[32], os[32];
  bool cpair[33] = {}, opair[33] = {};
  if (n >= 32 || m >= 32) return kInf;
  for (size_t i = 0; i < n; ++i) cs[i] = Sym(clean[i]);
  for (size_t j = 0; j < m; ++j) os[j] = Sym(ocr[j]);
  for (size_t i = 2; i <= n; ++i) cpair[i] = clean_pairs_.Find(PairKey(cs[i - 2], cs[i - 1])) != nullptr;
  for (size_t j = 2; j <= m; ++j) opair[j] = ocr_pairs_.Find(PairKey(os[j - 2], os[j - 1])) != nullptr;
  float best[kStackCells];
  const size_t w = m + 1;
  float prev_min = kInf;
  // Keys from the symbols already at hand (same layout as MultiKey).
  auto multi = [&](size_t i, size_t j, size_t a, size_t b) {
    uint64_t k = a | (b << 2);
    for (size_t x = 0; x < a; ++x) k |= uint64_t{cs[i - a + x]} << (4 + 15 * x);
    for (size_t x = 0; x < b; ++x) k |= uint64_t{os[j - b + x]} << (34 + 15 * x);
    const float* v = multi_.Find(k);
    return v == nullptr ? kInf : *v;
  };
  // Row 0: only insertions (and two-character insertions).
  best[0] = 0;
  float row_min = 0;
  for (size_t j = 1; j <= m; ++j) {
    float v = best[j - 1] + ins[os[j - 1]];
    if (j >= 2 && opair[j]) v = std::min(v, best[j - 2] + multi(0, j, 0, 2));
    best[j] = v;
    row_min = std::min(row_min, v);
  }
  if (row_min > limit) return kInf;
  prev_min = row_min;
  const float multi_floor = smooth ? fb_.smooth_multi : kInf;
  for (size_t i = 1; i <= n; ++i) {
    // The row's clean character: its substitution costs, and whether it is a
    // character the table never mentions (read as itself at the identity price).
    const float* sub_row = sub.data() + cs[i - 1] * n_;
    const bool other = cs[i - 1] == kOther;
    const char32_t cc = clean[i - 1];
    const float drop_cost = drop[cs[i - 1]];
    const bool pair_here = i >= 2 && cpair[i];
    float* row = best + i * w;
    const float* up = row - w;
    const float* up2 = i >= 2 ? row - 2 * w : nullptr;
    float v = up[0] + drop_cost;
    if (pair_here) v = std::min(v, up2[0] + multi(i, 0, 2, 0));
    row[0] = v;
    row_min = v;
    for (size_t j = 1; j <= m; ++j) {
      float c = sub_row[os[j - 1]];
      if (other && cc == ocr[j - 1]) c = fb_.identity;
      v = up[j - 1] + c;
      v = std::min(v, up[j] + drop_cost);
      v = std::min(v, row[j - 1] + ins[os[j - 1]]);
      if (i >= 2) {
        float c2 = pair_here ? multi(i, j, 2, 1) : kInf;
        v = std::min(v, up2[j - 1] + std::min(c2, multi_floor));
      }
      if (j >= 2) {
        float c2 = opair[j] ? multi(i, j, 1, 2) : kInf;
        v = std::min(v, up[j - 2] + std::min(c2, multi_floor));
      }
      if (pair_here) {
        v = std::min(v, up2[j] + multi(i, j, 2, 0));
        if (j >= 2 && opair[j]) v = std::min(v, up2[j - 2] + multi(i, j, 2, 2));
      }
      if (j >= 2 && opair[j]) v = std::min(v, row[j - 2] + multi(i, j, 0, 2));
      row[j] = v;
      row_min = std::min(row_min, v);
    }
    // Costs only grow: once a row and the one before it (edits span two rows) are
    // all over the limit, so is the end.
    if (row_min > limit && prev_min > limit) return kInf;
    prev_min = row_min;
  }
  return best[n * w + m];
}

}  // namespace vanban::internal

