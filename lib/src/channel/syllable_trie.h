// A code-point trie over the known (lower-case, NFC) syllables, so that the OCR
// channel's candidate search can abandon a clean prefix as soon as no syllable
// starts with it. Optionally each syllable carries a corpus count, used as a
// unigram prior to rank candidates (every node knows the best prior below it,
// which keeps branch-and-bound exact).
#ifndef VANBAN_CHANNEL_SYLLABLE_TRIE_H_
#define VANBAN_CHANNEL_SYLLABLE_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban::internal {

class SyllableTrie {
 public:
  static constexpr int32_t kNone = -1;

  // The Vietnamese lower-case letters as bits, in code point order (the order of a
  // node's children), so that the OCR channel's search meets a node's children with the
  // readings of an OCR piece by a bitwise and. Other code points have no bit.
  static constexpr int kLetterBits = 128;
  struct LetterMask {
    uint64_t words[kLetterBits / 64] = {};
    void Set(int bit) { words[bit / 64] |= uint64_t{1} << (bit % 64); }
  };
  static int LetterBit(char32_t cp);  // -1 for none
  static char32_t BitLetter(int bit) {
    static const char32_t* const letters = BitLetters();
    return letters[bit];
  }

  SyllableTrie();
  // Adds one syllable (UTF-8, lower case, NFC) seen |count| times in text (0 =
  // unknown). A duplicate keeps the larger count.
  void Add(std::string_view syllable, double count = 0.0);

  int32_t root() const { return 0; }
  int32_t Child(int32_t node, char32_t cp) const;
  // (code point, child) pairs of |node|, sorted by code point.
  const std::vector<std::pair<char32_t, int32_t>>& Children(int32_t node) const { return nodes_[node].children; }
  // The bits of the children's letters, and whether a child has no bit.
  const LetterMask& ChildLetters(int32_t node) const { return nodes_[node].child_letters; }
  bool HasUnletteredChild(int32_t node) const { return nodes_[node].unlettered_child; }
  bool IsTerminal(int32_t node) const { return nodes_[node].terminal; }
  // -ln(count + 1) of the syllable ending at |node| (0 without counts), and the
  // smallest such value of any syllable at or below |node|.
  float PriorCost(int32_t node) const { return nodes_[node].prior_cost; }
  float MinPriorCost(int32_t node) const { return nodes_[node].min_prior_cost; }
  bool Contains(std::string_view syllable) const;
  // The prefix |node| stands for (code points from the root), into |out|.
  void Spell(int32_t node, std::u32string* out) const;
  size_t node_count() const { return nodes_.size(); }
  size_t word_count() const { return words_; }

 private:
  struct Node {
    std::vector<std::pair<char32_t, int32_t>> children;  // sorted by code point
    LetterMask child_letters;
    bool unlettered_child = false;
    bool terminal = false;
    float prior_cost = 0.0f;
    float min_prior_cost = 0.0f;  // lowered as syllables are added below
  };
  static const char32_t* BitLetters();
  std::vector<Node> nodes_;
  // Per node, its parent and the code point that leads to it (apart from the nodes:
  // only Spell reads them, the search never does).
  std::vector<int32_t> parent_;
  std::vector<char32_t> letter_;
  size_t words_ = 0;
};

}  // namespace vanban::internal

#endif  // VANBAN_CHANNEL_SYLLABLE_TRIE_H_
