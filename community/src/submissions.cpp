// Submitting, editing and deleting resources; reading submissions and history.
#include "agora/community/submissions.hpp"

#include "agora/community/refusal.hpp"
#include "agora/community/secrets.hpp"
#include "agora/index/duplicates.hpp"
#include "agora/index/record_builder.hpp"
#include "submission_json.hpp"

namespace agora::community {
namespace {

using nlohmann::json;

constexpr const char* kLiveStatuses = "('pending', 'changes_requested', 'published')";

// "Créer une coopérative" in fr → "creer-une-cooperative-fr": readable, ASCII, stable.
std::string id_from_title(const std::vector<std::string>& words, const std::string& language) {
  std::string id;
  for (const std::string& word : words) {
    std::string kept;
    for (const char c : word) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) kept += c;
    }
    if (kept.empty()) continue;
    if (!id.empty()) id += '-';
    id += kept;
    if (id.size() > 60) break;
  }
  if (id.empty()) id = "resource";
  return id + "-" + language;
}

bool is_author(const Caller& caller, const ResourceRow& row) {
  return caller.account && row.author_id && *row.author_id == caller.account->id;
}

bool may_see_unpublished(const Caller& caller, const ResourceRow& row) {
  return is_author(caller, row) || caller.has_role(Role::reviewer);
}

ResourceRow require_row(sqlite::Connection& connection, const std::string& id) {
  auto row = load_resource(connection, id);
  if (!row) throw NotFound("no resource with id '" + id + "'");
  return *row;
}

json duplicate_json(const std::string& id, const std::string& title, const std::string& url,
                    const std::string& language, const std::string& reason) {
  return {{"id", id},         {"title", title},
          {"url", url},       {"language", language},
          {"reason", reason}, {"href", "/api/resources/" + id}};
}

}  // namespace

struct Submissions::Checked {
  index::Record record;
  std::string url_key;
  std::vector<std::string> title_words;
};

Submissions::Submissions(StateDatabase& state, PublishedIndex& index, IndexSync& sync,
                         const analyzers::Registry& registry, ReviewRules rules)
    : state_(state), index_(index), sync_(sync), registry_(registry), rules_(std::move(rules)) {}

Submissions::Checked Submissions::check_record(const json& fields,
                                               const std::string& id_for_errors) {
  index::ImportItem item;
  item.where = {id_for_errors, 0};
  item.fields = fields;
  // Ratings come from learners, never from the submitted record.
  item.fields.erase("aggregateRating");
  index::BuiltRecord built = index::build_record(item, rules_.collection, detector_);
  if (!built.record) {
    std::vector<FieldProblem> problems;
    for (const index::FieldError& error : built.errors) {
      problems.push_back({error.field, error.message});
    }
    throw invalid_fields(problems);
  }
  Checked checked{std::move(*built.record), "", {}};
  checked.url_key = index::url_key(checked.record.url);
  checked.title_words =
      index::title_words(checked.record.title, registry_.for_tag(checked.record.language));
  return checked;
}

void Submissions::use_keys_of(sqlite::Connection& connection, const std::string& id,
                              std::int64_t revision) {
  const json record = load_revision(connection, id, revision).record;
  const std::string language = record.value("inLanguage", "und");
  sqlite::Statement(connection,
                    "UPDATE resources SET url_key = ?, title_words = ?, language = ? WHERE id = ?")
      .bind_all(index::url_key(record.value("url", "")),
                index::title_key(
                    index::title_words(record.value("title", ""), registry_.for_tag(language))),
                language, id)
      .run();
}

