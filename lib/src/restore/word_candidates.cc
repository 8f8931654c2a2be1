#include "restore/word_candidates.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "channel/code_points.h"
#include "model/channel_index.h"
#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "text/viet_chars.h"

namespace vanban::internal {

namespace {

// Readings of a spelling that make it a Vietnamese word: a name's own syllable ("êê")
// does not.
bool HasWordReading(std::span<const CandidateItem> list) {
  return std::any_of(list.begin(), list.end(), [](const CandidateItem& c) { return !(c.flags & kNameOnlyReading); });
}

// The memo is dropped when it grows past this many words (a huge document).
constexpr size_t kMaxMemo = 1 << 17;
// The channel searches outlive documents (they do not depend on the mixture): a batch of
// documents keeps meeting the same OCR words.
constexpr size_t kMaxSearched = 1 << 18;
// Words analysed apart from the mixture (Analyse), across documents: ~400 bytes each.
constexpr size_t kMaxAnalysed = 1 << 16;
// The proposals' scores: a word's table starts at 2^4 slots and grows to 2^12 before it
// forgets; all of them together hold at most 2^20 slots.
constexpr size_t kProposedWordSlots = 4, kProposedWordMaxSlots = 12;
constexpr size_t kMaxProposedSlots = size_t{1} << 20;

}  // namespace

void WordCandidates::Reset(const ChannelMix& mix, const CandidateLimits& limits, bool ocr) {
  // What outlives documents was computed under the limits: new limits, new memos.
  if (!(limits == limits_)) {
    analysed_.clear();
    searched_.clear();
  }
  use_channel_ = ocr;
  mix_ = mix;
  limits_ = limits;
  memo_.clear();
}

void WordCandidates::Trim() {
  if (memo_.size() >= kMaxMemo) memo_.clear();
}

void WordCandidates::Proposed(std::string_view lower, const std::vector<uint32_t>& ids, bool smooth, float floor,
                              std::vector<float>* out) {
  out->assign(ids.size(), -1e9f);
  const ChannelIndex* ch = channel();
  if (ch == nullptr) return;
  proposed_key_.assign(lower);
  proposed_key_.push_back(smooth ? '1' : '0');
  auto it = proposed_.find(proposed_key_);
  if (it == proposed_.end()) {
    if (proposed_slots_ >= kMaxProposedSlots) proposed_.clear(), proposed_slots_ = 0;
    it = proposed_.try_emplace(proposed_key_, kProposedWordSlots, kProposedWordMaxSlots).first;
    proposed_slots_ += it->second.capacity();
  }
  FlatMemo<ProposedScore>& memo = it->second;
  const size_t slots_before = memo.capacity();
  bool decoded = false;
  const float log_ocr = static_cast<float>(std::log10(mix_.ocr));
  // The memo's slots are scattered over the heap: each read would wait on its own.
  for (uint32_t id : ids) memo.Prefetch(uint64_t{id} << 1);
  for (size_t k = 0; k < ids.size(); ++k) {
    const uint64_t key = uint64_t{ids[k]} << 1;  // bit 0 is the memo's
    const float bound = floor - log_ocr;
    if (const ProposedScore* v = memo.Find(key); v != nullptr && (!v->pruned || v->value <= bound)) {
      (*out)[k] = !v->pruned && v->value > -1e8f ? log_ocr + v->value : -1e9f;
      continue;
    }
    if (!decoded) {
      lower32_ = Lower(DecodeUtf8(lower));
      ChannelIndex::Skeleton(lower32_, &skeleton_);
      decoded = true;
    }
    // The screens depend on the word and the reading only: their "no" is exact.
    const bool screened = smooth || (ch->Plausible(ids[k], lower32_) && ch->Resembles(ids[k], skeleton_));
    double lp = screened ? ch->LogProbOfWord(ids[k], lower32_, smooth, static_cast<double>(bound)) : -1e9;
    float raw = std::isfinite(lp) ? static_cast<float>(lp) : -1e9f;
    // The scorer gives up (-inf) only past the bound; a finite score is exact.
    memo.Put(key, screened && !std::isfinite(lp) ? ProposedScore{bound, true} : ProposedScore{raw, false});
    (*out)[k] = raw > -1e8f ? log_ocr + raw : -1e9f;
  }
  proposed_slots_ += memo.capacity() - slots_before;
}

const std::vector<std::pair<uint32_t, double>>& WordCandidates::Searched(std::string_view lower) {
  auto it = searched_.find(lower);
  if (it != searched_.end()) return it->second;
  if (searched_.size() >= kMaxSearched) searched_.clear();  // no caller holds a list across calls
  std::vector<std::pair<uint32_t, double>> ids;
  channel()->Candidates(lower, static_cast<size_t>(std::max(1, limits_.ocr)), limits_.ocr_prior_weight, &found_);
  for (const auto& [text, lp] : found_) {
    uint32_t id = m_.WordId(text);
    if (id != m_.unk()) ids.push_back({id, lp});
  }
  return searched_.emplace(std::string(lower), std::move(ids)).first->second;
}

const std::vector<std::pair<uint32_t, float>>& WordCandidates::Nearest(std::string_view lower, size_t max) {
  auto it = nearest_.find(lower);
  if (it != nearest_.end()) return it->second;
  if (nearest_.size() >= kMaxSearched) nearest_.clear();  // no caller holds a list across calls
  std::vector<std::pair<uint32_t, float>> best;  // best first, at most |max|
  if (ch_ != nullptr && max > 0) {
    const std::u32string lower32 = Lower(DecodeUtf8(lower));
    // Every syllable of the vocabulary (a few thousand pass the length and first-letter
    // screen): no edit table limits what an unreadable word may have been. The words
    // that pass the first letter's screen are listed once per letter, in id order.
    for (uint32_t id : PlausibleStarts(lower32.empty() ? U'\0' : lower32[0])) {
      if (id == m_.unk() || id == m_.num() || !ch_->Plausible(id, lower32)) continue;
      // The model's abbreviation tokens (#ubnd) and class tokens (<s>) are not words a
      // clerk could read: "[[facebook|#false|#flegt]]" offered nonsense.
      const std::string_view word = m_.Word(id);
      if (word.empty() || word[0] == kAbbreviationMark || word[0] == kBos[0]) continue;
      const float prior = m_.UnigramLogProb(id);
      const double floor = best.size() < max ? -1e9 : static_cast<double>(best.back().second - prior);
      const double lp = ch_->LogProbOfWord(id, lower32, /*smooth=*/true, floor);
      if (!std::isfinite(lp) || lp < -1e8) continue;
      const float score = static_cast<float>(lp) + prior;
      if (best.size() == max && score <= best.back().second) continue;
      auto at = std::find_if(best.begin(), best.end(), [&](const auto& b) { return score > b.second; });
      best.insert(at, {id, score});
      if (best.size() > max) best.pop_back();
    }
  }
  return nearest_.emplace(std::string(lower), std::move(best)).first->second;
}

// The vocabulary screened by the first letter of an OCR word: the screen is most of the
// work of a search over the whole vocabulary (Nearest), and there are far fewer first
// letters than words to search for. Depends on the model alone, so kept across documents.
const std::vector<uint32_t>& WordCandidates::PlausibleStarts(char32_t ocr0) {
  auto it = starts_.find(ocr0);
  if (it != starts_.end()) return it->second;
  // Text in another script brings a letter a word; no caller holds a list across calls.
  if (starts_.size() >= kMaxStarts) starts_.clear();
  std::vector<uint32_t> ids;
  for (uint32_t id = 0; id < m_.vocab_size(); ++id)
    if (ch_->PlausibleStart(id, ocr0)) ids.push_back(id);
  return starts_.emplace(ocr0, std::move(ids)).first->second;
}

const std::vector<WordCand>& WordCandidates::For(std::string_view lower) {
  auto it = memo_.find(lower);
  if (it != memo_.end()) return it->second;
  std::vector<WordCand> cands;
  Compute(lower, &cands);
  return memo_.emplace(std::string(lower), std::move(cands)).first->second;
}

float WordCandidates::BestReading(std::string_view lower) { return BestOf(For(lower), m_.unk()); }

float WordCandidates::BestWithPrior(std::string_view lower) {
  float best = kNoReading;
  for (const WordCand& c : For(lower))
    if (c.id != m_.unk()) best = std::max(best, c.channel + m_.UnigramLogProb(c.id));
  return best;
}

float WordCandidates::BestOf(const std::vector<WordCand>& list, uint32_t unk) {
  float best = kNoReading;
  for (const WordCand& c : list) {
    if (c.id != unk) best = std::max(best, c.channel);
  }
  return best;
}

// The readings of |lower| and what the channel says of each, apart from the document's
// mixture: a pure function of the model, the word, the limits and whether the OCR
// channel is asked, so it is kept across documents (a file of scans repeats its words).
const WordCandidates::Analysis& WordCandidates::Analyse(std::string_view lower) {
  const ChannelIndex* ch = channel();
  // 0: no OCR channel; 1: one, asked only for words nothing else reads; 2: asked always.
  const char channel_use = ch == nullptr ? '0' : mix_.ocr >= kOcrActive ? '2' : '1';
  analysis_key_.assign(lower);
  analysis_key_.push_back(channel_use);
  auto it = analysed_.find(analysis_key_);
  if (it != analysed_.end()) return it->second;
  if (analysed_.size() >= kMaxAnalysed) analysed_.clear();  // no caller holds one across calls
  Analysis a;
  const uint32_t unk = m_.unk();
  bool letters = KeyInto(lower, &key_);
  std::span<const CandidateItem> list;
  if (letters && IsWordKey(key_)) list = m_.Candidates(key_);
  // The written word as a reading: itself, or another tone placement of it ("hoà").
  const uint32_t spelled = m_.WordId(lower);
  uint32_t written = spelled;
  if (written != unk && (list.empty() || std::none_of(list.begin(), list.end(),
                                                     [&](const CandidateItem& c) { return c.id == written; })))
    written = unk;
  if (written == unk && letters && HasMarks(lower)) {
    ToneKeyInto(lower, &tone_);
    for (const CandidateItem& c : list) {
      ToneKeyInto(m_.Word(c.id), &tone2_);
      if (tone2_ == tone_) {
        written = c.id;
        break;
      }
    }
  }
  const bool unmarked = letters && !HasMarks(lower);
  // Readings and their OCR log-probabilities (NaN = not computed yet).
  struct Reading {
    uint32_t id;
    double ocr_log10;
    float cap_bonus;
  };
  std::vector<Reading> readings;
  auto add = [&](uint32_t id, double ocr, float cap_bonus) {
    for (Reading& r : readings) {
      if (r.id == id) {
        if (std::isnan(r.ocr_log10)) r.ocr_log10 = ocr;
        return;
      }
    }
    readings.push_back({id, ocr, cap_bonus});
  };
  const double nan = std::nan("");
  size_t limit = std::min<size_t>(list.size(), static_cast<size_t>(std::max(1, limits_.diacritic)));
  for (size_t k = 0; k < limit; ++k) add(list[k].id, nan, list[k].cap_bonus);
  if (written != unk) {
    auto it2 = std::find_if(list.begin(), list.end(), [&](const CandidateItem& c) { return c.id == written; });
    add(written, nan, it2 == list.end() ? 0.0f : it2->cap_bonus);
  }
  const bool use_ocr = ch != nullptr && (channel_use == '2' || written == unk);
  if (use_ocr) {
    for (const auto& [id, lp] : Searched(lower)) add(id, lp, 0.0f);
  }
  for (const Reading& r : readings) {
    AnalysedReading ar{r.id, r.cap_bonus, r.id == written, unmarked && KeyInto(m_.Word(r.id), &key_) && key_ == lower,
                       false, 0.0};
    if (use_ocr) {
      double lp = std::isnan(r.ocr_log10) ? ch->LogProb(m_.Word(r.id), lower) : r.ocr_log10;
      if (std::isfinite(lp)) ar.ocr = true, ar.ocr_p = std::pow(10.0, lp);
    }
    a.readings.push_back(ar);
  }
  a.kept = written == unk;
  a.damaged = !letters || HasMarks(lower);
  a.has_readings = HasWordReading(list);
  // In OCR'd text an "l" is often the OCR's i ("Trlen", "dlem", "khleu"): a word that
  // is a Vietnamese spelling with that i is damage, as a syllable-shaped word is.
  if (!a.has_readings && a.kept && channel_use == '2' && letters) a.has_readings = ReadsWithI(lower);
  a.spelled = spelled == unk ? 0 : spelled;
  return analysed_.emplace(analysis_key_, std::move(a)).first->second;
}

bool WordCandidates::ReadsWithI(std::string_view lower) {
  if (!KeyInto(lower, &key_)) return false;
  for (size_t k = 0; k < key_.size(); ++k) {
    if (key_[k] != 'l') continue;
    key_[k] = 'i';
    if (IsWordKey(key_) && HasWordReading(m_.Candidates(key_))) return true;
    key_[k] = 'l';
  }
  return false;
}

void WordCandidates::Compute(std::string_view lower, std::vector<WordCand>* out) {
  out->clear();
  const Analysis& a = Analyse(lower);
  for (const AnalysedReading& r : a.readings) {
    double p = 0;
    if (r.as_written) p += mix_.clean;
    if (r.stripped) p += mix_.stripped;
    if (r.ocr) p += mix_.ocr * r.ocr_p;
    if (p <= 0) continue;
    out->push_back({r.id, static_cast<float>(std::log10(p)), r.as_written, r.cap_bonus});
  }
  if (a.kept) {
    // Names, foreign words, codes: kept as written unless a reading is clearly better.
    // A syllable-shaped word with readings is rarely one of those ("chiec" is chiếc),
    // and the model's <unk> covers them all, so that case pays for its spelling.
    // An OCR engine leaves words it cannot read; but digits inside letters ("x4") or
    // marks on an impossible syllable ("quyét") are its damage, not the author's word.
    // Typed text: a code or unit the writer meant ("m2"); OCR'd text: damage.
    const double typed = std::max(mix_.clean, mix_.stripped) *
                         (a.damaged ? limits_.typed_damaged : mix_.ocr > 0.5 ? limits_.typed_keep_in_ocr : 1.0);
    double p = typed + mix_.ocr * (a.damaged ? limits_.keep_damaged : limits_.ocr_keep);
    if (a.has_readings) p *= limits_.unknown_syllable;
    out->push_back({m_.unk(), static_cast<float>(std::log10(p)), true, 0.0f, a.spelled});
  }
}

}  // namespace vanban::internal
