#include "git/repository.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "git/libgit2/handles.h"

namespace benchgate::git {

void Repository::Free::operator()(git_repository* repo) const {
  git_repository_free(repo);
}

Repository Repository::open(const std::filesystem::path& path, bool discover) {
  ensure_libgit2();
  git_repository* repo = nullptr;
  unsigned flags = discover ? 0 : GIT_REPOSITORY_OPEN_NO_SEARCH;
  if (git_repository_open_ext(&repo, path.c_str(), flags, nullptr) < 0)
    throw InputError(fmt::format("{}: not inside a git repository ({}); pass --repo DIR",
                                 path.string(), last_git_error()));
  return Repository(repo);
}

std::optional<Repository> Repository::find(const std::filesystem::path& path) {
  ensure_libgit2();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, path.c_str(), 0, nullptr) < 0) {
    git_error_clear();
    return std::nullopt;
  }
  return Repository(repo);
}

std::optional<std::filesystem::path> Repository::workdir() const {
  const char* workdir = git_repository_workdir(handle());
  if (!workdir) return std::nullopt;
  return std::filesystem::path(workdir);
}

std::filesystem::path Repository::git_dir() const {
  return git_repository_path(handle());
}

std::filesystem::path Repository::common_dir() const {
  return git_repository_commondir(handle());
}

}  // namespace benchgate::git
