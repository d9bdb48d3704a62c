#pragma once
// The user's build command (`[build] command` of benchgate.toml), run for one side of an
// interleaved gate: in the temporary worktree of the base commit, or in the repository for head.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace benchgate::gate {

struct BuildStep {
  std::string command;                    // run by /bin/sh -c
  std::filesystem::path dir;              // where it runs
  std::string side;                       // "base" or "head", for the log and errors
  std::string commit;                     // what is being built, for errors
  std::optional<double> timeout_seconds;  // [build] timeout; none = wait forever
};

// Runs the build, streaming its output (stdout and stderr together) to the log, each line
// prefixed with "[<side> build] ". A build that fails is an EnvironmentError naming the side, the
// commit, the exit status (or the timeout) and its last lines of output; one stopped by Ctrl-C /
// SIGTERM is an EnvironmentError saying so. The command never sees a forge token (the gate removed
// it before).
void run_build(const BuildStep& step);

}  // namespace benchgate::gate
