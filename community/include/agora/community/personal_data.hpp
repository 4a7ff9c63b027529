// What the state database holds about one person: exported as one document, or erased
// (docs/personal-data.md says what goes and what stays).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "agora/community/audit_log.hpp"
#include "agora/community/state_database.hpp"

namespace agora::community {

/// What an erasure removed and what it kept, in counts only.
struct Erasure {
  std::int64_t account_id = 0;
  std::string placeholder;  ///< the username the nameless account row now has
  std::int64_t ratings = 0;
  std::int64_t comments = 0;
  std::int64_t sessions = 0;
  std::int64_t tokens = 0;
  std::int64_t submissions = 0;  ///< kept, now by the placeholder
  std::int64_t reviews = 0;      ///< kept, now by the placeholder
  std::int64_t requests = 0;     ///< kept, now anonymous
};

/// The data-protection duties of the collaboration layer (access and erasure). The export
/// is a document for the person it is about, not a wire shape of the HTTP API, so it is
/// made here, next to the tables it reads.
class PersonalData {
 public:
  explicit PersonalData(StateDatabase& state) : state_(state) {}

  /// Everything the state holds about `username`: the account (never its password hash),
  /// tokens and sessions (never their digests), submissions, revisions, reviews, ratings,
  /// comments, requests, answers, and the audit entries they made or that are about them.
  /// NotFound when there is no such account.
  nlohmann::json export_account(const std::string& username);

  /// Erases `username` in one transaction: ratings, comments, sessions, API tokens and
  /// password resets are deleted; submissions, revisions, reviews and answers to requests
  /// stay published under a nameless placeholder account ("erased:<id>", "former member"),
  /// the requests they made become anonymous, and the audit log names the placeholder.
  /// Resources whose ratings change are marked for the index sync. NotFound when there is
  /// no such account.
  Erasure erase(const std::string& username, const Actor& actor);

 private:
  StateDatabase& state_;
};

}  // namespace agora::community
