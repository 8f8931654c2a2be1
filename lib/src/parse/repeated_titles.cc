// Repeated openings of an OCR'd document's article titles. A resolution that cuts
// procedures ministry by ministry gives fourteen articles the title "Cắt giảm, đơn giản hóa
// thủ tục hành chính, quy định liên quan đến hoạt động sản xuất, kinh doanh thuộc phạm vi
// quản lý của Bộ …"; one Gazette document in four repeats an opening of six words or more
// in three titles or more. The scan garbles each copy in its own places ("liên, quan",
// "hành chính quy định", "liên quan 3 đến"), so the reading most copies agree on word for
// word is the document's, and a copy that differs from it only by marks, punctuation,
// a letter or two per word, a speck or a lost word takes it. A copy that differs by a
// whole other word ("hưởng trợ cấp" against "hưởng lương hưu") keeps its own.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parse/parse_context.h"
#include "text/viet_chars.h"

namespace vanban::internal {
namespace {

// Openings shorter than this are phrases many titles share by nature ("Trách nhiệm của").
constexpr size_t kMinOpening = 8;
// Edits a copy may differ from the opening by.
constexpr int kMostEdits = 3;
// Bounds that keep the work small on long inputs; OCR'd documents stay far below them.
constexpr size_t kMostTitles = 2000;
constexpr size_t kMostOpenings = 8;

// A word's letters and digits by key: "chính," and "chính" spell the same.
std::string Spelling(std::string_view word) {
  std::string out;
  for (char c : FoldKey(word)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

struct Word {
  std::string text, spelling;
};

std::vector<Word> Spelled(std::string_view title) {
  std::vector<Word> out;
  for (std::string& w : WhitespaceWords(title)) {
    std::string s = Spelling(w);
    out.push_back({std::move(w), std::move(s)});
  }
  return out;
}

// A copy's word may stand for the opening's: the same spelling, or one a letter or two
// away in a word of three letters or more ("giờ" for "giảm", "đến" for "liên").
bool Bent(const Word& copy, const Word& opening) {
  if (copy.spelling == opening.spelling) return true;
  if (copy.spelling.size() < 3 || opening.spelling.size() < 3) return false;
  return EditDistance(copy.spelling, opening.spelling) <= 2;
}

// A word the scan put in ("3", "là"): two letters or digits at most.
bool Speck(const Word& w) { return w.spelling.size() <= 2; }

// How many of |copy|'s first words read |opening| (0 when none do within kMostEdits):
// the alignment ends on a word spelled as the opening's last.
size_t CopyOfOpening(const std::vector<Word>& copy, const std::vector<Word>& opening) {
  const size_t n = opening.size();
  const size_t most = std::min(copy.size(), n + kMostEdits);
  constexpr int kFar = 1 << 20;
  // d[i][j]: edits for copy's first i words to read opening's first j.
  std::vector<std::vector<int>> d(most + 1, std::vector<int>(n + 1, kFar));
  d[0][0] = 0;
  for (size_t i = 0; i <= most; ++i) {
    for (size_t j = 0; j <= n; ++j) {
      if (d[i][j] > kMostEdits) continue;
      if (i < most && j < n && Bent(copy[i], opening[j])) {
        const int cost = copy[i].text == opening[j].text ? 0 : 1;
        d[i + 1][j + 1] = std::min(d[i + 1][j + 1], d[i][j] + cost);
      }
      if (i < most && Speck(copy[i])) d[i + 1][j] = std::min(d[i + 1][j], d[i][j] + 1);
      if (j < n) d[i][j + 1] = std::min(d[i][j + 1], d[i][j] + 1);
    }
  }
  size_t best = 0;
  int best_edits = kMostEdits + 1;
  for (size_t i = 1; i <= most; ++i) {
    if (copy[i - 1].spelling != opening[n - 1].spelling) continue;
    if (d[i][n] < best_edits) best_edits = d[i][n], best = i;
  }
  return best;
}

// The openings of kMinOpening words or more that three titles or more share word for word,
// each as long as three of them share it.
std::vector<std::vector<Word>> SharedOpenings(const std::vector<std::vector<Word>>& titles) {
  auto key = [](const std::vector<Word>& t, size_t n) {
    std::string k;
    for (size_t i = 0; i < n; ++i) k += t[i].text + " ";
    return k;
  };
  std::unordered_map<std::string, std::vector<size_t>> groups;
  std::vector<std::string> order;
  for (size_t i = 0; i < titles.size(); ++i) {
    if (titles[i].size() < kMinOpening) continue;
    std::string k = key(titles[i], kMinOpening);
    auto [it, fresh] = groups.try_emplace(k);
    if (fresh) order.push_back(k);
    it->second.push_back(i);
  }
  std::vector<std::vector<Word>> out;
  for (const std::string& k : order) {
    std::vector<size_t> members = groups[k];
    if (members.size() < 3) continue;
    size_t length = kMinOpening;
    size_t most_shared = members[0];
    // Lengthen the opening while three members still share it.
    while (true) {
      std::unordered_map<std::string, std::vector<size_t>> longer;
      for (size_t m : members) {
        if (titles[m].size() > length) longer[key(titles[m], length + 1)].push_back(m);
      }
      const std::vector<size_t>* best = nullptr;
      for (const auto& [lk, ms] : longer) {
        if (ms.size() >= 3 && (best == nullptr || ms.size() > best->size())) best = &ms;
      }
      if (best == nullptr) break;
      members = *best;
      most_shared = members[0];
      ++length;
    }
    out.emplace_back(titles[most_shared].begin(), titles[most_shared].begin() + length);
    if (out.size() == kMostOpenings) break;
  }
  return out;
}

}  // namespace

void ReadRepeatedOpeningsAlike(const std::vector<std::string*>& headings) {
  if (headings.size() < 3 || headings.size() > kMostTitles) return;
  std::vector<std::vector<Word>> titles;
  titles.reserve(headings.size());
  for (const std::string* h : headings) titles.push_back(Spelled(*h));
  const std::vector<std::vector<Word>> openings = SharedOpenings(titles);
  for (size_t t = 0; t < titles.size(); ++t) {
    for (const std::vector<Word>& opening : openings) {
      const size_t m = CopyOfOpening(titles[t], opening);
      if (m == 0) continue;
      bool same = m == opening.size();
      for (size_t i = 0; same && i < m; ++i) same = titles[t][i].text == opening[i].text;
      if (same) break;
      std::string out;
      for (const Word& w : opening) out += (out.empty() ? "" : " ") + w.text;
      for (size_t i = m; i < titles[t].size(); ++i) out += " " + titles[t][i].text;
      *headings[t] = out;
      break;
    }
  }
}

}  // namespace vanban::internal
