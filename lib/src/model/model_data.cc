#include "model/model_data.h"

#include <algorithm>
#include <charconv>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vanban::internal {
namespace {

Status Bad(const std::string& what) { return Status::Corruption("bad model file: " + what); }

// The entry of |key| in an n-gram table of |buckets| (linear probing from its home
// bucket), or null. Inline in Score: every miss of the search's cache asks it per order.
inline const NgramEntry* FindEntry(const NgramEntry* entries, uint64_t buckets, uint64_t key) {
  uint64_t i = HomeBucket(MixKey(key), buckets);
  for (uint64_t probes = 0; probes < buckets; ++probes) {
    const NgramEntry& e = entries[i];
    if (e.key == key) return &e;
    if (e.key == 0) return nullptr;
    i = i + 1 == buckets ? 0 : i + 1;
  }
  return nullptr;
}

}  // namespace

ModelData::~ModelData() {
  if (map_ != nullptr) munmap(map_, size_);
}

Result<std::unique_ptr<ModelData>> ModelData::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such model file");
    return Status::IOError(path + ": " + std::strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::IOError(path + ": " + std::strerror(errno));
  }
  std::unique_ptr<ModelData> m(new ModelData());
  m->size_ = static_cast<size_t>(st.st_size);
  if (m->size_ < sizeof(FileHeader)) {
    ::close(fd);
    return Bad(path + ": too small");
  }
  void* p = mmap(nullptr, m->size_, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p != MAP_FAILED) {
    m->map_ = p;
    m->base_ = static_cast<const unsigned char*>(p);
  } else {
    // read() fallback, into an 8-byte aligned buffer.
    m->copy_.reset(new (std::nothrow) uint64_t[(m->size_ + 7) / 8]);
    if (!m->copy_) {
      ::close(fd);
      return Status::IOError(path + ": out of memory");
    }
    auto* dst = reinterpret_cast<unsigned char*>(m->copy_.get());
    size_t done = 0;
    while (done < m->size_) {
      ssize_t r = ::read(fd, dst + done, m->size_ - done);
      if (r <= 0) {
        ::close(fd);
        return Status::IOError(path + ": read failed");
      }
      done += static_cast<size_t>(r);
    }
    m->base_ = dst;
  }
  ::close(fd);
  Status s = m->Validate();
  if (!s.ok()) return Status(s.code(), path + ": " + s.message());
  return m;
}

Result<std::unique_ptr<ModelData>> ModelData::FromBuffer(std::string_view bytes) {
  std::unique_ptr<ModelData> m(new ModelData());
  m->size_ = bytes.size();
  if (m->size_ < sizeof(FileHeader)) return Bad("too small");
  m->copy_.reset(new uint64_t[(m->size_ + 7) / 8]);
  std::memcpy(m->copy_.get(), bytes.data(), bytes.size());
  m->base_ = reinterpret_cast<const unsigned char*>(m->copy_.get());
  VANBAN_RETURN_IF_ERROR(m->Validate());
  return m;
}

