#include "git/remotes.h"

#include <fmt/format.h>

#include "git/libgit2/handles.h"
#include "git/repository.h"

namespace benchgate::git {

std::optional<std::string> default_local_target(const std::filesystem::path& repo,
                                                const std::string& remote) {
  Repository handle = Repository::open(repo);
  git_reference* head = nullptr;
  if (git_repository_head(&head, handle.handle()) == 0) {
    ReferencePtr owned_head(head);
    git_reference* upstream = nullptr;
    if (git_reference_is_branch(head) && git_branch_upstream(&upstream, head) == 0) {
      ReferencePtr owned_upstream(upstream);
      return std::string(git_reference_name(upstream));
    }
  }
  git_error_clear();
  // `git clone` records the remote's default branch as the symbolic ref <remote>/HEAD.
  const std::string remote_head = fmt::format("refs/remotes/{}/HEAD", remote);
  git_reference* symbolic = nullptr;
  if (git_reference_lookup(&symbolic, handle.handle(), remote_head.c_str()) == 0) {
    ReferencePtr owned(symbolic);
    if (git_reference_type(symbolic) == GIT_REFERENCE_SYMBOLIC)
      return std::string(git_reference_symbolic_target(symbolic));
    return remote_head;
  }
  git_error_clear();
  return std::nullopt;
}

bool remote_exists(const std::filesystem::path& repo, const std::string& remote) {
  Repository handle = Repository::open(repo);
  git_remote* found = nullptr;
  if (git_remote_lookup(&found, handle.handle(), remote.c_str()) < 0) {
    git_error_clear();
    return false;
  }
  git_remote_free(found);
  return true;
}

}  // namespace benchgate::git
