// Peer review: approve, ask for changes, reject; publishing on enough approvals.
#include "agora/community/refusal.hpp"
#include "agora/community/secrets.hpp"
#include "agora/community/submissions.hpp"
#include "submission_json.hpp"

namespace agora::community {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCommentBytes = 8000;

struct Verdict {
  std::string verdict;
  std::string comment;
  std::optional<std::int64_t> revision;
};

Verdict read_verdict(const json& body) {
  std::vector<FieldProblem> problems;
  Verdict out;
  const json& verdict = body.value("verdict", json());
  if (!verdict.is_string() ||
      (verdict != "approve" && verdict != "changes" && verdict != "reject")) {
    problems.push_back({"verdict", "must be \"approve\", \"changes\" or \"reject\""});
  } else {
    out.verdict = verdict.get<std::string>();
  }
  if (const json& comment = body.value("comment", json()); comment.is_string()) {
    out.comment = comment.get<std::string>();
  } else if (!comment.is_null()) {
    problems.push_back({"comment", "must be a string"});
  }
  if (out.comment.size() > kMaxCommentBytes) {
    problems.push_back({"comment", "must be at most 8000 bytes"});
  }
  if ((out.verdict == "changes" || out.verdict == "reject") &&
      out.comment.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back({"comment", "is required to ask for changes or to reject: say why"});
  }
  if (const json& revision = body.value("revision", json()); revision.is_number_unsigned()) {
    out.revision = revision.get<std::int64_t>();
  } else if (!revision.is_null()) {
    problems.push_back({"revision", "must be a revision number"});
  }
  if (!problems.empty()) throw invalid_fields(problems);
  return out;
}

}  // namespace

json Submissions::review(const Caller& caller, const std::string& id, const json& body) {
  require_role(caller, Role::reviewer);
  const Verdict verdict = read_verdict(body);
  const bool published = state_.write([&](sqlite::Connection& connection) {
    const auto row = load_resource(connection, id);
    if (!row || row->status == "deleted") throw NotFound("no resource with id '" + id + "'");
    const std::int64_t number = verdict.revision.value_or(row->latest_revision);
    const RevisionRow revision = load_revision(connection, id, number);
    // Own work is any revision since the last publication (an edit on top of one's own
    // revision stays one's own), and a never-published resource one submitted.
    sqlite::Statement own(connection,
                          "SELECT 1 FROM revisions WHERE resource_id = ? AND number > ? "
                          "AND author_id = ?");
    own.bind_all(id, row->published_revision.value_or(0), caller.account->id);
    const bool submitted_it = !row->published_revision && row->author_id == caller.account->id;
    if (own.step() || submitted_it) {
      throw forbidden("you cannot review your own work: another reviewer must");
    }
    if (revision.state != "pending") {
      throw conflict("revision " + std::to_string(number) + " of '" + id + "' is " +
                     revision.state + ", not waiting for review");
    }
    sqlite::Statement earlier(connection,
                              "SELECT verdict FROM reviews WHERE resource_id = ? AND revision = ? "
                              "AND reviewer_id = ?");
    earlier.bind_all(id, number, caller.account->id);
    if (earlier.step()) {
      throw conflict("you already reviewed revision " + std::to_string(number) + " (" +
                     earlier.text(0) + ")");
    }
    const std::int64_t now = now_seconds();
    sqlite::Statement(connection,
                      "INSERT INTO reviews (resource_id, revision, reviewer_id, verdict, comment, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(id, number, caller.account->id, verdict.verdict, verdict.comment, now)
        .run();
    append_audit(connection, caller.actor(), "review." + verdict.verdict, "resource:" + id,
                 {{"revision", number}, {"comment", verdict.comment}});

    auto set_revision_state = [&](const char* state) {
      sqlite::Statement(connection,
                        "UPDATE revisions SET state = ? WHERE resource_id = ? AND number = ?")
          .bind_all(state, id, number)
          .run();
    };
    auto set_status = [&](const char* status) {
      sqlite::Statement(connection, "UPDATE resources SET status = ?, updated_at = ? WHERE id = ?")
          .bind_all(status, now, id)
          .run();
    };
    const bool never_published = !row->published_revision.has_value();
    if (verdict.verdict == "changes" || verdict.verdict == "reject") {
      const bool changes = verdict.verdict == "changes";
      set_revision_state(changes ? "changes_requested" : "rejected");
      if (never_published) {
        set_status(changes ? "changes_requested" : "rejected");
      } else {
        // The edit is not what learners see: duplicates are judged by what they do see.
        use_keys_of(connection, id, *row->published_revision);
      }
      return false;
    }
    if (approvals_of(connection, id, number) < rules_.approvals_required) return false;
    set_revision_state("approved");
    sqlite::Statement(connection,
                      "UPDATE resources SET status = 'published', published_revision = ?, "
                      "updated_at = ? WHERE id = ?")
        .bind_all(number, now, id)
        .run();
    want_index_update(connection, id);
    append_audit(connection, caller.actor(), "resource.publish", "resource:" + id,
                 {{"revision", number}});
    return true;
  });
  // The answer waits for the index, so that the next search finds what was approved.
  const bool indexed = !published || sync_.sync_now();
  return state_.read([&](sqlite::Connection& connection) {
    const auto row = load_resource(connection, id);
    json out = submission_json(connection, *row, rules_.approvals_required);
    out["indexed"] = indexed;
    return out;
  });
}

}  // namespace agora::community
