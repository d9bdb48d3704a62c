#pragma once
// A commit's files checked out into a fresh temporary directory, removed when the object goes
// away: the interleaved gate builds the base commit there (docs/interleaved.md, "The gate").
//
// The user's repository is only read. The files are written with libgit2's checkout of the
// commit's tree into a *target directory*, with the index left alone, instead of a linked
// `git worktree add`: that would write .git/worktrees/<name> and a branch into the user's
// repository, and a job killed with SIGKILL would leave both behind (to be pruned by hand). Here
// an interrupted job can leave at most a directory under $TMPDIR.
//
// What that costs: the directory is not a git work tree (no .git), so a build that runs
// `git describe` there fails; submodules are not checked out (their directories stay empty:
// `has_submodules()` tells); Git LFS files stay pointer files (no smudge filters run).
#include <filesystem>
#include <optional>
#include <string>

namespace benchgate::git {

class TemporaryWorktree {
 public:
  // Checks `commit` of the repository containing `repo` out into
  // $TMPDIR/benchgate-base-XXXXXX/<name of the repository's directory>. EnvironmentError when it
  // cannot (the partial directory is removed first); InputError for a revision that is no commit.
  TemporaryWorktree(const std::filesystem::path& repo, const std::string& commit);
  // Removes the directory and everything in it (builds included). Never throws.
  ~TemporaryWorktree();
  TemporaryWorktree(const TemporaryWorktree&) = delete;
  TemporaryWorktree& operator=(const TemporaryWorktree&) = delete;

  // The checked-out tree.
  const std::filesystem::path& path() const { return path_; }
  // The directory removed at the end (the parent of path()).
  const std::filesystem::path& temporary_directory() const { return temporary_; }
  // The repository's own work tree (symbolic links resolved).
  const std::filesystem::path& repository_root() const { return root_; }
  const std::string& commit() const { return commit_; }
  // The commit's tree has a .gitmodules file: its submodules are not checked out.
  bool has_submodules() const { return has_submodules_; }

  // Where `inside_repository` (a path in the repository's work tree) lies in the checked-out
  // tree; nothing when the path is outside the repository.
  std::optional<std::filesystem::path> map(const std::filesystem::path& inside_repository) const;

 private:
  std::filesystem::path temporary_, path_, root_;
  std::string commit_;
  bool has_submodules_ = false;
};

}  // namespace benchgate::git
