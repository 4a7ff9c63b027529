// Counts events per key (a username, an address) over a sliding window of time.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "agora/community/secrets.hpp"

namespace agora::community {

/// Allows at most `max_events` per key in any `window_seconds`. Thread-safe. Once more
/// than `max_keys` are tracked, keys whose events have all expired are forgotten, then the
/// least recently seen, so that made-up keys cannot fill memory nor clear a lockout.
class RateLimiter {
 public:
  /// `clock` gives the time in seconds (tests pass their own).
  RateLimiter(std::size_t max_events, std::int64_t window_seconds, std::size_t max_keys = 10000,
              std::function<std::int64_t()> clock = now_seconds)
      : max_events_(max_events),
        window_seconds_(window_seconds),
        max_keys_(max_keys),
        clock_(std::move(clock)) {}

  /// True while `key` has had fewer than max_events events in the window.
  bool allows(const std::string& key);
  /// Records one event for `key`.
  void count(const std::string& key);
  /// allows() then count() in one step: true when the event was allowed (and counted).
  bool take(const std::string& key);
  /// A new limit (a reload of the settings); the events counted so far still count.
  void set_max_events(std::size_t max_events);

 private:
  bool allows_locked(const std::string& key, std::int64_t now);
  void count_locked(const std::string& key, std::int64_t now);
  void evict_oldest_locked();

  std::size_t max_events_;
  std::int64_t window_seconds_;
  std::size_t max_keys_;
  std::function<std::int64_t()> clock_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::int64_t>> events_;
};

}  // namespace agora::community
