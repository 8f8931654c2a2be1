// restore_bench: accuracy and speed of `vanban restore` on data no training step saw.
//
//   restore_bench [--model PATH] [--corpus DIR] [--dev] [--syllables N] [--errors N] [--show-single N]
//                 [--beam B] [--channel-weight W] [--no-cache] [--only stripped,clean,ocr,real]
//
// 1. stripped: lines of held-out legal documents (test bucket, or dev with --dev), all
//    marks removed, restored and compared with the original, syllable by syllable
//    (case-insensitive, tone placement normalised so hoà == hòa), per token class, beside
//    a most-frequent-reading baseline; single-thread speed. Token classes: lower-case,
//    capitalised, all-caps, inside symbols (QĐ-UBND) and names (a place of the gazetteer
//    or a surname and what follows it; needs --corpus for the surnames).
//    "single lines": the same lines each restored alone (also for 3).
// 2. clean: the same lines as they are; share of words left unchanged.
// 3. ocr: bench/data/ocr_*.tsv (bench/data/dev/ with --dev): `clean<TAB>ocr` rows made by
//    ocrsim from held-out documents. Syllables of the restored OCR line are aligned with
//    the clean syllables (Levenshtein), so OCR splits and merges are scored fairly;
//    accuracy = clean syllables matched / clean syllables, beside the raw OCR. The set is
//    restored as one text, and with FILE.docs also each document on its own, as a user
//    restores a file.
// 4. real: bench/data/real/NAME.gold.txt, the hand-corrected text of the real OCR'd seed
//    samples/seeds/NAME.txt, line by line.
// Then model load time and peak RSS.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "model/model_parts.h"
#include "restore/confidence_calibration.h"
#include "text/utf8.h"
#include "text/viet_chars.h"
#include "train/corpus_split.h"
#include "vanban/model.h"
#include "vanban/restore.h"
#include "vanban/text.h"

namespace {

using vanban::internal::LmToken;
using vanban::internal::LmTokenKind;
namespace fs = std::filesystem;

constexpr const char* kRows[] = {"aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
                                 "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ"};

// Lower-case, tone mark moved out: "hoà" and "hòa" both give "hoa" + tone 1.
std::string Normalize(std::string_view s) {
  static const std::map<char32_t, std::pair<char32_t, int>> table = [] {
    std::map<char32_t, std::pair<char32_t, int>> t;
    for (const char* row : kRows) {
      std::string_view r = row;
      size_t pos = 0;
      char32_t base = vanban::internal::NextCodePoint(r, &pos);
      t[base] = {base, 0};
      for (int tone = 1; tone < 6; ++tone) t[vanban::internal::NextCodePoint(r, &pos)] = {base, tone};
    }
    return t;
  }();
  std::string lower, out;
  vanban::internal::LowerInto(s, &lower);
  int tone = 0;
  size_t pos = 0;
  while (pos < lower.size()) {
    char32_t cp = vanban::internal::NextCodePoint(lower, &pos);
    auto it = table.find(cp);
    if (it != table.end()) {
      vanban::internal::AppendUtf8(&out, it->second.first);
      if (it->second.second) tone = it->second.second;
    } else {
      vanban::internal::AppendUtf8(&out, cp);
    }
  }
  if (tone) out += static_cast<char>('0' + tone);
  return out;
}

std::string Strip(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = vanban::internal::NextCodePoint(s, &pos);
    const auto& v = vanban::internal::LookupLetter(cp);
    if (v.base != 0 && v.marked) out += v.upper ? static_cast<char>(v.base - 'a' + 'A') : v.base;
    else out.append(s.substr(start, pos - start));
  }
  return out;
}

enum Class { kLower, kCapital, kAllCaps, kSymbol, kName, kNumClasses };
constexpr const char* kClassNames[] = {"lower-case", "capitalised", "all-caps", "inside symbols", "names"};

// Proper names, for the "names" class: runs of capitalised syllables that the gazetteer
// (dictionaries/place_names.txt: "Nghi Dương") holds, or that start with a surname of
// the name lists (corpus names/surnames.tsv: "Nguyễn Văn An").
struct NameLists {
  std::set<std::string> places, surnames;
  size_t longest_place = 0;  // syllables
};
NameLists& Names() {
  static NameLists lists;
  return lists;
}
void LoadNames(const std::string& corpus) {
  NameLists& n = Names();
  std::ifstream places(std::string(VANBAN_SOURCE_DIR) + "/dictionaries/place_names.txt");
  for (std::string line; std::getline(places, line);) {
    if (line.empty() || line[0] == '#') continue;
    n.longest_place = std::max<size_t>(n.longest_place, 1 + std::count(line.begin(), line.end(), ' '));
    n.places.insert(line);
  }
  std::ifstream surnames(corpus + "/names/surnames.tsv");
  for (std::string line; std::getline(surnames, line);) {
    std::string name = line.substr(0, line.find('\t'));
    if (!name.empty() && name != "surname") n.surnames.insert(name);
  }
}

struct Tally {
  size_t total = 0, right = 0;
  void Add(bool ok, size_t n = 1) {
    total += n;
    right += ok ? n : 0;
  }
  void Add(const Tally& o) {
    total += o.total;
    right += o.right;
  }
  double Pct() const { return total ? 100.0 * static_cast<double>(right) / static_cast<double>(total) : 0; }
};

