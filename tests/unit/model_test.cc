// Model: build from the hand-made fixture in tests/data/model, load, score, and
// refuse damaged files.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "model/model_parts.h"
#include "model/place_merges.h"
#include "text/viet_chars.h"
#include "vanban/model.h"
#include "vanban/text.h"
#include "fixture_model.h"
#include "test_files.h"

namespace {

// Compiled at build time (tests/CMakeLists.txt) by the same BuildModel.
const std::string& FixtureModelPath() {
  static const std::string path = VANBAN_FIXTURE_MODEL;
  return path;
}

using vanban::test::FixtureData;

}  // namespace

TEST_CASE("viet chars: keys, case and syllable shapes") {
  std::string out;
  CHECK(vanban::internal::KeyInto("Nghị", &out));
  CHECK(out == "nghi");
  CHECK(vanban::internal::KeyInto("ĐƯỜNG", &out));
  CHECK(out == "duong");
  CHECK_FALSE(vanban::internal::KeyInto("x4", &out));
  vanban::internal::ApplyCaseInto("ủy", "UY", &out);
  CHECK(out == "ỦY");
  vanban::internal::ApplyCaseInto("nghị", "Nghi", &out);
  CHECK(out == "Nghị");
  // Word-level case: OCR digits and stray capitals do not make a word all-caps.
  vanban::internal::ApplyWordCaseInto("tổ", "T6", &out);
  CHECK(out == "Tổ");
  vanban::internal::ApplyWordCaseInto("người", "nguGi", &out);
  CHECK(out == "người");
  vanban::internal::ApplyWordCaseInto("đường", "DUONG", &out);
  CHECK(out == "ĐƯỜNG");
  vanban::internal::ApplyWordCaseInto("ở", "¢", &out);
  CHECK(out == "ở");
  CHECK(vanban::internal::IsMeasurement("m2"));
  CHECK(vanban::internal::IsMeasurement("25m"));
  CHECK(vanban::internal::IsMeasurement("3,5ha"));
  CHECK(vanban::internal::IsMeasurement("10kg"));
  CHECK_FALSE(vanban::internal::IsMeasurement("s6"));
  CHECK_FALSE(vanban::internal::IsMeasurement("x4"));
  CHECK_FALSE(vanban::internal::IsMeasurement("21thang"));
  CHECK_FALSE(vanban::internal::IsMeasurement("ha2"));
  CHECK(vanban::internal::IsNumberedItem("5a", false));
  CHECK_FALSE(vanban::internal::IsNumberedItem("5a", true));
  CHECK(vanban::internal::IsNumberedItem("12b", true));
  CHECK(vanban::internal::IsNumberedItem("10đ", true));
  CHECK(vanban::internal::IsNumberedItem("1a", false));
  CHECK_FALSE(vanban::internal::IsNumberedItem("1a", true));
  CHECK_FALSE(vanban::internal::IsNumberedItem("s6", false));
  CHECK_FALSE(vanban::internal::IsNumberedItem("21thang", false));
  CHECK(vanban::internal::IsSyllableKey("nghieng"));
  CHECK(vanban::internal::IsSyllableKey("gi"));
  CHECK_FALSE(vanban::internal::IsSyllableKey("church"));
  CHECK_FALSE(vanban::internal::IsSyllableKey("hdnd"));
  CHECK(vanban::internal::IsWordKey("d"));
}

// IsSyllableKey is asked for every word of a text, so it is written as a switch; here it
// is checked against the rule it encodes, written as a pattern, on every key of up to
// three letters and every key of up to five of the letters that make syllables.
TEST_CASE("viet chars: a syllable key is an onset, one to three vowels and a coda") {
  const std::regex rule(
      "(?:(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}|gi)(?:c|ch|k|m|n|ng|nh|p|t)?");
  size_t syllables = 0;
  auto check = [&](std::string_view letters, size_t max_len) {
    std::string key;
    std::vector<size_t> at;
    for (size_t len = 0; len <= max_len; ++len) {
      at.assign(len, 0);
      while (true) {
        key.clear();
        for (size_t i : at) key.push_back(letters[i]);
        const bool expected = key.size() <= 7 && std::regex_match(key, rule);
        syllables += expected;
        if (vanban::internal::IsSyllableKey(key) != expected) FAIL_CHECK(key);
        size_t i = len;
        while (i > 0 && ++at[i - 1] == letters.size()) at[--i] = 0;
        if (i == 0) break;
      }
    }
  };
  check("abcdefghijklmnopqrstuvwxyz", 3);
  check("acghiknoqrtuy", 5);
  CHECK(syllables > 1000);
}

