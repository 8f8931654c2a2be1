// `vanban build-model`: modified Kneser-Ney estimation from the counts in
// dictionaries/ and serialisation into the binary model (docs/model-format.md).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "channel/ocr_channel.h"
#include "model/model_format.h"
#include "model/place_merges.h"
#include "model/shell_quote.h"
#include "text/viet_chars.h"
#include "vanban/model.h"
#include "vanban/text.h"

namespace vanban {
namespace {

using internal::CandidateItem;
using internal::CandidateRef;
using internal::kBitsPerWord;
using internal::NgramEntry;
using internal::ProbingHeader;
using internal::ShellQuote;

struct Gram {
  uint64_t key;
  uint32_t count;
  float logprob = 0;
  float backoff = 0;
};

struct Discounts {
  double d[4] = {0, 0.5, 1.0, 1.5};  // by count 1, 2, 3+
  double For(uint32_t c) const { return c >= 3 ? d[3] : d[c]; }
};

bool IsWellFormedReading(const std::string& w) {
  return IsExactVietnameseSyllable(w) &&
         (NormalizeTonePlacement(w, ToneStyle::kOld) == w || NormalizeTonePlacement(w, ToneStyle::kNew) == w);
}

Status ReadFileText(const std::filesystem::path& p, std::string* out) {
  FILE* f = std::fopen(p.string().c_str(), "rb");
  if (f == nullptr) return Status::NotFound("cannot open " + p.string());
  char buf[1 << 16];
  size_t n;
  out->clear();
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  std::fclose(f);
  return Status::Ok();
}

class Builder {
 public:
  explicit Builder(std::filesystem::path dir) : dir_(std::move(dir)) {}

  Status ReadVocab() {
    std::string text;
    VANBAN_RETURN_IF_ERROR(ReadFileText(dir_ / "vocab.tsv", &text));
    struct VocabLine {
      std::string word;
      uint64_t count, cap;
      bool operator<(const VocabLine& o) const { return word < o.word; }
    };
    std::vector<VocabLine> entries;
    size_t pos = 0, line_no = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string_view line(text.data() + pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      if (line.empty() || line.substr(0, 2) == "# ") continue;
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos || tab == 0)
        return Status::Corruption("vocab.tsv:" + std::to_string(line_no) + ": expected WORD<TAB>COUNT");
      char* end = nullptr;
      uint64_t count = std::strtoull(line.data() + tab + 1, &end, 10);
      uint64_t cap = (end != nullptr && *end == '\t') ? std::strtoull(end + 1, nullptr, 10) : 0;
      entries.push_back({std::string(line.substr(0, tab)), count, cap});
    }
    for (std::string_view s : {"<s>", "</s>", "<unk>", "<num>"}) {
      if (std::none_of(entries.begin(), entries.end(), [&](const auto& e) { return e.word == s; }))
        entries.push_back({std::string(s), 1, 0});
    }
    std::sort(entries.begin(), entries.end());
    if (entries.size() + 1 >= (1u << kBitsPerWord)) return Status::Corruption("vocab.tsv: too many words");
    words_.assign(1, "");
    raw_.assign(1, 0);
    cap_.assign(1, 0);
    for (auto& e : entries) {
      if (!ids_.emplace(e.word, static_cast<uint32_t>(words_.size())).second)
        return Status::Corruption("vocab.tsv: duplicate word " + e.word);
      words_.push_back(e.word);
      raw_.push_back(e.count);
      cap_.push_back(e.cap);
    }
    return Status::Ok();
  }

