// Changing a password: set by an admin, or reset by its owner with a token an admin gave.
#pragma once

#include <cstdint>
#include <string>

#include "agora/community/accounts.hpp"
#include "agora/community/audit_log.hpp"
#include "agora/community/state_database.hpp"

namespace agora::community {

/// A password reset token, shown once when issued.
struct IssuedReset {
  std::string token;
  std::int64_t expires_at = 0;
};

class Passwords {
 public:
  explicit Passwords(StateDatabase& state) : state_(state) {}

  /// Replaces the password of `username` (10–1024 bytes, as at registration) and ends the
  /// account's sessions, so that whoever knew the old one is signed out. InvalidFields,
  /// NotFound, or InvalidInput for a disabled account.
  void set(const std::string& username, const std::string& password, const Actor& actor);

  /// A single-use token that lets the owner of `username` choose a new password within
  /// `hours`, for associations that send no mail: the admin passes it on. Only its digest
  /// is kept; the account's earlier unused tokens stop working. NotFound, or InvalidInput
  /// for a disabled account.
  IssuedReset issue_reset(const std::string& username, double hours, const Actor& actor);

  /// Sets the password of the token's account, uses the token up and ends every session of
  /// the account. UnusableToken when the token is unknown, used or expired (checked before
  /// the password is hashed, so guesses cost little); InvalidFields for the password, the
  /// token then staying usable.
  Account reset(const std::string& token, const std::string& password);

 private:
  StateDatabase& state_;
};

}  // namespace agora::community