Status ModelData::Validate() {
  header_ = reinterpret_cast<const FileHeader*>(base_);
  const FileHeader& h = *header_;
  if (std::memcmp(h.magic, kModelMagic, 8) != 0) return Bad("not a vanban model (bad magic)");
  if (h.version != kModelFormatVersion)
    return Bad("format version " + std::to_string(h.version) + ", expected " +
               std::to_string(kModelFormatVersion) + "; rebuild it with 'vanban build-model'");
  if (h.sanity_zero != 0.0f || h.sanity_one != 1.0f || h.sanity_minus_half != -0.5f || h.sanity_u64 != 1)
    return Bad("sanity block mismatch (different float format or byte order)");
  if (h.file_size != size_) return Bad("size " + std::to_string(size_) + " differs from header (truncated?)");
  if (h.section_count != kNumSections) return Bad("section count");
  FileHeader copy = h;
  copy.header_checksum = 0;
  if (Checksum64(&copy, sizeof copy) != h.header_checksum) return Bad("header checksum");
  if (h.order < 1 || h.order > static_cast<uint32_t>(kMaxOrder)) return Bad("order");
  for (uint32_t i = 0; i < kNumSections; ++i) {
    const SectionEntry& s = h.sections[i];
    if (s.offset % 8 != 0 || s.offset < sizeof(FileHeader) || s.offset > size_ || s.size > size_ - s.offset)
      return Bad("section " + std::to_string(i) + " out of bounds");
    if (Checksum64(base_ + s.offset, s.size) != s.checksum)
      return Bad("checksum mismatch in section " + std::to_string(i));
  }
  auto sec = [&](SectionId id) { return base_ + h.sections[id].offset; };
  auto sec_size = [&](SectionId id) { return h.sections[id].size; };
  const uint64_t v = h.vocab_size;
  if (v < 2 || v > (1u << kBitsPerWord)) return Bad("vocabulary size");
  if (h.bos >= v || h.eos >= v || h.unk >= v || h.num >= v) return Bad("special ids");
  if (sec_size(kSectionVocabOffsets) != (v + 1) * 4) return Bad("vocabulary offsets size");
  offsets_ = reinterpret_cast<const uint32_t*>(sec(kSectionVocabOffsets));
  strings_ = reinterpret_cast<const char*>(sec(kSectionVocabStrings));
  if (offsets_[0] != 0 || offsets_[v] != sec_size(kSectionVocabStrings)) return Bad("vocabulary strings");
  for (uint64_t i = 0; i < v; ++i) {
    if (offsets_[i] > offsets_[i + 1]) return Bad("vocabulary offsets");
  }
  if (sec_size(kSectionUnigrams) != v * sizeof(UnigramEntry)) return Bad("unigram section size");
  unigrams_ = reinterpret_cast<const UnigramEntry*>(sec(kSectionUnigrams));
  for (int n = 2; n <= kMaxOrder; ++n) {
    SectionId id = static_cast<SectionId>(kSectionBigrams + n - 2);
    if (n > static_cast<int>(h.order)) {
      if (sec_size(id) != 0) return Bad("unexpected n-gram section");
      continue;
    }
    if (sec_size(id) < sizeof(ProbingHeader)) return Bad("n-gram section size");
    const auto* ph = reinterpret_cast<const ProbingHeader*>(sec(id));
    if (ph->entries >= ph->buckets || ph->buckets > (uint64_t{1} << 40) ||
        sec_size(id) != sizeof(ProbingHeader) + ph->buckets * sizeof(NgramEntry))
      return Bad("n-gram table layout");
    tables_[n] = {reinterpret_cast<const NgramEntry*>(sec(id) + sizeof(ProbingHeader)), ph->buckets,
                  ph->entries};
  }
  if (sec_size(kSectionCandidateIndex) < sizeof(ProbingHeader)) return Bad("candidate index size");
  const auto* ch = reinterpret_cast<const ProbingHeader*>(sec(kSectionCandidateIndex));
  if (ch->entries >= ch->buckets || ch->buckets > (uint64_t{1} << 40) ||
      sec_size(kSectionCandidateIndex) != sizeof(ProbingHeader) + ch->buckets * sizeof(CandidateRef))
    return Bad("candidate index layout");
  cand_refs_ = reinterpret_cast<const CandidateRef*>(sec(kSectionCandidateIndex) + sizeof(ProbingHeader));
  cand_buckets_ = ch->buckets;
  if (sec_size(kSectionCandidateLists) % sizeof(CandidateItem) != 0) return Bad("candidate list size");
  cand_items_ = reinterpret_cast<const CandidateItem*>(sec(kSectionCandidateLists));
  const uint64_t items = sec_size(kSectionCandidateLists) / sizeof(CandidateItem);
  for (uint64_t i = 0; i < ch->buckets; ++i) {
    const CandidateRef& r = cand_refs_[i];
    if (r.hash != 0 && (r.begin > items || r.count > items - r.begin)) return Bad("candidate reference");
  }
  for (uint64_t i = 0; i < items; ++i) {
    if (cand_items_[i].id >= v) return Bad("candidate id");
  }
  word_ids_.reserve(v);
  for (uint32_t i = 1; i < v; ++i) word_ids_.emplace(Word(i), i);
  std::string_view parts(reinterpret_cast<const char*>(sec(kSectionSymbolParts)), sec_size(kSectionSymbolParts));
  while (!parts.empty()) {
    size_t nl = parts.find('\n');
    std::string_view line = parts.substr(0, nl);
    parts.remove_prefix(nl == std::string_view::npos ? parts.size() : nl + 1);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return Bad("symbol parts");
    size_t tab2 = line.find('\t', tab + 1);
    if (tab2 == std::string_view::npos) return Bad("symbol parts");
    uint64_t count = 0;
    auto r = std::from_chars(line.data() + tab2 + 1, line.data() + line.size(), count);
    if (r.ec != std::errc() || r.ptr != line.data() + line.size()) return Bad("symbol part count");
    symbol_parts_.emplace(line.substr(0, tab), SymbolPartEntry{line.substr(tab + 1, tab2 - tab - 1), count});
  }
  channel_table_ = std::string_view(reinterpret_cast<const char*>(sec(kSectionOcrChannel)),
                                    sec_size(kSectionOcrChannel));
  confidence_table_ = std::string_view(reinterpret_cast<const char*>(sec(kSectionConfidence)),
                                       sec_size(kSectionConfidence));
  if (sec_size(kSectionSurnames) % sizeof(uint32_t) != 0) return Bad("surname section size");
  surnames_ = std::span<const uint32_t>(reinterpret_cast<const uint32_t*>(sec(kSectionSurnames)),
                                        sec_size(kSectionSurnames) / sizeof(uint32_t));
  for (size_t i = 0; i < surnames_.size(); ++i) {
    if (surnames_[i] >= v || (i > 0 && surnames_[i - 1] >= surnames_[i])) return Bad("surname ids");
  }
  place_merges_ = std::string_view(reinterpret_cast<const char*>(sec(kSectionPlaceMerges)),
                                   sec_size(kSectionPlaceMerges));
  if (sec_size(kSectionNeighbours) != v * 2 * kNeighbours * sizeof(uint16_t)) return Bad("neighbour table size");
  neighbours_ = reinterpret_cast<const uint16_t*>(sec(kSectionNeighbours));
  for (uint64_t i = 0; i < v * 2 * kNeighbours; ++i) {
    if (neighbours_[i] >= v) return Bad("neighbour id");
  }
  for (auto [section, pairs] : {std::pair{kSectionNamePairs, &places_}, std::pair{kSectionPersonPairs, &people_},
                                std::pair{kSectionRarePersonPairs, &rare_people_}}) {
    const uint64_t names_size = sec_size(section);
    if (names_size < sizeof(uint64_t)) return Bad("name pair section size");
    uint64_t names = 0;
    std::memcpy(&names, sec(section), sizeof names);
    if (names > names_size / (2 * sizeof(NamePair)) || names_size != sizeof names + 2 * names * sizeof(NamePair) ||
        names > UINT32_MAX)
      return Bad("name pair section size");
    const auto* data = reinterpret_cast<const NamePair*>(sec(section) + sizeof names);
    pairs->by_first = std::span<const NamePair>(data, names);
    pairs->by_second = std::span<const NamePair>(data + names, names);
    for (uint64_t i = 0; i < names; ++i) {
      const NamePair& a = pairs->by_first[i];
      const NamePair& b = pairs->by_second[i];
      if (a.first >= v || a.second >= v || b.first >= v || b.second >= v) return Bad("name pair id");
      // Sorted, so each word's pairs are one run.
      if (i > 0 && (pairs->by_first[i - 1].first > a.first || pairs->by_second[i - 1].second > b.second))
        return Bad("name pair order");
    }
    // runs[w] = the number of pairs of words below w: a count per word, then summed.
    auto runs = [&](auto word_of, std::span<const NamePair> sorted, std::vector<uint32_t>* out) {
      out->assign(v + 1, 0);
      for (const NamePair& p : sorted) ++(*out)[word_of(p) + 1];
      for (uint64_t w = 0; w < v; ++w) (*out)[w + 1] += (*out)[w];
    };
    runs([](const NamePair& p) { return p.first; }, pairs->by_first, &pairs->first_runs);
    runs([](const NamePair& p) { return p.second; }, pairs->by_second, &pairs->second_runs);
  }
  return Status::Ok();
}

