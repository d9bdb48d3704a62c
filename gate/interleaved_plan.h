#pragma once
// How one suite of benchgate.toml runs on the two sides of an interleaved comparison when a side
// is a commit built in a temporary worktree: its command and working directory moved into that
// tree, and the A/B job settings for a pair of sides. Shared by the interleaved gate
// (gate/gate_interleaved.h) and `benchgate bisect` (gate/bisect.h), so that both build and
// measure a commit the same way.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ab/ab_job.h"
#include "gate/gate_settings.h"
#include "git/temporary_worktree.h"
#include "runner/config.h"

namespace benchgate::gate {

// A suite's commands on both sides: head's as configured, base's with every path inside the
// repository moved into the worktree (the build made the base's binary there).
struct SuitePlan {
  const runner::SuiteConfig* suite = nullptr;
  std::vector<std::string> head_command, base_command;
  std::filesystem::path head_dir, base_dir;
};

// InputError for a command-mode suite or a program outside the repository.
SuitePlan plan_suite(const runner::SuiteConfig& suite, const git::TemporaryWorktree& tree,
                     const std::filesystem::path& config_dir);

// The A/B job of one suite: base_command against head_command, the gate's rounds and comparison
// settings, `budget` for the measuring.
ab::AbJobSettings job_for(const SuitePlan& plan, const GateSettings& settings, std::uint64_t seed,
                          std::optional<std::chrono::duration<double>> budget);

// The build of `side` must have made the suite's program `command[0]`, and it must be a Google
// Benchmark binary (format "auto"); InputError naming the suite otherwise.
void check_side_build(const runner::SuiteConfig& suite, const std::vector<std::string>& command,
                      std::string_view side);

// EnvironmentError "interrupted by SIG... <while_doing>" once Ctrl-C / SIGTERM arrived.
void stop_if_interrupted(std::string_view while_doing);

}  // namespace benchgate::gate
