// agora-searchd's settings, from a JSON config file and command-line flags (one table of
// them: searchd/src/server_settings.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "agora/index/ranking_weights.hpp"

namespace agora::searchd {

struct ServerConfig {
  std::string db = "data/index";  ///< index directory
  std::string web;                ///< static files to serve at /, none when empty
  std::string host = "127.0.0.1";
  int port = 8080;                        ///< 0 picks a free port (printed at start-up)
  std::size_t threads = 0;                ///< 0: four per core, at least 8
  std::vector<std::string> cors_origins;  ///< origins allowed to call the API; "*" for any
  bool access_log = true;                 ///< one JSON line per request on standard output
  bool access_log_minimal = false;        ///< without query text and client address (personal data)
  /// The address learners reach this server by (https://agora.example.org, or with a path
  /// when a proxy serves it below one); empty: http:// and the request's Host header.
  std::string public_url;

  // Serving on the open internet (docs/serving.md).
  std::size_t queue_length = 0;  ///< whole requests waiting for a worker; 0: 8 per worker
  std::size_t max_connections = 4096;
  std::size_t max_connections_per_address = 128;
  double header_timeout = 10;     ///< seconds from a request's first byte to its last header
  double body_timeout = 20;       ///< seconds for the body once the headers are in
  double keep_alive_timeout = 5;  ///< seconds a connection may idle between requests
  std::size_t max_requests_per_connection = 1000;
  std::vector<std::string> trusted_proxies;  ///< X-Forwarded-For is believed from these only
  std::size_t cache_entries = 1000;          ///< result pages kept for repeated searches; 0: none

  // Query translation (docs/cross-lingual.md): the installed dictionaries by default.
  bool translation = true;
  std::string dictionaries;  ///< compiled by agora-index dictionaries; empty: default

  // Ranking weights that need no reindexing (docs/ranking.md), from the tuned defaults.
  double bm25_k1 = index::RankingWeights{}.bm25_k1;
  double bm25_b = index::RankingWeights{}.bm25_b;
  /// translations into languages other than the learner's
  double translation_weight = index::RankingWeights{}.other_translations;

  // Collaboration (docs/collaboration.md).
  std::string state;                     ///< SQLite state database; empty: next to db
  int approvals = 1;                     ///< approvals that publish a revision
  double session_hours = 168;            ///< how long a web session lasts
  bool secure_cookies = false;           ///< mark the session cookie Secure (behind HTTPS)
  bool registration = true;              ///< anyone may register a learner account
  int registrations_per_hour = 5;        ///< per client address
  int anonymous_requests_per_hour = 20;  ///< resource requests without an account, per address
  std::size_t max_body_bytes = 1 << 20;

  // Being harvested (docs/harvesting.md): /oai and /sitemap.xml.
  std::string oai_name = "Agora";                ///< repositoryName
  std::string oai_identifier = "agora.invalid";  ///< items are oai:IDENTIFIER:ID; set a domain
  std::string oai_admin_email = "admin@agora.invalid";
  std::size_t oai_page_size = 100;        ///< records per ListRecords page
  std::size_t sitemap_page_size = 50000;  ///< resource pages per sitemap (the protocol's limit)

  // Limits that keep one request from costing much.
  std::size_t max_query_bytes = 500;
  std::size_t max_parameters = 30;
  std::size_t max_per_page = 50;
  std::size_t max_result_depth = 1000;  ///< page × per_page

  bool check_config = false;  ///< --check-config: check these settings and exit
};

/// The defaults: those above in a build tree; installed (agora/base/install_paths.hpp), the
/// index in /var/lib/agora/index and the web files of PREFIX/share/agora/web.
ServerConfig default_server_config();

/// The state database path: `state`, or the index path followed by ".state.sqlite".
std::string state_path(const ServerConfig& config);

/// Parses flags (and the file named by --config, read first so that flags win).
/// Throws agora::InvalidInput with a message naming the bad flag or key.
/// Sets `help` when --help was given.
ServerConfig parse_server_config(const std::vector<std::string>& args, bool& help);

/// The --help text, made from the settings table.
std::string server_usage();

}  // namespace agora::searchd
