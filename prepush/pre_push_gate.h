#pragma once
// One `benchgate gate` run for one pushed branch, as a child process with a time limit. The
// gate is the same command CI runs, in its local context: it measures the working tree, finds
// the baseline at the merge-base with the target, compares and reports; pre-push never records
// baselines or pushes notes.
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate::prepush {

struct PrePushGateSettings {
  // Where the child's output lines go as they come (git shows a hook's output on the pusher's
  // terminal, so a long gate shows its progress while it runs).
  std::function<void(std::string_view)> on_stdout_line, on_stderr_line;
  std::filesystem::path benchgate;  // the executable to run (normally this very binary)
  std::filesystem::path repo;       // work tree top
  std::filesystem::path config;     // benchgate.toml (absolute)
  std::optional<std::string> testbed;
  bool fetch = false;                 // let the gate fetch baseline notes from the remote
  std::filesystem::path report_root;  // each branch's reports go to a folder under it
};

struct GateRequest {
  std::string branch;      // remote ref being updated, e.g. refs/heads/topic (names the folder)
  std::string head_sha;    // the pushed commit
  std::string target_sha;  // what it is compared with (gate takes the merge-base)
};

enum class GateChildOutcome {
  kPass,        // exit 0
  kRegression,  // exit 1
  kInputError,  // exit 2: the config or the request is wrong
  kFailed,      // exit 3, another status or a signal: the gate could not judge
  kOverBudget,  // stopped because the time budget ran out
};

struct GateRun {
  GateChildOutcome outcome = GateChildOutcome::kFailed;
  std::string how;  // how the child ended, for messages
  std::filesystem::path report_dir;
};

// The command line of the child (exposed for messages: "run it yourself with ...").
std::vector<std::string> gate_command(const PrePushGateSettings& settings,
                                      const GateRequest& request);

// Runs the gate; its output goes to our stdout/stderr. `limit` empty = no time limit.
GateRun run_gate_child(const PrePushGateSettings& settings, const GateRequest& request,
                       std::optional<std::chrono::duration<double>> limit);

}  // namespace benchgate::prepush
