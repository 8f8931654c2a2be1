// The archival fields (ArchivalFields, vanban/archive.h) written down once: each with its
// column in the documents table and its member in the record's "archival" (NĐ 30 Phụ lục
// VI) or "dublin_core" object. ArchivalJson and the documents row (archive_rows.cc) walk
// this list; the schema's migration 1 lists the same columns (a migration is history, so
// it keeps its own list; a unit test holds the two together).
#ifndef VANBAN_ARCHIVE_ARCHIVAL_FIELDS_H_
#define VANBAN_ARCHIVE_ARCHIVAL_FIELDS_H_

#include <string>
#include <vector>

#include "vanban/archive.h"

namespace vanban::internal {

struct ArchivalField {
  const char* column;  // in documents; nullptr when a column of its own holds it (subject)
  const char* object;  // "archival" or "dublin_core"
  const char* key;     // the JSON member; "SignerInfo/Position" is Position in SignerInfo
  std::string ArchivalFields::*member;
  bool list = false;   // "; "-joined here, an array in JSON
};

// In the order of the JSON members and of the columns.
const std::vector<ArchivalField>& ArchivalFieldList();

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_ARCHIVAL_FIELDS_H_
