// The rows one document becomes, in the column order of the schema (schema.h), for either
// back end: the values are computed once here, the back ends only bind them.
#ifndef VANBAN_ARCHIVE_ARCHIVE_ROWS_H_
#define VANBAN_ARCHIVE_ARCHIVE_ROWS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/archive.h"

namespace vanban::internal {

using RowValue = std::optional<std::string>;  // nullopt = NULL; integers as decimal text
using Row = std::vector<RowValue>;

struct DocumentRows {
  Row document;  // documents, every column but id
  std::vector<Row> tasks, refs, deadlines;  // every column but doc_id
  ArchivalFields fields;
};

DocumentRows RowsOf(const ArchiveDocument& d, std::string_view indexed_at);

// The value of |column| of a documents row (RowsOf's document), '' when NULL.
std::string DocumentValue(const Row& document, std::string_view column);
// The document's type key as schema.h StoredTypeKeySql computes it from the stored row.
std::string DocumentTypeKey(const Row& document);

// "INSERT INTO table (c1, …) VALUES (p1, …)" for every column but the key ("id"), the
// placeholders made by |placeholder|(1…n) ("?" or "$n").
std::string InsertSql(const char* table, std::string (*placeholder)(int));

// The current UTC time as ISO 8601 ("2026-01-21T08:00:00Z").
std::string NowIso();

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_ARCHIVE_ROWS_H_
