// In-place compaction: Xapian's compactor into a sibling folder, then an atomic swap.
#include "agora/index/compaction.hpp"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>

#include <xapian.h>

#include "agora/error.hpp"

namespace agora::index {

namespace fs = std::filesystem;

void compact_in_place(const fs::path& directory) {
  fs::path sibling = directory;
  sibling += ".compacting";
  fs::remove_all(sibling);  // left by a compaction that was killed
  try {
    // Document ids stay as they are: a reader in the middle of a page keeps its place.
    Xapian::Database(directory.string()).compact(sibling.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& error) {
    fs::remove_all(sibling);
    throw CorruptIndex("index " + directory.string() +
                       " cannot be compacted: " + error.get_description());
  }
  if (renameat2(AT_FDCWD, sibling.c_str(), AT_FDCWD, directory.c_str(), RENAME_EXCHANGE) != 0) {
    const std::string why = std::strerror(errno);
    fs::remove_all(sibling);
    throw InvalidInput("index " + directory.string() + " was compacted but cannot be swapped in (" +
                       why + "); the index is unchanged");
  }
  fs::remove_all(sibling);  // now the old copy
}

bool worth_compacting(std::size_t written, std::size_t documents) {
  // Small runs leave little slack; compacting a big index for them costs more than it saves.
  constexpr std::size_t kMinimumRecords = 1000;
  return written >= kMinimumRecords && written * 4 >= documents;
}

}  // namespace agora::index
