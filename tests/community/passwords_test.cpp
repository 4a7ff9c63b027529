// Passwords set by an admin and reset with a single-use token.
#include <catch2/catch.hpp>

#include "agora/community/audit_log.hpp"
#include "agora/community/passwords.hpp"
#include "agora/community/secrets.hpp"
#include "community_fixture.hpp"

using namespace agora::community;
using agora::test::CommunityFixture;
using agora::test::refusal_of;
using agora::test::Refused;

namespace {

const Actor kTest{std::nullopt, "test"};
const std::string kOld = "the old passphrase";
const std::string kNew = "a brand new passphrase";

std::string newest_action(CommunityFixture& f) {
  return f.state->read([](sqlite::Connection& c) { return recent_audit(c, 1).front().action; });
}

}  // namespace

TEST_CASE("set-password replaces the password and ends the account's sessions", "[passwords]") {
  CommunityFixture f;
  f.accounts->create("ana", "", Role::contributor, kOld, kTest);
  const Session before = f.accounts->sign_in("ana", kOld, 1);
  Passwords passwords(*f.state);

  CHECK(refusal_of([&] { passwords.set("ana", "short", kTest); }) == Refused::invalid_fields);
  CHECK(refusal_of([&] { passwords.set("nobody", kNew, kTest); }) == Refused::not_found);
  CHECK(f.accounts->session(before.token).account->username == "ana");  // nothing changed

  passwords.set("ANA", kNew, kTest);
  CHECK(newest_action(f) == "account.password");
  CHECK(refusal_of([&] { f.accounts->session(before.token); }) == Refused::unauthenticated);
  CHECK(refusal_of([&] { f.accounts->sign_in("ana", kOld, 1); }) == Refused::unauthenticated);
  CHECK(f.accounts->sign_in("ana", kNew, 1).account.username == "ana");

  f.accounts->disable("ana", kTest);
  CHECK(refusal_of([&] { passwords.set("ana", kNew, kTest); }) == Refused::invalid_input);
}

namespace {

/// Why `call` was refused as an unusable token, or "" when it was not.
template <typename Call>
std::string unusable_because(Call&& call) {
  try {
    call();
  } catch (const UnusableToken& refusal) {
    return refusal.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a reset token sets the password once, and ends every session", "[passwords]") {
  CommunityFixture f;
  f.accounts->create("ana", "", Role::learner, kOld, kTest);
  const Session first = f.accounts->sign_in("ana", kOld, 1);
  const Session second = f.accounts->sign_in("ana", kOld, 1);
  Passwords passwords(*f.state);
  const IssuedReset reset = passwords.issue_reset("ana", 24, kTest);
  CHECK(newest_action(f) == "account.reset_token");
  CHECK(reset.token.rfind("reset_", 0) == 0);
  CHECK(reset.expires_at - now_seconds() > 23 * 3600);
  CHECK(f.state->read([&](sqlite::Connection& c) {
    sqlite::Statement query(c, "SELECT count(*) FROM password_resets WHERE digest = ?");
    query.bind(1, reset.token);
    query.step();
    return query.integer(0);
  }) == 0);  // only the digest is stored

  // A weak password is refused without using the token up.
  CHECK(refusal_of([&] { passwords.reset(reset.token, "short"); }) == Refused::invalid_fields);
  CHECK(passwords.reset(reset.token, kNew).username == "ana");
  CHECK(newest_action(f) == "account.password_reset");
  CHECK(refusal_of([&] { f.accounts->session(first.token); }) == Refused::unauthenticated);
  CHECK(refusal_of([&] { f.accounts->session(second.token); }) == Refused::unauthenticated);
  CHECK(f.accounts->sign_in("ana", kNew, 1).account.username == "ana");

  CHECK(unusable_because([&] {
          passwords.reset(reset.token, "yet another passphrase");
        }).find("has been used") != std::string::npos);
  CHECK(unusable_because([&] { passwords.reset("reset_made-up", kNew); }).find("unknown") !=
        std::string::npos);
}

TEST_CASE("reset tokens expire, and a new one replaces the one before", "[passwords]") {
  CommunityFixture f;
  f.accounts->create("ana", "", Role::learner, kOld, kTest);
  Passwords passwords(*f.state);
  const IssuedReset expired = passwords.issue_reset("ana", 1, kTest);
  f.state->write([&](sqlite::Connection& c) {
    sqlite::Statement(c, "UPDATE password_resets SET expires_at = ?")
        .bind(1, now_seconds() - 1)
        .run();
  });
  CHECK(unusable_because([&] { passwords.reset(expired.token, kNew); }).find("expired") !=
        std::string::npos);

  const IssuedReset first = passwords.issue_reset("ana", 1, kTest);
  const IssuedReset second = passwords.issue_reset("ana", 1, kTest);
  CHECK(unusable_because([&] { passwords.reset(first.token, kNew); }).find("unknown") !=
        std::string::npos);
  passwords.reset(second.token, kNew);
  CHECK(f.accounts->sign_in("ana", kNew, 1).account.username == "ana");

  CHECK(refusal_of([&] { passwords.issue_reset("nobody", 1, kTest); }) == Refused::not_found);
  const IssuedReset before_disable = passwords.issue_reset("ana", 1, kTest);
  f.accounts->disable("ana", kTest);
  CHECK(refusal_of([&] { passwords.issue_reset("ana", 1, kTest); }) == Refused::invalid_input);
  CHECK_FALSE(unusable_because([&] { passwords.reset(before_disable.token, kNew); }).empty());
}
