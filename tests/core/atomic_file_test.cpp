#include "core/atomic_file.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace benchgate
