// Ratings and comments.
#include "agora/community/feedback.hpp"

#include "agora/base/utf8.hpp"
#include "agora/community/errors.hpp"
#include "agora/community/secrets.hpp"
#include "resource_rows.hpp"

namespace agora::community {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCommentCharacters = 2000;

}  // namespace

void Feedback::require_published(const std::string& id) {
  resources_.require(id);
  const bool published = state_.read([&](sqlite::Connection& connection) {
    const auto row = load_resource(connection, id);
    return row && row->status == ResourceStatus::published;
  });
  if (!published) throw NotFound("no published resource with id '" + id + "'");
}

RatingSummary Feedback::rate(const Caller& caller, const std::string& id, const json& body) {
  require_role(caller, Role::learner);
  const json& stars = body.value("stars", json());
  if (!stars.is_number_integer() || stars.get<std::int64_t>() < 1 ||
      stars.get<std::int64_t>() > 5) {
    throw InvalidFields("stars", "must be a whole number from 1 to 5");
  }
  require_published(id);
  const std::int64_t given = stars.get<std::int64_t>();
  const RatingSummary answer = state_.write([&](sqlite::Connection& connection) {
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
    return RatingSummary{totals.real(0), totals.integer(1), given};
  });
  // Ranking may follow a moment later; the rating itself is already stored.
  sync_.sync_soon();
  return answer;
}

std::vector<CommentView> Feedback::comments(const std::string& id) {
  // Reading must not adopt an imported resource: only a rating or a comment does.
  if (!resources_.is_published(id)) throw NotFound("no published resource with id '" + id + "'");
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(connection,
                            "SELECT id, account_id, body, created_at FROM comments "
                            "WHERE resource_id = ? ORDER BY id");
    query.bind(1, id);
    std::vector<CommentView> comments;
    while (query.step()) {
      comments.push_back({query.integer(0), load_account(connection, query.integer(1)),
                          query.text(2), query.integer(3)});
    }
    return comments;
  });
}

CommentView Feedback::comment(const Caller& caller, const std::string& id, const json& body) {
  require_role(caller, Role::learner);
  const json& text = body.value("body", json());
  if (!text.is_string() ||
      text.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InvalidFields("body", "is required: the comment's text");
  }
  const std::string comment = text.get<std::string>();
  if (utf8_length(comment) > kMaxCommentCharacters) {
    throw InvalidFields("body", "must be at most 2000 characters");
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
    return CommentView{comment_id, caller.account, comment, now};
  });
}

}  // namespace agora::community
