// restore_bench: accuracy and speed of `vanban restore` on held-out legal text.
//
// Takes lines from the *test* bucket of the legal corpora (never used in
// training), strips all marks, restores them and compares with the original:
// syllable accuracy (case-insensitive, tone placement normalised so hoà == hòa)
// overall and per token class, a most-frequent-reading baseline, the share of
// clean syllables left unchanged when the input is already correct, speed,
// model load time and peak RSS. If OCR'd pairs exist (bench/data/ocr_*.tsv,
// clean<TAB>ocr per line), scores them too after a token alignment.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/lm_tokens.h"
#include "model/model_data.h"
#include "model/viet_chars.h"
#include "train/corpus_split.h"
#include "vanban/model.h"
#include "vanban/restore.h"

namespace {

using vanban::internal::LmToken;
using vanban::internal::LmTokenKind;

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
      vanban::internal::AppendUtf8(it->second.first, &out);
      if (it->second.second) tone = it->second.second;
    } else {
      vanban::internal::AppendUtf8(cp, &out);
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

struct Doc {
  std::string name;
  std::vector<std::string> lines;
};

std::vector<Doc> ReadTestDocs(const std::string& path, size_t max_docs) {
  std::vector<Doc> docs;
  FILE* in = popen(("xzcat -- '" + path + "'").c_str(), "r");
  if (in == nullptr) return docs;
  char* buf = nullptr;
  size_t cap = 0;
  ssize_t len;
  bool test = false;
  while ((len = getline(&buf, &cap, in)) >= 0) {
    std::string_view line(buf, static_cast<size_t>(len));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (vanban::internal::IsDocumentHeader(line)) {
      test = vanban::internal::BucketOfDocument(line) == vanban::internal::Bucket::kTest;
      if (test) {
        if (docs.size() >= max_docs) break;
        docs.push_back({std::string(line.substr(4)), {}});
      }
      continue;
    }
    if (test) docs.back().lines.emplace_back(line);
  }
  free(buf);
  pclose(in);
  return docs;
}

enum Class { kLower, kCapital, kAllCaps, kSymbol, kNumClasses };
constexpr const char* kClassNames[] = {"lower-case", "capitalised", "all-caps", "inside symbols"};

struct Tally {
  size_t total = 0, right = 0;
  void Add(bool ok) {
    ++total;
    right += ok;
  }
  double Pct() const { return total ? 100.0 * static_cast<double>(right) / static_cast<double>(total) : 0; }
};

// Word tokens of a line with their class.
struct Word {
  std::string text;
  Class cls;
};

std::vector<Word> Words(std::string_view line) {
  std::vector<LmToken> toks;
  vanban::internal::SplitLine(line, &toks);
  std::vector<Word> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != LmTokenKind::kWord) continue;
    std::string_view t = line.substr(toks[i].begin, toks[i].end - toks[i].begin);
    auto joiner = [&](size_t j) {
      return j < toks.size() && toks[j].kind == LmTokenKind::kPunct &&
             (line[toks[j].begin] == '-' || line[toks[j].begin] == '/');
    };
    Class c = kLower;
    bool upper = vanban::internal::IsAllUpper(t);
    std::string lower;
    vanban::internal::LowerInto(t, &lower);
    if (upper && t.size() >= 2 && ((i > 0 && joiner(i - 1)) || joiner(i + 1))) c = kSymbol;
    else if (upper && lower.size() > 1 && vanban::internal::IsAllUpper(t)) c = lower != t && t.size() > 1 ? kAllCaps : kLower;
    else if (lower != t) c = kCapital;
    if (c == kAllCaps) {
      // One upper-case letter alone ("A", "Đ") counts as capitalised.
      size_t pos = 0, n = 0;
      while (pos < t.size()) vanban::internal::NextCodePoint(t, &pos), ++n;
      if (n == 1) c = kCapital;
    }
    out.push_back({std::string(t), c});
  }
  return out;
}

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double Seconds(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

// Token alignment (Levenshtein on whitespace-separated tokens) for OCR scoring:
// returns the number of clean tokens matched exactly (after Normalize).
size_t AlignedMatches(const std::vector<std::string>& ref, const std::vector<std::string>& hyp) {
  const size_t n = ref.size(), m = hyp.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j)
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (ref[i - 1] == hyp[j - 1] ? 0 : 1)});
  size_t matches = 0;
  size_t i = n, j = m;
  while (i > 0 && j > 0) {
    if (ref[i - 1] == hyp[j - 1] && d[i][j] == d[i - 1][j - 1]) {
      ++matches, --i, --j;
    } else if (d[i][j] == d[i - 1][j - 1] + 1) {
      --i, --j;
    } else if (d[i][j] == d[i - 1][j] + 1) {
      --i;
    } else {
      --j;
    }
  }
  return matches;
}

