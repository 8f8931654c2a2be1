// On-disk layout of vanban.model (see docs/model-format.md). All integers and
// floats little-endian, every section 8-byte aligned.
#ifndef VANBAN_MODEL_MODEL_FORMAT_H_
#define VANBAN_MODEL_MODEL_FORMAT_H_

#include <cstddef>
#include <cstdint>

namespace vanban::internal {

inline constexpr char kModelMagic[8] = {'V', 'A', 'N', 'B', 'A', 'N', 'L', 'M'};
inline constexpr uint32_t kModelFormatVersion = 7;
inline constexpr int kMaxOrder = 4;
inline constexpr int kBitsPerWord = 16;
// Readings most likely to follow / precede each word (by bigram), 0-padded.
inline constexpr int kNeighbours = 16;

enum SectionId : uint32_t {
  kSectionVocabOffsets = 0,  // uint32[vocab_size + 1]: string i is [off[i], off[i+1])
  kSectionVocabStrings,      // bytes
  kSectionUnigrams,          // UnigramEntry[vocab_size]
  kSectionBigrams,           // ProbingHeader + NgramEntry[buckets]
  kSectionTrigrams,
  kSectionFourgrams,
  kSectionCandidateIndex,    // ProbingHeader + CandidateRef[buckets]
  kSectionCandidateLists,    // CandidateItem[]
  kSectionSymbolParts,       // text: "key\tFORM\n" lines
  kSectionOcrChannel,        // text: dictionaries/ocr_channel.tsv as is (may be empty)
  kSectionNeighbours,        // uint16[vocab_size][2 * kNeighbours]: likeliest next, previous readings
  kSectionNamePairs,         // place names: uint64 n, NamePair[n] by (first, second), NamePair[n] by (second, first)
  kSectionConfidence,        // text: dictionaries/confidence.tsv as is (may be empty)
  kSectionPersonPairs,       // as kSectionNamePairs, for personal names (person_names.txt)
  kSectionPlaceMerges,       // text: place_merges.txt's lines behind their commune's key, sorted (place_merges.h)
  kSectionRarePersonPairs,   // as kSectionNamePairs, for rarer surnames (person_names_rare.txt)
  kSectionSurnames,          // uint32[]: the word ids of surnames.txt, sorted
  kNumSections,
};

struct SectionEntry {
  uint64_t offset;
  uint64_t size;
  uint64_t checksum;  // Checksum64 of the section bytes
};

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t order;
  float sanity_zero;       // 0.0f: catches float format surprises
  float sanity_one;        // 1.0f
  float sanity_minus_half; // -0.5f
  uint32_t section_count;  // kNumSections
  uint64_t sanity_u64;     // 1: catches byte order
  uint64_t file_size;
  uint32_t vocab_size;     // ids 0..vocab_size-1; id 0 is unused
  uint32_t bos, eos, unk, num;
  uint32_t reserved;
  uint64_t header_checksum;  // Checksum64 of this header with this field zero, and the section table
  SectionEntry sections[kNumSections];
};
static_assert(sizeof(FileHeader) % 8 == 0);

struct UnigramEntry {
  float logprob;  // log10
  float backoff;  // log10
};

struct ProbingHeader {
  uint64_t buckets;  // > entries; 1.5 x entries when built
  uint64_t entries;
};

// Home bucket of a mixed hash: multiply-shift onto [0, buckets) ("fastrange").
__extension__ typedef unsigned __int128 Uint128;  // GCC/Clang; __extension__ keeps -Wpedantic quiet
inline uint64_t HomeBucket(uint64_t mixed, uint64_t buckets) {
  return static_cast<uint64_t>((static_cast<Uint128>(mixed) * buckets) >> 64);
}

struct NgramEntry {
  uint64_t key;  // word ids, 16 bits each, oldest word in the high bits; 0 = empty
  float logprob;
  float backoff;
};
static_assert(sizeof(NgramEntry) == 16);

// Two syllables in a row of a place name of the gazetteer (dictionaries/place_names.txt),
// as lower-case word ids: "Nghi Dương" gives (nghi, dương).
struct NamePair {
  uint32_t first;
  uint32_t second;
};

struct CandidateRef {
  uint64_t hash;  // KeyHash of the diacritic-free key; 0 = empty
  uint32_t begin; // index into the candidate lists
  uint32_t count;
};

struct CandidateItem {
  uint32_t id;
  float logprior;     // log10 unigram frequency
  float cap_bonus;    // log10 P(reading | key, capitalised mid-sentence) / P(reading | key)
  uint32_t flags;     // kNameOnlyReading, or 0
};
// A syllable only a name has ("Kôn" of Sông Kôn): a reading of its own spelling, but no
// reading the OCR search proposes for other spellings, nor a neighbour the context offers.
inline constexpr uint32_t kNameOnlyReading = 1;

// Frozen mixing function for the probing tables (splitmix64 finalizer).
inline uint64_t MixKey(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// FNV-1a 64 of the key string, never 0.
inline uint64_t KeyHash(const char* s, size_t n) {
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(s[i]);
    h *= 1099511628211ull;
  }
  return h == 0 ? 1 : h;
}

// Fast 64-bit checksum (four multiply-rotate lanes over 8-byte words).
uint64_t Checksum64(const void* data, size_t size);

}  // namespace vanban::internal

#endif  // VANBAN_MODEL_MODEL_FORMAT_H_
