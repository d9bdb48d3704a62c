#include "runner/environment_git.h"

#include "process/launch.h"

namespace benchgate {
namespace {

std::optional<std::string> git_output(const std::filesystem::path& dir,
                                      std::vector<std::string> args) {
  process::ChildSpec spec;
  spec.argv = {"git", "-C", dir.string()};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.capture_stdout = true;
  spec.timeout = std::chrono::seconds(30);
  try {
    process::ChildOutcome outcome = process::run_child(spec);
    if (!outcome.succeeded()) return std::nullopt;
    return outcome.stdout_text;
  } catch (const std::exception&) {
    return std::nullopt;  // no git: the record simply has no commit
  }
}

}  // namespace

std::optional<GitState> git_state(const std::filesystem::path& dir) {
  auto head = git_output(dir, {"rev-parse", "--verify", "HEAD"});
  if (!head) return std::nullopt;
  GitState state;
  state.commit = head->substr(0, head->find_first_of(" \r\n"));
  // Untracked files do not change what was built from the tracked sources, so they don't count.
  auto status = git_output(dir, {"status", "--porcelain", "--untracked-files=no"});
  state.dirty = status && status->find_first_not_of(" \r\n") != std::string::npos;
  return state;
}

}  // namespace benchgate
