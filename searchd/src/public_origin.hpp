// The address other sites and crawlers reach this server by, for absolute links in
// OpenSearch, sitemaps, robots.txt, /oai and the resource pages' JSON-LD.
#pragma once

#include <string>

#include <httplib.h>

#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

/// --public-url when it is set (behind a reverse proxy, the https:// address learners use);
/// else "http://" and the Host the request was sent to (127.0.0.1 when it names none).
inline std::string public_origin(const httplib::Request& request, const ServerConfig& config) {
  if (!config.public_url.empty()) return config.public_url;
  const std::string host = request.get_header_value("Host");
  return "http://" + (host.empty() ? std::string("127.0.0.1") : host);
}

}  // namespace agora::searchd
