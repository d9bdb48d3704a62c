#include "history/branch_choice.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "git/remotes.h"

namespace benchgate::history {

BranchChoice choose_branch(const git::Repository& repo, const std::filesystem::path& path,
                           const std::string& requested, const std::string& remote,
                           std::vector<std::string>& notes) {
  if (!requested.empty())
    return {requested, git::branch_named_by(path, requested).value_or(requested)};
  if (auto found = git::find_default_branch(repo, remote)) return {found->ref, found->name};
  if (auto current = git::current_branch(path)) {
    notes.push_back(fmt::format(
        "no default branch found ({}/HEAD, {}/main, {}/master, a local main or master); showing "
        "the current branch {} (--branch chooses another)",
        remote, remote, remote, *current));
    return {"refs/heads/" + *current, *current};
  }
  throw InputError(fmt::format(
      "no branch to show: no default branch ({}/HEAD, {}/main, {}/master, a local main or "
      "master) and HEAD is detached; give --branch BRANCH",
      remote, remote, remote));
}

}  // namespace benchgate::history
