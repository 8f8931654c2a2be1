// One reading per document for place names (restore/name_unifier.h), on the fixture
// model, whose gazetteer has "Việt Nam", "Cộng Hòa Dân", and "Nghị Dân" and "Nghỉ Dân"
// (two names, one spelling).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/model_data.h"
#include "model/model_parts.h"
#include "restore/name_unifier.h"
#include "vanban/model.h"

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
    const bool word = !p.empty() && p != " " && p != ", ";
    if (word) {
      const size_t at = w.text.size();
      const double sure = confidence.empty() ? 1.0 : confidence.at(next_id);
      w.words.push_back({at, at + p.size(), at, at + p.size(), ids.at(next_id++), sure});
    }
    w.text += p;
  }
  return w;
}

// The fixture model's data, loaded once.
const vanban::internal::ModelData& FixtureData() {
  static const std::shared_ptr<const vanban::Model> model = [] {
    auto m = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
    REQUIRE_MESSAGE(m.ok(), m.status().ToString());
    return *m;
  }();
  return model->parts().data();
}

// The one rewrite NameRewrites gives |w|: (index of the word, its new reading).
std::pair<size_t, uint32_t> OnlyRewrite(const vanban::internal::ModelData& d, const Written& w) {
  auto rewrites = vanban::internal::NameRewrites(d, w.text, w.words);
  REQUIRE(rewrites.size() == 1);
  return rewrites[0];
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

TEST_CASE("names: a place before its date spelt an edit away from a name the document reads is that name") {
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
}
