// Building the submission JSON from the state tables.
#include "submission_json.hpp"

#include "agora/community/secrets.hpp"

namespace agora::community {

nlohmann::json person_or_null(sqlite::Connection& connection, std::optional<std::int64_t> id) {
  const auto account = load_account(connection, id);
  return account ? person_json(*account) : nlohmann::json(nullptr);
}

std::int64_t approvals_of(sqlite::Connection& connection, const std::string& id,
                          std::int64_t revision) {
  sqlite::Statement query(connection,
                          "SELECT count(*) FROM reviews WHERE resource_id = ? AND revision = ? "
                          "AND verdict = 'approve'");
  query.bind_all(id, revision);
  query.step();
  return query.integer(0);
}

nlohmann::json reviews_json(sqlite::Connection& connection, const std::string& id) {
  sqlite::Statement query(connection,
                          "SELECT reviewer_id, verdict, comment, revision, created_at FROM reviews "
                          "WHERE resource_id = ? ORDER BY id");
  query.bind(1, id);
  nlohmann::json reviews = nlohmann::json::array();
  while (query.step()) {
    reviews.push_back({{"reviewer", person_or_null(connection, query.integer(0))},
                       {"verdict", query.text(1)},
                       {"comment", query.text(2)},
                       {"revision", query.integer(3)},
                       {"createdAt", iso_time(query.integer(4))}});
  }
  return reviews;
}

nlohmann::json submission_json(sqlite::Connection& connection, const ResourceRow& row,
                               int approvals_required) {
  const RevisionRow latest = load_revision(connection, row.id, row.latest_revision);
  const bool under_review = latest.state == "pending";
  return {{"id", row.id},
          {"status", row.status},
          {"revision", row.latest_revision},
          {"revisionState", latest.state},
          {"publishedRevision", row.published_revision ? nlohmann::json(*row.published_revision)
                                                       : nlohmann::json(nullptr)},
          {"pendingRevision",
           under_review ? nlohmann::json(row.latest_revision) : nlohmann::json(nullptr)},
          {"author", person_or_null(connection, row.author_id)},
          {"revisionAuthor", person_or_null(connection, latest.author_id)},
          {"approvals", approvals_of(connection, row.id, row.latest_revision)},
          {"approvalsRequired", approvals_required},
          {"record", latest.record},
          {"reviews", reviews_json(connection, row.id)},
          {"createdAt", iso_time(row.created_at)},
          {"updatedAt", iso_time(row.updated_at)},
          {"href", "/api/resources/" + row.id}};
}

}  // namespace agora::community
