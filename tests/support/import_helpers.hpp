// Running one reader over one file and collecting what it found.
#pragma once

#include <vector>

#include "agora/index/importer.hpp"
#include "temp_files.hpp"

namespace agora::test {

/// Writes `content` as `name` in `dir` and reads it with the reader for its extension.
inline std::vector<index::ImportItem> read_items(const TempDir& dir, const std::string& name,
                                                 const std::string& content,
                                                 const index::ReadOptions& options = {},
                                                 std::optional<std::string> path_language = {}) {
  const auto path = dir.write(name, content);
  const index::FormatReader* reader = index::reader_for(path.extension().string());
  std::vector<index::ImportItem> items;
  const std::string id = name.substr(0, name.rfind('.'));
  reader->read({path, name, name, id, std::move(path_language), std::nullopt}, options,
               [&](index::ImportItem&& item) { items.push_back(std::move(item)); });
  return items;
}

}  // namespace agora::test
