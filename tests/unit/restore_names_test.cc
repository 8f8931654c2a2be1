// One reading per document for place names (restore/name_unifier.h), on the fixture
// model, whose gazetteer has "Việt Nam", "Cộng Hòa Dân", and "Nghị Dân" and "Nghỉ Dân"
// (two names, one spelling).
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "model/model_data.h"
#include "restore/absorbed_units.h"
#include "restore/name_unifier.h"
#include "fixture_model.h"

namespace {

using vanban::internal::NameWord;

struct Written {
  std::string text;
  std::vector<NameWord> words;
};

// |parts| written one after the other; the capitalised syllables among them become
// NameWords (with |ids| in order, and |confidence| when given, else 1).
Written Write(const std::vector<std::string>& parts, const std::vector<uint32_t>& ids,
              const std::vector<double>& confidence = {}) {
  Written w;
  size_t next_id = 0;
  for (const std::string& p : parts) {
    const bool word = !p.empty() && p.back() != ' ';  // " ", ", ", "xã " are between words
    if (word) {
      const size_t at = w.text.size();
      const double sure = confidence.empty() ? 1.0 : confidence.at(next_id);
      w.words.push_back({at, at + p.size(), at, at + p.size(), ids.at(next_id++), sure});
    }
    w.text += p;
  }
  return w;
}

using vanban::test::FixtureData;

// The one rewrite NameRewrites gives |w|: (index of the word, its new reading).
std::pair<size_t, uint32_t> OnlyRewrite(const vanban::internal::ModelData& d, const Written& w) {
  auto rewrites = vanban::internal::NameRewrites(d, w.text, w.words);
  REQUIRE(rewrites.size() == 1);
  return rewrites[0];
}

using Rewrites = std::vector<std::pair<size_t, uint32_t>>;

// (index, model word) of each of |rewrites|.
Rewrites ids(const std::vector<vanban::internal::NameRewrite>& rewrites) {
  Rewrites out;
  for (const auto& r : rewrites) out.push_back({r.index, r.id});
  return out;
}

}  // namespace

TEST_CASE("names: a pair spelled like a gazetteer name read elsewhere takes that reading") {
  const vanban::internal::ModelData& d = FixtureData();
  const uint32_t viet = d.WordId("việt"), nam = d.WordId("nam"), nam2 = d.WordId("năm"), cong = d.WordId("cộng"),
                 hoa = d.WordId("hòa");
  REQUIRE(nam2 != d.unk());
  // "VIỆT NAM, Việt Năm": the second is no name; it reads as the first.
  Written w = Write({"VIỆT", " ", "NAM", ", ", "Việt", " ", "Năm"}, {viet, nam, viet, nam2});
  CHECK(OnlyRewrite(d, w) == std::pair<size_t, uint32_t>{3, nam});
  // Alone, a pair that is no name stays as read; so do words not one space apart.
  w = Write({"Việt", " ", "Năm"}, {viet, nam2});
  CHECK(vanban::internal::NameRewrites(d, w.text, w.words).empty());
  w = Write({"Việt", ", ", "Nam", ", ", "Việt", ", ", "Năm"}, {viet, nam, viet, nam2});
  CHECK(vanban::internal::NameRewrites(d, w.text, w.words).empty());
  // Another spelling is another name.
  w = Write({"Việt", " ", "Nam", ", ", "Cộng", " ", "Hòa"}, {viet, nam, cong, hoa});
  CHECK(vanban::internal::NameRewrites(d, w.text, w.words).empty());
}

