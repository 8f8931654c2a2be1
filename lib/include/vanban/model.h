// The restoration model: a syllable n-gram language model (modified Kneser-Ney,
// backoff form) plus a candidate index from diacritic-free forms to syllables.
//
// Life cycle: `vanban train` counts n-grams from a corpus into text sources under
// dictionaries/ (TrainDictionaries), `vanban build-model` compiles them into one
// binary file (BuildModel, format in docs/model-format.md), and Model::Load maps
// that file read-only. A loaded Model is immutable and safe to share between threads.
#ifndef VANBAN_MODEL_H_
#define VANBAN_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/status.h"

namespace vanban {

namespace internal {
class ModelParts;  // the mapped tables and the OCR channel index (lib/src/model/model_parts.h)
}

class Model {
 public:
  // Maps |path| (read() fallback) and validates magic, version, sizes and checksums.
  // A damaged or foreign file is kCorruption; a missing one kNotFound.
  static Result<std::shared_ptr<const Model>> Load(const std::string& path);
  // Validates and copies |bytes| (tests, fuzzing).
  static Result<std::shared_ptr<const Model>> LoadFromBuffer(std::string_view bytes);

  // Where the CLI looks when no --model is given: $VANBAN_MODEL, then the model
  // next to the build tree, then the installed one. Returns the first that exists,
  // or the install path if none does (so the error message names it).
  static std::string DefaultPath();
  // The candidates in DefaultPath() order, for error hints.
  static std::vector<std::string> SearchPath();

  ~Model();
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  int order() const;
  size_t vocabulary_size() const;
  // Number of n-grams stored per order (index 0 = unigrams).
  std::vector<uint64_t> ngram_counts() const;
  size_t file_size() const;
  uint32_t format_version() const;

  // log10 P(words.back() | preceding words), lower-case syllables ("<s>" allowed first).
  double LogProb(const std::vector<std::string>& words) const;

  // True when the model carries a learned OCR channel (dictionaries/ocr_channel.tsv).
  bool has_ocr_channel() const;

  // The library's own stages read the tables through this; the type is opaque
  // outside the library, so the file format can change without breaking users.
  const internal::ModelParts& parts() const { return *parts_; }

 private:
  explicit Model(std::unique_ptr<const internal::ModelParts> parts);
  static Result<std::shared_ptr<const Model>> Adopt(Result<std::unique_ptr<const internal::ModelParts>> parts);
  std::unique_ptr<const internal::ModelParts> parts_;
};

struct TrainOptions {
  std::string corpus_dir;           // *.txt.xz files, streamed through xzcat
  std::vector<std::string> files;   // explicit files instead of the whole directory
  std::string out_dir;              // dictionaries/
  int order = 4;
  // Minimum count to keep an n-gram, per order (index 0 = unigrams).
  std::vector<uint32_t> min_counts = {2, 1, 2, 2};
  // Only read this many documents per file (0 = all); for quick experiments.
  size_t max_docs_per_file = 0;
  std::function<void(std::string_view)> progress;  // status lines, may be empty
};

// Counts n-grams of the train bucket of the corpus and writes the text sources
// (vocab.tsv, ngrams-N.txt.xz, counts.tsv, symbol_parts.tsv) into out_dir.
Status TrainDictionaries(const TrainOptions& options);

struct BuildModelStats {
  std::vector<uint64_t> ngrams;  // per order
  size_t vocabulary = 0;
  size_t candidate_keys = 0;
  size_t bytes = 0;
};

// Compiles the text sources in |dict_dir| into the binary model at |out_path|
// (written to a temporary file and renamed).
Status BuildModel(const std::string& dict_dir, const std::string& out_path,
                  BuildModelStats* stats = nullptr);
// The same, handing the model's bytes in order to |write| (the CLI's output file); an
// error from |write| stops the build and is returned.
Status BuildModel(const std::string& dict_dir, const std::function<Status(std::string_view)>& write,
                  BuildModelStats* stats = nullptr);

}  // namespace vanban

#endif  // VANBAN_MODEL_H_
