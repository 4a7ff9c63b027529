#include "agora/community/state_snapshot.hpp"

#include <sqlite3.h>

#include <string>

#include "agora/community/sqlite.hpp"
#include "agora/error.hpp"

namespace agora::community {

namespace fs = std::filesystem;

namespace {

// The whole of `source` into the database file `target`, in one step: one read
// transaction, so one consistent snapshot however the daemon writes meanwhile.
void copy_database(sqlite3* source, const fs::path& from, const fs::path& target) {
  sqlite::Connection destination(target.string());
  sqlite3_backup* backup = sqlite3_backup_init(destination.handle(), "main", source, "main");
  if (backup == nullptr) {
    throw InternalError("state database " + from.string() +
                        " cannot be copied: " + destination.error_message());
  }
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
    throw InternalError("state database " + from.string() + " cannot be copied to " +
                        target.string() + ": " + destination.error_message());
  }
}

// Opens an existing database without creating one.
sqlite3* open_existing(const fs::path& path, int flags) {
  sqlite3* database = nullptr;
  if (!fs::exists(path) ||
      sqlite3_open_v2(path.c_str(), &database, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    sqlite3_close(database);
    throw NotFound("no state database at " + path.string());
  }
  sqlite3_busy_timeout(database, 5000);  // the daemon may be committing
  return database;
}

int user_version(sqlite3* database) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(database, "PRAGMA user_version", -1, &statement, nullptr);
  const int version = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
  sqlite3_finalize(statement);
  return version;
}

}  // namespace

int snapshot_state(const fs::path& from, const fs::path& to) {
  if (fs::exists(to)) throw InvalidInput(to.string() + " exists already");
  sqlite3* source = open_existing(from, SQLITE_OPEN_READONLY);
  try {
    copy_database(source, from, to);
  } catch (...) {
    sqlite3_close(source);
    fs::remove(to);
    throw;
  }
  const int version = user_version(source);
  sqlite3_close(source);
  return version;
}

void restore_state(const fs::path& from, const fs::path& to) {
  // A write-ahead log left beside `to` belongs to another database and would be replayed
  // into this one.
  for (const char* suffix : {"-wal", "-shm"}) {
    fs::path leftover = to;
    leftover += suffix;
    if (fs::exists(leftover)) {
      throw InvalidInput(leftover.string() + " is left from another state database: move it away");
    }
  }
  fs::path partial = to;
  partial += ".restoring";
  fs::remove(partial);
  sqlite3* source = open_existing(from, SQLITE_OPEN_READONLY);
  try {
    copy_database(source, from, partial);
    sqlite::Connection restored(partial.string());
    restored.execute("DELETE FROM settings WHERE key = 'index_uuid'");
  } catch (...) {
    sqlite3_close(source);
    fs::remove(partial);
    throw;
  }
  sqlite3_close(source);
  fs::rename(partial, to);
}

}  // namespace agora::community
