// The address other sites and crawlers reach this server by, for absolute links.
#pragma once

#include <string>

#include <httplib.h>

namespace agora::searchd {

/// "http://" and the Host the request was sent to (127.0.0.1 when it names none).
inline std::string public_origin(const httplib::Request& request) {
  const std::string host = request.get_header_value("Host");
  return "http://" + (host.empty() ? std::string("127.0.0.1") : host);
}

}  // namespace agora::searchd
