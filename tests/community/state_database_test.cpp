// The state database lets reads run together and alongside a write.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "agora/community/accounts.hpp"
#include "agora/community/passwords.hpp"
#include "agora/community/state_database.hpp"
#include "agora/error.hpp"
#include "temp_files.hpp"

using agora::community::StateDatabase;
namespace sqlite = agora::community::sqlite;

namespace {

constexpr auto kPatience = std::chrono::seconds(5);

std::int64_t count_settings(sqlite::Connection& connection) {
  sqlite::Statement query(connection, "SELECT count(*) FROM settings");
  query.step();
  return query.integer(0);
}

std::int64_t single_number(sqlite::Connection& connection, const std::string& sql) {
  sqlite::Statement query(connection, sql);
  query.step();
  return query.integer(0);
}

}  // namespace

TEST_CASE("a database of schema version 2 is migrated and keeps its data", "[state]") {
  agora::test::TempDir directory;
  const auto path = directory.path() / "state.sqlite";
  {
    std::ifstream file(std::string(AGORA_SOURCE_DIR) + "/tests/fixtures/state-schema-2.sql");
    REQUIRE(file);
    std::stringstream sql;
    sql << file.rdbuf();
    sqlite::Connection old(path.string());
    old.execute(sql.str());
  }
  StateDatabase state(path);
  state.read([](sqlite::Connection& connection) {
    CHECK(single_number(connection, "PRAGMA user_version") == 3);
    CHECK(single_number(connection, "SELECT count(*) FROM sessions") == 1);
    CHECK(single_number(connection, "SELECT count(*) FROM api_tokens") == 1);
    CHECK(single_number(connection, "SELECT count(*) FROM ratings") == 1);
    CHECK(single_number(connection, "SELECT count(*) FROM audit_log") == 1);
    CHECK(single_number(connection, "SELECT count(*) FROM password_resets") == 0);
  });

  // The account from before the migration can reset its password.
  agora::community::Passwords passwords(state);
  const agora::community::Actor admin{std::nullopt, "test"};
  const auto reset = passwords.issue_reset("ana", 1, admin);
  CHECK(passwords.reset(reset.token, "a passphrase set after migrating").username == "ana");
  agora::community::Accounts accounts(state);
  CHECK(accounts.sign_in("ana", "a passphrase set after migrating", 1).account.id == 1);
  CHECK(state.read([](sqlite::Connection& connection) {
    return single_number(connection,
                         "SELECT count(*) FROM sessions WHERE digest = "
                         "'old-session-digest'");
  }) == 0);

  // Opening it again runs no migration twice.
  StateDatabase again(path);
  CHECK(again.read([](sqlite::Connection& c) { return single_number(c, "PRAGMA user_version"); }) ==
        3);
}

TEST_CASE("two reads run at the same time", "[state]") {
  agora::test::TempDir directory;
  StateDatabase state(directory.path() / "state.sqlite");
  std::promise<void> first_inside;
  std::promise<void> second_inside;
  // Each read waits inside for the other: behind one lock, the first would wait in vain.
  auto first = std::async(std::launch::async, [&] {
    return state.read([&](sqlite::Connection&) {
      first_inside.set_value();
      return second_inside.get_future().wait_for(kPatience) == std::future_status::ready;
    });
  });
  first_inside.get_future().wait();
  const bool second_ran = state.read([&](sqlite::Connection& connection) {
    second_inside.set_value();
    return count_settings(connection) == 0;
  });
  CHECK(second_ran);
  CHECK(first.get());
}

TEST_CASE("a write commits while a read is under way, and the next read sees it", "[state]") {
  agora::test::TempDir directory;
  StateDatabase state(directory.path() / "state.sqlite");
  std::promise<void> reading;
  std::promise<void> written;
  auto reader = std::async(std::launch::async, [&] {
    return state.read([&](sqlite::Connection&) {
      reading.set_value();
      return written.get_future().wait_for(kPatience) == std::future_status::ready;
    });
  });
  reading.get_future().wait();
  state.write([](sqlite::Connection& connection) {
    connection.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')");
  });
  written.set_value();
  CHECK(reader.get());
  CHECK(state.read(count_settings) == 1);
}

TEST_CASE("a read cannot change the state", "[state]") {
  agora::test::TempDir directory;
  StateDatabase state(directory.path() / "state.sqlite");
  CHECK_THROWS_AS(state.read([](sqlite::Connection& connection) {
    connection.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')");
  }),
                  agora::InternalError);
  CHECK(state.read(count_settings) == 0);
}
