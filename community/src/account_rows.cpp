// Reading account rows; the password rule; ending sessions.
#include "account_rows.hpp"

#include "agora/error.hpp"

namespace agora::community {

Account account_from(const sqlite::Statement& row, int first) {
  return {row.integer(first), row.text(first + 1), row.text(first + 2),
          parse_role(row.text(first + 3)).value_or(Role::learner), row.integer(first + 4) != 0};
}

std::optional<Account> find_account(sqlite::Connection& connection, const std::string& username) {
  sqlite::Statement query(
      connection, std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE username = ?");
  query.bind(1, username);
  if (!query.step()) return std::nullopt;
  return account_from(query);
}

Account require_account(sqlite::Connection& connection, const std::string& username) {
  auto account = find_account(connection, username);
  if (!account) throw NotFound("no account named '" + username + "'");
  return *account;
}

std::optional<FieldProblem> password_problem(const std::string& password) {
  if (password.size() < 10 || password.size() > 1024) {
    return FieldProblem{"password", "must be 10 to 1024 bytes long"};
  }
  return std::nullopt;
}

int end_account_sessions(sqlite::Connection& connection, std::int64_t account_id) {
  sqlite::Statement(connection, "DELETE FROM sessions WHERE account_id = ?")
      .bind(1, account_id)
      .run();
  return connection.changes();
}

}  // namespace agora::community
