// `vanban train`: counts syllable n-grams of the train bucket and writes the text
// sources of the model. N-grams are packed 16 bits per word into a uint64 and
// counted by sorting, which keeps memory predictable and the output deterministic.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/lm_tokens.h"
#include "model/shell_quote.h"
#include "text/viet_chars.h"
#include "train/corpus_split.h"
#include "vanban/model.h"

namespace vanban {
namespace {

using internal::LmToken;
using internal::LmTokenKind;
using internal::ShellQuote;

constexpr int kBitsPerWord = 16;
constexpr uint32_t kMaxVocabulary = (1u << kBitsPerWord) - 1;
constexpr size_t kUnmarkedMinSyllables = 4;

struct KeyCount {
  uint64_t key;
  uint32_t count;
};

class Counter {
 public:
  explicit Counter(const TrainOptions& o) : options_(o) {
    for (std::string_view s : {internal::kBos, internal::kEos, internal::kUnk, internal::kNum,
                               internal::kOtherPunct})
      Intern(s);
  }

  Status ReadFile(const std::string& path) {
    FILE* in = popen(("xzcat -- " + ShellQuote(path)).c_str(), "r");
    if (in == nullptr) return Status::IOError("cannot run xzcat on " + path);
    char* buf = nullptr;
    size_t cap = 0;
    ssize_t len;
    bool train = false;
    size_t docs = 0;
    while ((len = getline(&buf, &cap, in)) >= 0) {
      std::string_view line(buf, static_cast<size_t>(len));
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
      if (internal::IsDocumentHeader(line)) {
        Flush();
        if (options_.max_docs_per_file != 0 && docs >= options_.max_docs_per_file) break;
        ++docs;
        train = internal::BucketOfDocument(line) == internal::Bucket::kTrain;
        if (train) ++train_docs_;
        continue;
      }
      if (!train) continue;
      if (!pending_.empty() && !line.empty() && internal::ContinuesLine(line)) {
        pending_ += '\n';
        pending_.append(line);
      } else {
        Flush();
        pending_.assign(line);
      }
    }
    Flush();
    free(buf);
    // Closing early makes xzcat die of SIGPIPE; only a failure to start matters.
    int rc = pclose(in);
    if (docs == 0 && rc != 0) return Status::IOError("xzcat failed on " + path);
    return Status::Ok();
  }

  void Flush() {
    if (!pending_.empty()) AddLine(pending_);
    pending_.clear();
  }

  void AddLine(std::string_view line) {
    internal::SplitLine(line, &tokens_);
    if (WithoutMarks(line)) {
      ++unmarked_lines_;
      return;
    }
    size_t before = seq_.size();
    seq_.push_back(0);  // <s>
    bool sentence_start = true;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const LmToken& t = tokens_[i];
      if (t.kind == LmTokenKind::kSpace) continue;
      std::string_view text = line.substr(t.begin, t.end - t.begin);
      std::string_view w = internal::LmWord(text, t.kind, &scratch_);
      uint32_t id = Intern(w);
      seq_.push_back(id);
      if (t.kind == LmTokenKind::kWord) {
        CountSymbolPart(line, i, text);
        // Capitalised inside a sentence: a name or a title word ("Nghị định").
        if (!sentence_start && IsCapitalised(text)) ++capitalised_[id];
      }
      sentence_start = t.kind == LmTokenKind::kPunct &&
                       (text == "." || text == ":" || text == "?" || text == "!" || text == ")" || text == "\"");
    }
    if (seq_.size() == before + 1) {
      seq_.pop_back();
      return;
    }
    seq_.push_back(1);  // </s>
  }

