// The address of the client behind a trusted reverse proxy (X-Forwarded-For).
#pragma once

#include <string>
#include <vector>

namespace agora::searchd {

/// The client's address for per-address limits and the access log. `peer` is the TCP
/// peer; only when it is one of `trusted_proxies` is `forwarded_for` (an X-Forwarded-For
/// value) believed, read from the right: the first address that is not itself a trusted
/// proxy is the client. A malformed entry stops the walk at the address before it, so a
/// client cannot pass off a made-up address through a proxy that appends.
std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

/// `address` as limits and logs compare it: an IPv4-mapped IPv6 address ("::ffff:1.2.3.4",
/// what a dual-stack socket reports for an IPv4 client) as the IPv4 address it maps.
std::string canonical_address(const std::string& address);

/// True when `text` is an IPv4 or IPv6 address.
bool is_ip_address(const std::string& text);

}  // namespace agora::searchd