std::vector<std::string> NormTokens(std::string_view line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t sp = line.find_first_of(" \t", pos);
    if (sp == std::string_view::npos) sp = line.size();
    if (sp > pos) {
      // Surrounding punctuation is not a syllable: compare the letters only.
      std::string_view t = line.substr(pos, sp - pos);
      out.push_back(Normalize(t));
    }
    pos = sp + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = vanban::Model::DefaultPath();
  std::string corpus = "/work/shared/corpus";
  std::string ocr_dir;
  size_t target = 30000;
  int beam = 8, max_cands = 10;
  bool cache = true, show_errors = false, join = true;
  double threshold = 5.0, cache_bonus = 0.3, cap_weight = 0.0, marked_penalty = -3.0, unmarked_penalty = -1.5;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--model") model_path = next();
    else if (a == "--corpus") corpus = next();
    else if (a == "--syllables") target = std::stoul(next());
    else if (a == "--beam") beam = std::stoi(next());
    else if (a == "--candidates") max_cands = std::stoi(next());
    else if (a == "--no-cache") cache = false;
    else if (a == "--no-join") join = false;
    else if (a == "--cap-weight") cap_weight = std::stod(next());
    else if (a == "--marked-penalty") marked_penalty = std::stod(next());
    else if (a == "--unmarked-penalty") unmarked_penalty = std::stod(next());
    else if (a == "--threshold") threshold = std::stod(next());
    else if (a == "--cache-bonus") cache_bonus = std::stod(next());
    else if (a == "--ocr-dir") ocr_dir = next();
    else if (a == "--errors") show_errors = true;
    else {
      std::fprintf(stderr,
                   "usage: restore_bench [--model PATH] [--corpus DIR] [--syllables N] [--beam B]\n"
                   "                     [--candidates K] [--threshold T] [--no-cache] [--cache-bonus B]\n"
                   "                     [--no-join] [--cap-weight W] [--marked-penalty P] [--unmarked-penalty P]\n"
                   "                     [--ocr-dir DIR] [--errors]\n");
      return 2;
    }
  }
  auto t0 = std::chrono::steady_clock::now();
  auto loaded = vanban::Model::Load(model_path);
  double load_s = Seconds(t0);
  if (!loaded.ok()) {
    std::fprintf(stderr, "restore_bench: %s\n", loaded.status().ToString().c_str());
    return 1;
  }
  std::shared_ptr<const vanban::Model> model = *loaded;
  const auto& md = model->data();

  // Held-out documents: the test bucket of the three legal corpora.
  std::vector<Doc> docs;
  for (const char* f : {"legal-congbao.txt.xz", "legal-laws.txt.xz", "legal-phapdien-vbpl.txt.xz"}) {
    auto d = ReadTestDocs(corpus + "/" + f, 1000);
    docs.insert(docs.end(), d.begin(), d.end());
  }
  size_t all_words = 0;
  for (const Doc& d : docs)
    for (const auto& l : d.lines) all_words += Words(l).size();
  // Blocks of consecutive lines (wrapped sentences stay whole), every k-th block
  // of every document, so the sample spreads over all of them.
  constexpr size_t kBlock = 10;
  size_t stride = std::max<size_t>(1, all_words / std::max<size_t>(1, target));
  std::vector<Doc> sample;
  size_t k = 0, sample_words = 0;
  for (const Doc& d : docs) {
    Doc s{d.name, {}};
    for (size_t b = 0; b < d.lines.size(); b += kBlock) {
      if (k++ % stride != 0) continue;
      for (size_t i = b; i < b + kBlock && i < d.lines.size(); ++i) {
        if (Words(d.lines[i]).empty()) continue;
        s.lines.push_back(d.lines[i]);
        sample_words += Words(d.lines[i]).size();
      }
    }
    if (!s.lines.empty()) sample.push_back(std::move(s));
  }
  std::printf("model: %s (%.1f MB, order %d, %zu words)\n", model_path.c_str(),
              static_cast<double>(model->file_size()) / 1e6, model->order(), model->vocabulary_size());
  std::printf("held-out: %zu test documents, %zu words; sample: %zu lines in %zu documents, %zu words\n",
              docs.size(), all_words, [&] {
                size_t n = 0;
                for (auto& d : sample) n += d.lines.size();
                return n;
              }(), sample.size(), sample_words);

  vanban::RestoreOptions opts;
  opts.beam = beam;
  opts.max_candidates = max_cands;
  opts.document_cache = cache;
  opts.join_wrapped_lines = join;
  opts.capitalised_weight = cap_weight;
  opts.change_marked_penalty = marked_penalty;
  opts.change_unmarked_in_marked_doc_penalty = unmarked_penalty;
  opts.beam_threshold = threshold;
  opts.cache_bonus = cache_bonus;
  vanban::Restorer restorer(model, opts);
  std::unique_ptr<vanban::CandidateSource> ocr_source = vanban::MakeSimpleOcrSource(model);

  // 1. Stripped input.
  Tally all, base, cls[kNumClasses];
  double restore_s = 0;
  size_t restored_words = 0;
  vanban::RestoreResult res;
  std::map<std::string, size_t> confusions;
  size_t error_lines = 0;
  for (const Doc& d : sample) {
    std::string ref, stripped;
    for (const auto& l : d.lines) ref += l + "\n";
    stripped = Strip(ref);
    double t = ThreadCpuSeconds();
    restorer.Restore(stripped, &res);
    restore_s += ThreadCpuSeconds() - t;
    size_t rp = 0, hp = 0;
    std::string_view rv = ref, hv = res.text;
    while (rp < rv.size()) {
      size_t rn = rv.find('\n', rp), hn = hv.find('\n', hp);
      auto rw = Words(rv.substr(rp, rn - rp));
      auto hw = Words(hv.substr(hp, hn - hp));
      std::string key, s;
      for (size_t i = 0; i < rw.size() && i < hw.size(); ++i) {
        bool ok = Normalize(rw[i].text) == Normalize(hw[i].text);
        all.Add(ok);
        cls[rw[i].cls].Add(ok);
        if (!ok && show_errors) ++confusions[Normalize(rw[i].text) + " -> " + Normalize(hw[i].text)];
        // Baseline: the most frequent reading of the stripped form.
        s = Strip(rw[i].text);
        std::string guess = s;
        if (vanban::internal::KeyInto(s, &key)) {
          auto c = md.Candidates(key);
          if (!c.empty()) guess = std::string(md.Word(c[0].id));
        }
        base.Add(Normalize(rw[i].text) == Normalize(guess));
      }
      restored_words += rw.size();
      if (show_errors && error_lines < 40) {
        bool bad = false;
        for (size_t i = 0; i < rw.size() && i < hw.size(); ++i) bad |= Normalize(rw[i].text) != Normalize(hw[i].text);
        if (bad) {
          ++error_lines;
          std::printf("REF %.*s\nHYP %.*s\n", static_cast<int>(rn - rp), rv.data() + rp, static_cast<int>(hn - hp),
                      hv.data() + hp);
        }
      }
      rp = rn + 1;
      hp = hn + 1;
    }
  }
  std::printf("\nstripped input -> restored (syllable accuracy, case-insensitive, hoà = hòa)\n");
  std::printf("  all words        %6.2f%%  (%zu / %zu)\n", all.Pct(), all.right, all.total);
  for (int c = 0; c < kNumClasses; ++c)
    std::printf("  %-16s %6.2f%%  (%zu words)\n", kClassNames[c], cls[c].Pct(), cls[c].total);
  std::printf("  baseline (most frequent reading) %6.2f%%\n", base.Pct());
  std::printf("  speed: %.0f words/s single thread (%.2f s CPU time)\n", static_cast<double>(restored_words) / restore_s,
              restore_s);

  // 2. Clean input must stay unchanged.
  Tally same;
  for (const Doc& d : sample) {
    std::string ref;
    for (const auto& l : d.lines) ref += l + "\n";
    restorer.Restore(ref, &res);
    size_t rp = 0, hp = 0;
    std::string_view rv = ref, hv = res.text;
    while (rp < rv.size()) {
      size_t rn = rv.find('\n', rp), hn = hv.find('\n', hp);
      auto rw = Words(rv.substr(rp, rn - rp));
      auto hw = Words(hv.substr(hp, hn - hp));
      for (size_t i = 0; i < rw.size() && i < hw.size(); ++i) {
        bool ok = rw[i].text == hw[i].text;
        same.Add(ok);
        if (!ok && show_errors) ++confusions["clean: " + rw[i].text + " -> " + hw[i].text];
      }
      rp = rn + 1;
      hp = hn + 1;
    }
  }
  std::printf("\nclean input unchanged: %.3f%% of words (%zu changed of %zu)\n", same.Pct(), same.total - same.right,
              same.total);

  // 3. OCR'd lines, if H4's data exist.
  if (ocr_dir.empty()) ocr_dir = std::string(VANBAN_SOURCE_DIR) + "/bench/data";
  std::error_code ec;
  std::vector<std::string> ocr_files;
  for (const auto& e : std::filesystem::directory_iterator(ocr_dir, ec)) {
    std::string n = e.path().filename().string();
    if (n.rfind("ocr_", 0) == 0 && n.size() > 4 && n.substr(n.size() - 4) == ".tsv") ocr_files.push_back(e.path().string());
  }
  std::sort(ocr_files.begin(), ocr_files.end());
  for (const std::string& f : ocr_files) {
    FILE* in = std::fopen(f.c_str(), "rb");
    if (in == nullptr) continue;
    char* buf = nullptr;
    size_t cap = 0;
    ssize_t len;
    size_t ref_tokens = 0, before = 0, after = 0, lines = 0;
    std::string ocr_doc, clean_doc;
    std::vector<std::string> cleans, ocrs;
    while ((len = getline(&buf, &cap, in)) >= 0) {
      std::string_view l(buf, static_cast<size_t>(len));
      while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
      size_t tab = l.find('\t');
      if (tab == std::string_view::npos) continue;
      cleans.emplace_back(l.substr(0, tab));
      ocrs.emplace_back(l.substr(tab + 1));
    }
    free(buf);
    std::fclose(in);
    std::string joined;
    for (const auto& o : ocrs) joined += o + "\n";
    vanban::RestoreOptions ocr_opts = opts;
    ocr_opts.ocr_source = ocr_source.get();
    vanban::Restorer ocr_restorer(model, ocr_opts);
    ocr_restorer.Restore(joined, &res);
    std::string_view hv = res.text;
    size_t hp = 0;
    for (size_t i = 0; i < cleans.size(); ++i) {
      size_t hn = hv.find('\n', hp);
      auto ref = NormTokens(cleans[i]);
      ref_tokens += ref.size();
      before += AlignedMatches(ref, NormTokens(ocrs[i]));
      after += AlignedMatches(ref, NormTokens(hv.substr(hp, hn - hp)));
      hp = hn + 1;
      ++lines;
    }
    std::printf("\nOCR %s: %zu lines, %zu clean tokens: OCR as is %.2f%%, restored %.2f%% "
                "(aligned exact match, case-insensitive)\n",
                std::filesystem::path(f).filename().string().c_str(), lines, ref_tokens,
                100.0 * static_cast<double>(before) / static_cast<double>(std::max<size_t>(1, ref_tokens)),
                100.0 * static_cast<double>(after) / static_cast<double>(std::max<size_t>(1, ref_tokens)));
  }

  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("\nmodel load: %.1f ms; peak RSS: %.0f MB\n", load_s * 1000, static_cast<double>(ru.ru_maxrss) / 1024);
  if (show_errors) {
    std::vector<std::pair<size_t, std::string>> top;
    for (auto& [k2, v] : confusions) top.push_back({v, k2});
    std::sort(top.rbegin(), top.rend());
    std::printf("\nmost frequent errors:\n");
    for (size_t i = 0; i < top.size() && i < 40; ++i) std::printf("  %4zu  %s\n", top[i].first, top[i].second.c_str());
  }
  return 0;
}
