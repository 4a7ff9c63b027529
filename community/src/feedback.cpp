// Ratings and comments.
#include "agora/community/feedback.hpp"

#include "agora/community/refusal.hpp"
#include "agora/community/secrets.hpp"
#include "agora/index/text_helpers.hpp"
#include "resource_rows.hpp"
#include "submission_json.hpp"

namespace agora::community {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCommentCharacters = 2000;

}  // namespace

void Feedback::require_published(const std::string& id) {
  if (!submissions_.adopt(id)) throw NotFound("no resource with id '" + id + "'");
  const bool published = state_.read([&](sqlite::Connection& connection) {
    const auto row = load_resource(connection, id);
    return row && row->status == "published";
  });
  if (!published) throw NotFound("no published resource with id '" + id + "'");
}

json Feedback::rate(const Caller& caller, const std::string& id, const json& body) {
  require_role(caller, Role::learner);
  const json& stars = body.value("stars", json());
  if (!stars.is_number_integer() || stars.get<std::int64_t>() < 1 ||
      stars.get<std::int64_t>() > 5) {
    throw invalid_fields({{"stars", "must be a whole number from 1 to 5"}});
  }
  require_published(id);
  const std::int64_t given = stars.get<std::int64_t>();
  json answer = state_.write([&](sqlite::Connection& connection) {
    sqlite::Statement(connection,
                      "INSERT INTO ratings (resource_id, account_id, stars, created_at) "
                      "VALUES (?, ?, ?, ?) ON CONFLICT (resource_id, account_id) "
                      "DO UPDATE SET stars = excluded.stars, created_at = excluded.created_at")
        .bind_all(id, caller.account->id, given, now_seconds())
        .run();
    want_index_update(connection, id);
    append_audit(connection, caller.actor(), "resource.rate", "resource:" + id, {{"stars", given}});
    sqlite::Statement totals(connection,
                             "SELECT avg(stars), count(*) FROM ratings WHERE resource_id = ?");
    totals.bind(1, id);
    totals.step();
    return json{
        {"ratingValue", totals.real(0)}, {"ratingCount", totals.integer(1)}, {"yours", given}};
  });
  // Ranking may follow a moment later; the rating itself is already stored.
  sync_.sync_soon();
  return answer;
}

json Feedback::comments(const std::string& id) {
  // Reading must not adopt an imported resource: only a rating or a comment does.
  if (!submissions_.is_published(id)) throw NotFound("no published resource with id '" + id + "'");
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(connection,
                            "SELECT id, account_id, body, created_at FROM comments "
                            "WHERE resource_id = ? ORDER BY id");
    query.bind(1, id);
    json comments = json::array();
    while (query.step()) {
      comments.push_back({{"id", query.integer(0)},
                          {"author", person_or_null(connection, query.integer(1))},
                          {"body", query.text(2)},
                          {"createdAt", iso_time(query.integer(3))}});
    }
    return json{{"comments", comments}};
  });
}

json Feedback::comment(const Caller& caller, const std::string& id, const json& body) {
  require_role(caller, Role::learner);
  const json& text = body.value("body", json());
  if (!text.is_string() ||
      text.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos) {
    throw invalid_fields({{"body", "is required: the comment's text"}});
  }
  const std::string comment = text.get<std::string>();
  if (index::utf8_length(comment) > kMaxCommentCharacters) {
    throw invalid_fields({{"body", "must be at most 2000 characters"}});
  }
  require_published(id);
  return state_.write([&](sqlite::Connection& connection) {
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO comments (resource_id, account_id, body, created_at) "
                      "VALUES (?, ?, ?, ?)")
        .bind_all(id, caller.account->id, comment, now)
        .run();
    const std::int64_t comment_id = connection.last_insert_id();
    append_audit(connection, caller.actor(), "resource.comment", "resource:" + id,
                 {{"comment", comment_id}});
    return json{{"id", comment_id},
                {"author", person_json(*caller.account)},
                {"body", comment},
                {"createdAt", iso_time(now)}};
  });
}

}  // namespace agora::community
