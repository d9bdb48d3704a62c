#pragma once
// Command mode (`--format command`): a whole program timed per run, hyperfine-style. Each run is
// its own process; its wall, user and system time and its peak resident memory become one
// sample of the benchmark named after the suite.
#include <optional>
#include <vector>

#include "runner/config.h"
#include "runner/suite_launch.h"

namespace benchgate::runner {

// Metric names of command mode (times in ns, memory in bytes). real_time/cpu_time match the
// Google Benchmark metrics, so the same gate settings work for both kinds of suite.
inline constexpr const char* kUserTime = "user_time";
inline constexpr const char* kSysTime = "sys_time";
inline constexpr const char* kPeakRss = "peak_rss_bytes";

// One run of the suite's command. A non-zero exit or a signal fails the run (as in hyperfine):
// timing a program that failed measures the failure, not the program.
// `cpus`: where it runs (nullopt: not pinned; see choose_cpus).
LaunchResult run_timed_command(const SuiteConfig& suite,
                               const std::optional<std::vector<int>>& cpus = std::nullopt);

}  // namespace benchgate::runner
