// The restorer's memos: the fixed-size one (restore/flat_memo.h) grows before it forgets;
// what the word candidates keep across documents gives what a fresh restorer gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "channel/code_points.h"
#include "model/channel_index.h"
#include "model/model_data.h"
#include "model/model_parts.h"
#include "restore/channel_mix.h"
#include "restore/flat_memo.h"
#include "restore/lm_cache.h"
#include "restore/word_candidates.h"
#include "vanban/model.h"
#include "fixture_model.h"

TEST_CASE("restore: the memo of channel scores grows to its largest size before it forgets") {
  vanban::internal::FlatMemo<int> memo(4, 6);  // 16 slots, growing to 64
  // Three quarters of 64: every key stays, through two doublings.
  for (uint64_t k = 1; k <= 48; ++k) memo.Put(k * 0x10001, static_cast<int>(k));
  for (uint64_t k = 1; k <= 49; ++k) memo.Prefetch(k * 0x10001);  // a hint only: nothing changes
  for (uint64_t k = 1; k <= 48; ++k) {
    const int* v = memo.Find(k * 0x10001);
    REQUIRE(v != nullptr);
    CHECK(*v == static_cast<int>(k));
  }
  CHECK(memo.Find(49 * 0x10001) == nullptr);
  // Full at its largest size: it starts again with the new key.
  memo.Put(49 * 0x10001, 49);
  CHECK(memo.Find(1 * 0x10001) == nullptr);
  REQUIRE(memo.Find(49 * 0x10001) != nullptr);
  CHECK(*memo.Find(49 * 0x10001) == 49);
}

TEST_CASE("restore: the score cache gives the model's scores, with and without its loads started ahead") {
  const vanban::internal::ModelData& m = vanban::test::FixtureData();
  using vanban::internal::LmState;
  // 2^16 slots are 2.6 MB, on 2 MiB pages where the system gives them; 16 slots collide
  // often, so scores are replaced and computed again.
  for (int log2_slots : {16, 4}) {
    CAPTURE(log2_slots);
    vanban::internal::LmCache lm(m, log2_slots);
    std::vector<uint32_t> words;
    for (std::string_view w : {"căn", "cứ", "nghị", "quyết", "của", "chính", "phủ", "nam", "xyzzy"})
      words.push_back(m.WordId(w));
    for (int pass = 0; pass < 3; ++pass) {
      // Every word after every word of every state reached: the same (context, word)
      // asked again on the later passes, from the cache.
      std::vector<LmState> states = {m.BeginState()};
      for (size_t depth = 0; depth < 3; ++depth) {
        std::vector<LmState> next_states;
        for (const LmState& st : states) {
          for (uint32_t w : words) {
            if (pass == 1) lm.Prefetch(st, w);
            if (pass == 2) lm.PrefetchMiss(st, w);
            LmState want, got;
            const float p = m.Score(st, w, &want);
            CHECK(lm.Score(st, w, &got) == p);
            CHECK(got.SameWords(want));
            for (int k = 0; k < 3; ++k) CHECK(got.bo[k] == want.bo[k]);
            if (next_states.size() < 12) next_states.push_back(got);
          }
        }
        states = std::move(next_states);
      }
    }
  }
}

namespace {

using vanban::internal::CandidateLimits;
using vanban::internal::ChannelMix;
using vanban::internal::WordCandidates;

// A scan's mixture: mostly OCR.
ChannelMix ScannedMix() {
  ChannelMix mix;
  mix.clean = 0.1, mix.stripped = 0.1, mix.ocr = 0.8;
  return mix;
}

// The readings |words| gives |lower| right after Reset(mix, limits).
std::vector<vanban::internal::WordCand> ReadingsAfterReset(vanban::internal::WordCandidates* words,
                                                           const vanban::internal::ChannelMix& mix,
                                                           const vanban::internal::CandidateLimits& limits,
                                                           std::string_view lower) {
  words->Reset(mix, limits, /*ocr=*/true);
  return words->For(lower);
}

void CheckSameReadings(const std::vector<vanban::internal::WordCand>& a,
                       const std::vector<vanban::internal::WordCand>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t k = 0; k < a.size(); ++k) {
    CHECK(a[k].id == b[k].id);
    CHECK(a[k].channel == b[k].channel);
    CHECK(a[k].as_written == b[k].as_written);
    CHECK(a[k].cap_bonus == b[k].cap_bonus);
    CHECK(a[k].spelled == b[k].spelled);
  }
}

}  // namespace