  Status ReadDiscounts() {
    std::string text;
    VANBAN_RETURN_IF_ERROR(ReadFileText(dir_ / "counts.tsv", &text));
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string line = text.substr(pos, nl - pos);
      pos = nl + 1;
      if (line.empty() || line.substr(0, 2) == "# ") continue;
      unsigned long long n, total, c1, c2, c3, c4;
      if (std::sscanf(line.c_str(), "%llu %llu %llu %llu %llu %llu", &n, &total, &c1, &c2, &c3, &c4) != 6 ||
          n < 1 || n > 4)
        return Status::Corruption("counts.tsv: bad line: " + line);
      order_ = std::max(order_, static_cast<int>(n));
      Discounts& d = discounts_[n];
      if (c1 > 0 && c2 > 0 && c3 > 0 && c4 > 0) {
        // Chen & Goodman's estimates, clamped to sane values.
        double y = static_cast<double>(c1) / (c1 + 2.0 * c2);
        d.d[1] = std::clamp(1 - 2 * y * c2 / c1, 0.05, 0.95);
        d.d[2] = std::clamp(2 - 3 * y * c3 / c2, 0.1, 1.95);
        d.d[3] = std::clamp(3 - 4 * y * c4 / c3, 0.1, 2.95);
      }
    }
    if (order_ < 1) return Status::Corruption("counts.tsv: no orders");
    return Status::Ok();
  }

  Status ReadOrder(int n) {
    // Compressed as shipped, or plain text (small test fixtures).
    std::string path = (dir_ / ("ngrams-" + std::to_string(n) + ".txt.xz")).string();
    std::string cmd = "xzcat -- ";
    if (!std::filesystem::exists(path)) {
      path.resize(path.size() - 3);
      cmd = "cat -- ";
    }
    if (!std::filesystem::exists(path)) return Status::NotFound("missing " + path + "[.xz]");
    FILE* in = popen((cmd + ShellQuote(path)).c_str(), "r");
    if (in == nullptr) return Status::IOError("cannot run xzcat");
    char* buf = nullptr;
    size_t cap = 0;
    ssize_t len;
    size_t line_no = 0;
    std::vector<Gram>& grams = grams_[n];
    Status st;
    while ((len = getline(&buf, &cap, in)) >= 0) {
      ++line_no;
      std::string_view line(buf, static_cast<size_t>(len));
      if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
      size_t tab = line.rfind('\t');
      if (tab == std::string_view::npos) {
        st = Status::Corruption(path + ":" + std::to_string(line_no) + ": no count");
        break;
      }
      uint64_t key = 0;
      int words = 0;
      std::string_view ws = line.substr(0, tab);
      bool bad = false;
      while (!ws.empty()) {
        size_t sp = ws.find(' ');
        std::string_view w = ws.substr(0, sp);
        ws.remove_prefix(sp == std::string_view::npos ? ws.size() : sp + 1);
        auto it = ids_.find(std::string(w));
        if (it == ids_.end()) {
          bad = true;
          break;
        }
        key = (key << kBitsPerWord) | it->second;
        ++words;
      }
      if (bad || words != n) {
        st = Status::Corruption(path + ":" + std::to_string(line_no) + ": unknown word or wrong order");
        break;
      }
      grams.push_back({key, static_cast<uint32_t>(std::strtoul(line.data() + tab + 1, nullptr, 10))});
    }
    free(buf);
    pclose(in);
    VANBAN_RETURN_IF_ERROR(st);
    std::sort(grams.begin(), grams.end(), [](const Gram& a, const Gram& b) { return a.key < b.key; });
    return Status::Ok();
  }

  // Index of |key| in the sorted order-n grams, or -1.
  int64_t Index(int n, uint64_t key) const {
    const auto& g = grams_[n];
    auto it = std::lower_bound(g.begin(), g.end(), key, [](const Gram& a, uint64_t k) { return a.key < k; });
    return (it != g.end() && it->key == key) ? it - g.begin() : -1;
  }

