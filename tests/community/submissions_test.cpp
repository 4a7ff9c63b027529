// Submitting, reviewing, publishing, editing and deleting resources.
#include <catch2/catch.hpp>

#include "community_fixture.hpp"

using namespace agora::community;
using agora::test::CommunityFixture;
using agora::test::guide;
using agora::test::refusal_of;
using agora::test::Refused;
using nlohmann::json;

namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("a submission is pending until a reviewer approves it, then searchable",
          "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller rev = f.caller("rev", Role::reviewer);
  const SubmissionView submitted = f.submissions->submit(
      ana, guide("Zebrafish cooperative bookkeeping", "https://example.org/zebra"), false);
  const std::string id = submitted.id;
  CHECK(id == "zebrafish-cooperative-bookkeeping-en");
  CHECK(submitted.status == ResourceStatus::pending);
  CHECK(f.published->search("zebrafish").empty());
  CHECK(refusal_of([&] { f.views->view(Caller{}, id, false); }) == Refused::not_found);
  CHECK(f.views->view(ana, id, false).submission->status == ResourceStatus::pending);

  CHECK(f.reviews->queue(rev, "").size() == 1);
  CHECK(f.reviews->queue(rev, "fr").empty());
  CHECK(refusal_of([&] { f.reviews->queue(ana, ""); }) == Refused::forbidden);

  const SubmissionView approved = f.reviews->review(rev, id, {{"verdict", "approve"}});
  CHECK(approved.status == ResourceStatus::published);
  CHECK(approved.indexed == true);
  CHECK(contains(f.published->search("zebrafish"), id));
  CHECK(f.views->view(Caller{}, id, false).record["title"] == "Zebrafish cooperative bookkeeping");
  CHECK(refusal_of([&] {
          f.reviews->review(rev, id, {{"verdict", "approve"}});
        }) == Refused::conflict);
}

TEST_CASE("nobody reviews their own work, and a verdict needs its reasons", "[submissions]") {
  CommunityFixture f;
  const Caller rev = f.caller("rev", Role::reviewer);
  const Caller other = f.caller("other", Role::reviewer);
  const std::string id =
      f.submissions->submit(rev, guide("Own work guide", "https://example.org/own"), false).id;
  CHECK(refusal_of([&] {
          f.reviews->review(rev, id, {{"verdict", "approve"}});
        }) == Refused::forbidden);
  CHECK(f.reviews->queue(rev, "").empty());
  CHECK(refusal_of([&] {
          f.reviews->review(other, id, {{"verdict", "reject"}});
        }) == Refused::invalid_fields);
  CHECK(refusal_of([&] {
          f.reviews->review(other, id, {{"verdict", "maybe"}});
        }) == Refused::invalid_fields);
  const SubmissionView rejected =
      f.reviews->review(other, id, {{"verdict", "reject"}, {"comment", "Not about OER"}});
  CHECK(rejected.status == ResourceStatus::rejected);
  CHECK(f.published->search("own work").empty());
  CHECK(refusal_of([&] {
          f.submissions->replace(rev, id, guide("Own work guide", "https://example.org/own"));
        }) == Refused::conflict);
}

TEST_CASE("with two approvals required, one does not publish", "[submissions]") {
  CommunityFixture f(2);
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller first = f.caller("first", Role::reviewer);
  const Caller second = f.caller("second", Role::reviewer);
  const std::string id =
      f.submissions
          ->submit(ana, guide("Quorum rules explained", "https://example.org/quorum"), false)
          .id;
  CHECK(f.reviews->review(first, id, {{"verdict", "approve"}}).status == ResourceStatus::pending);
  CHECK(f.reviews->queue(first, "").empty());  // already reviewed by first
  CHECK(f.published->search("quorum").empty());
  CHECK(f.reviews->review(second, id, {{"verdict", "approve"}}).status ==
        ResourceStatus::published);
  CHECK(contains(f.published->search("quorum"), id));
}

