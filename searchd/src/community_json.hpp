// The collaboration API's JSON shapes and links (docs/collaboration.md), made from the
// community layer's views. Only searchd speaks this wire format.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "agora/community/audit_log.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/views.hpp"

namespace agora::searchd {

/// {id, username, displayName, role}: what others may see of an account.
nlohmann::json account_json(const community::Account& account);
/// The author or actor as shown next to their work: {id, username, displayName}, or null
/// for work imported by agora-index.
nlohmann::json person_json(const std::optional<community::Account>& account);

/// The address of a resource and of a request in the API.
std::string resource_href(const std::string& id);
std::string request_href(std::int64_t id);

nlohmann::json submission_json(const community::SubmissionView& submission);
nlohmann::json submissions_json(const std::vector<community::SubmissionView>& submissions);
/// The submission, or the published record as it is.
nlohmann::json resource_json(const community::ResourceView& view);
nlohmann::json history_json(const community::HistoryView& history);

nlohmann::json request_json(const community::RequestView& request);
nlohmann::json request_list_json(const community::RequestList& list);

nlohmann::json rating_json(const community::RatingSummary& rating);
nlohmann::json comment_json(const community::CommentView& comment);
nlohmann::json comments_json(const std::vector<community::CommentView>& comments);

/// The audit log's entries, newest first.
nlohmann::json audit_json(const std::vector<community::AuditEntry>& entries);

/// The members problem details add for refusals: `duplicates` and `errors`.
nlohmann::json duplicates_json(const std::vector<community::Duplicate>& duplicates);
nlohmann::json field_problems_json(const std::vector<community::FieldProblem>& problems);

}  // namespace agora::searchd
