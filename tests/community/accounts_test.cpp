// Accounts, passwords, tokens, sessions and sign-in throttling.
#include <catch2/catch.hpp>

#include "agora/community/secrets.hpp"
#include "community_fixture.hpp"

using namespace agora::community;
using agora::test::CommunityFixture;
using agora::test::refusal_of;
using agora::test::Refused;

namespace {
const Actor kTest{std::nullopt, "test"};
}

TEST_CASE("passwords are hashed with Argon2id and verified", "[accounts]") {
  const std::string hash = hash_password("correct horse battery");
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(verify_password(hash, "correct horse battery"));
  CHECK_FALSE(verify_password(hash, "correct horse batterY"));
  CHECK(hash != hash_password("correct horse battery"));  // salted
}

TEST_CASE("tokens are random and stored only as digests", "[accounts]") {
  const std::string a = random_token("agora_");
  const std::string b = random_token("agora_");
  CHECK(a != b);
  CHECK(a.size() == 6 + 43);
  CHECK(token_digest(a) == token_digest(a));
  CHECK(token_digest(a) != token_digest(b));
  CHECK(token_digest(a).find(a) == std::string::npos);
}

TEST_CASE("new accounts are validated field by field", "[accounts]") {
  CommunityFixture f;
  try {
    f.accounts->create("x", std::string("bad\x01name"), Role::learner, std::string("short"), kTest);
    FAIL("accepted");
  } catch (const InvalidFields& refusal) {
    const auto& errors = refusal.problems();
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].field == "username");
    CHECK(errors[1].field == "displayName");
    CHECK(errors[2].field == "password");
  }
  f.accounts->create("Ana", "", Role::contributor, std::nullopt, kTest);
  CHECK(refusal_of([&] { f.accounts->create("ana", "", Role::learner, std::nullopt, kTest); }) ==
        Refused::conflict);
}

TEST_CASE("sign-in opens a session, wrong passwords are refused and throttled", "[accounts]") {
  CommunityFixture f;
  f.accounts->create("ana", "Ana", Role::contributor, std::string("a long passphrase"), kTest);
  const Session session = f.accounts->sign_in("ana", "a long passphrase", 1);
  const Caller caller = f.accounts->session(session.token);
  REQUIRE(caller.account);
  CHECK(caller.account->username == "ana");
  CHECK(caller.by_session);
  CHECK(caller.csrf_token == session.csrf_token);

  CHECK(refusal_of([&] { f.accounts->sign_in("ana", "wrong password!", 1); }) ==
        Refused::unauthenticated);
  CHECK(refusal_of([&] { f.accounts->sign_in("nobody", "wrong password!", 1); }) ==
        Refused::unauthenticated);
  for (int i = 0; i < 4; ++i) {  // five failures in all, counted per name in any case
    CHECK(refusal_of([&] { f.accounts->sign_in("ANA", "still wrong!", 1); }) ==
          Refused::unauthenticated);
  }
  CHECK(refusal_of([&] { f.accounts->sign_in("ana", "a long passphrase", 1); }) ==
        Refused::too_many_attempts);
}

TEST_CASE("sessions end at sign-out, at expiry and when the account is disabled", "[accounts]") {
  CommunityFixture f;
  f.accounts->create("ana", "", Role::contributor, std::string("a long passphrase"), kTest);
  const Session first = f.accounts->sign_in("ana", "a long passphrase", 1);
  f.accounts->sign_out(first.token);
  CHECK(refusal_of([&] { f.accounts->session(first.token); }) == Refused::unauthenticated);

  const Session second = f.accounts->sign_in("ana", "a long passphrase", 1);
  f.state->write([&](sqlite::Connection& c) {
    sqlite::Statement(c, "UPDATE sessions SET expires_at = ?").bind(1, now_seconds() - 1).run();
  });
  try {
    f.accounts->session(second.token);
    FAIL("expired session accepted");
  } catch (const Unauthenticated& refusal) {
    CHECK(std::string(refusal.what()).find("expired") != std::string::npos);
  }

  const Session third = f.accounts->sign_in("ana", "a long passphrase", 1);
  const IssuedToken token = f.accounts->create_token("ana", "script", std::nullopt, kTest);
  f.accounts->disable("ana", kTest);
  CHECK(refusal_of([&] { f.accounts->session(third.token); }) == Refused::unauthenticated);
  CHECK(refusal_of([&] { f.accounts->account_for_token(token.token); }) ==
        Refused::unauthenticated);
  CHECK(refusal_of([&] { f.accounts->sign_in("ana", "a long passphrase", 1); }) ==
        Refused::unauthenticated);
}

