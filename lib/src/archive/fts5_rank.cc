#include "archive/fts5_rank.h"

#include <vector>

namespace vanban::internal {
namespace {

// bm25's parameters, as FTS5 sets them.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// FTS5 bm25 (fts5_aux.c) with every phrase's IDF 1: sum over the phrases of
// f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)), f the phrase's hits weighted by column.
void VanbanRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  const int phrases = api->xPhraseCount(fts);
  std::vector<double> freq(static_cast<size_t>(phrases), 0.0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc != SQLITE_OK) break;
    const double weight = column < argc ? sqlite3_value_double(argv[column]) : 1.0;
    freq[static_cast<size_t>(phrase)] += weight;
  }
  sqlite3_int64 rows = 0, total = 0;
  int tokens = 0;
  if (rc == SQLITE_OK) rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &total);
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const double avgdl = rows > 0 && total > 0 ? static_cast<double>(total) / static_cast<double>(rows) : 1.0;
  const double norm = kK1 * (1 - kB + kB * static_cast<double>(tokens) / avgdl);
  double score = 0;
  for (double f : freq) score += f * (kK1 + 1) / (f + norm);
  sqlite3_result_double(ctx, -score);
}

}  // namespace

Status RegisterVanbanRank(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::IOError(std::string("FTS5 is not available: ") + sqlite3_errmsg(db));
  }
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api == nullptr) return Status::IOError("FTS5 is not available");
  if (api->xCreateFunction(api, "vanban_rank", nullptr, VanbanRank, nullptr) != SQLITE_OK) {
    return Status::IOError(std::string("cannot register vanban_rank: ") + sqlite3_errmsg(db));
  }
  return Status::Ok();
}

}  // namespace vanban::internal