TEST_CASE("names: of two gazetteer names with one spelling, the one most of the document reads wins") {
  const vanban::internal::ModelData& d = FixtureData();
  const uint32_t nghi = d.WordId("nghị"), nghi2 = d.WordId("nghỉ"), dan = d.WordId("dân");
  REQUIRE(d.IsNamePair(nghi, dan));
  REQUIRE(d.IsNamePair(nghi2, dan));
  // Issuer and date line read Nghị Dân, the subject Nghỉ Dân: the subject agrees with them.
  Written w = Write({"NGHỊ", " ", "DÂN", ", ", "Nghị", " ", "Dân", ", ", "Nghỉ", " ", "Dân"},
                    {nghi, dan, nghi, dan, nghi2, dan});
  CHECK(OnlyRewrite(d, w) == std::pair<size_t, uint32_t>{4, nghi});
  // One each, read as surely: no evidence to choose, both stay.
  w = Write({"Nghị", " ", "Dân", ", ", "Nghỉ", " ", "Dân"}, {nghi, dan, nghi2, dan});
  CHECK(vanban::internal::NameRewrites(d, w.text, w.words).empty());
  // One each, the second read with more confidence: the first agrees with it.
  w = Write({"Nghị", " ", "Dân", ", ", "Nghỉ", " ", "Dân"}, {nghi, dan, nghi2, dan}, {0.6, 1.0, 0.9, 1.0});
  CHECK(OnlyRewrite(d, w) == std::pair<size_t, uint32_t>{0, nghi2});
  // Counts first: two unsure sightings outweigh one sure one.
  w = Write({"Nghị", " ", "Dân", ", ", "Nghị", " ", "Dân", ", ", "Nghỉ", " ", "Dân"}, {nghi, dan, nghi, dan, nghi2, dan},
            {0.5, 0.5, 0.5, 0.5, 1.0, 1.0});
  CHECK(OnlyRewrite(d, w) == std::pair<size_t, uint32_t>{4, nghi});
}

TEST_CASE("names: a place before its date spelt an edit (two before ', ngày') away from a name the document reads is that name") {
  const vanban::internal::ModelData& d = FixtureData();
  const uint32_t nghi = d.WordId("nghị"), nghia = d.WordId("nghĩa"), dan = d.WordId("dân");
  REQUIRE(!d.IsNamePair(nghia, dan));
  // "XÃ NGHỊ DÂN … Nghĩa Dân, ngày": the OCR added a letter to the place.
  Written w = Write({"NGHỊ", " ", "DÂN", ", ", "Nghĩa", " ", "Dân", ", "}, {nghi, dan, nghia, dan});
  CHECK(OnlyRewrite(d, w) == std::pair<size_t, uint32_t>{2, nghi});
  // "Nghị Pan, ngày", Pan kept as written: a P the OCR read for Đ is that letter (the
  // fixture's "Nghị Dân" stands in for a name with Đ: keys spell đ as d).
  w = Write({"NGHỊ", " ", "DÂN", ", ", "Nghị", " ", "Pan", ", "}, {nghi, dan, nghi, d.unk()});
  CHECK(OnlyRewrite(d, w) == std::pair<size_t, uint32_t>{3, dan});
  // Other initials do not stand for each other: "Nghị Tân" stays.
  w = Write({"NGHỊ", " ", "DÂN", ", ", "Nghị", " ", "Tan", ", "}, {nghi, dan, nghi, d.unk()});
  CHECK(vanban::internal::NameRewrites(d, w.text, w.words).empty());
  // Not before a comma, it may be other words: it stays.
  w = Write({"NGHỊ", " ", "DÂN", ", ", "Nghĩa", " ", "Dân"}, {nghi, dan, nghia, dan});
  CHECK(vanban::internal::NameRewrites(d, w.text, w.words).empty());
  // Two letters off ("Nghia Dun" kept as written): the date line's place, and only there.
  w = Write({"NGHỊ", " ", "DÂN", ", ", "Nghia", " ", "Dun", ", ngày "}, {nghi, dan, d.unk(), d.unk()});
  CHECK(vanban::internal::NameRewrites(d, w.text, w.words) ==
        std::vector<std::pair<size_t, uint32_t>>{{2, nghi}, {3, dan}});
  w = Write({"NGHỊ", " ", "DÂN", ", ", "Nghia", " ", "Dun", ", "}, {nghi, dan, d.unk(), d.unk()});
  CHECK(vanban::internal::NameRewrites(d, w.text, w.words).empty());
}