// A syllable of a line: its text and class. With |loose|, tokens that mix letters
// and digits ("s6", what is left of an unrestored OCR token) count as syllables too,
// so they can be aligned (and count as wrong) rather than vanish.
struct Word {
  std::string text;
  Class cls;
  size_t run = 0;  // words with the same run have only spaces between them
};

// Reclassifies the capitalised words of |words| that make up a known name.
void MarkNames(std::vector<Word>* words) {
  const NameLists& n = Names();
  std::vector<Word>& w = *words;
  for (size_t a = 0; a < w.size();) {
    size_t b = a;
    while (b < w.size() && w[b].cls == kCapital && (b == a || w[b].run == w[b - 1].run)) ++b;
    if (b - a >= 2 && n.surnames.count(w[a].text)) {
      for (size_t k = a; k < b; ++k) w[k].cls = kName;
    } else {
      for (size_t i = a; i + 1 < b; ++i) {
        std::string name = w[i].text;
        for (size_t j = i + 1; j < b && j - i < n.longest_place; ++j) {
          name += " " + w[j].text;
          if (n.places.count(name))
            for (size_t k = i; k <= j; ++k) w[k].cls = kName;
        }
      }
    }
    a = b > a ? b : a + 1;
  }
}

std::vector<Word> Words(std::string_view line, bool loose = false) {
  std::vector<LmToken> toks;
  vanban::internal::SplitLine(line, &toks);
  std::vector<Word> out;
  size_t run = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    bool word = toks[i].kind == LmTokenKind::kWord || (loose && toks[i].kind == LmTokenKind::kMixed);
    if (!word) {
      if (toks[i].kind != LmTokenKind::kSpace) ++run;
      continue;
    }
    std::string_view t = line.substr(toks[i].begin, toks[i].end - toks[i].begin);
    auto joiner = [&](size_t j) {
      return j < toks.size() && toks[j].kind == LmTokenKind::kPunct &&
             (line[toks[j].begin] == '-' || line[toks[j].begin] == '/');
    };
    size_t letters = 0;
    for (size_t pos = 0; pos < t.size(); ++letters) vanban::internal::NextCodePoint(t, &pos);
    std::string lower;
    vanban::internal::LowerInto(t, &lower);
    Class c = kLower;
    bool upper = vanban::internal::IsAllUpper(t);
    if (upper && letters >= 2 && ((i > 0 && joiner(i - 1)) || joiner(i + 1))) c = kSymbol;
    else if (upper && letters >= 2) c = kAllCaps;
    else if (lower != t) c = kCapital;
    out.push_back({std::string(t), c, run});
  }
  MarkNames(&out);
  return out;
}

// Levenshtein alignment of normalised syllables: for each reference syllable, the
// hypothesis syllable aligned with it (substitution or match), or -1.
std::vector<int> AlignSyllables(const std::vector<std::string>& r, const std::vector<std::string>& h) {
  const size_t n = r.size(), m = h.size();
  std::vector<int> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> int& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j)
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (r[i - 1] == h[j - 1] ? 0 : 1)});
  std::vector<int> match(n, -1);
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + (r[i - 1] == h[j - 1] ? 0 : 1)) {
      match[i - 1] = static_cast<int>(j - 1);
      --i, --j;
    } else if (i > 0 && at(i, j) == at(i - 1, j) + 1) {
      --i;
    } else {
      --j;
    }
  }
  return match;
}

std::vector<std::string> Normalized(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const Word& w : words) out.push_back(Normalize(w.text));
  return out;
}

// Aligns |hyp| with |ref| and adds, per reference syllable, whether it was matched
// exactly, to |all| and |cls|.
// |cased|, when given, counts the syllables right in their letter case too (Tỉnh ủy, not
// TỈNH ủy: what a clerk sees in a heading or a signature).
void ScoreAligned(const std::vector<Word>& ref, const std::vector<Word>& hyp, Tally* all, Tally* cls,
                  std::map<std::string, size_t>* confusions, Tally* cased = nullptr) {
  const std::vector<std::string> r = Normalized(ref), h = Normalized(hyp);
  const size_t n = r.size();
  const std::vector<int> match = AlignSyllables(r, h);
  for (size_t i = 0; i < n; ++i) {
    bool ok = match[i] >= 0 && r[i] == h[static_cast<size_t>(match[i])];
    all->Add(ok);
    if (cased != nullptr) {
      auto pattern = [](const std::string& w) {
        const vanban::internal::LetterCase c = vanban::internal::LetterCaseOf(w);
        return std::pair(c.first_upper, c.upper);
      };
      cased->Add(ok && pattern(ref[i].text) == pattern(hyp[static_cast<size_t>(match[i])].text));
    }
    cls[ref[i].cls].Add(ok);
    if (!ok && confusions != nullptr) {
      std::string got = match[i] >= 0 ? hyp[static_cast<size_t>(match[i])].text : std::string("∅");
      std::string want;
      vanban::internal::LowerInto(ref[i].text, &want);
      std::string g;
      vanban::internal::LowerInto(got, &g);
      ++(*confusions)[want + " -> " + g];
    }
  }
}

