// git::TemporaryWorktree: a commit's files in a temporary directory (what the interleaved gate
// builds the base in), with the user's repository left exactly as it was. The oracle is the git
// CLI: `git show` for contents, `git status` for the repository's state.
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "git/temporary_worktree.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::git {
namespace {
using testing::git;
using testing::read_file;
using testing::write_file;
namespace fs = std::filesystem;

// Points TMPDIR at a directory of the test for its lifetime, so leftovers can be seen.
class ScopedTmpdir {
 public:
  explicit ScopedTmpdir(const fs::path& dir) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    fs::create_directories(dir);
    setenv("TMPDIR", dir.c_str(), 1);
  }
  ~ScopedTmpdir() {
    if (old_.empty())
      unsetenv("TMPDIR");
    else
      setenv("TMPDIR", old_.c_str(), 1);
  }

 private:
  std::string old_;
};

class TemporaryWorktreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repo(repo_);
    write_file(repo_ / "a.txt", "first\n");
    fs::create_directories(repo_ / "src" / "deep");
    write_file(repo_ / "src" / "deep" / "b.txt", "bee\n");
    write_file(repo_ / "run.sh", "#!/bin/sh\necho hi\n");
    fs::permissions(repo_ / "run.sh", fs::perms::owner_exec, fs::perm_options::add);
    fs::create_symlink("a.txt", repo_ / "link");
    git(repo_, {"add", "-A"});
    first_ = testing::commit(repo_, "first");
    // A later commit, then uncommitted work: staged and unstaged changes, an untracked file.
    write_file(repo_ / "a.txt", "second\n");
    git(repo_, {"rm", "-q", "src/deep/b.txt"});
    git(repo_, {"add", "-A"});
    testing::commit(repo_, "second");
    write_file(repo_ / "a.txt", "unstaged edit\n");
    write_file(repo_ / "staged.txt", "staged\n");
    git(repo_, {"add", "staged.txt"});
    write_file(repo_ / "untracked.txt", "untracked\n");
  }

  std::vector<std::string> leftovers() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp_))
      names.push_back(entry.path().filename().string());
    return names;
  }

  testing::TempDir dir_{"benchgate-worktree"};
  fs::path repo_ = dir_ / "project";
  fs::path tmp_ = dir_ / "tmp";
  ScopedTmpdir scoped_{tmp_};
  std::string first_;
};

TEST_F(TemporaryWorktreeTest, HoldsExactlyTheCommitsFilesAndLeavesTheRepositoryAlone) {
  const std::string status_before = git(repo_, {"status", "--porcelain"});
  const std::string index_before = git(repo_, {"ls-files", "--stage"});
  fs::path temporary, path;
  {
    TemporaryWorktree tree(repo_, first_.substr(0, 10));
    temporary = tree.temporary_directory();
    path = tree.path();
    EXPECT_EQ(tree.commit(), first_);
    EXPECT_EQ(path.filename(), "project") << "named like the repository's directory";
    EXPECT_EQ(path.parent_path(), temporary);
    EXPECT_EQ(temporary.parent_path(), fs::canonical(tmp_));
    EXPECT_EQ(read_file(path / "a.txt"), git(repo_, {"show", first_ + ":a.txt"}) + "\n");
    EXPECT_EQ(read_file(path / "src" / "deep" / "b.txt"), "bee\n");
    EXPECT_TRUE(fs::is_symlink(path / "link"));
    EXPECT_EQ(fs::read_symlink(path / "link"), "a.txt");
    EXPECT_NE(fs::status(path / "run.sh").permissions() & fs::perms::owner_exec, fs::perms::none);
    EXPECT_FALSE(fs::exists(path / "staged.txt"));
    EXPECT_FALSE(fs::exists(path / "untracked.txt"));
    EXPECT_FALSE(fs::exists(path / ".git")) << "not a git work tree";
    EXPECT_FALSE(tree.has_submodules());
    // Every file of the commit, and nothing else.
    std::vector<std::string> listed;
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (!entry.is_directory() || entry.is_symlink())
        listed.push_back(entry.path().lexically_relative(path).string());
    std::sort(listed.begin(), listed.end());
    EXPECT_EQ(listed, (std::vector<std::string>{"a.txt", "link", "run.sh", "src/deep/b.txt"}));

    EXPECT_EQ(git(repo_, {"status", "--porcelain"}), status_before);
    EXPECT_EQ(git(repo_, {"ls-files", "--stage"}), index_before);
    EXPECT_EQ(git(repo_, {"worktree", "list"}).find('\n'), std::string::npos);
  }
  EXPECT_FALSE(fs::exists(temporary)) << "removed with the object";
  EXPECT_TRUE(leftovers().empty());
  EXPECT_EQ(read_file(repo_ / "a.txt"), "unstaged edit\n");
}

TEST_F(TemporaryWorktreeTest, MapsPathsOfTheRepositoryIntoTheTree) {
  TemporaryWorktree tree(repo_, first_);
  const fs::path root = fs::canonical(repo_);
  EXPECT_EQ(tree.repository_root(), root);
  EXPECT_EQ(tree.map(root / "build" / "bench"), tree.path() / "build" / "bench");
  EXPECT_EQ(tree.map(root), tree.path());
  EXPECT_EQ(tree.map(root / "src" / ".." / "a.txt"), tree.path() / "a.txt");
  EXPECT_EQ(tree.map(dir_ / "elsewhere" / "bench"), std::nullopt);
  EXPECT_EQ(tree.map(root.parent_path() / "project2" / "x"), std::nullopt)
      << "a sibling whose name starts like the repository's is outside";
  EXPECT_EQ(tree.map("build/bench"), std::nullopt) << "relative paths are left alone";
  // Reached through a symbolic link to the repository: still inside.
  fs::create_directory_symlink(root, dir_ / "alias");
  EXPECT_EQ(tree.map(dir_ / "alias" / "build" / "bench"), tree.path() / "build" / "bench");
  // A symlinked program keeps its own name: the tree's build makes the same link.
  EXPECT_EQ(tree.map(root / "link"), tree.path() / "link");
}

TEST_F(TemporaryWorktreeTest, SaysWhenSubmodulesAreNotCheckedOut) {
  write_file(repo_ / ".gitmodules", "[submodule \"lib\"]\n\tpath = lib\n\turl = ../lib\n");
  git(repo_, {"add", ".gitmodules"});
  const std::string with_modules = testing::commit(repo_, "modules");
  EXPECT_TRUE(TemporaryWorktree(repo_, with_modules).has_submodules());
  EXPECT_FALSE(TemporaryWorktree(repo_, first_).has_submodules());
}

TEST_F(TemporaryWorktreeTest, ABadRevisionIsAnInputErrorAndLeavesNothing) {
  EXPECT_THROW(TemporaryWorktree(repo_, "no-such-branch"), InputError);
  EXPECT_THROW(TemporaryWorktree(dir_ / "not-a-repo-at-all", first_), InputError);
  EXPECT_TRUE(leftovers().empty());
}

}  // namespace
}  // namespace benchgate::git
