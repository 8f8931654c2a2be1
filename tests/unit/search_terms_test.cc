// The candidate terms of schema version 4 (archive/search_terms.h): a document holds every
// term a query over it can require, so candidates never lose a match.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "archive/search_query.h"
#include "archive/search_terms.h"
#include "vanban/text.h"

namespace vanban::internal {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST_CASE("a document's terms: adjacent folded pairs per column, its type and its year at four scales") {
  const std::vector<std::string> t =
      DocumentTerms(SearchKey("Quyết định giảm"), SearchKey("năm của trường; Điều 5 ĐỊNH giá"), "QĐ\x1fQUYẾT ĐỊNH\x1f",
                    "2024-03-05");
  CHECK(Has(t, "quyet_dinh"));
  CHECK(Has(t, "dinh_giam"));
  CHECK(Has(t, "nam_cua"));
  CHECK(Has(t, "cua_truong"));
  CHECK(Has(t, "truong_dieu"));  // punctuation does not separate tokens for FTS5 either
  CHECK(Has(t, "5_dinh"));
  CHECK_FALSE(Has(t, "giam_nam"));  // no pair across the subject's end
  CHECK(Has(t, TypeTerm("QĐ\x1fQUYẾT ĐỊNH\x1f")));
  CHECK(TypeTerm("QĐ\x1fQUYẾT ĐỊNH\x1f") != TypeTerm("KH\x1fKẾ HOẠCH\x1f"));
  for (const char* y : {"__m2", "__c20", "__d202", "__y2024"}) CHECK(Has(t, y));
  CHECK(std::is_sorted(t.begin(), t.end()));
  CHECK(std::adjacent_find(t.begin(), t.end()) == t.end());
  CHECK(YearTerms("??") == std::vector<std::string>{"__yx"});
  CHECK(YearTerms("") == std::vector<std::string>{"__yx"});
  CHECK(YearTerms("20?\?-01-02") == std::vector<std::string>{"__yx"});
  // Tokens other than ASCII letters and digits make no pair (FTS5 might split them).
  const std::vector<std::string> greek = DocumentTerms("", SearchKey("alpha βeta gamma"), "", "");
  CHECK_FALSE(Has(greek, "alpha_βeta"));
  CHECK_FALSE(Has(greek, "alpha_gamma"));
}

TEST_CASE("a date range's terms cover exactly its years, whichever bound is open") {
  auto years_of = [](const std::vector<std::string>& terms) {
    std::vector<int> years;
    for (int y = 0; y <= 9999; ++y) {
      char date[16];
      std::snprintf(date, sizeof date, "%04d-06-15", y);
      for (const std::string& t : YearTerms(date)) {
        if (Has(terms, t)) {
          years.push_back(y);
          break;
        }
      }
    }
    return years;
  };
  struct Case {
    const char *from, *to;
    int lo, hi;
  } cases[] = {{"2024-01-01", "", 2024, 9999}, {"", "2024-12-31", 0, 2024}, {"1987-05-01", "2031-01-31", 1987, 2031},
               {"2024-01-01", "2024-12-31", 2024, 2024}, {"2000-01-01", "2999-12-31", 2000, 2999}};
  for (const Case& c : cases) {
    CAPTURE(c.from);
    CAPTURE(c.to);
    const std::vector<std::string> terms = DateRangeTerms(c.from, c.to);
    CHECK(Has(terms, "__yx"));  // "20??" may pass a bound as text
    CHECK(terms.size() <= 40);
    const std::vector<int> years = years_of(terms);
    REQUIRE_FALSE(years.empty());
    CHECK(years.front() == c.lo);
    CHECK(years.back() == c.hi);
    CHECK(static_cast<int>(years.size()) == c.hi - c.lo + 1);
  }
  CHECK(DateRangeTerms("", "").empty());
}

TEST_CASE("a date range's terms stop at the years the archive's dates span") {
  using Terms = std::vector<std::string>;
  // An open bound closed by the stored dates: 4 tokens instead of 100.
  CHECK(StoredDateRangeTerms("2024-01-01", "", "2020-01-01", "2026-12-28") ==
        Terms{"__yx", "__y2024", "__y2025", "__y2026"});
  CHECK(StoredDateRangeTerms("", "2021-06-30", "2020-01-01", "2026-12-28") == Terms{"__yx", "__y2020", "__y2021"});
  // A bound inside the span stays; a stored date without four digits leaves its side open.
  CHECK(StoredDateRangeTerms("2021-03-01", "2022-02-01", "2020-01-01", "2026-12-28") == DateRangeTerms("2021", "2022"));
  CHECK(StoredDateRangeTerms("2024-01-01", "", "", "??") == DateRangeTerms("2024-01-01", ""));
  CHECK(StoredDateRangeTerms("", "2024-12-31", "20??", "2026-01-01") == DateRangeTerms("", "2024-12-31"));
  // Outside the span no year is stored: only dates that are not years may pass as text.
  CHECK(StoredDateRangeTerms("2030-01-01", "", "2020-01-01", "2026-12-28") == Terms{"__yx"});
  CHECK(StoredDateRangeTerms("", "", "2020-01-01", "2026-12-28").empty());
}

TEST_CASE("a step requires the pairs its matches hold: inside terms, across them only for a phrase") {
  const ParsedQuery q = ParseQuery("nam \"của trường\" dai*");
  // "dai*" may be longer in the text: no pair ends with it.
  CHECK(RequiredPairs(q, MatchKind::kPhrase) == std::vector<std::string>{"cua_truong", "nam_cua"});
  CHECK(RequiredPairs(q, MatchKind::kNear) == std::vector<std::string>{"cua_truong"});
  CHECK(RequiredPairs(q, MatchKind::kAllWords) == std::vector<std::string>{"cua_truong"});
  // A prefix token may be longer in the text: no pair from or to it.
  CHECK(RequiredPairs(ParseQuery("dinh* giam"), MatchKind::kPhrase).empty());
  CHECK(RequiredPairs(ParseQuery("\"20/NQ-HĐND\""), MatchKind::kAllWords) ==
        std::vector<std::string>{"20_nq", "nq_hdnd"});
}

TEST_CASE("candidate queries quote every token in FTS5 and tsquery syntax") {
  CandidateQuery c;
  c.pairs = {"nam_cua", "cua_truong"};
  c.any_of = {{"__t1", "__t2"}, {"__yx", "__y2024"}};
  CHECK(Fts5CandidateMatch(c) == "\"nam_cua\" AND \"cua_truong\" AND (\"__t1\" OR \"__t2\") AND (\"__yx\" OR \"__y2024\")");
  CHECK(TsQueryCandidates(c) == "'nam_cua' & 'cua_truong' & ('__t1' | '__t2') & ('__yx' | '__y2024')");
  CHECK(Fts5CandidateMatch(CandidateQuery{}).empty());
  CHECK(CandidateQuery{}.empty());
  CandidateQuery none;
  none.none = true;
  CHECK_FALSE(none.empty());
}

TEST_CASE("filter tokens of the main full-text index: one unicode61 token each, ANDed to the MATCH") {
  const std::string type = TypeTerm("QĐ\x1fQUYẾT ĐỊNH\x1f");
  CHECK(DocumentFilterText("QĐ\x1fQUYẾT ĐỊNH\x1f", "2024-03-01") ==
        "zvb" + type.substr(2) + " zvbm2 zvbc20 zvbd202 zvby2024");
  CHECK(DocumentFilterText("", "??") == FilterToken(TypeTerm("")) + " zvbyx");
  // Letters and digits only: unicode61 keeps each whole.
  for (const std::string& t : {FilterToken(type), FilterToken("__yx"), FilterToken("__d202")}) {
    CHECK(std::all_of(t.begin(), t.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }));
  }
  const std::string words = "{subject_key body_key} : (\"dong\" + \"theo\")";
  CHECK(Fts5WithFilters(words, {}) == words);
  CHECK(Fts5WithFilters(words, {{}}) == words);  // a group selecting nothing: left to the SQL filter
  CHECK(Fts5WithFilters(words, {{"__t1", "__t2"}, {"__yx", "__y2024"}}) ==
        "(" + words + ") AND ({filters} : ((\"zvbt1\" OR \"zvbt2\") AND (\"zvbyx\" OR \"zvby2024\")))");
}