TEST_CASE("ending every session of an account leaves other accounts and tokens", "[accounts]") {
  CommunityFixture f;
  f.accounts->create("ana", "", Role::contributor, std::string("a long passphrase"), kTest);
  f.accounts->create("ben", "", Role::learner, std::string("another passphrase"), kTest);
  const Session phone = f.accounts->sign_in("ana", "a long passphrase", 1);
  const Session laptop = f.accounts->sign_in("ana", "a long passphrase", 1);
  const Session other = f.accounts->sign_in("ben", "another passphrase", 1);
  const IssuedToken token = f.accounts->create_token("ana", "script", std::nullopt, kTest);

  CHECK(f.accounts->end_sessions("ANA", kTest) == 2);
  CHECK(refusal_of([&] { f.accounts->session(phone.token); }) == Refused::unauthenticated);
  CHECK(refusal_of([&] { f.accounts->session(laptop.token); }) == Refused::unauthenticated);
  CHECK(f.accounts->session(other.token).account->username == "ben");
  CHECK(f.accounts->account_for_token(token.token).username == "ana");
  CHECK(f.accounts->end_sessions("ana", kTest) == 0);
  CHECK(refusal_of([&] { f.accounts->end_sessions("nobody", kTest); }) == Refused::not_found);
  const auto entry =
      f.state->read([](sqlite::Connection& c) { return recent_audit(c, 1).front(); });
  CHECK(entry.action == "session.end_all");
  CHECK(entry.subject == "account:ana");
}

TEST_CASE("API tokens can be revoked and expire", "[accounts]") {
  CommunityFixture f;
  f.accounts->create("bot", "", Role::contributor, std::nullopt, kTest);
  const IssuedToken token = f.accounts->create_token("bot", "import", 30, kTest);
  CHECK(f.accounts->account_for_token(token.token).username == "bot");
  CHECK(refusal_of([&] { f.accounts->account_for_token(token.token + "x"); }) ==
        Refused::unauthenticated);
  f.state->write([&](sqlite::Connection& c) {
    sqlite::Statement(c, "UPDATE api_tokens SET expires_at = ?").bind(1, now_seconds() - 1).run();
  });
  CHECK(refusal_of([&] { f.accounts->account_for_token(token.token); }) ==
        Refused::unauthenticated);
  const IssuedToken other = f.accounts->create_token("bot", "import", std::nullopt, kTest);
  f.accounts->revoke_token(other.id, kTest);
  CHECK(refusal_of([&] { f.accounts->account_for_token(other.token); }) ==
        Refused::unauthenticated);
  CHECK(refusal_of([&] { f.accounts->revoke_token(other.id, kTest); }) == Refused::not_found);
}

TEST_CASE("roles order what callers may do", "[accounts]") {
  CommunityFixture f;
  const Caller reviewer = f.caller("rev", Role::reviewer);
  CHECK(reviewer.has_role(Role::contributor));
  CHECK_FALSE(reviewer.has_role(Role::admin));
  CHECK(refusal_of([&] { require_role(Caller{}, Role::learner); }) == Refused::unauthenticated);
  CHECK(refusal_of([&] { require_role(reviewer, Role::admin); }) == Refused::forbidden);
  f.accounts->set_role("rev", Role::admin, kTest);
  CHECK(f.accounts->find("rev")->role == Role::admin);
}
