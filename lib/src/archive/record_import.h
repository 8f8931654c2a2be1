// Records of `vanban parse` (vanban.doc/1 JSON Lines) read back for the archive.
#ifndef VANBAN_ARCHIVE_RECORD_IMPORT_H_
#define VANBAN_ARCHIVE_RECORD_IMPORT_H_

#include <string>
#include <string_view>

#include "vanban/document.h"
#include "vanban/status.h"

namespace vanban::internal {

struct ImportedRecord {
  Document doc;        // the document the record was written from
  std::string text;    // the text the record carries, in reading order, for search
  std::string record;  // the JSON line itself
};

// One JSON line; kCorruption when it is not a vanban.doc/1 record with a source.path.
Result<ImportedRecord> RecordFromJsonLine(std::string_view line);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_RECORD_IMPORT_H_