  void Estimate() {
    const size_t v = words_.size();
    // Unigrams: dense over the vocabulary.
    unigram_.assign(v, {0, 0});
    std::vector<uint32_t> adj(v, 0);
    for (const Gram& g : grams_[1]) adj[g.key] = g.count;
    double total = 0, gamma_mass = 0;
    for (size_t i = 1; i < v; ++i) {
      total += adj[i];
      if (adj[i] > 0) gamma_mass += discounts_[1].For(adj[i]);
    }
    if (total <= 0) total = 1;
    const double uniform = 1.0 / static_cast<double>(v - 1);
    for (size_t i = 1; i < v; ++i) {
      double p = std::max(0.0, adj[i] - discounts_[1].For(adj[i])) / total + gamma_mass / total * uniform;
      unigram_[i].logprob = static_cast<float>(std::log10(p));
    }
    unigram_[ids_.at("<s>")].logprob = -99.0f;
    for (int n = 2; n <= order_; ++n) {
      std::vector<Gram>& grams = grams_[n];
      const uint64_t suffix_mask = (uint64_t{1} << (kBitsPerWord * (n - 1))) - 1;
      // Keep only n-grams whose context and suffix exist one order down, so the
      // decoder can stop at the first missing order.
      std::vector<Gram> kept;
      kept.reserve(grams.size());
      for (const Gram& g : grams) {
        uint64_t ctx = g.key >> kBitsPerWord, suf = g.key & suffix_mask;
        if (n == 2 ? (adj[ctx] > 0 || ctx == ids_.at("<s>")) && adj[suf] > 0
                   : Index(n - 1, ctx) >= 0 && Index(n - 1, suf) >= 0)
          kept.push_back(g);
      }
      grams.swap(kept);
      const Discounts& d = discounts_[n];
      for (size_t i = 0; i < grams.size();) {
        uint64_t ctx = grams[i].key >> kBitsPerWord;
        size_t j = i;
        double c = 0, mass = 0;
        for (; j < grams.size() && (grams[j].key >> kBitsPerWord) == ctx; ++j) {
          c += grams[j].count;
          mass += d.For(grams[j].count);
        }
        double gamma = mass / c;
        for (size_t k = i; k < j; ++k) {
          uint64_t suf = grams[k].key & suffix_mask;
          double lower = n == 2 ? std::pow(10.0, unigram_[suf].logprob)
                                : std::pow(10.0, grams_[n - 1][Index(n - 1, suf)].logprob);
          double p = (grams[k].count - d.For(grams[k].count)) / c + gamma * lower;
          grams[k].logprob = static_cast<float>(std::log10(p));
        }
        float bo = static_cast<float>(std::log10(gamma));
        if (n == 2) unigram_[ctx].backoff = bo;
        else grams_[n - 1][Index(n - 1, ctx)].backoff = bo;
        i = j;
      }
    }
  }

  static void AppendTable(const std::vector<Gram>& grams, std::string* out) {
    const uint64_t buckets = grams.size() + grams.size() / 2 + 1;
    ProbingHeader h{buckets, grams.size()};
    out->append(reinterpret_cast<const char*>(&h), sizeof h);
    std::vector<NgramEntry> table(buckets, NgramEntry{0, 0, 0});
    for (const Gram& g : grams) {
      uint64_t i = internal::HomeBucket(internal::MixKey(g.key), buckets);
      while (table[i].key != 0) i = i + 1 == buckets ? 0 : i + 1;
      table[i] = {g.key, g.logprob, g.backoff};
    }
    out->append(reinterpret_cast<const char*>(table.data()), table.size() * sizeof(NgramEntry));
  }

