// vanban search: accent-insensitive full-text search of an archive built by `vanban index`.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <tuple>

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
  bool timing = false;
};

// C1 controls and DEL, which JSON may carry raw, escaped as \u0080..\u009f, \u007f: a
// terminal showing the JSON never receives a control character.
std::string JsonControlsEscaped(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(json[i]);
    unsigned char next = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0;
    if (c == 0x7F || (c == 0xC2 && next >= 0x80 && next <= 0x9F)) {
      out += fmt::format("\\u{:04x}", c == 0x7F ? c : next);
      i += c == 0x7F ? 0 : 1;
    } else {
      out.push_back(json[i]);
    }
  }
  return out;
}

int Run(Options o) {
  if (o.json) o.format = "json";
  o.json = o.format != "text";
  // Usage errors before anything is opened.
  for (auto [name, value, upper] : {std::tuple{"--from", &o.q.from, false}, std::tuple{"--to", &o.q.to, true}}) {
    if (value->empty()) continue;
    auto bound = SearchDateBound(*value, upper);
    if (!bound.ok()) return ReportStatus(name, bound.status());
  }
  if (o.query_option->count() > 0 && !SearchTextHasWords(o.query)) {
    return ReportStatus("query", Status::InvalidArgument(
        o.query.find_first_not_of(" \t\r\n") == std::string::npos
            ? "empty: give words to search for, or leave the query out to list the documents the filters select"
            : "'" + o.query + "' has no words to search for (only punctuation)"));
  }
  std::error_code ec;
  const bool pg = IsPostgresArchive(o.db);
  const std::string db_name = ArchiveDisplayName(o.db);
  if (!pg && !std::filesystem::exists(o.db, ec)) return ReportStatus(o.db, Status::NotFound("no such archive (build it with vanban index)"));
  auto archive = Archive::Open(o.db, ArchiveAccess::kReadOnly);
  if (!archive.ok()) return ReportStatus(db_name, archive.status());
  auto out = Output::Open(o.output, pg ? std::vector<std::string>{} : std::vector<std::string>{o.db});
  if (!out.ok()) return ReportStatus(o.output, out.status());
  o.q.text = o.query;
  const bool color = !o.json && out->is_tty() && UseColor(out->file());
  if (color) {
    o.q.mark_open = "\x1b[1;31m";
    o.q.mark_close = "\x1b[0m";
  }
  auto t0 = std::chrono::steady_clock::now();
  std::clock_t c0 = std::clock();
  auto hits = (*archive)->Search(o.q);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  // CPU time too: on a busy machine the wall time includes waiting for a core.
  double cpu_ms = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  if (!hits.ok()) {
    out->Abandon();
    return ReportStatus(db_name, hits.status());
  }
  if (o.json) {
    RecordStream records(*out, o.format);
    records.Begin();
    for (const SearchHit& h : *hits) {
      auto v = [](const std::string& x) { return x.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(x); };
      nlohmann::ordered_json hit = {
          {"path", h.path}, {"symbol", v(h.full_symbol)}, {"type", v(h.doc_type)},
          {"issued_date", v(h.issued_date)}, {"issuer", v(h.issuer)}, {"subject", v(h.subject)},
          {"score", h.match.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(h.score)},
          {"match", v(h.match)}, {"exact", h.exact}, {"snippet", v(h.snippet)}};
      records.AddSerialized(JsonControlsEscaped(
          hit.dump(records.json_indent(), ' ', false, nlohmann::ordered_json::error_handler_t::replace)));
    }
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
  if (o.timing) fmt::print(stderr, "vanban: search: {} hits in {:.2f} ms (CPU {:.2f} ms)\n", hits->size(), ms, cpu_ms);
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
Words must all occur: documents with them as one phrase come first, then with them near
each other, then anywhere; "quoted words" must occur as that phrase; word* is a prefix.
Accents are optional: "nghi quyet" finds "Nghị quyết"; an accented query ranks exact
spellings first (--exact: only those). Score: 0 to 1. Exit 1 when nothing is found.)",
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
      AddFormatOption(app, &o->format, {"text", "json", "jsonl"},
                      "text (default), json (one array of hits) or jsonl (one hit per line)");
      app.add_flag("--timing", o->timing, "Print the query time (wall and CPU) on stderr");
      app.add_flag("--no-candidates{false}", o->q.candidates,
                   "Scan the full-text index in every step instead of checking the candidates of the archive's "
                   "candidate index (or, on PostgreSQL, the lowest ids of a common word's table) (same answers; "
                   "for measurements)");
      return RunFn([o] { return Run(*o); });
    }});

}  // namespace vanban::cli
