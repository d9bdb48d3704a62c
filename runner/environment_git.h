#pragma once
// The commit being measured and whether the work tree differs from it. Kept in this one small
// file on purpose: it asks the `git` program (no libgit2 in the runner), and the store module may
// later supply the same facts through libgit2 instead.
#include <filesystem>
#include <optional>
#include <string>

namespace benchgate {

struct GitState {
  std::string commit;  // full hex id of HEAD
  bool dirty = false;  // tracked files differ from HEAD
};

// nullopt when `dir` is not inside a git work tree or git is not installed.
std::optional<GitState> git_state(const std::filesystem::path& dir);

}  // namespace benchgate
