// The project-wide held-out rule: a document's bucket is FNV-1a 64 of its name mod 100;
// 0-3 test, 4-5 dev, 6-99 train.
#ifndef VANBAN_TRAIN_CORPUS_SPLIT_H_
#define VANBAN_TRAIN_CORPUS_SPLIT_H_

#include <cstdint>
#include <string_view>

namespace vanban::internal {

inline uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

enum class Bucket { kTest, kDev, kTrain };

// |header| is a whole "@@@ NAME" line (trailing whitespace allowed).
inline Bucket BucketOfDocument(std::string_view header) {
  std::string_view name = header.substr(header.size() >= 4 ? 4 : header.size());
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == '\r' ||
                           name.back() == '\n'))
    name.remove_suffix(1);
  uint64_t b = Fnv1a64(name) % 100;
  return b < 4 ? Bucket::kTest : b < 6 ? Bucket::kDev : Bucket::kTrain;
}

inline bool IsDocumentHeader(std::string_view line) { return line.substr(0, 4) == "@@@ "; }

}  // namespace vanban::internal

#endif  // VANBAN_TRAIN_CORPUS_SPLIT_H_
