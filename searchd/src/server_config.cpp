// Flags and the JSON config file of agora-searchd.
#include "agora/searchd/server_config.hpp"

#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "agora/community/state_database.hpp"
#include "agora/error.hpp"
#include "client_address.hpp"

namespace agora::searchd {
namespace {

using nlohmann::json;

std::vector<std::string> split_origins(const std::string& list) {
  std::vector<std::string> origins;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string origin = list.substr(start, end - start);
    origin.erase(0, origin.find_first_not_of(' '));
    origin.erase(origin.find_last_not_of(' ') + 1);
    if (!origin.empty()) origins.push_back(origin);
    start = end + 1;
  }
  return origins;
}

// `text` as a number of type Number from `least` to `most`, all of it read.
template <typename Number>
Number parse_bounded(const std::string& text, const std::string& where, Number least, Number most) {
  try {
    std::size_t used = 0;
    Number number;
    if constexpr (std::is_integral_v<Number>) {
      number = std::stoi(text, &used);
    } else {
      number = std::stod(text, &used);
    }
    if (used == text.size() && number >= least && number <= most) return number;
  } catch (const std::exception&) {
  }
  throw InvalidInput(where + ": '" + text + "' must be a " +
                     (std::is_integral_v<Number> ? "whole " : "") + "number from " +
                     json(least).dump() + " to " + json(most).dump());
}

double parse_number(const std::string& text, const std::string& where, double least, double most) {
  return parse_bounded(text, where, least, most);
}

std::vector<std::string> checked_addresses(const std::vector<std::string>& addresses,
                                           const std::string& where) {
  std::vector<std::string> checked;
  for (const std::string& address : addresses) {
    if (!is_ip_address(address)) {
      throw InvalidInput(where + ": '" + address + "' is not an IP address");
    }
    checked.push_back(canonical_address(address));
  }
  return checked;
}

int parse_port(const std::string& text, const std::string& where) {
  return parse_whole_number(text, where, 0, 65535);
}

void apply_file(const std::string& path, ServerConfig& config) {
  std::ifstream file(path);
  if (!file) throw InvalidInput("--config " + path + ": cannot be read");
  json settings;
  try {
    settings = json::parse(file);
  } catch (const json::parse_error& error) {
    throw InvalidInput(path + ": not valid JSON: " + error.what());
  }
  if (!settings.is_object()) throw InvalidInput(path + ": must be a JSON object");
  for (const auto& [key, value] : settings.items()) {
    const std::string where = path + ": " + key;
    try {
      if (key == "db")
        config.db = value.get<std::string>();
      else if (key == "web")
        config.web = value.get<std::string>();
      else if (key == "host")
        config.host = value.get<std::string>();
      else if (key == "port")
        config.port = parse_port(value.dump(), where);
      else if (key == "threads")
        config.threads = value.get<std::size_t>();
      else if (key == "cors_origins")
        config.cors_origins = value.get<std::vector<std::string>>();
      else if (key == "access_log")
        config.access_log = value.get<bool>();
      else if (key == "state")
        config.state = value.get<std::string>();
      else if (key == "translation")
        config.translation = value.get<bool>();
      else if (key == "dictionaries")
        config.dictionaries = value.get<std::string>();
      else if (key == "approvals")
        config.approvals = parse_whole_number(value.dump(), where, 1, 10);
      else if (key == "session_hours")
        config.session_hours = parse_number(value.dump(), where, 0.0001, 8760);
      else if (key == "secure_cookies")
        config.secure_cookies = value.get<bool>();
      else if (key == "registration")
        config.registration = value.get<bool>();
      else if (key == "registrations_per_hour")
        config.registrations_per_hour = parse_whole_number(value.dump(), where, 1, 1000000);
      else if (key == "queue_length")
        config.queue_length = parse_whole_number(value.dump(), where, 1, 100000);
      else if (key == "max_connections")
        config.max_connections = parse_whole_number(value.dump(), where, 1, 1000000);
      else if (key == "max_connections_per_address")
        config.max_connections_per_address = parse_whole_number(value.dump(), where, 1, 1000000);
      else if (key == "header_timeout")
        config.header_timeout = parse_number(value.dump(), where, 0.1, 3600);
      else if (key == "body_timeout")
        config.body_timeout = parse_number(value.dump(), where, 0.1, 3600);
      else if (key == "keep_alive_timeout")
        config.keep_alive_timeout = parse_number(value.dump(), where, 0.1, 3600);
      else if (key == "max_requests_per_connection")
        config.max_requests_per_connection = parse_whole_number(value.dump(), where, 1, 1000000);
      else if (key == "trusted_proxies")
        config.trusted_proxies = checked_addresses(value.get<std::vector<std::string>>(), where);
      else if (key == "cache_entries")
        config.cache_entries = parse_whole_number(value.dump(), where, 0, 1000000);
      else if (key == "anonymous_requests_per_hour")
        config.anonymous_requests_per_hour = parse_whole_number(value.dump(), where, 1, 1000000);
      else
        throw InvalidInput(where + ": unknown setting");
    } catch (const json::type_error&) {
      throw InvalidInput(where + ": wrong type (" + value.type_name() + ")");
    }
  }
}

}  // namespace

