// Setting passwords in the state database.
#include "agora/community/passwords.hpp"

#include "account_rows.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/secrets.hpp"

namespace agora::community {
namespace {

void require_valid_password(const std::string& password) {
  if (auto problem = password_problem(password)) throw InvalidFields({*problem});
}

void require_enabled(const Account& account) {
  if (account.disabled) throw InvalidInput("account '" + account.username + "' is disabled");
}

/// Stores `hash` as the account's password and signs it out everywhere.
int replace_password(sqlite::Connection& connection, const Account& account,
                     const std::string& hash) {
  sqlite::Statement(connection, "UPDATE accounts SET password_hash = ? WHERE id = ?")
      .bind_all(hash, account.id)
      .run();
  return end_account_sessions(connection, account.id);
}

}  // namespace

void Passwords::set(const std::string& username, const std::string& password, const Actor& actor) {
  require_valid_password(password);
  // Hashing takes a tenth of a second: do it before taking the database lock.
  const std::string hash = hash_password(password);
  state_.write([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    require_enabled(account);
    const int ended = replace_password(connection, account, hash);
    append_audit(connection, actor, "account.password", "account:" + account.username,
                 {{"endedSessions", ended}});
  });
}

}  // namespace agora::community