  Status Write(const std::function<Status(std::string_view)>& write, BuildModelStats* stats) {
    std::vector<std::string> sections(internal::kNumSections);
    // Vocabulary.
    std::string& offs = sections[internal::kSectionVocabOffsets];
    std::string& strs = sections[internal::kSectionVocabStrings];
    for (const std::string& w : words_) {
      uint32_t o = static_cast<uint32_t>(strs.size());
      offs.append(reinterpret_cast<const char*>(&o), 4);
      strs += w;
    }
    uint32_t end = static_cast<uint32_t>(strs.size());
    offs.append(reinterpret_cast<const char*>(&end), 4);
    sections[internal::kSectionUnigrams].assign(reinterpret_cast<const char*>(unigram_.data()),
                                                unigram_.size() * sizeof(internal::UnigramEntry));
    for (int n = 2; n <= order_; ++n) AppendTable(grams_[n], &sections[internal::kSectionBigrams + n - 2]);
    // Candidate index: diacritic-free key -> syllables, most frequent first.
    std::map<std::string, std::vector<CandidateItem>> by_key;
    double total = 0;
    for (uint64_t c : raw_) total += static_cast<double>(c);
    std::string key;
    for (uint32_t id = 1; id < words_.size(); ++id) {
      if (!internal::KeyInto(words_[id], &key) || !internal::IsWordKey(key)) continue;
      // Corpus typos ("củả", "taị") stay in the language model but are never offered
      // as a reading: a reading must be a well-formed syllable with its tone where one
      // of the two conventions puts it (single letters are list labels and initials),
      // or a syllable with marks of a gazetteer or personal name ("Kôn" of Sông Kôn,
      // "Đăk": minority languages' names break Vietnamese spelling rules). Such a
      // syllable without marks ("ea", "kon") reads as written anyway, and as a reading
      // it would make OCR specks spelt like it look readable.
      const bool name_only = key.size() > 1 && !IsWellFormedReading(words_[id]);
      if (name_only && !(name_words_.count(id) && internal::HasMarks(words_[id]))) continue;
      by_key[key].push_back({id, static_cast<float>(std::log10((raw_[id] + 0.5) / total)), 0.0f,
                             name_only ? internal::kNameOnlyReading : 0u});
    }
    // Capitalised readings: names and title words prefer other readings
    // ("Đăk", "Hà") than the same key in running text.
    for (auto& [k, list] : by_key) {
      double all = 0, cap = 0;
      for (const CandidateItem& c : list) {
        all += static_cast<double>(raw_[c.id]) + 0.5;
        cap += static_cast<double>(cap_[c.id]) + 0.5;
      }
      for (CandidateItem& c : list) {
        double share_all = (static_cast<double>(raw_[c.id]) + 0.5) / all;
        double share_cap = (static_cast<double>(cap_[c.id]) + 0.5) / cap;
        c.cap_bonus = static_cast<float>(std::log10(share_cap / share_all));
      }
    }
    WriteNeighbours(by_key, &sections[internal::kSectionNeighbours]);
    std::vector<CandidateItem> items;
    std::vector<std::pair<uint64_t, std::pair<uint32_t, uint32_t>>> refs;
    for (auto& [k, list] : by_key) {
      std::stable_sort(list.begin(), list.end(),
                       [](const CandidateItem& a, const CandidateItem& b) { return a.logprior > b.logprior; });
      refs.push_back({internal::KeyHash(k.data(), k.size()),
                      {static_cast<uint32_t>(items.size()), static_cast<uint32_t>(list.size())}});
      items.insert(items.end(), list.begin(), list.end());
    }
    const uint64_t buckets = refs.size() * 2 + 1;
    std::vector<CandidateRef> table(buckets, CandidateRef{0, 0, 0});
    for (const auto& [h, r] : refs) {
      uint64_t i = internal::HomeBucket(internal::MixKey(h), buckets);
      while (table[i].hash != 0) {
        if (table[i].hash == h) return Status::Internal("candidate key hash collision");
        i = i + 1 == buckets ? 0 : i + 1;
      }
      table[i] = {h, r.first, r.second};
    }
    ProbingHeader ch{buckets, refs.size()};
    std::string& ci = sections[internal::kSectionCandidateIndex];
    ci.append(reinterpret_cast<const char*>(&ch), sizeof ch);
    ci.append(reinterpret_cast<const char*>(table.data()), table.size() * sizeof(CandidateRef));
    sections[internal::kSectionCandidateLists].assign(reinterpret_cast<const char*>(items.data()),
                                                      items.size() * sizeof(CandidateItem));
    // Symbol parts.
    std::string text;
    if (ReadFileText(dir_ / "symbol_parts.tsv", &text).ok()) {
      std::string& sp = sections[internal::kSectionSymbolParts];
      size_t pos = 0;
      while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        std::string_view line(text.data() + pos, nl - pos);
        pos = nl + 1;
        if (line.empty() || line.substr(0, 2) == "# ") continue;
        size_t t1 = line.find('\t');
        size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string_view::npos) return Status::Corruption("symbol_parts.tsv: bad line");
        std::string_view count = line.substr(t2 + 1);
        count = count.substr(0, count.find('\t'));
        if (count.empty() || count.find_first_not_of("0123456789") != std::string_view::npos)
          return Status::Corruption("symbol_parts.tsv: bad count");
        sp.append(line.substr(0, t2 + 1 + count.size()));
        sp += '\n';
      }
    }
    // The OCR channel table, stored verbatim; checked here so a bad table fails the build.
    std::string channel;
    if (ReadFileText(dir_ / "ocr_channel.tsv", &channel).ok()) {
      auto parsed = OcrChannel::Load(channel);
      if (!parsed.ok()) return Status::Corruption("ocr_channel.tsv: " + parsed.status().message());
      sections[internal::kSectionOcrChannel] = std::move(channel);
    }
    WriteNamePairs(0, &sections[internal::kSectionNamePairs]);
    WriteNamePairs(1, &sections[internal::kSectionPersonPairs]);
    WriteNamePairs(2, &sections[internal::kSectionRarePersonPairs]);
    VANBAN_RETURN_IF_ERROR(WriteSurnames(&sections[internal::kSectionSurnames]));
    // The confidence calibration, stored verbatim (the restorer parses it; a bad table
    // leaves confidence uncalibrated, see restore/confidence_calibration.h).
    std::string confidence;
    if (ReadFileText(dir_ / "confidence.tsv", &confidence).ok()) {
      if (internal::FirstInvalidUtf8(confidence) != std::string::npos)
        return Status::Corruption("confidence.tsv: not UTF-8");
      sections[internal::kSectionConfidence] = std::move(confidence);
    }
    // The 2025 communes and the old units each absorbed, keyed and sorted by the commune
    // (model/place_merges.h); checked here so a bad table fails the build.
    std::string merges;
    if (ReadFileText(dir_ / "place_merges.txt", &merges).ok()) {
      if (internal::FirstInvalidUtf8(merges) != std::string::npos) return Status::Corruption("place_merges.txt: not UTF-8");
      auto section = internal::PlaceMergesSection(merges);
      if (!section.ok()) return section.status();
      sections[internal::kSectionPlaceMerges] = std::move(*section);
    }
    // Header + sections, 8-byte aligned.
    internal::FileHeader h;
    std::memset(&h, 0, sizeof h);
    std::memcpy(h.magic, internal::kModelMagic, 8);
    h.version = internal::kModelFormatVersion;
    h.order = static_cast<uint32_t>(order_);
    h.sanity_zero = 0.0f;
    h.sanity_one = 1.0f;
    h.sanity_minus_half = -0.5f;
    h.section_count = internal::kNumSections;
    h.sanity_u64 = 1;
    h.vocab_size = static_cast<uint32_t>(words_.size());
    h.bos = ids_.at("<s>");
    h.eos = ids_.at("</s>");
    h.unk = ids_.at("<unk>");
    h.num = ids_.at("<num>");
    uint64_t off = sizeof h;
    for (uint32_t i = 0; i < internal::kNumSections; ++i) {
      h.sections[i] = {off, sections[i].size(), internal::Checksum64(sections[i].data(), sections[i].size())};
      off += (sections[i].size() + 7) / 8 * 8;
    }
    h.file_size = off;
    h.header_checksum = internal::Checksum64(&h, sizeof h);
    VANBAN_RETURN_IF_ERROR(write(std::string_view(reinterpret_cast<const char*>(&h), sizeof h)));
    static const char kZeros[8] = {};
    for (const std::string& s : sections) {
      VANBAN_RETURN_IF_ERROR(write(s));
      VANBAN_RETURN_IF_ERROR(write(std::string_view(kZeros, (8 - s.size() % 8) % 8)));
    }
    if (stats != nullptr) {
      stats->ngrams.assign(1, words_.size() - 1);
      for (int n = 2; n <= order_; ++n) stats->ngrams.push_back(grams_[n].size());
      stats->vocabulary = words_.size() - 1;
      stats->candidate_keys = refs.size();
      stats->bytes = off;
    }
    return Status::Ok();
  }

  int order() const { return order_; }

  // The names of place_names.txt, person_names.txt and person_names_rare.txt (optional:
  // a model without them reads no such names), each as its syllables' ids. A name with a
  // syllable the model does not know is left out: it could not be read anyway.
  Status ReadNames() {
    const char* files[3] = {"place_names.txt", "person_names.txt", "person_names_rare.txt"};
    for (size_t f = 0; f < 3; ++f) {
      std::string text;
      if (!ReadFileText(dir_ / files[f], &text).ok()) continue;
      std::vector<uint32_t> ids;
      std::string lower;
      const std::vector<std::string_view> lines = SplitLines(text);
      for (size_t line_no = 1; line_no <= lines.size(); ++line_no) {
        const std::string_view line = lines[line_no - 1];
        if (line.empty()) continue;
        if (internal::FirstInvalidUtf8(line) != std::string_view::npos)
          return Status::Corruption(std::string(files[f]) + ":" + std::to_string(line_no) + ": not UTF-8");
        ids.clear();
        bool known = true;
        for (size_t b = 0; b < line.size() && known;) {
          size_t e = std::min(line.find(' ', b), line.size());
          internal::LowerInto(line.substr(b, e - b), &lower);
          b = e + 1;
          auto it = ids_.find(lower);
          known = it != ids_.end();
          if (known) ids.push_back(it->second);
        }
        if (!known) continue;
        for (size_t i = 1; i < ids.size(); ++i) names_[f].push_back({ids[i - 1], ids[i]});
        name_words_.insert(ids.begin(), ids.end());
      }
    }
    return Status::Ok();
  }

 private:
  // For every word, the readings most often following it and preceding it in the
  // corpus: what the restorer proposes for an OCR word its channel cannot read. The
  // pair counts come from the highest order's raw counts (the lower orders hold
  // Kneser-Ney continuation counts, which undercount set phrases such as "quyết số").
  void WriteNeighbours(const std::map<std::string, std::vector<CandidateItem>>& by_key, std::string* out) const {
    const size_t v = words_.size();
    constexpr size_t k = internal::kNeighbours;
    std::vector<char> reading(v, 0);
    for (const auto& [key, list] : by_key)
      for (const CandidateItem& c : list) reading[c.id] = key.size() > 1 && !(c.flags & internal::kNameOnlyReading);
    const uint64_t mask = (uint64_t{1} << kBitsPerWord) - 1;
    std::unordered_map<uint64_t, uint64_t> pairs;
    for (const Gram& g : grams_[order_]) pairs[g.key & ((mask << kBitsPerWord) | mask)] += g.count;
    std::vector<std::vector<std::pair<float, uint16_t>>> next(v), prev(v);
    for (const auto& [key, count] : pairs) {
      uint32_t a = static_cast<uint32_t>(key >> kBitsPerWord), b = static_cast<uint32_t>(key & mask);
      if (a >= v || b >= v) continue;
      float c = static_cast<float>(count);
      if (reading[b]) next[a].push_back({c, static_cast<uint16_t>(b)});
      if (reading[a]) prev[b].push_back({c, static_cast<uint16_t>(a)});
    }
    std::vector<uint16_t> table(v * 2 * k, 0);
    auto keep = [&](std::vector<std::pair<float, uint16_t>>& list, uint16_t* dst) {
      size_t n = std::min(k, list.size());
      std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(n), list.end(),
                        [](const auto& x, const auto& y) { return x.first > y.first || (x.first == y.first && x.second < y.second); });
      for (size_t i = 0; i < n; ++i) dst[i] = list[i].second;
    };
    for (size_t w = 0; w < v; ++w) {
      keep(next[w], &table[w * 2 * k]);
      keep(prev[w], &table[w * 2 * k + k]);
    }
    out->assign(reinterpret_cast<const char*>(table.data()), table.size() * sizeof(uint16_t));
  }

  // The model's words of surnames.txt (optional), sorted; one the vocabulary lacks is left
  // out (it could not be read anyway).
  Status WriteSurnames(std::string* out) const {
    std::string text;
    if (!ReadFileText(dir_ / "surnames.txt", &text).ok()) return Status::Ok();
    std::vector<uint32_t> ids;
    std::string lower;
    const std::vector<std::string_view> lines = SplitLines(text);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].empty()) continue;
      if (internal::FirstInvalidUtf8(lines[i]) != std::string_view::npos || lines[i].find(' ') != std::string_view::npos)
        return Status::Corruption("surnames.txt:" + std::to_string(i + 1) + ": expected one word of UTF-8");
      internal::LowerInto(lines[i], &lower);
      auto it = ids_.find(lower);
      if (it != ids_.end()) ids.push_back(it->second);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    out->assign(reinterpret_cast<const char*>(ids.data()), ids.size() * sizeof(uint32_t));
    return Status::Ok();
  }

  // The name pairs of names_[|f|], sorted by first word and again by second.
  void WriteNamePairs(size_t f, std::string* out) const {
    std::vector<internal::NamePair> pairs = names_[f];
    auto by_first = [](const internal::NamePair& x, const internal::NamePair& y) {
      return x.first != y.first ? x.first < y.first : x.second < y.second;
    };
    std::sort(pairs.begin(), pairs.end(), by_first);
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const auto& x, const auto& y) { return x.first == y.first && x.second == y.second; }),
                pairs.end());
    std::vector<internal::NamePair> by_second = pairs;
    std::sort(by_second.begin(), by_second.end(), [](const internal::NamePair& x, const internal::NamePair& y) {
      return x.second != y.second ? x.second < y.second : x.first < y.first;
    });
    const uint64_t n = pairs.size();
    out->assign(reinterpret_cast<const char*>(&n), sizeof n);
    out->append(reinterpret_cast<const char*>(pairs.data()), pairs.size() * sizeof(internal::NamePair));
    out->append(reinterpret_cast<const char*>(by_second.data()), by_second.size() * sizeof(internal::NamePair));
  }

  std::filesystem::path dir_;
  std::vector<std::string> words_;
  std::vector<internal::NamePair> names_[3];  // place_names.txt, person_names.txt, person_names_rare.txt
  std::unordered_set<uint32_t> name_words_;   // every syllable of those names
  std::vector<uint64_t> raw_, cap_;
  std::unordered_map<std::string, uint32_t> ids_;
  int order_ = 0;
  Discounts discounts_[internal::kMaxOrder + 1];
  std::vector<Gram> grams_[internal::kMaxOrder + 1];
  std::vector<internal::UnigramEntry> unigram_;
};

}  // namespace

