// Exporting everything the state holds about a person, and erasing it.
#include <catch2/catch.hpp>

#include "agora/community/passwords.hpp"
#include "agora/community/personal_data.hpp"
#include "community_fixture.hpp"

using namespace agora::community;
using agora::test::CommunityFixture;
using agora::test::guide;
using agora::test::refusal_of;
using agora::test::Refused;
using nlohmann::json;

namespace {

const Actor kTest{std::nullopt, "test"};

/// A contributor with one published submission and a review of someone else's, a learner's
/// rating, comment and request: every table that can name a person has a row.
struct Members {
  explicit Members(CommunityFixture& f)
      : ana(f.caller("ana", Role::reviewer)),
        rev(f.caller("rev", Role::reviewer)),
        other(f.caller("other", Role::contributor)) {
    f.accounts->create("lea", "Lea", Role::learner, std::string("a long passphrase"), kTest);
    f.accounts->sign_in("lea", "a long passphrase", 1);
    f.accounts->create_token("lea", "phone", 30, kTest);
    Passwords(*f.state).issue_reset("lea", 1, kTest);
    lea.account = f.accounts->find("lea");

    mine =
        f.submissions
            ->submit(ana, guide("Bookkeeping for food coops", "https://example.org/books"), false)
            .id;
    f.reviews->review(rev, mine, {{"verdict", "approve"}});
    theirs =
        f.submissions
            ->submit(other, guide("Conflict mediation", "https://example.org/mediation"), false)
            .id;
    f.reviews->review(ana, theirs, {{"verdict", "approve"}, {"comment", "Clear and useful."}});

    f.feedback->rate(lea, mine, {{"stars", 5}});
    f.feedback->rate(rev, mine, {{"stars", 3}});
    f.feedback->comment(lea, mine, {{"body", "Used it with our board, thanks!"}});
    f.feedback->comment(rev, mine, {{"body", "Good one."}});
    request =
        f.requests->create(lea, {{"topic", "Payroll for small coops"}, {"language", "en"}}).id;
    REQUIRE(f.sync->sync_now());
  }

  Caller ana, rev, other, lea;
  std::string mine, theirs;
  std::int64_t request = 0;
};

std::int64_t count_rows(CommunityFixture& f, const std::string& sql, std::int64_t id) {
  return f.state->read([&](sqlite::Connection& c) {
    sqlite::Statement query(c, sql);
    query.bind(1, id);
    query.step();
    return query.integer(0);
  });
}

}  // namespace

TEST_CASE("export-user gives everything about the person and no secret", "[personal-data]") {
  CommunityFixture f;
  Members m(f);
  PersonalData data(*f.state);

  const json lea = data.export_account("LEA");
  CHECK(lea["account"]["username"] == "lea");
  CHECK(lea["account"]["displayName"] == "Lea");
  CHECK(lea["account"]["hasPassword"] == true);
  REQUIRE(lea["apiTokens"].size() == 1);
  CHECK(lea["apiTokens"][0]["name"] == "phone");
  CHECK(lea["sessions"].size() == 1);
  CHECK(lea["passwordResets"].size() == 1);
  REQUIRE(lea["ratings"].size() == 1);
  CHECK(lea["ratings"][0]["resourceId"] == m.mine);
  CHECK(lea["ratings"][0]["stars"] == 5);
  REQUIRE(lea["comments"].size() == 1);
  CHECK(lea["comments"][0]["body"] == "Used it with our board, thanks!");
  REQUIRE(lea["requests"].size() == 1);
  CHECK(lea["requests"][0]["topic"] == "Payroll for small coops");
  CHECK_FALSE(lea["auditEntries"].empty());
  CHECK_FALSE(lea["auditEntriesAbout"].empty());  // account.create by the command line
  const std::string text = lea.dump();
  CHECK(text.find("argon2") == std::string::npos);
  CHECK(text.find("digest") == std::string::npos);
  CHECK(text.find("csrf") == std::string::npos);

  const json ana = data.export_account("ana");
  REQUIRE(ana["submissions"].size() == 1);
  CHECK(ana["submissions"][0]["id"] == m.mine);
  CHECK(ana["submissions"][0]["status"] == "published");
  REQUIRE(ana["revisions"].size() == 1);
  CHECK(ana["revisions"][0]["record"]["title"] == "Bookkeeping for food coops");
  REQUIRE(ana["reviews"].size() == 1);
  CHECK(ana["reviews"][0]["resourceId"] == m.theirs);
  CHECK(ana["reviews"][0]["comment"] == "Clear and useful.");
  CHECK(ana["ratings"].empty());

  CHECK(refusal_of([&] { data.export_account("nobody"); }) == Refused::not_found);
}

