// The restorer: cuts each decoding unit into pieces, builds a lattice of readings
// (one word as one syllable, one OCR word as two syllables, two OCR pieces as one
// syllable, a stray mark as nothing), finds the best path with a beam search over the
// n-gram model, and writes the chosen readings back into the text with the original
// letter case and layout.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "channel/channel_index.h"
#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "model/viet_chars.h"
#include "restore/channel_mix.h"
#include "restore/list_labels.h"
#include "restore/lm_cache.h"
#include "restore/pieces.h"
#include "restore/symbol_form.h"
#include "restore/word_candidates.h"
#include "vanban/restore.h"
#include "vanban/text.h"

namespace vanban {

using internal::ChannelMix;
using internal::LmState;
using internal::ModelData;
using internal::Piece;
using internal::PieceKind;
using internal::WordCand;

std::string_view RestoredKindName(RestoredKind kind) {
  switch (kind) {
    case RestoredKind::kSyllable: return "syllable";
    case RestoredKind::kOcr: return "ocr";
    case RestoredKind::kSymbolPart: return "symbol";
    case RestoredKind::kKept: return "kept";
  }
  return "kept";
}

namespace {

enum class EdgeKind : uint8_t {
  kFixed,  // one reading: a number, a mark, a symbol part, a verbatim piece
  kWord,   // one word, one syllable
  kMerge,  // one OCR word, two syllables (the OCR lost a space)
  kJoin,   // two OCR pieces, one syllable (the OCR broke a word)
  kSkip,   // a mark read as OCR noise: no effect on the language model
};

// One reading of an edge. |id2| is the second syllable of a merge reading; |cut| the
// code point where the written word is cut between the two.
struct Cand {
  uint32_t id;
  uint32_t id2 = 0;
  float channel = 0;
  bool as_written = false;
  bool as_written2 = false;
  uint8_t cut = 0;
  // For a word kept as written (id = unk) that the model still knows as a spelling
  // ("VAT" in "thuế VAT", "Cup"): the model's word, so its context counts.
  uint32_t lm = 0;
  uint32_t LmId() const { return lm != 0 ? lm : id; }
};

struct Edge {
  uint32_t from, to;  // pieces [from, to)
  EdgeKind kind;
  uint32_t cand_begin, cand_count;
  int32_t fixed_text = -1;  // symbol part output (text pool), or -1
  bool label = false;       // a list label at the start of a line
  float margin = 0;         // best score minus the best score of another reading
};

struct Hyp {
  LmState state;
  float score;
  int32_t back;   // previous hypothesis in the arena, -1 at the start
  uint32_t edge;  // edge taken to get here
  uint16_t cand;
};

constexpr float kNegInf = -1e30f;
// Longest stretch of text decoded as one unit (bytes), which bounds the search's memory.
constexpr size_t kMaxUnitBytes = 8192;
// Unigram log10 prior used to rank the "kept as written" reading against others.
constexpr float kUnknownPrior = -3.0f;
// An OCR word is tried as two syllables when no single reading explains it this
// well (log10), and two pieces as one syllable when either is explained this badly.
constexpr float kMergeTrigger = -2.0f;
constexpr float kJoinTrigger = -2.5f;
constexpr size_t kMaxMergeCodePoints = 14;
constexpr size_t kMaxJoinCodePoints = 8;
// Readings of each neighbour whose context is asked: more for a word the channel
// cannot read (its own readings say little), fewer for the rest (speed).
constexpr size_t kContextNeighbours = 2;
constexpr size_t kContextNeighboursWeak = 4;
constexpr size_t kNeighbourWordsWeak = 8;  // of the 16 the model keeps per word
constexpr uint32_t kPrescreenReadings = 4;  // edges with more readings are prescreened
// A word kept as written pays for being some unknown word; one the model knows as it is
// spelt ("VAT", "Cup") has its own n-grams to speak for it, so it pays less (log10).
constexpr float kKnownSpellingRelief = 3.0f;
constexpr size_t kMergeSideReadings = 4;
constexpr size_t kMergeReadings = 8;
constexpr size_t kJoinReadings = 6;

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) internal::NextCodePoint(s, &pos);
  return n;
}

// Byte offset of code point |cp| in |s|.
size_t ByteOfCodePoint(std::string_view s, size_t cp) {
  size_t pos = 0;
  for (size_t i = 0; i < cp && pos < s.size(); ++i) internal::NextCodePoint(s, &pos);
  return pos;
}

// A run of two or more digits glued to three or more letters ("21thang", "nam2026"):
// a number and a word the OCR ran together, not digits standing for letters ("s6").
bool DigitGlue(std::string_view s) {
  size_t i = 0, n = s.size();
  auto digits = [&](size_t& k) { size_t b = k; while (k < n && s[k] >= '0' && s[k] <= '9') ++k; return k - b; };
  auto letters = [&](size_t& k) {
    size_t c = 0;
    while (k < n && !(s[k] >= '0' && s[k] <= '9')) internal::NextCodePoint(s, &k), ++c;
    return c;
  };
  size_t d1 = digits(i), l = letters(i), d2 = digits(i);
  if (i != n) return false;
  return l >= 3 && ((d1 >= 2 && d2 == 0) || (d1 == 0 && d2 >= 2));
}

// "Il", "I11", "1l": I mixed with the l and 1 English-model OCR reads it as.
bool IsDamagedRoman(std::string_view s) {
  if (s.size() < 2 || s.size() > 4 || s.find('I') == std::string_view::npos) return false;
  return s.find_first_not_of("Il1") == std::string_view::npos && s.find_first_of("l1") != std::string_view::npos;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A piece of an OCR word that may stand for a syllable or a number: it has a vowel,
// or something OCR writes for one (6 for ô, 4 for a, ¢ for ở), or is all digits.
// "nh", "tr" alone are not worth a search.
bool CouldBeSyllable(std::string_view s) {
  if (AllDigits(s)) return true;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = internal::NextCodePoint(s, &pos);
    const internal::VietLetter& v = internal::LookupLetter(cp);
    if (v.base != 0) {
      char b = v.base;
      if (b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y') return true;
      continue;
    }
    if (cp == '0' || cp == '3' || cp == '4' || cp == '6' || cp == 0xA2 || cp == '&' || cp == '@' || cp == 0xA7 ||
        cp == 0x20AC || cp == 0xAE || cp == 0xA9 || cp == 0xA5)
      return true;
  }
  return false;
}


}  // namespace