bool Submissions::adopt(const std::string& id) {
  if (state_.read([&](sqlite::Connection& c) { return load_resource(c, id).has_value(); })) {
    return true;
  }
  std::optional<json> record = index_.record(id);
  if (!record) return false;
  const Checked checked = check_record(*record, id);
  state_.write([&](sqlite::Connection& connection) {
    if (load_resource(connection, id)) return;  // adopted meanwhile by another request
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO resources (id, status, author_id, language, url_key, "
                      "title_words, latest_revision, published_revision, created_at, updated_at) "
                      "VALUES (?, 'published', NULL, ?, ?, ?, 1, 1, ?, ?)")
        .bind_all(id, checked.record.language, checked.url_key,
                  index::title_key(checked.title_words), now, now)
        .run();
    sqlite::Statement(connection,
                      "INSERT INTO revisions (resource_id, number, record, author_id, state, "
                      "created_at) VALUES (?, 1, ?, NULL, 'imported', ?)")
        .bind_all(id, record->dump(), now)
        .run();
  });
  return true;
}

bool Submissions::is_published(const std::string& id) {
  const auto status = state_.read([&](sqlite::Connection& connection) {
    const auto row = load_resource(connection, id);
    return row ? std::optional(row->status) : std::nullopt;
  });
  return status ? *status == "published" : index_.record(id).has_value();
}

json Submissions::submit(const Caller& caller, const json& fields, bool allow_similar_title) {
  require_role(caller, Role::contributor);
  json with_id = fields;
  const bool id_given = fields.contains("id") && !fields["id"].is_null();
  if (!id_given) with_id["id"] = "new";  // replaced below, once the title is known
  Checked checked = check_record(with_id, "body");
  json stored = checked.record.stored;
  const std::string& language = checked.record.language;

  json duplicates = json::array();
  for (const auto& found :
       index_.duplicates_of(checked.record.url, checked.record.title, language)) {
    if (found.reason == "title" && allow_similar_title) continue;
    duplicates.push_back(
        duplicate_json(found.id, found.title, found.url, found.language, found.reason));
  }
  std::string id = checked.record.id;
  // Imported ids may hold '/' (OAI identifiers do); ids given through the API may not, so
  // that an id is always one path segment and can never read as "..".
  if (id_given && (id.find('/') != std::string::npos || id.find("..") != std::string::npos)) {
    throw invalid_fields({{"id", "must not contain '/' or '..'"}});
  }
  if (!id_given) {
    const std::string base = id_from_title(checked.title_words, language);
    id = base;
    for (int n = 2; index_.record(id); ++n) id = base + "-" + std::to_string(n);
  } else if (index_.record(id)) {
    throw conflict("a resource with id '" + id + "' exists; edit it with PUT or PATCH",
                   {{"duplicates", {duplicate_json(id, "", "", "", "id")}}});
  }

  return state_.write([&](sqlite::Connection& connection) {
    sqlite::Statement same(connection,
                           std::string("SELECT id, url_key, title_words, language, "
                                       "coalesce(published_revision, latest_revision), status, "
                                       "author_id FROM resources WHERE status IN ") +
                               kLiveStatuses + " AND (url_key = ? OR language = ?)");
    same.bind_all(checked.url_key, language);
    while (same.step()) {
      const bool same_url = same.text(1) == checked.url_key;
      if (!same_url && (allow_similar_title ||
                        !index::near_identical_titles(checked.title_words,
                                                      index::words_of_title_key(same.text(2))))) {
        continue;
      }
      const std::string other = same.text(0);
      bool listed = false;
      for (const json& entry : duplicates) listed |= entry["id"] == other;
      if (listed) continue;
      // Work under review is named, but only its author and reviewers may read it.
      const bool readable = same.text(5) == "published" || caller.has_role(Role::reviewer) ||
                            same.optional_integer(6) == caller.account->id;
      const json record =
          readable ? load_revision(connection, other, same.integer(4)).record : json::object();
      duplicates.push_back(duplicate_json(other, record.value("title", ""), record.value("url", ""),
                                          same.text(3), same_url ? "url" : "title"));
    }
    if (!duplicates.empty()) {
      throw conflict("this resource looks like one Agora already has",
                     {{"duplicates", duplicates}});
    }
    if (load_resource(connection, id)) {
      if (id_given) {
        throw conflict("a resource with id '" + id + "' exists; edit it with PUT or PATCH",
                       {{"duplicates", {duplicate_json(id, "", "", "", "id")}}});
      }
      const std::string base = id;
      for (int n = 2; load_resource(connection, id); ++n) id = base + "-" + std::to_string(n);
    }
    stored["id"] = id;
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO resources (id, status, author_id, language, url_key, "
                      "title_words, latest_revision, created_at, updated_at) "
                      "VALUES (?, 'pending', ?, ?, ?, ?, 1, ?, ?)")
        .bind_all(id, caller.account->id, language, checked.url_key,
                  index::title_key(checked.title_words), now, now)
        .run();
    sqlite::Statement(connection,
                      "INSERT INTO revisions (resource_id, number, record, author_id, state, "
                      "created_at) VALUES (?, 1, ?, ?, 'pending', ?)")
        .bind_all(id, stored.dump(), caller.account->id, now)
        .run();
    append_audit(connection, caller.actor(), "resource.submit", "resource:" + id,
                 {{"revision", 1}, {"title", checked.record.title}});
    return submission_json(connection, require_row(connection, id), rules_.approvals_required);
  });
}