TEST_CASE("asking for changes, then an edit, makes a new pending revision", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller rev = f.caller("rev", Role::reviewer);
  const std::string id =
      f.submissions->submit(ana, guide("Goverance basics", "https://example.org/gov"), false).id;
  const SubmissionView asked =
      f.reviews->review(rev, id, {{"verdict", "changes"}, {"comment", "Typo in the title"}});
  CHECK(asked.status == ResourceStatus::changes_requested);
  CHECK(asked.reviews[0].comment == "Typo in the title");
  const SubmissionView edited = f.submissions->patch(ana, id, {{"title", "Governance basics"}});
  CHECK(edited.revision == 2);
  CHECK(edited.status == ResourceStatus::pending);
  CHECK(edited.record["title"] == "Governance basics");
  CHECK(edited.record["url"] == "https://example.org/gov");  // kept by the merge patch
  f.reviews->review(rev, id, {{"verdict", "approve"}});
  const HistoryView history = f.views->history(Caller{}, id);
  REQUIRE(history.revisions.size() == 1);  // the public sees what was published
  CHECK(history.revisions[0].number == 2);
  CHECK(f.views->history(ana, id).revisions.size() == 2);
}

TEST_CASE("an edit under review leaves the published version searchable", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller rev = f.caller("rev", Role::reviewer);
  const SubmissionView edited = f.submissions->patch(
      ana, "imported-meetings", {{"title", "Running fair and short meetings"}});
  CHECK(edited.status == ResourceStatus::published);
  CHECK(edited.under_review());
  CHECK(edited.revision == 2);
  CHECK(f.views->view(Caller{}, "imported-meetings", false).record["title"] ==
        "Running fair meetings");
  f.reviews->review(rev, "imported-meetings", {{"verdict", "approve"}});
  CHECK(f.views->view(Caller{}, "imported-meetings", false).record["title"] ==
        "Running fair and short meetings");
  CHECK(contains(f.published->search("short meetings"), "imported-meetings"));
}

TEST_CASE("duplicates are found by address and by near-identical title", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  try {
    f.submissions->submit(ana, guide("Another title", "HTTP://WWW.Example.org/budgeting/#top"),
                          false);
    FAIL("duplicate URL accepted");
  } catch (const Conflict& refusal) {
    REQUIRE(refusal.duplicates().size() == 1);
    CHECK(refusal.duplicates()[0].id == "imported-budget");
    CHECK(refusal.duplicates()[0].reason == "url");
  }
  const json similar =
      guide("Participatory Budgeting for Housing Coopératives!", "https://example.org/other");
  CHECK(refusal_of([&] { f.submissions->submit(ana, similar, false); }) == Refused::conflict);
  // The same title in another language is not a duplicate; a confirmed look-alike is kept.
  CHECK(refusal_of([&] {
          f.submissions->submit(ana,
                                guide("Participatory budgeting for housing cooperatives",
                                      "https://example.org/budget-es", "es"),
                                false);
        }) == Refused::nothing);
  const SubmissionView kept = f.submissions->submit(ana, similar, true);
  CHECK(kept.status == ResourceStatus::pending);
  // Pending submissions count too.
  CHECK(refusal_of([&] {
          f.submissions->submit(ana, guide("x y", "https://example.org/other/"), false);
        }) == Refused::conflict);
}

TEST_CASE("invalid records are refused with every field problem", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  try {
    f.submissions->submit(
        ana, {{"title", ""}, {"url", "javascript:alert(1)"}, {"educationalLevel", "expert"}},
        false);
    FAIL("invalid record accepted");
  } catch (const InvalidFields& refusal) {
    std::set<std::string> fields;
    for (const FieldProblem& problem : refusal.problems()) fields.insert(problem.field);
    CHECK(fields == std::set<std::string>{"title", "url", "educationalLevel"});
  }
  CHECK(refusal_of([&] {
          f.submissions->submit(Caller{}, guide("t", "https://e.org/t"), false);
        }) == Refused::unauthenticated);
  const Caller learner = f.caller("lea", Role::learner);
  CHECK(refusal_of([&] { f.submissions->submit(learner, guide("t", "https://e.org/t"), false); }) ==
        Refused::forbidden);
}

TEST_CASE("deletion is soft and an admin can undo it", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller admin = f.caller("boss", Role::admin);
  CHECK(refusal_of([&] { f.submissions->remove(ana, "imported-budget"); }) == Refused::forbidden);
  CHECK(f.submissions->remove(admin, "imported-budget").status == ResourceStatus::deleted);
  CHECK(f.published->search("budgeting").empty());
  CHECK(refusal_of([&] { f.views->view(Caller{}, "imported-budget", false); }) ==
        Refused::not_found);
  CHECK(refusal_of([&] { f.submissions->restore(ana, "imported-budget"); }) == Refused::forbidden);
  CHECK(f.submissions->restore(admin, "imported-budget").status == ResourceStatus::published);
  CHECK(contains(f.published->search("budgeting"), "imported-budget"));

  const std::string own =
      f.submissions->submit(ana, guide("Draft I regret", "https://example.org/regret"), false).id;
  CHECK(f.submissions->remove(ana, own).status == ResourceStatus::deleted);
  CHECK(f.submissions->restore(admin, own).status == ResourceStatus::pending);
}

