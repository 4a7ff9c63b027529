// Resolving X-Forwarded-For from trusted proxies.
#include "client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <string_view>

#include "agora/base/text.hpp"

namespace agora::searchd {

bool is_ip_address(const std::string& text) {
  unsigned char parsed[sizeof(in6_addr)];
  return inet_pton(AF_INET, text.c_str(), parsed) == 1 ||
         inet_pton(AF_INET6, text.c_str(), parsed) == 1;
}

std::string canonical_address(const std::string& address) {
  constexpr std::string_view kMapped = "::ffff:";
  if (address.size() > kMapped.size() && address.compare(0, kMapped.size(), kMapped) == 0) {
    const std::string v4 = address.substr(kMapped.size());
    unsigned char parsed[sizeof(in_addr)];
    if (inet_pton(AF_INET, v4.c_str(), parsed) == 1) return v4;
  }
  return address;
}

std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](const std::string& address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
           trusted_proxies.end();
  };
  if (forwarded_for.empty() || !trusted(peer)) return peer;
  std::string client = peer;
  const std::vector<std::string> hops = split(forwarded_for, ',');
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    const std::string address = canonical_address(trim_whitespace(*hop));
    if (!is_ip_address(address)) break;
    client = address;
    if (!trusted(address)) break;
  }
  return client;
}

}  // namespace agora::searchd
