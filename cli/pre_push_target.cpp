#include "cli/pre_push_target.h"

#include <array>

#include <fmt/format.h>

#include "store/git_handle.h"

namespace benchgate::cli {
namespace {

bool has_commit(git_repository* repo, const std::string& sha) {
  git_oid oid = store::oid_from_hex(sha);
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repo, &oid) < 0) return false;
  git_commit_free(commit);
  return true;
}

// A remote given as a URL or path (`git push https://host/repo.git topic`) has no
// remote-tracking refs; asking libgit2 for "refs/remotes/https://..." would be an error.
bool valid_ref_name(const std::string& name) {
  int valid = 0;
  return git_reference_name_is_valid(&valid, name.c_str()) == 0 && valid;
}

std::optional<GateTarget> default_branch_of(git_repository* repo, const std::string& remote) {
  // origin/HEAD exists after a clone (or `git remote set-head`); main/master cover the rest.
  const std::array<const char*, 3> candidates = {"HEAD", "main", "master"};
  for (const char* branch : candidates) {
    const std::string ref = fmt::format("refs/remotes/{}/{}", remote, branch);
    if (!valid_ref_name(ref)) return std::nullopt;
    if (auto commit = store::commit_of_reference(repo, ref)) {
      std::string sha = store::to_hex(*git_commit_id(commit.get()));
      return GateTarget{sha, fmt::format("{}/{} ({}, the remote's default branch)", remote, branch,
                                         short_sha(sha))};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string short_sha(const std::string& sha) {
  return sha.substr(0, 7);
}

std::optional<GateTarget> choose_gate_target(git_repository* repo, const PushedRef& ref,
                                             const std::string& remote, std::string& why_not) {
  std::string remote_note;
  if (!ref.creates()) {
    if (has_commit(repo, ref.remote_sha))
      return GateTarget{ref.remote_sha, fmt::format("{} on {} ({})", ref.remote_ref, remote,
                                                    short_sha(ref.remote_sha))};
    // A force push over commits we never fetched: the remote's tip is unknown here.
    remote_note = fmt::format("; {} on {} is at {}, which is not in this repository (git fetch?)",
                              ref.remote_ref, remote, short_sha(ref.remote_sha));
  }
  if (auto target = default_branch_of(repo, remote)) return target;
  why_not = fmt::format(
      "no target to compare with: {} has no remote-tracking default branch ({}/HEAD, {}/main or "
      "{}/master){}",
      remote, remote, remote, remote, remote_note);
  return std::nullopt;
}

}  // namespace benchgate::cli
