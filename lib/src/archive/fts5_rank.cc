#include "archive/fts5_rank.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace vanban::internal {
namespace {

// bm25's parameters, as FTS5 sets them.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// The bm25 sum without IDF over per-phrase weighted hit counts |freq|, for the row. The
// length of a document is that of its first |columns| columns, the text: the filter tokens
// of schema version 5 (the last column) are not words of it, and leave every score as
// it was before them.
int Bm25NoIdf(const Fts5ExtensionApi* api, Fts5Context* fts, int columns, const std::vector<double>& freq,
              double* score) {
  sqlite3_int64 rows = 0, total = 0;
  int tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  for (int c = 0; rc == SQLITE_OK && c < columns; ++c) {
    sqlite3_int64 column_total = 0;
    int column_tokens = 0;
    rc = api->xColumnTotalSize(fts, c, &column_total);
    if (rc == SQLITE_OK) rc = api->xColumnSize(fts, c, &column_tokens);
    total += column_total;
    tokens += column_tokens;
  }
  if (rc != SQLITE_OK) return rc;
  const double avgdl = rows > 0 && total > 0 ? static_cast<double>(total) / static_cast<double>(rows) : 1.0;
  const double norm = kK1 * (1 - kB + kB * static_cast<double>(tokens) / avgdl);
  *score = 0;
  for (double f : freq) *score += f * (kK1 + 1) / (f + norm);
  return SQLITE_OK;
}

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
    // A column without a weight (the filter tokens) adds nothing.
    const double weight = column < argc ? sqlite3_value_double(argv[column]) : 0.0;
    freq[static_cast<size_t>(phrase)] += weight;
  }
  double score = 0;
  if (rc == SQLITE_OK) rc = Bm25NoIdf(api, fts, argc, freq, &score);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  sqlite3_result_double(ctx, -score);
}

void VanbanPhraseRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                      sqlite3_value** argv) {
  constexpr int kWeights = 4;
  const int phrases = api->xPhraseCount(fts);
  std::vector<std::vector<int64_t>> at(static_cast<size_t>(phrases));  // (column << 32 | offset), sorted
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) at[static_cast<size_t>(phrase)].push_back((static_cast<int64_t>(column) << 32) | offset);
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  for (auto& v : at) std::sort(v.begin(), v.end());
  std::vector<double> freq;
  bool found = false;
  int first = 0;
  for (int g = kWeights; g < argc; ++g) {
    const int n = sqlite3_value_int(argv[g]);
    double f = 0;
    if (n > 0 && first + n <= phrases) {
      for (int64_t start : at[static_cast<size_t>(first)]) {
        bool phrase = true;
        for (int k = 1; k < n && phrase; ++k) {
          const auto& next = at[static_cast<size_t>(first + k)];
          phrase = std::binary_search(next.begin(), next.end(), start + k);
        }
        if (phrase) f += sqlite3_value_double(argv[static_cast<int>(start >> 32)]);
      }
    }
    found |= f > 0;
    freq.push_back(f);
    first += n;
  }
  if (!found) {
    sqlite3_result_null(ctx);
    return;
  }
  double score = 0;
  if ((rc = Bm25NoIdf(api, fts, kWeights, freq, &score)) != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
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
  if (api->xCreateFunction(api, "vanban_rank", nullptr, VanbanRank, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "vanban_phrase_rank", nullptr, VanbanPhraseRank, nullptr) != SQLITE_OK) {
    return Status::IOError(std::string("cannot register vanban_rank: ") + sqlite3_errmsg(db));
  }
  return Status::Ok();
}

}  // namespace vanban::internal