TEST_CASE("lm tokens: split keeps every byte and classifies") {
  std::string line = "Số 20/NQ-HĐND, x4 ngày 1.000";
  std::vector<vanban::internal::LmToken> toks;
  vanban::internal::SplitLine(line, &toks);
  std::string joined;
  for (const auto& t : toks) joined += line.substr(t.begin, t.end - t.begin);
  CHECK(joined == line);
  std::string scratch;
  CHECK(vanban::internal::LmWord("Số", vanban::internal::LmTokenKind::kWord, &scratch) == "số");
  // Abbreviations are words of their own, by key: HĐND, HDND and HPND's repair agree.
  CHECK(vanban::internal::LmWord("HĐND", vanban::internal::LmTokenKind::kWord, &scratch) == "#hdnd");
  CHECK(vanban::internal::LmWord("HDND", vanban::internal::LmTokenKind::kWord, &scratch) == "#hdnd");
  CHECK(vanban::internal::LmWord("CÔNG", vanban::internal::LmTokenKind::kWord, &scratch) == "công");
  CHECK(vanban::internal::LmWord("Đ", vanban::internal::LmTokenKind::kWord, &scratch) == "đ");
  CHECK(vanban::internal::LmWord("church", vanban::internal::LmTokenKind::kWord, &scratch) == "<unk>");
  CHECK(vanban::internal::ContinuesLine("của Chính phủ"));
  CHECK_FALSE(vanban::internal::ContinuesLine("d) Các trường hợp"));
  CHECK_FALSE(vanban::internal::ContinuesLine("Điều 1."));
}

TEST_CASE("model: round trip of the fixture dictionaries") {
  auto m = vanban::Model::Load(FixtureModelPath());
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  const vanban::Model& model = **m;
  CHECK(model.order() == 4);
  CHECK(model.vocabulary_size() > 50);
  auto counts = model.ngram_counts();
  REQUIRE(counts.size() == 4);
  CHECK(counts[1] > 0);
  // A seen continuation is far more likely than an unseen one.
  double seen = model.LogProb({"<s>", "căn", "cứ"});
  double unseen = model.LogProb({"<s>", "căn", "phủ"});
  CHECK(seen > unseen);
  CHECK(seen <= 0.0);
  // Candidate index: "nghi" has several readings, most frequent first.
  auto cands = model.parts().data().Candidates("nghi");
  REQUIRE(cands.size() >= 2);
  CHECK(cands[0].logprior >= cands[1].logprior);
}

TEST_CASE("model: place names become name pairs, both ways") {
  const vanban::internal::ModelData& d = FixtureData();
  const uint32_t viet = d.WordId("việt"), nam = d.WordId("nam"), cong = d.WordId("cộng"), hoa = d.WordId("hòa"),
                 dan = d.WordId("dân");
  REQUIRE(viet != d.unk());
  CHECK(d.IsNamePair(viet, nam));
  CHECK_FALSE(d.IsNamePair(nam, viet));
  // Every pair in a row of a longer name, none across.
  CHECK(d.IsNamePair(cong, hoa));
  CHECK(d.IsNamePair(hoa, dan));
  CHECK_FALSE(d.IsNamePair(cong, dan));
  REQUIRE(d.places().Before(nam).size() == 1);
  CHECK(d.places().Before(nam)[0].first == viet);
  REQUIRE(d.places().After(cong).size() == 1);
  CHECK(d.places().After(cong)[0].second == hoa);
  // "Việt Dương": the fixture does not know dương, so that name gives no pair.
  CHECK(d.places().After(viet).size() == 2);
}

