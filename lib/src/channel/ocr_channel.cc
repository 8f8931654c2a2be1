#include "channel/ocr_channel.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <limits>

#include "channel/char_align.h"
#include "text/viet_chars.h"

namespace vanban {
namespace {

using internal::U32;

constexpr double kLn10 = 2.302585092994046;
// -ln P for edits the table has never seen.
constexpr double kUnseenIdentityCost = 0.7;  // a character OCR reads as itself
constexpr double kUnseenEditCost = 11.5;     // ~1e-5
// Smoothed channel (LogProbSmooth): prices of edits the table has never seen.
constexpr double kSmoothSubstituteVowel = 6.0;  // ộ read as q
constexpr double kSmoothSubstitute = 7.5;
constexpr double kSmoothDrop = 7.0;
constexpr double kSmoothInsert = 6.5;
constexpr double kSmoothOther = 8.5;            // ự read as yu
// Candidate search: edits dearer than this are never tried, paths dearer than the
// total are abandoned, and the work per token is capped.
constexpr float kMaxReverseCost = 9.0f;
constexpr size_t kMaxReversePerOcr = 120;
constexpr double kMaxPathCost = 20.0;
constexpr double kMaxMargin = 10.0;  // over the cheapest conceivable reading
// Dropped clean characters: every one the table saw up to the cost cap. A cap by count
// (40) kept only marked vowels, and consonants real scans lose ("trog", "nhitg") had no
// reading at all; the search only follows drops the trie allows, so the cost is small.
constexpr float kMaxDroppedCost = 8.0f;
constexpr size_t kMaxDropped = 100;
static_assert(kMaxReversePerOcr <= UINT8_MAX && kMaxDropped <= UINT8_MAX, "ReverseIndex::group_of_bit holds a byte");
constexpr size_t kMaxTokenLength = 12;
// A toned vowel's unseen edit borrows its toneless vowel's (ứ read as "ur" as ư is,
// the tone mark lost on the way) at this extra cost (nats, ~0.3): the table has too
// few ứ, ừ, ử, ữ, ự to have seen every way each of them breaks.
constexpr double kToneLossCost = 1.2;
constexpr uint64_t kMinBorrowedCount = 5;
// Real scans read the mark over an a apart from the letter, as an é before it: "déan"
// for dân, "véan" for vận, "Céac" for các, "phéap" for pháp. The simulated scans the
// table is trained on almost never do, so the edit is added at this cost (nats, P about
// 0.7%): dear enough that clean readings of "éa" (khóa as "khéa" is ó read as é) stay
// ahead, cheap enough that the letters alone find the word.
constexpr double kMarkApartCost = 5.0;
constexpr size_t kMaxVisits = 30000;

std::u32string CostKey(std::u32string_view clean, std::u32string_view ocr) {
  std::u32string k(clean);
  k.push_back(U'\0');
  k.append(ocr);
  return k;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t s = 0;
  while (true) {
    size_t t = line.find('\t', s);
    if (t == std::string_view::npos) {
      f.push_back(line.substr(s));
      return f;
    }
    f.push_back(line.substr(s, t - s));
    s = t + 1;
  }
}

bool ParseCount(std::string_view s, uint64_t* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

uint64_t OcrChannel::PackOcr(std::u32string_view s) {
  uint64_t k = s.size();
  for (size_t i = 0; i < s.size() && i < 2; ++i) k |= static_cast<uint64_t>(s[i]) << (2 + 21 * i);
  return k;
}

Result<OcrChannel> OcrChannel::Load(std::string_view tsv) {
  OcrChannel ch;
  std::string section;
  std::unordered_map<std::u32string, uint64_t> counts;
  size_t line_no = 0;
  size_t pos = 0;
  bool saw_magic = false;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line_no == 1) {
      if (line != internal::kChannelMagic) return Status::Corruption("OCR channel table: bad first line");
      saw_magic = true;
      continue;
    }
    if (line.substr(0, 9) == "#section\t") {
      section = std::string(line.substr(9));
      continue;
    }
    if (line.substr(0, 14) == "# token_stats\t") {
      for (std::string_view f : SplitTabs(line.substr(14))) {
        size_t eq = f.find('=');
        if (eq == std::string_view::npos) continue;
        uint64_t v = 0;
        if (!ParseCount(f.substr(eq + 1), &v)) continue;
        std::string_view k = f.substr(0, eq);
        auto& st = ch.token_stats_;
        if (k == "clean") st.clean_tokens = v;
        else if (k == "matched") st.matched = v;
        else if (k == "split") st.split = v;
        else if (k == "merged") st.merged = v;
        else if (k == "dropped") st.dropped = v;
        else if (k == "inserted") st.inserted = v;
      }
      continue;
    }
    if (line[0] == '#') continue;
    auto f = SplitTabs(line);
    auto bad = [&] {
      return Status::Corruption("OCR channel table: line " + std::to_string(line_no) +
                                ": malformed " + section + " record");
    };
    if (section == "char") {
      uint64_t c = 0;
      if (f.size() != 3 || !ParseCount(f[2], &c)) return bad();
      U32 clean = internal::DecodeUtf8(f[0]), ocr = internal::DecodeUtf8(f[1]);
      if (clean.size() > 2 || ocr.size() > 2 || (clean.empty() && ocr.empty())) return bad();
      counts[CostKey(clean, ocr)] += c;
    } else if (section == "occ") {
      uint64_t c = 0;
      if (f.size() != 2 || !ParseCount(f[1], &c)) return bad();
      ch.occ_[internal::DecodeUtf8(f[0])] += c;
    }
    // "cased" and "token" are statistics for people and other tools.
  }
  if (!saw_magic) return Status::Corruption("OCR channel table: empty");
  if (counts.empty()) return Status::Corruption("OCR channel table: no char section");

