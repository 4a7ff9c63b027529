// The JSON shapes of submissions, revisions and reviews (docs/collaboration.md).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "agora/community/accounts.hpp"
#include "resource_rows.hpp"

namespace agora::community {

/// {id, username, displayName}, or null for work imported by agora-index.
nlohmann::json person_or_null(sqlite::Connection& connection, std::optional<std::int64_t> id);

/// Approvals of one revision.
std::int64_t approvals_of(sqlite::Connection& connection, const std::string& id,
                          std::int64_t revision);

/// Every review of a resource, oldest first.
nlohmann::json reviews_json(sqlite::Connection& connection, const std::string& id);

/// The submission: status, revisions, approvals, latest record and reviews.
nlohmann::json submission_json(sqlite::Connection& connection, const ResourceRow& row,
                               int approvals_required);

}  // namespace agora::community
