// `vanban build-model`: compile the text sources in dictionaries/ into vanban.model.
#include <chrono>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli_io.h"
#include "command.h"
#include "vanban/model.h"

namespace vanban::cli {
namespace {

struct Options {
  std::string dict_dir = "dictionaries";
  std::string output = "vanban.model";
  bool quiet = false;
};

int Run(const Options& o) {
  auto t0 = std::chrono::steady_clock::now();
  BuildModelStats stats;
  auto out = Output::Open(o.output, {o.dict_dir});
  if (!out.ok()) return ReportStatus(o.output, out.status());
  Status st = BuildModel(o.dict_dir, [&out](std::string_view bytes) {
    out->Write(bytes);
    return Status::Ok();
  }, &stats);
  if (!st.ok()) {
    out->Abandon();
    return ReportStatus(o.dict_dir, st);
  }
  if (int rc = FinishOutput(*out, o.output, kExitOk); rc != kExitOk) return rc;
  if (!o.quiet) {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string orders;
    for (size_t i = 0; i < stats.ngrams.size(); ++i) orders += fmt::format("{}{}-grams {}", i ? ", " : "", i + 1, stats.ngrams[i]);
    fmt::print(stderr, "vanban build-model: {} ({:.1f} MB, {}; {} candidate keys) in {:.1f} s\n", o.output,
               static_cast<double>(stats.bytes) / 1e6, orders, stats.candidate_keys, s);
  }
  return kExitOk;
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "build-model", "Compile dictionaries/ into the binary restoration model",
    "Examples:\n"
    "  vanban build-model dictionaries -o build/vanban.model\n"
    "  VANBAN_MODEL=build/vanban.model vanban restore stripped.txt",
    81,
    [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      app.add_option("DIR", o->dict_dir, "Directory with vocab.tsv, counts.tsv, ngrams-N.txt.xz (default: dictionaries)")
          ->type_name("DIR");
      app.add_option("-o,--output", o->output, "Model file to write (default: vanban.model)")->type_name("FILE");
      app.add_flag("-q,--quiet", o->quiet, "No summary line");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