json Submissions::add_revision(const Caller& caller, const std::string& id, json fields,
                               std::optional<std::int64_t> expected_revision) {
  require_role(caller, Role::contributor);
  if (!adopt(id)) throw NotFound("no resource with id '" + id + "'");
  if (fields.contains("id") && fields["id"] != id) {
    throw invalid_fields({{"id", "must be '" + id + "', the id in the address, or left out"}});
  }
  fields["id"] = id;
  const Checked checked = check_record(fields, "body");
  json duplicates = json::array();
  for (const auto& found : index_.duplicates_of(checked.record.url, "", checked.record.language)) {
    if (found.id != id && found.reason == "url") {
      duplicates.push_back(duplicate_json(found.id, found.title, found.url, found.language, "url"));
    }
  }
  return state_.write([&](sqlite::Connection& connection) {
    const ResourceRow row = require_row(connection, id);
    if (row.status == "deleted" || row.status == "rejected") {
      throw conflict("resource '" + id + "' is " + row.status + "; it cannot be edited");
    }
    if (!row.published_revision && !may_see_unpublished(caller, row)) {
      throw forbidden("only its author or a reviewer can edit a submission under review");
    }
    if (expected_revision && *expected_revision != row.latest_revision) {
      throw Refusal(412, "Precondition failed",
                    "revision " + std::to_string(row.latest_revision) + " is the latest, not " +
                        std::to_string(*expected_revision) + ": reload it and edit again");
    }
    sqlite::Statement same(connection, std::string("SELECT id FROM resources WHERE status IN ") +
                                           kLiveStatuses + " AND url_key = ? AND id <> ?");
    same.bind_all(checked.url_key, id);
    while (same.step()) {
      duplicates.push_back(duplicate_json(same.text(0), "", checked.record.url, "", "url"));
    }
    if (!duplicates.empty()) {
      throw conflict("another resource has this address", {{"duplicates", duplicates}});
    }
    const RevisionRow latest = load_revision(connection, id, row.latest_revision);
    if (latest.state == "pending") {
      sqlite::Statement(
          connection,
          "UPDATE revisions SET state = 'superseded' WHERE resource_id = ? AND number = ?")
          .bind_all(id, row.latest_revision)
          .run();
    }
    const std::int64_t number = row.latest_revision + 1;
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO revisions (resource_id, number, record, author_id, state, "
                      "created_at) VALUES (?, ?, ?, ?, 'pending', ?)")
        .bind_all(id, number, checked.record.stored.dump(), caller.account->id, now)
        .run();
    sqlite::Statement(connection,
                      "UPDATE resources SET latest_revision = ?, updated_at = ?, status = ?, "
                      "url_key = ?, title_words = ?, language = ? WHERE id = ?")
        .bind_all(number, now, row.published_revision ? "published" : "pending", checked.url_key,
                  index::title_key(checked.title_words), checked.record.language, id)
        .run();
    append_audit(connection, caller.actor(), "resource.edit", "resource:" + id,
                 {{"revision", number}});
    json out = submission_json(connection, require_row(connection, id), rules_.approvals_required);
    if (!may_see_unpublished(caller, row)) out["reviews"] = json::array();  // others' reviews
    return out;
  });
}