TEST_CASE("a publication the index missed is written at the next sync", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const std::string id =
      f.submissions
          ->submit(ana, guide("Solidarity lending circles", "https://example.org/circles"), false)
          .id;
  // As if the daemon died between the state commit and the index commit.
  f.state->write([&](sqlite::Connection& c) {
    sqlite::Statement(c, "UPDATE revisions SET state = 'approved' WHERE resource_id = ?")
        .bind(1, id)
        .run();
    sqlite::Statement(c,
                      "UPDATE resources SET status = 'published', published_revision = 1, "
                      "index_wanted = index_wanted + 1 WHERE id = ?")
        .bind(1, id)
        .run();
  });
  CHECK(f.published->search("lending circles").empty());
  IndexSync restarted(*f.state, f.published->as_published(), *f.rules);
  CHECK(restarted.sync_now());
  CHECK(contains(f.published->search("lending circles"), id));
}

TEST_CASE("every change is in the audit log, in order", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller rev = f.caller("rev", Role::reviewer);
  const std::string id =
      f.submissions->submit(ana, guide("Audit trail guide", "https://example.org/audit"), false).id;
  f.reviews->review(rev, id, {{"verdict", "approve"}, {"comment", "fine"}});
  const std::vector<AuditEntry> entries =
      f.state->read([](sqlite::Connection& c) { return recent_audit(c, 10); });
  std::vector<std::string> actions;
  for (const AuditEntry& entry : entries) actions.insert(actions.begin(), entry.action);
  CHECK(actions == std::vector<std::string>{"account.create", "account.create", "resource.submit",
                                            "review.approve", "resource.publish"});
  CHECK(entries[0].actor == "rev");
  CHECK(entries[0].subject == "resource:" + id);
}

TEST_CASE("an index rebuilt from scratch gets the published submissions again", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller rev = f.caller("rev", Role::reviewer);
  const std::string id =
      f.submissions->submit(ana, guide("Tool library handbook", "https://example.org/tools"), false)
          .id;
  f.reviews->review(rev, id, {{"verdict", "approve"}});
  f.submissions->remove(f.caller("boss", Role::admin), "imported-meetings");
  const auto index = f.directory.path() / "index";
  std::filesystem::remove_all(index);
  {
    // The original files again, as scripts/run.sh does: the deleted one comes back.
    agora::index::IndexWriter writer(index, agora::test::shared_registry());
    agora::index::ImportItem item;
    item.fields = guide("Running fair meetings", "https://example.org/meetings");
    item.fields["id"] = "imported-meetings";
    writer.upsert(
        *agora::index::build_record(item, "seed", agora::analyzers::LanguageDetector()).record);
    writer.commit();
  }
  agora::test::ScratchIndex reopened(index);
  CHECK(reopened.search("tool library").empty());
  REQUIRE(f.sync->sync_now());
  CHECK(contains(reopened.search("tool library"), id));
  CHECK(reopened.search("fair meetings").empty());
}

TEST_CASE("a published record that no longer passes the rules stays behind with its reason",
          "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller rev = f.caller("rev", Role::reviewer);
  const std::string broken =
      f.submissions->submit(ana, guide("Cooperative tax basics", "https://example.org/tax"), false)
          .id;
  const std::string sound =
      f.submissions
          ->submit(ana, guide("Member share registers", "https://example.org/shares"), false)
          .id;
  // As if the rules had changed since approval: the stored revision lacks its address.
  f.state->write([&](sqlite::Connection& c) {
    sqlite::Statement(c,
                      "UPDATE revisions SET record = json_remove(record, '$.url') "
                      "WHERE resource_id = ?")
        .bind(1, broken)
        .run();
  });
  f.reviews->review(rev, broken, {{"verdict", "approve"}});
  f.reviews->review(rev, sound, {{"verdict", "approve"}});
  CHECK(f.published->search("tax basics").empty());
  CHECK(contains(f.published->search("share registers"), sound));
  const auto behind = [&](const std::string& id) {
    return f.state->read([&](sqlite::Connection& c) {
      sqlite::Statement query(c, "SELECT index_wanted > index_done FROM resources WHERE id = ?");
      query.bind(1, id);
      query.step();
      return query.integer(0) == 1;
    });
  };
  CHECK(behind(broken));  // never marked done: the next sync tries again
  CHECK_FALSE(behind(sound));
  const ResourceView seen = f.views->view(ana, broken, true);
  REQUIRE(seen.submission);
  REQUIRE(seen.submission->index_problem);
  CHECK(seen.submission->index_problem->rfind("url: ", 0) == 0);

  // An edit that passes clears the reason once it is published.
  f.submissions->patch(ana, broken, {{"url", "https://example.org/tax"}});
  f.reviews->review(rev, broken, {{"verdict", "approve"}});
  CHECK(contains(f.published->search("tax basics"), broken));
  CHECK_FALSE(behind(broken));
  CHECK_FALSE(f.views->view(ana, broken, true).submission->index_problem);
}

