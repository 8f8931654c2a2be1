// The archive's schema as a list of migrations; version N = the first N applied.
// Documented in docs/archive.md; never edit a released migration, append a new one.
#ifndef VANBAN_ARCHIVE_SCHEMA_H_
#define VANBAN_ARCHIVE_SCHEMA_H_

#include <vector>

namespace vanban::internal {

inline const std::vector<const char*>& ArchiveMigrations() {
  static const std::vector<const char*> kMigrations = {
      // 1: documents, tasks, refs, deadlines and the full-text index.
      R"sql(
CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  path            TEXT NOT NULL UNIQUE,
  sha256          TEXT NOT NULL,
  size            INTEGER NOT NULL,
  indexed_at      TEXT NOT NULL,
  administrative  INTEGER NOT NULL,
  ocr             INTEGER NOT NULL,
  restored        INTEGER NOT NULL,
  doc_type        TEXT,
  doc_type_label  TEXT,
  number          TEXT,
  symbol          TEXT,
  full_symbol     TEXT,
  issued_date     TEXT,
  issuer          TEXT,
  issuer_key      TEXT,
  place           TEXT,
  subject         TEXT,
  signer_position TEXT,
  signer_name     TEXT,
  type_name       TEXT,
  code_number     TEXT,
  code_notation   TEXT,
  issued_date_vn  TEXT,
  organ_name      TEXT,
  language        TEXT,
  signer_info_position  TEXT,
  signer_info_full_name TEXT,
  to_places       TEXT,
  priority        TEXT,
  dc_title TEXT, dc_creator TEXT, dc_subject TEXT, dc_description TEXT, dc_publisher TEXT,
  dc_contributor TEXT, dc_date TEXT, dc_type TEXT, dc_format TEXT, dc_identifier TEXT,
  dc_source TEXT, dc_language TEXT, dc_relation TEXT, dc_coverage TEXT, dc_rights TEXT,
  text            TEXT NOT NULL,
  record_json     TEXT NOT NULL
);
CREATE INDEX documents_type_date ON documents(doc_type, issued_date);
CREATE INDEX documents_date ON documents(issued_date);
CREATE INDEX documents_triple ON documents(code_number, code_notation, organ_name);
CREATE TABLE tasks (
  doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  task_id        TEXT NOT NULL,
  section_id     TEXT,
  source         TEXT,
  appendix       TEXT,
  stt            TEXT,
  task_text      TEXT,
  timeline_kind  TEXT,
  timeline_raw   TEXT,
  deadline_date  TEXT,
  recurrence     TEXT,
  lead_units     TEXT,
  support_units  TEXT,
  executor_units TEXT,
  product        TEXT,
  line_start     INTEGER,
  line_end       INTEGER
);
CREATE INDEX tasks_doc ON tasks(doc_id);
CREATE TABLE refs (
  doc_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ref_id        TEXT NOT NULL,
  type_code     TEXT,
  type_label_vi TEXT,
  number        TEXT,
  year          TEXT,
  symbol        TEXT,
  full_symbol   TEXT,
  style         TEXT,
  ref_date      TEXT,
  issuer_text   TEXT,
  mentions      INTEGER NOT NULL,
  line_start    INTEGER
);
CREATE INDEX refs_doc ON refs(doc_id);
CREATE INDEX refs_symbol ON refs(full_symbol);
CREATE TABLE deadlines (
  doc_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  deadline_id TEXT NOT NULL,
  date        TEXT,
  recurrence  TEXT,
  task_id     TEXT,
  text        TEXT,
  line_start  INTEGER
);
CREATE INDEX deadlines_doc ON deadlines(doc_id);
CREATE INDEX deadlines_date ON deadlines(date);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  subject, body, subject_key, body_key,
  tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
END;
)sql",
  };
  return kMigrations;
}

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_SCHEMA_H_
