#include "channel/syllable_trie.h"

#include <algorithm>
#include <cmath>

#include "channel/code_points.h"
#include "text/viet_chars.h"

namespace vanban::internal {

namespace {

struct LetterBits {
  std::vector<int8_t> bit_of;  // code point -> bit, -1 for none
  std::vector<char32_t> letter_of;
};

const LetterBits& GetLetterBits() {
  static const LetterBits bits = [] {
    LetterBits b;
    b.bit_of.assign(LetterTable::kHighEnd, -1);
    for (char32_t cp = 0; cp < LetterTable::kHighEnd; ++cp) {
      const VietLetter& l = LookupLetter(cp);
      if (l.base == 0 || l.lower != cp || b.letter_of.size() == SyllableTrie::kLetterBits) continue;
      b.bit_of[cp] = static_cast<int8_t>(b.letter_of.size());
      b.letter_of.push_back(cp);
    }
    return b;
  }();
  return bits;
}

}  // namespace

int SyllableTrie::LetterBit(char32_t cp) {
  const LetterBits& b = GetLetterBits();
  return cp < b.bit_of.size() ? b.bit_of[cp] : -1;
}

const char32_t* SyllableTrie::BitLetters() { return GetLetterBits().letter_of.data(); }

SyllableTrie::SyllableTrie() : nodes_(1), parent_(1, kNone), letter_(1, 0) {}

void SyllableTrie::Add(std::string_view syllable, double count) {
  U32 cps = DecodeUtf8(syllable);
  if (cps.empty()) return;
  const float prior = count > 0 ? static_cast<float>(-std::log(count + 1.0)) : 0.0f;
  int32_t node = 0;
  nodes_[0].min_prior_cost = std::min(nodes_[0].min_prior_cost, prior);
  for (char32_t cp : cps) {
    auto& kids = nodes_[node].children;
    auto it = std::lower_bound(kids.begin(), kids.end(), std::make_pair(cp, INT32_MIN));
    if (it != kids.end() && it->first == cp) {
      node = it->second;
    } else {
      int32_t fresh = static_cast<int32_t>(nodes_.size());
      kids.insert(it, {cp, fresh});  // |kids| may dangle after the push_back below
      if (int bit = LetterBit(cp); bit >= 0) nodes_[node].child_letters.Set(bit);
      else nodes_[node].unlettered_child = true;
      nodes_.emplace_back();
      parent_.push_back(node);
      letter_.push_back(cp);
      node = fresh;
    }
    nodes_[node].min_prior_cost = std::min(nodes_[node].min_prior_cost, prior);
  }
  if (!nodes_[node].terminal) {
    ++words_;
    nodes_[node].prior_cost = prior;
  } else {
    nodes_[node].prior_cost = std::min(nodes_[node].prior_cost, prior);
  }
  nodes_[node].terminal = true;
}

int32_t SyllableTrie::Child(int32_t node, char32_t cp) const {
  const auto& kids = nodes_[node].children;
  for (const auto& [c, child] : kids) {
    if (c == cp) return child;
    if (c > cp) break;
  }
  return kNone;
}

void SyllableTrie::Spell(int32_t node, std::u32string* out) const {
  out->clear();
  for (; node > 0; node = parent_[static_cast<size_t>(node)]) out->push_back(letter_[static_cast<size_t>(node)]);
  std::reverse(out->begin(), out->end());
}

bool SyllableTrie::Contains(std::string_view syllable) const {
  int32_t node = 0;
  for (char32_t cp : DecodeUtf8(syllable)) {
    node = Child(node, cp);
    if (node == kNone) return false;
  }
  return node != 0 && nodes_[node].terminal;
}

}  // namespace vanban::internal