TEST_CASE("model: each word's name pairs are its whole run, found without bisecting") {
  const vanban::internal::ModelData& d = FixtureData();
  using vanban::internal::NamePair;
  for (const auto* names : {&d.places(), &d.people()}) {
    REQUIRE_FALSE(names->by_first.empty());
    // Past the vocabulary too: an id the tables never hold has no pairs.
    for (uint32_t w = 0; w < d.vocab_size() + 2; ++w) {
      auto [lo, hi] = std::equal_range(names->by_first.begin(), names->by_first.end(), NamePair{w, 0},
                                       [](const NamePair& x, const NamePair& y) { return x.first < y.first; });
      const auto after = names->After(w);
      REQUIRE(after.size() == static_cast<size_t>(hi - lo));
      if (!after.empty()) CHECK(after.data() == &*lo);
      auto [blo, bhi] = std::equal_range(names->by_second.begin(), names->by_second.end(), NamePair{0, w},
                                         [](const NamePair& x, const NamePair& y) { return x.second < y.second; });
      const auto before = names->Before(w);
      REQUIRE(before.size() == static_cast<size_t>(bhi - blo));
      if (!before.empty()) CHECK(before.data() == &*blo);
    }
    for (const NamePair& p : names->by_first) CHECK(names->Has(p.first, p.second));
  }
}

TEST_CASE("model: a name's syllable is a reading even where Vietnamese spelling has no such syllable") {
  const vanban::internal::ModelData& d = FixtureData();
  // "kôn" (k before ô) breaks the spelling rules a reading must follow, but the gazetteer
  // spells "Việt Kôn" so: the scan's "Kon" may be read as it.
  const uint32_t kon = d.WordId("kôn");
  REQUIRE(kon != d.unk());
  auto cands = d.Candidates("kon");
  CHECK(std::any_of(cands.begin(), cands.end(), [&](const auto& c) { return c.id == kon; }));
}

TEST_CASE("model: personal names become name pairs of their own") {
  const vanban::internal::ModelData& d = FixtureData();
  const uint32_t quan = d.WordId("quan"), tai = d.WordId("tài");
  REQUIRE(tai != d.unk());
  CHECK(d.IsNamePair(quan, tai));
  CHECK_FALSE(d.IsPlacePair(quan, tai));
  REQUIRE(d.people().After(quan).size() == 1);
  CHECK(d.people().After(quan)[0].second == tai);
  CHECK(d.people().Before(tai).size() == 1);
  CHECK(d.places().After(quan).empty());
}

TEST_CASE("model: rarer surnames' pairs are a table of their own") {
  const vanban::internal::ModelData& d = FixtureData();
  const uint32_t so = d.WordId("sở"), tai = d.WordId("tài");
  REQUIRE(so != d.unk());
  CHECK(d.rare_people().Has(so, tai));
  // Not a name pair anywhere else: only where a person's name stands.
  CHECK_FALSE(d.IsNamePair(so, tai));
  CHECK(d.people().After(so).empty());
  CHECK(d.rare_people().Before(tai).size() == 1);
}

TEST_CASE("model: surnames are a set of the model's words") {
  const vanban::internal::ModelData& d = FixtureData();
  // The fixture's surnames.txt: Nguyễn (not in its vocabulary), Quan, Đồng.
  CHECK(d.IsSurname(d.WordId("quan")));
  CHECK(d.IsSurname(d.WordId("đồng")));
  CHECK_FALSE(d.IsSurname(d.WordId("tài")));
  CHECK_FALSE(d.IsSurname(d.unk()));
}

