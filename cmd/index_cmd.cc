// vanban index: restore, parse and store documents in a searchable archive (an SQLite file
// or a PostgreSQL database), or import `vanban parse` records into one.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli_io.h"
#include "command.h"
#include "help_format.h"
#include "restore_options.h"
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
  RestoreChoice restore;
  bool quiet = false;
  bool prune = false;
  bool check = false;
  bool optimize = false;
  size_t batch = 32;
  std::string from_jsonl;
  size_t export_file_bytes = 10'000'000;
  uint64_t max_size = uint64_t{64} << 20;
  double timeout = 60;
};

// --export opensearch: the whole archive as bulk files after the run.
int ExportOpenSearch(const Options& o, const std::string& db_name) {
  auto archive = Archive::Open(o.db);
  if (!archive.ok()) return ReportStatus(db_name, archive.status());
  BulkExportOptions bo;
  bo.out = o.output;
  bo.max_file_bytes = o.export_file_bytes;
  auto exported = ExportBulk(**archive, bo);
  if (!exported.ok()) return ReportStatus(o.output, exported.status());
  if (!o.quiet) {
    fmt::print(stderr, "vanban: index: exported {} documents to {} bulk file(s) ({} … {})\n", exported->documents,
               exported->files.size(), exported->files.empty() ? "-" : exported->files.front(),
               exported->files.empty() ? "-" : exported->files.back());
  }
  return kExitOk;
}

// --optimize: the archive readied for searching (Archive::Optimize), alone or after the run.
int OptimizeArchive(const Options& o, const std::string& db_name) {
  std::error_code ec;
  if (!IsPostgresArchive(o.db) && !std::filesystem::exists(o.db, ec)) {
    return ReportStatus(db_name, Status::NotFound("no such archive: nothing to optimize"));
  }
  if (Status st = CheckArchiveWritable(o.db); !st.ok()) return ReportStatus(db_name, st);
  auto archive = Archive::Open(o.db);
  if (!archive.ok()) return ReportStatus(db_name, archive.status());
  const auto start = std::chrono::steady_clock::now();
  if (Status st = (*archive)->Optimize(); !st.ok()) return ReportStatus(db_name, st);
  if (!o.quiet) {
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    fmt::print(stderr, "vanban: {}: optimized for searching in {:.1f} s\n", db_name, took.count());
  }
  return kExitOk;
}

std::atomic<bool> g_cancel{false};

