// Learners' ratings and comments on published resources.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "agora/community/accounts.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/resources.hpp"
#include "agora/community/views.hpp"

namespace agora::community {

class Feedback {
 public:
  Feedback(StateDatabase& state, Resources& resources, IndexSync& sync)
      : state_(state), resources_(resources), sync_(sync) {}

  /// {"stars": 1..5} from a registered user; rating again replaces the rating.
  RatingSummary rate(const Caller& caller, const std::string& id, const nlohmann::json& body);
  /// The comments, oldest first.
  std::vector<CommentView> comments(const std::string& id);
  /// {"body": "..."} from a registered user, at most 2,000 characters.
  CommentView comment(const Caller& caller, const std::string& id, const nlohmann::json& body);

 private:
  /// NotFound unless the resource is published; gives imported resources their row.
  void require_published(const std::string& id);

  StateDatabase& state_;
  Resources& resources_;
  IndexSync& sync_;
};

}  // namespace agora::community
