// git/work_tree_state.h: the commit and dirty flag a run record gets, against `git rev-parse` and
// `git status --porcelain --untracked-files=no` as the oracle.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "git/work_tree_state.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::git {
namespace {
using testing::write_file;
namespace fs = std::filesystem;

class WorkTreeStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    write_file(repo_ / "a.txt", "one\n");
    write_file(repo_ / "b.txt", "two\n");
    run({"add", "a.txt", "b.txt"});
    first_ = testing::commit(repo_, "first");
    write_file(repo_ / "a.txt", "three\n");
    run({"commit", "-q", "-am", "second"});
    second_ = testing::rev_parse(repo_, "HEAD");
  }
  std::string run(const std::vector<std::string>& args) { return testing::git(repo_, args); }
  // What git says: is anything tracked modified, staged or deleted?
  bool git_says_dirty() { return !run({"status", "--porcelain", "--untracked-files=no"}).empty(); }

  testing::TempDir dir_{"benchgate-git-state"};
  fs::path repo_ = dir_ / "repo";
  std::string first_, second_;
};

TEST_F(WorkTreeStateTest, NothingOutsideARepositoryOrBeforeTheFirstCommit) {
  EXPECT_EQ(work_tree_state(dir_.path()), std::nullopt);
  const fs::path unborn = dir_ / "unborn";
  testing::init_repo(unborn);
  EXPECT_EQ(work_tree_state(unborn), std::nullopt);
}

TEST_F(WorkTreeStateTest, ACleanTreeIsHeadAndNotDirty) {
  auto state = work_tree_state(repo_);
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->commit, second_);
  EXPECT_FALSE(state->dirty);
  EXPECT_FALSE(git_says_dirty());
  fs::create_directories(repo_ / "sub");
  EXPECT_EQ(work_tree_state(repo_ / "sub")->commit, second_) << "found from a subdirectory";
}

TEST_F(WorkTreeStateTest, UntrackedFilesDoNotMakeItDirty) {
  write_file(repo_ / "untracked.txt", "x\n");
  EXPECT_FALSE(work_tree_state(repo_)->dirty);
  EXPECT_FALSE(git_says_dirty());
}

TEST_F(WorkTreeStateTest, ModifiedStagedOrDeletedTrackedFilesMakeItDirty) {
  write_file(repo_ / "a.txt", "changed\n");
  EXPECT_TRUE(work_tree_state(repo_)->dirty);
  EXPECT_TRUE(git_says_dirty());
  run({"checkout", "--", "a.txt"});
  EXPECT_FALSE(work_tree_state(repo_)->dirty) << "restored";

  write_file(repo_ / "new.txt", "staged\n");
  run({"add", "new.txt"});
  EXPECT_TRUE(work_tree_state(repo_)->dirty) << "a staged new file is a tracked change";
  EXPECT_TRUE(git_says_dirty());
  run({"reset", "-q", "new.txt"});
  EXPECT_FALSE(work_tree_state(repo_)->dirty);

  fs::remove(repo_ / "b.txt");
  EXPECT_TRUE(work_tree_state(repo_)->dirty);
  EXPECT_TRUE(git_says_dirty());
}

TEST_F(WorkTreeStateTest, ADetachedHeadIsTheCheckedOutCommit) {
  run({"checkout", "-q", "--detach", first_});
  auto state = work_tree_state(repo_);
  ASSERT_TRUE(state.has_value());
  EXPECT_EQ(state->commit, first_);
  EXPECT_EQ(state->commit, testing::rev_parse(repo_, "HEAD"));
  EXPECT_FALSE(state->dirty);
  write_file(repo_ / "a.txt", "edited while detached\n");
  EXPECT_TRUE(work_tree_state(repo_)->dirty);
}

}  // namespace
}  // namespace benchgate::git
