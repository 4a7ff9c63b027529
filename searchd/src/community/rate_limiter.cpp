// Sliding-window counting for sign-in failures, registrations and anonymous requests.
#include "agora/community/rate_limiter.hpp"

#include "agora/community/secrets.hpp"

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
  if (events_.size() > max_keys_) events_.clear();  // a flood of fresh keys: start afresh
  events_[key].push_back(now);
}

bool RateLimiter::allows(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  return allows_locked(key, now_seconds());
}

void RateLimiter::count(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  count_locked(key, now_seconds());
}

bool RateLimiter::take(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::int64_t now = now_seconds();
  if (!allows_locked(key, now)) return false;
  count_locked(key, now);
  return true;
}

}  // namespace agora::community