  // Vietnamese typed without its marks ("Quy dinh tai khoan 3", file names, a few
  // pages of the Gazette and of Wikipedia): at least four syllables, seven words in ten
  // syllables (English has fewer: its words keep their counts, "VAT" among them) and
  // under one syllable in ten marked (written Vietnamese marks about four in five).
  // Counted, it would teach the model that a stripped phrase is likely as it stands.
  bool WithoutMarks(std::string_view line) {
    size_t words = 0, syllables = 0, marked = 0;
    for (const LmToken& t : tokens_) {
      if (t.kind != LmTokenKind::kWord) continue;
      ++words;
      std::string_view text = line.substr(t.begin, t.end - t.begin);
      if (!internal::KeyInto(text, &key_) || key_.size() < 2 || !internal::IsSyllableKey(key_)) continue;
      ++syllables;
      if (internal::HasMarks(text)) ++marked;
    }
    return syllables >= kUnmarkedMinSyllables && syllables * 10 >= words * 7 && marked * 10 < syllables;
  }

  // Upper-case parts of document symbols ("NĐ-CP", "20/NQ-HĐND") and all-caps
  // abbreviations that are not syllables ("UBND", "HĐND").
  void CountSymbolPart(std::string_view line, size_t i, std::string_view text) {
    if (text.size() < 2 || !internal::IsAllUpper(text)) return;
    if (!internal::KeyInto(text, &key_)) return;
    auto is_joiner = [&](size_t j) {
      if (j >= tokens_.size() || tokens_[j].kind != LmTokenKind::kPunct) return false;
      char c = line[tokens_[j].begin];
      return c == '-' || c == '/';
    };
    bool joined = (i > 0 && is_joiner(i - 1)) || is_joiner(i + 1);
    if (!joined && internal::IsSyllableKey(key_)) return;
    ++symbol_parts_[key_][std::string(text)];
  }

  static bool IsCapitalised(std::string_view text) {
    size_t pos = 0;
    bool first = true;
    while (pos < text.size()) {
      const internal::VietLetter& v = internal::LookupLetter(internal::NextCodePoint(text, &pos));
      if (v.upper != first) return false;
      first = false;
    }
    return true;
  }

  uint32_t Intern(std::string_view w) {
    auto it = ids_.find(std::string(w));  // NOLINT: small strings, fine for training
    if (it != ids_.end()) {
      ++counts_[it->second];
      return it->second;
    }
    uint32_t id = static_cast<uint32_t>(words_.size());
    ids_.emplace(std::string(w), id);
    words_.emplace_back(w);
    counts_.push_back(1);
    capitalised_.push_back(0);
    return id;
  }

  Status Finish() {
    Progress("read " + std::to_string(train_docs_) + " train documents, " +
             std::to_string(seq_.size()) + " tokens, " + std::to_string(words_.size()) + " types; " +
             std::to_string(unmarked_lines_) + " lines without marks left out");
    // Vocabulary: frequent enough words, specials always; ids in byte order of the
    // strings so that packed keys sort like the text lines we write.
    std::vector<uint32_t> kept;
    for (uint32_t id = 0; id < words_.size(); ++id) {
      if (id < 5 || counts_[id] >= options_.min_counts[0]) kept.push_back(id);
    }
    std::sort(kept.begin(), kept.end(), [&](uint32_t a, uint32_t b) { return words_[a] < words_[b]; });
    if (kept.size() >= kMaxVocabulary)
      return Status::InvalidArgument("vocabulary too large: " + std::to_string(kept.size()) +
                                     " words; raise the unigram minimum count");
    std::vector<uint16_t> remap(words_.size(), 0);
    for (size_t i = 0; i < kept.size(); ++i) remap[kept[i]] = static_cast<uint16_t>(i + 1);
    uint16_t unk = remap[2];
    vocab_.assign(kept.size() + 1, "");
    raw_.assign(kept.size() + 1, 0);
    cap_.assign(kept.size() + 1, 0);
    for (size_t i = 0; i < kept.size(); ++i) vocab_[i + 1] = words_[kept[i]];
    for (uint32_t id = 0; id < words_.size(); ++id) {
      raw_[remap[id] ? remap[id] : unk] += counts_[id];
      cap_[remap[id] ? remap[id] : unk] += capitalised_[id];
    }
    seq16_.resize(seq_.size());
    for (size_t i = 0; i < seq_.size(); ++i) seq16_[i] = remap[seq_[i]] ? remap[seq_[i]] : unk;
    seq_.clear();
    seq_.shrink_to_fit();
    bos_ = remap[0];
    eos_ = remap[1];
    return Status::Ok();
  }

