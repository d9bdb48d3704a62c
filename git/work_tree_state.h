#pragma once
// The commit being measured and whether the work tree differs from it, for the environment of a
// run record (docs/run-record.md): a record of a dirty tree is not that commit's baseline.
#include <filesystem>
#include <optional>
#include <string>

namespace benchgate::git {

struct WorkTreeState {
  std::string commit;  // full hex id of HEAD
  bool dirty = false;  // tracked files differ from HEAD (in the index or the work tree)
};

// The state of the work tree containing `dir`; nothing when `dir` is in no repository or HEAD is
// unborn.
std::optional<WorkTreeState> work_tree_state(const std::filesystem::path& dir);

}  // namespace benchgate::git
