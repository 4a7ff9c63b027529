// Accounts, roles, API tokens and web sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/community/audit_log.hpp"
#include "agora/community/rate_limiter.hpp"
#include "agora/community/state_database.hpp"

namespace agora::community {

/// Each role can do everything the roles before it can.
enum class Role { learner, contributor, reviewer, admin };

std::optional<Role> parse_role(const std::string& name);
const char* role_name(Role role);

struct Account {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::learner;
  bool disabled = false;
};

/// The account with this id, or nullopt (also for no id: work imported by agora-index).
std::optional<Account> load_account(sqlite::Connection& connection, std::optional<std::int64_t> id);

/// Who made a request: nobody, or an account signed in by session cookie or bearer token.
struct Caller {
  std::optional<Account> account;
  bool by_session = false;
  std::string session_token;  ///< when signed in by cookie
  std::string csrf_token;     ///< the session's CSRF token

  bool has_role(Role least) const { return account && account->role >= least; }
  Actor actor() const;
};

/// Refusal 401 when nobody is signed in, 403 when the caller's role is below `least`.
void require_role(const Caller& caller, Role least);

/// A web session as created at sign-in.
struct Session {
  std::string token;  ///< goes in the cookie; only its digest is stored
  std::string csrf_token;
  std::int64_t expires_at = 0;
  Account account;
};

/// What is kept of an API token: never the token itself.
struct TokenInfo {
  std::int64_t id = 0;
  std::string name;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> expires_at;
  bool revoked = false;
};

/// An API token, shown once when created.
struct IssuedToken {
  std::int64_t id = 0;
  std::string token;
  std::optional<std::int64_t> expires_at;
};

class Accounts {
 public:
  explicit Accounts(StateDatabase& state) : state_(state) {}

  /// Validates the username (2–40 of A–Z a–z 0–9 . _ -), display name and password
  /// (10–1024 bytes, or none for token-only accounts). Throws Refusal 422 or 409.
  Account create(const std::string& username, const std::string& display_name, Role role,
                 const std::optional<std::string>& password, const Actor& actor);
  std::optional<Account> find(const std::string& username);
  std::vector<Account> list();
  void set_role(const std::string& username, Role role, const Actor& actor);
  /// Disables the account, ends its sessions and revokes its tokens.
  void disable(const std::string& username, const Actor& actor);

  IssuedToken create_token(const std::string& username, const std::string& name,
                           std::optional<int> days, const Actor& actor);
  void revoke_token(std::int64_t id, const Actor& actor);
  /// The account's tokens, oldest first.
  std::vector<TokenInfo> list_tokens(const std::string& username);
  /// The account of a bearer token; Refusal 401 when it is unknown, revoked or expired.
  Account account_for_token(const std::string& token);

  /// Checks the password and opens a session of `hours`. Refusal 401 for a wrong
  /// username or password, 429 after 5 failures for one username in 15 minutes.
  Session sign_in(const std::string& username, const std::string& password, double hours);
  /// Registers a learner and opens a session.
  Session register_learner(const std::string& username, const std::string& display_name,
                           const std::string& password, double hours);
  /// The caller of a session cookie; Refusal 401 when it is unknown or expired.
  Caller session(const std::string& token);
  void sign_out(const std::string& token);
  /// Ends every session of `username` (signing out everywhere); how many there were. API
  /// tokens stay: they are revoked one by one.
  int end_sessions(const std::string& username, const Actor& actor);

 private:
  Session open_session(const Account& account, double hours);
  void refuse_when_throttled(const std::string& username);

  StateDatabase& state_;
  RateLimiter failures_{5, 15 * 60};  ///< failed sign-ins per lower-case username
};

}  // namespace agora::community