  std::unordered_map<uint64_t, std::vector<Reverse>> flat;
  auto add = [&](const U32& key, const U32& clean, const U32& ocr, float cost) {
    ch.costs_[key] = cost;
    ch.scorer_.Add(clean, ocr, cost);
    if (cost <= kMaxReverseCost) flat[PackOcr(ocr)].push_back({clean, cost});
  };
  // Edits of each toneless vowel, for its toned forms to borrow.
  std::unordered_map<char32_t, std::vector<std::pair<U32, float>>> toneless_edits;
  for (const auto& [key, count] : counts) {
    size_t sep = key.find(U'\0');
    U32 clean = key.substr(0, sep), ocr = key.substr(sep + 1);
    auto it = ch.occ_.find(clean);
    uint64_t denom = it == ch.occ_.end() ? 0 : it->second;
    if (denom < count) denom = count;  // tolerate tables edited by hand
    float cost = static_cast<float>(-std::log(static_cast<double>(count) / static_cast<double>(denom)));
    add(key, clean, ocr, cost);
    if (clean.size() == 1 && !ocr.empty() && count >= kMinBorrowedCount) {
      const internal::VietLetter& l = internal::LookupLetter(clean[0]);
      if (l.base != 0 && l.toneless == clean[0]) toneless_edits[clean[0]].push_back({ocr, cost});
    }
  }
  std::vector<U32> toned;
  for (const auto& [clean, n] : ch.occ_) {
    if (clean.size() != 1) continue;
    const internal::VietLetter& l = internal::LookupLetter(clean[0]);
    if (l.base != 0 && l.tone != internal::Tone::kNone && l.lower == clean[0]) toned.push_back(clean);
  }
  std::sort(toned.begin(), toned.end());
  for (const U32& clean : toned) {
    auto from = toneless_edits.find(internal::LookupLetter(clean[0]).toneless);
    if (from == toneless_edits.end()) continue;
    for (const auto& [ocr, cost] : from->second) {
      U32 key = CostKey(clean, ocr);
      if (counts.count(key) == 0) add(key, clean, ocr, cost + static_cast<float>(kToneLossCost));
    }
  }
  for (char32_t a : std::u32string_view(U"áàảãâấầẩẫậăắằẳẵặ")) {
    const U32 clean(1, a), ocr = U"éa";
    if (U32 key = CostKey(clean, ocr); counts.count(key) == 0) add(key, clean, ocr, static_cast<float>(kMarkApartCost));
  }
  internal::EditScorer::Fallback fallback;
  fallback.identity = static_cast<float>(kUnseenIdentityCost);
  fallback.substitute = static_cast<float>(kUnseenEditCost);
  fallback.smooth_vowel = static_cast<float>(kSmoothSubstituteVowel);
  fallback.smooth_other = static_cast<float>(kSmoothSubstitute);
  fallback.smooth_drop = static_cast<float>(kSmoothDrop);
  fallback.smooth_insert = static_cast<float>(kSmoothInsert);
  fallback.smooth_multi = static_cast<float>(kSmoothOther);
  ch.scorer_.Finish(fallback);
  auto by_cost = [](const Reverse& a, const Reverse& b) { return a.cost != b.cost ? a.cost < b.cost : a.clean < b.clean; };
  for (auto& [k, list] : flat) {
    std::sort(list.begin(), list.end(), by_cost);
    if (k == PackOcr(U"")) {
      while (!list.empty() && (list.size() > kMaxDropped || list.back().cost > kMaxDroppedCost)) list.pop_back();
      ch.dropped_ = Group(std::move(list));
      continue;
    }
    if (list.size() > kMaxReversePerOcr) list.resize(kMaxReversePerOcr);
    ch.reverse_.emplace(k, Group(std::move(list)));
  }
  return ch;
}

double OcrChannel::LogProbSmooth(std::string_view clean, std::string_view ocr) const {
  U32 c = internal::Lower(internal::DecodeUtf8(clean));
  U32 o = internal::Lower(internal::DecodeUtf8(ocr));
  return -static_cast<double>(scorer_.Cost(c, o, /*smooth=*/true)) / kLn10;
}

double OcrChannel::LogProb32(std::u32string_view clean, std::u32string_view ocr, bool smooth, double floor) const {
  float limit = std::isinf(floor) ? std::numeric_limits<float>::infinity() : static_cast<float>(-floor * kLn10);
  return -static_cast<double>(scorer_.Cost(clean, ocr, smooth, limit)) / kLn10;
}

double OcrChannel::LogProb(std::string_view clean, std::string_view ocr) const {
  U32 c = internal::Lower(internal::DecodeUtf8(clean));
  U32 o = internal::Lower(internal::DecodeUtf8(ocr));
  return -static_cast<double>(scorer_.Cost(c, o, /*smooth=*/false)) / kLn10;
}

// Group 0 (first == 0) holds the readings with no clean text: OCR characters inserted.
OcrChannel::ReverseIndex OcrChannel::Group(std::vector<Reverse> readings) {
  ReverseIndex index;
  auto first = [](const Reverse& r) { return r.clean.empty() ? char32_t{0} : r.clean[0]; };
  std::stable_sort(readings.begin(), readings.end(),
                   [&](const Reverse& a, const Reverse& b) { return first(a) < first(b); });
  for (Reverse& r : readings) {
    if (index.groups.empty() || index.groups.back().first != first(r)) index.groups.push_back({first(r), {}});
    index.groups.back().readings.push_back(std::move(r));
  }
  index.group_of_bit.assign(internal::SyllableTrie::kLetterBits, 0);
  for (size_t i = 0; i < index.groups.size(); ++i) {
    if (index.groups[i].first == 0) continue;
    int bit = internal::SyllableTrie::LetterBit(index.groups[i].first);
    if (bit < 0) {
      index.unlettered = true;
      continue;
    }
    index.letters.Set(bit);
    index.group_of_bit[static_cast<size_t>(bit)] = static_cast<uint8_t>(i);
  }
  return index;
}

// Depth-first branch-and-bound over the OCR token: every step explains the next 1-2
// OCR characters (or none, for a clean character the OCR dropped) by a clean piece,
// cheapest pieces first, following only the trie node's children. A path's rank is its
// channel cost plus prior_weight times the syllable's prior cost. Pruning uses an
// admissible bound: the cheapest possible rest of the OCR token plus the best prior
// below the trie node, against the |max|-th best rank found so far; and the channel
// cost alone may not exceed the cheapest conceivable reading by more than a margin.
struct OcrChannel::Search {
  Search(const U32& o, const internal::SyllableTrie& t, size_t m, double w)
      : ocr(o), trie(t), max(m), prior_weight(w) {}

