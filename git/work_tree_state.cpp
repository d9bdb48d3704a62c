#include "git/work_tree_state.h"

#include "git/libgit2/handles.h"
#include "git/repository.h"
#include "git/revision.h"

namespace benchgate::git {
namespace {

using StatusListPtr = GitPtr<git_status_list, git_status_list_free>;

// What `git status --porcelain --untracked-files=no` would list anything for: untracked files do
// not change what was built from the tracked sources, so they don't count. A repository whose
// status cannot be read (a bare one) counts as clean, as it has no work tree to differ.
bool has_tracked_changes(const Repository& repo) {
  // The _init function, not the _INIT macro, whose partial initialiser clang warns about.
  git_status_options options;
  git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  options.flags = 0;  // no untracked or ignored files
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, repo.handle(), &options) < 0) {
    git_error_clear();
    return false;
  }
  StatusListPtr list(raw);
  return git_status_list_entrycount(list.get()) > 0;
}

}  // namespace

std::optional<WorkTreeState> work_tree_state(const std::filesystem::path& dir) {
  std::optional<Repository> repo = Repository::find(dir);
  if (!repo) return std::nullopt;
  std::optional<std::string> head = try_resolve_revision(*repo, "HEAD");
  if (!head) return std::nullopt;
  return WorkTreeState{*head, has_tracked_changes(*repo)};
}

}  // namespace benchgate::git
