// The settings that requests read while a reload (SIGHUP) may replace them: each reader
// takes the current set and keeps it alive for as long as it uses it.
#pragma once

#include <memory>
#include <mutex>

#include "agora/searchd/server_config.hpp"

namespace agora::searchd {

class LiveSettings {
 public:
  explicit LiveSettings(ServerConfig initial)
      : current_(std::make_shared<const ServerConfig>(std::move(initial))) {}

  std::shared_ptr<const ServerConfig> get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return current_;
  }

  void replace(ServerConfig next) {
    auto fresh = std::make_shared<const ServerConfig>(std::move(next));
    std::lock_guard<std::mutex> lock(mutex_);
    current_.swap(fresh);  // the old set is freed outside the lock, by its last reader
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const ServerConfig> current_;
};

}  // namespace agora::searchd