  struct Found {
    double rank;
    double cost;  // channel only
    int32_t node;  // a trie node stands for one prefix: its text is spelt at the end
  };
  const U32& ocr;
  const internal::SyllableTrie& trie;
  size_t max;
  double prior_weight;
  const ReverseIndex* pieces[kMaxTokenLength][3] = {};  // [pos][len]: len 1, 2
  const ReverseIndex* dropped = nullptr;                // clean text with no OCR
  double rest[kMaxTokenLength + 1] = {};  // cheapest cost of explaining ocr[pos..]
  std::vector<Found> found;  // sorted by rank, at most max
  double bound = std::numeric_limits<double>::infinity();  // rank of the max-th best
  double channel_limit = kMaxPathCost;  // channel cost allowed at all
  size_t visits = 0;
  int drops_left = 1;

  double PriorBelow(int32_t node) const { return prior_weight * trie.MinPriorCost(node); }

  static float Cheapest(const ReverseIndex& index) {
    float best = std::numeric_limits<float>::infinity();
    for (const ReverseGroup& g : index.groups) best = std::min(best, g.readings.front().cost);
    return best;
  }

  void ComputeRest() {
    const size_t n = ocr.size();
    rest[n] = 0.0;
    for (size_t pos = n; pos-- > 0;) {
      double best = kMaxPathCost;
      for (size_t len = 1; len <= 2 && pos + len <= n; ++len) {
        const ReverseIndex* index = pieces[pos][len];
        if (index != nullptr && !index->empty()) best = std::min(best, Cheapest(*index) + rest[pos + len]);
      }
      rest[pos] = best;
    }
  }