TEST_CASE("model: the communes' absorbed units are stored as the dictionary spells them, by the commune's key") {
  auto m = vanban::Model::Load(FixtureModelPath());
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  // The fixture's place_merges.txt lists Nghị Dân twice, then Nghĩa Dân, Nghĩa Lập, Nghỉ Lực and Tự Lực:
  // sorted by key ("nghi dan" before "nghia dan"), each line as the file spells it.
  const vanban::internal::PlaceMerges table((*m)->parts().data().PlaceMergesTable());
  REQUIRE(table.size() == 6);
  const auto nghi = table.Find("nghi dan");
  REQUIRE(nghi.size() == 2);
  CHECK(nghi[0].second == "Nghị Dân\tHội Đồng\tTài Chính\tViệt Nam");
  CHECK(nghi[1].second == "Nghị Dân\tViệt Nam\tTự Lập\tCộng Hòa");
  CHECK(table.Find("nghia dan").size() == 1);
  CHECK(table.Find("nghi").empty());
  CHECK((*m)->parts().data().PlaceMergesTable().substr(0, 9) == "nghi dan\t");
  // A table not sorted by key is none.
  CHECK(vanban::internal::PlaceMerges("b\tB\tX\tY Z\na\tA\tX\tY Z\n").size() == 0);
  // A line without the old units is refused, naming the file and line.
  const std::filesystem::path dir = std::filesystem::path(VANBAN_BINARY_DIR) / "bad-merges-dict";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::string(VANBAN_SOURCE_DIR) + "/tests/data/model", dir);
  std::ofstream(dir / "place_merges.txt") << "Nghị Dân\tViệt Nam\tTự Lập\nNghĩa Dân\tViệt Nam\n";
  vanban::Status st = vanban::BuildModel(dir.string(), (dir / "x.model").string());
  CHECK(st.code() == vanban::StatusCode::kCorruption);
  CHECK(st.message().find("place_merges.txt:2") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("model: missing file is NotFound") {
  auto m = vanban::Model::Load("/nonexistent/vanban.model");
  CHECK_FALSE(m.ok());
  CHECK(m.status().code() == vanban::StatusCode::kNotFound);
}

TEST_CASE("model: damaged files are Corruption") {
  std::string bytes = vanban::test::ReadFileBytes(FixtureModelPath());
  REQUIRE(bytes.size() > 1000);
  CHECK(vanban::Model::LoadFromBuffer(bytes).ok());
  SUBCASE("bad magic") {
    bytes[0] = 'X';
  }
  SUBCASE("truncated") {
    bytes.resize(bytes.size() - 8);
  }
  SUBCASE("flipped payload byte") {
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
  }
  SUBCASE("too small") {
    bytes.resize(10);
  }
  SUBCASE("wrong version") {
    bytes[8] = 99;
  }
  auto m = vanban::Model::LoadFromBuffer(bytes);
  CHECK_FALSE(m.ok());
  CHECK(m.status().code() == vanban::StatusCode::kCorruption);
}

TEST_CASE("model: build fails cleanly on a missing directory") {
  vanban::Status st = vanban::BuildModel("/nonexistent/dict", std::string(VANBAN_BINARY_DIR) + "/x.model");
  CHECK_FALSE(st.ok());
}

// The restorer places a word's tone once (TokenWriter::Toned) and then applies the letter
// case of what was written, where it used to place the tone after the case: the two must
// commute for every word it may spell, in both placements and every case pattern
// ApplyWordCaseInto tells apart (lower, a capital first, all capitals, one capital).
TEST_CASE("model: placing the tone and applying the letter case commute for every word") {
  auto model = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
  REQUIRE_MESSAGE(model.ok(), model.status().ToString());
  const vanban::internal::ModelData& m = (*model)->parts().data();
  size_t moved = 0;
  std::string cased, toned_then_cased;
  for (vanban::ToneStyle style : {vanban::ToneStyle::kOld, vanban::ToneStyle::kNew}) {
    for (uint32_t id = 0; id < m.vocab_size(); ++id) {
      const std::string_view word = m.Word(id);
      const std::string toned = vanban::NormalizeTonePlacement(word, style);
      moved += toned != word;
      for (std::string_view orig : {"ab", "Ab", "AB", "A"}) {
        CAPTURE(word);
        CAPTURE(orig);
        vanban::internal::ApplyWordCaseInto(word, orig, &cased);
        vanban::internal::ApplyWordCaseInto(toned, orig, &toned_then_cased);
        CHECK(vanban::NormalizeTonePlacement(cased, style) == toned_then_cased);
      }
    }
  }
  // Words whose tone moves are there to test.
  CHECK(moved > 0);
}
