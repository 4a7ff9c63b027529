// Peer review: the queue of revisions waiting, and verdicts that publish, send back or
// refuse them (docs/collaboration.md).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/community/accounts.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/record_rules.hpp"
#include "agora/community/review_rules.hpp"
#include "agora/community/state_database.hpp"
#include "agora/community/views.hpp"

namespace agora::community {

class ReviewDesk {
 public:
  ReviewDesk(StateDatabase& state, IndexSync& sync, const RecordRules& rules, ReviewRules review)
      : state_(state), sync_(sync), rules_(rules), review_(std::move(review)) {}

  /// Revisions waiting for review, oldest first, without the caller's own nor those the
  /// caller reviewed; `language` filters by primary language subtag when not empty.
  std::vector<SubmissionView> queue(const Caller& caller, const std::string& language);

  /// {"verdict", "comment", "revision"}: enough approvals publish the revision (and the
  /// answer waits for the index); changes and reject need a comment saying why.
  SubmissionView review(const Caller& caller, const std::string& id, const nlohmann::json& body);

 private:
  /// Sets the resource's duplicate keys (address, title words, language) to those of one
  /// of its revisions.
  void use_keys_of(sqlite::Connection& connection, const std::string& id, std::int64_t revision);

  StateDatabase& state_;
  IndexSync& sync_;
  const RecordRules& rules_;
  ReviewRules review_;
};

}  // namespace agora::community
