// A thin RAII layer over the SQLite C API: one connection, prepared statements, transactions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace agora::community::sqlite {

class Connection;

/// A prepared statement. Parameters are bound by position (1-based) or all at once.
class Statement {
 public:
  Statement(Connection& connection, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::nullopt_t);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }

  /// Binds every argument in order, from parameter 1.
  template <typename... Values>
  Statement& bind_all(const Values&... values) {
    int index = 0;
    (bind(++index, values), ...);
    return *this;
  }

  /// Advances to the next row; false when there is none.
  bool step();
  /// Runs a statement that returns no rows.
  void run();

  bool is_null(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;

 private:
  Connection& connection_;
  sqlite3_stmt* statement_ = nullptr;
};

/// One database connection. Not thread-safe: callers serialise access.
class Connection {
 public:
  /// Opens (creating) the database file. Throws agora::InternalError when it cannot.
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs one or more statements that return no rows.
  void execute(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;

  /// The current error message, for exceptions.
  std::string error_message() const;
  sqlite3* handle() { return database_; }

 private:
  sqlite3* database_ = nullptr;
};

/// BEGIN IMMEDIATE … COMMIT, rolled back when the scope is left by an exception.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace agora::community::sqlite
