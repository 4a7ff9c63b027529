// Building submission views from the state tables.
#include "submission_views.hpp"

namespace agora::community {

std::int64_t approvals_of(sqlite::Connection& connection, const std::string& id,
                          std::int64_t revision) {
  sqlite::Statement query(connection,
                          "SELECT count(*) FROM reviews WHERE resource_id = ? AND revision = ? "
                          "AND verdict = ?");
  query.bind_all(id, revision, name_of(Verdict::approve));
  query.step();
  return query.integer(0);
}

std::vector<ReviewView> reviews_of(sqlite::Connection& connection, const std::string& id) {
  sqlite::Statement query(connection,
                          "SELECT reviewer_id, verdict, comment, revision, created_at FROM reviews "
                          "WHERE resource_id = ? ORDER BY id");
  query.bind(1, id);
  std::vector<ReviewView> reviews;
  while (query.step()) {
    reviews.push_back({load_account(connection, query.integer(0)), state_column<Verdict>(query, 1),
                       query.text(2), query.integer(3), query.integer(4)});
  }
  return reviews;
}

SubmissionView submission_of(sqlite::Connection& connection, const ResourceRow& row,
                             int approvals_required) {
  const RevisionRow latest = load_revision(connection, row.id, row.latest_revision);
  SubmissionView view;
  view.id = row.id;
  view.status = row.status;
  view.revision = row.latest_revision;
  view.revision_state = latest.state;
  view.published_revision = row.published_revision;
  view.author = load_account(connection, row.author_id);
  view.revision_author = load_account(connection, latest.author_id);
  view.approvals = approvals_of(connection, row.id, row.latest_revision);
  view.approvals_required = approvals_required;
  view.record = latest.record;
  view.reviews = reviews_of(connection, row.id);
  view.created_at = row.created_at;
  view.updated_at = row.updated_at;
  view.index_problem = row.index_problem;
  return view;
}

SubmissionView submission_after_change(StateDatabase& state, IndexSync& sync, const std::string& id,
                                       bool index_changed, int approvals_required) {
  const bool indexed = !index_changed || sync.sync_now();
  return state.read([&](sqlite::Connection& connection) {
    SubmissionView out =
        submission_of(connection, require_resource(connection, id), approvals_required);
    out.indexed = indexed;
    return out;
  });
}

}  // namespace agora::community