TEST_CASE("PostgreSQL: many candidates are checked by TID only when that costs less than the scan") {
  // A phrase rare among the documents holding its words (at 100,000 documents: the pair
  // `nhan_kinh` in 2,612, the two words in 66,603): the scan rechecks ~25 rows a match.
  CHECK(PgCandidatesCheaperThanScan(2612, 66603, 1000, 1.0));
  CHECK(PgCandidatesCheaperThanScan(3975, 90000, 1000, 1.0));
  // The candidates' checks stop at the cap too: a phrase of common words whose candidates
  // are few of the words' documents (`chinh phu cap --from 2024-01-01`: 1 match).
  CHECK(PgCandidatesCheaperThanScan(3952, 80716, 200, 1.0));
  // A phrase nearly every holder of its words has: the scan finds its 1,000 at once.
  CHECK_FALSE(PgCandidatesCheaperThanScan(8000, 9000, 1000, 1.0));
  // ... unless every match is ranked (cap 0): then the scan rechecks them all too.
  CHECK_FALSE(PgCandidatesCheaperThanScan(8000, 9000, 0, 1.0));
  CHECK(PgCandidatesCheaperThanScan(8000, 90000, 0, 1.0));
  // The planner's estimate of the words below the candidates (stale statistics): they are
  // at least the candidates, so the scan costs its rechecks of them.
  CHECK_FALSE(PgCandidatesCheaperThanScan(5000, 10, 1000, 1.0));
  // Candidates that are not all matches (three words, or as typed) may hold none at all,
  // and then the scan rechecks every document with the words (`công nhân dân --exact` at
  // 100,000 documents: 6,741 candidates, 55,905 with the words, no as-typed phrase; 500
  // ms scanning, 70-110 by TID). Counted as all matches, the scan looked cheaper.
  CHECK_FALSE(PgCandidatesCheaperThanScan(6741, 55905, 200, 1.0));
  CHECK(PgCandidatesCheaperThanScan(6741, 55905, 200, 0.0));
  // ... but not when the candidates are most of the documents with the words.
  CHECK_FALSE(PgCandidatesCheaperThanScan(6741, 9000, 200, 0.0));
}

