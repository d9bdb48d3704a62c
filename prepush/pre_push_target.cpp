#include "prepush/pre_push_target.h"

#include <fmt/format.h>

#include "core/text.h"

#include "git/remotes.h"
#include "git/revision.h"

namespace benchgate::prepush {
namespace {

// Commits as git abbreviates them in its own messages, next to which the hook's lines appear.
std::string abbreviated(const std::string& sha) {
  return short_commit(sha, 7);
}

std::optional<GateTarget> default_branch_of(const git::Repository& repo,
                                            const std::string& remote) {
  // Only the remote's own branches: a local branch of the same name may be anywhere.
  auto branch = git::find_default_branch(repo, remote, /*remote_only=*/true);
  if (!branch) return std::nullopt;
  auto sha = git::reference_commit(repo, branch->ref);
  if (!sha) return std::nullopt;
  return GateTarget{*sha, fmt::format("{}/{} ({}, the remote's default branch)", remote,
                                      branch->name, abbreviated(*sha))};
}

}  // namespace

std::optional<GateTarget> choose_gate_target(const git::Repository& repo, const PushedRef& ref,
                                             const std::string& remote, std::string& why_not) {
  std::string remote_note;
  if (!ref.creates()) {
    if (git::has_commit(repo, ref.remote_sha))
      return GateTarget{ref.remote_sha, fmt::format("{} on {} ({})", ref.remote_ref, remote,
                                                    abbreviated(ref.remote_sha))};
    // A force push over commits we never fetched: the remote's tip is unknown here.
    remote_note = fmt::format("; {} on {} is at {}, which is not in this repository (git fetch?)",
                              ref.remote_ref, remote, abbreviated(ref.remote_sha));
  }
  if (auto target = default_branch_of(repo, remote)) return target;
  why_not = fmt::format(
      "no target to compare with: {} has no remote-tracking default branch ({}/HEAD, {}/main or "
      "{}/master){}",
      remote, remote, remote, remote, remote_note);
  return std::nullopt;
}

}  // namespace benchgate::prepush
