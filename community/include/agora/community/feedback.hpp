// Learners' ratings and comments on published resources.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "agora/community/accounts.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/submissions.hpp"

namespace agora::community {

class Feedback {
 public:
  Feedback(StateDatabase& state, Submissions& submissions, IndexSync& sync)
      : state_(state), submissions_(submissions), sync_(sync) {}

  /// {"stars": 1..5} from a registered user; rating again replaces the rating.
  /// Answers {ratingValue, ratingCount, yours}.
  nlohmann::json rate(const Caller& caller, const std::string& id, const nlohmann::json& body);
  /// {"comments": [{id, author, body, createdAt}]}, oldest first.
  nlohmann::json comments(const std::string& id);
  /// {"body": "..."} from a registered user, at most 2,000 characters.
  nlohmann::json comment(const Caller& caller, const std::string& id, const nlohmann::json& body);

 private:
  /// NotFound unless the resource is published; gives imported resources their row.
  void require_published(const std::string& id);

  StateDatabase& state_;
  Submissions& submissions_;
  IndexSync& sync_;
};

}  // namespace agora::community