extern "C" void OnInterrupt(int) {
  g_cancel.store(true);
  RestoreOutputSignalHandler(SIGINT);  // a second Ctrl-C stops at once; the database stays consistent
  RestoreOutputSignalHandler(SIGTERM);
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

// --check: the archive's consistency, one line per problem.
int RunCheck(const Options& o) {
  auto archive = Archive::Open(o.db);
  if (!archive.ok()) {
    PrintError(ArchiveDisplayName(o.db), 0, archive.status().message());
    return archive.status().code() == StatusCode::kNotFound ? kExitUsage : kExitBadInput;
  }
  auto problems = (*archive)->Check();
  if (!problems.ok()) return ReportStatus(ArchiveDisplayName(o.db), problems.status());
  for (const std::string& p : *problems) PrintError(ArchiveDisplayName(o.db), 0, p);
  if (!problems->empty()) {
    PrintError(ArchiveDisplayName(o.db), 0, fmt::format("{} problem{} found: restore the archive from a backup, or index the documents "
                                     "again into a new archive", problems->size(), problems->size() == 1 ? "" : "s"));
    return kExitBadInput;
  }
  if (!o.quiet) {
    auto stats = (*archive)->Stats();
    fmt::print(stderr, "vanban: {}: archive checked, no problems found ({} documents)\n", ArchiveDisplayName(o.db),
               stats.ok() ? stats->documents : 0);
  }
  return kExitOk;
}

// --export jsonl: every record of the archive (not only this run's), so that a re-run with
// nothing new still exports everything. Nothing to write: the output is left as it was.
int ExportArchive(const Options& o, Output& out) {
  std::error_code ec;
  size_t written = 0;
  if (IsPostgresArchive(o.db) || std::filesystem::exists(o.db, ec)) {
    auto archive = Archive::Open(o.db, ArchiveAccess::kReadOnly);
    if (!archive.ok()) {
      out.Abandon();
      return ReportStatus(ArchiveDisplayName(o.db), archive.status());
    }
    Status st = (*archive)->ForEachRecord([&](const std::string&, const std::string& record) {
      out.Write(record + "\n");
      ++written;
    });
    if (!st.ok()) {
      out.Abandon();
      return ReportStatus(ArchiveDisplayName(o.db), st);
    }
  }
  if (written == 0) {
    out.Abandon();
    PrintWarning(DisplayName(o.output), 0, "the archive has no records: nothing exported");
    return kExitOk;
  }
  return FinishOutput(out, o.output, kExitOk);
}

int Run(const Options& o) {
  if (o.check) return RunCheck(o);
  const std::string db_name = ArchiveDisplayName(o.db);
  const bool import = !o.from_jsonl.empty();
  if (import && !o.inputs.empty()) {
    PrintError("index", 0, "give either files and directories or --from-jsonl, not both");
    return kExitUsage;
  }
  if (o.export_format == "opensearch") {
    if (o.output == "-") {
      PrintError("index", 0, "--export opensearch writes files: give -o DIR/ or -o PREFIX");
      return kExitUsage;
    }
    if (o.inputs.empty() && !import) {
      if (int rc = o.optimize ? OptimizeArchive(o, db_name) : kExitOk; rc != kExitOk) return rc;
      return ExportOpenSearch(o, db_name);
    }
  } else if (o.inputs.empty() && !import) {
    if (o.optimize && o.export_format.empty()) return OptimizeArchive(o, db_name);
    return ReportStatus("index", Status::InvalidArgument("no inputs: give the files and directories to index (or --check, --optimize)"));
  }
  // Records are read as they come: a file, or a pipe (`<(vanban parse --jsonl …)`), never
  // a device, which has no end.
  if (import) {
    if (Status st = CheckLineInput(o.from_jsonl); !st.ok()) {
      return ReportStatus(DisplayName(o.from_jsonl),
                          st.code() == StatusCode::kNotFound
                              ? Status::NotFound("no such records file (vanban parse --jsonl writes one)")
                              : st);
    }
  }
  // Before any work: an archive that cannot be written is one error, not one per document.
  if (Status st = CheckArchiveWritable(o.db); !st.ok()) return ReportStatus(db_name, st);
  // Outputs are checked and opened before any work: neither may replace a file the run
  // reads (also under an input directory) or the archive.
  std::vector<std::string> read = o.inputs;
  std::vector<std::pair<std::string, std::string>> missing;
  if (auto files = ExpandInputs(o.inputs, &missing); files.ok()) read.insert(read.end(), files->begin(), files->end());
  if (import && o.from_jsonl != "-") read.push_back(o.from_jsonl);
  const std::vector<std::string> archive = {o.db, o.db + "-wal", o.db + "-shm", o.db + "-journal"};
  if (Status s = CheckNotOverwriting(o.log, archive, "archive"); !s.ok()) return ReportStatus(o.log, s);
  if (Status s = CheckNotOverwriting(o.output, archive, "archive"); !s.ok()) return ReportStatus(o.output, s);
  if (Status s = CheckNotOverwriting(o.output, {o.log}, "log"); !s.ok()) return ReportStatus(o.output, s);
  std::optional<Output> log;
  if (!o.log.empty()) {
    auto opened = Output::OpenAppend(o.log, read);
    if (!opened.ok()) return ReportStatus(o.log, opened.status());
    log.emplace(std::move(*opened));
  }
  std::optional<Output> out;
  if (o.export_format == "jsonl") {
    auto opened = Output::Open(o.output, read);
    if (!opened.ok()) return ReportStatus(o.output, opened.status());
    out.emplace(std::move(*opened));
  }
  // An import restores and parses nothing: no model.
  std::shared_ptr<const Model> model;
  if (!import) {
    if (int rc = LoadChosenModel(o.restore, &model); rc != kExitOk) return rc;
  }
  const bool tty = !o.quiet && isatty(fileno(stderr));
  bool bar_drawn = false;
  IndexOptions io;
  io.inputs = o.inputs;
  io.from_jsonl = o.from_jsonl;
  io.db_path = o.db;
  io.jobs = o.jobs;
  io.model = model;
  io.read = ReadOptionsOf(o.restore);
  io.read.time_budget_seconds = o.timeout;
  io.batch_size = o.batch;
  io.cancel = &g_cancel;
  io.prune = o.prune;
  io.max_input_bytes = o.max_size;
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
      log->Write(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
      log->Flush();  // the log of a killed run is complete up to the kill
    }
  };
  if (tty && !import) {  // an import does not know its total
    io.on_progress = [&](const IndexProgress& p) {
      DrawProgress(p);
      bar_drawn = true;
    };
  }
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  auto stats = IndexDocuments(io);
  RestoreOutputSignalHandler(SIGINT);
  RestoreOutputSignalHandler(SIGTERM);
  if (bar_drawn) fmt::print(stderr, "\n");
  if (log) {
    Status closed = log->Close();
    if (!closed.ok()) ReportStatus(o.log, closed);
  }
  if (!stats.ok()) {
    if (out) out->Abandon();
    return ReportStatus(db_name, stats.status());
  }
  const IndexStats& s = *stats;
  size_t processed = s.indexed + s.replaced;
  if (!o.quiet) {
    fmt::print(stderr, "vanban: index: {} {}: {} indexed, {} replaced, {} unchanged, {} failed{} in {:.2f} s ({:.1f} docs/s){}\n",
               s.files, import ? "records" : "files", s.indexed, s.replaced, s.unchanged, s.failed,
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
  std::error_code ec;
  if (!IsPostgresArchive(o.db) && !std::filesystem::exists(o.db, ec)) {
    PrintWarning(o.db, 0, "nothing was stored: no archive created");
  }
  int rc = s.failed > 0 || s.cancelled ? kExitBadInput : kExitOk;
  // Before the exports, which then read the merged index. Nothing stored: nothing to merge.
  if (o.optimize && !s.cancelled && (IsPostgresArchive(o.db) || std::filesystem::exists(o.db, ec))) {
    rc = std::max(rc, OptimizeArchive(o, db_name));
  }
  if (out) {
    if (s.cancelled) {
      out->Abandon();
    } else if (int exported = ExportArchive(o, *out); exported != kExitOk) {
      return exported;
    }
  }
  if (o.export_format == "opensearch" && !s.cancelled) rc = std::max(rc, ExportOpenSearch(o, db_name));
  return rc;
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "index", "Restore, parse and store documents in a searchable archive (SQLite or PostgreSQL)",
    R"(Examples:
  vanban index scans/ --db archive.sqlite               all *.txt under scans/, all cores
  vanban index a.txt b.txt --db archive.sqlite --jobs 2
  vanban index scans/ --db archive.sqlite --log index.jsonl --export jsonl > records.jsonl
  vanban index scans/ --db archive.sqlite --prune       also forget files deleted from scans/
  vanban index --check --db archive.sqlite              integrity of the archive and its index
  vanban index --optimize --db archive.sqlite           after a bulk load: faster searches
  vanban index scans/ --db postgresql://clerk@dbhost/archive    a shared PostgreSQL archive
  vanban index --from-jsonl records.jsonl --db pg:      import `vanban parse` records (PG* variables)
  vanban index --db archive.sqlite --export opensearch -o bulk/   the archive as bulk files
Any number of processes may index into one PostgreSQL archive at once: each document is
indexed once, and the documents of a process that dies are taken over by the others.
Incremental: unchanged files (same path and SHA-256) are skipped, changed ones replaced.
A bad file is reported (stderr and --log) and skipped; exit status 1 when any failed.
So is a file over --max-size, one that is not a regular file (FIFO, device, socket)
and a document that takes longer than --timeout to restore and parse.
Ctrl-C or a kill keeps what was committed; run the same command again to resume.
--export writes the whole archive after the run, not only the files this run changed.
Each record carries the NĐ 30 Phụ lục VI and Dublin Core fields. Schema: docs/archive.md.)",
    60, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      app.add_option("PATH", o->inputs, "Files and directories (searched for *.txt)");
      app.add_option("--db", o->db,
                     "Archive: an SQLite file (created when missing), or postgresql://… / pg: for PostgreSQL")
          ->required()
          ->type_name("DB");
      app.add_option("--from-jsonl", o->from_jsonl,
                     "Import the records of `vanban parse` (JSON Lines; - for stdin) instead of files")
          ->type_name("FILE");
      AddOutputOption(app, &o->output);
      app.add_option("-j,--jobs", o->jobs, "Worker threads, 0-256 (default 0: all cores)")
          ->type_name("N")
          ->check(CLI::Range(0, 256));
      app.add_option("--export", o->export_format,
                     "Then write every record of the archive: jsonl (to -o or stdout), or opensearch (bulk "
                     "NDJSON files: -o DIR/ or -o PREFIX)")
          ->type_name("FORMAT")
          ->check(OneOf({"jsonl", "opensearch"}));
      app.add_option("--export-file-bytes", o->export_file_bytes, "Largest bulk file (--export opensearch)")
          ->type_name("BYTES")
          ->check(CLI::Range(size_t{1000}, size_t{1} << 40));
      app.add_option("--log", o->log, "Append one JSON line per file (path, outcome, error) to FILE")
          ->type_name("FILE");
      app.add_option("--batch", o->batch, "Documents per transaction (default 32)")
          ->type_name("N")
          ->check(CLI::Range(1, 100000));
      AddRestoreOptions(app, &o->restore);
      app.add_option("--max-size", o->max_size, "Skip (and report) inputs larger than SIZE (default 64MiB); 0: no limit")
          ->type_name("SIZE")
          ->transform(CLI::AsSizeValue(false));
      app.add_option("--timeout", o->timeout,
                     "SECONDS one document may take to restore and parse (default 60); slower ones fail and the "
                     "batch goes on (0: no limit)")
          ->type_name("SECONDS")
          ->check(CLI::NonNegativeNumber);
      app.add_flag("--prune", o->prune, "Remove archived documents under the inputs whose files are gone");
      app.add_flag("--check", o->check,
                   "Check the archive instead of indexing: SQLite and FTS5 integrity; exit 1 on any problem");
      app.add_flag("--optimize", o->optimize,
                   "Then ready the archive for searching (after a bulk load): SQLite merges its full-text index "
                   "into one segment, PostgreSQL runs VACUUM ANALYZE; alone with --db: only that");
      app.add_flag("-q,--quiet", o->quiet, "No progress bar, summary or warnings (errors still shown)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