// The fixture's place_merges.txt: commune Nghị Dân (province Việt Nam) absorbed Tự Lập and
// Cộng Hòa; another Nghị Dân (province Hội Đồng) absorbed Tài Chính and Việt Nam; Nghĩa Dân
// absorbed Nghị Lực, Từ Lập and Việt Dương (a syllable the fixture's model lacks); Nghĩa
// Lập (province Hội Đồng) absorbed Tài Dân, Lập Nghị and Hội Đồn.
TEST_CASE("names: a commune's document reads the units it absorbed as the gazetteer spells them") {
  const vanban::internal::ModelData& d = FixtureData();
  const vanban::internal::AbsorbedUnits absorbed(d);
  REQUIRE(absorbed.communes() == 6);
  const uint32_t nghi = d.WordId("nghị"), nghi2 = d.WordId("nghĩ"), dan = d.WordId("dân"), tu = d.WordId("tự"),
                 tu2 = d.WordId("từ"), lap = d.WordId("lập"), cong = d.WordId("cộng"), hoa = d.WordId("hòa");
  // (index, model word) of each rewrite, which spells the model's word.
  auto ids = [&](const std::vector<vanban::internal::NameRewrite>& rewrites) {
    Rewrites out;
    for (const auto& r : rewrites) {
      CHECK(r.spelling == d.Word(r.id));
      out.push_back({r.index, r.id});
    }
    return out;
  };
  // "XÃ NGHỊ DÂN … sáp nhập xã Từ Lập, xã Cộng Hòa": of the two communes named Nghị Dân,
  // the one that absorbed Tự Lập and Cộng Hòa; Từ Lập is that unit.
  Written w = Write({"NGHỊ", " ", "DÂN", ", ", "Từ", " ", "Lập", ", ", "Cộng", " ", "Hòa"},
                    {nghi, dan, tu2, lap, cong, hoa});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{2, tu}});
  // The commune's own name read otherwise (stripped "Nghi Dan" read Nghĩ Dân) is its name.
  w = Write({"Nghĩ", " ", "Dân", ", ", "Tự", " ", "Lập"}, {nghi2, dan, tu, lap});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{0, nghi}});
  // A word kept as written ("Tai Chinh") is read by its spelling: the other Nghị Dân.
  w = Write({"Nghị", " ", "Dân", ", ", "Tai", " ", "Chinh"}, {nghi, dan, d.unk(), d.unk()});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{2, d.WordId("tài")}, {3, d.WordId("chính")}});
  // Without the commune, or without any of its absorbed units, nothing says which names
  // the document holds: all stay as read.
  w = Write({"Từ", " ", "Lập", ", ", "Cộng", " ", "Hòa"}, {tu2, lap, cong, hoa});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  w = Write({"Nghị", " ", "Dân", ", ", "Nghĩ", " ", "Dân"}, {nghi, dan, nghi2, dan});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  // The commune and its province, with none of its units (a commune that kept its own
  // name absorbed only itself; the OCR may lose the units' line): the Nghị Dân of Hội
  // Đồng, so "xã Nghĩ Dân" is Nghị Dân.
  const uint32_t hoi = d.WordId("hội"), dong = d.WordId("đồng");
  w = Write({"xã ", "Nghĩ", " ", "Dân", ", ", "Hội", " ", "Đồng"}, {nghi2, dan, hoi, dong});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{0, nghi}});
  w = Write({"UBND\nXÃ ", "NGHĨ", " ", "DÂN", ", ", "Hội", " ", "Đồng"}, {nghi2, dan, hoi, dong});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{0, nghi}});
  // So named but not as a unit (the motto's HẠNH PHÚC is a commune's name too): as read.
  w = Write({"Nghĩ", " ", "Dân", ", ", "Hội", " ", "Đồng"}, {nghi2, dan, hoi, dong});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  // The chosen commune's province is itself, not a unit spelt a letter off (Hội Đồn).
  w = Write({"xã ", "Nghĩa", " ", "Lập", ", tỉnh ", "Hội", " ", "Đồng", ", xã ", "Tài", " ", "Dân"},
            {d.WordId("nghĩa"), lap, hoi, dong, d.WordId("tài"), dan});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  // Two communes of that province so named (a province's list of its communes): which
  // one the document is about is not said, and all stay as read.
  w = Write({"xã ", "Nghĩ", " ", "Dân", ", ", "Hội", " ", "Đồng", ", xã ", "Nghia", " ", "Lap"},
            {nghi2, dan, hoi, dong, d.unk(), d.unk()});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  // Two communes named as surely (Nghị Dân with Tự Lập, Nghĩa Dân with Từ Lập: one
  // spelling, two readings): the spelling they disagree on stays as read.
  w = Write({"Nghị", " ", "Dân", ", ", "Nghĩa", " ", "Dân", ", ", "Từ", " ", "Lập"}, {nghi, dan, d.WordId("nghĩa"), dan, tu2, lap});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  // The whole document's rewrites: the absorbed unit's, then the unifier's over them.
  w = Write({"NGHỊ", " ", "DÂN", ", ", "Nghĩ", " ", "Dân", ", ", "Từ", " ", "Lập"}, {nghi, dan, nghi2, dan, tu2, lap});
  CHECK(ids(vanban::internal::DocumentNameRewrites(d, absorbed, w.text, w.text, w.words)) == Rewrites{{2, nghi}, {4, tu}});
  // A syllable the model lacks is spelt as the gazetteer spells it: "Viet Duong" kept as
  // written under Nghĩa Dân is Việt Dương.
  REQUIRE(d.WordId("dương") == d.unk());
  const uint32_t nghia = d.WordId("nghĩa"), viet = d.WordId("việt");
  w = Write({"Nghĩa", " ", "Dân", ", ", "Từ", " ", "Lập", ", ", "Viet", " ", "Duong"}, {nghia, dan, tu2, lap, d.unk(), d.unk()});
  CHECK(vanban::internal::DocumentNameRewrites(d, absorbed, w.text, w.text, w.words) ==
        std::vector<vanban::internal::NameRewrite>{{4, viet, "việt"}, {5, d.unk(), "dương"}});
  // Already so spelt: nothing to rewrite.
  w = Write({"Nghĩa", " ", "Dân", ", ", "Việt", " ", "Dương"}, {nghia, dan, viet, d.unk()});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
}