// What WordCandidates keeps across documents (the readings of a word apart from the
// mixture) must give every document what a fresh one would: a memo keyed without the
// limits or without how the channel is asked would restore a document differently after
// another one (issue 10, item 3).
TEST_CASE("restore: a word's readings after other documents are those of a fresh restorer") {
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  const vanban::internal::ModelParts& parts = (*model)->parts();
  REQUIRE(parts.ocr_channel() != nullptr);
  const ChannelMix scanned = ScannedMix();
  ChannelMix typed;  // OCR below WordCandidates::kOcrActive: the channel only for unread words
  typed.clean = 0.899, typed.stripped = 0.1, typed.ocr = 0.001;
  CandidateLimits wide, narrow;
  narrow.diacritic = 1;
  narrow.ocr = 1;
  const struct {
    const ChannelMix& mix;
    const CandidateLimits& limits;
  } documents[] = {{scanned, wide}, {typed, wide}, {scanned, narrow}, {typed, narrow}, {scanned, wide}};
  WordCandidates warm(parts.data(), parts.ocr_channel());
  for (std::string_view lower : {"nhan", "dan", "nhân", "cùa", "hiêu", "x4"}) {
    CAPTURE(lower);
    for (const auto& doc : documents) {
      WordCandidates fresh(parts.data(), parts.ocr_channel());
      CheckSameReadings(ReadingsAfterReset(&warm, doc.mix, doc.limits, lower),
                        ReadingsAfterReset(&fresh, doc.mix, doc.limits, lower));
    }
  }
}

// The channel scores of the readings the context proposes are kept across documents, one
// table a word and channel: a word's scores under the smoothed channel are not its scores
// under the learned one, and a score given up under one floor is not the answer under a
// lower one. (Issue 10 item 3: a memo that outlives documents gives what a fresh one does.)
TEST_CASE("restore: proposed readings' scores after other words and floors are those of a fresh restorer") {
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  const vanban::internal::ModelParts& parts = (*model)->parts();
  const vanban::internal::ModelData& m = parts.data();
  const ChannelMix scanned = ScannedMix();
  std::vector<uint32_t> ids;
  for (std::string_view w : {"nghị", "nghỉ", "nghĩ", "nghĩa", "ngày", "nhân", "của", "cứ"}) {
    ids.push_back(m.WordId(w));
    REQUIRE(ids.back() != m.unk());
  }
  const struct {
    std::string_view lower;
    bool smooth;
    float floor;
  } asks[] = {{"nghi", false, -1e9f}, {"nghi", true, -1e9f}, {"ngbi", true, -0.5f}, {"ngbi", true, -1e9f},
              {"ngbi", false, -1e9f}, {"cua", true, -3.0f}, {"nghi", false, -0.1f}, {"ngbi", true, -2.0f}};
  WordCandidates warm(parts.data(), parts.ocr_channel());
  warm.Reset(scanned, CandidateLimits{}, /*ocr=*/true);
  for (const auto& ask : asks) {
    CAPTURE(ask.lower);
    CAPTURE(ask.smooth);
    CAPTURE(ask.floor);
    WordCandidates fresh(parts.data(), parts.ocr_channel());
    fresh.Reset(scanned, CandidateLimits{}, /*ocr=*/true);
    std::vector<float> a, b;
    warm.Proposed(ask.lower, ids, ask.smooth, ask.floor, &a);
    fresh.Proposed(ask.lower, ids, ask.smooth, ask.floor, &b);
    // Below the floor a score may come out exact or as -1e9 (the caller drops both).
    for (std::vector<float>* scores : {&a, &b})
      for (float& v : *scores)
        if (v < ask.floor) v = -1e9f;
    CHECK(a == b);
  }
}

