#include "git/remotes.h"

#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "git/libgit2/handles.h"
#include "git/repository.h"

namespace benchgate::git {
namespace {

std::optional<std::string> symbolic_target(git_repository* repo, const std::string& name) {
  git_reference* ref = nullptr;
  if (git_reference_lookup(&ref, repo, name.c_str()) != 0) {
    git_error_clear();
    return std::nullopt;
  }
  ReferencePtr owned(ref);
  if (git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC)
    return std::string(git_reference_symbolic_target(ref));
  return name;
}

bool reference_exists(git_repository* repo, const std::string& name) {
  git_oid oid;
  if (git_reference_name_to_id(&oid, repo, name.c_str()) == 0) return true;
  git_error_clear();
  return false;
}

std::optional<std::string> init_default_branch(git_repository* repo) {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo) != 0) {
    git_error_clear();
    return std::nullopt;
  }
  ConfigPtr config(raw);
  const char* value = nullptr;
  if (git_config_get_string(&value, config.get(), "init.defaultBranch") != 0 || !value || !*value) {
    git_error_clear();
    return std::nullopt;
  }
  return std::string(value);
}

std::string branch_name(const std::string& ref, const std::string& prefix) {
  return ref.rfind(prefix, 0) == 0 ? ref.substr(prefix.size()) : ref;
}

}  // namespace

std::optional<BranchRef> find_default_branch(const std::filesystem::path& repo,
                                             const std::string& remote, bool remote_only) {
  return find_default_branch(Repository::open(repo), remote, remote_only);
}

std::optional<BranchRef> find_default_branch(const Repository& repo, const std::string& remote,
                                             bool remote_only) {
  git_repository* r = repo.handle();
  const std::string remote_prefix = fmt::format("refs/remotes/{}/", remote);
  const std::optional<std::string> configured = init_default_branch(r);
  // A remote given as a URL or path has no remote-tracking refs.
  if (git_reference_is_valid_name((remote_prefix + "HEAD").c_str())) {
    if (auto target = symbolic_target(r, remote_prefix + "HEAD");
        target && reference_exists(r, *target))
      return BranchRef{*target, branch_name(*target, remote_prefix)};
    std::vector<std::string> names = {"main", "master"};
    if (configured) names.push_back(*configured);
    for (const auto& name : names)
      if (reference_exists(r, remote_prefix + name)) return BranchRef{remote_prefix + name, name};
  }
  if (remote_only) return std::nullopt;
  std::vector<std::string> names;
  if (configured) names.push_back(*configured);
  names.insert(names.end(), {"main", "master"});
  for (const auto& name : names)
    if (reference_exists(r, "refs/heads/" + name)) return BranchRef{"refs/heads/" + name, name};
  return std::nullopt;
}

std::optional<std::string> branch_named_by(const std::filesystem::path& repo,
                                           const std::string& revision) {
  // Full ref names say it by their text: the branch need not exist in this clone (a CI event's).
  if (revision.rfind("refs/heads/", 0) == 0) return revision.substr(std::strlen("refs/heads/"));
  if (revision.rfind("refs/remotes/", 0) == 0) {
    const std::size_t slash = revision.find('/', std::strlen("refs/remotes/"));
    if (slash != std::string::npos) return revision.substr(slash + 1);
    return std::nullopt;
  }
  // Short names as git resolves them: a local branch first, then "<remote>/<branch>".
  if (revision.empty() || !git_reference_is_valid_name(("refs/heads/" + revision).c_str()))
    return std::nullopt;
  Repository handle = Repository::open(repo);
  if (reference_exists(handle.handle(), "refs/heads/" + revision)) return revision;
  const std::size_t slash = revision.find('/');
  if (slash != std::string::npos && reference_exists(handle.handle(), "refs/remotes/" + revision))
    return revision.substr(slash + 1);
  return std::nullopt;
}

std::optional<std::string> current_branch(const std::filesystem::path& repo) {
  Repository handle = Repository::open(repo);
  git_reference* head = nullptr;
  if (git_reference_lookup(&head, handle.handle(), "HEAD") != 0) {
    git_error_clear();
    return std::nullopt;
  }
  ReferencePtr owned(head);
  if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC) return std::nullopt;
  return branch_name(git_reference_symbolic_target(head), "refs/heads/");
}

std::optional<std::string> head_upstream(const std::filesystem::path& repo) {
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
  return std::nullopt;
}

std::optional<std::string> default_local_target(const std::filesystem::path& repo,
                                                const std::string& remote) {
  if (auto upstream = head_upstream(repo)) return upstream;
  if (auto branch = find_default_branch(repo, remote)) return branch->ref;
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