std::span<const NamePair> ModelData::NamePairs::After(uint32_t w) const {
  if (w + 1 >= first_runs.size()) return {};
  return by_first.subspan(first_runs[w], first_runs[w + 1] - first_runs[w]);
}

std::span<const NamePair> ModelData::NamePairs::Before(uint32_t w) const {
  if (w + 1 >= second_runs.size()) return {};
  return by_second.subspan(second_runs[w], second_runs[w + 1] - second_runs[w]);
}

bool ModelData::NamePairs::Has(uint32_t a, uint32_t b) const {
  for (const NamePair& p : After(a))
    if (p.second == b) return true;
  return false;
}

uint64_t ModelData::ngram_count(int n) const {
  if (n == 1) return vocab_size() - 1;
  if (n < 2 || n > order()) return 0;
  return tables_[n].count;
}

std::span<const CandidateItem> ModelData::Candidates(std::string_view key) const {
  uint64_t h = KeyHash(key.data(), key.size());
  uint64_t i = HomeBucket(MixKey(h), cand_buckets_);
  for (uint64_t probes = 0; probes < cand_buckets_; ++probes) {
    const CandidateRef& r = cand_refs_[i];
    if (r.hash == h) return {cand_items_ + r.begin, r.count};
    if (r.hash == 0) break;
    i = i + 1 == cand_buckets_ ? 0 : i + 1;
  }
  return {};
}