  // Raw counts of all n-grams of |order| inside lines.
  std::vector<KeyCount> CountOrder(int order) const {
    std::vector<uint64_t> keys;
    keys.reserve(seq16_.size());
    size_t line_start = 0;
    for (size_t i = 0; i < seq16_.size(); ++i) {
      if (seq16_[i] == bos_) line_start = i;
      if (i + 1 < line_start + static_cast<size_t>(order)) continue;
      uint64_t k = 0;
      for (size_t j = i + 1 - static_cast<size_t>(order); j <= i; ++j) k = (k << kBitsPerWord) | seq16_[j];
      keys.push_back(k);
    }
    std::sort(keys.begin(), keys.end());
    std::vector<KeyCount> out;
    for (size_t i = 0; i < keys.size();) {
      size_t j = i;
      while (j < keys.size() && keys[j] == keys[i]) ++j;
      out.push_back({keys[i], static_cast<uint32_t>(j - i)});
      i = j;
    }
    return out;
  }

  Status Write() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(options_.out_dir, ec);
    const int n_max = options_.order;
    std::vector<std::vector<KeyCount>> final_counts(n_max + 1);
    std::vector<std::vector<uint64_t>> coc(n_max + 1, std::vector<uint64_t>(5, 0));
    std::vector<KeyCount> higher;
    for (int n = n_max; n >= 1; --n) {
      std::vector<KeyCount> raw = CountOrder(n);
      Progress("order " + std::to_string(n) + ": " + std::to_string(raw.size()) + " distinct");
      if (n < n_max) {
        // Kneser-Ney adjusted counts: distinct left extensions, except at <s>.
        const uint64_t mask = (n * kBitsPerWord >= 64) ? ~0ull : ((1ull << (n * kBitsPerWord)) - 1);
        std::vector<uint64_t> suffixes;
        suffixes.reserve(higher.size());
        for (const KeyCount& kc : higher) suffixes.push_back(kc.key & mask);
        std::sort(suffixes.begin(), suffixes.end());
        size_t s = 0;
        for (KeyCount& kc : raw) {
          uint64_t first = kc.key >> ((n - 1) * kBitsPerWord);
          while (s < suffixes.size() && suffixes[s] < kc.key) ++s;
          uint32_t cont = 0;
          while (s < suffixes.size() && suffixes[s] == kc.key) ++cont, ++s;
          if (first != bos_ && cont > 0) kc.count = cont;
        }
      }
      for (const KeyCount& kc : raw) {
        if (kc.count <= 4) ++coc[n][kc.count];
        ++coc[n][0];
      }
      higher = std::move(raw);
      uint32_t min = n - 1 < static_cast<int>(options_.min_counts.size()) ? options_.min_counts[n - 1] : 1;
      if (n == 1) min = 0;
      // Prefixes and suffixes of kept longer n-grams stay too: the model needs
      // them as contexts (backoff weights) and as the lower-order estimate.
      std::vector<uint64_t> needed;
      if (n < n_max) {
        const uint64_t mask = (1ull << (n * kBitsPerWord)) - 1;
        for (const KeyCount& kc : final_counts[n + 1]) {
          needed.push_back(kc.key >> kBitsPerWord);
          needed.push_back(kc.key & mask);
        }
        std::sort(needed.begin(), needed.end());
        needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
      }
      std::vector<KeyCount>& kept = final_counts[n];
      for (const KeyCount& kc : higher) {
        if (kc.count >= min || std::binary_search(needed.begin(), needed.end(), kc.key)) kept.push_back(kc);
      }
    }
    // ngrams-N.txt.xz
    for (int n = 1; n <= n_max; ++n) {
      std::string path = (fs::path(options_.out_dir) / ("ngrams-" + std::to_string(n) + ".txt.xz")).string();
      FILE* out = popen(("xz -6 -T1 -c > " + ShellQuote(path)).c_str(), "w");
      if (out == nullptr) return Status::IOError("cannot run xz for " + path);
      std::string line;
      for (const KeyCount& kc : final_counts[n]) {
        line.clear();
        for (int j = n - 1; j >= 0; --j) {
          line += vocab_[(kc.key >> (j * kBitsPerWord)) & kMaxVocabulary];
          line += j ? ' ' : '\t';
        }
        line += std::to_string(kc.count);
        line += '\n';
        fwrite(line.data(), 1, line.size(), out);
      }
      if (pclose(out) != 0) return Status::IOError("xz failed writing " + path);
      Progress("wrote " + path + ": " + std::to_string(final_counts[n].size()) + " n-grams");
    }
    std::string text = "# order\tdistinct\tn1\tn2\tn3\tn4 (counts of counts before pruning)\n";
    for (int n = 1; n <= n_max; ++n) {
      text += std::to_string(n);
      for (int k = 0; k <= 4; ++k) text += "\t" + std::to_string(coc[n][k]);
      text += "\n";
    }
    VANBAN_RETURN_IF_ERROR(WriteText(fs::path(options_.out_dir) / "counts.tsv", text));
    text = "# syllable or class token\traw count in the train bucket\tcount capitalised inside a sentence\n";
    for (size_t i = 1; i < vocab_.size(); ++i)
      text += vocab_[i] + "\t" + std::to_string(raw_[i]) + "\t" + std::to_string(cap_[i]) + "\n";
    VANBAN_RETURN_IF_ERROR(WriteText(fs::path(options_.out_dir) / "vocab.tsv", text));
    text = "# diacritic-free lower-case key\tmost frequent upper-case form\tcount\n";
    for (const auto& [key, forms] : symbol_parts_) {
      const std::string* best = nullptr;
      uint64_t best_count = 0, total = 0;
      for (const auto& [form, c] : forms) {
        total += c;
        if (c > best_count) best = &form, best_count = c;
      }
      if (total >= 5 && best != nullptr) text += key + "\t" + *best + "\t" + std::to_string(best_count) + "\n";
    }
    return WriteText(fs::path(options_.out_dir) / "symbol_parts.tsv", text);
  }

