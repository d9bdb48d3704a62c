#include "git/history.h"

#include <fstream>

#include <fmt/format.h>

#include "core/errors.h"
#include "git/libgit2/handles.h"
#include "git/revision.h"

namespace benchgate::git {
namespace {

// The boundary commits of a shallow clone (`<gitdir>/shallow`): their parents are not here.
std::set<std::string> read_shallow_boundary(const Repository& repo) {
  std::set<std::string> out;
  std::ifstream file(repo.common_dir() / "shallow");
  for (std::string line; std::getline(file, line);)
    if (is_full_hex_oid(line)) out.insert(line);
  return out;
}

bool is_shallow(const Repository& repo) {
  return git_repository_is_shallow(repo.handle()) == 1 || !read_shallow_boundary(repo).empty();
}

}  // namespace

std::string merge_base(const Repository& repo, const std::string& head, const std::string& target) {
  const git_oid head_oid = resolve_commit(repo.handle(), head);
  const git_oid target_oid = resolve_commit(repo.handle(), target);
  git_oid base;
  int error = git_merge_base(&base, repo.handle(), &head_oid, &target_oid);
  if (error == 0) return to_hex(base);
  std::string why = last_git_error();
  git_error_clear();
  if (is_shallow(repo))
    throw EnvironmentError(fmt::format(
        "this is a shallow clone and the merge-base of {} and {} is not in its history ({}); {}. "
        "Refusing to guess a baseline.",
        head, target, why, kDeepenHint));
  if (error == GIT_ENOTFOUND)
    throw InputError(fmt::format("{} and {} have no common ancestor", head, target));
  throw EnvironmentError(fmt::format("merge-base of {} and {}: {}", head, target, why));
}

std::string merge_base(const std::filesystem::path& repo, const std::string& head,
                       const std::string& target) {
  return merge_base(Repository::open(repo), head, target);
}

FirstParentWalk::FirstParentWalk(const Repository& repo, std::string commit)
    : repo_(repo), shallow_boundary_(read_shallow_boundary(repo)), commit_(std::move(commit)) {}

bool FirstParentWalk::step() {
  if (end_ != End::kNone) return false;
  CommitPtr here = lookup_commit(repo_.handle(), oid_from_hex(commit_));
  if (shallow_boundary_.count(commit_)) {
    end_ = End::kShallow;
    return false;
  }
  if (git_commit_parentcount(here.get()) == 0) {
    end_ = End::kRoot;
    return false;
  }
  const git_oid* parent = git_commit_parent_id(here.get(), 0);
  git_commit* parent_commit = nullptr;
  if (git_commit_lookup(&parent_commit, repo_.handle(), parent) < 0) {
    git_error_clear();
    end_ = End::kShallow;  // the parent object is missing: truncated history
    return false;
  }
  git_commit_free(parent_commit);
  commit_ = to_hex(*parent);
  return true;
}

}  // namespace benchgate::git
