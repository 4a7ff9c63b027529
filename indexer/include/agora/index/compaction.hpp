// Rewriting an index into full B-tree blocks, in place.
#pragma once

#include <filesystem>

namespace agora::index {

/// Compacts the index at `directory` into a sibling folder and swaps the two folders in one
/// step (renameat2 RENAME_EXCHANGE), so that a reader opening `directory` finds either the
/// old index or the compacted one, never none. The caller holds the index's write lock (an
/// open IndexWriter), so that no commit lands in the copy being replaced; the old copy is
/// removed (open handles on it keep working until closed). Throws agora::InvalidInput
/// when the swap is impossible, leaving the index as it was.
void compact_in_place(const std::filesystem::path& directory);

/// Whether a run that wrote `written` records into an index now holding `documents` left
/// it worth compacting: incremental commits leave B-tree blocks about half full.
bool worth_compacting(std::size_t written, std::size_t documents);

}  // namespace agora::index
