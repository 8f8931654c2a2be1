// vanban search: accent-insensitive full-text search of an archive built by `vanban index`.
#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli_io.h"
#include "command.h"
#include "record_output.h"
#include "vanban/archive.h"

namespace vanban::cli {
namespace {

struct Options {
  std::string query;
  CLI::Option* query_option = nullptr;  // given, even as "": a query, not a listing
  std::string db;
  std::string output = "-";
  SearchQuery q;
  bool json = false;
  std::string format = "text";
  CLI::Option* format_option = nullptr;
  std::string queries;  // --queries FILE: one query a line, answered over one connection
  CLI::Option* queries_option = nullptr;
  bool timing = false;
};

void PrintTiming(size_t line, size_t hits, double ms, double cpu_ms) {
  // CPU time too: on a busy machine the wall time includes waiting for a core.
  fmt::print(stderr, "vanban: search: {}{} hits in {:.2f} ms (CPU {:.2f} ms)\n",
             line > 0 ? fmt::format("line {}: ", line) : "", hits, ms, cpu_ms);
}

// --queries: every line answered in order over one archive connection, one JSON line
// each, written as soon as it is answered (AnswerQueryLines).
int RunQueries(Options& o, Archive& archive, const std::string& db_name) {
  const std::string name = DisplayName(o.queries);
  // Read as the lines come, never at once: /dev/zero would be read for ever.
  if (Status st = CheckLineInput(o.queries); !st.ok()) return ReportStatus(name, st);
  std::ifstream file;
  if (o.queries != "-") {
    file.open(o.queries);
    if (!file) return ReportStatus(name, Status::IOError(std::strerror(errno)));
  }
  std::vector<std::string> protected_paths{o.queries};
  if (!IsPostgresArchive(o.db)) protected_paths.push_back(o.db);
  auto out = Output::Open(o.output, protected_paths);
  if (!out.ok()) return ReportStatus(o.output, out.status());
  size_t last_line = 0;
  auto stats = AnswerQueryLines(archive, o.queries == "-" ? std::cin : file, o.q, [&](const QueryLineAnswer& a) {
    last_line = a.line;
    out->Write(a.json);
    out->Write("\n");
    out->Flush();
    if (!a.error.ok() && !a.ends_session) PrintError(name, a.line, a.error.message());
    if (o.timing && a.error.ok()) PrintTiming(a.line, a.hits.size(), a.wall_ms, a.cpu_ms);
    return Status::Ok();
  });
  if (!stats.ok()) {
    out->Abandon();
    return ReportStatus(db_name, Status(stats.status().code(),
                                        fmt::format("{} (line {} of {}; no line after it was answered)",
                                                    stats.status().message(), last_line, name)));
  }
  int closed = FinishOutput(*out, o.output, kExitOk);
  if (closed != kExitOk) return closed;
  return stats->failed > 0 || stats->without_hits > 0 ? kExitBadInput : kExitOk;
}

int Run(Options o) {
  if (o.json) o.format = "json";
  o.json = o.format != "text";
  const bool batch = o.queries_option->count() > 0;
  // Usage errors before anything is opened.
  if (batch && o.query_option->count() > 0) {
    return ReportStatus("--queries", Status::InvalidArgument("a QUERY and --queries: give the query in the file"));
  }
  if (batch && (o.format == "json" || (o.format_option->count() > 0 && o.format != "jsonl"))) {
    return ReportStatus("--queries", Status::InvalidArgument("writes JSON Lines, one answer a query (--format jsonl)"));
  }
  o.q.text = o.query;
  std::string field;
  if (Status st = CheckSearchQuery(o.q, !batch && o.query_option->count() > 0, &field); !st.ok()) {
    return ReportStatus(field == "query" ? field : "--" + field, st);
  }
  std::error_code ec;
  const bool pg = IsPostgresArchive(o.db);
  const std::string db_name = ArchiveDisplayName(o.db);
  if (!pg && !std::filesystem::exists(o.db, ec)) return ReportStatus(o.db, Status::NotFound("no such archive (build it with vanban index)"));
  auto archive = Archive::Open(o.db, ArchiveAccess::kReadOnly);
  if (!archive.ok()) return ReportStatus(db_name, archive.status());
  if (batch) return RunQueries(o, **archive, db_name);
  auto out = Output::Open(o.output, pg ? std::vector<std::string>{} : std::vector<std::string>{o.db});
  if (!out.ok()) return ReportStatus(o.output, out.status());
  const bool color = !o.json && out->is_tty() && UseColor(out->file());
  if (color) {
    o.q.mark_open = "\x1b[1;31m";
    o.q.mark_close = "\x1b[0m";
  }
  auto t0 = std::chrono::steady_clock::now();
  std::clock_t c0 = std::clock();
  auto hits = (*archive)->Search(o.q);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  double cpu_ms = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  if (!hits.ok()) {
    out->Abandon();
    return ReportStatus(db_name, hits.status());
  }
  if (o.json) {
    RecordStream records(*out, o.format);
    records.Begin();
    for (const SearchHit& h : *hits) records.AddSerialized(SearchHitJson(h, records.json_indent()));
    records.Finish();
  } else {
    // Document text never reaches the terminal raw: snippets come escaped, the rest here.
    int n = 0;
    for (const SearchHit& h : *hits) {
      out->Write(fmt::format("{}. {}", ++n, EscapeControlChars(h.path)));
      for (const std::string* v : {&h.full_symbol, &h.issued_date, &h.issuer}) {
        if (!v->empty()) out->Write("  " + EscapeControlChars(*v));
      }
      out->Write("\n");
      if (!h.subject.empty()) out->Write("   " + EscapeControlChars(h.subject) + "\n");
      if (!h.snippet.empty()) out->Write("   " + h.snippet + "\n");
    }
  }
  if (o.timing) PrintTiming(0, hits->size(), ms, cpu_ms);
  int closed = FinishOutput(*out, o.output, kExitOk);
  if (closed != kExitOk) return closed;
  return hits->empty() ? kExitBadInput : kExitOk;
}

}  // namespace

VANBAN_REGISTER_COMMAND(Command{
    "search", "Search an archive built by `vanban index` (accents optional, ranked)",
    R"(Examples:
  vanban search "nghi quyet dan chu" --db archive.sqlite    finds "Nghị quyết … dân chủ"
  vanban search "dân chủ" --db archive.sqlite --type KH --from 2026-01-01
  vanban search "20/NQ-HĐND" --db archive.sqlite --json
  vanban search --db archive.sqlite --issuer "nghi duong"     filters only, newest first
  vanban search '"dan chu o co so"' --db archive.sqlite        only the exact phrase
  vanban search "dân chủ" --db archive.sqlite --type "cong van" --from 2026-03
  vanban search --queries queries.txt --db archive.sqlite      one JSON line per query line
  printf '%s\n' 'dan chu' '{"query": "ke hoach", "type": "KH"}' | vanban search --queries - --db pg:
Words must all occur: documents with them as one phrase come first, then with them near
each other, then anywhere; "quoted words" must occur as that phrase; word* is a prefix.
Accents are optional: "nghi quyet" finds "Nghị quyết"; an accented query ranks exact
spellings first (--exact: only those). Score: 0 to 1. Exit 1 when nothing is found.
--queries FILE ("-": standard input) answers one query a line over one connection, in
order, each as soon as it is read: {"line": N, "query": …, "hits": [as --format jsonl]},
or {"line": N, "query": …, "error": "…"} for a bad line (also on stderr). A line may be a
JSON object with its own "query", "type", "issuer", "from", "to", "exact", "limit" (over
the options given); blank lines are skipped. Exit 1 when a line failed or found nothing,
or the archive failed (the lines after it are not answered).)",
    61, [](CLI::App& app) {
      auto o = std::make_shared<Options>();
      o->query_option = app.add_option("QUERY", o->query, "Words to find; leave it out to list the documents the filters select");
      app.add_option("--db", o->db, "Archive: an SQLite file, or postgresql://… / pg: for PostgreSQL")
          ->required()
          ->type_name("DB");
      AddOutputOption(app, &o->output);
      app.add_option("--type", o->q.type,
                     "Document type by code or name: KH, qd, CV, \"cong van\", \"Kế hoạch\" (accents and case optional)")
          ->type_name("TYPE");
      app.add_option("--issuer", o->q.issuer, "Issuer contains (accent-insensitive)")->type_name("WORDS");
      app.add_option("--from", o->q.from, "Issued on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD")->type_name("DATE");
      app.add_option("--to", o->q.to, "Issued on or before DATE: YYYY, YYYY-MM or YYYY-MM-DD (a year or month: to its end)")
          ->type_name("DATE");
      app.add_option("-n,--limit", o->q.limit, "Maximum hits (default 20)")->type_name("N")->check(CLI::Range(1, 10000));
      app.add_option("--rank-at-most", o->q.rank_at_most,
                     "Rank at most N matches of each kind (phrase, near, words), the first indexed, for speed "
                     "on large archives (default 200; 0: rank every match)")
          ->type_name("N")
          ->check(CLI::Range(0, 100000000));
      app.add_flag("--exact", o->q.exact, "Accents must match as typed (default: accents optional, exact first)");
      app.add_flag("--json", o->json, "Same as --format json");
      o->format_option = AddFormatOption(app, &o->format, {"text", "json", "jsonl"},
                                         "text (default), json (one array of hits) or jsonl (one hit per line); "
                                         "--queries writes JSON Lines");
      o->queries_option =
          app.add_option("--queries", o->queries,
                         "Answer the queries of FILE (\"-\": standard input), one a line, over one connection: "
                         "one JSON line each, written as each is answered; the other options apply to every line")
              ->type_name("FILE");
      app.add_flag("--timing", o->timing, "Print the query time (wall and CPU) on stderr (with --queries: one line per query)");
      app.add_flag("--no-candidates{false}", o->q.candidates,
                   "Scan the full-text index in every step instead of checking the candidates of the archive's "
                   "candidate index (or, on PostgreSQL, the lowest ids of a common word's table) (same answers; "
                   "for measurements)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
