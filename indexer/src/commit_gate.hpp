// Commits and backups of one index take turns: writers hold the gate shared while they
// commit, a backup holds it exclusively while it copies, so that the revision it reads is
// not recycled under it by a stream of commits (a glass reader loses its revision two
// commits later). Searches never wait for it.
#pragma once

#include <filesystem>

namespace agora::index {

class CommitGate {
 public:
  enum class Mode { commit, backup };
  /// Waits for the gate of the index in `directory`. An index whose folder cannot hold the
  /// lock file (read-only to this user) has no gate: then a backup copies under commits
  /// and retries when they outrun it.
  CommitGate(const std::filesystem::path& directory, Mode mode);
  ~CommitGate();
  CommitGate(const CommitGate&) = delete;
  CommitGate& operator=(const CommitGate&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace agora::index
