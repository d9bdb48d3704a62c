#pragma once
// Google Benchmark suites: a binary driven through its own --benchmark_* flags, one launch per
// process, results read from the JSON file it writes (--benchmark_out) by the "gbench" ingest
// format. Never from its console output, which is for people.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runner/config.h"
#include "runner/suite_launch.h"

namespace benchgate::runner {

class Progress;

// What the binary told us before the measured launches.
struct GbenchProbe {
  bool random_interleaving = false;  // its --help lists --benchmark_enable_random_interleaving
  std::set<std::string>
      benchmarks;  // --benchmark_list_tests (with the suite's filter); for progress
};

// Asks the binary for its flags and benchmark list. Best effort: a binary that fails here is
// still launched, and its launches then fail with a precise message.
GbenchProbe probe_gbench_suite(const SuiteConfig& suite);

// The argv of one measured process writing its JSON results to `out_file`.
std::vector<std::string> gbench_arguments(const SuiteConfig& suite, const GbenchProbe& probe,
                                          const std::filesystem::path& out_file);

// Runs one process of the suite on `cpus` (nullopt: not pinned; see choose_cpus) and reads its
// results. Failures (crash, timeout, missing or unreadable JSON) come back as a failed
// LaunchResult, never as an exception; only "the program cannot be started" throws (InputError),
// since then no launch can succeed.
LaunchResult run_gbench_process(const SuiteConfig& suite, const GbenchProbe& probe,
                                const std::optional<std::vector<int>>& cpus,
                                const std::filesystem::path& out_file, Progress& progress);

}  // namespace benchgate::runner