const char* server_usage() {
  return "usage: agora-searchd [--db DIR] [--port N] [--host ADDR] [--web DIR]\n"
         "                     [--cors-origin ORIGIN[,ORIGIN...]] [--threads N]\n"
         "                     [--no-access-log] [--config FILE] [--state FILE]\n"
         "                     [--approvals N] [--session-hours H] [--secure-cookies]\n"
         "                     [--no-registration] [--registrations-per-hour N]\n"
         "                     [--anonymous-requests-per-hour N] [--queue-length N]\n"
         "                     [--max-connections N] [--max-connections-per-address N]\n"
         "                     [--header-timeout S] [--body-timeout S] [--keep-alive-timeout S]\n"
         "                     [--max-requests-per-connection N] [--trusted-proxy ADDR[,ADDR...]]\n"
         "                     [--cache-entries N] [--no-translation] [--dictionaries FILE]\n"
         "       agora-searchd admin --help   (accounts and API tokens)\n"
         "\n"
         "Serves the search API (/api/search, /api/suggest, /api/resources/ID, /api/stats),\n"
         "the collaboration API (accounts, submissions, reviews, requests: see\n"
         "docs/collaboration.md), /healthz, /metrics, /opensearch.xml and the static\n"
         "files of --web.\n"
         "\n"
         "  --db DIR           index made by agora-index add (default data/index)\n"
         "  --port N           port to listen on (default 8080; 0 picks a free one)\n"
         "  --host ADDR        address to listen on (default 127.0.0.1)\n"
         "  --web DIR          folder of static files served at /\n"
         "  --cors-origin O    origins allowed to call the API from a browser; '*' for any\n"
         "  --threads N        worker threads (default: 4 per core, at least 8)\n"
         "  --no-access-log    do not print one JSON line per request\n"
         "  --config FILE      JSON file with the same settings: db, port, host, web,\n"
         "                     cors_origins (list), threads, access_log, state, approvals,\n"
         "                     session_hours, secure_cookies, registration,\n"
         "                     registrations_per_hour, anonymous_requests_per_hour, and\n"
         "                     each serving setting below by its flag's name with _; flags win\n"
         "  --state FILE       collaboration database (default: DIR.state.sqlite)\n"
         "  --approvals N      reviewers' approvals that publish a submission (default 1)\n"
         "  --session-hours H  web sessions last H hours (default 168)\n"
         "  --secure-cookies   send the session cookie over HTTPS only\n"
         "  --no-registration  learners cannot register themselves\n"
         "  --registrations-per-hour N       from one address (default 5)\n"
         "  --anonymous-requests-per-hour N  resource requests without an account, from one\n"
         "                     address (default 20)\n"
         "  --queue-length N   whole requests that may wait for a worker; beyond, 503\n"
         "                     (default 8 per thread)\n"
         "  --max-connections N              open connections in all (default 4096)\n"
         "  --max-connections-per-address N  from one client address; beyond, 429 at once\n"
         "                     (default 128)\n"
         "  --header-timeout S the request line and headers must arrive within S seconds\n"
         "                     of their first byte (default 10)\n"
         "  --body-timeout S   the body within S seconds of the headers (default 20)\n"
         "  --keep-alive-timeout S  idle connections close after S seconds (default 5)\n"
         "  --max-requests-per-connection N  then the connection closes (default 1000)\n"
         "  --trusted-proxy A  reverse proxies whose X-Forwarded-For is believed; they are\n"
         "                     exempt from the per-address connection cap\n"
         "  --cache-entries N  result pages kept for repeated searches (default 1000; 0 off)\n"
         "  --no-translation   do not translate queries\n"
         "  --dictionaries F   compiled dictionaries (agora-index dictionaries; default in\n"
         "                     the build tree)\n";
}