TEST_CASE("PostgreSQL: the candidates are taken for the matches only for one pair") {
  const SearchStep phrase{MatchKind::kPhrase, false}, words{MatchKind::kAllWords, false};
  const SearchStep typed{MatchKind::kPhrase, true};
  CHECK(CandidatesAreMatches(ParseQuery("chinh phu"), phrase));
  CHECK(CandidatesAreMatches(ParseQuery("\"chính phủ\""), words));
  CHECK_FALSE(CandidatesAreMatches(ParseQuery("chinh phu"), words));  // no pair: the words anywhere
  CHECK(CandidatesAreMatches(ParseQuery("chính phủ"), typed));
  CHECK_FALSE(CandidatesAreMatches(ParseQuery("công nhân dân"), typed));
  CHECK_FALSE(CandidatesAreMatches(ParseQuery("cong nhan dan"), phrase));
  CHECK_FALSE(CandidatesAreMatches(ParseQuery("chinh phu*"), phrase));
  CHECK_FALSE(CandidatesAreMatches(ParseQuery("chinh"), phrase));
}

TEST_CASE("PostgreSQL: the candidate query reads no more candidates than the cost model could take") {
  // The model is monotone in the candidates, so its largest "cheaper" is a bound: every
  // count up to it is cheaper by TID, none past it (brute force over every count).
  for (int64_t words : {0, 10, 2612, 20000, 66603, 100000, 1000000}) {
    for (int64_t cap : {0, 20, 200, 1000}) {
      for (double match : {0.0, 0.01, 0.5, 1.0}) {
        CAPTURE(words);
        CAPTURE(cap);
        CAPTURE(match);
        const int64_t most = PgMostCandidatesCheaperThanScan(words, cap, match);
        int64_t brute = 0;
        for (int64_t p = 1; p <= kPgMostCandidatesByCost; ++p) {
          if (PgCandidatesCheaperThanScan(p, words, cap, match)) {
            CHECK(brute == p - 1);  // a prefix: no "scan" count below a "by TID" one
            brute = p;
          }
        }
        CHECK(most == brute);
      }
    }
  }
  // At 100,000 documents with 200 ranked: common words take up to ~7,300 candidates, words
  // in a fifth of the documents fewer than the 2,500 always taken (kPgMaxCandidates).
  CHECK(PgMostCandidatesCheaperThanScan(100000, 200, 1.0) > 7000);
  CHECK(PgMostCandidatesCheaperThanScan(100000, 200, 1.0) < 7500);
  CHECK(PgMostCandidatesCheaperThanScan(20000, 200, 1.0) < 2500);
  CHECK(PgMostCandidatesCheaperThanScan(1000000, 0, 1.0) == kPgMostCandidatesByCost);
}

TEST_CASE("PostgreSQL: the planner's estimate of the candidates is asked only where it can be right") {
  CandidateQuery pairs;
  pairs.pairs = {"thuc_hien", "hien_nay"};
  CHECK(PgCandidateEstimateTrusted(pairs));  // pairs alone: its statistics know the common ones
  CandidateQuery years;
  years.any_of = {{"__yx", "__y2024", "__d203"}};
  CHECK(PgCandidateEstimateTrusted(years));  // a filter alone: an OR of its terms
  years.any_of.push_back({"__t0123456789abcdef"});
  CHECK(PgCandidateEstimateTrusted(years));  // type and years: documents of both
  CandidateQuery one = years;
  one.pairs = {"lao_dong"};
  CHECK(PgCandidateEstimateTrusted(one));
  // Two pairs and filters: three frequencies multiplied, far below the truth.
  CandidateQuery two = one;
  two.pairs = {"chinh_phu", "phu_cap"};
  CHECK_FALSE(PgCandidateEstimateTrusted(two));
}

}  // namespace
}  // namespace vanban::internal