json Submissions::replace(const Caller& caller, const std::string& id, json record,
                          std::optional<std::int64_t> expected_revision) {
  return add_revision(caller, id, std::move(record), expected_revision);
}

json Submissions::patch(const Caller& caller, const std::string& id, const json& patch,
                        std::optional<std::int64_t> expected_revision) {
  require_role(caller, Role::contributor);
  if (!adopt(id)) throw NotFound("no resource with id '" + id + "'");
  // The patch applies to the latest revision, unless that one was rejected: then to what
  // learners see.
  json record = state_.read([&](sqlite::Connection& connection) {
    const ResourceRow row = require_row(connection, id);
    RevisionRow latest = load_revision(connection, id, row.latest_revision);
    // Someone else's pending edit is not theirs to read, nor to build upon.
    const bool theirs = may_see_unpublished(caller, row) ||
                        (latest.author_id && *latest.author_id == caller.account->id);
    if (row.published_revision && (latest.state == "rejected" || !theirs)) {
      latest = load_revision(connection, id, *row.published_revision);
    }
    return latest.record;
  });
  record.merge_patch(patch);
  return add_revision(caller, id, std::move(record), expected_revision);
}

json Submissions::remove(const Caller& caller, const std::string& id) {
  require_role(caller, Role::learner);
  if (!adopt(id)) throw NotFound("no resource with id '" + id + "'");
  const bool was_published = state_.write([&](sqlite::Connection& connection) {
    const ResourceRow row = require_row(connection, id);
    if (row.status == "deleted") throw conflict("resource '" + id + "' is already deleted");
    const bool admin = caller.has_role(Role::admin);
    if (!admin && !(is_author(caller, row) && !row.published_revision)) {
      if (!may_see_unpublished(caller, row) && !row.published_revision) {
        throw NotFound("no resource with id '" + id + "'");
      }
      throw forbidden(
          "only an admin can delete a published resource, and only its author or "
          "an admin a submission");
    }
    sqlite::Statement(connection,
                      "UPDATE resources SET status = 'deleted', status_before_delete = ?, "
                      "updated_at = ? WHERE id = ?")
        .bind_all(row.status, now_seconds(), id)
        .run();
    if (row.status == "published") want_index_update(connection, id);
    append_audit(connection, caller.actor(), "resource.delete", "resource:" + id,
                 {{"status", row.status}});
    return row.status == "published";
  });
  const bool indexed = !was_published || sync_.sync_now();
  return state_.read([&](sqlite::Connection& connection) {
    json out = submission_json(connection, require_row(connection, id), rules_.approvals_required);
    out["indexed"] = indexed;
    return out;
  });
}

json Submissions::restore(const Caller& caller, const std::string& id) {
  require_role(caller, Role::admin);
  const bool republished = state_.write([&](sqlite::Connection& connection) {
    const ResourceRow row = require_row(connection, id);
    if (row.status != "deleted") throw conflict("resource '" + id + "' is not deleted");
    const std::string status = row.status_before_delete.value_or("pending");
    sqlite::Statement(connection,
                      "UPDATE resources SET status = ?, status_before_delete = NULL, "
                      "updated_at = ? WHERE id = ?")
        .bind_all(status, now_seconds(), id)
        .run();
    if (status == "published") want_index_update(connection, id);
    append_audit(connection, caller.actor(), "resource.restore", "resource:" + id,
                 {{"status", status}});
    return status == "published";
  });
  const bool indexed = !republished || sync_.sync_now();
  return state_.read([&](sqlite::Connection& connection) {
    json out = submission_json(connection, require_row(connection, id), rules_.approvals_required);
    out["indexed"] = indexed;
    return out;
  });
}