// The readings offered for a word nothing could read skip the syllables whose prior alone
// cannot beat the last one kept (the channel's probability is at most 1): they must be
// the best of the whole vocabulary all the same, in the same order.
TEST_CASE("restore: the nearest syllables of an unreadable word are the best of the whole vocabulary") {
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  const vanban::internal::ModelParts& parts = (*model)->parts();
  const vanban::internal::ModelData& m = parts.data();
  const vanban::internal::ChannelIndex* ch = parts.ocr_channel();
  REQUIRE(ch != nullptr);
  for (std::string_view lower : {"coéng", "ouo", "nhirg", "tfmg", "x4", "qđ", "ngbiêp", "nhan", "dan", "cùa", "thyc", "hiêu"}) {
    for (size_t max : {size_t{1}, size_t{3}, size_t{8}}) {
      CAPTURE(lower);
      CAPTURE(max);
      const std::u32string lower32 = vanban::internal::Lower(vanban::internal::DecodeUtf8(lower));
      std::vector<std::pair<uint32_t, float>> all;
      for (uint32_t id = 0; id < m.vocab_size(); ++id) {
        if (id == m.unk() || id == m.num() || !ch->Plausible(id, lower32)) continue;
        const std::string_view word = m.Word(id);
        if (word.empty() || word[0] == '#' || word[0] == '<') continue;
        const double lp = ch->LogProbOfWord(id, lower32, /*smooth=*/true);
        if (!std::isfinite(lp) || lp < -1e8) continue;
        all.push_back({id, static_cast<float>(lp) + m.UnigramLogProb(id)});
      }
      // Best first; of equal scores the lower id (the one met first).
      std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      if (all.size() > max) all.resize(max);
      WordCandidates words(m, ch);  // its memo is keyed by the word alone
      CHECK(words.Nearest(lower, max) == all);
    }
  }
}

// In a scan, a word no syllable spells ("chirc") is the OCR's damage far more often than
// a word typed that way: the mixture's floor for typing (1e-3) must not make keeping it as
// typed likelier than the scan's reading. Damaged words keep their own typed share.
TEST_CASE("restore: in an OCR'd document an undamaged word no syllable spells is kept at the OCR's odds") {
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  const vanban::internal::ModelParts& parts = (*model)->parts();
  const vanban::internal::ModelData& m = parts.data();
  ChannelMix scan;  // as ChannelMix estimates a scan: the typing shares at their floor
  scan.clean = 0.001, scan.stripped = 0.001, scan.ocr = 0.998;
  ChannelMix typed;
  typed.clean = 0.899, typed.stripped = 0.1, typed.ocr = 0.001;
  auto kept = [&](const ChannelMix& mix, const CandidateLimits& limits, std::string_view lower) {
    WordCandidates words(parts.data(), parts.ocr_channel());
    for (const auto& c : ReadingsAfterReset(&words, mix, limits, lower))
      if (c.id == m.unk()) return static_cast<double>(c.channel);
    FAIL("no kept reading for " << lower);
    return 0.0;
  };
  const CandidateLimits limits;
  CHECK(limits.typed_keep_in_ocr < 1.0);
  CHECK(kept(scan, limits, "qzxw") ==
        doctest::Approx(std::log10(0.001 * limits.typed_keep_in_ocr + 0.998 * limits.ocr_keep)).epsilon(1e-4));
  // Typed text keeps such a word as the writer typed it.
  CHECK(kept(typed, limits, "qzxw") == doctest::Approx(std::log10(0.899 + 0.001 * limits.ocr_keep)).epsilon(1e-4));
  // A damaged word ("qzxé": a mark on no syllable) has its own typed share in a scan too.
  CHECK(kept(scan, limits, "qzxé") ==
        doctest::Approx(std::log10(0.001 * limits.typed_damaged + 0.998 * limits.keep_damaged)).epsilon(1e-4));
}