class Restorer::Impl {
 public:
  Impl(const Model& model, const RestoreOptions& options)
      : m_(model.data()), o_(options), words_(model.data(), model.ocr_channel()), lm_(model.data()) {}

  void Restore(std::string_view text, RestoreResult* out) {
    out->text.clear();
    out->tokens.clear();
    out->changed = 0;
    out->timed_out = false;
    out->text.reserve(text.size() + text.size() / 4);
    ChannelMix mix = internal::EstimateChannelMix(text, m_);
    internal::CandidateLimits limits;
    limits.diacritic = o_.max_candidates;  // the search tries max_readings of them
    limits.ocr = o_.max_ocr_candidates;
    words_.Reset(mix, limits, o_.ocr);
    ocr_ = words_.ocr_active();
    out->profile = {mix.clean, mix.stripped, mix.ocr, mix.words, mix.damaged, mix.unknown};
    cache_.clear();
    pair_cache_.clear();
    last_label_ = 0;
    ScanLabels(text);
    size_t pos = 0;
    uint32_t line_no = 1;
    auto line_end = [&](size_t p) {
      size_t nl = text.find_first_of("\r\n", p);
      return nl == std::string_view::npos ? text.size() : nl;
    };
    auto after_break = [&](size_t nl) {
      size_t next = nl + 1;
      if (text[nl] == '\r' && next < text.size() && text[next] == '\n') ++next;
      return next;
    };
    // Past the deadline the text from |at| on is kept as written.
    auto out_of_time = [&](size_t at) {
      if (std::chrono::steady_clock::now() < o_.deadline) return false;
      out->text.append(text.substr(at));
      out->timed_out = true;
      return true;
    };
    while (pos <= text.size()) {
      // A unit is a line plus the wrapped lines that continue it.
      size_t last_begin = pos, end = line_end(pos);
      while (o_.join_wrapped_lines && end < text.size() && end > last_begin) {
        size_t next = after_break(end), next_end = line_end(next);
        if (!internal::ContinuesLine(text.substr(next, next_end - next))) break;
        last_begin = next;
        end = next_end;
      }
      // A huge unit (a file without line breaks) is decoded in pieces: the search's
      // memory grows with the unit. Cut after a sentence end, else at a space.
      size_t from = pos;
      while (end - from > kMaxUnitBytes) {
        std::string_view window = text.substr(from, kMaxUnitBytes);
        size_t cut = window.rfind(". ");
        if (cut == std::string_view::npos || cut < kMaxUnitBytes / 2) cut = window.rfind(' ');
        if (cut == std::string_view::npos || cut == 0) cut = kMaxUnitBytes;  // no space at all
        else ++cut;                                                          // after the mark or space
        while (cut < window.size() && (static_cast<unsigned char>(window[cut]) & 0xC0) == 0x80) ++cut;
        if (out_of_time(from)) return;
        line_no = RestoreUnit(text, from, from + cut, line_no, out);
        from += cut;
      }
      if (out_of_time(from)) return;
      line_no = RestoreUnit(text, from, end, line_no, out);
      if (end >= text.size()) break;
      size_t next = after_break(end);
      out->text.append(text.substr(end, next - end));
      pos = next;
      ++line_no;
    }
  }

