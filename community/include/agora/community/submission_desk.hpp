// Submitting, editing, deleting and restoring resources (docs/collaboration.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "agora/community/accounts.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/published_index.hpp"
#include "agora/community/record_rules.hpp"
#include "agora/community/resources.hpp"
#include "agora/community/review_rules.hpp"
#include "agora/community/state_database.hpp"
#include "agora/community/views.hpp"

namespace agora::community {

/// Every method checks the caller's right first (Unauthenticated, Forbidden), then the
/// state (NotFound, Conflict), then the input (InvalidFields), and answers the submission.
/// Changes and their audit entries commit together.
class SubmissionDesk {
 public:
  SubmissionDesk(StateDatabase& state, PublishedIndex& index, IndexSync& sync, Resources& resources,
                 const RecordRules& rules, ReviewRules review)
      : state_(state),
        index_(index),
        sync_(sync),
        resources_(resources),
        rules_(rules),
        review_(std::move(review)) {}

  /// A new resource, pending review. Conflict naming the look-alikes when its address,
  /// its id or (unless `allow_similar_title`) its title is one Agora already has.
  SubmissionView submit(const Caller& caller, const nlohmann::json& record,
                        bool allow_similar_title);
  /// `expected_revision` (If-Match): StaleRevision unless it is still the latest revision,
  /// so that an edit never silently replaces one its author has not seen.
  SubmissionView replace(const Caller& caller, const std::string& id, nlohmann::json record,
                         std::optional<std::int64_t> expected_revision = std::nullopt);
  SubmissionView patch(const Caller& caller, const std::string& id, const nlohmann::json& patch,
                       std::optional<std::int64_t> expected_revision = std::nullopt);
  SubmissionView remove(const Caller& caller, const std::string& id);
  SubmissionView restore(const Caller& caller, const std::string& id);

 private:
  SubmissionView add_revision(const Caller& caller, const std::string& id, nlohmann::json record,
                              std::optional<std::int64_t> expected_revision);

  StateDatabase& state_;
  PublishedIndex& index_;
  IndexSync& sync_;
  Resources& resources_;
  const RecordRules& rules_;
  ReviewRules review_;
};

}  // namespace agora::community
