// Which address counts as the client's behind a reverse proxy.
#include <catch2/catch.hpp>

#include "client_address.hpp"

using agora::searchd::client_address;
using agora::searchd::is_ip_address;

TEST_CASE("X-Forwarded-For is ignored unless the peer is a trusted proxy", "[client_address]") {
  CHECK(client_address("198.51.100.4", "203.0.113.7", {}) == "198.51.100.4");
  CHECK(client_address("198.51.100.4", "203.0.113.7", {"127.0.0.1"}) == "198.51.100.4");
  CHECK(client_address("127.0.0.1", "", {"127.0.0.1"}) == "127.0.0.1");
}

TEST_CASE("the rightmost address that is not a trusted proxy is the client", "[client_address]") {
  const std::vector<std::string> proxies = {"127.0.0.1", "10.0.0.2"};
  CHECK(client_address("127.0.0.1", "203.0.113.7", proxies) == "203.0.113.7");
  // A client may send its own header: the proxy appends the real address after it.
  CHECK(client_address("127.0.0.1", "1.2.3.4, 203.0.113.7", proxies) == "203.0.113.7");
  // Two proxies in a row: the inner one's hop is skipped.
  CHECK(client_address("127.0.0.1", "203.0.113.7, 10.0.0.2", proxies) == "203.0.113.7");
  CHECK(client_address("127.0.0.1", " 2001:db8::1 ", proxies) == "2001:db8::1");
}

TEST_CASE("a malformed hop ends the walk at the last good address", "[client_address]") {
  const std::vector<std::string> proxies = {"127.0.0.1", "10.0.0.2"};
  CHECK(client_address("127.0.0.1", "203.0.113.7, not-an-address", proxies) == "127.0.0.1");
  CHECK(client_address("127.0.0.1", "evil, 203.0.113.7, 10.0.0.2", proxies) == "203.0.113.7");
  CHECK(client_address("127.0.0.1", "10.0.0.2", proxies) == "10.0.0.2");  // only proxies
}

TEST_CASE("IPv4 clients of a dual-stack socket count as their IPv4 address", "[client_address]") {
  using agora::searchd::canonical_address;
  CHECK(canonical_address("::ffff:203.0.113.7") == "203.0.113.7");
  CHECK(canonical_address("203.0.113.7") == "203.0.113.7");
  CHECK(canonical_address("2001:db8::1") == "2001:db8::1");
  CHECK(canonical_address("::ffff:not-v4") == "::ffff:not-v4");
  CHECK(client_address("127.0.0.1", "::ffff:203.0.113.7", {"127.0.0.1"}) == "203.0.113.7");
}

TEST_CASE("IP addresses are recognised in both families", "[client_address]") {
  CHECK(is_ip_address("127.0.0.1"));
  CHECK(is_ip_address("::1"));
  CHECK_FALSE(is_ip_address("localhost"));
  CHECK_FALSE(is_ip_address("127.0.0.1 "));
  CHECK_FALSE(is_ip_address(""));
}
