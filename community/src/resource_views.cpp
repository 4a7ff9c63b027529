// Reading one resource, its history and a contributor's submissions.
#include "agora/community/resource_views.hpp"

#include "caller_rights.hpp"
#include "submission_views.hpp"

namespace agora::community {

ResourceView ResourceViews::view(const Caller& caller, const std::string& id,
                                 bool want_submission) {
  const auto submission =
      state_.read([&](sqlite::Connection& connection) -> std::optional<SubmissionView> {
        const auto row = load_resource(connection, id);
        if (!row) return std::nullopt;
        const bool published = row->status == ResourceStatus::published;
        if (may_see_unpublished(caller, *row) && (want_submission || !published)) {
          return submission_of(connection, *row, review_.approvals_required);
        }
        if (!published) throw NotFound("no resource with id '" + id + "'");
        return std::nullopt;
      });
  if (submission) return {submission, nullptr};
  if (auto record = index_.record(id)) return {std::nullopt, std::move(*record)};
  // Published a moment ago and not yet in the index: answer from the state.
  if (auto record = state_.read([&](sqlite::Connection& c) { return record_to_publish(c, id); })) {
    return {std::nullopt, std::move(*record)};
  }
  throw NotFound("no resource with id '" + id + "'");
}

HistoryView ResourceViews::history(const Caller& caller, const std::string& id) {
  const auto answer =
      state_.read([&](sqlite::Connection& connection) -> std::optional<HistoryView> {
        const auto row = load_resource(connection, id);
        if (!row) return std::nullopt;
        const bool privileged = may_see_unpublished(caller, *row);
        if (!privileged && (!row->published_revision || row->status == ResourceStatus::deleted)) {
          throw NotFound("no resource with id '" + id + "'");
        }
        HistoryView history;
        history.id = id;
        history.status = privileged ? row->status : ResourceStatus::published;
        sqlite::Statement query(
            connection, "SELECT number FROM revisions WHERE resource_id = ? ORDER BY number");
        query.bind(1, id);
        while (query.step()) {
          RevisionRow revision = load_revision(connection, id, query.integer(0));
          if (!privileged && !is_public(revision.state)) continue;
          history.revisions.push_back({revision.number, revision.state,
                                       load_account(connection, revision.author_id),
                                       revision.created_at, std::move(revision.record)});
        }
        if (privileged) history.reviews = reviews_of(connection, id);
        return history;
      });
  if (answer) return *answer;
  auto record = index_.record(id);
  if (!record) throw NotFound("no resource with id '" + id + "'");
  HistoryView history;
  history.id = id;
  history.revisions.push_back(
      {1, RevisionState::imported, std::nullopt, std::nullopt, std::move(*record)});
  return history;
}

std::vector<SubmissionView> ResourceViews::mine(const Caller& caller) {
  require_role(caller, Role::learner);
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(
        connection, "SELECT id FROM resources WHERE author_id = ? ORDER BY updated_at DESC, id");
    query.bind(1, caller.account->id);
    std::vector<SubmissionView> submissions;
    while (query.step()) {
      submissions.push_back(submission_of(connection, require_resource(connection, query.text(0)),
                                          review_.approvals_required));
    }
    return submissions;
  });
}

}  // namespace agora::community
