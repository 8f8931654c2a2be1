#include "restore/lattice_builder.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "model/lm_tokens.h"
#include "text/viet_chars.h"
#include "restore/list_labels.h"
#include "restore/pieces.h"
#include "restore/symbol_form.h"

namespace vanban::internal {
namespace {

constexpr float kNegInf = -1e30f;
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
// A word kept as written pays for being some unknown word; one the model knows as it is
// spelt ("VAT", "Cup") has its own n-grams to speak for it, so it pays less (log10).
constexpr float kKnownSpellingRelief = 3.0f;
// Readings of each side of a cut word the merge pairs are made of: a few of the left, more
// of the right, which the pair's bigram ranks (AddMergeEdge).
constexpr size_t kMergeLeftReadings = 4;
constexpr size_t kMergeRightReadings = 12;
constexpr size_t kMergeReadings = 8;
constexpr size_t kJoinReadings = 6;
// A damaged spelling's readings from elsewhere in the document (AddDocumentReadings):
// one sighting of no reading in particular, and the lift (log10) of a reading the
// document made with confidence over the channel's best. Chosen on the dev buckets
// (bad-scan 90.29 -> 90.57%, scan 97.12 -> 97.20%).
constexpr double kDocumentSightingPrior = 1.0;
constexpr double kDocumentReadingLift = 0.6;
// A word the document read between the same confident neighbours elsewhere
// (AddPhraseReadings) scores as the channel's best reading of the damaged word, plus this
// (log10); its pairs' document bonus and the language model then decide. Chosen on the
// dev buckets (-1 to -2 alike; 0 lets the phrase win where the language model doubts it).
constexpr float kPhraseReadingLift = -1.5f;

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

// "1l", "Il", "l": a Roman number OCR mixed with l and 1 (a letter among them; "I" and
// "II" are read as they are).
bool IsRomanLookalike(std::string_view s) {
  return !s.empty() && s.size() <= 4 && s.find_first_not_of("Il1") == std::string_view::npos &&
         s.find_first_of("Il") != std::string_view::npos && s.find_first_of("l1") != std::string_view::npos;
}

// "Il", "I11": one with an I, as a heading's number (a lone "l." or "1l." may be a list's).
bool IsDamagedRoman(std::string_view s) {
  return s.size() >= 2 && s.find('I') != std::string_view::npos && IsRomanLookalike(s);
}

// "QHI5", "QHIS", "QHI15", "0H15" right after a slash: the National Assembly's term that
// ends a law's number ("48/2024/QH15") as English-model OCR reads it (I or l for 1, S for
// 5, O for 0, 0 or O for Q, an I slipped in before the digits). The code mended, or empty
// when |s| is no such code or is already right.
std::string LawTermCode(std::string_view s) {
  if (s.size() < 4 || s.size() > 5 || (s[0] != 'Q' && s[0] != 'O' && s[0] != '0') || s[1] != 'H') return {};
  std::string_view term = s.substr(2);
  if (term.size() == 3) {
    if (term[0] != 'I' && term[0] != 'l') return {};
    term.remove_prefix(1);
  }
  std::string code = "QH";
  for (char c : term) {
    if (c >= '0' && c <= '9') code += c;
    else if (c == 'I' || c == 'l') code += '1';
    else if (c == 'S') code += '5';
    else if (c == 'O') code += '0';
    else return {};
  }
  // The terms since 1997 are the 10th to the 16th.
  if (code[2] != '1' || code == s) return {};
  return code;
}

// Within two edits of "dieu" (a folded key of three to five letters): "isu", "Disu",
// "piee" are what OCR leaves of an article's Điều.
bool NearDieu(std::string_view key) {
  return key.size() >= 3 && key.size() <= 5 && EditDistance(key, "dieu") <= 2;
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

uint32_t LatticeBuilder::AddEdge(uint32_t from, uint32_t to, EdgeKind kind) {
  lat_->edges.push_back({from, to, kind, static_cast<uint32_t>(lat_->cands.size()), 0});
  return static_cast<uint32_t>(lat_->edges.size() - 1);
}
void LatticeBuilder::CloseEdge(uint32_t e) { lat_->edges[e].cand_count = static_cast<uint32_t>(lat_->cands.size() - lat_->edges[e].cand_begin); }

void LatticeBuilder::AddFixed(uint32_t i, uint32_t id, int32_t fixed_text) {
  uint32_t e = AddEdge(i, i + 1, EdgeKind::kFixed);
  lat_->edges[e].fixed_text = fixed_text;
  lat_->cands.push_back({id, 0, 0.0f, true});
  CloseEdge(e);
}

float LatticeBuilder::Weighted(float channel, uint32_t id) const {
  float w = static_cast<float>(o_.channel_weight) * channel;
  if (o_.document_cache) {
    if (float bonus = memory_.WordBonus(id); bonus != 0.0f) w += bonus;
  }
  return w;
}

std::string_view LatticeBuilder::SymbolForm(std::string_view text) { return internal::SymbolForm(m_, text, ocr_, &key_); }

// A capitalised word that does not start a sentence or line: a name or a title word.
bool LatticeBuilder::NameContext(uint32_t i) const {
  return i > 0 && unit_->pieces[i].kind == PieceKind::kWord && unit_->pieces[i - 1].kind == PieceKind::kWord &&
         (unit_->pieces[i].space_before || unit_->pieces[i].break_before) &&
         internal::StartsUpper(unit_->PieceText(i)) && internal::StartsUpper(unit_->PieceText(i - 1));
}

bool LatticeBuilder::MayRead(uint32_t j, uint32_t id) {
  if (unit_->pieces[j].kind != PieceKind::kWord || id == m_.unk()) return false;
  const std::vector<uint32_t>& top = TopReadings(j);
  return std::find(top.begin(), top.end(), id) != top.end();
}

bool LatticeBuilder::AfterTitle(uint32_t first) {
  if (first == 0) return false;
  if (MayRead(first - 1, titles_.ong) || MayRead(first - 1, titles_.ba)) return true;
  return first >= 2 && MayRead(first - 1, titles_.chi) && MayRead(first - 2, titles_.dong);
}

// The model's word for the Roman number of |n| I's ("ii"; it reads Roman numbers as
// lower-case words), or unk.
uint32_t LatticeBuilder::RomanWordId(size_t n) const { return m_.WordId(std::string(n, 'i')); }

bool LatticeBuilder::CitesRoman(uint32_t i) {
  if (i == 0 || !unit_->pieces[i].space_before || unit_->pieces[i - 1].kind != PieceKind::kWord) return false;
  return internal::KeyInto(unit_->PieceText(i - 1), &key_) && (key_ == "muc" || key_ == "phan" || key_ == "chuong");
}

bool LatticeBuilder::PersonContext(uint32_t i) {
  return memory_.SignerLineAt(unit_->begin + unit_->pieces[i].begin) || AfterTitle(run_first_[i]);
}

bool LatticeBuilder::MidSentenceCapital(uint32_t i, std::string_view text) const {
  if (unit_->pieces[i].line_start || i == 0 || !internal::IsCapitalised(text)) return false;
  for (uint32_t j = i; j-- > 0;) {
    if (unit_->pieces[j].kind == PieceKind::kWord || unit_->pieces[j].kind == PieceKind::kSymbol ||
        unit_->pieces[j].kind == PieceKind::kNumber || unit_->pieces[j].kind == PieceKind::kFixed)
      return true;
    char c = unit_->text[unit_->pieces[j].begin];
    if (c == '.' || c == ':' || c == '?' || c == '!' || c == '"' || c == '(' || c == ';') return false;
    if (unit_->pieces[j].line_start) return false;
  }
  return false;
}

// The readings of a word worth the language model's time: within reach of the
// best by channel and unigram prior, at most max_readings of them.
// With |favoured|, the readings the neighbours make likely (the last ContextProposals)
// are tried even when channel and prior alone would leave them out ("theo doi" is
// theo dõi).
void LatticeBuilder::AddReadings(const std::vector<WordCand>& list, float cap_weight, bool favoured) {
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
    lat_->cands.push_back({c.id, 0, Weighted(c.channel + cap_weight * c.cap_bonus, c.id), c.as_written});
    if (c.spelled != 0) {
      lat_->cands.back().lm = c.spelled;
      lat_->cands.back().channel += kKnownSpellingRelief;
    }
  }
}

// The few readings of word piece |j| the channel and prior like best (computed once
// per piece and unit).
const std::vector<uint32_t>& LatticeBuilder::TopReadings(uint32_t j) {
  if (top_done_[j]) return top_[j];
  top_done_[j] = 1;
  Rank(unit_->PieceText(j), &top_[j]);
  return top_[j];
}

void LatticeBuilder::Rank(std::string_view text, std::vector<uint32_t>* out) {
  out->clear();
  internal::LowerInto(text, &scratch_);
  const std::vector<WordCand>& list = words_.For(scratch_);
  rank2_.clear();
  for (const WordCand& c : list)
    if (c.id != m_.unk()) rank2_.push_back({c.channel + m_.UnigramLogProb(c.id), c.id});
  size_t n = std::min(rank2_.size(), kContextNeighboursWeak);
  std::partial_sort(rank2_.begin(), rank2_.begin() + static_cast<std::ptrdiff_t>(n), rank2_.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; k < n; ++k) out->push_back(rank2_[k].second);
}

// The neighbour of a word that starts at piece |i| (left) or ends before it: that piece,
// or inside glued capitals the longest syllable of the cuts tried that ends or starts
// there (the word before CHI|NE of BO|T|AI|CHI|NE is TAI, not AI); its best readings.
const std::vector<uint32_t>& LatticeBuilder::NeighbourReadings(uint32_t i, bool left) {
  const std::vector<Piece>& p = unit_->pieces;
  uint32_t from = left ? i - 1 : i, to = from + 1;
  if (left && p[i].glued) {
    for (uint32_t j = 0; j < i; ++j)
      if (i - j <= 8 && (p[j].syllables & (1u << (i - j - 1)))) {
        from = j;
        break;
      }
  } else if (!left && p[i].syllables > 1) {
    to = i + static_cast<uint32_t>(std::bit_width(static_cast<unsigned>(p[i].syllables)));
  }
  if (to == from + 1) return TopReadings(from);
  for (SpanTop& s : span_top_)
    if (s.from == from && s.to == to) return s.top;
  span_top_.push_back({from, to, {}});
  Rank(unit_->text.substr(p[from].begin, p[to - 1].end - p[from].begin), &span_top_.back().top);
  return span_top_.back().top;
}

// Second look at an OCR'd line: a word the first decoding kept as written or read
// poorly gets the readings its decoded neighbours make likely ("đôn dbc": what
// follows đôn), which the first pass could only guess from each neighbour's best
// readings on its own. True if any word got hints.
bool LatticeBuilder::CollectHints(const std::vector<PathStep>& path) {
  // The model word chosen for each piece (0 where none: marks skipped, merges).
  chosen_.assign(unit_->pieces.size(), 0);
  weak_.assign(unit_->pieces.size(), 0);
  for (const PathStep& step : path) {
    const Edge& e = lat_->edges[step.edge];
    const Cand& c = lat_->cand(e, step.cand);
    if (e.to != e.from + 1 || c.id2 != 0) continue;
    chosen_[e.from] = c.id;
    weak_[e.from] = unit_->pieces[e.from].kind == PieceKind::kWord && e.kind == EdgeKind::kWord &&
                    (c.id == m_.unk() || c.channel < static_cast<float>(o_.context_trigger));
  }
  bool any = false;
  const size_t n = unit_->pieces.size();
  for (uint32_t i = 0; i < n; ++i) {
    if (!weak_[i]) continue;
    std::vector<uint32_t>& hint = hints_[i];
    if (o_.document_cache) {
      auto at = [&](int64_t j) {  // the word read at piece j, 0 if none or outside the unit
        return j >= 0 && j < static_cast<int64_t>(n) && chosen_[j] != m_.unk() ? chosen_[j] : 0u;
      };
      const int64_t k = i;
      memory_.PhraseWords(at(k - 2), at(k - 1), at(k + 1), at(k + 2), &phrase_hints_[i]);
      hint.insert(hint.end(), phrase_hints_[i].begin(), phrase_hints_[i].end());
    }
    if (i > 0 && chosen_[i - 1] != 0 && chosen_[i - 1] != m_.unk())
      for (uint16_t v : m_.Successors(chosen_[i - 1]))
        if (v != 0) hint.push_back(v);
    if (i + 1 < unit_->pieces.size() && chosen_[i + 1] != 0 && chosen_[i + 1] != m_.unk())
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
void LatticeBuilder::ContextProposals(uint32_t i, std::vector<uint32_t>* out, uint32_t to) {
  ContextProposals(i, out, kContextNeighbours, kNeighbours, to);
}

void LatticeBuilder::ContextProposals(uint32_t i, std::vector<uint32_t>* out, size_t neighbours,
                                      size_t per_neighbour, uint32_t to) {
  if (to == 0) to = i + 1;
  out->clear();
  const uint32_t gen = proposal_mark_.Next();
  auto add = [&](uint32_t v) {
    if (v != 0 && proposal_mark_.Set(v, gen)) out->push_back(v);
  };
  for (uint32_t v : hints_[i]) add(v);
  if (i > 0 && unit_->pieces[i - 1].kind == PieceKind::kSymbol && !unit_->pieces[i].break_before) {
    uint32_t w = SymbolWordId(unit_->PieceText(i - 1));  // "UBND x4": what follows UBND
    if (w != m_.unk())
      for (uint16_t v : m_.Successors(w)) add(v);
  }
  // A word next to it in the unit, before and after (across a hard wrap too: the search
  // scores across it): their readings propose.
  const bool word_before = i > 0 && unit_->pieces[i - 1].kind == PieceKind::kWord;
  const bool word_after = to < unit_->pieces.size() && unit_->pieces[to].kind == PieceKind::kWord;
  if (word_before) {
    const std::vector<uint32_t>& top = NeighbourReadings(i, /*left=*/true);
    for (size_t k = 0; k < top.size() && k < neighbours; ++k)
      for (uint16_t v : m_.Successors(top[k]).first(per_neighbour)) add(v);
  }
  // A place name read as a whole: "Nghi Duwong" is Nghi Dương.
  if (NameContext(i)) {
    const std::vector<uint32_t>& top = NeighbourReadings(i, /*left=*/true);
    for (size_t k = 0; k < top.size() && k < neighbours; ++k)
      for (const auto* names : {&m_.places(), &m_.people()})
        for (const NamePair& p : names->After(top[k])) add(p.second);
  }
  if (to < unit_->pieces.size() && NameContext(to)) {
    const std::vector<uint32_t>& top = NeighbourReadings(to, /*left=*/false);
    for (size_t k = 0; k < top.size() && k < neighbours; ++k)
      for (const auto* names : {&m_.places(), &m_.people()})
        for (const NamePair& p : names->Before(top[k])) add(p.first);
  }
  if (word_after) {
    const std::vector<uint32_t>& top = NeighbourReadings(to, /*left=*/false);
    for (size_t k = 0; k < top.size() && k < neighbours; ++k)
      for (uint16_t v : m_.Predecessors(top[k]).first(per_neighbour)) add(v);
  }
  // The words this document read with confidence next to a neighbour's likely reading.
  if (!o_.document_cache) return;
  if (word_before) {
    const std::vector<uint32_t>& top = NeighbourReadings(i, /*left=*/true);
    for (size_t k = 0; k < top.size() && k < kContextNeighboursWeak; ++k)
      for (uint32_t v : memory_.After(top[k])) add(v);
  }
  if (word_after) {
    const std::vector<uint32_t>& top = NeighbourReadings(to, /*left=*/false);
    for (size_t k = 0; k < top.size() && k < kContextNeighboursWeak; ++k)
      for (uint32_t v : memory_.Before(top[k])) add(v);
  }
}

// Words the channel reads well get context readings under the learned channel only
// ("theo ddi": dõi, which the channel ranks low for its rarity); words it cannot read
// under the smoothed one.
// True when no reading explains the word well: the OCR mangled it.
bool LatticeBuilder::Weak(const std::vector<WordCand>& list) const {
  for (const WordCand& c : list)
    if (c.id != m_.unk() && c.channel >= static_cast<float>(o_.context_trigger)) return false;
  return true;
}

// |proposals_| must hold ContextProposals(i).
void LatticeBuilder::AddContextReadings(const std::vector<WordCand>& list, float extra) {
  float best = kNegInf;
  for (const WordCand& c : list)
    if (c.id != m_.unk()) best = std::max(best, c.channel);
  const bool smooth = best < static_cast<float>(o_.context_trigger);
  // Readings already on the edge are not proposed again.
  const uint32_t gen = edge_mark_.Next();
  for (uint32_t k = lat_->edges.back().cand_begin; k < lat_->cands.size(); ++k) edge_mark_.Set(lat_->cands[k].id, gen);
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
    lat_->cands.push_back({scored_[k].second, 0, Weighted(scored_[k].first + extra, scored_[k].second), false});
}

// The channel's best reading of a damaged word, or the context trigger when nothing reads
// it: the score the document's own readings of it start from.
float LatticeBuilder::BestOrTrigger(const std::vector<WordCand>& list) const {
  const float best = WordCandidates::BestOf(list, m_.unk());
  return best == WordCandidates::kNoReading ? static_cast<float>(o_.context_trigger) : best;
}

// The readings this document gave the same damaged spelling with confidence elsewhere
// (lower_): a scan repeats its misreadings ("dén" for dân), so each is scored as the
// channel's best reading would be, lifted by the document's evidence and lowered by
// its share of the sightings; the language model then decides between them. The prior
// sighting keeps a single confident reading from counting as certain.
void LatticeBuilder::AddDocumentReadings(const std::vector<WordCand>& list) {
  const std::vector<DocumentMemory::Reading>& seen = memory_.ReadingsOf(lower_);
  if (seen.empty()) return;
  const float best = BestOrTrigger(list);
  double total = kDocumentSightingPrior;
  uint32_t kept = 0;
  for (const DocumentMemory::Reading& r : seen) {
    total += r.count;
    if (r.id == m_.unk()) kept = r.count;
  }
  const Edge& edge = lat_->edges.back();
  for (const DocumentMemory::Reading& r : seen) {
    // Kept as written elsewhere (unk): counted against the readings, and a reading the
    // document gave it less often than it kept it is not offered.
    if (r.id == m_.unk() || r.count < kept) continue;
    const float channel =
        best + static_cast<float>(kDocumentReadingLift + std::log10(static_cast<double>(r.count) / total));
    RaiseReading(edge, r.id, Weighted(channel, r.id));
  }
}

// The document kept the spelling being read (lower_) as written, with confidence,
// kMinKeptSightings times or more elsewhere. Fewer is no evidence: a garbled word the
// channel could not read in one place is read from its phrase in another (dev bad-scan
// 93.06% without the check, 93.01 from one sighting, 93.05 from three).
bool LatticeBuilder::KeptElsewhere() const {
  for (const DocumentMemory::Reading& r : memory_.ReadingsOf(lower_))
    if (r.id == m_.unk()) return r.count >= kMinKeptSightings;
  return false;
}

// The words the document read with confidence between this word's decoded neighbours
// elsewhere, which its damaged spelling may not show at all ("sate định" where ten
// headings read "quy định liên quan").
void LatticeBuilder::AddPhraseReadings(uint32_t i, const std::vector<WordCand>& list) {
  const float best = BestOrTrigger(list);
  const Edge& edge = lat_->edges.back();
  for (uint32_t id : phrase_hints_[i]) RaiseReading(edge, id, Weighted(best + kPhraseReadingLift, id));
}

// Reading |id| of the open edge |edge| scores at least |channel|: added when it is not
// there yet.
void LatticeBuilder::RaiseReading(const Edge& edge, uint32_t id, float channel) {
  bool found = false;
  for (uint32_t k = edge.cand_begin; k < lat_->cands.size(); ++k) {
    if (lat_->cands[k].id != id || lat_->cands[k].id2 != 0) continue;
    lat_->cands[k].channel = std::max(lat_->cands[k].channel, channel);
    found = true;
  }
  if (!found) lat_->cands.push_back({id, 0, channel, false});
}

// A number, or in OCR'd text a short one standing alone may be a word the OCR
// read as digits ("6" for ở or có, "06" for tổ).
void LatticeBuilder::AddNumberEdge(uint32_t i) {
  std::string_view text = unit_->PieceText(i);
  bool alone = (unit_->pieces[i].space_before || unit_->pieces[i].line_start) &&
               (i + 1 >= unit_->pieces.size() || unit_->pieces[i + 1].space_before || unit_->pieces[i + 1].break_before ||
                unit_->pieces[i + 1].kind == PieceKind::kPunct);
  if (!ocr_ || !alone || text.size() > 3) {
    AddFixed(i, m_.num());
    return;
  }
  uint32_t e = AddEdge(i, i + 1, EdgeKind::kWord);
  lat_->cands.push_back({m_.num(), 0, 0.0f, true});
  lower_.assign(text);
  const std::vector<WordCand>& list = words_.For(lower_);
  for (const WordCand& c : list) {
    if (c.id == m_.unk()) continue;
    lat_->cands.push_back({c.id, 0, Weighted(c.channel + static_cast<float>(o_.digit_word_log10), c.id), false});
  }
  if (o_.context_readings > 0) {
    ContextProposals(i, &proposals_, kContextNeighboursWeak, kNeighbourWordsWeak);
    AddContextReadings(list, static_cast<float>(o_.digit_word_log10));
  }
  // Almost as likely as the number the scan shows: a number and a colon open no header line.
  constexpr float kNumberCellLog10 = -0.3f;
  if (so_ != m_.unk() && NumberCellAt(i)) RaiseReading(lat_->edges[e], so_, Weighted(kNumberCellLog10, so_));
  CloseEdge(e);
}

// Piece |i| stands before a day and a "tháng" ("gay 05.théng 3"): a word of two to four
// letters, a number of one or two digits (a stop may follow it), a word within two edits
// of thang, and a number.
bool LatticeBuilder::DateDayAt(uint32_t i) const {
  // Asked of every word of OCR'd text: the pieces' kinds first, the keys only then.
  const std::vector<Piece>& p = unit_->pieces;
  uint32_t n = i + 1;
  if (n >= p.size() || p[n].kind != PieceKind::kNumber || unit_->PieceText(n).size() > 2) return false;
  if (++n < p.size() && p[n].kind == PieceKind::kPunct && unit_->PieceText(n) == ".") ++n;
  if (n + 1 >= p.size() || p[n + 1].kind != PieceKind::kNumber) return false;  // a month: "sau 03 tháng kể từ" is no date
  std::string key;
  if (!internal::KeyInto(unit_->PieceText(i), &key) || key.size() < 2 || key.size() > 4) return false;
  return internal::KeyInto(unit_->PieceText(n), &key) && EditDistance(key, "thang") <= 2;
}

// "86: 135/QĐ-BLĐTBXH", "56: 12/KH": a header's number cell whose Số the OCR read as
// digits (S as 8 or 5, ố as 6), at a line's start before a colon and a number.
bool LatticeBuilder::NumberCellAt(uint32_t i) const {
  const std::vector<Piece>& p = unit_->pieces;
  const std::string_view text = unit_->PieceText(i);
  return p[i].line_start && text.size() == 2 && (text[0] == '8' || text[0] == '5') && text[1] == '6' &&
         i + 2 < p.size() && unit_->PieceText(i + 1) == ":" && p[i + 2].kind == PieceKind::kNumber;
}

bool ArticleWordAt(const Unit& unit, uint32_t i) {
  const std::vector<Piece>& p = unit.pieces;
  const bool opens = p[i].line_start || (i > 0 && p[i - 1].line_start && unit.PieceText(i - 1) == "(");
  return opens && NumberFollows(unit, i);
}

bool NumberFollows(const Unit& unit, uint32_t i) {
  const std::vector<Piece>& p = unit.pieces;
  uint32_t n = i + 1;
  if (n < p.size() && p[n].kind == PieceKind::kPunct && (unit.PieceText(n) == ":" || unit.PieceText(n) == "."))
    ++n;
  if (n >= p.size() || p[n].break_before) return false;
  const char c = unit.text[p[n].begin];
  return c >= '0' && c <= '9';
}

// An article's Điều the OCR garbled past reading ("isu", "Disu", "piee"): điều is offered
// at the cost of a poor reading, and the language model, which knows how an article
// opens, decides.
void LatticeBuilder::AddGarbledDieu(uint32_t e) {
  if (dieu_ == m_.unk() || !internal::KeyInto(lower_, &key_) || !NearDieu(key_)) return;
  RaiseReading(lat_->edges[e], dieu_, Weighted(static_cast<float>(o_.context_trigger) - kGarbledDieuLog10, dieu_));
}

// The title under "KT. BỘ TRƯỞNG" is a deputy's: "THU" there is THỨ (trưởng), "PHO" PHÓ,
// which take the best reading's channel score (the channel prefers THỦ, the more frequent
// word at a line's start).
void LatticeBuilder::FavourDeputyTitle(uint32_t e) {
  if (!internal::KeyInto(lower_, &key_) || (key_ != "thu" && key_ != "pho")) return;
  const uint32_t id = m_.WordId(key_ == "thu" ? "thứ" : "phó");
  if (id == m_.unk()) return;
  float best = -1e30f;
  for (uint32_t k = lat_->edges[e].cand_begin; k < lat_->cands.size(); ++k) best = std::max(best, lat_->cands[k].channel);
  RaiseReading(lat_->edges[e], id, best);
}

// A person's name in a Vietnamese administrative document is Vietnamese syllables: where
// one stands (a signer's line, after "đồng chí") a word the channel reads at all pays
// kUnreadNameDoubt more to stay as written ("Bién Ditc Khigm" is Biện Đức Khiêm; the
// language model likes an unknown word after a name's first syllable).
void LatticeBuilder::DoubtUnreadName(const Edge& edge) {
  const auto first = lat_->cands.begin() + edge.cand_begin;
  if (std::none_of(first, lat_->cands.end(), [&](const Cand& c) { return c.id != m_.unk(); })) return;
  for (auto it = first; it != lat_->cands.end(); ++it)
    if (it->id == m_.unk()) it->channel -= kUnreadNameDoubt;
}

// The model's word for an abbreviation ("#hdnd"), or <unk>.
uint32_t LatticeBuilder::SymbolWordId(std::string_view form) {
  if (!internal::KeyInto(form, &key_)) return m_.unk();
  key_.insert(key_.begin(), internal::kAbbreviationMark);
  return m_.WordId(key_);
}

void LatticeBuilder::AddWordEdge(uint32_t i, uint32_t to) {
  if (to == 0) to = i + 1;
  std::string_view text = unit_->text.substr(unit_->pieces[i].begin, unit_->pieces[to - 1].end - unit_->pieces[i].begin);
  internal::LowerInto(text, &lower_);
  const std::vector<WordCand>& list = words_.For(lower_);
  uint32_t e = AddEdge(i, to, EdgeKind::kWord);
  lat_->edges[e].name_pair = NameContext(i);
  if (lat_->edges[e].name_pair && PersonContext(i))
    lat_->edges[e].person = NameContext(i - 1) ? kInPersonName : kAfterSurname;
  // The first of two or more capitalised words: a person's name opens here after a title
  // word, or on a signer's line.
  const bool before_name = !lat_->edges[e].name_pair && to < unit_->pieces.size() && NameContext(to);
  lat_->edges[e].opens_name = before_name && AfterTitle(i);
  if (lat_->edges[e].opens_name || (before_name && memory_.SignerLineAt(unit_->begin + unit_->pieces[i].begin)))
    lat_->edges[e].person = kSurnamePlace;
  // A Roman section number the OCR mixed with l and 1 ("Il.", "I11."): I, II, III; at a
  // line's start before its dot, or after the word that cites one ("mục 1l", "Phần Il").
  const Piece& p0 = unit_->pieces[i];
  const bool heading = p0.line_start && to < unit_->pieces.size() && unit_->text[unit_->pieces[to].begin] == '.';
  if (ocr_ && ((heading && IsDamagedRoman(text)) || (CitesRoman(i) && IsRomanLookalike(text)))) {
    lat_->edges[e].kind = EdgeKind::kFixed;
    lat_->edges[e].fixed_text = lat_->Pool(std::string(text.size(), 'I'));
    lat_->cands.push_back({RomanWordId(text.size()), 0, 0.0f, false});
    CloseEdge(e);
    return;
  }
  // A one-letter list label at the start of a line follows the previous one.
  const Piece& p = unit_->pieces[i];
  if (p.line_start && to < unit_->pieces.size() && unit_->pieces[to].kind == PieceKind::kPunct &&
      unit_->text[unit_->pieces[to].begin] == ')' && CodePoints(text) == 1) {
    lat_->edges[e].label = true;
    std::string_view expected = internal::ListLabelAt(memory_.last_label() + 1);
    uint32_t id = expected.empty() ? m_.unk() : m_.WordId(expected);
    // Without the previous label (a list cut short), the next one tells d) from đ):
    // before e) it is đ), before another d) it is d).
    const bool expected_d = id != m_.unk() && internal::KeyInto(expected, &key_) && key_ == "d";
    if (!expected_d && (lower_ == "d" || lower_ == "đ")) {
      char next = memory_.NextLabelKey(unit_->begin + p.begin);
      if (next == 'e' || next == 'd') {
        expected = next == 'e' ? "đ" : "d";
        id = m_.WordId(expected);
      }
    }
    // A symbol in a label's place ("¢)" after "b)") is the OCR's reading of the letter due.
    size_t at = 0;
    const char32_t first = internal::NextCodePoint(text, &at);
    const bool symbol = first >= 0x80 && internal::LookupLetter(first).base == 0;
    if (id != m_.unk() &&
        (symbol || std::any_of(list.begin(), list.end(), [&](const WordCand& c) { return c.id == id; }))) {
      lat_->cands.push_back({id, 0, 0.0f, expected == lower_});
      lat_->edges[e].kind = EdgeKind::kFixed;
      CloseEdge(e);
      return;
    }
  }
  const bool weak = Weak(list);
  // The sketch only feeds the document memory, which takes confident readings; a word
  // that needs its neighbours' proposals is seldom read with confidence, and proposing
  // them cost a quarter of the sketch (dev scan and bad-scan as accurate, marks as good).
  const bool context = ocr_ && !sketch_ && o_.context_readings > 0 && (weak || o_.context_for_all);
  const bool favoured = !sketch_ && list.size() > static_cast<size_t>(o_.max_readings);
  if (context || favoured) {
    if (weak) ContextProposals(i, &proposals_, kContextNeighboursWeak, kNeighbourWordsWeak, to);
    else ContextProposals(i, &proposals_, to);
  }
  AddReadings(list, MidSentenceCapital(i, text) ? static_cast<float>(o_.capitalised_weight) : 0.0f, favoured);
  if (context) AddContextReadings(list);
  if (ocr_ && o_.document_cache) AddDocumentReadings(list);
  // Not for a spelling the document keeps as written elsewhere: it writes that word.
  if (to == i + 1 && weak && !phrase_hints_[i].empty() && !KeptElsewhere()) AddPhraseReadings(i, list);
  // A word in bent capitals ("PHiéu 5." for Điều 5.) reads as a real word (phiếu), which
  // no article opens with: điều is offered there too.
  auto bent_capitals = [&] {
    const internal::LetterCase lc = internal::LetterCaseOf(text);
    return lc.upper >= 2 && lc.upper < lc.letters;
  };
  if (ocr_ && to == i + 1 && ArticleWordAt(*unit_, i) && (weak || bent_capitals())) AddGarbledDieu(e);
  // "Xuân Giang, gay 05.tháng 3": a date's ngày the OCR lost letters of reads as another
  // word (gây); ngày is offered before a day, "tháng" and a month; the model decides.
  if (ocr_ && to == i + 1 && ngay_ != m_.unk() && DateDayAt(i))
    RaiseReading(lat_->edges[e], ngay_, Weighted(static_cast<float>(o_.context_trigger) - kGarbledDieuLog10, ngay_));
  if (p.line_start && memory_.DeputyTitleAt(unit_->begin + p.begin)) FavourDeputyTitle(e);
  if (ocr_ && lat_->edges[e].person != 0) DoubtUnreadName(lat_->edges[e]);
  CloseEdge(e);
  // Nor does the sketch split or join words: the memory takes one word's readings.
  if (!ocr_ || !o_.ocr_splits || sketch_) return;
  // One OCR word, two syllables.
  if (o_.merged_log10 < 0 && CodePoints(lower_) >= 3 && CodePoints(lower_) <= kMaxMergeCodePoints) {
    float best = words_.BestReading(lower_);
    bool digit_glue = DigitGlue(lower_);  // "21thang": a number glued to a word
    if (best < kMergeTrigger || digit_glue) AddMergeEdge(i, to, static_cast<float>(o_.merged_log10));
  }
}

// Best few readings of one side of a cut word, ranked by channel and unigram prior
// (the language model sees only the few kept).
void LatticeBuilder::SideReadings(std::string_view side, size_t max, std::vector<std::pair<uint32_t, float>>* out) {
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
  for (size_t k = 0; k < rank_.size() && k < max; ++k) best.push_back((*out)[rank_[k].second]);
  out->swap(best);
}

void LatticeBuilder::AddMergeEdge(uint32_t i, uint32_t to, float penalty) {
  std::string word = lower_;
  size_t n = CodePoints(word);
  merge_.clear();
  merge_rank_.clear();
  for (size_t cut = 1; cut < n; ++cut) {
    size_t b = ByteOfCodePoint(word, cut);
    std::string_view left = std::string_view(word).substr(0, b), right = std::string_view(word).substr(b);
    // An apostrophe between two syllables is the space the OCR read as one
    // ("tu's6" is tư số): the right side starts after it.
    if (size_t after = b; cut + 1 < n && IsApostrophe(NextCodePoint(word, &after))) right = std::string_view(word).substr(after);
    if (!CouldBeSyllable(left) || !CouldBeSyllable(right)) continue;
    SideReadings(left, kMergeLeftReadings, &left_);
    if (left_.empty()) continue;
    SideReadings(right, kMergeRightReadings, &right_);
    for (const auto& [l, lc] : left_) {
      // The pair as the model knows it, the right word after the left ("caodang" is cao
      // đẳng, whose đẳng alone the priors rank below đang, dạng, đăng and đảng).
      LmState after_l, next;
      const float left_prior = m_.Score(LmState{}, l, &after_l);
      for (const auto& [r, rc] : right_) {
        merge_.push_back({l, r, lc + rc + penalty, false, false, static_cast<uint8_t>(cut)});
        merge_rank_.push_back(lc + rc + left_prior + m_.Score(after_l, r, &next));
      }
    }
  }
  if (merge_.empty()) return;
  // The pairs the channel and the unigram priors like best; the LM sees those.
  order_.resize(merge_.size());
  for (uint32_t k = 0; k < order_.size(); ++k) order_[k] = k;
  std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) { return merge_rank_[a] > merge_rank_[b]; });
  if (order_.size() > kMergeReadings) order_.resize(kMergeReadings);
  uint32_t e = AddEdge(i, to, EdgeKind::kMerge);
  for (uint32_t k : order_) {
    Cand c = merge_[k];
    c.channel = static_cast<float>(o_.channel_weight) * c.channel;
    lat_->cands.push_back(c);
  }
  CloseEdge(e);
}

// Two OCR pieces on one line, one syllable ("ch ức", "Nghi ệp").
void LatticeBuilder::AddJoinEdge(uint32_t i) {
  const Piece &a = unit_->pieces[i], &b = unit_->pieces[i + 1];
  if (b.break_before || !b.space_before || b.begin != a.end + 1 || unit_->text[a.end] != ' ') return;
  std::string la, lb;
  internal::LowerInto(unit_->PieceText(i), &la);
  internal::LowerInto(unit_->PieceText(i + 1), &lb);
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
    lat_->cands.push_back(c);
  }
  CloseEdge(e);
}

void LatticeBuilder::StartUnit(const Unit& unit, Lattice* lattice) {
  unit_ = &unit;
  lat_ = lattice;
  hints_.assign(unit.pieces.size(), {});
  phrase_hints_.assign(unit.pieces.size(), {});
  run_first_.resize(unit.pieces.size());
  for (uint32_t i = 0; i < unit.pieces.size(); ++i) run_first_[i] = i > 0 && NameContext(i) ? run_first_[i - 1] : i;
}

// |again|: a second lattice for the same unit, where only the pieces with hints
// change; the other pieces' edges are copied from the first.
void LatticeBuilder::Build(bool again) {
  if (again) {
    lat_->edges.swap(edges1_);
    lat_->cands.swap(cands1_);
    first_edge1_.swap(lat_->first_edge);
  } else {
    top_done_.assign(unit_->pieces.size(), 0);
    span_top_.clear();
    if (top_.size() < unit_->pieces.size()) top_.resize(unit_->pieces.size());
    lat_->pool.clear();
    lat_->pool_offsets.clear();
  }
  lat_->edges.clear();
  lat_->cands.clear();
  for (uint32_t i = 0; i < unit_->pieces.size(); ++i) {
    if (again && hints_[i].empty()) {
      for (uint32_t e = first_edge1_[i]; e < edges1_.size() && edges1_[e].from == i; ++e) {
        Edge copy = edges1_[e];
        copy.cand_begin = static_cast<uint32_t>(lat_->cands.size());
        lat_->cands.insert(lat_->cands.end(), cands1_.begin() + edges1_[e].cand_begin,
                      cands1_.begin() + edges1_[e].cand_begin + edges1_[e].cand_count);
        lat_->edges.push_back(copy);
      }
      continue;
    }
    std::string_view text = unit_->PieceText(i);
    if (ocr_ && i > 0 && !unit_->pieces[i].space_before && unit_->PieceText(i - 1) == "/") {
      if (const std::string code = LawTermCode(text); !code.empty()) {
        AddFixed(i, m_.unk(), lat_->Pool(code));
        continue;
      }
    }
    switch (unit_->pieces[i].kind) {
      case PieceKind::kNumber:
        AddNumberEdge(i);
        break;
      case PieceKind::kPunct: {
        AddFixed(i, m_.WordId(internal::LmWord(text, internal::LmTokenKind::kPunct, &scratch_)));
        if (ocr_ && o_.ocr_splits && o_.junk_log10 < 0) {
          uint32_t e = AddEdge(i, i + 1, EdgeKind::kSkip);
          lat_->cands.push_back({0, 0, static_cast<float>(o_.channel_weight * o_.junk_log10), true});
          CloseEdge(e);
        }
        break;
      }
      case PieceKind::kSymbol: {
        std::string_view form = SymbolForm(text);
        // A part no document of the corpus writes, a letter from one this document
        // writes elsewhere: that part ("20/INQ-" where the plan cites 20/NQ-HĐND).
        if (ocr_ && form.empty() && internal::KeyInto(text, &key_) && m_.SymbolPart(key_) == nullptr)
          form = internal::NearPartWritten(m_, key_, [this](std::string_view k) { return memory_.WritesSymbolPart(k); });
        // A symbol already written with marks (VNĐ, HĐND) is kept as written.
        bool fix = !form.empty() && form != text && !internal::HasMarks(text);
        AddFixed(i, SymbolWordId(fix ? form : text), fix ? lat_->Pool(form) : -1);
        break;
      }
      case PieceKind::kFixed:
        // "mục 1l": a code-like piece where a Roman number is cited (see AddWordEdge).
        if (ocr_ && CitesRoman(i) && IsRomanLookalike(text))
          AddFixed(i, RomanWordId(text.size()), lat_->Pool(std::string(text.size(), 'I')));
        else AddFixed(i, m_.unk());
        break;
      case PieceKind::kWord:
        // Glued capitals: a word edge over each syllable of the cuts worth trying that
        // starts here (Piece::syllables).
        for (uint32_t k = 0; k < 8; ++k)
          if (unit_->pieces[i].syllables & (1u << k)) AddWordEdge(i, i + k + 1);
        if (unit_->pieces[i].syllables == 0) AddWordEdge(i);
        if (ocr_ && o_.ocr_splits && !sketch_ && o_.broken_log10 < 0 && i + 1 < unit_->pieces.size() &&
            unit_->pieces[i + 1].kind == PieceKind::kWord)
          AddJoinEdge(i);
        break;
    }
  }
  // Edges by start position for the search; every piece starts at least one edge.
  std::stable_sort(lat_->edges.begin(), lat_->edges.end(), [](const Edge& a, const Edge& b) { return a.from < b.from; });
  lat_->first_edge.assign(unit_->pieces.size() + 1, static_cast<uint32_t>(lat_->edges.size()));
  for (size_t e = lat_->edges.size(); e-- > 0;) lat_->first_edge[lat_->edges[e].from] = static_cast<uint32_t>(e);
}

}  // namespace vanban::internal
