#pragma once
// Where git looks for a repository's hooks: `core.hooksPath` when it is set (relative to the
// directory hooks run in, as git documents), else the hooks folder of the common git directory
// (shared by all worktrees). `benchgate hook install` writes there.
#include <filesystem>

namespace benchgate::git {

struct HooksLocation {
  std::filesystem::path directory;  // absolute
  bool from_hooks_path = false;     // true when core.hooksPath chose it
};

// The hooks directory of the repository containing `repo_dir`. InputError when there is none.
HooksLocation hooks_location(const std::filesystem::path& repo_dir);

}  // namespace benchgate::git