TEST_CASE("names: an absorbed unit is found by its written spelling, or with a letter the OCR changed") {
  const vanban::internal::ModelData& d = FixtureData();
  const vanban::internal::AbsorbedUnits absorbed(d);
  const uint32_t nghi = d.WordId("nghị"), dan = d.WordId("dân"), tu = d.WordId("tự"), lap = d.WordId("lập"),
                 tinh = d.WordId("tính"), cong = d.WordId("cộng"), hoa = d.WordId("hòa");
  // The OCR wrote "Tu Lap", the search read Tính Lập: as written it spells Tự Lập.
  const std::string input = "NGHỊ DÂN, Tu Lap";
  const std::string text = "NGHỊ DÂN, Tính Lập";
  auto at = [](const std::string& s, const char* word) { return s.find(word); };
  auto end = [](const std::string& s, const char* word) { return s.find(word) + std::string(word).size(); };
  std::vector<NameWord> words = {
      {at(text, "NGHỊ"), end(text, "NGHỊ"), at(input, "NGHỊ"), end(input, "NGHỊ"), nghi},
      {at(text, "DÂN"), end(text, "DÂN"), at(input, "DÂN"), end(input, "DÂN"), dan},
      {at(text, "Tính"), end(text, "Tính"), at(input, "Tu"), end(input, "Tu"), tinh},
      {at(text, "Lập"), end(text, "Lập"), at(input, "Lap"), end(input, "Lap"), lap}};
  CHECK(ids(absorbed.Rewrites(d, input, text, words)) == Rewrites{{2, tu}});
  // "Cộng Hia" kept as written: Cộng Hòa with one letter changed (Tự Lập names the commune).
  Written w = Write({"Nghị", " ", "Dân", ", ", "Tự", " ", "Lập", ", ", "Cộng", " ", "Hia"}, {nghi, dan, tu, lap, cong, d.unk()});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{5, hoa}});
  // Two letters, or another initial, are too far: "Cộng Hiu", "Cộng Loa" stay.
  w = Write({"Nghị", " ", "Dân", ", ", "Tự", " ", "Lập", ", ", "Cộng", " ", "Hiu"}, {nghi, dan, tu, lap, cong, d.unk()});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  w = Write({"Nghị", " ", "Dân", ", ", "Tự", " ", "Lập", ", ", "Cộng", " ", "Loa"}, {nghi, dan, tu, lap, cong, d.unk()});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
}

