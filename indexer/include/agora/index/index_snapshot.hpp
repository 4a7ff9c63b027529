// A consistent copy of a live index, for backups: Xapian's compactor reads one committed
// revision, so writers may go on committing while it runs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace agora::index {

/// What a snapshot holds.
struct IndexSnapshot {
  std::uint32_t documents = 0;
  std::uint32_t revision = 0;  ///< the source's revision that was copied
  std::string schema_version;
};

/// Copies the index at `from` into the new directory `to` (which must not exist), compacted.
/// When writers recycle the blocks being read before the copy is done, it starts again from
/// the newest revision, a few times; throws agora::CorruptIndex when it never gets through,
/// agora::NotFound when there is no index, agora::InvalidInput when `to` exists.
IndexSnapshot snapshot_index(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace agora::index
