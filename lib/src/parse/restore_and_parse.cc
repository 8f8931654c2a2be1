// RestoreAndParse: the default pipeline of `vanban parse` (restore, then parse).
#include "vanban/parse.h"
#include "vanban/restore.h"

namespace vanban {

Result<Document> RestoreAndParse(std::string_view text, Restorer* restorer, ParseOptions options) {
  if (restorer == nullptr) return ParseDocument(text, options);
  RestoreResult restored = restorer->Restore(text);
  options.restored_text = restored.text;
  return ParseDocument(text, options);
}

}  // namespace vanban
