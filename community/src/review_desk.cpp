// Peer review: approve, ask for changes, reject; publishing on enough approvals.
#include "agora/community/review_desk.hpp"

#include "agora/community/errors.hpp"
#include "agora/community/secrets.hpp"
#include "agora/index/duplicates.hpp"
#include "submission_views.hpp"

namespace agora::community {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCommentBytes = 8000;

struct ReviewInput {
  std::optional<Verdict> verdict;
  std::string comment;
  std::optional<std::int64_t> revision;
};

ReviewInput read_review(const json& body) {
  std::vector<FieldProblem> problems;
  ReviewInput out;
  const json& verdict = body.value("verdict", json());
  if (verdict.is_string()) out.verdict = parse_state<Verdict>(verdict.get<std::string>());
  if (!out.verdict) {
    problems.push_back({"verdict", "must be \"approve\", \"changes\" or \"reject\""});
  }
  if (const json& comment = body.value("comment", json()); comment.is_string()) {
    out.comment = comment.get<std::string>();
  } else if (!comment.is_null()) {
    problems.push_back({"comment", "must be a string"});
  }
  if (out.comment.size() > kMaxCommentBytes) {
    problems.push_back({"comment", "must be at most 8000 bytes"});
  }
  if ((out.verdict == Verdict::changes || out.verdict == Verdict::reject) &&
      out.comment.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back({"comment", "is required to ask for changes or to reject: say why"});
  }
  if (const json& revision = body.value("revision", json()); revision.is_number_unsigned()) {
    out.revision = revision.get<std::int64_t>();
  } else if (!revision.is_null()) {
    problems.push_back({"revision", "must be a revision number"});
  }
  if (!problems.empty()) throw InvalidFields(problems);
  return out;
}

}  // namespace

void ReviewDesk::use_keys_of(sqlite::Connection& connection, const std::string& id,
                             std::int64_t revision) {
  const DuplicateKeys keys = rules_.keys_of(load_revision(connection, id, revision).record);
  sqlite::Statement(connection,
                    "UPDATE resources SET url_key = ?, title_words = ?, language = ? WHERE id = ?")
      .bind_all(keys.url_key, index::title_key(keys.title_words), keys.language, id)
      .run();
}

std::vector<SubmissionView> ReviewDesk::queue(const Caller& caller, const std::string& language) {
  require_role(caller, Role::reviewer);
  return state_.read([&](sqlite::Connection& connection) {
    sqlite::Statement query(
        connection,
        "SELECT r.id FROM resources r JOIN revisions v ON v.resource_id = r.id AND "
        "v.number = r.latest_revision WHERE v.state = ? AND r.status <> ? "
        "AND (v.author_id IS NULL OR v.author_id <> ?) "
        "AND NOT EXISTS (SELECT 1 FROM reviews w WHERE w.resource_id = r.id AND "
        "w.revision = r.latest_revision AND w.reviewer_id = ?) "
        "AND (? = '' OR r.language = ? OR r.language LIKE ? || '-%') ORDER BY v.created_at, r.id");
    query.bind_all(name_of(RevisionState::pending), name_of(ResourceStatus::deleted),
                   caller.account->id, caller.account->id, language, language, language);
    std::vector<SubmissionView> pending;
    while (query.step()) {
      pending.push_back(submission_of(connection, require_resource(connection, query.text(0)),
                                      review_.approvals_required));
    }
    return pending;
  });
}

SubmissionView ReviewDesk::review(const Caller& caller, const std::string& id, const json& body) {
  require_role(caller, Role::reviewer);
  const ReviewInput input = read_review(body);
  const Verdict verdict = *input.verdict;
  const bool published = state_.write([&](sqlite::Connection& connection) {
    const auto row = load_resource(connection, id);
    if (!row || row->status == ResourceStatus::deleted)
      throw NotFound("no resource with id '" + id + "'");
    const std::int64_t number = input.revision.value_or(row->latest_revision);
    const RevisionRow revision = load_revision(connection, id, number);
    // Own work is any revision since the last publication (an edit on top of one's own
    // revision stays one's own), and a never-published resource one submitted.
    sqlite::Statement own(connection,
                          "SELECT 1 FROM revisions WHERE resource_id = ? AND number > ? "
                          "AND author_id = ?");
    own.bind_all(id, row->published_revision.value_or(0), caller.account->id);
    const bool submitted_it = !row->published_revision && row->author_id == caller.account->id;
    if (own.step() || submitted_it) {
      throw Forbidden("you cannot review your own work: another reviewer must");
    }
    if (revision.state != RevisionState::pending) {
      throw Conflict("revision " + std::to_string(number) + " of '" + id + "' is " +
                     std::string(name_of(revision.state)) + ", not waiting for review");
    }
    sqlite::Statement earlier(connection,
                              "SELECT verdict FROM reviews WHERE resource_id = ? AND revision = ? "
                              "AND reviewer_id = ?");
    earlier.bind_all(id, number, caller.account->id);
    if (earlier.step()) {
      throw Conflict("you already reviewed revision " + std::to_string(number) + " (" +
                     earlier.text(0) + ")");
    }
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO reviews (resource_id, revision, reviewer_id, verdict, comment, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(id, number, caller.account->id, name_of(verdict), input.comment, now)
        .run();
    append_audit(connection, caller.actor(), "review." + std::string(name_of(verdict)),
                 "resource:" + id, {{"revision", number}, {"comment", input.comment}});

    auto set_revision_state = [&](RevisionState state) {
      sqlite::Statement(connection,
                        "UPDATE revisions SET state = ? WHERE resource_id = ? AND number = ?")
          .bind_all(name_of(state), id, number)
          .run();
    };
    auto set_status = [&](ResourceStatus status) {
      sqlite::Statement(connection, "UPDATE resources SET status = ?, updated_at = ? WHERE id = ?")
          .bind_all(name_of(status), now, id)
          .run();
    };
    const bool never_published = !row->published_revision.has_value();
    if (verdict == Verdict::changes || verdict == Verdict::reject) {
      const bool changes = verdict == Verdict::changes;
      set_revision_state(changes ? RevisionState::changes_requested : RevisionState::rejected);
      if (never_published) {
        set_status(changes ? ResourceStatus::changes_requested : ResourceStatus::rejected);
      } else {
        // The edit is not what learners see: duplicates are judged by what they do see.
        use_keys_of(connection, id, *row->published_revision);
      }
      return false;
    }
    if (approvals_of(connection, id, number) < review_.approvals_required) return false;
    set_revision_state(RevisionState::approved);
    sqlite::Statement(connection,
                      "UPDATE resources SET status = ?, published_revision = ?, "
                      "updated_at = ? WHERE id = ?")
        .bind_all(name_of(ResourceStatus::published), number, now, id)
        .run();
    want_index_update(connection, id);
    append_audit(connection, caller.actor(), "resource.publish", "resource:" + id,
                 {{"revision", number}});
    return true;
  });
  // The answer waits for the index, so that the next search finds what was approved.
  return submission_after_change(state_, sync_, id, published, review_.approvals_required);
}

}  // namespace agora::community
