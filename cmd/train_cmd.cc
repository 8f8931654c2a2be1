// `vanban train`: count n-grams of a corpus into the text sources under dictionaries/.
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli_io.h"
#include "command.h"
#include "vanban/model.h"

namespace vanban::cli {
namespace {

struct Options {
  std::string corpus;
  std::vector<std::string> files;
  std::string out = "dictionaries";
  int order = 4;
  std::string min_counts = "2,1,2,2";
  size_t max_docs = 0;
  bool quiet = false;
};

int Run(const Options& o) {
  TrainOptions t;
  t.corpus_dir = o.corpus;
  t.files = o.files;
  t.out_dir = o.out;
  t.order = o.order;
  t.max_docs_per_file = o.max_docs;
  t.min_counts.clear();
  std::stringstream ss(o.min_counts);
  std::string item;
  while (std::getline(ss, item, ',')) {
    try {
      t.min_counts.push_back(static_cast<uint32_t>(std::stoul(item)));
    } catch (...) {
      PrintError("--min-counts", 0, "expected numbers like 2,1,2,2");
      return kExitUsage;
    }
  }
  if (!o.quiet) t.progress = [](std::string_view s) { std::fprintf(stderr, "vanban train: %.*s\n",
                                                                    static_cast<int>(s.size()), s.data()); };
  if (t.corpus_dir.empty() && t.files.empty()) {
    PrintError("train", 0, "give --corpus DIR or corpus files");
    return kExitUsage;
  }
  Status st = TrainDictionaries(t);
  if (!st.ok()) return ReportStatus(o.corpus, st);
  return kExitOk;
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "train", "Count syllable n-grams of a corpus into dictionaries/ (model sources)",
    "Only documents in the train bucket (FNV-1a of the name mod 100 >= 6) are read.\n"
    "Examples:\n"
    "  vanban train --corpus /work/shared/corpus --out dictionaries\n"
    "  vanban train --max-docs 20 --out /tmp/dict /work/shared/corpus/legal-laws.txt.xz",
    80,
    [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      app.add_option("FILE", o->files, "Corpus files (*.txt.xz) instead of --corpus");
      app.add_option("--corpus", o->corpus, "Directory of *.txt.xz corpus files")->type_name("DIR");
      app.add_option("--out", o->out, "Output directory (default: dictionaries)")->type_name("DIR");
      app.add_option("--order", o->order, "Highest n-gram order, 1-4 (default 4)")->type_name("N");
      app.add_option("--min-counts", o->min_counts,
                     "Minimum count per order, comma-separated (default 2,1,2,2)")
          ->type_name("LIST");
      app.add_option("--max-docs", o->max_docs, "Read at most N documents per file (0 = all)")->type_name("N");
      app.add_flag("-q,--quiet", o->quiet, "No progress lines");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