json Submissions::view(const Caller& caller, const std::string& id, bool want_submission) {
  const auto answer = state_.read([&](sqlite::Connection& connection) -> std::optional<json> {
    const auto row = load_resource(connection, id);
    if (!row) return std::nullopt;
    const bool published = row->status == "published";
    if (may_see_unpublished(caller, *row) && (want_submission || !published)) {
      return submission_json(connection, *row, rules_.approvals_required);
    }
    if (!published) throw NotFound("no resource with id '" + id + "'");
    return std::nullopt;
  });
  if (answer) return *answer;
  if (auto record = index_.record(id)) return *record;
  // Published a moment ago and not yet in the index: answer from the state.
  if (auto record = state_.read([&](sqlite::Connection& c) { return record_to_publish(c, id); })) {
    return *record;
  }
  throw NotFound("no resource with id '" + id + "'");
}

json Submissions::history(const Caller& caller, const std::string& id) {
  const auto answer = state_.read([&](sqlite::Connection& connection) -> std::optional<json> {
    const auto row = load_resource(connection, id);
    if (!row) return std::nullopt;
    const bool privileged = may_see_unpublished(caller, *row);
    if (!privileged && (!row->published_revision || row->status == "deleted")) {
      throw NotFound("no resource with id '" + id + "'");
    }
    sqlite::Statement query(connection,
                            "SELECT number FROM revisions WHERE resource_id = ? ORDER BY number");
    query.bind(1, id);
    json revisions = json::array();
    while (query.step()) {
      const RevisionRow revision = load_revision(connection, id, query.integer(0));
      const bool public_revision = revision.state == "approved" || revision.state == "imported";
      if (!privileged && !public_revision) continue;
      revisions.push_back({{"revision", revision.number},
                           {"state", revision.state},
                           {"author", person_or_null(connection, revision.author_id)},
                           {"createdAt", iso_time(revision.created_at)},
                           {"record", revision.record}});
    }
    return json{{"id", id},
                {"status", privileged ? row->status : "published"},
                {"revisions", revisions},
                {"reviews", privileged ? reviews_json(connection, id) : json::array()}};
  });
  if (answer) return *answer;
  const auto record = index_.record(id);
  if (!record) throw NotFound("no resource with id '" + id + "'");
  return {{"id", id},
          {"status", "published"},
          {"revisions",
           {{{"revision", 1}, {"state", "imported"}, {"author", nullptr}, {"record", *record}}}},
          {"reviews", json::array()}};
}

json Submissions::mine(const Caller& caller) {
  require_role(caller, Role::learner);
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(
        connection, "SELECT id FROM resources WHERE author_id = ? ORDER BY updated_at DESC, id");
    query.bind(1, caller.account->id);
    json submissions = json::array();
    while (query.step()) {
      submissions.push_back(submission_json(connection, require_row(connection, query.text(0)),
                                            rules_.approvals_required));
    }
    return json{{"submissions", submissions}};
  });
}

json Submissions::queue(const Caller& caller, const std::string& language) {
  require_role(caller, Role::reviewer);
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(
        connection,
        "SELECT r.id FROM resources r JOIN revisions v ON v.resource_id = r.id AND "
        "v.number = r.latest_revision WHERE v.state = 'pending' AND r.status <> 'deleted' "
        "AND (v.author_id IS NULL OR v.author_id <> ?) "
        "AND NOT EXISTS (SELECT 1 FROM reviews w WHERE w.resource_id = r.id AND "
        "w.revision = r.latest_revision AND w.reviewer_id = ?) "
        "AND (? = '' OR r.language = ? OR r.language LIKE ? || '-%') ORDER BY v.created_at, r.id");
    query.bind_all(caller.account->id, caller.account->id, language, language, language);
    json pending = json::array();
    while (query.step()) {
      pending.push_back(submission_json(connection, require_row(connection, query.text(0)),
                                        rules_.approvals_required));
    }
    return json{{"pending", pending}};
  });
}

}  // namespace agora::community
