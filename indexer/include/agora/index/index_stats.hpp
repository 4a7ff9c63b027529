// Counts of what an index holds, for `agora-index stats` and the search API.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

namespace agora::index {

struct IndexStats {
  Xapian::doccount documents = 0;
  Xapian::doccount detected_language = 0;  ///< documents whose language was detected
  std::uintmax_t size_bytes = 0;
  Xapian::doccount works = 0;  ///< translation groups; a record alone is a work too
  /// Works by how many languages their versions are in: one, two, three or more.
  std::array<Xapian::doccount, 3> works_by_languages{};
  std::map<std::string, Xapian::doccount> languages;
  std::map<std::string, Xapian::doccount> types;
  std::map<std::string, Xapian::doccount> licenses;
  std::map<std::string, Xapian::doccount> levels;
  std::map<std::string, Xapian::doccount> subjects;
  std::map<std::string, Xapian::doccount> collections;
};

/// The counts as JSON (snake_case keys), as `agora-index stats --json` and /api/stats give them.
nlohmann::json stats_to_json(const IndexStats& stats);

/// Bytes used by the index files in `directory`.
std::uintmax_t index_size_bytes(const std::filesystem::path& directory);

/// Reads the counts from an open index.
IndexStats read_stats(const Xapian::Database& database);

/// Opens the index at `directory` read-only and reads its counts (and size on disk).
/// Throws agora::NotFound when there is no index there.
IndexStats read_stats(const std::filesystem::path& directory);

}  // namespace agora::index
