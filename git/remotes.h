#pragma once
// What the local branch is tracking, and which remotes are configured: the questions the gate asks
// before it chooses a target or shares baselines.
#include <filesystem>
#include <optional>
#include <string>

#include "git/repository.h"

namespace benchgate::git {

struct BranchRef {
  std::string ref;   // full ref name: "refs/remotes/origin/main", "refs/heads/main"
  std::string name;  // the branch's own name: "main"
};

// The repository's default branch as this clone knows it, first from the remote: `<remote>/HEAD`
// (what `git clone` records), `<remote>/main`, `<remote>/master`, `<remote>/<init.defaultBranch>`;
// then, unless `remote_only`, the local branch named by init.defaultBranch, `main` or `master`.
// Nothing when none exists (or `remote` is a URL, which has no remote-tracking refs).
std::optional<BranchRef> find_default_branch(const Repository& repo, const std::string& remote,
                                             bool remote_only = false);
std::optional<BranchRef> find_default_branch(const std::filesystem::path& repo,
                                             const std::string& remote, bool remote_only = false);

// The branch a revision names, by its own name: "refs/heads/main" and "refs/remotes/origin/main"
// by their text (the branch need not exist here), "main" when refs/heads/main exists,
// "origin/main" when refs/remotes/origin/main does. Nothing for a commit id, a tag or "HEAD".
std::optional<std::string> branch_named_by(const std::filesystem::path& repo,
                                           const std::string& revision);

// The branch HEAD is on ("topic"); nothing when HEAD is detached or unborn.
std::optional<std::string> current_branch(const std::filesystem::path& repo);

// The full ref name of the checked-out branch's upstream; nothing without one (or detached).
std::optional<std::string> head_upstream(const std::filesystem::path& repo);

// What a local change merges into: the current branch's upstream, else the default branch
// (find_default_branch). The full ref name, or nothing.
std::optional<std::string> default_local_target(const std::filesystem::path& repo,
                                                const std::string& remote);

// A remote named `remote` is configured in the repository containing `repo`.
bool remote_exists(const std::filesystem::path& repo, const std::string& remote);

}  // namespace benchgate::git