TEST_CASE("names: a date line's place garbled past a letter is the commune the document is about") {
  const vanban::internal::ModelData& d = FixtureData();
  const vanban::internal::AbsorbedUnits absorbed(d);
  const uint32_t nghi = d.WordId("nghị"), dan = d.WordId("dân"), tu = d.WordId("tự"), lap = d.WordId("lập");
  // XÃ NGHỊ DÂN, which absorbed Tự Lập; its date line's "Ngbi Dsn" (two letters changed,
  // the comma lost) is Nghị Dân.
  Written w = Write({"XÃ ", "NGHỊ", " ", "DÂN", "\n- ", "Ngbi", " ", "Dsn", " ngày 5 tháng 3\nxã ", "Tự", " ", "Lập"},
                    {nghi, dan, d.unk(), d.unk(), tu, lap});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{2, nghi}, {3, dan}});
  // A semicolon for the comma too.
  w = Write({"XÃ ", "NGHỊ", " ", "DÂN", "\n ", "Ngbi", " ", "Dsn", "; ngày 5 tháng 3\nxã ", "Tự", " ", "Lập"},
            {nghi, dan, d.unk(), d.unk(), tu, lap});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{2, nghi}, {3, dan}});
  // Not where no date follows, nor inside a line, nor four letters off (of eight), nor with
  // another initial: each stays as read.
  for (const std::vector<std::string>& parts :
       {std::vector<std::string>{"XÃ ", "NGHỊ", " ", "DÂN", "\n ", "Ngbi", " ", "Dsn", ", ngày mai\nxã ", "Tự", " ", "Lập"},
        std::vector<std::string>{"XÃ ", "NGHỊ", " ", "DÂN", "\ntại ", "Ngbi", " ", "Dsn", " ngày 5\nxã ", "Tự", " ", "Lập"},
        std::vector<std::string>{"XÃ ", "NGHỊ", " ", "DÂN", "\n ", "Nbbo", " ", "Dsn", " ngày 5\nxã ", "Tự", " ", "Lập"},
        std::vector<std::string>{"XÃ ", "NGHỊ", " ", "DÂN", "\n ", "Ngbi", " ", "Hsn", " ngày 5\nxã ", "Tự", " ", "Lập"}}) {
    w = Write(parts, {nghi, dan, d.unk(), d.unk(), tu, lap});
    CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  }
  // Without a commune the document is about, nothing to read it as.
  w = Write({"XÃ ", "NGHỊ", " ", "DÂN", "\n ", "Ngbi", " ", "Dsn", " ngày 5 tháng 3 "}, {nghi, dan, d.unk(), d.unk()});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
}

TEST_CASE("names: after a unit's kind naming the document's own unit, a run garbled past a letter is its commune") {
  const vanban::internal::ModelData& d = FixtureData();
  const vanban::internal::AbsorbedUnits absorbed(d);
  const uint32_t nghi = d.WordId("nghị"), dan = d.WordId("dân"), tu = d.WordId("tự"), lap = d.WordId("lập");
  // The subject's "… trên địa bàn xã Ngbi Dsn", also with the OCR's "x4", "xứ" or
  // "phudmg" for the kind, and the issuer's "XÃ NGBI DSN" opening its line (after noise
  // with digits): Nghị Dân, the commune that absorbed Tự Lập.
  for (const char* before : {"\ntrên địa bàn xã ", "\ntrên địa bàn x4 ", "\nđịa bàn xứ ", "\nphudmg ", "\n8 - XÃ "}) {
    Written w = Write({"xã ", "Tự", " ", "Lập", ", xã ", "Nghị", " ", "Dân", before, "Ngbi", " ", "Dsn", " năm 2025 "},
                      {tu, lap, nghi, dan, d.unk(), d.unk()});
    CHECK_MESSAGE((ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{4, nghi}, {5, dan}}), before);
  }
  // Not after another word, nor after a capital XÃ inside its line (the national
  // heading's CỘNG HÒA XÃ HỘI CHỦ NGHĨA), nor where a name word joins the run (a longer
  // name), nor with other initials.
  for (const std::vector<std::string>& parts :
       {std::vector<std::string>{"xã ", "Tự", " ", "Lập", ", xã ", "Nghị", " ", "Dân", "\nvề ", "Ngbi", " ", "Dsn", " năm "},
        std::vector<std::string>{"xã ", "Tự", " ", "Lập", ", xã ", "Nghị", " ", "Dân", "\nHÒA XÃ ", "Ngbi", " ", "Dsn", " năm "},
        std::vector<std::string>{"xã ", "Tự", " ", "Lập", ", xã ", "Nghị", " ", "Dân", "\nxã ", "Ngbi", " ", "Dsn", " ", "Lập", " "},
        std::vector<std::string>{"xã ", "Tự", " ", "Lập", ", xã ", "Nghị", " ", "Dân", "\nxã ", "Tgbi", " ", "Lsn", " năm "}}) {
    std::vector<uint32_t> read = {tu, lap, nghi, dan, d.unk(), d.unk()};
    if (parts.size() > 13) read.push_back(lap);
    const Written w = Write(parts, read);
    CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  }
}

