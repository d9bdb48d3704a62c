#pragma once
// Which branch a history walks when none is named: the repository's default branch as the gate
// finds it (git/remotes.h find_default_branch), else the branch checked out, with a note saying so.
#include <filesystem>
#include <string>
#include <vector>

#include "git/repository.h"

namespace benchgate::history {

struct BranchChoice {
  std::string revision;  // what to resolve: "refs/remotes/origin/main", "main", "HEAD"
  std::string name;      // the branch's own name, for the origin policy and the output
};

// `requested` is --branch (empty when not given). Notes for the reader go to `notes`. InputError
// when nothing can be chosen (no default branch and a detached HEAD).
BranchChoice choose_branch(const git::Repository& repo, const std::filesystem::path& path,
                           const std::string& requested, const std::string& remote,
                           std::vector<std::string>& notes);

}  // namespace benchgate::history
