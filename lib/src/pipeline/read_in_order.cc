// ReadInOrder and RestoreInOrder: the documents of one file read (or restored) by several
// readers at once, handed over in the file's order. Restoring is most of a document's time
// and each document is restored on its own, so a file of many documents (a batch of scans
// saved as one text) keeps every core busy while its results come out as a single reader
// would give them.
#include "pipeline/in_order.h"
#include "vanban/pipeline.h"

namespace vanban {

void ReadInOrder(std::span<const DocumentPart> parts, const std::string& source_name,
                 std::span<DocumentReader* const> readers,
                 const std::function<void(size_t index, Result<ReadResult> read)>& use) {
  internal::InOrder<Result<ReadResult>>(
      parts.size(), readers.size(),
      [&](size_t worker, size_t i) { return readers[worker]->FromText(parts[i].text, source_name, parts[i].first_line); },
      use);
}

void RestoreInOrder(std::span<const DocumentPart> parts, std::span<Restorer* const> restorers,
                    const std::function<void(size_t index, RestoreResult restored)>& use) {
  internal::InOrder<RestoreResult>(
      parts.size(), restorers.size(), [&](size_t worker, size_t i) { return restorers[worker]->Restore(parts[i].text); },
      use);
}

}  // namespace vanban
