// vanban train-channel: learn the OCR channel table from clean<TAB>ocr pairs.
// vanban channel-eval (hidden): measure a channel table on held-out pairs.
#include <chrono>
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli_io.h"
#include "command.h"
#include "vanban/ocr_channel.h"

namespace vanban::cli {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Reads a file; *.xz through `xz -dc` (the pairs ship compressed).
Result<std::string> ReadMaybeXz(const std::string& path) {
  if (!EndsWith(path, ".xz")) {
    auto in = ReadInput(path);
    if (!in.ok()) return in.status();
    return std::move(in->bytes);
  }
  if (FILE* probe = std::fopen(path.c_str(), "rb")) {
    std::fclose(probe);
  } else {
    return Status::NotFound(path + ": cannot open");
  }
  std::string quoted = "'";
  for (char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  FILE* p = popen(("xz -dc " + quoted).c_str(), "r");
  if (p == nullptr) return Status::IOError(path + ": cannot run xz");
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) data.append(buf, n);
  int rc = pclose(p);
  if (rc != 0) return Status::Corruption(path + ": xz -dc failed");
  return data;
}

struct TrainOptions {
  std::string pairs;
  std::string output = "dictionaries/ocr_channel.tsv";
  int iterations = 3;
  uint64_t min_count = 2;
  bool quiet = false;
};

int RunTrain(const TrainOptions& o) {
  auto t0 = std::chrono::steady_clock::now();
  auto data = ReadMaybeXz(o.pairs);
  if (!data.ok()) return ReportStatus(o.pairs, data.status());
  OcrChannelTrainOptions opts;
  opts.iterations = o.iterations;
  opts.min_count = o.min_count;
  OcrChannelTrainReport rep;
  auto table = TrainOcrChannel(*data, opts, &rep);
  if (!table.ok()) return ReportStatus(o.pairs, table.status());
  auto out = Output::Open(o.output, {o.pairs});
  if (!out.ok()) return ReportStatus(o.output, out.status());
  out->Write(*table);
  int rc = FinishOutput(*out, o.output, kExitOk);
  if (!o.quiet && rc == kExitOk) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr,
                 "vanban: train-channel: %llu lines, %llu clean tokens, %llu token pairs for "
                 "characters, %zu edits; tokens split %llu, merged %llu, dropped %llu, junk %llu; "
                 "%.1f s\n",
                 static_cast<unsigned long long>(rep.lines),
                 static_cast<unsigned long long>(rep.clean_tokens),
                 static_cast<unsigned long long>(rep.char_token_pairs), rep.edits,
                 static_cast<unsigned long long>(rep.split),
                 static_cast<unsigned long long>(rep.merged),
                 static_cast<unsigned long long>(rep.dropped),
                 static_cast<unsigned long long>(rep.inserted), secs);
  }
  return rc;
}

struct EvalOptions {
  std::string channel = "dictionaries/ocr_channel.tsv";
  std::string syllables;
  std::vector<std::string> files;
  size_t top = 15;
  size_t examples = 0;
  double prior_weight = 0.5;
};

int RunEval(const EvalOptions& o) {
  auto table = ReadMaybeXz(o.channel);
  if (!table.ok()) return ReportStatus(o.channel, table.status());
  auto syllables = ReadMaybeXz(o.syllables);
  if (!syllables.ok()) return ReportStatus(o.syllables, syllables.status());
  int rc = kExitOk;
  for (const std::string& path : InputsOrStdin(o.files)) {
    auto tsv = ReadMaybeXz(path);
    if (!tsv.ok()) {
      rc = std::max(rc, ReportStatus(path, tsv.status()));
      continue;
    }
    auto r = EvaluateOcrChannel(*table, *syllables, *tsv, o.top, o.examples, o.prior_weight);
    if (!r.ok()) return ReportStatus(o.channel, r.status());
    auto pct = [](uint64_t a, uint64_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
    std::printf(
        "%s: %llu lines, %llu clean syllables (%.1f%% aligned 1:1; %.1f%% in the inventory of %zu)\n"
        "  raw OCR exact %.1f%% (case-insensitive %.1f%%, equal without marks %.1f%%)\n"
        "  candidate recall@1 %.1f%%, recall@%zu %.1f%% of all syllables (%.1f%% of aligned)\n"
        "  %.1f candidates per token, %.1f us per token uncached (%llu calls)\n",
        path.c_str(), static_cast<unsigned long long>(r->lines),
        static_cast<unsigned long long>(r->syllables), pct(r->matched, r->syllables),
        pct(r->in_inventory, r->syllables), r->inventory_size, pct(r->raw_exact, r->syllables),
        pct(r->raw_exact_nocase, r->syllables), pct(r->raw_stripped, r->syllables),
        pct(r->recall_at_1, r->syllables), o.top, pct(r->recall_at_k, r->syllables),
        pct(r->recall_at_k, r->matched), r->mean_candidates, r->microseconds_per_call,
        static_cast<unsigned long long>(r->candidate_calls));
    if (!r->misses.empty()) std::printf("  misses (clean -> ocr: best candidates):\n%s", r->misses.c_str());
  }
  return rc;
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "train-channel", "Learn the OCR channel table from clean/OCR line pairs",
    R"(Examples:
  vanban train-channel --pairs dictionaries/ocr_pairs.tsv.xz --out dictionaries/ocr_channel.tsv
  dictionaries/retrain.sh build/cmd/vanban      (the whole retraining, see dictionaries/OCR.md))",
    92, [](CLI::App& app) {
      auto o = std::make_shared<TrainOptions>();
      app.add_option("--pairs", o->pairs, "clean<TAB>ocr lines (.xz read through xz -dc)")
          ->type_name("FILE")
          ->required();
      app.add_option("--out,-o", o->output, "Table to write")->type_name("FILE")->capture_default_str();
      app.add_option("--iterations", o->iterations, "Character alignments (1 + re-estimations)")
          ->type_name("N")
          ->capture_default_str()
          ->check(CLI::Range(1, 10));
      app.add_option("--min-count", o->min_count, "Leave out rarer edits")->type_name("N")->capture_default_str();
      app.add_flag("-q,--quiet", o->quiet, "No summary on stderr");
      return RunFn([o] { return RunTrain(*o); });
    }});

VANBAN_REGISTER_COMMAND(Command{
    "channel-eval", "Measure the OCR channel on held-out clean/OCR pairs",
    R"(Examples:
  vanban channel-eval --syllables syllables.tsv bench/data/ocr_scan.tsv bench/data/ocr_badscan.tsv)",
    93,
    [](CLI::App& app) {
      auto o = std::make_shared<EvalOptions>();
      AddInputFiles(app, &o->files);
      app.add_option("--channel", o->channel, "Channel table")->type_name("FILE")->capture_default_str();
      app.add_option("--syllables", o->syllables,
                     "Candidate inventory: syllable[<TAB>count] per line")
          ->type_name("FILE")
          ->required();
      app.add_option("--prior-weight", o->prior_weight, "Weight of the unigram prior")
          ->type_name("NUMBER")
          ->capture_default_str();
      app.add_option("--top,-k", o->top, "Candidates per token")->type_name("N")->capture_default_str();
      app.add_option("--examples", o->examples, "Print N misses")->type_name("N");
      return RunFn([o] { return RunEval(*o); });
    },
    /*hidden=*/true});

}  // namespace vanban::cli
