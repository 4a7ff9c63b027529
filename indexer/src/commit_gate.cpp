#include "commit_gate.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

namespace agora::index {

namespace {

// Inside the index folder, so that it needs no more permission than the index. Opened anew
// each time: compaction swaps the folder, and the lock follows the folder in use.
constexpr const char* kLockFile = "agora-commit.lock";

}  // namespace

CommitGate::CommitGate(const std::filesystem::path& directory, Mode mode) {
  fd_ = ::open((directory / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd_ < 0) return;
  const int operation = mode == Mode::backup ? LOCK_EX : LOCK_SH;
  while (::flock(fd_, operation) != 0) {
    if (errno != EINTR) {
      ::close(fd_);
      fd_ = -1;
      return;
    }
  }
}

CommitGate::~CommitGate() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace agora::index