Status BuildModel(const std::string& dict_dir, const std::function<Status(std::string_view)>& write,
                  BuildModelStats* stats) {
  try {
    Builder b(dict_dir);
    VANBAN_RETURN_IF_ERROR(b.ReadVocab());
    VANBAN_RETURN_IF_ERROR(b.ReadDiscounts());
    VANBAN_RETURN_IF_ERROR(b.ReadNames());
    if (b.order() > internal::kMaxOrder) return Status::Corruption("order above 4");
    for (int n = 1; n <= b.order(); ++n) VANBAN_RETURN_IF_ERROR(b.ReadOrder(n));
    b.Estimate();
    return b.Write(write, stats);
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory building the model");
  } catch (const std::exception& e) {
    return Status::Internal(std::string("building the model: ") + e.what());
  }
}

Status BuildModel(const std::string& dict_dir, const std::string& out_path, BuildModelStats* stats) {
  std::string tmp = out_path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::IOError("cannot write " + tmp);
  Status st = BuildModel(dict_dir, [f](std::string_view bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size()) return Status::Ok();
    return Status::IOError("write failed");
  }, stats);
  const bool closed = std::fclose(f) == 0;
  if (st.ok() && (!closed || std::rename(tmp.c_str(), out_path.c_str()) != 0)) st = Status::IOError("cannot write " + out_path);
  if (!st.ok()) std::remove(tmp.c_str());
  return st;
}

}  // namespace vanban
