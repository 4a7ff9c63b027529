// Which index schema versions this build reads, and what to tell someone whose index is
// older: readers and the writer refuse it with the same commands that rebuild it.
#pragma once

#include <filesystem>
#include <string>

#include <xapian.h>

namespace agora::index {

/// Throws agora::CorruptIndex, naming the commands that rebuild the index, when `database`
/// (at `directory`) carries a schema version this build cannot read. An empty index of no
/// version is readable: the writer stamps it on its first commit.
void require_readable_schema(const Xapian::Database& database,
                             const std::filesystem::path& directory);

/// The commands that rebuild the index at `directory` at this build's schema version: the
/// stored records, exported, are added to a new directory (docs/deploy.md, "Upgrades").
std::string rebuild_commands(const std::filesystem::path& directory);

}  // namespace agora::index
