#include "git/hooks_dir.h"

#include <fmt/format.h>

#include "git/libgit2/handles.h"
#include "git/repository.h"

namespace benchgate::git {
namespace {

// git_buf owns its memory; this copies it out and frees it on every path.
struct OwnedBuf {
  git_buf buf = GIT_BUF_INIT;
  ~OwnedBuf() { git_buf_dispose(&buf); }
  std::string str() const { return buf.ptr ? std::string(buf.ptr, buf.size) : std::string(); }
};

// Hooks run in the top of the work tree (or in the git directory of a bare repository); a
// relative core.hooksPath is taken from there (githooks(5)).
std::filesystem::path hooks_run_directory(const Repository& repo) {
  return repo.workdir().value_or(repo.git_dir());
}

// "a/b/" and "a/b" name the same directory; keep the form without the trailing separator.
std::filesystem::path tidy(const std::filesystem::path& path) {
  std::filesystem::path normal = path.lexically_normal();
  return normal.has_filename() ? normal : normal.parent_path();
}

}  // namespace

HooksLocation hooks_location(const std::filesystem::path& repo_dir) {
  Repository repo = Repository::open(repo_dir);
  git_config* raw_config = nullptr;
  check(git_repository_config_snapshot(&raw_config, repo.handle()),
        "reading the git configuration");
  ConfigPtr config(raw_config);

  OwnedBuf configured;
  int error = git_config_get_path(&configured.buf, config.get(), "core.hooksPath");
  if (error != GIT_ENOTFOUND) check(error, "reading core.hooksPath");
  if (error == 0 && !configured.str().empty()) {
    std::filesystem::path path = configured.str();  // `~/` already expanded by libgit2
    if (path.is_relative()) path = hooks_run_directory(repo) / path;
    return {tidy(path), true};
  }

  OwnedBuf item;
  check(git_repository_item_path(&item.buf, repo.handle(), GIT_REPOSITORY_ITEM_HOOKS),
        "locating the hooks directory");
  return {tidy(item.str()), false};
}

}  // namespace benchgate::git