 private:
  static Status WriteText(const std::filesystem::path& path, const std::string& text) {
    FILE* f = std::fopen(path.string().c_str(), "wb");
    if (f == nullptr) return Status::IOError("cannot write " + path.string());
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = std::fclose(f) == 0 && ok;
    return ok ? Status::Ok() : Status::IOError("cannot write " + path.string());
  }
  void Progress(const std::string& s) const {
    if (options_.progress) options_.progress(s);
  }

  const TrainOptions& options_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> seq_;
  std::vector<uint16_t> seq16_;
  std::vector<std::string> vocab_;
  std::vector<uint64_t> raw_, cap_, capitalised_;
  uint16_t bos_ = 0, eos_ = 0;
  size_t train_docs_ = 0;
  std::vector<LmToken> tokens_;
  size_t unmarked_lines_ = 0;
  std::string scratch_, key_, pending_;
  std::map<std::string, std::map<std::string, uint64_t>> symbol_parts_;
};

}  // namespace

Status TrainDictionaries(const TrainOptions& options) {
  if (options.order < 1 || options.order > 4) return Status::InvalidArgument("order must be 1..4");
  if (options.min_counts.empty()) return Status::InvalidArgument("min_counts must not be empty");
  std::vector<std::string> files = options.files;
  if (files.empty()) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(options.corpus_dir, ec)) {
      std::string p = e.path().string();
      if (p.size() > 7 && p.substr(p.size() - 7) == ".txt.xz") files.push_back(p);
    }
    if (ec) return Status::NotFound("cannot read corpus directory " + options.corpus_dir);
    std::sort(files.begin(), files.end());
  }
  if (files.empty()) return Status::NotFound("no *.txt.xz files in " + options.corpus_dir);
  Counter counter(options);
  for (const std::string& f : files) {
    if (options.progress) options.progress("reading " + f);
    VANBAN_RETURN_IF_ERROR(counter.ReadFile(f));
  }
  VANBAN_RETURN_IF_ERROR(counter.Finish());
  return counter.Write();
}

}  // namespace vanban
