#include "core/atomic_file.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>

#include "core/errors.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {

TEST(AtomicFile, ReplacesContentAndLeavesNoLock) {
  testing::TempDir dir;
  write_file_atomically(dir / "f", "old");
  write_file_atomically(dir / "f", "new");
  EXPECT_EQ(testing::read_file(dir / "f"), "new");
  EXPECT_FALSE(std::filesystem::exists(dir / "f.lock"));
}

// Concurrent writers of one file: every reader sees a whole version, and all writers succeed.
TEST(AtomicFile, ConcurrentWritersAllSucceedAndFileIsWhole) {
  testing::TempDir dir;
  const int writers = 4;
  std::vector<pid_t> children;
  for (int w = 0; w < writers; ++w) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::string content(100000, static_cast<char>('a' + w));
      for (int i = 0; i < 20; ++i) write_file_atomically(dir / "f", content);
      _exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::string content = testing::read_file(dir / "f");
  ASSERT_EQ(content.size(), 100000u);
  EXPECT_EQ(content.find_first_not_of(content[0]), std::string::npos) << "interleaved writes";
}

// A forked writer that takes the lock of `path`, says so on a pipe, and waits to be killed.
class LockHolder {
 public:
  explicit LockHolder(const std::filesystem::path& path) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      AtomicFileLock lock(path);
      (void)!write(fds[1], "held", 4);
      for (;;) pause();
    }
    close(fds[1]);
    char ready[4];
    const bool held = read(fds[0], ready, sizeof ready) == 4;
    close(fds[0]);
    if (!held) throw std::runtime_error("the holder did not take the lock");
  }
  ~LockHolder() { kill_now(); }
  void kill_now() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
};

// A writer killed while holding the lock leaves `.lock` behind; the next writer proves it dead
// (nobody holds its flock) and goes on at once, however young the lock is.
TEST(AtomicFile, ALockLeftByAKilledWriterIsRemovedAtOnce) {
  testing::TempDir dir;
  write_file_atomically(dir / "f", "old");
  LockHolder holder(dir / "f");
  holder.kill_now();
  ASSERT_TRUE(std::filesystem::exists(dir / "f.lock"));
  const auto start = std::chrono::steady_clock::now();
  write_file_atomically(dir / "f", "new");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ(testing::read_file(dir / "f"), "new");
  EXPECT_FALSE(std::filesystem::exists(dir / "f.lock"));
}

// A live holder's lock is never removed, however old: the writer waits, then fails naming it.
TEST(AtomicFile, ALiveWritersLockIsNeverTakenAndTheWaitIsBounded) {
  testing::TempDir dir;
  write_file_atomically(dir / "f", "old");
  LockHolder holder(dir / "f");
  try {
    AtomicFileLock(dir / "f", std::chrono::milliseconds(300));
    ADD_FAILURE() << "the lock was taken from a live writer";
  } catch (const EnvironmentError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr((dir / "f.lock").string() +
                                               ": held by a running process for more than 0.3 s"));
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "f.lock"));
  EXPECT_EQ(testing::read_file(dir / "f"), "old");
  holder.kill_now();
  write_file_atomically(dir / "f", "new");
  EXPECT_EQ(testing::read_file(dir / "f"), "new");
}

// A failed write leaves no lock and no private lock file behind.
TEST(AtomicFile, AnAbandonedLockLeavesNothingBehind) {
  testing::TempDir dir;
  { AtomicFileLock lock(dir / "f"); }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace benchgate
