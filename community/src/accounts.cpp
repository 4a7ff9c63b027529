// Accounts, tokens and sessions in the state database.
#include "agora/community/accounts.hpp"

#include <algorithm>
#include <cmath>
#include <regex>

#include "account_rows.hpp"
#include "agora/base/text.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/secrets.hpp"

namespace agora::community {

std::optional<Account> load_account(sqlite::Connection& connection,
                                    std::optional<std::int64_t> id) {
  if (!id) return std::nullopt;
  sqlite::Statement query(connection,
                          std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE id = ?");
  query.bind(1, *id);
  if (!query.step()) return std::nullopt;
  return account_from(query);
}

namespace {

constexpr std::size_t kMaxUsernameBytes = 40;

bool has_control_characters(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

std::vector<FieldProblem> check_new_account(const std::string& username,
                                            const std::string& display_name,
                                            const std::optional<std::string>& password) {
  static const std::regex username_pattern("^[A-Za-z0-9._-]{2,40}$");
  std::vector<FieldProblem> problems;
  if (!std::regex_match(username, username_pattern)) {
    problems.push_back({"username", "must be 2 to 40 letters, digits, '.', '_' or '-'"});
  }
  if (display_name.size() > 80 || has_control_characters(display_name)) {
    problems.push_back({"displayName", "must be at most 80 bytes, without control characters"});
  }
  if (password) {
    if (auto problem = password_problem(*password)) problems.push_back(*problem);
  }
  return problems;
}

}  // namespace

std::optional<Role> parse_role(const std::string& name) {
  if (name == "learner") return Role::learner;
  if (name == "contributor") return Role::contributor;
  if (name == "reviewer") return Role::reviewer;
  if (name == "admin") return Role::admin;
  return std::nullopt;
}

const char* role_name(Role role) {
  switch (role) {
    case Role::learner: return "learner";
    case Role::contributor: return "contributor";
    case Role::reviewer: return "reviewer";
    case Role::admin: return "admin";
  }
  return "learner";
}

Actor Caller::actor() const {
  if (!account) return {std::nullopt, "anonymous"};
  return {account->id, account->username};
}

void require_role(const Caller& caller, Role least) {
  if (!caller.account) throw Unauthenticated("sign in first (session cookie or bearer token)");
  if (caller.account->role < least) {
    throw Forbidden(std::string("this needs the ") + role_name(least) + " role; you are a " +
                    role_name(caller.account->role));
  }
}

Account Accounts::create(const std::string& username, const std::string& display_name, Role role,
                         const std::optional<std::string>& password, const Actor& actor) {
  const std::string shown = display_name.empty() ? username : display_name;
  if (const auto problems = check_new_account(username, shown, password); !problems.empty()) {
    throw InvalidFields(problems);
  }
  // Hashing takes a tenth of a second: do it before taking the database lock.
  const std::optional<std::string> hash =
      password ? std::optional(hash_password(*password)) : std::nullopt;
  return state_.write([&](sqlite::Connection& connection) {
    if (find_account(connection, username)) {
      throw Conflict("the username '" + username + "' is taken");
    }
    sqlite::Statement(connection,
                      "INSERT INTO accounts (username, display_name, role, password_hash, "
                      "created_at) VALUES (?, ?, ?, ?, ?)")
        .bind_all(username, shown, role_name(role), hash, now_seconds())
        .run();
    const Account account{connection.last_insert_id(), username, shown, role, false};
    append_audit(connection, actor, "account.create", "account:" + username,
                 {{"role", role_name(role)}});
    return account;
  });
}

std::optional<Account> Accounts::find(const std::string& username) {
  return state_.read(
      [&](sqlite::Connection& connection) { return find_account(connection, username); });
}

std::vector<Account> Accounts::list() {
  return state_.read([](sqlite::Connection& connection) {
    sqlite::Statement query(
        connection, std::string("SELECT ") + kAccountColumns + " FROM accounts ORDER BY id");
    std::vector<Account> accounts;
    while (query.step()) accounts.push_back(account_from(query));
    return accounts;
  });
}

void Accounts::set_role(const std::string& username, Role role, const Actor& actor) {
  state_.write([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    sqlite::Statement(connection, "UPDATE accounts SET role = ? WHERE id = ?")
        .bind_all(role_name(role), account.id)
        .run();
    append_audit(connection, actor, "account.role", "account:" + username,
                 {{"from", role_name(account.role)}, {"to", role_name(role)}});
  });
}

void Accounts::disable(const std::string& username, const Actor& actor) {
  state_.write([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    sqlite::Statement(connection, "UPDATE accounts SET disabled = 1 WHERE id = ?")
        .bind(1, account.id)
        .run();
    end_account_sessions(connection, account.id);
    sqlite::Statement(
        connection,
        "UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
        .bind_all(now_seconds(), account.id)
        .run();
    append_audit(connection, actor, "account.disable", "account:" + username);
  });
}

IssuedToken Accounts::create_token(const std::string& username, const std::string& name,
                                   std::optional<int> days, const Actor& actor) {
  IssuedToken issued;
  issued.token = random_token("agora_");
  if (days) issued.expires_at = now_seconds() + std::int64_t{*days} * 86400;
  state_.write([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    if (account.disabled) throw InvalidInput("account '" + username + "' is disabled");
    sqlite::Statement(connection,
                      "INSERT INTO api_tokens (account_id, name, digest, created_at, expires_at) "
                      "VALUES (?, ?, ?, ?, ?)")
        .bind_all(account.id, name, token_digest(issued.token), now_seconds(), issued.expires_at)
        .run();
    issued.id = connection.last_insert_id();
    append_audit(connection, actor, "token.create", "account:" + username,
                 {{"token", issued.id}, {"name", name}});
  });
  return issued;
}

void Accounts::revoke_token(std::int64_t id, const Actor& actor) {
  state_.write([&](sqlite::Connection& connection) {
    sqlite::Statement(connection,
                      "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind_all(now_seconds(), id)
        .run();
    if (connection.changes() == 0) {
      throw NotFound("no active token with id " + std::to_string(id));
    }
    append_audit(connection, actor, "token.revoke", "token:" + std::to_string(id));
  });
}

std::vector<TokenInfo> Accounts::list_tokens(const std::string& username) {
  return state_.read([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    sqlite::Statement query(connection,
                            "SELECT id, name, created_at, expires_at, revoked_at FROM api_tokens "
                            "WHERE account_id = ? ORDER BY id");
    query.bind(1, account.id);
    std::vector<TokenInfo> tokens;
    while (query.step()) {
      tokens.push_back({query.integer(0), query.text(1), query.integer(2),
                        query.optional_integer(3), !query.is_null(4)});
    }
    return tokens;
  });
}

Account Accounts::account_for_token(const std::string& token) {
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(connection,
                            "SELECT a.id, a.username, a.display_name, a.role, a.disabled, "
                            "t.revoked_at, t.expires_at FROM api_tokens t "
                            "JOIN accounts a ON a.id = t.account_id WHERE t.digest = ?");
    query.bind(1, token_digest(token));
    if (!query.step()) throw Unauthenticated("unknown API token");
    if (!query.is_null(5)) throw Unauthenticated("this API token has been revoked");
    if (!query.is_null(6) && query.integer(6) <= now_seconds()) {
      throw Unauthenticated("this API token has expired");
    }
    Account account = account_from(query);
    if (account.disabled) throw Unauthenticated("this account is disabled");
    return account;
  });
}

void Accounts::refuse_when_throttled(const std::string& username) {
  if (!failures_.allows(lower_ascii(username))) {
    throw TooManyAttempts("too many failed sign-ins for '" + username +
                          "'; try again in 15 minutes");
  }
}

Session Accounts::open_session(const Account& account, double hours) {
  Session session{random_token(), random_token(),
                  now_seconds() + static_cast<std::int64_t>(std::ceil(hours * 3600)), account};
  state_.write([&](sqlite::Connection& connection) {
    // Expired sessions are swept here rather than by a timer.
    sqlite::Statement(connection, "DELETE FROM sessions WHERE expires_at <= ?")
        .bind(1, now_seconds())
        .run();
    sqlite::Statement(connection,
                      "INSERT INTO sessions (digest, account_id, csrf_token, created_at, "
                      "expires_at) VALUES (?, ?, ?, ?, ?)")
        .bind_all(token_digest(session.token), account.id, session.csrf_token, now_seconds(),
                  session.expires_at)
        .run();
    append_audit(connection, {account.id, account.username}, "session.sign_in",
                 "account:" + account.username);
  });
  return session;
}

Session Accounts::sign_in(const std::string& username, const std::string& password, double hours) {
  if (username.size() > kMaxUsernameBytes || password.size() > 1024) {
    throw Unauthenticated("wrong username or password");  // no such account can exist
  }
  refuse_when_throttled(username);
  const auto row = state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(connection, std::string("SELECT ") + kAccountColumns +
                                            ", password_hash FROM accounts WHERE username = ?");
    query.bind(1, username);
    return query.step() ? std::optional(std::pair(account_from(query), query.optional_text(5)))
                        : std::nullopt;
  });
  // The same refusal, after the same work, whatever was wrong, so that neither the answer
  // nor its timing reveals which usernames exist.
  static const std::string unknown_account_hash = hash_password(random_token());
  const bool matches =
      verify_password(row && row->second ? *row->second : unknown_account_hash, password);
  if (!row || !row->second || row->first.disabled || !matches) {
    failures_.count(lower_ascii(username));
    throw Unauthenticated("wrong username or password");
  }
  return open_session(row->first, hours);
}

Session Accounts::register_learner(const std::string& username, const std::string& display_name,
                                   const std::string& password, double hours) {
  const Account account =
      create(username, display_name, Role::learner, password, {std::nullopt, username});
  return open_session(account, hours);
}

Caller Accounts::session(const std::string& token) {
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(connection,
                            "SELECT a.id, a.username, a.display_name, a.role, a.disabled, "
                            "s.csrf_token, s.expires_at FROM sessions s "
                            "JOIN accounts a ON a.id = s.account_id WHERE s.digest = ?");
    query.bind(1, token_digest(token));
    if (!query.step()) throw Unauthenticated("your session has ended; please sign in again");
    if (query.integer(6) <= now_seconds()) {
      throw Unauthenticated("your session has expired; please sign in again");
    }
    Caller caller;
    caller.account = account_from(query);
    if (caller.account->disabled) throw Unauthenticated("this account is disabled");
    caller.by_session = true;
    caller.session_token = token;
    caller.csrf_token = query.text(5);
    return caller;
  });
}

void Accounts::sign_out(const std::string& token) {
  state_.write([&](sqlite::Connection& connection) {
    sqlite::Statement(connection, "DELETE FROM sessions WHERE digest = ?")
        .bind(1, token_digest(token))
        .run();
  });
}

int Accounts::end_sessions(const std::string& username, const Actor& actor) {
  return state_.write([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    const int ended = end_account_sessions(connection, account.id);
    append_audit(connection, actor, "session.end_all", "account:" + account.username,
                 {{"ended", ended}});
    return ended;
  });
}

}  // namespace agora::community
