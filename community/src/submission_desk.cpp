// Submitting, editing, deleting and restoring resources.
#include "agora/community/submission_desk.hpp"

#include "agora/community/errors.hpp"
#include "agora/community/secrets.hpp"
#include "agora/index/duplicates.hpp"
#include "caller_rights.hpp"
#include "submission_views.hpp"

namespace agora::community {
namespace {

using nlohmann::json;

// The statuses in which a resource still counts as Agora's, as an SQL list.
std::string live_statuses_sql() {
  std::string list;
  for (const ResourceStatus status :
       {ResourceStatus::pending, ResourceStatus::changes_requested, ResourceStatus::published}) {
    list += (list.empty() ? "('" : ", '") + std::string(name_of(status)) + "'";
  }
  return list + ")";
}

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

Conflict id_taken(const std::string& id) {
  return Conflict("a resource with id '" + id + "' exists; edit it with PUT or PATCH",
                  {{id, "", "", "", "id"}});
}

bool listed(const std::vector<Duplicate>& duplicates, const std::string& id) {
  for (const Duplicate& duplicate : duplicates) {
    if (duplicate.id == id) return true;
  }
  return false;
}

}  // namespace

SubmissionView SubmissionDesk::submit(const Caller& caller, const json& fields,
                                      bool allow_similar_title) {
  require_role(caller, Role::contributor);
  json with_id = fields;
  const bool id_given = fields.contains("id") && !fields["id"].is_null();
  if (!id_given) with_id["id"] = "new";  // replaced below, once the title is known
  CheckedRecord checked = rules_.check_submitted(with_id);
  json stored = checked.record.stored;
  const std::string& language = checked.record.language;

  std::vector<Duplicate> duplicates;
  for (const auto& found :
       index_.duplicates_of(checked.record.url, checked.record.title, language)) {
    if (found.reason == "title" && allow_similar_title) continue;
    duplicates.push_back(found);
  }
  std::string id = checked.record.id;
  // Imported ids may hold '/' (OAI identifiers do); ids given through the API may not, so
  // that an id is always one path segment and can never read as "..".
  if (id_given && (id.find('/') != std::string::npos || id.find("..") != std::string::npos)) {
    throw InvalidFields("id", "must not contain '/' or '..'");
  }
  if (!id_given) {
    const std::string base = id_from_title(checked.keys.title_words, language);
    id = base;
    for (int n = 2; index_.record(id); ++n) id = base + "-" + std::to_string(n);
  } else if (index_.record(id)) {
    throw id_taken(id);
  }

  return state_.write([&](sqlite::Connection& connection) {
    sqlite::Statement same(connection,
                           "SELECT id, url_key, title_words, language, "
                           "coalesce(published_revision, latest_revision), status, "
                           "author_id FROM resources WHERE status IN " +
                               live_statuses_sql() + " AND (url_key = ? OR language = ?)");
    same.bind_all(checked.keys.url_key, language);
    while (same.step()) {
      const bool same_url = same.text(1) == checked.keys.url_key;
      if (!same_url && (allow_similar_title ||
                        !index::near_identical_titles(checked.keys.title_words,
                                                      index::words_of_title_key(same.text(2))))) {
        continue;
      }
      const std::string other = same.text(0);
      if (listed(duplicates, other)) continue;
      // Work under review is named, but only its author and reviewers may read it.
      const bool readable = state_column<ResourceStatus>(same, 5) == ResourceStatus::published ||
                            caller.has_role(Role::reviewer) ||
                            same.optional_integer(6) == caller.account->id;
      const json record =
          readable ? load_revision(connection, other, same.integer(4)).record : json::object();
      duplicates.push_back({other, record.value("title", ""), record.value("url", ""), same.text(3),
                            same_url ? "url" : "title"});
    }
    if (!duplicates.empty()) {
      throw Conflict("this resource looks like one Agora already has", duplicates);
    }
    if (load_resource(connection, id)) {
      if (id_given) throw id_taken(id);
      const std::string base = id;
      for (int n = 2; load_resource(connection, id); ++n) id = base + "-" + std::to_string(n);
    }
    stored["id"] = id;
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO resources (id, status, author_id, language, url_key, "
                      "title_words, latest_revision, created_at, updated_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")
        .bind_all(id, name_of(ResourceStatus::pending), caller.account->id, language,
                  checked.keys.url_key, index::title_key(checked.keys.title_words), now, now)
        .run();
    sqlite::Statement(connection,
                      "INSERT INTO revisions (resource_id, number, record, author_id, state, "
                      "created_at) VALUES (?, 1, ?, ?, ?, ?)")
        .bind_all(id, stored.dump(), caller.account->id, name_of(RevisionState::pending), now)
        .run();
    append_audit(connection, caller.actor(), "resource.submit", "resource:" + id,
                 {{"revision", 1}, {"title", checked.record.title}});
    return submission_of(connection, require_resource(connection, id), review_.approvals_required);
  });
}

SubmissionView SubmissionDesk::add_revision(const Caller& caller, const std::string& id,
                                            json fields,
                                            std::optional<std::int64_t> expected_revision) {
  require_role(caller, Role::contributor);
  resources_.require(id);
  if (fields.contains("id") && fields["id"] != id) {
    throw InvalidFields("id", "must be '" + id + "', the id in the address, or left out");
  }
  fields["id"] = id;
  const CheckedRecord checked = rules_.check_submitted(fields);
  std::vector<Duplicate> duplicates;
  for (const auto& found : index_.duplicates_of(checked.record.url, "", checked.record.language)) {
    if (found.id != id && found.reason == "url") duplicates.push_back(found);
  }
  return state_.write([&](sqlite::Connection& connection) {
    const ResourceRow row = require_resource(connection, id);
    if (row.status == ResourceStatus::deleted || row.status == ResourceStatus::rejected) {
      throw Conflict("resource '" + id + "' is " + std::string(name_of(row.status)) +
                     "; it cannot be edited");
    }
    if (!row.published_revision && !may_see_unpublished(caller, row)) {
      throw Forbidden("only its author or a reviewer can edit a submission under review");
    }
    if (expected_revision && *expected_revision != row.latest_revision) {
      throw StaleRevision("revision " + std::to_string(row.latest_revision) +
                          " is the latest, not " + std::to_string(*expected_revision) +
                          ": reload it and edit again");
    }
    sqlite::Statement same(connection, "SELECT id FROM resources WHERE status IN " +
                                           live_statuses_sql() + " AND url_key = ? AND id <> ?");
    same.bind_all(checked.keys.url_key, id);
    while (same.step()) duplicates.push_back({same.text(0), "", checked.record.url, "", "url"});
    if (!duplicates.empty()) throw Conflict("another resource has this address", duplicates);
    const RevisionRow latest = load_revision(connection, id, row.latest_revision);
    if (latest.state == RevisionState::pending) {
      sqlite::Statement(connection,
                        "UPDATE revisions SET state = ? WHERE resource_id = ? AND number = ?")
          .bind_all(name_of(RevisionState::superseded), id, row.latest_revision)
          .run();
    }
    const std::int64_t number = row.latest_revision + 1;
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO revisions (resource_id, number, record, author_id, state, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(id, number, checked.record.stored.dump(), caller.account->id,
                  name_of(RevisionState::pending), now)
        .run();
    sqlite::Statement(connection,
                      "UPDATE resources SET latest_revision = ?, updated_at = ?, status = ?, "
                      "url_key = ?, title_words = ?, language = ? WHERE id = ?")
        .bind_all(
            number, now,
            name_of(row.published_revision ? ResourceStatus::published : ResourceStatus::pending),
            checked.keys.url_key, index::title_key(checked.keys.title_words),
            checked.record.language, id)
        .run();
    append_audit(connection, caller.actor(), "resource.edit", "resource:" + id,
                 {{"revision", number}});
    SubmissionView out =
        submission_of(connection, require_resource(connection, id), review_.approvals_required);
    if (!may_see_unpublished(caller, row)) out.reviews.clear();  // others' reviews
    return out;
  });
}

SubmissionView SubmissionDesk::replace(const Caller& caller, const std::string& id, json record,
                                       std::optional<std::int64_t> expected_revision) {
  return add_revision(caller, id, std::move(record), expected_revision);
}

SubmissionView SubmissionDesk::patch(const Caller& caller, const std::string& id, const json& patch,
                                     std::optional<std::int64_t> expected_revision) {
  require_role(caller, Role::contributor);
  resources_.require(id);
  // The patch applies to the latest revision, unless that one was rejected: then to what
  // learners see.
  json record = state_.read([&](sqlite::Connection& connection) {
    const ResourceRow row = require_resource(connection, id);
    RevisionRow latest = load_revision(connection, id, row.latest_revision);
    // Someone else's pending edit is not theirs to read, nor to build upon.
    const bool theirs = may_see_unpublished(caller, row) ||
                        (latest.author_id && *latest.author_id == caller.account->id);
    if (row.published_revision && (latest.state == RevisionState::rejected || !theirs)) {
      latest = load_revision(connection, id, *row.published_revision);
    }
    return latest.record;
  });
  record.merge_patch(patch);
  return add_revision(caller, id, std::move(record), expected_revision);
}

SubmissionView SubmissionDesk::remove(const Caller& caller, const std::string& id) {
  require_role(caller, Role::learner);
  resources_.require(id);
  const bool was_published = state_.write([&](sqlite::Connection& connection) {
    const ResourceRow row = require_resource(connection, id);
    if (row.status == ResourceStatus::deleted) {
      throw Conflict("resource '" + id + "' is already deleted");
    }
    const bool admin = caller.has_role(Role::admin);
    if (!admin && !(is_author(caller, row) && !row.published_revision)) {
      if (!may_see_unpublished(caller, row) && !row.published_revision) {
        throw NotFound("no resource with id '" + id + "'");
      }
      throw Forbidden(
          "only an admin can delete a published resource, and only its author or "
          "an admin a submission");
    }
    sqlite::Statement(connection,
                      "UPDATE resources SET status = ?, status_before_delete = ?, "
                      "updated_at = ? WHERE id = ?")
        .bind_all(name_of(ResourceStatus::deleted), name_of(row.status), now_seconds(), id)
        .run();
    const bool published = row.status == ResourceStatus::published;
    if (published) want_index_update(connection, id);
    append_audit(connection, caller.actor(), "resource.delete", "resource:" + id,
                 {{"status", name_of(row.status)}});
    return published;
  });
  return submission_after_change(state_, sync_, id, was_published, review_.approvals_required);
}

SubmissionView SubmissionDesk::restore(const Caller& caller, const std::string& id) {
  require_role(caller, Role::admin);
  const bool republished = state_.write([&](sqlite::Connection& connection) {
    const ResourceRow row = require_resource(connection, id);
    if (row.status != ResourceStatus::deleted) {
      throw Conflict("resource '" + id + "' is not deleted");
    }
    const ResourceStatus status = row.status_before_delete.value_or(ResourceStatus::pending);
    sqlite::Statement(connection,
                      "UPDATE resources SET status = ?, status_before_delete = NULL, "
                      "updated_at = ? WHERE id = ?")
        .bind_all(name_of(status), now_seconds(), id)
        .run();
    const bool published = status == ResourceStatus::published;
    if (published) want_index_update(connection, id);
    append_audit(connection, caller.actor(), "resource.restore", "resource:" + id,
                 {{"status", name_of(status)}});
    return published;
  });
  return submission_after_change(state_, sync_, id, republished, review_.approvals_required);
}

}  // namespace agora::community
