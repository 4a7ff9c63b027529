// What requests read while a reload (SIGHUP) may replace it: each reader takes the current
// value and keeps it alive for as long as it uses it.
#pragma once

#include <memory>
#include <mutex>

#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

template <typename Value>
class Live {
 public:
  explicit Live(std::shared_ptr<const Value> initial) : current_(std::move(initial)) {}
  explicit Live(Value initial) : Live(std::make_shared<const Value>(std::move(initial))) {}

  std::shared_ptr<const Value> get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return current_;
  }

  void replace(std::shared_ptr<const Value> next) {
    std::lock_guard<std::mutex> lock(mutex_);
    current_.swap(next);  // the old value is freed outside the lock, by its last reader
  }
  void replace(Value next) { replace(std::make_shared<const Value>(std::move(next))); }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Value> current_;
};

using LiveSettings = Live<ServerConfig>;

}  // namespace agora::searchd
