#include "cli/gate_git.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "store/git_handle.h"

namespace benchgate::cli {

std::string resolve_revision(const std::filesystem::path& repo, const std::string& revision) {
  store::RepoPtr handle = store::open_repository(repo);
  return store::to_hex(store::resolve_commit(handle.get(), revision));
}

std::optional<std::string> try_resolve_revision(const std::filesystem::path& repo,
                                                const std::string& revision) {
  try {
    return resolve_revision(repo, revision);
  } catch (const InputError&) {
    return std::nullopt;
  }
}

std::optional<std::string> default_local_target(const std::filesystem::path& repo,
                                                const std::string& remote) {
  store::RepoPtr handle = store::open_repository(repo);
  git_reference* head = nullptr;
  if (git_repository_head(&head, handle.get()) == 0) {
    store::ReferencePtr owned_head(head);
    git_reference* upstream = nullptr;
    if (git_reference_is_branch(head) && git_branch_upstream(&upstream, head) == 0) {
      store::ReferencePtr owned_upstream(upstream);
      return std::string(git_reference_name(upstream));
    }
  }
  git_error_clear();
  // `git clone` records the remote's default branch as the symbolic ref <remote>/HEAD.
  const std::string remote_head = fmt::format("refs/remotes/{}/HEAD", remote);
  git_reference* symbolic = nullptr;
  if (git_reference_lookup(&symbolic, handle.get(), remote_head.c_str()) == 0) {
    store::ReferencePtr owned(symbolic);
    if (git_reference_type(symbolic) == GIT_REFERENCE_SYMBOLIC)
      return std::string(git_reference_symbolic_target(symbolic));
    return remote_head;
  }
  git_error_clear();
  return std::nullopt;
}

std::optional<std::string> first_parent(const std::filesystem::path& repo,
                                        const std::string& commit) {
  store::RepoPtr handle = store::open_repository(repo);
  store::CommitPtr c =
      store::lookup_commit(handle.get(), store::resolve_commit(handle.get(), commit));
  if (git_commit_parentcount(c.get()) == 0) return std::nullopt;
  return store::to_hex(*git_commit_parent_id(c.get(), 0));
}

bool remote_exists(const std::filesystem::path& repo, const std::string& remote) {
  store::RepoPtr handle = store::open_repository(repo);
  git_remote* found = nullptr;
  if (git_remote_lookup(&found, handle.get(), remote.c_str()) < 0) {
    git_error_clear();
    return false;
  }
  git_remote_free(found);
  return true;
}

}  // namespace benchgate::cli