TEST_CASE("names: OCR noise inside one of the document's names goes, and a garbled kind before it is mended") {
  using vanban::internal::NameGap;
  CHECK(NameGap("Thanh Hải", 5, 6) == 1);
  CHECK(NameGap("Thanh. Hải", 5, 7) == 2);
  CHECK(NameGap("Tà:Mít", 3, 4) == 2);
  CHECK(NameGap("Thanh\u2019 Hải", 5, 9) == 2);
  CHECK(NameGap("Thanh, Hải", 5, 7) == 0);   // a comma parts names
  CHECK(NameGap("Thanh.. Hải", 5, 8) == 0);  // two marks are more than noise
  CHECK(NameGap("Thanh  Hải", 5, 7) == 0);
  const vanban::internal::ModelData& d = FixtureData();
  const vanban::internal::AbsorbedUnits absorbed(d);
  const uint32_t nghi = d.WordId("nghị"), dan = d.WordId("dân"), tu = d.WordId("tự"), lap = d.WordId("lập"),
                 cong = d.WordId("cộng"), hoa = d.WordId("hòa");
  // (Cộng Hòa, the commune's other unit, says which Nghị Dân the document is about.)
  // "xã Tự. Lập" under XÃ NGHỊ DÂN: the noise goes (the rewrite of Lập joins it to Tự).
  Written w = Write({"XÃ ", "NGHỊ", " ", "DÂN", "\nsáp nhập xã ", "Tự", ". ", "Lập", ", xã ", "Nghị", " ", "Dân", ", xã ", "Cộng", " ", "Hòa", " "},
                    {nghi, dan, tu, lap, nghi, dan, cong, hoa});
  std::vector<vanban::internal::NameRewrite> r = absorbed.Rewrites(d, w.text, w.text, w.words);
  REQUIRE(r.size() == 1);
  CHECK(r[0] == vanban::internal::NameRewrite(3, lap, "lập", true));
  // Not a name of the document: as read.
  w = Write({"XÃ ", "NGHỊ", " ", "DÂN", "\nxã ", "Tự", " ", "Lập", ", ", "Cộng", ". ", "Dân", ", xã ", "Cộng", " ", "Hòa", " "},
            {nghi, dan, tu, lap, cong, dan, cong, hoa});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  // "x8 Tự Lập", "xứ Tự Lập", "xã. Tự Lập": the kind is xã, with one space after it.
  for (const char* kind : {"x8 ", "xứ ", "xã. "}) {
    w = Write({"XÃ ", "NGHỊ", " ", "DÂN", std::string("\nsáp nhập ") + kind, "Tự", " ", "Lập", ", xã ", "Cộng", " ", "Hòa", " "},
              {nghi, dan, tu, lap, cong, hoa});
    r = absorbed.Rewrites(d, w.text, w.text, w.words);
    REQUIRE(r.size() == 1);
    CHECK(r[0] == vanban::internal::NameRewrite(2, tu, "tự", false, w.text.find(kind), "xã"));
  }
  // Already xã, or another word ("về Tự Lập"): nothing to mend.
  for (const char* kind : {"xã ", "về "}) {
    w = Write({"XÃ ", "NGHỊ", " ", "DÂN", std::string("\nsáp nhập ") + kind, "Tự", " ", "Lập", ", xã ", "Cộng", " ", "Hòa", " "},
              {nghi, dan, tu, lap, cong, hoa});
    CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
  }
}