LmState ModelData::BeginState() const {
  LmState s;
  s.words[0] = static_cast<uint16_t>(bos());
  s.bo[0] = unigrams_[bos()].backoff;
  s.len = order() > 1 ? 1 : 0;
  return s;
}

float ModelData::Score(const LmState& in, uint32_t w, LmState* out) const {
  if (w == 0 || w >= vocab_size()) w = unk();
  float prob = unigrams_[w].logprob;
  const int max_ctx = order() - 1;
  LmState next;
  next.bo[0] = unigrams_[w].backoff;
  int matched = 0;
  // The n-gram tables are far larger than the caches: ask for every order's home
  // bucket at once, so the memory reads overlap instead of queueing one after another.
  Prefetch(in, w);
  uint64_t key = w;
  for (int k = 1; k <= in.len; ++k) {
    key |= static_cast<uint64_t>(in.words[in.len - k]) << (kBitsPerWord * k);
    const Table& t = tables_[k + 1];
    const NgramEntry* e = FindEntry(t.entries, t.buckets, key);
    if (e == nullptr) break;
    prob = e->logprob;
    matched = k;
    if (k < 3) next.bo[k] = e->backoff;
  }
  for (int j = matched; j < in.len; ++j) prob += in.bo[j];
  // The new context: the newest max_ctx words.
  int keep = in.len + 1 > max_ctx ? max_ctx : in.len + 1;
  // Words oldest first: drop from the front of in.words.
  int from_in = keep - 1;
  for (int i = 0; i < from_in; ++i) next.words[i] = in.words[in.len - from_in + i];
  if (keep > 0) next.words[keep - 1] = static_cast<uint16_t>(w);
  // bo[k] refers to the newest k+1 words; entries beyond a miss stay 0 (as |next| began).
  next.len = static_cast<uint8_t>(keep);
  // Right-state minimisation (as in KenLM): a context with no extensions has
  // backoff 0 and is never matched, so its oldest word cannot change any later
  // score; dropping it lets the decoder merge more hypotheses.
  while (next.len > 0 && next.bo[next.len - 1] == 0.0f) {
    for (int i = 0; i + 1 < next.len; ++i) next.words[i] = next.words[i + 1];
    next.words[next.len - 1] = 0;
    --next.len;
  }
  *out = next;
  return prob;
}

}  // namespace vanban::internal
