// HTTP GET through libcurl, for harvesting: one request, its status, body and Retry-After.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace agora::index {

struct HttpAnswer {
  long status = 0;  ///< 0 when no answer came (the error says why)
  std::string body;
  /// Seconds the server asked to wait (Retry-After as seconds or as an HTTP date).
  std::optional<long> retry_after;
  std::string error;  ///< libcurl's message when the request failed
};

/// GETs `url` (http or https only; redirects followed, compressed answers accepted).
HttpAnswer http_get(const std::string& url, std::chrono::seconds timeout);

/// `base` with `parameters` added to its query, each escaped (libcurl's URL API); throws
/// agora::InvalidInput naming the base when it is not a URL.
std::string with_query(const std::string& base,
                       const std::map<std::string, std::string>& parameters);

}  // namespace agora::index
