#include "git/temporary_worktree.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "core/errors.h"
#include "git/libgit2/handles.h"
#include "git/repository.h"

namespace benchgate::git {
namespace fs = std::filesystem;
namespace {

// remove_all fails below a directory without write permission (build tools such as Go's module
// cache make theirs read-only): grant the owner's permissions on every directory, then retry.
void remove_tree(const fs::path& dir) {
  std::error_code ec;
  if (fs::remove_all(dir, ec) != static_cast<std::uintmax_t>(-1) && !ec) return;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec))
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(dir, ec);
}

fs::path make_temporary_directory() {
  std::string pattern = (fs::temp_directory_path() / "benchgate-base-XXXXXX").string();
  if (!mkdtemp(pattern.data()))
    throw EnvironmentError(fmt::format("cannot create a temporary directory in {}: {}",
                                       fs::temp_directory_path().string(), strerror(errno)));
  return pattern;
}

// Writes every file of `tree` below `target`. The tree is also the checkout's baseline: each
// file is then "unmodified" and missing from the empty directory, and GIT_CHECKOUT_FORCE (which
// implies RECREATE_MISSING) writes it — without consulting HEAD or the work tree. The repository's
// index is neither updated nor written, so `git status` in the user's repository is unchanged.
void checkout_into(git_repository* repo, git_tree* tree, const fs::path& target) {
  // The _init function, not the _INIT macro, whose partial initialiser clang warns about.
  git_checkout_options options;
  git_checkout_options_init(&options, GIT_CHECKOUT_OPTIONS_VERSION);
  options.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_DONT_UPDATE_INDEX |
                              GIT_CHECKOUT_DONT_WRITE_INDEX | GIT_CHECKOUT_NO_REFRESH;
  options.baseline = tree;
  const std::string directory = target.string();
  options.target_directory = directory.c_str();
  check(git_checkout_tree(repo, reinterpret_cast<git_object*>(tree), &options),
        fmt::format("checking the files out into {}", directory));
}

}  // namespace

TemporaryWorktree::TemporaryWorktree(const fs::path& repo_path, const std::string& commit) {
  Repository repository = Repository::open(repo_path);
  git_repository* repo = repository.handle();
  const std::optional<fs::path> workdir = repository.workdir();
  if (!workdir)
    throw InputError(
        fmt::format("{}: a bare repository has no work tree to build in", repo_path.string()));
  root_ = fs::canonical(*workdir);
  const git_oid oid = resolve_commit(repo, commit);
  commit_ = to_hex(oid);
  CommitPtr commit_object = lookup_commit(repo, oid);
  git_tree* raw_tree = nullptr;
  check(git_commit_tree(&raw_tree, commit_object.get()), fmt::format("tree of {}", commit_));
  TreePtr tree(raw_tree);
  has_submodules_ = git_tree_entry_byname(tree.get(), ".gitmodules") != nullptr;

  temporary_ = make_temporary_directory();
  path_ = temporary_ / root_.filename();
  try {
    fs::create_directory(path_);
    checkout_into(repo, tree.get(), path_);
  } catch (...) {
    remove_tree(temporary_);
    throw;
  }
}

TemporaryWorktree::~TemporaryWorktree() {
  remove_tree(temporary_);
}

std::optional<fs::path> TemporaryWorktree::map(const fs::path& inside_repository) const {
  if (!inside_repository.is_absolute()) return std::nullopt;
  fs::path p = inside_repository.lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  // Resolve symbolic links in the directories only: a symlinked program maps to the same link in
  // the checked-out tree, which the base's build makes point where it should.
  std::error_code ec;
  fs::path directory = fs::weakly_canonical(p.parent_path(), ec);
  if (ec) return std::nullopt;
  const fs::path relative = (directory / p.filename()).lexically_normal().lexically_relative(root_);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative == "." ? path_ : path_ / relative;
}

}  // namespace benchgate::git