std::vector<std::string> OwnedLines(std::string_view text) {
  std::vector<std::string_view> views = vanban::SplitLines(text);
  return {views.begin(), views.end()};
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Doc {
  std::string name;
  std::vector<std::string> lines;
};

std::vector<Doc> ReadBucketDocs(const std::string& path, vanban::internal::Bucket bucket) {
  std::vector<Doc> docs;
  FILE* in = popen(("xzcat -- '" + path + "'").c_str(), "r");
  if (in == nullptr) return docs;
  char* buf = nullptr;
  size_t cap = 0;
  ssize_t len;
  bool keep = false;
  while ((len = getline(&buf, &cap, in)) >= 0) {
    std::string_view line(buf, static_cast<size_t>(len));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (vanban::internal::IsDocumentHeader(line)) {
      keep = vanban::internal::BucketOfDocument(line) == bucket;
      if (keep) docs.push_back({std::string(line.substr(4)), {}});
      continue;
    }
    if (keep) docs.back().lines.emplace_back(line);
  }
  free(buf);
  pclose(in);
  return docs;
}

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void PrintClasses(const Tally* cls) {
  for (int c = 0; c < kNumClasses; ++c)
    if (cls[c].total) std::printf("    %-15s %6.2f%%  (%zu)\n", kClassNames[c], cls[c].Pct(), cls[c].total);
}

void PrintTop(const std::map<std::string, size_t>& confusions, size_t n) {
  std::vector<std::pair<size_t, std::string>> top;
  for (const auto& [k, v] : confusions) top.push_back({v, k});
  std::sort(top.rbegin(), top.rend());
  for (size_t i = 0; i < top.size() && i < n; ++i) std::printf("      %4zu  %s\n", top[i].first, top[i].second.c_str());
}

struct Options {
  std::string model_path = vanban::Model::DefaultPath();
  std::string corpus = "/work/shared/corpus";
  std::string data_dir = std::string(VANBAN_SOURCE_DIR) + "/bench/data";
  bool dev = false;
  std::string fit_confidence;  // write the fitted calibration here and stop
  bool wiki = false;  // Wikipedia instead of legal text (names, general vocabulary)
  size_t target = 30000;
  size_t errors = 0;
  size_t show_lines = 0;
  size_t show_single = 0;  // single lines with an error to print
  std::string only = "stripped,clean,ocr,real";
  vanban::RestoreOptions restore;
};

bool Wanted(const Options& o, const char* part) { return o.only.find(part) != std::string::npos; }

// Each input line restored alone, with nothing around it (a title pasted into a form,
// a search box): syllables scored against the reference line, aligned.
// The first |show| lines with an error are printed (input, reference, restoration).
Tally SingleLines(vanban::Restorer& restorer, const std::vector<std::string>& refs,
                  const std::vector<std::string>& inputs, size_t show = 0) {
  Tally all, cls[kNumClasses];
  vanban::RestoreResult res;
  size_t shown = 0;
  for (size_t i = 0; i < refs.size() && i < inputs.size(); ++i) {
    restorer.Restore(inputs[i], &res);
    size_t before = all.right, words = Words(refs[i]).size();
    ScoreAligned(Words(refs[i]), Words(res.text, true), &all, cls, nullptr);
    if (shown < show && all.right - before < words) {
      ++shown;
      std::printf("  [single line]\n    IN  %s\n    REF %s\n    HYP %s\n", inputs[i].c_str(), refs[i].c_str(),
                  res.text.c_str());
    }
  }
  return all;
}

// Counts the syllables of the clean line |ref| that |out| (its restoration) left exactly
// as they were, case and marks included.
void CountUnchanged(const std::string& ref, const std::string& out, Tally* same,
                    std::map<std::string, size_t>* confusions) {
  auto rw = Words(ref), hw = Words(out);
  for (size_t j = 0; j < rw.size(); ++j) {
    bool ok = j < hw.size() && rw[j].text == hw[j].text;
    same->Add(ok);
    if (!ok && j < hw.size() && confusions != nullptr) ++(*confusions)[rw[j].text + " -> " + hw[j].text];
  }
}

// Rows of each document of an OCR set, in order (FILE.docs: one count a line, made by
// bench/ocr_document_rows.py); empty when there is no such file or it does not add up.
std::vector<size_t> DocumentRows(const std::string& path, size_t rows) {
  std::vector<size_t> docs;
  size_t sum = 0;
  for (const std::string& l : OwnedLines(ReadFile(path))) {
    if (l.empty()) continue;
    docs.push_back(std::strtoul(l.c_str(), nullptr, 10));
    sum += docs.back();
  }
  if (sum != rows) docs.clear();
  return docs;
}

// Restores OCR'd lines (as one document) and scores them against the clean lines.
struct OcrScore {
  Tally raw, restored, cased, cls[kNumClasses];
  size_t syllables = 0;
  double seconds = 0;
};

OcrScore ScoreOcr(vanban::Restorer& restorer, const std::vector<std::string>& cleans,
                  const std::vector<std::string>& ocrs, std::map<std::string, size_t>* confusions) {
  OcrScore s;
  std::string joined;
  for (const auto& o : ocrs) joined += o + "\n";
  vanban::RestoreResult res;
  double t = ThreadCpuSeconds();
  restorer.Restore(joined, &res);
  s.seconds = ThreadCpuSeconds() - t;
  std::vector<std::string> out = OwnedLines(res.text);
  Tally raw_cls[kNumClasses];
  for (size_t i = 0; i < cleans.size(); ++i) {
    auto ref = Words(cleans[i]);
    ScoreAligned(ref, Words(ocrs[i], true), &s.raw, raw_cls, nullptr);
    ScoreAligned(ref, Words(i < out.size() ? out[i] : std::string(), true), &s.restored, s.cls, confusions,
                 &s.cased);
    s.syllables += Words(ocrs[i], true).size();
  }
  return s;
}

// How well the confidence points at the errors: per restored word, whether it is
// right (aligned with an equal reference syllable) and its confidence. A clerk reviews
// the words `restore --mark` marks (confidence below the threshold).
// `vanban restore --mark` marks words below this confidence unless told otherwise.
constexpr double kDefaultMarkThreshold = 0.9;

struct MarkScore {
  struct Seen {
    double confidence;
    bool right;
    vanban::internal::ConfidenceFeatures features;  // of the word's token
    std::string word, original, reference;  // restored syllable, its token as written, the gold syllable
    const char* kind = "";
  };
  std::vector<Seen> words;
  size_t without_alternative = 0;  // marked at the default threshold, nothing to offer

  void Add(const MarkScore& o) {
    words.insert(words.end(), o.words.begin(), o.words.end());
    without_alternative += o.without_alternative;
  }
  void PrintMarks(double threshold) const {
    size_t wrong = 0, marked = 0, caught = 0;
    for (const Seen& w : words) {
      bool m = w.confidence < threshold;
      wrong += !w.right;
      marked += m;
      caught += m && !w.right;
    }
    std::printf("    --threshold %-6g marks %5.2f%% of %zu words and %5.1f%% of the %zu wrong ones\n", threshold,
                words.empty() ? 0.0 : 100.0 * static_cast<double>(marked) / static_cast<double>(words.size()),
                words.size(), wrong ? 100.0 * static_cast<double>(caught) / static_cast<double>(wrong) : 0.0, wrong);
  }
  // The wrong words the marks miss at |threshold|, for people tuning the confidence.
  void PrintMissed(double threshold, size_t limit) const {
    std::printf("    wrong words not marked at %g (restored <- written, gold, confidence, kind):\n", threshold);
    size_t shown = 0;
    for (const Seen& w : words) {
      if (w.right || w.confidence < threshold || shown++ >= limit) continue;
      std::printf("      %-12s <- %-12s %-12s %.4f %s\n", w.word.c_str(), w.original.c_str(), w.reference.c_str(),
                  w.confidence, w.kind);
    }
  }
  void PrintReliability() const {
    static constexpr double kEdges[] = {0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 1.0000001};
    std::printf("    confidence      words   right\n");
    for (size_t b = 0; b + 1 < std::size(kEdges); ++b) {
      size_t n = 0, right = 0;
      for (const Seen& w : words) {
        if (w.confidence >= kEdges[b] && w.confidence < kEdges[b + 1]) ++n, right += w.right;
      }
      if (n == 0) continue;
      std::printf("    [%5.3f,%5.3f) %7zu  %6.2f%%\n", kEdges[b], std::min(kEdges[b + 1], 1.0), n,
                  100.0 * static_cast<double>(right) / static_cast<double>(n));
    }
  }
};

// Fits the calibration (restore/confidence_calibration.h) to |words| seen with raw
// posteriors: logistic regression by Newton's method, a small L2 penalty keeping
// features that never vary at zero. Writes "name<TAB>weight" lines to |path|.
bool FitConfidence(const std::vector<MarkScore::Seen>& words, const std::string& path) {
  constexpr size_t n = vanban::internal::kConfidenceFeatures;
  constexpr double kL2 = 1.0;
  std::array<double, n> w{};
  for (int iter = 0; iter < 30; ++iter) {
    std::array<double, n> g{};
    std::array<std::array<double, n + 1>, n> h{};  // Hessian | gradient
    for (const MarkScore::Seen& s : words) {
      double z = 0;
      for (size_t i = 0; i < n; ++i) z += w[i] * s.features[i];
      const double p = 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0)));
      const double r = p - (s.right ? 1.0 : 0.0), v = p * (1.0 - p);
      for (size_t i = 0; i < n; ++i) {
        g[i] += r * s.features[i];
        for (size_t j = 0; j < n; ++j) h[i][j] += v * s.features[i] * s.features[j];
      }
    }
    for (size_t i = 0; i < n; ++i) {
      h[i][i] += kL2;
      h[i][n] = g[i] + kL2 * w[i];
    }
    // Solve h * step = g by Gauss-Jordan with partial pivoting.
    for (size_t c = 0; c < n; ++c) {
      size_t pivot = c;
      for (size_t r = c + 1; r < n; ++r)
        if (std::abs(h[r][c]) > std::abs(h[pivot][c])) pivot = r;
      std::swap(h[c], h[pivot]);
      if (h[c][c] == 0) return false;
      for (size_t r = 0; r < n; ++r) {
        if (r == c) continue;
        const double f = h[r][c] / h[c][c];
        for (size_t k = c; k <= n; ++k) h[r][k] -= f * h[c][k];
      }
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      const double step = h[i][n] / h[i][i];
      w[i] -= step;
      change = std::max(change, std::abs(step));
    }
    if (change < 1e-9) break;
  }
  std::ofstream out(path);
  out << "# Confidence calibration: logistic weights over the evidence of\n"
         "# lib/src/restore/confidence_calibration.cc, fitted by `restore_bench --dev\n"
         "# --fit-confidence` on the dev bucket's OCR sets (never the test bucket).\n";
  char buf[64];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%.6f", w[i]);
    out << vanban::internal::kConfidenceFeatureNames[i] << '\t' << buf << '\n';
  }
  return static_cast<bool>(out);
}

