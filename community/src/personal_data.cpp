// Exporting and erasing one person's data in the state database.
#include "agora/community/personal_data.hpp"

#include <initializer_list>
#include <vector>

#include "account_rows.hpp"
#include "agora/community/secrets.hpp"
#include "resource_rows.hpp"

namespace agora::community {
namespace {

using nlohmann::json;

enum class Kind { text, integer, boolean, time, document };

/// One column of an exported row: its key in the export, and how to read it.
struct Field {
  const char* key;
  Kind kind;
};

json column_json(const sqlite::Statement& row, int column, Kind kind) {
  if (row.is_null(column)) return nullptr;
  switch (kind) {
    case Kind::text: return row.text(column);
    case Kind::integer: return row.integer(column);
    case Kind::boolean: return row.integer(column) != 0;
    case Kind::time: return iso_time(row.integer(column));
    case Kind::document: return json::parse(row.text(column));
  }
  return nullptr;
}

/// The rows `sql` selects for parameter `value`, one object each, with `fields` as keys in
/// the order of the selected columns.
template <typename Value>
json rows_json(sqlite::Connection& connection, const std::string& sql, const Value& value,
               std::initializer_list<Field> fields) {
  sqlite::Statement query(connection, sql);
  query.bind(1, value);
  json rows = json::array();
  while (query.step()) {
    json row = json::object();
    int column = 0;
    for (const Field& field : fields) row[field.key] = column_json(query, column++, field.kind);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string subject_of(const std::string& username) { return "account:" + username; }

std::int64_t count(sqlite::Connection& connection, const std::string& sql, std::int64_t id) {
  sqlite::Statement query(connection, sql);
  query.bind(1, id);
  query.step();
  return query.integer(0);
}

/// Runs `sql` (one parameter: the account id); how many rows it changed.
std::int64_t change(sqlite::Connection& connection, const std::string& sql, std::int64_t id) {
  sqlite::Statement(connection, sql).bind(1, id).run();
  return connection.changes();
}

}  // namespace

json PersonalData::export_account(const std::string& username) {
  return state_.read([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    const std::int64_t id = account.id;
    json out = json::object();
    out["exportedAt"] = iso_time(now_seconds());
    out["account"] = rows_json(connection,
                               "SELECT id, username, display_name, role, disabled, created_at, "
                               "password_hash IS NOT NULL FROM accounts WHERE id = ?",
                               id,
                               {{"id", Kind::integer},
                                {"username", Kind::text},
                                {"displayName", Kind::text},
                                {"role", Kind::text},
                                {"disabled", Kind::boolean},
                                {"createdAt", Kind::time},
                                {"hasPassword", Kind::boolean}})
                         .front();
    out["apiTokens"] = rows_json(connection,
                                 "SELECT id, name, created_at, expires_at, revoked_at "
                                 "FROM api_tokens WHERE account_id = ? ORDER BY id",
                                 id,
                                 {{"id", Kind::integer},
                                  {"name", Kind::text},
                                  {"createdAt", Kind::time},
                                  {"expiresAt", Kind::time},
                                  {"revokedAt", Kind::time}});
    out["sessions"] = rows_json(connection,
                                "SELECT created_at, expires_at FROM sessions "
                                "WHERE account_id = ? ORDER BY created_at",
                                id, {{"createdAt", Kind::time}, {"expiresAt", Kind::time}});
    out["passwordResets"] = rows_json(
        connection,
        "SELECT created_at, expires_at, used_at FROM "
        "password_resets WHERE account_id = ? ORDER BY created_at",
        id, {{"createdAt", Kind::time}, {"expiresAt", Kind::time}, {"usedAt", Kind::time}});
    out["submissions"] = rows_json(connection,
                                   "SELECT id, status, language, latest_revision, "
                                   "published_revision, created_at, updated_at FROM resources "
                                   "WHERE author_id = ? ORDER BY created_at, id",
                                   id,
                                   {{"id", Kind::text},
                                    {"status", Kind::text},
                                    {"language", Kind::text},
                                    {"latestRevision", Kind::integer},
                                    {"publishedRevision", Kind::integer},
                                    {"createdAt", Kind::time},
                                    {"updatedAt", Kind::time}});
    out["revisions"] = rows_json(connection,
                                 "SELECT resource_id, number, state, created_at, record "
                                 "FROM revisions WHERE author_id = ? ORDER BY resource_id, number",
                                 id,
                                 {{"resourceId", Kind::text},
                                  {"number", Kind::integer},
                                  {"state", Kind::text},
                                  {"createdAt", Kind::time},
                                  {"record", Kind::document}});
    out["reviews"] = rows_json(connection,
                               "SELECT resource_id, revision, verdict, comment, created_at "
                               "FROM reviews WHERE reviewer_id = ? ORDER BY id",
                               id,
                               {{"resourceId", Kind::text},
                                {"revision", Kind::integer},
                                {"verdict", Kind::text},
                                {"comment", Kind::text},
                                {"createdAt", Kind::time}});
    out["ratings"] = rows_json(
        connection,
        "SELECT resource_id, stars, created_at FROM ratings "
        "WHERE account_id = ? ORDER BY resource_id",
        id, {{"resourceId", Kind::text}, {"stars", Kind::integer}, {"createdAt", Kind::time}});
    out["comments"] = rows_json(connection,
                                "SELECT id, resource_id, body, created_at FROM comments "
                                "WHERE account_id = ? ORDER BY id",
                                id,
                                {{"id", Kind::integer},
                                 {"resourceId", Kind::text},
                                 {"body", Kind::text},
                                 {"createdAt", Kind::time}});
    out["requests"] = rows_json(connection,
                                "SELECT id, topic, details, language, level, status, created_at "
                                "FROM requests WHERE requester_id = ? ORDER BY id",
                                id,
                                {{"id", Kind::integer},
                                 {"topic", Kind::text},
                                 {"details", Kind::text},
                                 {"language", Kind::text},
                                 {"level", Kind::text},
                                 {"status", Kind::text},
                                 {"createdAt", Kind::time}});
    out["answers"] = rows_json(connection,
                               "SELECT id, answer_resource_id, answer_title, answer_url, "
                               "answer_note, answered_at FROM requests "
                               "WHERE answered_by = ? ORDER BY id",
                               id,
                               {{"requestId", Kind::integer},
                                {"resourceId", Kind::text},
                                {"title", Kind::text},
                                {"url", Kind::text},
                                {"note", Kind::text},
                                {"answeredAt", Kind::time}});
    const std::initializer_list<Field> audit_fields = {
        {"id", Kind::integer},  {"at", Kind::time},      {"actor", Kind::text},
        {"action", Kind::text}, {"subject", Kind::text}, {"detail", Kind::document}};
    out["auditEntries"] = rows_json(connection,
                                    "SELECT id, at, actor, action, subject, detail FROM "
                                    "audit_log WHERE actor_id = ? ORDER BY id",
                                    id, audit_fields);
    out["auditEntriesAbout"] = rows_json(connection,
                                         "SELECT id, at, actor, action, subject, detail FROM "
                                         "audit_log WHERE subject = ? COLLATE NOCASE ORDER BY id",
                                         subject_of(account.username), audit_fields);
    return out;
  });
}

Erasure PersonalData::erase(const std::string& username, const Actor& actor) {
  return state_.write([&](sqlite::Connection& connection) {
    const Account account = require_account(connection, username);
    const std::int64_t id = account.id;
    Erasure erased;
    erased.account_id = id;
    erased.placeholder = "erased:" + std::to_string(id);

    // Ratings go, and with them the resources' averages: the index sync writes them again.
    std::vector<std::string> rated;
    {
      sqlite::Statement query(connection, "SELECT resource_id FROM ratings WHERE account_id = ?");
      query.bind(1, id);
      while (query.step()) rated.push_back(query.text(0));
    }
    erased.ratings = change(connection, "DELETE FROM ratings WHERE account_id = ?", id);
    for (const std::string& resource : rated) want_index_update(connection, resource);
    erased.comments = change(connection, "DELETE FROM comments WHERE account_id = ?", id);
    erased.sessions = end_account_sessions(connection, id);
    erased.tokens = change(connection, "DELETE FROM api_tokens WHERE account_id = ?", id);
    change(connection, "DELETE FROM password_resets WHERE account_id = ?", id);
    erased.requests =
        change(connection, "UPDATE requests SET requester_id = NULL WHERE requester_id = ?", id);
    erased.submissions =
        count(connection, "SELECT count(*) FROM resources WHERE author_id = ?", id);
    erased.reviews = count(connection, "SELECT count(*) FROM reviews WHERE reviewer_id = ?", id);

    // The audit log keeps what was done, by whom as a number only.
    sqlite::Statement(connection, "UPDATE audit_log SET actor = ? WHERE actor_id = ?")
        .bind_all(erased.placeholder, id)
        .run();
    sqlite::Statement(connection,
                      "UPDATE audit_log SET subject = ? WHERE subject = ? COLLATE NOCASE")
        .bind_all(subject_of(erased.placeholder), subject_of(account.username))
        .run();

    // The row stays, nameless and unusable, so that the work and reviews that name it
    // keep their author and the review counts stay as they were.
    sqlite::Statement(connection,
                      "UPDATE accounts SET username = ?, display_name = 'former member', "
                      "role = 'learner', password_hash = NULL, disabled = 1 WHERE id = ?")
        .bind_all(erased.placeholder, id)
        .run();
    append_audit(connection, actor, "account.erase", subject_of(erased.placeholder),
                 {{"ratings", erased.ratings},
                  {"comments", erased.comments},
                  {"sessions", erased.sessions},
                  {"tokens", erased.tokens},
                  {"submissionsKept", erased.submissions},
                  {"reviewsKept", erased.reviews},
                  {"requestsAnonymised", erased.requests}});
    return erased;
  });
}

}  // namespace agora::community
