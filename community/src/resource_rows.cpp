// Reading resource and revision rows.
#include "resource_rows.hpp"

#include "agora/error.hpp"

namespace agora::community {

std::optional<ResourceRow> load_resource(sqlite::Connection& connection, const std::string& id) {
  sqlite::Statement query(connection,
                          "SELECT id, status, status_before_delete, author_id, language, url_key, "
                          "title_words, latest_revision, published_revision, created_at, "
                          "updated_at, index_problem FROM resources WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  std::optional<ResourceStatus> before;
  if (!query.is_null(2)) before = state_column<ResourceStatus>(query, 2);
  return ResourceRow{query.text(0),
                     state_column<ResourceStatus>(query, 1),
                     before,
                     query.optional_integer(3),
                     query.text(4),
                     query.text(5),
                     query.text(6),
                     query.integer(7),
                     query.optional_integer(8),
                     query.integer(9),
                     query.integer(10),
                     query.optional_text(11)};
}

ResourceRow require_resource(sqlite::Connection& connection, const std::string& id) {
  auto row = load_resource(connection, id);
  if (!row) throw NotFound("no resource with id '" + id + "'");
  return *row;
}

RevisionRow load_revision(sqlite::Connection& connection, const std::string& id,
                          std::int64_t number) {
  sqlite::Statement query(connection,
                          "SELECT number, record, author_id, state, created_at FROM revisions "
                          "WHERE resource_id = ? AND number = ?");
  query.bind_all(id, number);
  if (!query.step()) {
    throw NotFound("resource '" + id + "' has no revision " + std::to_string(number));
  }
  return {query.integer(0), nlohmann::json::parse(query.text(1)), query.optional_integer(2),
          state_column<RevisionState>(query, 3), query.integer(4)};
}

void want_index_update(sqlite::Connection& connection, const std::string& id) {
  sqlite::Statement(connection, "UPDATE resources SET index_wanted = index_wanted + 1 WHERE id = ?")
      .bind(1, id)
      .run();
}

std::optional<nlohmann::json> record_to_publish(sqlite::Connection& connection,
                                                const std::string& id) {
  const auto row = load_resource(connection, id);
  if (!row || row->status != ResourceStatus::published || !row->published_revision)
    return std::nullopt;
  nlohmann::json record = load_revision(connection, id, *row->published_revision).record;
  sqlite::Statement ratings(connection,
                            "SELECT count(*), avg(stars) FROM ratings WHERE resource_id = ?");
  ratings.bind(1, id);
  ratings.step();
  // A record imported with its own aggregateRating keeps it until learners rate it here.
  if (const std::int64_t count = ratings.integer(0); count > 0) {
    record["aggregateRating"] = {{"ratingValue", ratings.real(1)}, {"ratingCount", count}};
  }
  return record;
}

bool published_as_imported(sqlite::Connection& connection, const std::string& id) {
  sqlite::Statement query(connection,
                          "SELECT v.state FROM resources r JOIN revisions v ON v.resource_id = "
                          "r.id AND v.number = r.published_revision WHERE r.id = ?");
  query.bind(1, id);
  return query.step() && state_column<RevisionState>(query, 0) == RevisionState::imported;
}

}  // namespace agora::community
