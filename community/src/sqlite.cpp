// SQLite calls with errors turned into exceptions.
#include "agora/community/sqlite.hpp"

#include <sqlite3.h>

#include "agora/error.hpp"

namespace agora::community::sqlite {
namespace {

void check(Connection& connection, int code, const char* what) {
  if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
    throw InternalError(std::string("state database: ") + what + ": " + connection.error_message());
  }
}

}  // namespace

Statement::Statement(Connection& connection, std::string_view sql) : connection_(connection) {
  check(connection_,
        sqlite3_prepare_v2(connection_.handle(), sql.data(), static_cast<int>(sql.size()),
                           &statement_, nullptr),
        "prepare");
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, std::int64_t value) {
  check(connection_, sqlite3_bind_int64(statement_, index, value), "bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  check(connection_, sqlite3_bind_double(statement_, index, value), "bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  check(connection_,
        sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8),
        "bind");
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  check(connection_, sqlite3_bind_null(statement_, index), "bind");
  return *this;
}

bool Statement::step() {
  const int code = sqlite3_step(statement_);
  check(connection_, code, "step");
  return code == SQLITE_ROW;
}

void Statement::run() {
  while (step()) {
  }
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string Statement::text(int column) const {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  return bytes ? std::string(bytes,
                             static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
               : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

Connection::Connection(const std::string& path) {
  const int code =
      sqlite3_open_v2(path.c_str(), &database_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = database_ ? sqlite3_errmsg(database_) : "out of memory";
    sqlite3_close(database_);
    throw InternalError("state database " + path + " cannot be opened: " + message);
  }
  // The admin commands may write while the daemon runs: wait for the other writer.
  sqlite3_busy_timeout(database_, 5000);
}

Connection::~Connection() { sqlite3_close(database_); }

void Connection::execute(std::string_view sql) {
  char* message = nullptr;
  const int code = sqlite3_exec(database_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    const std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw InternalError("state database: " + text);
  }
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(database_); }

int Connection::changes() const { return sqlite3_changes(database_); }

std::string Connection::error_message() const { return sqlite3_errmsg(database_); }

Transaction::Transaction(Connection& connection) : connection_(connection) {
  // IMMEDIATE takes the write lock now, so two writers wait instead of failing midway.
  connection_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.execute("ROLLBACK");
    } catch (...) {  // nothing more can be done in a destructor
    }
  }
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  done_ = true;
}

}  // namespace agora::community::sqlite
