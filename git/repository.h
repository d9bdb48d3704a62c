#pragma once
// An open git repository (RAII over libgit2's handle). The only libgit2 type git/'s public headers
// mention is this forward-declared handle, so libgit2 does not leak into the modules that use git/.
#include <filesystem>
#include <memory>
#include <optional>

struct git_repository;

namespace benchgate::git {

class Repository {
 public:
  // The repository at `path`, or the one containing it when `discover` (like `git -C`).
  // InputError when there is none.
  static Repository open(const std::filesystem::path& path, bool discover = true);
  // The repository containing `path`, or nothing when `path` is in no repository.
  static std::optional<Repository> find(const std::filesystem::path& path);

  Repository(Repository&&) noexcept = default;
  Repository& operator=(Repository&&) noexcept = default;
  ~Repository() = default;

  // The top of the work tree as libgit2 gives it (with a trailing '/'); nothing when bare.
  std::optional<std::filesystem::path> workdir() const;
  // The .git directory (of this worktree, for a linked worktree).
  std::filesystem::path git_dir() const;
  // The git directory shared by all worktrees: where refs and objects live.
  std::filesystem::path common_dir() const;

  // The libgit2 handle, for the sources of git/ only.
  git_repository* handle() const { return repo_.get(); }

 private:
  struct Free {
    void operator()(git_repository* repo) const;
  };
  explicit Repository(git_repository* repo) : repo_(repo) {}
  std::unique_ptr<git_repository, Free> repo_;
};

}  // namespace benchgate::git
