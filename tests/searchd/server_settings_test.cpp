// agora-searchd's settings: flags, the config file and --help all come from one table.
#include <catch2/catch.hpp>

#include <fstream>

#include "agora/error.hpp"
#include "agora/searchd/server_config.hpp"
#include "server_settings.hpp"
#include "settings_reload.hpp"
#include "temp_files.hpp"

using namespace agora::searchd;

namespace {

std::string write_config(const agora::test::TempDir& directory, const std::string& text) {
  const std::string path = (directory.path() / "searchd.json").string();
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("flags set what the table says, with their bounds", "[settings]") {
  bool help = false;
  const ServerConfig config =
      parse_server_config({"--port", "0", "--header-timeout", "2.5", "--no-translation",
                           "--cors-origin", "https://a.org,https://b.org", "--threads", "3"},
                          help);
  CHECK_FALSE(help);
  CHECK(config.port == 0);
  CHECK(config.header_timeout == Approx(2.5));
  CHECK_FALSE(config.translation);
  CHECK(config.cors_origins == std::vector<std::string>{"https://a.org", "https://b.org"});
  CHECK(config.threads == 3);
  CHECK(config.queue_length == 24);  // 8 per thread unless given
  CHECK_THROWS_WITH(parse_server_config({"--port", "12abc"}, help),
                    "--port: '12abc' must be a whole number from 0 to 65535");
  CHECK_THROWS_WITH(parse_server_config({"--approvals", "11"}, help),
                    "--approvals: '11' must be a whole number from 1 to 10");
  parse_server_config({"--help"}, help);
  CHECK(help);
}

TEST_CASE("the config file takes the same settings by their keys, and flags win", "[settings]") {
  agora::test::TempDir directory;
  const std::string path = write_config(
      directory,
      R"({"port": 9000, "db": "x/index", "access_log": false, "cors_origins": ["https://a.org"],
          "trusted_proxies": ["127.0.0.1"], "session_hours": 2})");
  bool help = false;
  const ServerConfig config = parse_server_config(
      {"--config", path, "--port", "9001", "--cors-origin", "https://b.org"}, help);
  CHECK(config.port == 9001);
  CHECK(config.db == "x/index");
  CHECK_FALSE(config.access_log);
  CHECK(config.cors_origins == std::vector<std::string>{"https://a.org", "https://b.org"});
  CHECK(config.trusted_proxies == std::vector<std::string>{"127.0.0.1"});
  CHECK(config.session_hours == Approx(2));

  const std::string wrong_type = write_config(directory, R"({"port": "eighty"})");
  CHECK_THROWS_AS(parse_server_config({"--config", wrong_type}, help), agora::InvalidInput);
  const std::string out_of_bounds =
      write_config(directory, R"({"max_connections_per_address": 0})");
  CHECK_THROWS_WITH(parse_server_config({"--config", out_of_bounds}, help),
                    Catch::Contains("max_connections_per_address: '0' must be a whole number"));
  const std::string unknown = write_config(directory, R"({"colour": "blue"})");
  CHECK_THROWS_WITH(parse_server_config({"--config", unknown}, help),
                    Catch::Contains("colour: unknown setting"));
}

TEST_CASE("--help lists every setting of the table with its config key", "[settings]") {
  const std::string usage = server_usage();
  for (const ServerSetting& setting : server_settings()) {
    INFO(setting.flag);
    CHECK(usage.find("  " + std::string(setting.flag)) != std::string::npos);
    if (!setting.key.empty()) {
      CHECK(usage.find("[" + std::string(setting.key) + "]") != std::string::npos);
    }
  }
}

TEST_CASE("every setting with a key shows its value as the config file writes it", "[settings]") {
  agora::test::TempDir directory;
  bool help = false;
  const ServerConfig config = parse_server_config(
      {"--cors-origin", "https://a.org", "--access-log", "minimal", "--port", "9000"}, help);
  const nlohmann::json shown = settings_json(config);
  for (const ServerSetting& setting : server_settings()) {
    if (setting.key.empty()) continue;
    INFO(setting.key);
    CHECK(shown.contains(std::string(setting.key)));
  }
  CHECK(shown["cors_origins"] == nlohmann::json::array({"https://a.org"}));
  CHECK(shown["access_log_mode"] == "minimal");
  CHECK(shown["port"] == 9000);
  // What is shown reads back as the same settings.
  const std::string path = write_config(directory, shown.dump());
  CHECK(settings_json(parse_server_config({"--config", path}, help)) == shown);
}

TEST_CASE("a reload takes the reloadable settings and defers the others", "[settings]") {
  bool help = false;
  const ServerConfig running = parse_server_config(
      {"--cors-origin", "https://a.org", "--registrations-per-hour", "5", "--threads", "8"}, help);
  const ServerConfig read_again = parse_server_config(
      {"--cors-origin", "https://b.org", "--registrations-per-hour", "2", "--threads", "16"}, help);
  const ReloadPlan plan = plan_reload(running, read_again);
  CHECK(plan.settings.cors_origins == std::vector<std::string>{"https://b.org"});
  CHECK(plan.settings.registrations_per_hour == 2);
  CHECK(plan.settings.threads == 8);  // the workers are made once, at start
  CHECK(plan.changed ==
        std::vector<std::string>{R"(cors_origins: ["https://a.org"] -> ["https://b.org"])",
                                 "registrations_per_hour: 5 -> 2"});
  // The queue length follows the threads unless given: it changes with them.
  CHECK(plan.deferred == std::vector<std::string>{"threads: 8 -> 16", "queue_length: 64 -> 128"});
  CHECK(plan_reload(running, running).changed.empty());
  CHECK(plan_reload(running, running).deferred.empty());
}

TEST_CASE("the table marks as reloadable only what a running daemon reads per request",
          "[settings]") {
  std::vector<std::string> reloadable;
  for (const ServerSetting& setting : server_settings()) {
    if (setting.change == ServerSetting::Change::reload) reloadable.emplace_back(setting.key);
  }
  // A new row is not reloadable unless search_server.cpp reads it through LiveSettings:
  // add it here only then.
  CHECK(reloadable == std::vector<std::string>{
                          "public_url", "cors_origins", "session_hours", "registrations_per_hour",
                          "anonymous_requests_per_hour", "translation", "dictionaries", "bm25_k1",
                          "bm25_b", "translation_weight", "oai_name", "oai_admin_email",
                          "oai_page_size", "sitemap_page_size"});
}
