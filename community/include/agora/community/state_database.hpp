// The collaboration state: one SQLite database in WAL mode next to the index.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "agora/community/sqlite.hpp"

namespace agora::community {

/// "data/index" → "data/index.state.sqlite": where the state lives unless --state says.
std::string default_state_path(const std::string& index_directory);

/// The database with its schema, shared by the threads of one process. Writes take turns
/// on one connection and commit with synchronous=FULL before they return, so an answer
/// sent after a write never announces something a crash could lose. Reads run at the same
/// time as each other and as a write, each on a read-only connection of its own (WAL gives
/// each one the last committed state).
class StateDatabase {
 public:
  /// Opens or creates the database and brings its schema up to date.
  explicit StateDatabase(const std::filesystem::path& path);

  /// Runs `work(connection)` on a read-only connection, without a transaction.
  template <typename Work>
  auto read(Work&& work) {
    Reader reader(*this);
    return work(*reader.connection);
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
  /// A read connection borrowed from the idle ones (or opened) and given back on leaving.
  struct Reader {
    explicit Reader(StateDatabase& database);
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    StateDatabase& database;
    std::unique_ptr<sqlite::Connection> connection;
  };

  std::filesystem::path path_;
  std::mutex mutex_;  ///< one writer at a time
  sqlite::Connection connection_;
  std::mutex readers_mutex_;
  /// At most one per thread that ever read at once: the server's workers, the index sync.
  std::vector<std::unique_ptr<sqlite::Connection>> idle_readers_;
};

}  // namespace agora::community
