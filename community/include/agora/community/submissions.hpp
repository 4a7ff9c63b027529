// Submitting, editing, deleting and reviewing resources (docs/collaboration.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "agora/analyzers/language_detector.hpp"
#include "agora/analyzers/registry.hpp"
#include "agora/community/accounts.hpp"
#include "agora/community/index_sync.hpp"
#include "agora/community/published_index.hpp"
#include "agora/community/state_database.hpp"

namespace agora::community {

struct ReviewRules {
  int approvals_required = 1;            ///< approvals from reviewers other than the author
  std::string collection = "community";  ///< for submitted records that name none
};

/// Every method checks the caller's right first (Refusal 401/403), then the state
/// (NotFound, Refusal 409), then the input (Refusal 422), and answers the submission as
/// JSON (see docs/collaboration.md). Changes and their audit entries commit together.
class Submissions {
 public:
  Submissions(StateDatabase& state, PublishedIndex& index, IndexSync& sync,
              const analyzers::Registry& registry, ReviewRules rules);

  nlohmann::json submit(const Caller& caller, const nlohmann::json& record,
                        bool allow_similar_title);
  /// `expected_revision` (If-Match): Refusal 412 unless it is still the latest revision,
  /// so that an edit never silently replaces one its author has not seen.
  nlohmann::json replace(const Caller& caller, const std::string& id, nlohmann::json record,
                         std::optional<std::int64_t> expected_revision = std::nullopt);
  nlohmann::json patch(const Caller& caller, const std::string& id, const nlohmann::json& patch,
                       std::optional<std::int64_t> expected_revision = std::nullopt);
  nlohmann::json remove(const Caller& caller, const std::string& id);
  nlohmann::json restore(const Caller& caller, const std::string& id);

  /// The published record, or the submission for its author, reviewers and admins when
  /// they ask for it or when nothing of it is published. NotFound for anyone else.
  nlohmann::json view(const Caller& caller, const std::string& id, bool want_submission);
  nlohmann::json history(const Caller& caller, const std::string& id);
  nlohmann::json mine(const Caller& caller);
  /// Revisions waiting for review, oldest first, without the caller's own; `language`
  /// filters by primary language subtag when not empty.
  nlohmann::json queue(const Caller& caller, const std::string& language);
  /// {"verdict", "comment", "revision"}.
  nlohmann::json review(const Caller& caller, const std::string& id, const nlohmann::json& body);

  /// Gives a resource known only to the index (added by agora-index) its row and first
  /// revision, so that it can be edited, rated and deleted like any other. False when
  /// the index does not have it either.
  bool adopt(const std::string& id);

  /// Whether learners can see `id`, without adopting it.
  bool is_published(const std::string& id);

 private:
  struct Checked;
  Checked check_record(const nlohmann::json& fields, const std::string& id_for_errors);
  nlohmann::json add_revision(const Caller& caller, const std::string& id, nlohmann::json record,
                              std::optional<std::int64_t> expected_revision);
  /// Sets the resource's duplicate keys (address, title words, language) to those of one
  /// of its revisions.
  void use_keys_of(sqlite::Connection& connection, const std::string& id, std::int64_t revision);

  StateDatabase& state_;
  PublishedIndex& index_;
  IndexSync& sync_;
  const analyzers::Registry& registry_;
  analyzers::LanguageDetector detector_;
  ReviewRules rules_;
};

}  // namespace agora::community
