// Changing a password: set by an admin, or reset by its owner with a token an admin gave.
#pragma once

#include <string>

#include "agora/community/audit_log.hpp"
#include "agora/community/state_database.hpp"

namespace agora::community {

class Passwords {
 public:
  explicit Passwords(StateDatabase& state) : state_(state) {}

  /// Replaces the password of `username` (10–1024 bytes, as at registration) and ends the
  /// account's sessions, so that whoever knew the old one is signed out. InvalidFields,
  /// NotFound, or InvalidInput for a disabled account.
  void set(const std::string& username, const std::string& password, const Actor& actor);

 private:
  StateDatabase& state_;
};

}  // namespace agora::community
