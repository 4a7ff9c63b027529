// The collaboration state: one SQLite database in WAL mode next to the index.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>

#include "agora/community/sqlite.hpp"

namespace agora::community {

/// "data/index" → "data/index.state.sqlite": where the state lives unless --state says.
std::string default_state_path(const std::string& index_directory);

/// The database with its schema, shared by the threads of one process. Every call runs
/// under one lock; writes commit with synchronous=FULL before they return, so an answer
/// sent after a write never announces something a crash could lose.
class StateDatabase {
 public:
  /// Opens or creates the database and brings its schema up to date.
  explicit StateDatabase(const std::filesystem::path& path);

  /// Runs `work(connection)` alone, without a transaction (reads).
  template <typename Work>
  auto read(Work&& work) {
    std::lock_guard<std::mutex> lock(mutex_);
    return work(connection_);
  }

  /// Runs `work(connection)` alone in one transaction, committed when it returns normally.
  template <typename Work>
  auto write(Work&& work) {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite::Transaction transaction(connection_);
    if constexpr (std::is_void_v<decltype(work(connection_))>) {
      work(connection_);
      transaction.commit();
    } else {
      auto result = work(connection_);
      transaction.commit();
      return result;
    }
  }

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
  sqlite::Connection connection_;
};

}  // namespace agora::community