// |restorer| must compute confidence. Each restored word (one syllable of a token) is
// aligned with the clean line like the accuracy score does.
MarkScore ScoreMarks(vanban::Restorer& restorer, const std::vector<std::string>& cleans,
                     const std::vector<std::string>& ocrs, double threshold) {
  MarkScore s;
  std::string joined;
  for (const auto& o : ocrs) joined += o + "\n";
  vanban::RestoreResult res;
  restorer.Restore(joined, &res);
  std::vector<std::string> out = OwnedLines(res.text);
  // The syllables of each line's tokens in order, with the token's confidence and
  // the evidence the calibration weighs (see restore/confidence_calibration.h).
  struct Syllable {
    std::string text;
    double confidence;
    vanban::internal::ConfidenceFeatures features;
    const vanban::RestoredToken* token;
  };
  std::vector<std::vector<Syllable>> by_line(out.size() + 1);
  vanban::internal::ForEachTokenLine(res.tokens, [&](std::span<const vanban::RestoredToken> line, size_t) {
    for (size_t i = 0; i < line.size(); ++i) {
      const vanban::RestoredToken& t = line[i];
      if (t.line == 0 || t.line > out.size()) continue;
      if (t.confidence < threshold && t.alternatives.empty()) ++s.without_alternative;
      const auto features = vanban::internal::FeaturesOf(line, i);
      for (const Word& w : Words(t.restored, true))
        by_line[t.line - 1].push_back({Normalize(w.text), t.confidence, features, &t});
    }
  });
  for (size_t i = 0; i < cleans.size() && i < out.size(); ++i) {
    // Both sides loose: a code such as "QH15" kept as written is a right word, not one
    // left without a reference syllable to match.
    const std::vector<std::string> r = Normalized(Words(cleans[i], true)), h = Normalized(Words(out[i], true));
    const size_t m = h.size();
    const std::vector<int> match = AlignSyllables(r, h);
    std::vector<char> right(m, 0);
    std::vector<std::string> reference(m);
    for (size_t a = 0; a < r.size(); ++a) {
      if (match[a] < 0) continue;
      right[static_cast<size_t>(match[a])] = r[a] == h[static_cast<size_t>(match[a])];
      reference[static_cast<size_t>(match[a])] = r[a];
    }
    // Words outside tokens (numbers) were not chosen among readings: confidence 1.
    const auto& toks = by_line[i];
    size_t next = 0;
    for (size_t b = 0; b < m; ++b) {
      double conf = 1.0;
      vanban::internal::ConfidenceFeatures features{};
      features[0] = 1.0;
      features[1] = features[10] = features[11] = 13.8;  // the logit of a sure word
      const vanban::RestoredToken* token = nullptr;
      for (size_t k = next; k < toks.size() && k < next + 4; ++k) {
        if (toks[k].text == h[b]) {
          conf = toks[k].confidence;
          features = toks[k].features;
          token = toks[k].token;
          next = k + 1;
          break;
        }
      }
      s.words.push_back({conf, right[b] != 0, features, h[b], token ? token->original : "(no token)", reference[b],
                         token ? vanban::RestoredKindName(token->kind).data() : ""});
    }
  }
  return s;
}

