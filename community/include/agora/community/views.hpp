// What the collaboration layer answers with: plain values, no wire format. searchd turns
// them into the JSON shapes and links of its API (community_json.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora/community/accounts.hpp"
#include "agora/community/states.hpp"

namespace agora::community {

/// One reviewer's verdict on one revision.
struct ReviewView {
  std::optional<Account> reviewer;
  Verdict verdict = Verdict::approve;
  std::string comment;
  std::int64_t revision = 0;
  std::int64_t created_at = 0;
};

/// A resource as its author and reviewers follow it: where it stands, its latest revision
/// and the reviews so far.
struct SubmissionView {
  std::string id;
  ResourceStatus status = ResourceStatus::pending;
  std::int64_t revision = 0;  ///< the latest
  RevisionState revision_state = RevisionState::pending;
  std::optional<std::int64_t> published_revision;
  std::optional<Account> author;           ///< nobody for work imported by agora-index
  std::optional<Account> revision_author;  ///< who made the latest revision
  std::int64_t approvals = 0;              ///< of the latest revision
  int approvals_required = 1;
  nlohmann::json record;  ///< the latest revision's record
  std::vector<ReviewView> reviews;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  /// After a change that publishes or withdraws it: whether the index shows it already.
  std::optional<bool> indexed;
  /// Why the published revision is kept out of the index (it no longer passes the record
  /// rules); the resource stays behind until an edit passes.
  std::optional<std::string> index_problem;

  bool under_review() const { return revision_state == RevisionState::pending; }
};

/// What reading a resource gives: the published record, or (for its author and reviewers,
/// when asked or when nothing is published) the submission.
struct ResourceView {
  std::optional<SubmissionView> submission;
  nlohmann::json record;  ///< when there is no submission to show
};

struct RevisionView {
  std::int64_t number = 0;
  RevisionState state = RevisionState::pending;
  std::optional<Account> author;
  std::optional<std::int64_t> created_at;  ///< unknown for a record only the index holds
  nlohmann::json record;
};

/// The revisions of a resource anyone may see, or all of them for its author and reviewers.
struct HistoryView {
  std::string id;
  ResourceStatus status = ResourceStatus::published;
  std::vector<RevisionView> revisions;
  std::vector<ReviewView> reviews;
};

/// The resource that answered a request.
struct RequestAnswer {
  std::string resource_id;
  std::string title;
  std::string url;
  std::string note;
  std::optional<Account> by;
  std::int64_t answered_at = 0;
};

struct RequestView {
  std::int64_t id = 0;
  std::string topic;
  std::string details;
  std::string language;
  std::optional<std::string> level;
  RequestStatus status = RequestStatus::open;
  std::int64_t created_at = 0;
  bool mine = false;  ///< made by the caller
  std::optional<RequestAnswer> answer;
};

/// A page of requests and how many matched in all.
struct RequestList {
  std::vector<RequestView> requests;
  std::size_t total = 0;
};

/// A resource's ratings after the caller rated it.
struct RatingSummary {
  double value = 0;
  std::int64_t count = 0;
  std::int64_t yours = 0;
};

struct CommentView {
  std::int64_t id = 0;
  std::optional<Account> author;
  std::string body;
  std::int64_t created_at = 0;
};

}  // namespace agora::community
