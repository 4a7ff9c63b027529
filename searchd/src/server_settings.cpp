// agora-searchd's settings, one row each.
#include "server_settings.hpp"

#include "agora/base/parse.hpp"
#include "agora/base/text.hpp"
#include "agora/error.hpp"
#include "agora/index/url_reference.hpp"
#include "client_address.hpp"

namespace agora::searchd {
namespace {

using Kind = ServerSetting::Kind;
using Change = ServerSetting::Change;
using Reader = std::function<void(ServerConfig&, const std::string&, const std::string&)>;

// How one setting is read from text, shown as JSON and copied between configurations.
struct Access {
  Reader read;
  std::function<nlohmann::json(const ServerConfig&)> show;
  std::function<void(ServerConfig&, const ServerConfig&)> assign;
};

// The member's value is what the setting shows and what a reload copies.
template <typename Value>
Access member(Value ServerConfig::*field, Reader read) {
  return {std::move(read),
          [field](const ServerConfig& config) { return nlohmann::json(config.*field); },
          [field](ServerConfig& to, const ServerConfig& from) { to.*field = from.*field; }};
}

Access text(std::string ServerConfig::*field) {
  return member(field, [field](ServerConfig& config, const std::string& value, const std::string&) {
    config.*field = value;
  });
}

template <typename Integer>
Access whole(Integer ServerConfig::*field, std::int64_t least, std::int64_t most) {
  return member(
      field, [=](ServerConfig& config, const std::string& value, const std::string& where) {
        config.*field = static_cast<Integer>(parse_whole_number(value, where, least, most));
      });
}

Access decimal(double ServerConfig::*field, double least, double most) {
  return member(field,
                [=](ServerConfig& config, const std::string& value, const std::string& where) {
                  config.*field = parse_decimal(value, where, least, most);
                });
}

Access origins(std::vector<std::string> ServerConfig::*field) {
  return member(field, [field](ServerConfig& config, const std::string& value, const std::string&) {
    for (std::string& origin : split_list(value)) (config.*field).push_back(std::move(origin));
  });
}

Access addresses(std::vector<std::string> ServerConfig::*field) {
  return member(field,
                [field](ServerConfig& config, const std::string& value, const std::string& where) {
                  for (const std::string& address : split_list(value)) {
                    if (!is_ip_address(address)) {
                      throw InvalidInput(where + ": '" + address + "' is not an IP address");
                    }
                    (config.*field).push_back(canonical_address(address));
                  }
                });
}

// An absolute http(s) address without query or fragment, kept without its final '/' so
// that paths are appended to it as they are to an origin; empty, as --check-config shows
// it when unset, leaves it unset.
Access public_address(std::string ServerConfig::*field) {
  return member(
      field, [field](ServerConfig& config, const std::string& value, const std::string& where) {
        if (value.empty()) {
          config.*field = "";
          return;
        }
        std::string url = index::normalise_url(value).value_or("");
        const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
        if (!web || url.find_first_of("?#") != std::string::npos) {
          throw InvalidInput(
              where + ": '" + value +
              "' is not an http(s) address without query, e.g. https://agora.example.org");
        }
        while (url.back() == '/') url.pop_back();
        config.*field = url;
      });
}

// full, minimal or off: what one line per request may say about the learner.
Access access_log_mode() {
  return {[](ServerConfig& config, const std::string& value, const std::string& where) {
            if (value != "full" && value != "minimal" && value != "off") {
              throw InvalidInput(where + ": '" + value + "' is not full, minimal or off");
            }
            config.access_log = value != "off";
            config.access_log_minimal = value == "minimal";
          },
          [](const ServerConfig& config) {
            return nlohmann::json(!config.access_log          ? "off"
                                  : config.access_log_minimal ? "minimal"
                                                              : "full");
          },
          [](ServerConfig& to, const ServerConfig& from) {
            to.access_log = from.access_log;
            to.access_log_minimal = from.access_log_minimal;
          }};
}

// A setting that takes a value: one (the last given wins) or a list (added up).
ServerSetting taking_values(Kind kind, std::string_view flag, std::string_view key,
                            std::string_view value_name, std::string_view help, Access access,
                            bool number, Change change) {
  return {flag,
          key,
          value_name,
          help,
          kind,
          std::move(access.read),
          nullptr,
          number,
          change,
          std::move(access.show),
          std::move(access.assign)};
}

ServerSetting valued(std::string_view flag, std::string_view key, std::string_view value_name,
                     std::string_view help, Access access, bool number,
                     Change change = Change::restart) {
  return taking_values(Kind::value, flag, key, value_name, help, std::move(access), number, change);
}

ServerSetting listed(std::string_view flag, std::string_view key, std::string_view value_name,
                     std::string_view help, Access access, Change change = Change::restart) {
  return taking_values(Kind::list, flag, key, value_name, help, std::move(access), false, change);
}

ServerSetting switched(std::string_view flag, std::string_view key, std::string_view help,
                       Kind kind, bool ServerConfig::*toggle, Change change = Change::restart) {
  Access access = member(toggle, nullptr);
  return {flag,
          key,
          "",
          help,
          kind,
          nullptr,
          toggle,
          false,
          change,
          std::move(access.show),
          std::move(access.assign)};
}

}  // namespace

const std::vector<ServerSetting>& server_settings() {
  using C = ServerConfig;
  static const std::vector<ServerSetting> settings = {
      valued("--db", "db", "DIR", "index made by agora-index add (default data/index)",
             text(&C::db), false),
      valued("--port", "port", "N", "port to listen on (default 8080; 0 picks a free one)",
             whole(&C::port, 0, 65535), true),
      valued("--host", "host", "ADDR", "address to listen on (default 127.0.0.1)", text(&C::host),
             false),
      valued("--web", "web", "DIR", "folder of static files served at /", text(&C::web), false),
      valued("--public-url", "public_url", "URL",
             "the address learners reach this server by, for absolute links in OpenSearch,\n"
             "sitemaps, /oai and resource pages (default: http:// and the Host header)",
             public_address(&C::public_url), false, Change::reload),
      listed("--cors-origin", "cors_origins", "O",
             "origins allowed to call the API from a browser; '*' for any",
             origins(&C::cors_origins), Change::reload),
      valued("--threads", "threads", "N", "worker threads (default: 4 per core, at least 8)",
             whole(&C::threads, 0, 4096), true),
      switched("--no-access-log", "access_log", "do not print one JSON line per request",
               Kind::switch_off, &C::access_log),
      valued("--access-log", "access_log_mode", "MODE",
             "full (default), minimal (no query text, no client address: nothing that\n"
             "tells who searched what) or off",
             access_log_mode(), false),
      {"--config", "", "FILE",
       "JSON file with the same settings, each by the name --help shows in\n"
       "[brackets]; flags win. On SIGHUP the daemon reads it and its flags again and\n"
       "takes the settings marked (reload); the others wait for a restart",
       Kind::config_file, nullptr, nullptr, false, Change::restart, nullptr, nullptr},
      switched("--check-config", "",
               "check the settings, that the index opens and the folders exist; print\n"
               "the settings as JSON and exit (0: usable)",
               Kind::switch_on, &C::check_config),
      valued("--state", "state", "FILE", "collaboration database (default: DIR.state.sqlite)",
             text(&C::state), false),
      valued("--approvals", "approvals", "N",
             "reviewers' approvals that publish a submission (default 1)",
             whole(&C::approvals, 1, 10), true),
      valued("--session-hours", "session_hours", "H", "web sessions last H hours (default 168)",
             decimal(&C::session_hours, 0.0001, 8760), true, Change::reload),
      switched("--secure-cookies", "secure_cookies", "send the session cookie over HTTPS only",
               Kind::switch_on, &C::secure_cookies),
      switched("--no-registration", "registration", "learners cannot register themselves",
               Kind::switch_off, &C::registration),
      valued("--registrations-per-hour", "registrations_per_hour", "N",
             "from one address (default 5)", whole(&C::registrations_per_hour, 1, 1000000), true,
             Change::reload),
      valued("--anonymous-requests-per-hour", "anonymous_requests_per_hour", "N",
             "resource requests without an account, from one address (default 20)",
             whole(&C::anonymous_requests_per_hour, 1, 1000000), true, Change::reload),
      valued("--queue-length", "queue_length", "N",
             "whole requests that may wait for a worker; beyond, 503 (default 8 per thread)",
             whole(&C::queue_length, 1, 100000), true),
      valued("--max-connections", "max_connections", "N", "open connections in all (default 4096)",
             whole(&C::max_connections, 1, 1000000), true),
      valued("--max-connections-per-address", "max_connections_per_address", "N",
             "from one client address; beyond, 429 at once (default 128)",
             whole(&C::max_connections_per_address, 1, 1000000), true),
      valued("--header-timeout", "header_timeout", "S",
             "the request line and headers must arrive within S seconds of their first\n"
             "byte (default 10)",
             decimal(&C::header_timeout, 0.1, 3600), true),
      valued("--body-timeout", "body_timeout", "S",
             "the body within S seconds of the headers (default 20)",
             decimal(&C::body_timeout, 0.1, 3600), true),
      valued("--keep-alive-timeout", "keep_alive_timeout", "S",
             "idle connections close after S seconds (default 5)",
             decimal(&C::keep_alive_timeout, 0.1, 3600), true),
      valued("--max-requests-per-connection", "max_requests_per_connection", "N",
             "then the connection closes (default 1000)",
             whole(&C::max_requests_per_connection, 1, 1000000), true),
      listed("--trusted-proxy", "trusted_proxies", "A",
             "reverse proxies whose X-Forwarded-For is believed; they are exempt from the\n"
             "per-address connection cap",
             addresses(&C::trusted_proxies)),
      valued("--cache-entries", "cache_entries", "N",
             "result pages kept for repeated searches (default 1000; 0 off)",
             whole(&C::cache_entries, 0, 1000000), true),
      switched("--no-translation", "translation", "do not translate queries", Kind::switch_off,
               &C::translation, Change::reload),
      valued("--dictionaries", "dictionaries", "F",
             "compiled dictionaries (agora-index dictionaries; default in the build tree);\n"
             "a reload maps them again when this file was rewritten",
             text(&C::dictionaries), false, Change::reload),
      valued("--bm25-k1", "bm25_k1", "K",
             "BM25's k1: how fast repeated words stop adding to a score (default 1.2;\n"
             "docs/ranking.md says how the defaults were chosen)",
             decimal(&C::bm25_k1, 0, 5), true, Change::reload),
      valued("--bm25-b", "bm25_b", "B",
             "BM25's b: how much long documents are discounted, 0 to 1 (default 0.75)",
             decimal(&C::bm25_b, 0, 1), true, Change::reload),
      valued("--translation-weight", "translation_weight", "W",
             "weight of a query's translations into languages other than the learner's,\n"
             "0 to 1 (default 0.5)",
             decimal(&C::translation_weight, 0, 1), true, Change::reload),
      valued("--oai-name", "oai_name", "NAME", "the repository's name at /oai (default Agora)",
             text(&C::oai_name), false, Change::reload),
      valued("--oai-identifier", "oai_identifier", "DOMAIN",
             "/oai items are oai:DOMAIN:ID: give your domain (default agora.invalid)",
             text(&C::oai_identifier), false),
      valued("--oai-admin-email", "oai_admin_email", "EMAIL",
             "whom harvesters write to, as /oai's Identify says", text(&C::oai_admin_email), false,
             Change::reload),
      valued("--oai-page-size", "oai_page_size", "N",
             "records per /oai ListRecords page (default 100)", whole(&C::oai_page_size, 1, 10000),
             true, Change::reload),
      valued("--sitemap-page-size", "sitemap_page_size", "N",
             "resource pages per sitemap; more make /sitemap.xml an index of sitemaps "
             "(default 50000, the protocol's limit)",
             whole(&C::sitemap_page_size, 1, 50000), true, Change::reload),
  };
  return settings;
}

}  // namespace agora::searchd
