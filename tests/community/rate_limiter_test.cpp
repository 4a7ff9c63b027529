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

TEST_CASE("a flood of new keys evicts the oldest, not a lockout under way", "[rate_limiter]") {
  RateLimiter limiter(1, 3600, 100);
  REQUIRE(limiter.take("locked-out"));
  REQUIRE_FALSE(limiter.allows("locked-out"));
  // Made-up keys, each newer than the lockout: the limiter never forgets everything at once.
  int refused_at = -1;
  for (int i = 0; i < 1000; ++i) {
    limiter.take("made-up-" + std::to_string(i));
    if (limiter.allows("locked-out") && refused_at < 0) refused_at = i;
  }
  // The lockout is the oldest key, so it does go at some point, but only after more than
  // max_keys newer keys came; the newest keys are still counted.
  CHECK(refused_at >= 100);
  CHECK_FALSE(limiter.allows("made-up-999"));
  CHECK_FALSE(limiter.allows("made-up-990"));
}
