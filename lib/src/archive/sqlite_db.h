// Thin RAII helpers over the SQLite C API, returning Status instead of codes.
#ifndef VANBAN_ARCHIVE_SQLITE_DB_H_
#define VANBAN_ARCHIVE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "vanban/status.h"

namespace vanban::internal {

inline Status SqliteError(sqlite3* db, std::string_view what) {
  return Status::IOError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

inline Status Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IOError("sqlite: " + m);
  }
  return Status::Ok();
}

// A prepared statement; bind with 1-based indexes, then Step() until it returns false.
class Stmt {
 public:
  // |persistent|: the statement is kept and reused (SQLITE_PREPARE_PERSISTENT).
  Stmt(sqlite3* db, std::string_view sql, bool persistent = false) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                           &stmt_, nullptr) != SQLITE_OK) {
      status_ = SqliteError(db, "prepare");
      stmt_ = nullptr;
    }
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  const Status& status() const { return status_; }
  Stmt& Bind(int i, std::string_view v) {
    if (stmt_) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& BindNullable(int i, std::string_view v) {
    if (v.empty()) {
      if (stmt_) sqlite3_bind_null(stmt_, i);
      return *this;
    }
    return Bind(i, v);
  }
  // Parameter |i| bound to column |col| of |from|'s current row as it is (NULL, type).
  Stmt& BindValue(int i, const Stmt& from, int col) {
    if (stmt_ && from.stmt_) sqlite3_bind_value(stmt_, i, sqlite3_column_value(from.stmt_, col));
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    if (stmt_) sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // True while a row is available; errors end the loop and set status().
  bool Step() {
    if (!stmt_) return false;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) status_ = SqliteError(db_, "step");
    return false;
  }
  // Runs a statement that returns no rows.
  Status Run() {
    while (Step()) {
    }
    return status_;
  }
  Status Reset() {
    if (stmt_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
    return status_;
  }
  // Makes a cached statement ready for a new execution: reset, unbound, no error.
  void Rewind() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    status_ = Status::Ok();
  }
  std::string Text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_, col)) : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_SQLITE_DB_H_
