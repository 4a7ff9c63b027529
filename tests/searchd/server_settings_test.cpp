// agora-searchd's settings: flags, the config file and --help all come from one table.
#include <catch2/catch.hpp>

#include <fstream>

#include "agora/error.hpp"
#include "agora/searchd/server_config.hpp"
#include "server_settings.hpp"
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
