// git/hooks_dir.h: where `benchgate hook install` writes, checked against `git rev-parse
// --git-path hooks` and core.hooksPath as git documents them (githooks(5)).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "git/hooks_dir.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::git {
namespace {
namespace fs = std::filesystem;

class HooksDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    testing::commit(repo_, "one");
  }
  // What git itself uses, made absolute and canonical (the repository may sit behind a symlink).
  fs::path git_hooks_path(const fs::path& dir) {
    fs::path path = testing::git(dir, {"rev-parse", "--git-path", "hooks"});
    if (path.is_relative()) path = dir / path;
    return fs::weakly_canonical(path);
  }
  testing::TempDir dir_{"benchgate-git-hooks"};
  fs::path repo_ = dir_ / "repo";
};

TEST_F(HooksDirTest, DefaultIsTheHooksFolderOfTheGitDirectory) {
  const HooksLocation location = hooks_location(repo_);
  EXPECT_FALSE(location.from_hooks_path);
  EXPECT_TRUE(location.directory.is_absolute());
  EXPECT_EQ(fs::weakly_canonical(location.directory), git_hooks_path(repo_));
  EXPECT_EQ(location.directory.filename(), "hooks") << "no trailing separator";
  fs::create_directories(repo_ / "src");
  EXPECT_EQ(hooks_location(repo_ / "src").directory, location.directory) << "found from below";
}

TEST_F(HooksDirTest, ALinkedWorktreeSharesTheMainRepositorysHooks) {
  const fs::path linked = dir_ / "linked";
  testing::git(repo_, {"worktree", "add", "-q", "-b", "other", linked.string()});
  EXPECT_EQ(fs::weakly_canonical(hooks_location(linked).directory), git_hooks_path(repo_));
  EXPECT_EQ(fs::weakly_canonical(hooks_location(linked).directory), git_hooks_path(linked));
}

TEST_F(HooksDirTest, ARelativeCoreHooksPathIsTakenFromTheTopOfTheWorkTree) {
  testing::git(repo_, {"config", "core.hooksPath", "tools/hooks/"});
  fs::create_directories(repo_ / "deep" / "er");
  const HooksLocation location = hooks_location(repo_ / "deep" / "er");
  EXPECT_TRUE(location.from_hooks_path);
  EXPECT_EQ(fs::weakly_canonical(location.directory), fs::weakly_canonical(repo_ / "tools/hooks"));
  EXPECT_EQ(location.directory.filename(), "hooks");
}

TEST_F(HooksDirTest, AnAbsoluteCoreHooksPathIsUsedAsIs) {
  const fs::path shared = dir_ / "shared-hooks";
  testing::git(repo_, {"config", "core.hooksPath", shared.string()});
  const HooksLocation location = hooks_location(repo_);
  EXPECT_TRUE(location.from_hooks_path);
  EXPECT_EQ(location.directory, shared);
}

TEST_F(HooksDirTest, OutsideARepositoryIsAnInputError) {
  EXPECT_THROW(hooks_location(dir_ / "nowhere"), InputError);
}

}  // namespace
}  // namespace benchgate::git
