// Commits and backups take turns through the lock file in the index folder.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "commit_gate.hpp"
#include "temp_files.hpp"

using agora::index::CommitGate;

namespace {

// Whether a commit gate can be had while `holder` is held: a thread tries, and is given a
// moment (long enough to take a free lock many times over) before the holder lets go.
bool commit_waits_for(std::unique_ptr<CommitGate> holder, const std::filesystem::path& folder) {
  std::atomic<bool> passed{false};
  std::thread committer([&] {
    const CommitGate commit(folder, CommitGate::Mode::commit);
    passed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const bool waited = !passed;
  holder.reset();
  committer.join();
  CHECK(passed);  // released, the commit goes ahead
  return waited;
}

}  // namespace

TEST_CASE("a commit waits while a backup holds the gate, not while another commit does",
          "[commit_gate]") {
  agora::test::TempDir folder;
  CHECK(commit_waits_for(std::make_unique<CommitGate>(folder.path(), CommitGate::Mode::backup),
                         folder.path()));
  CHECK_FALSE(commit_waits_for(
      std::make_unique<CommitGate>(folder.path(), CommitGate::Mode::commit), folder.path()));
}

TEST_CASE("the lock file is readable by all, so that another user's commits can take turns",
          "[commit_gate]") {
  agora::test::TempDir folder;
  { const CommitGate commit(folder.path(), CommitGate::Mode::commit); }
  struct stat status {};
  REQUIRE(::stat((folder.path() / "agora-commit.lock").c_str(), &status) == 0);
  CHECK((status.st_mode & S_IROTH) != 0);
}
