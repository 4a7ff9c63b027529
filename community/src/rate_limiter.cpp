// Sliding-window counting for sign-in failures, registrations and anonymous requests.
#include "agora/community/rate_limiter.hpp"

#include "agora/community/secrets.hpp"

#include <algorithm>
#include <vector>

namespace agora::community {

bool RateLimiter::allows_locked(const std::string& key, std::int64_t now) {
  const auto found = events_.find(key);
  if (found == events_.end()) return true;
  auto& times = found->second;
  while (!times.empty() && times.front() <= now - window_seconds_) times.pop_front();
  if (times.empty()) {
    events_.erase(found);
    return true;
  }
  return times.size() < max_events_;
}

void RateLimiter::count_locked(const std::string& key, std::int64_t now) {
  if (events_.size() > max_keys_) {
    std::erase_if(events_, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() <= now - window_seconds_;
    });
  }
  if (events_.size() > max_keys_ && !events_.count(key)) evict_oldest_locked();
  events_[key].push_back(now);
}

void RateLimiter::evict_oldest_locked() {
  // A flood of fresh keys: the tenth least recently seen go, so that a key that is still
  // counting (a sign-in lockout under way) outlives the made-up ones that came after it.
  std::vector<std::pair<std::int64_t, const std::string*>> by_age;
  by_age.reserve(events_.size());
  for (const auto& [key, times] : events_) by_age.emplace_back(times.back(), &key);
  const std::size_t evicted = std::max<std::size_t>(1, by_age.size() / 10);
  std::nth_element(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(evicted - 1),
                   by_age.end());
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < evicted; ++i) keys.push_back(*by_age[i].second);
  for (const std::string& key : keys) events_.erase(key);
}

bool RateLimiter::allows(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  return allows_locked(key, clock_());
}

void RateLimiter::count(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  count_locked(key, clock_());
}

bool RateLimiter::take(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::int64_t now = clock_();
  if (!allows_locked(key, now)) return false;
  count_locked(key, now);
  return true;
}

void RateLimiter::set_max_events(std::size_t max_events) {
  std::lock_guard<std::mutex> lock(mutex_);
  max_events_ = max_events;
}

}  // namespace agora::community