  void Record(int32_t node, double cost) {
    double rank = cost + prior_weight * trie.PriorCost(node);
    auto by_rank = [](const Found& a, const Found& b) { return a.rank < b.rank; };
    for (Found& f : found) {
      if (f.node == node) {
        if (rank < f.rank) {
          f.rank = rank;
          f.cost = cost;
          std::sort(found.begin(), found.end(), by_rank);
        }
        return;
      }
    }
    Found f{rank, cost, node};
    found.insert(std::upper_bound(found.begin(), found.end(), f, by_rank), f);
    if (found.size() > max) found.pop_back();
    if (found.size() == max) bound = std::min(bound, found.back().rank);
  }

  // Continues with reading |r| from |child|, the node its first clean character leads to
  // (the node itself for a reading with no clean text).
  void Try(int32_t child, double cost, const Reverse& r, size_t next_pos) {
    int32_t next = child;
    for (size_t k = 1; k < r.clean.size() && next != internal::SyllableTrie::kNone; ++k)
      next = trie.Child(next, r.clean[k]);
    if (next == internal::SyllableTrie::kNone) return;
    if (cost + rest[next_pos] + PriorBelow(next) >= bound) return;
    if (cost + rest[next_pos] > channel_limit) return;
    Step(next_pos, next, cost);
  }

  // The readings of |group| from |from|, cheapest first, until the bound stops them.
  // Inlined: a call a group (four million on a page of OCR) cost a tenth of the search.
  [[gnu::always_inline]] void TryGroup(int32_t from, double cost, const ReverseGroup& group, size_t next_pos,
                                       double floor) {
    for (const Reverse& r : group.readings) {
      double c = cost + r.cost;
      if (c + rest[next_pos] + floor >= bound || c + rest[next_pos] > channel_limit) break;
      Try(from, c, r, next_pos);
    }
  }

