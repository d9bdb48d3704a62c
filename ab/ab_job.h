#pragma once
// One interleaved A/B job (docs/interleaved.md): rounds of base and head processes, the two run
// records, the comparison and the noise report. A function, so that `benchgate ab` and the
// interleaved mode of `benchgate gate` share it; progress goes to the log (core/log.h), and exit
// codes stay with the callers.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/comparison.h"
#include "core/noise_report.h"
#include "core/run_record.h"
#include "runner/config.h"
#include "runner/cpu_setting.h"
#include "stats/compare.h"

namespace benchgate::ab {

struct AbJobSettings {
  std::vector<std::string> base_command, head_command;  // Google Benchmark binaries + arguments
  // Fixed number of rounds (rounded up to whole AB/BA blocks); nullopt = adaptive (--rounds auto).
  std::optional<int> rounds = runner::kDefaultRounds;
  int max_rounds = runner::kDefaultMaxRounds;           // adaptive: the design's last look
  int look_every = 4;                                   // adaptive: rounds between looks
  std::optional<std::chrono::duration<double>> budget;  // no new round once it would overrun
  int repetitions = 3;
  std::optional<std::string> filter;
  std::optional<double> timeout_seconds;  // per process
  std::optional<std::filesystem::path> working_dir;
  // Where the base processes run, when not in working_dir (the interleaved gate runs each side in
  // its own source tree).
  std::optional<std::filesystem::path> base_working_dir;
  // Where the processes of both sides run (docs/configuration.md#cpu-pinning): resolved once per
  // job, after both binaries listed their benchmarks, into the same CPUs for base and head.
  runner::CpuSetting cpus;
  // Processes of the suite that runs first in a round, run before it and thrown away.
  int warmup_processes = 0;
  std::uint64_t seed = 0;
  std::string invocation;  // recorded in both run records
  stats::CompareOptions compare;
  // This suite's share of the gate run's alpha: its benchmarks over all benchmarks of the run, so
  // that the family-wise false-alarm rate holds for the whole gate (Holm within each suite at
  // alpha x share is a valid family-wise procedure across suites). 1 for `benchgate ab`.
  double alpha_share = 1.0;
  bool quiet = false;
};

struct AbJobResult {
  RunRecord base, head;  // every process; failed attempts and missing rounds marked
  Comparison comparison;
  NoiseReport noise;
  int rounds_run = 0;
  int rounds_complete = 0;  // complete on both sides and not left out as disturbed: analysed
  bool adaptive = false;
  int interrupted_by = 0;  // SIGINT/SIGTERM that stopped the job early, or 0
};

// Throws InputError for a command that cannot run at all, EnvironmentError when no round is
// complete on both sides (nothing can be compared).
AbJobResult run_ab_job(const AbJobSettings& settings);

// DIR/base.json, DIR/head.json (run records) and DIR/noise.json.
void write_ab_files(const AbJobResult& result, const std::filesystem::path& dir);

}  // namespace benchgate::ab
