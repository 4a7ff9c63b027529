// Adopting imported resources and telling what learners can see.
#include "agora/community/resources.hpp"

#include "agora/community/secrets.hpp"
#include "agora/index/duplicates.hpp"
#include "resource_rows.hpp"

namespace agora::community {

bool Resources::adopt(const std::string& id) {
  if (state_.read([&](sqlite::Connection& c) { return load_resource(c, id).has_value(); })) {
    return true;
  }
  std::optional<nlohmann::json> record = index_.record(id);
  if (!record) return false;
  const CheckedRecord checked = rules_.check_submitted(*record);
  state_.write([&](sqlite::Connection& connection) {
    if (load_resource(connection, id)) return;  // adopted meanwhile by another request
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO resources (id, status, author_id, language, url_key, "
                      "title_words, latest_revision, published_revision, created_at, updated_at) "
                      "VALUES (?, ?, NULL, ?, ?, ?, 1, 1, ?, ?)")
        .bind_all(id, name_of(ResourceStatus::published), checked.record.language,
                  checked.keys.url_key, index::title_key(checked.keys.title_words), now, now)
        .run();
    sqlite::Statement(connection,
                      "INSERT INTO revisions (resource_id, number, record, author_id, state, "
                      "created_at) VALUES (?, 1, ?, NULL, ?, ?)")
        .bind_all(id, record->dump(), name_of(RevisionState::imported), now)
        .run();
  });
  return true;
}

void Resources::require(const std::string& id) {
  if (!adopt(id)) throw NotFound("no resource with id '" + id + "'");
}

bool Resources::is_published(const std::string& id) {
  const auto status = state_.read([&](sqlite::Connection& connection) {
    const auto row = load_resource(connection, id);
    return row ? std::optional(row->status) : std::nullopt;
  });
  return status ? *status == ResourceStatus::published : index_.record(id).has_value();
}

}  // namespace agora::community
