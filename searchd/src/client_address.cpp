// Resolving X-Forwarded-For from trusted proxies.
#include "client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>

#include "agora/index/text_helpers.hpp"

namespace agora::searchd {

bool is_ip_address(const std::string& text) {
  unsigned char parsed[sizeof(in6_addr)];
  return inet_pton(AF_INET, text.c_str(), parsed) == 1 ||
         inet_pton(AF_INET6, text.c_str(), parsed) == 1;
}

std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](const std::string& address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
           trusted_proxies.end();
  };
  if (forwarded_for.empty() || !trusted(peer)) return peer;
  std::string client = peer;
  const std::vector<std::string> hops = index::split(forwarded_for, ',');
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    const std::string address = index::trim_whitespace(*hop);
    if (!is_ip_address(address)) break;
    client = address;
    if (!trusted(address)) break;
  }
  return client;
}

}  // namespace agora::searchd
