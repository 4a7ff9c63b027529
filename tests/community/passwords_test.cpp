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
