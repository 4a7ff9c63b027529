// Reading resources as their author, reviewers and learners may see them: one resource,
// its history, and a contributor's own submissions.
#pragma once

#include <string>
#include <vector>

#include "agora/community/accounts.hpp"
#include "agora/community/published_index.hpp"
#include "agora/community/review_rules.hpp"
#include "agora/community/state_database.hpp"
#include "agora/community/views.hpp"

namespace agora::community {

class ResourceViews {
 public:
  ResourceViews(StateDatabase& state, PublishedIndex& index, ReviewRules review)
      : state_(state), index_(index), review_(std::move(review)) {}

  /// The published record, or the submission for its author, reviewers and admins when
  /// they ask for it or when nothing of it is published. NotFound for anyone else.
  ResourceView view(const Caller& caller, const std::string& id, bool want_submission);
  HistoryView history(const Caller& caller, const std::string& id);
  /// The caller's submissions, most recently changed first.
  std::vector<SubmissionView> mine(const Caller& caller);

 private:
  StateDatabase& state_;
  PublishedIndex& index_;
  ReviewRules review_;
};

}  // namespace agora::community
