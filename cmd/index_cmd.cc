// vanban index: restore, parse and store documents in a searchable SQLite archive.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>

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
  std::string model;
  bool quiet = false;
  size_t batch = 32;
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
    if (!m.ok()) return ReportStatus(o.model, m.status());
    model = *m;
    if (!model && !o.quiet) PrintWarning("index", 0, "no restoration model found: documents are parsed as they are");
  }
  std::FILE* log = nullptr;
  if (!o.log.empty()) {
    log = std::fopen(o.log.c_str(), "a");
    if (!log) return ReportStatus(o.log, Status::IOError("cannot open log file for appending"));
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
  io.batch_size = o.batch;
  io.cancel = &g_cancel;
  io.on_file = [&](const IndexFileEvent& ev) {
    if (ev.outcome == IndexOutcome::kFailed || !ev.warning.empty()) {
      if (bar_drawn) fmt::print(stderr, "\r\x1b[K");
      if (ev.outcome == IndexOutcome::kFailed) PrintError(ev.path, 0, ev.error);
      else if (!o.quiet) PrintWarning(ev.path, 0, ev.warning);
    }
    if (log) {
      nlohmann::ordered_json j;
      j["path"] = ev.path;
      j["outcome"] = IndexOutcomeName(ev.outcome);
      if (!ev.error.empty()) j["error"] = ev.error;
      if (!ev.warning.empty()) j["warning"] = ev.warning;
      std::fputs((j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n").c_str(), log);
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
    fmt::print(stderr,
               "vanban: index: {} files: {} indexed, {} replaced, {} unchanged, {} failed in {:.2f} s "
               "({:.1f} docs/s; read {:.2f} s, restore {:.2f} s, parse {:.2f} s, db {:.2f} s){}\n",
               s.files, s.indexed, s.replaced, s.unchanged, s.failed, s.wall_seconds,
               s.wall_seconds > 0 ? processed / s.wall_seconds : 0.0, s.read_seconds, s.restore_seconds,
               s.parse_seconds, s.db_seconds, s.cancelled ? " (interrupted: run again to resume)" : "");
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
Incremental: unchanged files (same path and SHA-256) are skipped, changed ones replaced.
A bad file is reported and skipped; an interrupted run keeps what was committed and is
resumed by running the same command again. Schema: docs/archive.md.)",
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
      app.add_option("--model", o->model, "Restoration model file (default: $VANBAN_MODEL, then the built one)");
      app.add_flag("-q,--quiet", o->quiet, "No progress bar, summary or warnings (errors still shown)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
