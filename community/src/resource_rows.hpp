// Rows of the resources and revisions tables, shared by the desks, the views, feedback
// and the index sync.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "agora/community/sqlite.hpp"
#include "agora/community/states.hpp"
#include "agora/error.hpp"

namespace agora::community {

struct ResourceRow {
  std::string id;
  ResourceStatus status = ResourceStatus::pending;
  std::optional<ResourceStatus> status_before_delete;
  std::optional<std::int64_t> author_id;
  std::string language;
  std::string url_key;
  std::string title_words;  ///< folded title words joined by spaces
  std::int64_t latest_revision = 0;
  std::optional<std::int64_t> published_revision;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::string> index_problem;  ///< why the index sync keeps it out
};

std::optional<ResourceRow> load_resource(sqlite::Connection& connection, const std::string& id);

/// The row of `id`; NotFound when there is none.
ResourceRow require_resource(sqlite::Connection& connection, const std::string& id);

struct RevisionRow {
  std::int64_t number = 0;
  nlohmann::json record;
  std::optional<std::int64_t> author_id;
  RevisionState state = RevisionState::pending;
  std::int64_t created_at = 0;
};

RevisionRow load_revision(sqlite::Connection& connection, const std::string& id,
                          std::int64_t number);

/// The state named in `column`; InternalError when the database holds a name no table
/// knows (its CHECK constraints should make that impossible).
template <typename State>
State state_column(const sqlite::Statement& row, int column) {
  const std::string name = row.text(column);
  if (const auto state = parse_state<State>(name)) return *state;
  throw InternalError("the state database holds an unknown state '" + name + "'");
}

/// Marks the resource as needing an index update (see IndexSync).
void want_index_update(sqlite::Connection& connection, const std::string& id);

/// The record the index should hold for `id`: its published revision, with the learners'
/// ratings as schema.org aggregateRating; nullopt when nothing of it is published.
std::optional<nlohmann::json> record_to_publish(sqlite::Connection& connection,
                                                const std::string& id);

/// True when what learners see of `id` is still the record agora-index imported (adopted
/// for ratings or comments, never edited here): the index's copy is then the newer one.
bool published_as_imported(sqlite::Connection& connection, const std::string& id);

}  // namespace agora::community