TEST_CASE("delete-user erases personal data and keeps published work anonymous",
          "[personal-data]") {
  CommunityFixture f;
  Members m(f);
  PersonalData data(*f.state);
  const std::int64_t lea_id = m.lea.account->id;
  const std::int64_t ana_id = m.ana.account->id;

  const Erasure lea = data.erase("lea", kTest);
  CHECK(lea.placeholder == "erased:" + std::to_string(lea_id));
  CHECK(lea.ratings == 1);
  CHECK(lea.comments == 1);
  CHECK(lea.sessions == 1);
  CHECK(lea.tokens == 1);
  CHECK(lea.requests == 1);
  CHECK_FALSE(f.accounts->find("lea"));
  CHECK(refusal_of([&] { data.export_account("lea"); }) == Refused::not_found);
  CHECK(refusal_of([&] { f.accounts->sign_in("lea", "a long passphrase", 1); }) ==
        Refused::unauthenticated);
  for (const char* sql : {"SELECT count(*) FROM ratings WHERE account_id = ?",
                          "SELECT count(*) FROM comments WHERE account_id = ?",
                          "SELECT count(*) FROM sessions WHERE account_id = ?",
                          "SELECT count(*) FROM api_tokens WHERE account_id = ?",
                          "SELECT count(*) FROM password_resets WHERE account_id = ?",
                          "SELECT count(*) FROM requests WHERE requester_id = ?",
                          "SELECT count(*) FROM audit_log WHERE actor = 'lea' AND ? > 0",
                          "SELECT count(*) FROM audit_log WHERE subject = 'account:lea' AND ? > 0",
                          "SELECT count(*) FROM accounts WHERE id = ? AND display_name = 'Lea'"}) {
    INFO(sql);
    CHECK(count_rows(f, sql, lea_id) == 0);
  }
  // The others' rating and comment stay, the request stays open without its requester, and
  // the resource's average follows in the index.
  CHECK(f.feedback->comments(m.mine).size() == 1);
  CHECK(f.requests->get(Caller{}, m.request).status == RequestStatus::open);
  REQUIRE(f.sync->sync_now());
  CHECK((*f.published->record(m.mine))["aggregateRating"]["ratingCount"] == 1);
  CHECK((*f.published->record(m.mine))["aggregateRating"]["ratingValue"] == 3);

  const Erasure ana = data.erase("ana", kTest);
  CHECK(ana.submissions == 1);
  CHECK(ana.reviews == 1);
  const ResourceView view = f.views->view(m.rev, m.mine, true);
  REQUIRE(view.submission);
  const SubmissionView& kept = *view.submission;
  REQUIRE(kept.author);
  CHECK(kept.author->id == ana_id);
  CHECK(kept.author->username == "erased:" + std::to_string(ana_id));
  CHECK(kept.author->display_name == "former member");
  CHECK(kept.status == ResourceStatus::published);
  CHECK(f.published->record(m.mine));  // still searchable
  const HistoryView history = f.views->history(m.other, m.theirs);
  REQUIRE(history.reviews.size() == 1);
  CHECK(history.reviews[0].reviewer->display_name == "former member");
  CHECK(history.reviews[0].comment == "Clear and useful.");

  const auto entry =
      f.state->read([](sqlite::Connection& c) { return recent_audit(c, 1).front(); });
  CHECK(entry.action == "account.erase");
  CHECK(entry.subject == "account:erased:" + std::to_string(ana_id));
  CHECK(entry.detail.dump().find("ana") == std::string::npos);
  // The name is free again.
  CHECK(f.accounts->create("ana", "", Role::learner, std::nullopt, kTest).id != ana_id);
  CHECK(refusal_of([&] { data.erase("nobody", kTest); }) == Refused::not_found);
}
