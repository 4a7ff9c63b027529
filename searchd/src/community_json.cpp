// Turning collaboration views into the API's JSON.
#include "community_json.hpp"

#include "agora/community/secrets.hpp"

namespace agora::searchd {
namespace {

using community::iso_time;
using community::name_of;
using nlohmann::json;

json optional_number(const std::optional<std::int64_t>& value) {
  return value ? json(*value) : json(nullptr);
}

json reviews_json(const std::vector<community::ReviewView>& reviews) {
  json out = json::array();
  for (const community::ReviewView& review : reviews) {
    out.push_back({{"reviewer", person_json(review.reviewer)},
                   {"verdict", name_of(review.verdict)},
                   {"comment", review.comment},
                   {"revision", review.revision},
                   {"createdAt", iso_time(review.created_at)}});
  }
  return out;
}

}  // namespace

json account_json(const community::Account& account) {
  json out = person_json(account);
  out["role"] = community::role_name(account.role);
  return out;
}

json person_json(const std::optional<community::Account>& account) {
  if (!account) return nullptr;
  return {
      {"id", account->id}, {"username", account->username}, {"displayName", account->display_name}};
}

std::string resource_href(const std::string& id) { return "/api/resources/" + id; }
std::string request_href(std::int64_t id) { return "/api/requests/" + std::to_string(id); }

json submission_json(const community::SubmissionView& s) {
  json out = {{"id", s.id},
              {"status", name_of(s.status)},
              {"revision", s.revision},
              {"revisionState", name_of(s.revision_state)},
              {"publishedRevision", optional_number(s.published_revision)},
              {"pendingRevision", s.under_review() ? json(s.revision) : json(nullptr)},
              {"author", person_json(s.author)},
              {"revisionAuthor", person_json(s.revision_author)},
              {"approvals", s.approvals},
              {"approvalsRequired", s.approvals_required},
              {"record", s.record},
              {"reviews", reviews_json(s.reviews)},
              {"createdAt", iso_time(s.created_at)},
              {"updatedAt", iso_time(s.updated_at)},
              {"href", resource_href(s.id)}};
  if (s.indexed) out["indexed"] = *s.indexed;
  if (s.index_problem) out["indexProblem"] = *s.index_problem;
  return out;
}

json submissions_json(const std::vector<community::SubmissionView>& submissions) {
  json out = json::array();
  for (const community::SubmissionView& submission : submissions) {
    out.push_back(submission_json(submission));
  }
  return out;
}

json resource_json(const community::ResourceView& view) {
  return view.submission ? submission_json(*view.submission) : view.record;
}

json history_json(const community::HistoryView& history) {
  json revisions = json::array();
  for (const community::RevisionView& revision : history.revisions) {
    json entry = {{"revision", revision.number},
                  {"state", name_of(revision.state)},
                  {"author", person_json(revision.author)},
                  {"record", revision.record}};
    if (revision.created_at) entry["createdAt"] = iso_time(*revision.created_at);
    revisions.push_back(std::move(entry));
  }
  return {{"id", history.id},
          {"status", name_of(history.status)},
          {"revisions", revisions},
          {"reviews", reviews_json(history.reviews)}};
}

json request_json(const community::RequestView& request) {
  json answer = nullptr;
  if (request.answer) {
    const community::RequestAnswer& a = *request.answer;
    answer = {{"resourceId", a.resource_id},
              {"title", a.title},
              {"url", a.url},
              {"note", a.note},
              {"by", person_json(a.by)},
              {"answeredAt", iso_time(a.answered_at)}};
  }
  return {{"id", request.id},
          {"topic", request.topic},
          {"details", request.details},
          {"language", request.language},
          {"level", request.level ? json(*request.level) : json(nullptr)},
          {"status", name_of(request.status)},
          {"createdAt", iso_time(request.created_at)},
          {"mine", request.mine},
          {"answer", answer},
          {"href", request_href(request.id)}};
}

json request_list_json(const community::RequestList& list) {
  json requests = json::array();
  for (const community::RequestView& request : list.requests) {
    requests.push_back(request_json(request));
  }
  return {{"requests", requests}, {"total", list.total}};
}

json rating_json(const community::RatingSummary& rating) {
  return {{"ratingValue", rating.value}, {"ratingCount", rating.count}, {"yours", rating.yours}};
}

json comment_json(const community::CommentView& comment) {
  return {{"id", comment.id},
          {"author", person_json(comment.author)},
          {"body", comment.body},
          {"createdAt", iso_time(comment.created_at)}};
}

json comments_json(const std::vector<community::CommentView>& comments) {
  json out = json::array();
  for (const community::CommentView& comment : comments) out.push_back(comment_json(comment));
  return {{"comments", out}};
}

json audit_json(const std::vector<community::AuditEntry>& entries) {
  json out = json::array();
  for (const community::AuditEntry& entry : entries) {
    out.push_back({{"id", entry.id},
                   {"at", iso_time(entry.at)},
                   {"actor", entry.actor},
                   {"action", entry.action},
                   {"subject", entry.subject},
                   {"detail", entry.detail}});
  }
  return out;
}

json duplicates_json(const std::vector<community::Duplicate>& duplicates) {
  json out = json::array();
  for (const community::Duplicate& d : duplicates) {
    out.push_back({{"id", d.id},
                   {"title", d.title},
                   {"url", d.url},
                   {"language", d.language},
                   {"reason", d.reason},
                   {"href", resource_href(d.id)}});
  }
  return out;
}

json field_problems_json(const std::vector<community::FieldProblem>& problems) {
  json out = json::array();
  for (const community::FieldProblem& problem : problems) {
    out.push_back({{"field", problem.field}, {"message", problem.message}});
  }
  return out;
}

}  // namespace agora::searchd