  // The readings in |index| whose first character is a child of |node|, in the
  // children's order.
  void Expand(int32_t node, double cost, const ReverseIndex& index, size_t next_pos, double floor) {
    auto g = index.groups.begin();
    if (g != index.groups.end() && g->first == 0) {
      TryGroup(node, cost, *g, next_pos, floor);
      ++g;
    }
    const auto& kids = trie.Children(node);
    if (!index.unlettered || !trie.HasUnletteredChild(node)) {
      // The children with a group, in the children's order (bits in code point order).
      const internal::SyllableTrie::LetterMask& letters = trie.ChildLetters(node);
      auto kid = kids.begin();
      for (size_t w = 0; w < std::size(letters.words); ++w) {
        for (uint64_t both = letters.words[w] & index.letters.words[w]; both != 0; both &= both - 1) {
          int bit = static_cast<int>(64 * w) + std::countr_zero(both);
          char32_t cp = internal::SyllableTrie::BitLetter(bit);
          while (kid->first != cp) ++kid;
          TryGroup(kid->second, cost, index.groups[index.group_of_bit[static_cast<size_t>(bit)]], next_pos, floor);
        }
      }
      return;
    }
    for (const auto& [cp, child] : kids) {
      while (g != index.groups.end() && g->first < cp) ++g;
      if (g == index.groups.end()) return;
      if (g->first == cp) TryGroup(child, cost, *g, next_pos, floor);
    }
  }

  void Step(size_t pos, int32_t node, double cost) {
    if (++visits > kMaxVisits) return;
    if (pos == ocr.size() && node != trie.root() && trie.IsTerminal(node)) Record(node, cost);
    const double floor = PriorBelow(node);
    for (size_t len = 1; len <= 2 && pos + len <= ocr.size(); ++len) {
      if (pieces[pos][len] != nullptr) Expand(node, cost, *pieces[pos][len], pos + len, floor);
    }
    if (drops_left > 0 && dropped != nullptr) {
      --drops_left;
      Expand(node, cost, *dropped, pos, floor);
      ++drops_left;
    }
  }
};

void OcrChannel::Candidates(std::string_view ocr_token, const internal::SyllableTrie& trie,
                            size_t max, std::vector<Candidate>* out, double prior_weight) const {
  out->clear();
  if (max == 0) return;
  U32 ocr = internal::Lower(internal::DecodeUtf8(ocr_token));
  if (ocr.empty() || ocr.size() > kMaxTokenLength) return;
  Search s(ocr, trie, max, prior_weight);
  // Fallback for OCR characters the table never saw: read them as themselves.
  std::vector<ReverseIndex> fallback(ocr.size());
  for (size_t pos = 0; pos < ocr.size(); ++pos) {
    for (size_t len = 1; len <= 2 && pos + len <= ocr.size(); ++len) {
      auto it = reverse_.find(PackOcr(std::u32string_view(ocr).substr(pos, len)));
      if (it != reverse_.end()) s.pieces[pos][len] = &it->second;
    }
    if (s.pieces[pos][1] == nullptr) {
      fallback[pos] = Group({{U32(1, ocr[pos]), static_cast<float>(kUnseenIdentityCost)}});
      s.pieces[pos][1] = &fallback[pos];
    }
  }
  if (!dropped_.empty()) s.dropped = &dropped_;
  s.ComputeRest();
  s.channel_limit = std::min(kMaxPathCost, s.rest[0] + kMaxMargin);
  s.Step(0, trie.root(), 0.0);
  // The search may have reached a syllable by a dearer path first; score each pair
  // exactly so that the result does not depend on the order of exploration.
  U32 clean;
  for (Search::Found& f : s.found) {
    trie.Spell(f.node, &clean);
    f.cost = std::min(f.cost, static_cast<double>(scorer_.Cost(clean, ocr, false)));
    f.rank = f.cost + prior_weight * trie.PriorCost(f.node);
  }
  std::stable_sort(s.found.begin(), s.found.end(), [](const auto& a, const auto& b) { return a.rank < b.rank; });
  out->reserve(s.found.size());
  for (const Search::Found& f : s.found) {
    trie.Spell(f.node, &clean);
    out->emplace_back(internal::EncodeUtf8(clean), -f.cost / kLn10);
  }
}

}  // namespace vanban