TEST_CASE("names: a unit's kind is mended only where the input has it as a word of its own") {
  const vanban::internal::ModelData& d = FixtureData();
  const vanban::internal::AbsorbedUnits absorbed(d);
  const std::vector<std::pair<const char*, uint32_t>> names = {{"NGHỊ", d.WordId("nghị")}, {"DÂN", d.WordId("dân")},
                                                               {"Tự", d.WordId("tự")},    {"Lập", d.WordId("lập")},
                                                               {"Cộng", d.WordId("cộng")}, {"Hòa", d.WordId("hòa")}};
  const char* input_names[] = {"NGHỊ", "DÂN", "Tu", "Lap", "Cong", "Hoa"};
  auto rewrites = [&](const std::string& input, const std::string& text) {
    std::vector<NameWord> words;
    size_t at = 0, in_at = 0;
    for (size_t k = 0; k < names.size(); ++k) {
      at = text.find(names[k].first, at);
      in_at = input.find(input_names[k], in_at);
      words.push_back({at, at + std::string(names[k].first).size(), in_at, in_at + std::string(input_names[k]).size(),
                       names[k].second});
    }
    return absorbed.Rewrites(d, input, text, words);
  };
  // The OCR's "x6" before Tự Lập, read xô: xã.
  auto r = rewrites("XÃ NGHỊ DÂN\nsap nhap x6 Tu Lap, xa Cong Hoa", "XÃ NGHỊ DÂN\nsáp nhập xô Tự Lập, xã Cộng Hòa");
  REQUIRE(r.size() == 1);
  CHECK(r[0].kind == "xã");
  // "chinh'xe", one OCR word read as two syllables (chính xô): its xô is no word to mend.
  CHECK(rewrites("XÃ NGHỊ DÂN\nsap nhap chinh'xe Tu Lap, xa Cong Hoa", "XÃ NGHỊ DÂN\nsáp nhập chính xô Tự Lập, xã Cộng Hòa")
            .empty());
}

TEST_CASE("names: a commune and an old unit it absorbed spelt alike, marked otherwise: the old unit's where the line names what was merged") {
  const vanban::internal::ModelData& d = FixtureData();
  const vanban::internal::AbsorbedUnits absorbed(d);
  const uint32_t nghi = d.WordId("nghị"), nghi3 = d.WordId("nghỉ"), luc = d.WordId("lực"), hanh = d.WordId("hạnh"),
                 phuc = d.WordId("phúc"), tu = d.WordId("tự"), tu2 = d.WordId("từ");
  // Xã Nghỉ Lực absorbed Nghị Lực and Hạnh Phúc (tests/data/model/place_merges.txt).
  Written w = Write({"XÃ ", "NGHỊ", " ", "LỰC", "\n ", "Nghị", " ", "Lực", ", ngày 5\nsáp nhập xã ", "Nghỉ", " ", "Lực",
                     ", xã ", "Hạnh", " ", "Phúc", " "},
                    {nghi, luc, nghi, luc, nghi3, luc, hanh, phuc});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{0, nghi3}, {2, nghi3}, {4, nghi}});
  // Xã Tự Lực absorbed Tự Lực too (and Từ Lực, Hạnh Phúc): "sáp nhập xã Tự Lực, xã Từ
  // Lực" may name either, so each stays as read; the issuer's TỪ LỰC is the commune.
  w = Write({"XÃ ", "TỪ", " ", "LỰC", "\nsáp nhập xã ", "Tự", " ", "Lực", ", xã ", "Từ", " ", "Lực", ", xã ", "Hạnh", " ",
             "Phúc", " "},
            {tu2, luc, tu, luc, tu2, luc, hanh, phuc});
  CHECK(ids(absorbed.Rewrites(d, w.text, w.text, w.words)) == Rewrites{{0, tu}});
}

TEST_CASE("names: three communes named as surely, the second otherwise: no own name, and no crash") {
  const vanban::internal::ModelData& d = FixtureData();
  const vanban::internal::AbsorbedUnits absorbed(d);
  // Nghị Dân with Cộng Hòa, Nghĩa Dân with Việt Dương, Nghĩa Lập with Tài Dân (a list of
  // communes, or documents run together): three communes chosen, the second's name not
  // the first's, so there is no own name to read the date line's "Ngbi Dsn" by.
  const Written w = Write({"xã ", "Nghị", " ", "Dân", ", xã ", "Cộng", " ", "Hòa", ", xã ", "Nghĩa", " ", "Dân", ", xã ",
                           "Việt", " ", "Dương", ", xã ", "Nghĩa", " ", "Lập", ", xã ", "Tài", " ", "Dân", "\n ", "Ngbi", " ",
                           "Dsn", ", ngày 5 "},
                          {d.WordId("nghị"), d.WordId("dân"), d.WordId("cộng"), d.WordId("hòa"), d.WordId("nghĩa"),
                           d.WordId("dân"), d.WordId("việt"), d.unk(), d.WordId("nghĩa"), d.WordId("lập"), d.WordId("tài"),
                           d.WordId("dân"), d.unk(), d.unk()});
  CHECK(absorbed.Rewrites(d, w.text, w.text, w.words).empty());
}