int parse_whole_number(const std::string& text, const std::string& where, int least, int most) {
  return parse_bounded(text, where, least, most);
}

std::string state_path(const ServerConfig& config) {
  return config.state.empty() ? community::default_state_path(config.db) : config.state;
}

ServerConfig parse_server_config(const std::vector<std::string>& args, bool& help) {
  ServerConfig config;
  help = false;
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--config") apply_file(args[i + 1], config);
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw InvalidInput(flag + " needs a value");
      return args[++i];
    };
    if (flag == "--help" || flag == "-h")
      help = true;
    else if (flag == "--db")
      config.db = value();
    else if (flag == "--web")
      config.web = value();
    else if (flag == "--host")
      config.host = value();
    else if (flag == "--port")
      config.port = parse_port(value(), "--port");
    else if (flag == "--cors-origin") {
      for (auto& origin : split_origins(value())) config.cors_origins.push_back(origin);
    } else if (flag == "--threads") {
      const std::string& text = value();
      try {
        config.threads = std::stoul(text);
      } catch (const std::exception&) {
        throw InvalidInput("--threads: '" + text + "' is not a number");
      }
    } else if (flag == "--no-access-log")
      config.access_log = false;
    else if (flag == "--config")
      value();  // already applied
    else if (flag == "--state")
      config.state = value();
    else if (flag == "--approvals")
      config.approvals = parse_whole_number(value(), "--approvals", 1, 10);
    else if (flag == "--session-hours")
      config.session_hours = parse_number(value(), "--session-hours", 0.0001, 8760);
    else if (flag == "--secure-cookies")
      config.secure_cookies = true;
    else if (flag == "--no-registration")
      config.registration = false;
    else if (flag == "--registrations-per-hour")
      config.registrations_per_hour = parse_whole_number(value(), flag, 1, 1000000);
    else if (flag == "--queue-length")
      config.queue_length = parse_whole_number(value(), flag, 1, 100000);
    else if (flag == "--max-connections")
      config.max_connections = parse_whole_number(value(), flag, 1, 1000000);
    else if (flag == "--max-connections-per-address")
      config.max_connections_per_address = parse_whole_number(value(), flag, 1, 1000000);
    else if (flag == "--header-timeout")
      config.header_timeout = parse_number(value(), flag, 0.1, 3600);
    else if (flag == "--body-timeout")
      config.body_timeout = parse_number(value(), flag, 0.1, 3600);
    else if (flag == "--keep-alive-timeout")
      config.keep_alive_timeout = parse_number(value(), flag, 0.1, 3600);
    else if (flag == "--max-requests-per-connection")
      config.max_requests_per_connection = parse_whole_number(value(), flag, 1, 1000000);
    else if (flag == "--trusted-proxy") {
      for (auto& address : checked_addresses(split_origins(value()), flag))
        config.trusted_proxies.push_back(address);
    } else if (flag == "--cache-entries")
      config.cache_entries = parse_whole_number(value(), flag, 0, 1000000);
    else if (flag == "--no-translation")
      config.translation = false;
    else if (flag == "--dictionaries")
      config.dictionaries = value();
    else if (flag == "--anonymous-requests-per-hour")
      config.anonymous_requests_per_hour = parse_whole_number(value(), flag, 1, 1000000);
    else
      throw InvalidInput("unknown option '" + flag + "' (see --help)");
  }
  // Connections wait for their next request in the poller, not in a worker; a few threads
  // per core still let a slow index read overlap with another search's CPU work.
  if (config.threads == 0) config.threads = std::max(8u, 4 * std::thread::hardware_concurrency());
  if (config.queue_length == 0) config.queue_length = 8 * config.threads;
  return config;
}

}  // namespace agora::searchd
