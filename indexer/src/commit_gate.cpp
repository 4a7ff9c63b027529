#include "commit_gate.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace agora::index {

namespace {

// Inside the index folder, so that it needs no more permission than the index. Opened anew
// each time: compaction swaps the folder, and the lock follows the folder in use.
constexpr const char* kLockFile = "agora-commit.lock";

}  // namespace

CommitGate::CommitGate(const std::filesystem::path& directory, Mode mode) {
  const std::string path = (directory / kLockFile).string();
  // flock needs no write permission: a lock file that another user made (agora-index run
  // as root in the service's folder) still takes turns when it can only be read. Made
  // readable by all, so that it can be.
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
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