TEST_CASE("an edit on top of a reviewer's own revision is still theirs to not review",
          "[submissions]") {
  CommunityFixture f;
  const Caller rev = f.caller("rev", Role::reviewer);
  const Caller ana = f.caller("ana", Role::contributor);
  f.submissions->patch(rev, "imported-meetings", {{"title", "Meetings my way"}});
  f.submissions->patch(ana, "imported-meetings", json::object());  // revision 3, by ana
  CHECK(refusal_of([&] {
          f.reviews->review(rev, "imported-meetings", {{"verdict", "approve"}});
        }) == Refused::forbidden);
  // Nor can a reviewer approve a submission of theirs that someone else edited.
  const std::string own =
      f.submissions
          ->submit(rev, guide("Reviewer's own guide", "https://example.org/own-guide"), false)
          .id;
  f.submissions->patch(f.caller("other", Role::reviewer), own, {{"description", "Tidied."}});
  CHECK(refusal_of([&] {
          f.reviews->review(rev, own, {{"verdict", "approve"}});
        }) == Refused::forbidden);
}

TEST_CASE("others' pending edits are neither shown to nor built upon by contributors",
          "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller bob = f.caller("bob", Role::contributor);
  f.submissions->patch(ana, "imported-meetings", {{"title", "Ana's secret draft title"}});
  const SubmissionView bobs =
      f.submissions->patch(bob, "imported-meetings", {{"description", "Shorter."}});
  CHECK(bobs.record["title"] == "Running fair meetings");
  CHECK(bobs.reviews.empty());
}

TEST_CASE("a rejected edit gives the published address back", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller rev = f.caller("rev", Role::reviewer);
  f.submissions->patch(ana, "imported-meetings", {{"url", "https://example.org/taken-by-edit"}});
  CHECK(refusal_of([&] {
          f.submissions->submit(ana, guide("Other", "https://example.org/taken-by-edit"), false);
        }) == Refused::conflict);
  f.reviews->review(rev, "imported-meetings",
                    {{"verdict", "reject"}, {"comment", "Wrong address"}});
  CHECK(refusal_of([&] {
          f.submissions->submit(ana, guide("Other", "https://example.org/taken-by-edit"), false);
        }) == Refused::nothing);
  CHECK(refusal_of([&] {
          f.submissions->submit(ana, guide("Else", "https://example.org/meetings"), false);
        }) == Refused::conflict);
}

TEST_CASE("ids given through the API are one path segment", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  json record = guide("Path tricks", "https://example.org/path-tricks");
  record["id"] = "zz/../imported-budget";
  CHECK(refusal_of([&] { f.submissions->submit(ana, record, false); }) == Refused::invalid_fields);
  record["id"] = "a..b";
  CHECK(refusal_of([&] { f.submissions->submit(ana, record, false); }) == Refused::invalid_fields);
}

TEST_CASE("an edit based on an old revision is refused instead of overwriting", "[submissions]") {
  CommunityFixture f;
  const Caller ana = f.caller("ana", Role::contributor);
  const Caller rev = f.caller("rev", Role::reviewer);
  const SubmissionView first =
      f.submissions->patch(ana, "imported-meetings", {{"title", "Fair meetings"}}, 1);
  CHECK(first.revision == 2);
  // A reviewer editing what they saw at revision 1 learns that revision 2 exists.
  CHECK(refusal_of([&] {
          f.submissions->patch(rev, "imported-meetings", {{"title", "Short meetings"}}, 1);
        }) == Refused::stale_revision);
  CHECK(f.submissions->patch(rev, "imported-meetings", {{"title", "Short meetings"}}, 2).revision ==
        3);
}
