// Archive: the SQLite store of parsed documents, with accent-insensitive FTS5 search.
#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <string>

#include "archive/schema.h"
#include "archive/sqlite_db.h"
#include "vanban/archive.h"
#include "vanban/text.h"

namespace vanban {

using internal::Exec;
using internal::Stmt;

struct Archive::Impl {
  sqlite3* db = nullptr;
  int version = 0;
  ~Impl() {
    if (db) sqlite3_close_v2(db);
  }
};

namespace {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<int> ReadVersion(sqlite3* db) {
  Stmt has(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'");
  if (!has.Step()) return has.status().ok() ? Status::IOError("cannot read sqlite_master") : has.status();
  if (has.Int(0) == 0) return 0;
  Stmt v(db, "SELECT max(version) FROM schema_version");
  if (!v.Step()) {
    if (!v.status().ok()) return v.status();
    return 0;
  }
  return static_cast<int>(v.Int(0));
}

Status Migrate(sqlite3* db, int* version) {
  const auto& migrations = internal::ArchiveMigrations();
  if (*version > static_cast<int>(migrations.size())) {
    return Status::Unsupported("archive schema version " + std::to_string(*version) +
                               " is newer than this vanban supports (" + std::to_string(migrations.size()) + ")");
  }
  for (size_t v = *version; v < migrations.size(); ++v) {
    VANBAN_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
    Status st = Exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
    if (st.ok()) st = Exec(db, migrations[v]);
    if (st.ok()) {
      Stmt ins(db, "INSERT INTO schema_version(version, applied_at) VALUES (?, ?)");
      ins.Bind(1, static_cast<int64_t>(v + 1)).Bind(2, NowIso());
      st = ins.Run();
    }
    if (!st.ok()) {
      (void)Exec(db, "ROLLBACK");
      return Status(st.code(), "migration to schema version " + std::to_string(v + 1) + " failed: " + st.message());
    }
    VANBAN_RETURN_IF_ERROR(Exec(db, "COMMIT"));
    *version = static_cast<int>(v + 1);
  }
  return Status::Ok();
}

// Builds the FTS5 MATCH expression: every word must occur, either with its accents in
// the original columns or without them in the key columns.
std::string MatchExpression(const std::string& text) {
  std::vector<std::pair<std::string, bool>> terms;  // (text, prefix)
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    if (i >= text.size()) break;
    std::string term;
    if (text[i] == '"') {
      size_t end = text.find('"', i + 1);
      if (end == std::string::npos) end = text.size();
      term = text.substr(i + 1, end - i - 1);
      i = end + 1;
    } else {
      size_t end = text.find_first_of(" \t\n", i);
      if (end == std::string::npos) end = text.size();
      term = text.substr(i, end - i);
      i = end;
    }
    bool prefix = !term.empty() && term.back() == '*';
    while (!term.empty() && term.back() == '*') term.pop_back();
    bool has_word = false;
    for (char c : term) {
      unsigned char u = static_cast<unsigned char>(c);
      if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) has_word = true;
      if (c == '"') c = ' ';
    }
    std::string clean;
    for (char c : term) clean.push_back(c == '"' ? ' ' : c);
    if (has_word) terms.emplace_back(clean, prefix);
  }
  if (terms.empty()) return {};
  std::string exact, folded;
  for (const auto& [t, prefix] : terms) {
    std::string star = prefix ? "*" : "";
    exact += (exact.empty() ? "" : " AND ") + ("\"" + ToLower(t) + "\"" + star);
    folded += (folded.empty() ? "" : " AND ") + ("\"" + SearchKey(t) + "\"" + star);
  }
  return "({subject body} : (" + exact + ")) OR ({subject_key body_key} : (" + folded + "))";
}

size_t CodePointLen(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// A window of |body| around the first match marked (\x01 … \x02) in |marked_key|, the
// highlighted search key of the body (same code points, one for one).
std::string Snippet(const std::string& body, const std::string& marked_key, const SearchQuery& q) {
  std::vector<size_t> cp_byte;  // code point index -> byte offset in body
  for (size_t i = 0; i < body.size(); i += CodePointLen(static_cast<unsigned char>(body[i]))) cp_byte.push_back(i);
  cp_byte.push_back(body.size());
  std::vector<std::pair<size_t, size_t>> marks;  // byte ranges in body
  size_t cp = 0, open = 0;
  for (size_t i = 0; i < marked_key.size();) {
    char c = marked_key[i];
    if (c == '\x01') {
      open = cp;
      ++i;
    } else if (c == '\x02') {
      if (cp < cp_byte.size() && open < cp_byte.size()) marks.emplace_back(cp_byte[open], cp_byte[cp]);
      ++i;
    } else {
      i += CodePointLen(static_cast<unsigned char>(c));
      ++cp;
    }
  }
  size_t first = marks.empty() ? 0 : marks.front().first;
  size_t start = first > q.snippet_bytes / 3 ? first - q.snippet_bytes / 3 : 0;
  while (start > 0 && start < body.size() && (static_cast<unsigned char>(body[start]) & 0xC0) == 0x80) --start;
  if (start > 0) {
    size_t sp = body.find_first_of(" \n", start);
    if (sp != std::string::npos && sp < first) start = sp + 1;
  }
  size_t end = std::min(body.size(), start + q.snippet_bytes);
  while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
  if (end < body.size()) {
    size_t sp = body.find_last_of(" \n", end);
    if (sp != std::string::npos && sp > start + q.snippet_bytes / 2) end = sp;
  }
  std::string out = start > 0 ? "…" : "";
  size_t pos = start;
  for (const auto& [b, e] : marks) {
    if (b < start || e > end) continue;
    out.append(body, pos, b - pos);
    out.append(q.mark_open);
    out.append(body, b, e - b);
    out.append(q.mark_close);
    pos = e;
  }
  out.append(body, pos, end - pos);
  if (end < body.size()) out.append("…");
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

}  // namespace

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;

Result<std::unique_ptr<Archive>> Archive::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  if (sqlite3_open_v2(path.c_str(), &impl->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    return Status::IOError(path + ": cannot open database: " + (impl->db ? sqlite3_errmsg(impl->db) : "out of memory"));
  }
  sqlite3_busy_timeout(impl->db, 10000);
  // WAL: readers never block the writer and a killed writer loses only its open transaction.
  Status st = Exec(impl->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (!st.ok()) return Status(st.code(), path + ": " + st.message());
  auto version = ReadVersion(impl->db);
  if (!version.ok()) return Status(version.status().code(), path + ": not an archive database: " + version.status().message());
  impl->version = *version;
  st = Migrate(impl->db, &impl->version);
  if (!st.ok()) return Status(st.code(), path + ": " + st.message());
  return std::unique_ptr<Archive>(new Archive(std::move(impl)));
}

int Archive::schema_version() const { return impl_->version; }

Result<std::unordered_map<std::string, std::string>> Archive::StoredHashes() {
  std::unordered_map<std::string, std::string> out;
  Stmt s(impl_->db, "SELECT path, sha256 FROM documents");
  while (s.Step()) out.emplace(s.Text(0), s.Text(1));
  if (!s.status().ok()) return s.status();
  return out;
}

Status Archive::Begin() { return Exec(impl_->db, "BEGIN IMMEDIATE"); }
Status Archive::Commit() { return Exec(impl_->db, "COMMIT"); }
Status Archive::Rollback() { return Exec(impl_->db, "ROLLBACK"); }

Status Archive::Remove(const std::string& path) {
  Stmt del(impl_->db, "DELETE FROM documents WHERE path = ?");
  del.Bind(1, path);
  return del.Run();
}

Result<PutResult> Archive::Put(const ArchiveDocument& d) {
  if (d.doc == nullptr) return Status::InvalidArgument("ArchiveDocument without a parsed document");
  sqlite3* db = impl_->db;
  VANBAN_RETURN_IF_ERROR(Exec(db, "SAVEPOINT put_document"));
  auto body = [&]() -> Result<PutResult> {
    PutResult result;
    const Document& doc = *d.doc;
    const Header& h = doc.header;
    {
      Stmt old(db, "SELECT id FROM documents WHERE path = ?");
      old.Bind(1, d.path);
      result.replaced = old.Step();
      VANBAN_RETURN_IF_ERROR(old.status());
    }
    if (result.replaced) VANBAN_RETURN_IF_ERROR(Remove(d.path));
    ArchivalFields f = ArchivalFieldsOf(doc, d.sha256);
    Stmt ins(db, R"sql(INSERT INTO documents (
        path, sha256, size, indexed_at, administrative, ocr, restored, doc_type, doc_type_label, number,
        symbol, full_symbol, issued_date, issuer, issuer_key, place, subject, signer_position, signer_name,
        type_name, code_number, code_notation, issued_date_vn, organ_name, language, signer_info_position,
        signer_info_full_name, to_places, priority, dc_title, dc_creator, dc_subject, dc_description,
        dc_publisher, dc_contributor, dc_date, dc_type, dc_format, dc_identifier, dc_source, dc_language,
        dc_relation, dc_coverage, dc_rights, text, record_json)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql");
    VANBAN_RETURN_IF_ERROR(ins.status());
    int i = 0;
    auto s = [&](std::string_view v) { ins.BindNullable(++i, v); };
    ins.Bind(1, d.path).Bind(2, d.sha256).Bind(3, d.size).Bind(4, NowIso());
    ins.Bind(5, int64_t{doc.administrative}).Bind(6, int64_t{doc.source.ocr}).Bind(7, int64_t{doc.source.restored});
    i = 7;
    s(h.doc_type ? h.doc_type->code : "");
    s(h.doc_type ? h.doc_type->label_vi : "");
    s(h.number_symbol ? h.number_symbol->number : "");
    s(h.number_symbol ? h.number_symbol->symbol : "");
    s(h.number_symbol ? h.number_symbol->full : "");
    s(h.issued_date ? h.issued_date->iso : "");
    s(h.issuer ? h.issuer->text : "");
    s(h.issuer ? SearchKey(h.issuer->text) : "");
    s(h.place ? h.place->text : "");
    s(h.subject ? h.subject->text : "");
    s(doc.signature ? doc.signature->position : "");
    s(doc.signature ? doc.signature->signer_name : "");
    for (const std::string* v : {&f.type_name, &f.code_number, &f.code_notation, &f.issued_date, &f.organ_name,
                                 &f.language, &f.signer_position, &f.signer_full_name, &f.to, &f.priority,
                                 &f.dc_title, &f.dc_creator, &f.dc_subject, &f.dc_description, &f.dc_publisher,
                                 &f.dc_contributor, &f.dc_date, &f.dc_type, &f.dc_format, &f.dc_identifier,
                                 &f.dc_source, &f.dc_language, &f.dc_relation, &f.dc_coverage, &f.dc_rights}) {
      s(*v);
    }
    ins.Bind(i + 1, d.text).Bind(i + 2, d.record_json);
    VANBAN_RETURN_IF_ERROR(ins.Run());
    int64_t id = sqlite3_last_insert_rowid(db);

    std::string subject = h.subject ? h.subject->text : "";
    Stmt fts(db, "INSERT INTO documents_fts(rowid, subject, body, subject_key, body_key) VALUES (?,?,?,?,?)");
    fts.Bind(1, id).Bind(2, subject).Bind(3, d.text).Bind(4, SearchKey(subject)).Bind(5, SearchKey(d.text));
    VANBAN_RETURN_IF_ERROR(fts.Run());

    Stmt task(db, R"sql(INSERT INTO tasks (doc_id, task_id, section_id, source, appendix, stt, task_text,
        timeline_kind, timeline_raw, deadline_date, recurrence, lead_units, support_units, executor_units,
        product, line_start, line_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql");
    for (const Task& t : doc.tasks) {
      std::string lead, support, exec;
      for (const Role& r : t.roles) {
        std::string* dst = r.role == "lead" ? &lead : r.role == "support" ? &support : &exec;
        for (const auto& u : r.units) *dst += (dst->empty() ? "" : "; ") + u;
      }
      const Timeline* tl = t.timeline ? &*t.timeline : nullptr;
      task.Bind(1, id).Bind(2, t.task_id).BindNullable(3, t.section_id).BindNullable(4, t.source)
          .BindNullable(5, t.appendix).BindNullable(6, t.stt).BindNullable(7, t.task_text)
          .BindNullable(8, tl ? tl->kind : "").BindNullable(9, tl ? tl->raw : "")
          .BindNullable(10, tl ? tl->deadline : "").BindNullable(11, tl ? tl->recurrence : "")
          .BindNullable(12, lead).BindNullable(13, support).BindNullable(14, exec)
          .BindNullable(15, t.product ? t.product->text : "").Bind(16, int64_t{t.lines.start})
          .Bind(17, int64_t{t.lines.end});
      VANBAN_RETURN_IF_ERROR(task.Run());
      VANBAN_RETURN_IF_ERROR(task.Reset());
    }
    Stmt ref(db, R"sql(INSERT INTO refs (doc_id, ref_id, type_code, type_label_vi, number, year, symbol,
        full_symbol, style, ref_date, issuer_text, mentions, line_start) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?))sql");
    for (const Reference& r : doc.references) {
      ref.Bind(1, id).Bind(2, r.id).BindNullable(3, r.type_code).BindNullable(4, r.type_label_vi)
          .BindNullable(5, r.number).BindNullable(6, r.year).BindNullable(7, r.symbol).BindNullable(8, r.full)
          .BindNullable(9, r.style).BindNullable(10, r.date).BindNullable(11, r.issuer_text)
          .Bind(12, static_cast<int64_t>(r.mentions.size()))
          .Bind(13, int64_t{r.mentions.empty() ? 0 : r.mentions.front().lines.start});
      VANBAN_RETURN_IF_ERROR(ref.Run());
      VANBAN_RETURN_IF_ERROR(ref.Reset());
    }
    Stmt dl(db, "INSERT INTO deadlines (doc_id, deadline_id, date, recurrence, task_id, text, line_start) VALUES (?,?,?,?,?,?,?)");
    for (const Deadline& x : doc.deadlines) {
      dl.Bind(1, id).Bind(2, x.id).BindNullable(3, x.date).BindNullable(4, x.recurrence).BindNullable(5, x.task_id)
          .BindNullable(6, x.text).Bind(7, int64_t{x.lines.start});
      VANBAN_RETURN_IF_ERROR(dl.Run());
      VANBAN_RETURN_IF_ERROR(dl.Reset());
    }
    // NĐ 30 Phụ lục VI III.1.h: warn on a second document with the same number, symbol, issuer.
    if (!f.code_number.empty() && !f.code_notation.empty()) {
      Stmt dup(db, R"sql(SELECT path FROM documents WHERE code_number = ? AND code_notation = ?
                          AND organ_name IS ? AND substr(issued_date, 1, 4) IS substr(?, 1, 4) AND id <> ? LIMIT 1)sql");
      dup.Bind(1, f.code_number).Bind(2, f.code_notation).BindNullable(3, f.organ_name).BindNullable(4, f.dc_date).Bind(5, id);
      if (dup.Step()) result.duplicate_of = dup.Text(0);
      VANBAN_RETURN_IF_ERROR(dup.status());
    }
    return result;
  };
  auto result = body();
  if (!result.ok()) {
    (void)Exec(db, "ROLLBACK TO put_document");
    (void)Exec(db, "RELEASE put_document");
    return result.status();
  }
  VANBAN_RETURN_IF_ERROR(Exec(db, "RELEASE put_document"));
  return result;
}

Result<std::vector<SearchHit>> Archive::Search(const SearchQuery& q) {
  std::vector<SearchHit> hits;
  std::string match = MatchExpression(q.text);
  std::string filters =
      " AND (?2 = '' OR d.doc_type = ?2) AND (?3 = '' OR d.issuer_key LIKE '%' || ?3 || '%')"
      " AND (?4 = '' OR d.issued_date >= ?4) AND (?5 = '' OR d.issued_date <= ?5)";
  std::string sql;
  if (!match.empty()) {
    // Accented columns weigh more, so exact spellings rank above accent-free matches.
    sql = "SELECT d.id, d.path, d.full_symbol, d.doc_type, d.issued_date, d.issuer, d.subject,"
          " bm25(documents_fts, 8.0, 2.0, 4.0, 1.0) AS score, documents_fts.body,"
          " highlight(documents_fts, 3, char(1), char(2))"
          " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
          " WHERE documents_fts MATCH ?1" + filters + " ORDER BY score LIMIT ?6";
  } else {
    sql = "SELECT d.id, d.path, d.full_symbol, d.doc_type, d.issued_date, d.issuer, d.subject, 0.0, '', ''"
          " FROM documents d WHERE ?1 = ''" + filters + " ORDER BY d.issued_date DESC, d.path LIMIT ?6";
  }
  Stmt s(impl_->db, sql);
  VANBAN_RETURN_IF_ERROR(s.status());
  s.Bind(1, match).Bind(2, q.type).Bind(3, SearchKey(q.issuer)).Bind(4, q.from).Bind(5, q.to)
      .Bind(6, int64_t{q.limit > 0 ? q.limit : 20});
  while (s.Step()) {
    SearchHit h;
    h.id = s.Int(0);
    h.path = s.Text(1);
    h.full_symbol = s.Text(2);
    h.doc_type = s.Text(3);
    h.issued_date = s.Text(4);
    h.issuer = s.Text(5);
    h.subject = s.Text(6);
    h.score = s.Double(7);
    if (!match.empty()) h.snippet = Snippet(s.Text(8), s.Text(9), q);
    hits.push_back(std::move(h));
  }
  if (!s.status().ok()) {
    return Status::InvalidArgument("search failed for '" + q.text + "': " + s.status().message());
  }
  return hits;
}

Result<ArchiveStats> Archive::Stats() {
  ArchiveStats st;
  Stmt s(impl_->db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tasks),"
                    " (SELECT count(*) FROM refs), (SELECT count(*) FROM deadlines)");
  if (!s.Step()) return s.status().ok() ? Status::Internal("no row") : s.status();
  st.documents = s.Int(0);
  st.tasks = s.Int(1);
  st.references = s.Int(2);
  st.deadlines = s.Int(3);
  return st;
}

}  // namespace vanban
