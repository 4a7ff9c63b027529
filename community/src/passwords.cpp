// Setting and resetting passwords in the state database.
#include "agora/community/passwords.hpp"

#include <cmath>

#include "account_rows.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/secrets.hpp"

namespace agora::community {
namespace {

/// How long a used or expired reset is remembered, so that trying it again says why it
/// fails rather than "unknown".
constexpr std::int64_t kResetMemorySeconds = 7 * 86400;

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

/// The account a reset token is for; UnusableToken when it cannot be used now.
Account reset_account(sqlite::Connection& connection, const std::string& digest) {
  sqlite::Statement query(connection,
                          "SELECT a.id, a.username, a.display_name, a.role, a.disabled, "
                          "r.expires_at, r.used_at FROM password_resets r "
                          "JOIN accounts a ON a.id = r.account_id WHERE r.digest = ?");
  query.bind(1, digest);
  const std::string ask = "; ask an admin for a new one";
  if (!query.step()) throw UnusableToken("unknown password reset token" + ask);
  if (!query.is_null(6)) throw UnusableToken("this password reset token has been used" + ask);
  if (query.integer(5) <= now_seconds()) {
    throw UnusableToken("this password reset token has expired" + ask);
  }
  const Account account = account_from(query);
  if (account.disabled) throw UnusableToken("this account is disabled");
  return account;
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

IssuedReset Passwords::issue_reset(const std::string& username, double hours, const Actor& actor) {
  const std::int64_t now = now_seconds();
  IssuedReset issued{random_token("reset_"),
                     now + static_cast<std::int64_t>(std::ceil(hours * 3600))};
  state_.write([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    require_enabled(account);
    // Swept here rather than by a timer, like expired sessions.
    sqlite::Statement(connection, "DELETE FROM password_resets WHERE expires_at <= ?")
        .bind(1, now - kResetMemorySeconds)
        .run();
    sqlite::Statement(connection,
                      "DELETE FROM password_resets WHERE account_id = ? AND used_at IS NULL")
        .bind(1, account.id)
        .run();
    sqlite::Statement(connection,
                      "INSERT INTO password_resets (digest, account_id, created_at, expires_at) "
                      "VALUES (?, ?, ?, ?)")
        .bind_all(token_digest(issued.token), account.id, now, issued.expires_at)
        .run();
    append_audit(connection, actor, "account.reset_token", "account:" + account.username,
                 {{"expiresAt", iso_time(issued.expires_at)}});
  });
  return issued;
}

Account Passwords::reset(const std::string& token, const std::string& password) {
  const std::string digest = token_digest(token);
  state_.read([&](sqlite::Connection& connection) { reset_account(connection, digest); });
  require_valid_password(password);
  const std::string hash = hash_password(password);
  // Checked again under the write lock: of two resets with one token, one wins.
  return state_.write([&](sqlite::Connection& connection) {
    const Account account = reset_account(connection, digest);
    sqlite::Statement(connection, "UPDATE password_resets SET used_at = ? WHERE digest = ?")
        .bind_all(now_seconds(), digest)
        .run();
    const int ended = replace_password(connection, account, hash);
    append_audit(connection, {account.id, account.username}, "account.password_reset",
                 "account:" + account.username, {{"endedSessions", ended}});
    return account;
  });
}

}  // namespace agora::community
