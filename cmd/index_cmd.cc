// vanban index: restore, parse and store documents in a searchable SQLite archive.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "cli_io.h"
#include "command.h"
#include "vanban/archive.h"

namespace vanban::cli {
namespace {

struct Options {
  std::vector<std::string> inputs;
  std::string db;
  std::string output = "-";
  int jobs = 0;
  std::string export_format;
  std::string log;
  bool no_restore = false;
  bool fast = false;
  std::string model;
  bool quiet = false;
  bool prune = false;
  size_t batch = 32;
  uint64_t max_size = uint64_t{64} << 20;
  double timeout = 60;
};

std::atomic<bool> g_cancel{false};

extern "C" void OnInterrupt(int) {
  g_cancel.store(true);
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C stops at once; the database stays consistent
  std::signal(SIGTERM, SIG_DFL);
}

std::string Duration(double s) {
  if (s < 90) return fmt::format("{:.0f} s", s);
  if (s < 5400) return fmt::format("{:.0f} min", s / 60);
  return fmt::format("{:.1f} h", s / 3600);
}

void DrawProgress(const IndexProgress& p) {
  double rate = p.elapsed_seconds > 0 ? p.done / p.elapsed_seconds : 0;
  double eta = rate > 0 ? (p.total - p.done) / rate : 0;
  int width = 30;
  int filled = p.total ? static_cast<int>(width * p.done / p.total) : width;
  std::string bar(filled, '#');
  bar.append(width - filled, '.');
  fmt::print(stderr, "\r[{}] {}/{} files  {:.1f} docs/s  ETA {}{}\x1b[K", bar, p.done, p.total, rate,
             Duration(eta), p.failed ? fmt::format("  {} failed", p.failed) : "");
  std::fflush(stderr);
}

int Run(const Options& o) {
  std::shared_ptr<const Model> model;
  if (!o.no_restore) {
    auto m = LoadRestorationModel(o.model);
    if (!m.ok()) {
      // Model errors name the file themselves.
      fmt::print(stderr, "vanban: {} (--no-restore indexes without restoring)\n", m.status().message());
      return ExitCodeFor(m.status());
    }
    model = *m;
    if (!model && !o.quiet) PrintWarning("index", 0, "no restoration model found: documents are parsed as they are (see --model)");
  }
  std::FILE* log = nullptr;
  if (!o.log.empty()) {
    log = std::fopen(o.log.c_str(), "a");
    if (!log) return ReportStatus(o.log, Status::IOError(std::string("cannot open the log for appending: ") + std::strerror(errno)));
  }
  std::optional<Output> out;
  if (o.export_format == "jsonl") {
    auto opened = Output::Open(o.output, o.inputs);
    if (!opened.ok()) return ReportStatus(o.output, opened.status());
    out.emplace(std::move(*opened));
  }
  const bool tty = !o.quiet && isatty(fileno(stderr));
  bool bar_drawn = false;
  IndexOptions io;
  io.inputs = o.inputs;
  io.db_path = o.db;
  io.jobs = o.jobs;
  io.model = model;
  if (o.fast) io.restore.context_readings = 0;
  io.batch_size = o.batch;
  io.cancel = &g_cancel;
  io.prune = o.prune;
  io.max_input_bytes = o.max_size;
  io.document_seconds = o.timeout;
  io.on_file = [&](const IndexFileEvent& ev) {
    if (ev.outcome == IndexOutcome::kFailed || !ev.warning.empty()) {
      if (bar_drawn) fmt::print(stderr, "\r\x1b[K");
      if (ev.outcome == IndexOutcome::kFailed) {
        auto [line, text] = SplitLineNumber(ev.error);
        PrintError(ev.path, line, text);
      }
      else if (!o.quiet) PrintWarning(ev.path, 0, ev.warning);
    }
    if (log) {
      nlohmann::ordered_json j;
      j["path"] = ev.path;
      j["outcome"] = IndexOutcomeName(ev.outcome);
      if (!ev.error.empty()) {
        auto [line, text] = SplitLineNumber(ev.error);
        j["error"] = text;
        if (line > 0) j["line"] = line;
      }
      if (!ev.warning.empty()) j["warning"] = ev.warning;
      std::fputs((j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n").c_str(), log);
      std::fflush(log);  // the log of a killed run is complete up to the kill
    }
    if (out && !ev.record_json.empty()) out->Write(ev.record_json + "\n");
  };
  if (tty) {
    io.on_progress = [&](const IndexProgress& p) {
      DrawProgress(p);
      bar_drawn = true;
    };
  }
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  auto stats = IndexDocuments(io);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (bar_drawn) fmt::print(stderr, "\n");
  if (log) std::fclose(log);
  if (!stats.ok()) {
    if (out) out->Abandon();
    return ReportStatus(o.db, stats.status());
  }
  const IndexStats& s = *stats;
  size_t processed = s.indexed + s.replaced;
  if (!o.quiet) {
    fmt::print(stderr, "vanban: index: {} files: {} indexed, {} replaced, {} unchanged, {} failed{} in {:.2f} s ({:.1f} docs/s){}\n",
               s.files, s.indexed, s.replaced, s.unchanged, s.failed,
               o.prune ? fmt::format(", {} removed", s.removed) : "", s.wall_seconds,
               s.wall_seconds > 0 ? processed / s.wall_seconds : 0.0,
               s.cancelled ? " (interrupted: run again to resume)" : "");
    double cpu = s.restore_cpu_seconds + s.parse_cpu_seconds + s.record_cpu_seconds + s.db_cpu_seconds;
    if (processed > 0 && cpu > 0) {
      auto pct = [cpu](double x) { return 100.0 * x / cpu; };
      fmt::print(stderr,
                 "vanban: index: CPU time: restore {:.2f} s ({:.0f}%), parse {:.2f} s ({:.0f}%), record {:.2f} s ({:.0f}%), "
                 "database {:.2f} s ({:.0f}%); {:.1f} ms per document\n",
                 s.restore_cpu_seconds, pct(s.restore_cpu_seconds), s.parse_cpu_seconds, pct(s.parse_cpu_seconds),
                 s.record_cpu_seconds, pct(s.record_cpu_seconds), s.db_cpu_seconds, pct(s.db_cpu_seconds),
                 1000.0 * cpu / static_cast<double>(processed));
    }
  }
  int rc = s.failed > 0 || s.cancelled ? kExitBadInput : kExitOk;
  if (out) {
    int closed = FinishOutput(*out, o.output, kExitOk);
    if (closed != kExitOk) return closed;
  }
  return rc;
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "index", "Restore, parse and store documents in a searchable SQLite archive",
    R"(Examples:
  vanban index scans/ --db archive.sqlite               all *.txt under scans/, all cores
  vanban index a.txt b.txt --db archive.sqlite --jobs 2
  vanban index scans/ --db archive.sqlite --log index.jsonl --export jsonl > records.jsonl
  vanban index scans/ --db archive.sqlite --prune       also forget files deleted from scans/
Incremental: unchanged files (same path and SHA-256) are skipped, changed ones replaced.
A bad file is reported (stderr and --log) and skipped; exit status 1 when any failed.
So is a file over --max-size, one that is not a regular file (FIFO, device, socket)
and a document that takes longer than --timeout to restore and parse.
Ctrl-C or a kill keeps what was committed; run the same command again to resume.
Each record carries the NĐ 30 Phụ lục VI and Dublin Core fields. Schema: docs/archive.md.)",
    60, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      app.add_option("inputs", o->inputs, "Files and directories (searched for *.txt)")->required();
      app.add_option("--db", o->db, "Archive database file (created when missing)")->required();
      AddOutputOption(app, &o->output);
      app.add_option("-j,--jobs", o->jobs, "Worker threads (default: all cores)")->check(CLI::Range(0, 256));
      app.add_option("--export", o->export_format, "Also write the records: jsonl (to -o or stdout)")
          ->check(CLI::IsMember({"jsonl"}));
      app.add_option("--log", o->log, "Append one JSON line per file (path, outcome, error) to this file");
      app.add_option("--batch", o->batch, "Documents per transaction")->check(CLI::Range(1, 100000));
      app.add_flag("--no-restore", o->no_restore, "Do not restore diacritics before parsing");
      app.add_flag("--fast", o->fast, "Restore OCR'd text faster, a little less accurately (as restore --fast)");
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      app.add_option("--max-size", o->max_size, "Skip (and report) inputs larger than this; 0: no limit")
          ->transform(CLI::AsSizeValue(false))
          ->default_str("64MiB");
      app.add_option("--timeout", o->timeout,
                     "Seconds one document may take to restore and parse; slower ones fail and the batch goes on "
                     "(0: no limit)")
          ->check(CLI::NonNegativeNumber)
          ->default_str("60");
      app.add_flag("--prune", o->prune, "Remove archived documents under the inputs whose files are gone");
      app.add_flag("-q,--quiet", o->quiet, "No progress bar, summary or warnings (errors still shown)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
