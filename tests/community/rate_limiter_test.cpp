// Sliding-window limits and what happens when too many keys are tracked.
#include <catch2/catch.hpp>

#include "agora/community/rate_limiter.hpp"

using agora::community::RateLimiter;

TEST_CASE("a key is allowed max_events in the window, then refused", "[rate_limiter]") {
  RateLimiter limiter(2, 3600);
  CHECK(limiter.take("a"));
  CHECK(limiter.take("a"));
  CHECK_FALSE(limiter.take("a"));
  CHECK(limiter.take("b"));
}

TEST_CASE("a flood of new keys evicts the least recently seen, not a lockout under way",
          "[rate_limiter]") {
  std::int64_t now = 1000;
  RateLimiter limiter(1, 3600, 100, [&now] { return now; });
  // Keys seen before the lockout began.
  for (int i = 0; i < 50; ++i) limiter.take("early-" + std::to_string(i));
  ++now;
  REQUIRE(limiter.take("locked-out"));
  // The attacker keeps failing, so the lockout is renewed while made-up keys pour in.
  int freed_at = -1;
  for (int i = 0; i < 1000; ++i) {
    ++now;
    limiter.take("made-up-" + std::to_string(i));
    if (i % 20 == 0) limiter.count("locked-out");
    if (freed_at < 0 && limiter.allows("locked-out")) freed_at = i;
  }
  CHECK(freed_at == -1);
  CHECK(limiter.allows("early-0"));  // the oldest went first
  CHECK_FALSE(limiter.allows("made-up-999"));
}

TEST_CASE("a new limit applies at once to the events already counted", "[rate_limiter]") {
  RateLimiter limiter(3, 3600);
  CHECK(limiter.take("a"));
  CHECK(limiter.take("a"));
  limiter.set_max_events(2);
  CHECK_FALSE(limiter.take("a"));
  limiter.set_max_events(4);
  CHECK(limiter.take("a"));
  CHECK(limiter.take("a"));
  CHECK_FALSE(limiter.take("a"));
}
