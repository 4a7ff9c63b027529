// Backups of the state database: SQLite's online backup API copies one consistent
// snapshot while the daemon goes on writing.
#pragma once

#include <filesystem>

namespace agora::community {

/// Copies the state database at `from` into the new file `to`; returns its schema version
/// (PRAGMA user_version). Throws agora::NotFound when there is no database at `from`
/// (none is created), agora::InvalidInput when `to` exists.
int snapshot_state(const std::filesystem::path& from, const std::filesystem::path& to);

/// Makes the backup at `from` the state database at `to`, replacing (never merging with) what
/// is there, including its write-ahead log. The restored database forgets which index it
/// last saw, so that the daemon writes every published resource into the index again at
/// start-up: the index backup may be a little older than the state's (index_sync.hpp).
/// The caller has moved the old database aside, or there was none.
void restore_state(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace agora::community
