// ExportBulk: an archive as OpenSearch / Elasticsearch bulk files (NDJSON).
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "vanban/archive.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

Json OrNull(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

// An ISO date the engines accept as a date ("2025-01-??" is not one: null, the text stays
// in issued_date_text).
Json DateOrNull(const std::string& iso) {
  return iso.size() == 10 && iso.find('?') == std::string::npos ? Json(iso) : Json(nullptr);
}

std::string FileName(const BulkExportOptions& o, size_t n) {
  char num[16];
  std::snprintf(num, sizeof num, "%05zu", n);
  std::error_code ec;
  const bool dir = !o.out.empty() && (o.out.back() == '/' || fs::is_directory(o.out, ec));
  if (dir) return (fs::path(o.out) / (std::string("vanban-") + num + ".ndjson")).string();
  return o.out + "-" + num + ".ndjson";
}

}  // namespace

std::string BulkDocumentJson(const StoredRecord& r) {
  Json record = Json::parse(r.record_json, nullptr, /*allow_exceptions=*/false);
  Json doc = {{"path", r.path},
              {"sha256", r.sha256},
              {"symbol", OrNull(r.full_symbol)},
              {"type", OrNull(r.doc_type)},
              {"issued_date", DateOrNull(r.issued_date)},
              {"issued_date_text", OrNull(r.issued_date)},
              {"issuer", OrNull(r.issuer)},
              {"issuer_folded", OrNull(SearchKey(r.issuer))},
              {"subject", OrNull(r.subject)},
              {"subject_folded", OrNull(SearchKey(r.subject))},
              {"text", r.text},
              {"text_folded", SearchKey(r.text)},
              {"record", record.is_discarded() ? Json(nullptr) : record}};
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<BulkExportStats> ExportBulk(Archive& archive, const BulkExportOptions& o) {
  if (o.out.empty()) return Status::InvalidArgument("bulk export needs an output directory or file prefix (-o)");
  BulkExportStats stats;
  std::ofstream file;
  size_t file_bytes = 0;
  auto close = [&]() -> Status {
    if (!file.is_open()) return Status::Ok();
    file.close();
    if (!file) return Status::IOError(stats.files.back() + ": write failed");
    return Status::Ok();
  };
  Status st = archive.ForEachStoredRecord([&](const StoredRecord& r) -> Status {
    // The _id: the path's hash, the same whichever back end or run exported it.
    Json action = {{"index", {{"_index", o.index}, {"_id", Sha256Hex(r.path)}}}};
    std::string pair = action.dump() + "\n" + BulkDocumentJson(r) + "\n";
    if (!file.is_open() || (file_bytes > 0 && file_bytes + pair.size() > o.max_file_bytes)) {
      VANBAN_RETURN_IF_ERROR(close());
      stats.files.push_back(FileName(o, stats.files.size() + 1));
      file.open(stats.files.back(), std::ios::binary | std::ios::trunc);
      if (!file) return Status::IOError(stats.files.back() + ": cannot create the file");
      file_bytes = 0;
    }
    file << pair;
    file_bytes += pair.size();
    ++stats.documents;
    return Status::Ok();
  });
  VANBAN_RETURN_IF_ERROR(st);
  VANBAN_RETURN_IF_ERROR(close());
  return stats;
}

}  // namespace vanban
