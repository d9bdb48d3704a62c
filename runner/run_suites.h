#pragma once
// `benchgate run`: every launch of every suite, in a seeded random order, each suite ending up
// as one run record with its environment, testbed and seed. What failed is marked in the record
// (ProcessInfo::status, RunRecord::notes) instead of discarding what succeeded.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/run_record.h"
#include "runner/config.h"
#include "runner/suite_binary_probe.h"

namespace benchgate::runner {

class Progress;

struct RunSettings {
  std::optional<std::string> testbed;   // default: the fingerprint of this machine
  std::optional<std::uint64_t> seed;    // default: a random one (recorded either way)
  std::string invocation;               // the exact benchgate command line, for the record
  std::filesystem::path git_dir = ".";  // where to ask for the commit being measured
};

struct SuiteRun {
  const SuiteConfig* suite = nullptr;
  SuiteFormat format = SuiteFormat::kCommand;  // resolved: never kAuto
  RunRecord record;
  int failed_processes = 0;   // launched and failed
  int missing_processes = 0;  // never launched (interrupted)
  int benchmark_errors = 0;   // error_occurred reports (carried as errors, not samples)
};

struct RunOutcome {
  std::vector<SuiteRun> suites;
  int interrupted_by = 0;  // SIGINT/SIGTERM that stopped the run, or 0
  std::vector<std::string> warnings;
  bool complete() const;
};

// Runs the suites. Throws InputError for problems no launch can get past (a command that does
// not exist); failures of single processes are recorded, not thrown.
RunOutcome run_suites(const std::vector<SuiteConfig>& suites, const RunSettings& settings,
                      Progress& progress);

// The suite's format, detected for kAuto: binaries that link Google Benchmark or Catch2 are
// driven as such, anything else is timed as a whole. Never kAuto.
SuiteFormat resolve_suite_format(const SuiteConfig& suite, const BinaryProbe& binary);

}  // namespace benchgate::runner
