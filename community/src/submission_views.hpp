// Reading submissions and reviews out of the state tables as views.
#pragma once

#include <optional>

#include "agora/community/index_sync.hpp"
#include "agora/community/state_database.hpp"
#include "agora/community/views.hpp"
#include "resource_rows.hpp"

namespace agora::community {

/// Approvals of one revision.
std::int64_t approvals_of(sqlite::Connection& connection, const std::string& id,
                          std::int64_t revision);

/// Every review of a resource, oldest first.
std::vector<ReviewView> reviews_of(sqlite::Connection& connection, const std::string& id);

/// The submission: status, revisions, approvals, latest record and reviews.
SubmissionView submission_of(sqlite::Connection& connection, const ResourceRow& row,
                             int approvals_required);

/// The submission after a change that may have published or withdrawn it: when
/// `index_changed`, the index is brought up to date first (so that the next search sees
/// it), and `indexed` says whether that worked.
SubmissionView submission_after_change(StateDatabase& state, IndexSync& sync, const std::string& id,
                                       bool index_changed, int approvals_required);

}  // namespace agora::community