int Run(const Options& o) {
  LoadNames(o.corpus);
  auto t0 = std::chrono::steady_clock::now();
  auto loaded = vanban::Model::Load(o.model_path);
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!loaded.ok()) {
    std::fprintf(stderr, "restore_bench: %s\n", loaded.status().ToString().c_str());
    return 1;
  }
  std::shared_ptr<const vanban::Model> model = *loaded;
  const auto& md = model->parts().data();
  std::printf("model: %s (%.1f MB, order %d, %zu words), loaded in %.1f ms\n", o.model_path.c_str(),
              static_cast<double>(model->file_size()) / 1e6, model->order(), model->vocabulary_size(), load_ms);
  std::printf("data: %s bucket (never used for training)\n", o.dev ? "dev" : "test");
  if (!o.fit_confidence.empty()) {
    // The raw posteriors of the OCR sets, which the calibration learns to read.
    std::string dir = o.data_dir + (o.dev ? "/dev" : "");
    std::vector<MarkScore::Seen> seen;
    for (const char* name : {"ocr_scan.tsv", "ocr_badscan.tsv"}) {
      std::vector<std::string> cleans, ocrs;
      for (const std::string& l : OwnedLines(ReadFile(dir + "/" + name))) {
        size_t tab = l.find('\t');
        if (tab == std::string::npos) continue;
        cleans.push_back(l.substr(0, tab));
        ocrs.push_back(l.substr(tab + 1));
      }
      vanban::RestoreOptions raw = o.restore;
      raw.confidence = true;
      raw.calibrated_confidence = false;
      vanban::Restorer judged(model, raw);
      MarkScore m = ScoreMarks(judged, cleans, ocrs, kDefaultMarkThreshold);
      seen.insert(seen.end(), m.words.begin(), m.words.end());
    }
    if (seen.empty() || !FitConfidence(seen, o.fit_confidence)) {
      std::fprintf(stderr, "restore_bench: no words to fit the confidence to in %s\n", dir.c_str());
      return 1;
    }
    std::printf("fitted the confidence calibration on %zu words of %s: %s\n", seen.size(), dir.c_str(),
                o.fit_confidence.c_str());
    return 0;
  }

  vanban::Restorer restorer(model, o.restore);
  std::map<std::string, size_t> confusions;

  if (Wanted(o, "stripped") || Wanted(o, "clean")) {
    auto bucket = o.dev ? vanban::internal::Bucket::kDev : vanban::internal::Bucket::kTest;
    std::vector<Doc> docs;
    std::vector<std::string> files = {"legal-congbao.txt.xz", "legal-laws.txt.xz", "legal-phapdien-vbpl.txt.xz"};
    if (o.wiki) files = {"general-viwiki.txt.xz"};
    for (const std::string& f : files) {
      auto d = ReadBucketDocs(o.corpus + "/" + f, bucket);
      docs.insert(docs.end(), d.begin(), d.end());
    }
    size_t all_words = 0;
    for (const Doc& d : docs)
      for (const auto& l : d.lines) all_words += Words(l).size();
    // Blocks of consecutive lines (wrapped sentences stay whole), every k-th block of
    // every document, so the sample spreads over all of them.
    constexpr size_t kBlock = 10;
    size_t stride = std::max<size_t>(1, all_words / std::max<size_t>(1, o.target));
    std::vector<Doc> sample;
    size_t k = 0, sample_words = 0, sample_lines = 0;
    for (const Doc& d : docs) {
      Doc s{d.name, {}};
      for (size_t b = 0; b < d.lines.size(); b += kBlock) {
        if (k++ % stride != 0) continue;
        for (size_t i = b; i < b + kBlock && i < d.lines.size(); ++i) {
          size_t n = Words(d.lines[i]).size();
          if (n == 0) continue;
          s.lines.push_back(d.lines[i]);
          sample_words += n;
          ++sample_lines;
        }
      }
      if (!s.lines.empty()) sample.push_back(std::move(s));
    }
    std::printf("held-out %s text: %zu documents, %zu words; sample: %zu lines of %zu documents, %zu words\n",
                o.wiki ? "Wikipedia" : "legal", docs.size(), all_words, sample_lines, sample.size(), sample_words);

    if (Wanted(o, "stripped")) {
      Tally all, base, cls[kNumClasses];
      double seconds = 0;
      vanban::RestoreResult res;
      confusions.clear();
      std::string key;
      size_t shown = 0;
      for (const Doc& d : sample) {
        std::string ref;
        for (const auto& l : d.lines) ref += l + "\n";
        std::string stripped = Strip(ref);
        double t = ThreadCpuSeconds();
        restorer.Restore(stripped, &res);
        seconds += ThreadCpuSeconds() - t;
        std::vector<std::string> out = OwnedLines(res.text);
        for (size_t i = 0; i < d.lines.size(); ++i) {
          auto rw = Words(d.lines[i]);
          size_t before = all.right;
          ScoreAligned(rw, Words(i < out.size() ? out[i] : std::string(), true), &all, cls, &confusions);
          if (shown < o.show_lines && all.right - before < rw.size()) {
            ++shown;
            std::printf("  [%s]\n    REF %s\n    HYP %s\n", d.name.c_str(), d.lines[i].c_str(),
                        i < out.size() ? out[i].c_str() : "");
          }
          for (const Word& w : rw) {
            std::string s = Strip(w.text), guess = s;
            if (vanban::internal::KeyInto(s, &key)) {
              auto c = md.Candidates(key);
              if (!c.empty()) guess = std::string(md.Word(c[0].id));
            }
            base.Add(Normalize(w.text) == Normalize(guess));
          }
        }
      }
      std::printf("\n1. stripped input (all marks removed): syllable accuracy, case-insensitive\n");
      std::printf("  vanban restore     %6.2f%%  (%zu / %zu)\n", all.Pct(), all.right, all.total);
      std::printf("  most frequent form %6.2f%%  (baseline)\n", base.Pct());
      PrintClasses(cls);
      std::vector<std::string> refs, inputs;
      for (const Doc& d : sample)
        for (const auto& l : d.lines) refs.push_back(l), inputs.push_back(Strip(l));
      std::printf("  single lines       %6.2f%%  (each line restored alone)\n",
                  SingleLines(restorer, refs, inputs, o.show_single).Pct());
      std::printf("  speed: %.0f syllables/s, one thread (%.2f s CPU)\n", static_cast<double>(all.total) / seconds,
                  seconds);
      if (o.errors) PrintTop(confusions, o.errors);
    }
    if (Wanted(o, "clean")) {
      Tally same;
      vanban::RestoreResult res;
      confusions.clear();
      for (const Doc& d : sample) {
        std::string ref;
        for (const auto& l : d.lines) ref += l + "\n";
        restorer.Restore(ref, &res);
        std::vector<std::string> out = OwnedLines(res.text);
        for (size_t i = 0; i < d.lines.size(); ++i)
          CountUnchanged(d.lines[i], i < out.size() ? out[i] : std::string(), &same, &confusions);
      }
      std::printf("\n2. clean input: %.3f%% of syllables unchanged (%zu changed of %zu)\n", same.Pct(),
                  same.total - same.right, same.total);
      Tally same_alone;
      for (const Doc& d : sample) {
        for (const auto& l : d.lines) {
          restorer.Restore(l, &res);
          CountUnchanged(l, res.text, &same_alone, nullptr);
        }
      }
      std::printf("  single lines: %.3f%% of syllables unchanged (each line restored alone)\n", same_alone.Pct());
      if (o.errors) PrintTop(confusions, o.errors);
    }
  }

  if (Wanted(o, "ocr")) {
    std::string dir = o.data_dir + (o.dev ? "/dev" : "");
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string n = e.path().filename().string();
      if (n.rfind("ocr_", 0) == 0 && n.ends_with(".tsv")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) std::printf("\n3. OCR: no %s/ocr_*.tsv (bench/make_ocr_data.sh makes them)\n", dir.c_str());
    for (const std::string& f : files) {
      std::vector<std::string> cleans, ocrs;
      for (const std::string& l : OwnedLines(ReadFile(f))) {
        size_t tab = l.find('\t');
        if (tab == std::string::npos) continue;
        cleans.push_back(l.substr(0, tab));
        ocrs.push_back(l.substr(tab + 1));
      }
      confusions.clear();
      // A fresh restorer: its memo of OCR words must not carry over from another set.
      vanban::Restorer cold(model, o.restore);
      OcrScore s = ScoreOcr(cold, cleans, ocrs, &confusions);
      std::printf("\n3. OCR %s: %zu lines, %zu clean syllables\n", fs::path(f).filename().c_str(), cleans.size(),
                  s.restored.total);
      std::printf("  vanban restore     %6.2f%%  (%.2f%% in their letter case)\n  raw OCR            %6.2f%%\n",
                  s.restored.Pct(), s.cased.Pct(), s.raw.Pct());
      PrintClasses(s.cls);
      if (std::vector<size_t> docs = DocumentRows(f + ".docs", cleans.size()); !docs.empty()) {
        Tally alone;
        size_t row = 0;
        for (size_t n : docs) {
          std::vector<std::string> c(cleans.begin() + row, cleans.begin() + row + n),
              r(ocrs.begin() + row, ocrs.begin() + row + n);
          alone.Add(ScoreOcr(cold, c, r, nullptr).restored);
          row += n;
        }
        std::printf("  each document alone %5.2f%%  (%zu documents, each restored on its own)\n", alone.Pct(),
                    docs.size());
      }
      std::printf("  single lines       %6.2f%%  (each line restored alone)\n",
                  SingleLines(cold, cleans, ocrs, o.show_single).Pct());
      std::printf("  speed: %.0f OCR syllables/s, one thread (%.2f s CPU)\n",
                  static_cast<double>(s.syllables) / s.seconds, s.seconds);
      if (o.restore.context_readings > 0) {
        // The same with --fast (ReadOptions::Fast: no readings from context, one
        // pass): the speed/accuracy trade.
        vanban::RestoreOptions fast = o.restore;
        fast.context_readings = 0;
        fast.second_pass = false;
        vanban::Restorer cold_fast(model, fast);
        OcrScore quick = ScoreOcr(cold_fast, cleans, ocrs, nullptr);
        std::printf("  with --fast        %6.2f%%, %.0f OCR syllables/s\n", quick.restored.Pct(),
                    static_cast<double>(quick.syllables) / quick.seconds);
      }
      if (o.errors) PrintTop(confusions, o.errors);
      vanban::RestoreOptions with_confidence = o.restore;
      with_confidence.confidence = true;
      vanban::Restorer judged(model, with_confidence);
      MarkScore marks = ScoreMarks(judged, cleans, ocrs, kDefaultMarkThreshold);
      std::printf("  confidence against observed accuracy (reliability):\n");
      marks.PrintReliability();
      marks.PrintMarks(kDefaultMarkThreshold);
      if (o.errors) marks.PrintMissed(0.999, o.errors);
    }
  }

  if (Wanted(o, "real")) {
    std::string dir = o.data_dir + "/real";
    std::vector<std::string> golds;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().string().ends_with(".gold.txt")) golds.push_back(e.path().string());
    std::sort(golds.begin(), golds.end());
    Tally total, total_raw, total_cased;
    MarkScore marks;
    confusions.clear();
    for (const std::string& g : golds) {
      std::string name = fs::path(g).filename().string();
      name = name.substr(0, name.size() - std::string(".gold.txt").size());
      std::string seed = std::string(VANBAN_SOURCE_DIR) + "/samples/seeds/" + name + ".txt";
      std::vector<std::string> cleans = OwnedLines(ReadFile(g)), ocrs = OwnedLines(ReadFile(seed));
      if (cleans.size() != ocrs.size()) {
        std::printf("\n4. real %s: %zu gold lines but %zu OCR lines: skipped\n", name.c_str(), cleans.size(),
                    ocrs.size());
        continue;
      }
      // Restore the seed as a whole document, as a user would, with a fresh restorer.
      vanban::Restorer cold(model, o.restore);
      OcrScore s = ScoreOcr(cold, cleans, ocrs, &confusions);
      std::printf("\n4. real OCR %s: %zu syllables: vanban restore %.2f%%, raw OCR %.2f%%\n", name.c_str(),
                  s.restored.total, s.restored.Pct(), s.raw.Pct());
      PrintClasses(s.cls);
      std::printf("    in their letter case %5.2f%%\n", s.cased.Pct());
      total.Add(s.restored);
      total_raw.Add(s.raw);
      total_cased.Add(s.cased);
      vanban::RestoreOptions with_confidence = o.restore;
      with_confidence.confidence = true;
      vanban::Restorer judged(model, with_confidence);
      MarkScore m = ScoreMarks(judged, cleans, ocrs, kDefaultMarkThreshold);
      m.PrintMarks(kDefaultMarkThreshold);
      marks.Add(m);
    }
    if (!golds.empty()) {
      std::printf("  all real documents: %.2f%% of %zu syllables (raw OCR %.2f%%), %.2f%% in their letter case\n",
                  total.Pct(), total.total, total_raw.Pct(), total_cased.Pct());
      std::printf("  review marks (target: >= 85%% of wrong words while marking <= 6%% of all):\n");
      for (double t : {kDefaultMarkThreshold, 0.95, 0.99}) marks.PrintMarks(t);
      std::printf("    marks without an alternative at the default threshold: %zu\n", marks.without_alternative);
      marks.PrintReliability();
      if (o.errors) marks.PrintMissed(kDefaultMarkThreshold, o.errors);
      if (o.errors) PrintTop(confusions, o.errors);
    }
  }

  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("\npeak RSS: %.0f MB\n", static_cast<double>(ru.ru_maxrss) / 1024);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "restore_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--model") o.model_path = next();
    else if (a == "--corpus") o.corpus = next();
    else if (a == "--data") o.data_dir = next();
    else if (a == "--dev") o.dev = true;
    else if (a == "--fit-confidence") o.fit_confidence = next();
    else if (a == "--raw-confidence") o.restore.calibrated_confidence = false;
    else if (a == "--wiki") o.wiki = true;
    else if (a == "--syllables") o.target = std::stoul(next());
    else if (a == "--errors") o.errors = std::stoul(next());
    else if (a == "--show-lines") o.show_lines = std::stoul(next());
    else if (a == "--show-single") o.show_single = std::stoul(next());
    else if (a == "--only") o.only = next();
    else if (a == "--beam") o.restore.beam = std::stoi(next());
    else if (a == "--channel-weight") o.restore.channel_weight = std::stod(next());
    else if (a == "--no-cache") o.restore.document_cache = false;
    else if (a == "--one-pass") o.restore.second_pass = false;
    else if (a == "--cap-weight") o.restore.capitalised_weight = std::stod(next());
    else if (a == "--cache-bonus") o.restore.cache_bonus = std::stod(next());
    else if (a == "--pair-bonus") o.restore.pair_cache_bonus = std::stod(next());
    else if (a == "--name-bonus") o.restore.name_pair_bonus = std::stod(next());
    else if (a == "--person-bonus") o.restore.person_pair_bonus = std::stod(next());
    else if (a == "--parallel-bonus") o.restore.parallel_item_bonus = std::stod(next());
    else if (a == "--cache-confidence") o.restore.cache_min_confidence = std::stod(next());
    else if (a == "--readings") o.restore.max_readings = std::stoi(next());
    else if (a == "--margin") o.restore.reading_margin = std::stod(next());
    else if (a == "--ocr-candidates") o.restore.max_ocr_candidates = std::stoi(next());
    else if (a == "--threshold") o.restore.beam_threshold = std::stod(next());
    else if (a == "--prescreen") o.restore.prescreen_margin = std::stod(next());
    else if (a == "--repair") o.restore.path_repair_margin = std::stod(next());
    else if (a == "--digit-word") o.restore.digit_word_log10 = std::stod(next());
    else if (a == "--merged") o.restore.merged_log10 = std::stod(next());
    else if (a == "--broken") o.restore.broken_log10 = std::stod(next());
    else if (a == "--junk") o.restore.junk_log10 = std::stod(next());
    else if (a == "--context-weak-only") o.restore.context_for_all = false;
    else if (a == "--context") o.restore.context_readings = std::stoi(next());
    else if (a == "--context-trigger") o.restore.context_trigger = std::stod(next());
    else {
      std::fprintf(stderr,
                   "usage: restore_bench [--model PATH] [--corpus DIR] [--data DIR] [--dev] [--wiki] [--syllables N]\n"
                   "                     [--errors N] [--show-lines N] [--show-single N] [--only stripped,clean,ocr,real] [--beam B]\n"
                   "                     [--ocr-weight W] [--no-cache]\n");
      return 2;
    }
  }
  return Run(o);
}