 private:
  // ---- List labels of the whole document (for looking ahead).
  void ScanLabels(std::string_view text) {
    labels_.clear();
    size_t pos = 0;
    std::string key;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      size_t b = text.find_first_not_of(" \t", pos);
      if (b < eol) {
        size_t after = b;
        internal::NextCodePoint(text, &after);
        if (after < eol && text[after] == ')' && internal::KeyInto(text.substr(b, after - b), &key) && key.size() == 1)
          labels_.push_back({b, key[0]});
      }
      pos = eol + 1;
    }
  }
  // The diacritic-free letter of the first list label after byte |offset|, or 0.
  char NextLabelKey(size_t offset) const {
    auto it = std::upper_bound(labels_.begin(), labels_.end(), offset,
                               [](size_t o, const std::pair<size_t, char>& l) { return o < l.first; });
    return it == labels_.end() ? 0 : it->second;
  }

  // ---- Text pool for symbol-part outputs.
  int32_t Pool(std::string_view s) {
    pool_offsets_.push_back(static_cast<uint32_t>(pool_.size()));
    pool_.append(s);
    pool_offsets_.push_back(static_cast<uint32_t>(pool_.size()));
    return static_cast<int32_t>(pool_offsets_.size() / 2 - 1);
  }
  std::string_view PoolText(int32_t i) const {
    return std::string_view(pool_).substr(pool_offsets_[2 * i], pool_offsets_[2 * i + 1] - pool_offsets_[2 * i]);
  }

  std::string_view PieceText(size_t i) const { return unit_.substr(pieces_[i].begin, pieces_[i].end - pieces_[i].begin); }

  // ---- Lattice construction.
  uint32_t AddEdge(uint32_t from, uint32_t to, EdgeKind kind) {
    edges_.push_back({from, to, kind, static_cast<uint32_t>(cands_.size()), 0});
    return static_cast<uint32_t>(edges_.size() - 1);
  }
  void CloseEdge(uint32_t e) { edges_[e].cand_count = static_cast<uint32_t>(cands_.size() - edges_[e].cand_begin); }

  void AddFixed(uint32_t i, uint32_t id, int32_t fixed_text = -1) {
    uint32_t e = AddEdge(i, i + 1, EdgeKind::kFixed);
    edges_[e].fixed_text = fixed_text;
    cands_.push_back({id, 0, 0.0f, true});
    CloseEdge(e);
  }

  float Weighted(float channel, uint32_t id) const {
    float w = static_cast<float>(o_.channel_weight) * channel;
    if (o_.document_cache && !cache_.empty()) {
      auto it = cache_.find(id);
      if (it != cache_.end()) w += it->second;
    }
    return w;
  }

  std::string_view SymbolForm(std::string_view text) { return internal::SymbolForm(m_, text, ocr_, &key_); }

  // The readings of a word worth the language model's time: within reach of the
  // best by channel and unigram prior, at most max_readings of them.
  // A capitalised word that does not start a sentence or line: a name or a title word.
  bool MidSentenceCapital(uint32_t i) const {
    if (pieces_[i].line_start || i == 0 || !internal::IsCapitalised(PieceText(i))) return false;
    for (uint32_t j = i; j-- > 0;) {
      if (pieces_[j].kind == PieceKind::kWord || pieces_[j].kind == PieceKind::kSymbol ||
          pieces_[j].kind == PieceKind::kNumber || pieces_[j].kind == PieceKind::kFixed)
        return true;
      char c = unit_[pieces_[j].begin];
      if (c == '.' || c == ':' || c == '?' || c == '!' || c == '"' || c == '(' || c == ';') return false;
      if (pieces_[j].line_start) return false;
    }
    return false;
  }

  // With |favoured|, the readings the neighbours make likely (the last ContextProposals)
  // are tried even when channel and prior alone would leave them out ("theo doi" is
  // theo dõi).
  void AddReadings(const std::vector<WordCand>& list, float cap_weight = 0.0f, bool favoured = false) {
    rank_.clear();
    float best = kNegInf;
    for (size_t k = 0; k < list.size(); ++k) {
      const WordCand& c = list[k];
      float r = c.channel + (c.id == m_.unk() ? kUnknownPrior : m_.UnigramLogProb(c.id));
      rank_.push_back({r, k});
      best = std::max(best, r);
    }
    std::sort(rank_.begin(), rank_.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    size_t limit = static_cast<size_t>(std::max(1, o_.max_readings));
    for (size_t k = 0; k < rank_.size(); ++k) {
      const WordCand& c = list[rank_[k].second];
      bool in = k < limit && rank_[k].first >= best - static_cast<float>(o_.reading_margin);
      if (!in && favoured && c.channel >= best - static_cast<float>(o_.reading_margin))
        in = proposal_mark_.Has(c.id, proposal_mark_.current());
      if (!in) continue;
      cands_.push_back({c.id, 0, Weighted(c.channel + cap_weight * c.cap_bonus, c.id), c.as_written});
      if (c.spelled != 0) {
        cands_.back().lm = c.spelled;
        cands_.back().channel += kKnownSpellingRelief;
      }
    }
  }

  // The few readings of word piece |j| the channel and prior like best (computed once
  // per piece and unit).
  const std::vector<uint32_t>& TopReadings(uint32_t j) {
    if (top_done_[j]) return top_[j];
    top_done_[j] = 1;
    std::vector<uint32_t>& out = top_[j];
    out.clear();
    internal::LowerInto(PieceText(j), &scratch_);
    const std::vector<WordCand>& list = words_.For(scratch_);
    rank2_.clear();
    for (const WordCand& c : list)
      if (c.id != m_.unk()) rank2_.push_back({c.channel + m_.UnigramLogProb(c.id), c.id});
    size_t n = std::min(rank2_.size(), kContextNeighboursWeak);
    std::partial_sort(rank2_.begin(), rank2_.begin() + static_cast<std::ptrdiff_t>(n), rank2_.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; k < n; ++k) out.push_back(rank2_[k].second);
    return out;
  }

  // Second look at an OCR'd line: a word the first decoding kept as written or read
  // poorly gets the readings its decoded neighbours make likely ("đôn dbc": what
  // follows đôn), which the first pass could only guess from each neighbour's best
  // readings on its own. True if any word got hints.
  bool CollectHints() {
    // The model word chosen for each piece (0 where none: marks skipped, merges).
    chosen_.assign(pieces_.size(), 0);
    weak_.assign(pieces_.size(), 0);
    for (int32_t h : path_) {
      const Edge& e = edges_[arena_[h].edge];
      const Cand& c = cands_[e.cand_begin + arena_[h].cand];
      if (e.to != e.from + 1 || c.id2 != 0) continue;
      chosen_[e.from] = c.id;
      weak_[e.from] = pieces_[e.from].kind == PieceKind::kWord && e.kind == EdgeKind::kWord &&
                      (c.id == m_.unk() || c.channel < static_cast<float>(o_.context_trigger));
    }
    bool any = false;
    for (uint32_t i = 0; i < pieces_.size(); ++i) {
      if (!weak_[i]) continue;
      std::vector<uint32_t>& hint = hints_[i];
      if (i > 0 && !pieces_[i].break_before && chosen_[i - 1] != 0 && chosen_[i - 1] != m_.unk())
        for (uint16_t v : m_.Successors(chosen_[i - 1]))
          if (v != 0) hint.push_back(v);
      if (i + 1 < pieces_.size() && !pieces_[i + 1].break_before && chosen_[i + 1] != 0 && chosen_[i + 1] != m_.unk())
        for (uint16_t v : m_.Predecessors(chosen_[i + 1]))
          if (v != 0) hint.push_back(v);
      any |= !hint.empty();
    }
    return any;
  }

  // The readings the neighbouring words of piece |i| make likely (unique; also marked
  // in proposal_mark_ until the next call).
  // |neighbours| readings of each neighbour, the likeliest |per_neighbour| words after or
  // before each.
  void ContextProposals(uint32_t i, std::vector<uint32_t>* out, size_t neighbours = kContextNeighbours,
                        size_t per_neighbour = internal::kNeighbours) {
    out->clear();
    const uint32_t gen = proposal_mark_.Next();
    auto add = [&](uint32_t v) {
      if (v != 0 && proposal_mark_.Set(v, gen)) out->push_back(v);
    };
    for (uint32_t v : hints_[i]) add(v);
    if (i > 0 && pieces_[i - 1].kind == PieceKind::kSymbol && !pieces_[i].break_before) {
      uint32_t w = SymbolWordId(PieceText(i - 1));  // "UBND x4": what follows UBND
      if (w != m_.unk())
        for (uint16_t v : m_.Successors(w)) add(v);
    }
    if (i > 0 && pieces_[i - 1].kind == PieceKind::kWord && !pieces_[i].break_before) {
      const std::vector<uint32_t>& top = TopReadings(i - 1);
      for (size_t k = 0; k < top.size() && k < neighbours; ++k)
        for (uint16_t v : m_.Successors(top[k]).first(per_neighbour)) add(v);
    }
    if (i + 1 < pieces_.size() && pieces_[i + 1].kind == PieceKind::kWord && !pieces_[i + 1].break_before) {
      const std::vector<uint32_t>& top = TopReadings(i + 1);
      for (size_t k = 0; k < top.size() && k < neighbours; ++k)
        for (uint16_t v : m_.Predecessors(top[k]).first(per_neighbour)) add(v);
    }
  }

  // Words the channel reads well get context readings under the learned channel only
  // ("theo ddi": dõi, which the channel ranks low for its rarity); words it cannot read
  // under the smoothed one.
  // True when no reading explains the word well: the OCR mangled it.
  bool Weak(const std::vector<WordCand>& list) const {
    for (const WordCand& c : list)
      if (c.id != m_.unk() && c.channel >= static_cast<float>(o_.context_trigger)) return false;
    return true;
  }

  // |proposals_| must hold ContextProposals(i).
  void AddContextReadings(const std::vector<WordCand>& list, float extra = 0.0f) {
    float best = kNegInf;
    for (const WordCand& c : list)
      if (c.id != m_.unk()) best = std::max(best, c.channel);
    const bool smooth = best < static_cast<float>(o_.context_trigger);
    // Readings already on the edge are not proposed again.
    const uint32_t gen = edge_mark_.Next();
    for (uint32_t k = edges_.back().cand_begin; k < cands_.size(); ++k) edge_mark_.Set(cands_[k].id, gen);
    proposals_.erase(std::remove_if(proposals_.begin(), proposals_.end(),
                                    [&](uint32_t v) { return edge_mark_.Has(v, gen); }),
                     proposals_.end());
    const float floor = best - static_cast<float>(o_.reading_margin);
    words_.Proposed(lower_, proposals_, smooth, floor, &proposal_scores_);
    scored_.clear();
    for (size_t k = 0; k < proposals_.size(); ++k) {
      if (proposal_scores_[k] >= floor)
        scored_.push_back({proposal_scores_[k], proposals_[k]});
    }
    size_t n = std::min(scored_.size(), static_cast<size_t>(o_.context_readings));
    std::partial_sort(scored_.begin(), scored_.begin() + static_cast<std::ptrdiff_t>(n), scored_.end(),
                      [](const auto& x, const auto& y) { return x.first > y.first; });
    for (size_t k = 0; k < n; ++k)
      cands_.push_back({scored_[k].second, 0, Weighted(scored_[k].first + extra, scored_[k].second), false});
  }

  // A number, or in OCR'd text a short one standing alone may be a word the OCR
  // read as digits ("6" for ở or có, "06" for tổ).
  void AddNumberEdge(uint32_t i) {
    std::string_view text = PieceText(i);
    bool alone = (pieces_[i].space_before || pieces_[i].line_start) &&
                 (i + 1 >= pieces_.size() || pieces_[i + 1].space_before || pieces_[i + 1].break_before ||
                  pieces_[i + 1].kind == PieceKind::kPunct);
    if (!ocr_ || !alone || text.size() > 3) {
      AddFixed(i, m_.num());
      return;
    }
    uint32_t e = AddEdge(i, i + 1, EdgeKind::kWord);
    cands_.push_back({m_.num(), 0, 0.0f, true});
    lower_.assign(text);
    const std::vector<WordCand>& list = words_.For(lower_);
    for (const WordCand& c : list) {
      if (c.id == m_.unk()) continue;
      cands_.push_back({c.id, 0, Weighted(c.channel + static_cast<float>(o_.digit_word_log10), c.id), false});
    }
    if (o_.context_readings > 0) {
      ContextProposals(i, &proposals_, kContextNeighboursWeak, kNeighbourWordsWeak);
      AddContextReadings(list, static_cast<float>(o_.digit_word_log10));
    }
    CloseEdge(e);
  }

  // The model's word for an abbreviation ("#hdnd"), or <unk>.
  uint32_t SymbolWordId(std::string_view form) {
    if (!internal::KeyInto(form, &key_)) return m_.unk();
    key_.insert(key_.begin(), internal::kAbbreviationMark);
    return m_.WordId(key_);
  }

  void AddWordEdge(uint32_t i) {
    std::string_view text = PieceText(i);
    internal::LowerInto(text, &lower_);
    const std::vector<WordCand>& list = words_.For(lower_);
    uint32_t e = AddEdge(i, i + 1, EdgeKind::kWord);
    // A Roman section number the OCR mixed with l and 1 ("Il.", "I11."): I, II, III.
    const Piece& p0 = pieces_[i];
    if (ocr_ && p0.line_start && i + 1 < pieces_.size() && unit_[pieces_[i + 1].begin] == '.' &&
        IsDamagedRoman(text)) {
      edges_[e].kind = EdgeKind::kFixed;
      edges_[e].fixed_text = Pool(std::string(text.size(), 'I'));
      cands_.push_back({m_.unk(), 0, 0.0f, false});
      CloseEdge(e);
      return;
    }
    // A one-letter list label at the start of a line follows the previous one.
    const Piece& p = pieces_[i];
    if (p.line_start && i + 1 < pieces_.size() && pieces_[i + 1].kind == PieceKind::kPunct &&
        unit_[pieces_[i + 1].begin] == ')' && CodePoints(text) == 1) {
      edges_[e].label = true;
      std::string_view expected = internal::ListLabelAt(last_label_ + 1);
      uint32_t id = expected.empty() ? m_.unk() : m_.WordId(expected);
      // Without the previous label (a list cut short), the next one tells d) from đ):
      // before e) it is đ), before another d) it is d).
      const bool expected_d = id != m_.unk() && internal::KeyInto(expected, &key_) && key_ == "d";
      if (!expected_d && (lower_ == "d" || lower_ == "đ")) {
        char next = NextLabelKey(unit_begin_ + p.begin);
        if (next == 'e' || next == 'd') {
          expected = next == 'e' ? "đ" : "d";
          id = m_.WordId(expected);
        }
      }
      if (id != m_.unk() && std::any_of(list.begin(), list.end(), [&](const WordCand& c) { return c.id == id; })) {
        cands_.push_back({id, 0, 0.0f, expected == lower_});
        edges_[e].kind = EdgeKind::kFixed;
        CloseEdge(e);
        return;
      }
    }
    const bool weak = Weak(list);
    const bool context = ocr_ && o_.context_readings > 0 && (weak || o_.context_for_all);
    const bool favoured = list.size() > static_cast<size_t>(o_.max_readings);
    if (context || favoured) {
      if (weak) ContextProposals(i, &proposals_, kContextNeighboursWeak, kNeighbourWordsWeak);
      else ContextProposals(i, &proposals_);
    }
    AddReadings(list, MidSentenceCapital(i) ? static_cast<float>(o_.capitalised_weight) : 0.0f, favoured);
    if (context) AddContextReadings(list);
    CloseEdge(e);
    if (!ocr_ || !o_.ocr_splits) return;
    // One OCR word, two syllables.
    if (o_.merged_log10 < 0 && CodePoints(lower_) >= 3 && CodePoints(lower_) <= kMaxMergeCodePoints) {
      float best = words_.BestReading(lower_);
      bool digit_glue = DigitGlue(lower_);  // "21thang": a number glued to a word
      if (best < kMergeTrigger || digit_glue) AddMergeEdge(i, static_cast<float>(o_.merged_log10));
    }
  }

  // Best few readings of one side of a cut word, ranked by channel and unigram prior
  // (the language model sees only the few kept).
  void SideReadings(std::string_view side, std::vector<std::pair<uint32_t, float>>* out) {
    out->clear();
    if (AllDigits(side)) {
      out->push_back({m_.num(), 0.0f});
      return;
    }
    std::string s(side);
    rank_.clear();
    for (const WordCand& c : words_.For(s)) {
      if (c.id != m_.unk()) rank_.push_back({c.channel + m_.UnigramLogProb(c.id), out->size()}), out->push_back({c.id, c.channel});
    }
    std::sort(rank_.begin(), rank_.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::pair<uint32_t, float>> best;
    for (size_t k = 0; k < rank_.size() && k < kMergeSideReadings; ++k) best.push_back((*out)[rank_[k].second]);
    out->swap(best);
  }

  void AddMergeEdge(uint32_t i, float penalty) {
    std::string word = lower_;
    size_t n = CodePoints(word);
    merge_.clear();
    merge_rank_.clear();
    for (size_t cut = 1; cut < n; ++cut) {
      size_t b = ByteOfCodePoint(word, cut);
      std::string_view left = std::string_view(word).substr(0, b), right = std::string_view(word).substr(b);
      if (!CouldBeSyllable(left) || !CouldBeSyllable(right)) continue;
      SideReadings(left, &left_);
      if (left_.empty()) continue;
      SideReadings(right, &right_);
      for (const auto& [l, lc] : left_) {
        for (const auto& [r, rc] : right_) {
          merge_.push_back({l, r, lc + rc + penalty, false, false, static_cast<uint8_t>(cut)});
          merge_rank_.push_back(lc + rc + m_.UnigramLogProb(l) + m_.UnigramLogProb(r));
        }
      }
    }
    if (merge_.empty()) return;
    // The pairs the channel and the unigram priors like best; the LM sees those.
    order_.resize(merge_.size());
    for (uint32_t k = 0; k < order_.size(); ++k) order_[k] = k;
    std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) { return merge_rank_[a] > merge_rank_[b]; });
    if (order_.size() > kMergeReadings) order_.resize(kMergeReadings);
    uint32_t e = AddEdge(i, i + 1, EdgeKind::kMerge);
    for (uint32_t k : order_) {
      Cand c = merge_[k];
      c.channel = static_cast<float>(o_.channel_weight) * c.channel;
      cands_.push_back(c);
    }
    CloseEdge(e);
  }

  // Two OCR pieces on one line, one syllable ("ch ức", "Nghi ệp").
  void AddJoinEdge(uint32_t i) {
    const Piece &a = pieces_[i], &b = pieces_[i + 1];
    if (b.break_before || !b.space_before || b.begin != a.end + 1 || unit_[a.end] != ' ') return;
    std::string la, lb;
    internal::LowerInto(PieceText(i), &la);
    internal::LowerInto(PieceText(i + 1), &lb);
    size_t na = CodePoints(la), nb = CodePoints(lb);
    if (na + nb > kMaxJoinCodePoints) return;
    if (words_.BestReading(la) > kJoinTrigger && words_.BestReading(lb) > kJoinTrigger) return;
    std::string joined = la + lb;
    join_.clear();
    for (const WordCand& c : words_.For(joined)) {
      if (c.id != m_.unk()) join_.push_back({c.id, 0, c.channel + static_cast<float>(o_.broken_log10)});
    }
    if (join_.empty()) return;
    std::sort(join_.begin(), join_.end(), [&](const Cand& x, const Cand& y) {
      return x.channel + m_.UnigramLogProb(x.id) > y.channel + m_.UnigramLogProb(y.id);
    });
    if (join_.size() > kJoinReadings) join_.resize(kJoinReadings);
    uint32_t e = AddEdge(i, i + 2, EdgeKind::kJoin);
    for (Cand c : join_) {
      c.channel = Weighted(c.channel, c.id);
      cands_.push_back(c);
    }
    CloseEdge(e);
  }

  // |again|: a second lattice for the same unit, where only the pieces with hints
  // change; the other pieces' edges are copied from the first.
  void BuildLattice(bool again = false) {
    if (again) {
      edges_.swap(edges1_);
      cands_.swap(cands1_);
      first_edge1_.swap(first_edge_);
    } else {
      top_done_.assign(pieces_.size(), 0);
      if (top_.size() < pieces_.size()) top_.resize(pieces_.size());
      pool_.clear();
      pool_offsets_.clear();
    }
    edges_.clear();
    cands_.clear();
    for (uint32_t i = 0; i < pieces_.size(); ++i) {
      if (again && hints_[i].empty()) {
        for (uint32_t e = first_edge1_[i]; e < edges1_.size() && edges1_[e].from == i; ++e) {
          Edge copy = edges1_[e];
          copy.cand_begin = static_cast<uint32_t>(cands_.size());
          cands_.insert(cands_.end(), cands1_.begin() + edges1_[e].cand_begin,
                        cands1_.begin() + edges1_[e].cand_begin + edges1_[e].cand_count);
          edges_.push_back(copy);
        }
        continue;
      }
      std::string_view text = PieceText(i);
      switch (pieces_[i].kind) {
        case PieceKind::kNumber:
          AddNumberEdge(i);
          break;
        case PieceKind::kPunct: {
          AddFixed(i, m_.WordId(internal::LmWord(text, internal::LmTokenKind::kPunct, &scratch_)));
          if (ocr_ && o_.ocr_splits && o_.junk_log10 < 0) {
            uint32_t e = AddEdge(i, i + 1, EdgeKind::kSkip);
            cands_.push_back({0, 0, static_cast<float>(o_.channel_weight * o_.junk_log10), true});
            CloseEdge(e);
          }
          break;
        }
        case PieceKind::kSymbol: {
          std::string_view form = SymbolForm(text);
          // A symbol already written with marks (VNĐ, HĐND) is kept as written.
          bool fix = !form.empty() && form != text && !internal::HasMarks(text);
          AddFixed(i, SymbolWordId(fix ? form : text), fix ? Pool(form) : -1);
          break;
        }
        case PieceKind::kFixed:
          AddFixed(i, m_.unk());
          break;
        case PieceKind::kWord:
          AddWordEdge(i);
          if (ocr_ && o_.ocr_splits && o_.broken_log10 < 0 && i + 1 < pieces_.size() &&
              pieces_[i + 1].kind == PieceKind::kWord)
            AddJoinEdge(i);
          break;
      }
    }
    // Edges by start position for the search; every piece starts at least one edge.
    std::stable_sort(edges_.begin(), edges_.end(), [](const Edge& a, const Edge& b) { return a.from < b.from; });
    first_edge_.assign(pieces_.size() + 1, static_cast<uint32_t>(edges_.size()));
    for (size_t e = edges_.size(); e-- > 0;) first_edge_[edges_[e].from] = static_cast<uint32_t>(e);
  }

  // ---- Search.
  float Extend(const Hyp& h, const Cand& c, LmState* out) {
    if (c.id == 0) {  // skipped mark
      *out = h.state;
      return h.score + c.channel;
    }
    float s = h.score + lm_.Score(h.state, c.LmId(), out) + c.channel;
    if (!pair_cache_.empty() && h.state.len > 0 &&
        pair_cache_.count(PairKey(h.state.words[h.state.len - 1], c.id)) > 0)
      s += static_cast<float>(o_.pair_cache_bonus);
    if (c.id2 != 0) {
      LmState mid = *out;
      s += lm_.Score(mid, c.id2, out);
    }
    return s;
  }

  // Keeps the best |beam| distinct hypotheses at a position.
  void Prune(std::vector<int32_t>* at) {
    std::sort(at->begin(), at->end(), [&](int32_t a, int32_t b) { return arena_[a].score > arena_[b].score; });
    if (at->empty()) return;
    const float floor = arena_[(*at)[0]].score - static_cast<float>(o_.beam_threshold);
    const size_t beam = static_cast<size_t>(std::max(1, o_.beam));
    size_t kept = 0;
    for (size_t k = 0; k < at->size() && kept < beam; ++k) {
      const Hyp& h = arena_[(*at)[k]];
      if (h.score < floor) break;
      bool dup = false;
      for (size_t j = 0; j < kept; ++j) {
        if (arena_[(*at)[j]].state.SameWords(h.state)) {
          dup = true;
          break;
        }
      }
      if (!dup) (*at)[kept++] = (*at)[k];
    }
    at->resize(kept);
  }

  // The prescreen judges readings after the best hypothesis only, but a reading hopeless
  // there may be the natural successor of another one ("cáo" after "báo", not after
  // "bảo"): the model's usual successors of each hypothesis' last word stay live.
  void RescueSuccessors(const std::vector<int32_t>& hyps, const Edge& edge) {
    for (size_t j = 1; j < hyps.size() && j < 64; ++j) {
      const LmState& st = arena_[hyps[j]].state;
      if (st.len == 0) continue;
      for (uint16_t next : m_.Successors(st.words[st.len - 1])) {
        if (next == 0) break;
        for (uint32_t k = 0; k < edge.cand_count; ++k) {
          if (cands_[edge.cand_begin + k].id == next) live_[k] |= uint64_t{1} << j;
        }
      }
    }
  }

  void Decode() {
    const size_t n = pieces_.size();
    arena_.clear();
    if (at_.size() < n + 1) at_.resize(n + 1);
    for (size_t p = 0; p <= n; ++p) at_[p].clear();
    arena_.push_back({m_.BeginState(), 0.0f, -1, 0, 0});
    at_[0].push_back(0);
    for (size_t p = 0; p < n; ++p) {
      Prune(&at_[p]);
      for (uint32_t e = first_edge_[p]; e < first_edge_[p + 1]; ++e) {
        Edge& edge = edges_[e];
        float best = kNegInf, second = kNegInf;
        int best_cand = -1;
        // Readings hopeless after the best hypothesis are not tried after the others.
        live_.assign(edge.cand_count, kAllHyps);
        if (edge.cand_count > kPrescreenReadings && at_[p].size() > 1) {
          const Hyp& top = arena_[at_[p][0]];
          float top_best = kNegInf;
          scores_.resize(edge.cand_count);
          for (uint32_t k = 0; k < edge.cand_count; ++k) {
            LmState st;
            scores_[k] = Extend(top, cands_[edge.cand_begin + k], &st);
            top_best = std::max(top_best, scores_[k]);
          }
          for (uint32_t k = 0; k < edge.cand_count; ++k)
            live_[k] = scores_[k] >= top_best - static_cast<float>(o_.prescreen_margin) ? kAllHyps : 0;
          RescueSuccessors(at_[p], edge);
        }
        for (size_t j = 0; j < at_[p].size(); ++j) {
          const int32_t hi = at_[p][j];
          const uint64_t bit = j < 64 ? uint64_t{1} << j : 0;
          for (uint32_t k = 0; k < edge.cand_count; ++k) {
            if (live_[k] != kAllHyps && (live_[k] & bit) == 0) continue;
            Hyp nh;
            nh.score = Extend(arena_[hi], cands_[edge.cand_begin + k], &nh.state);
            nh.back = hi;
            nh.edge = e;
            nh.cand = static_cast<uint16_t>(k);
            if (nh.score > best) {
              if (best_cand != static_cast<int>(k)) second = best;
              best = nh.score;
              best_cand = static_cast<int>(k);
            } else if (static_cast<int>(k) != best_cand && nh.score > second) {
              second = nh.score;
            }
            at_[edge.to].push_back(static_cast<int32_t>(arena_.size()));
            arena_.push_back(nh);
          }
        }
        edge.margin = best - second;
      }
    }
    Prune(&at_[n]);
    float best = kNegInf;
    int32_t best_h = -1;
    LmState dummy;
    for (int32_t hi : at_[n]) {
      float sc = arena_[hi].score + lm_.Score(arena_[hi].state, m_.eos(), &dummy);
      if (sc > best) best = sc, best_h = hi;
    }
    path_.clear();
    for (int32_t h = best_h; h > 0; h = arena_[h].back) path_.push_back(h);
    std::reverse(path_.begin(), path_.end());
  }

  // ---- Confidence.
  // Posterior of each reading of the edge at path step |step|, the rest of the best
  // path fixed; the following words (up to the model order) give the right context.
  void Posteriors(size_t step, std::vector<double>* post) {
    const Hyp& h = arena_[path_[step]];
    const Edge& e = edges_[h.edge];
    post->assign(e.cand_count, 0.0);
    Hyp before = h.back >= 0 ? arena_[h.back] : Hyp{m_.BeginState(), 0.0f, -1, 0, 0};
    before.score = 0;
    const size_t horizon = static_cast<size_t>(m_.order()) - 1;
    double max_score = -1e300;
    for (uint32_t k = 0; k < e.cand_count; ++k) {
      LmState st, next;
      double sc = Extend(before, cands_[e.cand_begin + k], &st);
      size_t words = 0, j = step + 1;
      for (; j < path_.size() && words < horizon; ++j) {
        const Hyp& f = arena_[path_[j]];
        const Cand& c = cands_[edges_[f.edge].cand_begin + f.cand];
        if (c.id == 0) continue;
        sc += lm_.Score(st, c.LmId(), &next);
        st = next;
        ++words;
        if (c.id2 != 0) {
          sc += lm_.Score(st, c.id2, &next);
          st = next;
          ++words;
        }
      }
      if (j == path_.size() && words < horizon) sc += lm_.Score(st, m_.eos(), &next);
      (*post)[k] = sc;
      max_score = std::max(max_score, sc);
    }
    double z = 0;
    for (double& p : *post) z += (p = std::pow(10.0, p - max_score));
    for (double& p : *post) p /= z;
  }

  // ---- Explanation.
  void Explain(std::string* out) {
    static constexpr const char* kKinds[] = {"fixed", "word", "merge", "join", "skip"};
    std::vector<char> chosen(cands_.size(), 0);
    for (int32_t h : path_) chosen[edges_[arena_[h].edge].cand_begin + arena_[h].cand] = 1;
    *out += "unit: ";
    out->append(unit_);
    *out += '\n';
    for (const Edge& e : edges_) {
      if (e.kind == EdgeKind::kFixed && e.cand_count == 1 && pieces_[e.from].kind != PieceKind::kWord) continue;
      uint32_t b = pieces_[e.from].begin, x = pieces_[e.to - 1].end;
      *out += "  ";
      *out += kKinds[static_cast<int>(e.kind)];
      *out += " '";
      out->append(unit_.substr(b, x - b));
      *out += "':";
      for (uint32_t k = 0; k < e.cand_count; ++k) {
        const Cand& c = cands_[e.cand_begin + k];
        *out += chosen[e.cand_begin + k] ? " *" : " ";
        *out += c.id == 0 ? std::string("(skip)") : std::string(m_.Word(c.id));
        if (c.id2 != 0) *out += "+" + std::string(m_.Word(c.id2));
        char buf[16];
        std::snprintf(buf, sizeof buf, "(%.2f)", c.channel);
        *out += buf;
      }
      *out += '\n';
    }
  }

  // ---- Output.
  // The written text of a reading, in the case pattern of |orig|.
  void Spell(uint32_t id, bool as_written, std::string_view orig, std::string* out) {
    if (as_written || id == m_.unk() || id == m_.num()) {
      out->assign(orig);
      return;
    }
    internal::ApplyWordCaseInto(m_.Word(id), orig, out);
    // The corpus has both placements; restored words follow one.
    *out = NormalizeTonePlacement(*out, o_.tone == RestoreOptions::Tone::kSchool ? ToneStyle::kNew : ToneStyle::kOld);
  }

  void RestoredText(const Edge& e, const Cand& c, std::string_view orig, std::string* out) {
    switch (e.kind) {
      case EdgeKind::kFixed:
        if (e.fixed_text >= 0) out->assign(PoolText(e.fixed_text));
        else Spell(c.id, c.as_written, orig, out);
        return;
      case EdgeKind::kWord:
        Spell(c.id, c.as_written, orig, out);
        return;
      case EdgeKind::kMerge: {
        size_t b = ByteOfCodePoint(orig, c.cut);
        std::string right;
        Spell(c.id, false, orig.substr(0, b), out);
        Spell(c.id2, false, orig.substr(b), &right);
        *out += ' ';
        *out += right;
        return;
      }
      case EdgeKind::kJoin: {
        std::string glued;
        for (char ch : orig)
          if (ch != ' ') glued += ch;
        Spell(c.id, false, glued, out);
        return;
      }
      case EdgeKind::kSkip:
        out->assign(orig);
        return;
    }
  }

  bool Reported(const Edge& e) const {
    if (e.kind == EdgeKind::kSkip) return false;
    PieceKind k = pieces_[e.from].kind;
    return k == PieceKind::kWord || k == PieceKind::kSymbol || k == PieceKind::kFixed;
  }

  RestoredKind KindOf(const Edge& e, const RestoredToken& t) {
    if (pieces_[e.from].kind == PieceKind::kSymbol) return t.changed() ? RestoredKind::kSymbolPart : RestoredKind::kKept;
    if (!t.changed()) return RestoredKind::kKept;
    if (e.kind == EdgeKind::kMerge || e.kind == EdgeKind::kJoin) return RestoredKind::kOcr;
    std::string a, b;
    bool ka = internal::KeyInto(t.original, &a), kb = internal::KeyInto(t.restored, &b);
    return ka && kb && a == b ? RestoredKind::kSyllable : RestoredKind::kOcr;
  }

  static uint32_t CountBreaks(std::string_view s) {
    uint32_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\n') ++n;
      else if (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n')) ++n;
    }
    return n;
  }

  // Restores one unit; returns the line number of its last line.
  uint32_t RestoreUnit(std::string_view doc, size_t begin, size_t end, uint32_t line_no, RestoreResult* out) {
    unit_ = doc.substr(begin, end - begin);
    unit_begin_ = begin;
    words_.Trim();
    internal::CutPieces(unit_, ocr_, m_, &tokens_, &pieces_);
    hints_.assign(pieces_.size(), {});
    BuildLattice();
    Decode();
    if (ocr_ && o_.context_readings > 0 && CollectHints()) {
      BuildLattice(/*again=*/true);
      Decode();
    }
    if (o_.explain != nullptr) Explain(o_.explain);
    size_t copied = 0;
    uint32_t confident_prev = 0;  // the previous word, if read with confidence
    for (size_t step = 0; step < path_.size(); ++step) {
      const Hyp& h = arena_[path_[step]];
      const Edge& e = edges_[h.edge];
      if (!Reported(e)) {
        if (e.kind != EdgeKind::kSkip) confident_prev = 0;
        continue;
      }
      const Cand& c = cands_[e.cand_begin + h.cand];
      uint32_t b = pieces_[e.from].begin, x = pieces_[e.to - 1].end;
      std::string_view orig = unit_.substr(b, x - b);
      std::string_view gap = unit_.substr(copied, b - copied);
      line_no += CountBreaks(gap);
      out->text.append(gap);
      copied = x;
      RestoredToken tok;
      tok.begin = begin + b;
      tok.end = begin + x;
      tok.line = line_no;
      tok.original = std::string(orig);
      RestoredText(e, c, orig, &tok.restored);
      tok.kind = KindOf(e, tok);
      if (e.cand_count > 1) {
        if (o_.confidence) {
          Posteriors(step, &post_);
          tok.confidence = post_[h.cand];
          AddAlternatives(e, h.cand, orig, &tok);
        } else {
          // Left-context margin from the search: cheap, good enough for the cache.
          tok.confidence = 1.0 / (1.0 + std::pow(10.0, -static_cast<double>(e.margin)));
        }
        if (o_.document_cache && e.kind == EdgeKind::kWord && tok.confidence > o_.cache_min_confidence &&
            c.id != m_.unk())
          cache_[c.id] = static_cast<float>(o_.cache_bonus);
      }
      // Pairs of words read with confidence recur in a document ("dân vận" in công tác
      // dân vận, then in phong trào "Dân vận khéo"): the pair is remembered.
      const bool confident = e.kind == EdgeKind::kWord && c.id != m_.unk() && c.id2 == 0 &&
                             (e.cand_count == 1 || tok.confidence > o_.cache_min_confidence);
      if (o_.document_cache && confident && confident_prev != 0) pair_cache_.insert(PairKey(confident_prev, c.id));
      confident_prev = confident ? c.id : 0;
      tok.out_begin = out->text.size();
      out->text.append(tok.restored);
      tok.out_end = out->text.size();
      if (tok.changed()) ++out->changed;
      if (e.label) {
        internal::LowerInto(tok.restored, &lower_);
        last_label_ = internal::ListLabelIndex(lower_);
      }
      if (o_.record_tokens) out->tokens.push_back(std::move(tok));
    }
    std::string_view rest = unit_.substr(copied);
    line_no += CountBreaks(rest);
    out->text.append(rest);
    return line_no;
  }

  void AddAlternatives(const Edge& e, uint16_t chosen, std::string_view orig, RestoredToken* tok) {
    order_.clear();
    for (uint32_t k = 0; k < e.cand_count; ++k) {
      if (k != chosen) order_.push_back(k);
    }
    std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) { return post_[a] > post_[b]; });
    std::string text;
    for (uint32_t k : order_) {
      if (static_cast<int>(tok->alternatives.size()) >= o_.alternatives || post_[k] < 1e-4) break;
      RestoredText(e, cands_[e.cand_begin + k], orig, &text);
      if (text == tok->restored) continue;
      bool dup = std::any_of(tok->alternatives.begin(), tok->alternatives.end(),
                             [&](const Alternative& a) { return a.text == text; });
      if (!dup) tok->alternatives.push_back({text, post_[k]});
    }
  }

  const ModelData& m_;
  const RestoreOptions& o_;
  internal::WordCandidates words_;
  internal::LmCache lm_;
  bool ocr_ = false;
  int last_label_ = 0;
  std::vector<std::pair<size_t, char>> labels_;  // line-start labels: offset, letter key
  size_t unit_begin_ = 0;
  std::string_view unit_;
  std::vector<internal::LmToken> tokens_;
  std::vector<Piece> pieces_;
  std::vector<Edge> edges_;
  std::vector<Cand> cands_, merge_, join_;
  std::vector<float> merge_rank_;
  std::vector<uint32_t> first_edge_, first_edge1_;
  std::vector<Edge> edges1_;  // the first lattice of a unit, while the second is built
  std::vector<Cand> cands1_;
  std::vector<Hyp> arena_;
  std::vector<std::vector<int32_t>> at_;
  std::vector<int32_t> path_;
  // Per reading of the edge being extended, the hypotheses (bits by rank) it is tried after.
  std::vector<uint64_t> live_;
  static constexpr uint64_t kAllHyps = ~uint64_t{0};
  std::vector<float> scores_;
  std::vector<double> post_;
  std::vector<uint32_t> order_;
  std::vector<std::pair<uint32_t, float>> left_, right_;
  std::vector<std::pair<float, size_t>> rank_;
  std::vector<std::pair<float, uint32_t>> rank2_, scored_;
  std::vector<uint32_t> proposals_;
  // Per-word membership marks over the vocabulary (a generation counter instead of
  // clearing).
  struct Marks {
    std::vector<uint32_t> stamp;
    uint32_t gen = 0;
    uint32_t Next() { return ++gen; }
    uint32_t current() const { return gen; }
    // True if |id| was not yet marked in |g|.
    bool Set(uint32_t id, uint32_t g) {
      if (id >= stamp.size()) stamp.resize(id + 1, 0);
      if (stamp[id] == g) return false;
      stamp[id] = g;
      return true;
    }
    bool Has(uint32_t id, uint32_t g) const { return id < stamp.size() && stamp[id] == g; }
  };
  Marks proposal_mark_, edge_mark_;
  std::vector<std::vector<uint32_t>> top_, hints_;
  std::vector<uint32_t> chosen_;
  std::vector<char> weak_;
  std::vector<char> top_done_;
  std::vector<float> proposal_scores_;
  std::unordered_map<uint32_t, float> cache_;
  std::unordered_set<uint64_t> pair_cache_;
  static uint64_t PairKey(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }
  std::string pool_;
  std::vector<uint32_t> pool_offsets_;
  std::string scratch_, key_, lower_;
};

Restorer::Restorer(std::shared_ptr<const Model> model, RestoreOptions options)
    : model_(std::move(model)), options_(options), impl_(std::make_unique<Impl>(*model_, options_)) {}
Restorer::~Restorer() = default;

RestoreResult Restorer::Restore(std::string_view text) {
  RestoreResult r;
  Restore(text, &r);
  return r;
}

void Restorer::Restore(std::string_view text, RestoreResult* out) { impl_->Restore(text, out); }

}  // namespace vanban
