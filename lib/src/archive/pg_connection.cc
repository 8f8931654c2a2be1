#include "archive/pg_connection.h"

#include <cstdlib>
#include <cstring>

#include "vanban/archive.h"

namespace vanban {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Masks the value of every "password=" setting (URI query or keyword/value string).
std::string MaskPasswordSettings(std::string s) {
  for (size_t at = 0; (at = s.find("password=", at)) != std::string::npos;) {
    size_t begin = at + 9, end = begin;
    if (end < s.size() && s[end] == '\'') {  // keyword/value quoting: 'it''s'
      ++end;
      while (end < s.size() && !(s[end] == '\'' && (end + 1 >= s.size() || s[end + 1] != '\''))) end += s[end] == '\'' ? 2 : 1;
      if (end < s.size()) ++end;
    } else {
      while (end < s.size() && s[end] != '&' && s[end] != ' ') ++end;
    }
    s.replace(begin, end - begin, "***");
    at = begin + 3;
  }
  return s;
}

// The password of a URI's user part ("postgresql://user:PASSWORD@host/…"), as typed.
std::string UriPassword(std::string_view s) {
  size_t scheme = s.find("://");
  if (scheme == std::string_view::npos) return "";
  size_t begin = scheme + 3;
  size_t end = s.find_first_of("/?", begin);
  if (end == std::string_view::npos) end = s.size();
  size_t at = s.rfind('@', end);
  if (at == std::string_view::npos || at < begin) return "";
  size_t colon = s.find(':', begin);
  if (colon == std::string_view::npos || colon > at) return "";
  return std::string(s.substr(colon + 1, at - colon - 1));
}

}  // namespace

bool IsPostgresArchive(std::string_view db) {
  return StartsWith(db, "postgresql://") || StartsWith(db, "postgres://") || StartsWith(db, "pg:");
}

std::string ArchiveDisplayName(std::string_view db) {
  if (!IsPostgresArchive(db)) return std::string(db);
  std::string s(db);
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  const std::string password = UriPassword(s);
  if (!password.empty()) s.replace(s.find(":" + password + "@") + 1, password.size(), "***");
  return MaskPasswordSettings(s);
}

namespace internal {

std::string CleanPgMessage(std::string_view message, const std::vector<std::string>& secrets) {
  std::string out;
  for (char c : message) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (size_t at = 0; (at = out.find(secret, at)) != std::string::npos; at += 3) out.replace(at, secret.size(), "***");
  }
  return out;
}

int64_t PgResult::Int(int row, int col) const { return std::strtoll(PQgetvalue(r_.get(), row, col), nullptr, 10); }
double PgResult::Double(int row, int col) const { return std::strtod(PQgetvalue(r_.get(), row, col), nullptr); }

namespace {
extern "C" void IgnoreNotice(void*, const char*) {}
}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& conninfo) {
  // The passwords that could reach a message: the connection string's and $PGPASSWORD.
  std::vector<std::string> secrets = {UriPassword(conninfo)};
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parse_error);
  if (options == nullptr) {
    std::string why = parse_error ? parse_error : "out of memory";
    PQfreemem(parse_error);
    return Status::InvalidArgument("invalid PostgreSQL connection string: " + CleanPgMessage(MaskPasswordSettings(why), secrets));
  }
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (std::strcmp(o->keyword, "password") == 0 && o->val != nullptr) secrets.emplace_back(o->val);
  }
  PQconninfoFree(options);
  if (const char* env = std::getenv("PGPASSWORD")) secrets.emplace_back(env);
  // An unreachable host fails within seconds rather than the TCP default of minutes,
  // unless the connection string or $PGCONNECT_TIMEOUT says otherwise (later keys win).
  const bool env_timeout = std::getenv("PGCONNECT_TIMEOUT") != nullptr;
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {"10", "vanban", conninfo.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(env_timeout ? keys + 1 : keys, env_timeout ? values + 1 : values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::IOError("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = CleanPgMessage(PQerrorMessage(conn), secrets);
    PQfinish(conn);
    return Status::IOError("cannot connect to PostgreSQL: " + why);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn, std::move(secrets)));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Status PgConnection::Error(std::string_view what, const char* message) const {
  std::string why = CleanPgMessage(message ? message : "", secrets_);
  if (PQstatus(conn_) != CONNECTION_OK) return Status::IOError("lost the connection to PostgreSQL: " + why);
  // The server refused this statement (e.g. one document's data): not the connection's fault.
  return Status::Corruption(std::string(what) + ": " + why);
}

Result<PgResult> PgConnection::Query(const std::string& sql, const std::vector<PgParam>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const PgParam& p : params) values.push_back(p ? p->c_str() : nullptr);
  PGresult* raw = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
  PgResult r(raw);
  ExecStatusType st = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    return Error("postgresql", raw ? PQresultErrorMessage(raw) : PQerrorMessage(conn_));
  }
  return r;
}

Status PgConnection::Exec(const std::string& sql, const std::vector<PgParam>& params) {
  auto r = Query(sql, params);
  return r.ok() ? Status::Ok() : r.status();
}

Status PgConnection::ExecScript(const std::string& sql) {
  PGresult* r = PQexec(conn_, sql.c_str());
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  Status out = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? Status::Ok()
                                                                : Error("postgresql", r ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
  PQclear(r);
  return out;
}

}  // namespace internal
}  // namespace vanban
