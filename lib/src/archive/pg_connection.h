// Thin RAII helpers over libpq, returning Status instead of codes. Every statement goes
// through parameters (PQexecParams); error texts are made one line and never carry the
// password of the connection string.
#ifndef VANBAN_ARCHIVE_PG_CONNECTION_H_
#define VANBAN_ARCHIVE_PG_CONNECTION_H_

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/pg_message.h"
#include "vanban/status.h"

namespace vanban::internal {

using PgParam = std::optional<std::string>;  // nullopt = SQL NULL

// A query result; rows are read by index.
class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
  int rows() const { return PQntuples(r_.get()); }
  bool IsNull(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string Text(int row, int col) const {
    return std::string(PQgetvalue(r_.get(), row, col), static_cast<size_t>(PQgetlength(r_.get(), row, col)));
  }
  int64_t Int(int row, int col) const;
  double Double(int row, int col) const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> r_;
};

class PgConnection {
 public:
  // |conninfo|: URI or keyword/value string; "" = libpq's defaults (PG* variables,
  // ~/.pgpass). Fails with kIOError and one line naming what went wrong.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& conninfo);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs |sql| with $1… bound to |params| (text format). A lost connection is kIOError,
  // a statement the server refuses kCorruption.
  Result<PgResult> Query(const std::string& sql, const std::vector<PgParam>& params = {});
  Status Exec(const std::string& sql, const std::vector<PgParam>& params = {});
  // Several statements without parameters (DDL).
  Status ExecScript(const std::string& sql);

 private:
  PgConnection(PGconn* conn, std::vector<std::string> secrets) : conn_(conn), secrets_(std::move(secrets)) {}
  Status Error(std::string_view what, const char* message) const;
  PGconn* conn_;
  std::vector<std::string> secrets_;  // passwords to mask in any message
};

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_PG_CONNECTION_H_
