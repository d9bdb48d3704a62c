#pragma once
// benchgate.toml: what to run (suites) and how to judge it (gate settings). One schema for
// `benchgate run` and `benchgate gate`, documented in docs/configuration.md.
//
// Every key is checked: an unknown or mistyped key is an InputError naming the file, the line
// and the key, because a silently ignored `treshold = 0.10` is worse than an error.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/comparison.h"
#include "process/child_environment.h"
#include "runner/cpu_setting.h"
#include "runner/suite_format.h"

namespace benchgate::runner {

inline constexpr const char* kDefaultConfigFile = "benchgate.toml";

// One thing to run. Loaded suites have every field resolved: [run] defaults are applied and
// relative paths are made relative to the config file's directory.
struct SuiteConfig {
  std::string name;
  std::vector<std::string> command;  // argv; a string in the file is split on whitespace
  SuiteFormat format = SuiteFormat::kAuto;
  std::optional<std::string> filter;      // --benchmark_filter (gbench); a test spec (catch2)
  int processes = 8;                      // gbench, catch2, lines: separate process launches
  int repetitions = 3;                    // gbench: --benchmark_repetitions per process
  int runs = 10;                          // command: timed runs, each its own process
  int warmup = 1;                         // command: untimed runs first
  std::optional<double> timeout_seconds;  // per process; none = wait forever
  std::optional<std::filesystem::path> working_dir;
  CpuSetting cpus;  // where its processes run (runner/cpu_setting.h); [run] cpus by default
};

// A per-benchmark threshold: the first rule whose glob matches a benchmark's name wins.
struct ThresholdRule {
  std::string pattern;
  double threshold = 0;
};

// How the gate gets its base (docs/interleaved.md): a baseline stored earlier, or built from the
// merge-base and measured in the same job as head.
enum class GateMode { kStored, kInterleaved };

// The interleaved mode's rounds (docs/interleaved.md#rounds): 16 fixed rounds (8 AB/BA blocks)
// let the exact signed-rank test reach p = 3e-5, enough for Holm over ~1,600 benchmarks at
// alpha 0.05; adaptive jobs look every 4 rounds and stop by 24.
inline constexpr int kDefaultRounds = 24;
inline constexpr int kDefaultMaxRounds = 24;

struct GateConfig {
  std::string metric = std::string(kDefaultMetric);
  double alpha = kDefaultAlpha;
  double threshold = kDefaultThreshold;  // δ: relative change that matters (0.05 = 5%)
  std::vector<ThresholdRule> thresholds;
  std::vector<std::string> ignore;                        // globs of benchmarks never gated
  std::vector<Verdict> fail_on = {Verdict::kRegression};  // verdicts that fail the gate
  GateMode mode = GateMode::kStored;
  std::optional<int> rounds = kDefaultRounds;  // interleaved: per suite; nothing = adaptive
  int max_rounds = kDefaultMaxRounds;          // interleaved, adaptive rounds: the most rounds
  // Interleaved: processes run and thrown away before each round's first measured process.
  int warmup_processes = 0;
  // Interleaved: seconds the measuring of all suites may take (builds not included); no round
  // starts that would end after it. Nothing = no limit.
  std::optional<double> budget_seconds;
  // Stored mode: let regressions count before the job-to-job spread is measured (a dedicated,
  // quiet machine only; docs/statistics.md#stored-mode-the-job-is-a-unit).
  bool trust_single_job = false;

  double threshold_for(std::string_view benchmark) const;
  bool ignored(std::string_view benchmark) const;
};

// Profiling of Google Benchmark suites (docs/profiles.md): separate perf runs after the timing
// runs, never during them.
enum class ProfileMode {
  kNone,     // never profile
  kChanged,  // the gate profiles the head of regressed/improved benchmarks (run: as none)
  kAll,      // also profile every benchmark (run; gate runs that record baselines)
};
std::string_view to_string(ProfileMode mode);
std::optional<ProfileMode> profile_mode_from_string(std::string_view word);

struct ProfileSettings {
  ProfileMode mode = ProfileMode::kNone;
  int frequency_hz = 999;
  std::string call_graph = "fp";  // "fp" (frame pointers) or "dwarf"
  // Each profiling run's --benchmark_min_time: profiles want samples (~1,000 at 999 Hz), not the
  // short runs that suit timing repetitions.
  double min_time_seconds = 1.0;
};

struct RunDefaults {
  int processes = 8;
  int repetitions = 3;
  int runs = 10;
  int warmup = 1;
  std::optional<double> timeout_seconds;
  std::optional<unsigned long long> seed;
  CpuSetting cpus;
  ProfileSettings profile;
  // `env_passthrough` / `env_remove`: what children inherit (docs/configuration.md).
  process::ChildEnvironmentPolicy environment;
};

// How to build the benchmarks from a source tree (the interleaved gate builds base and head).
struct BuildConfig {
  std::optional<std::string> command;     // run by /bin/sh -c in the config file's directory
  std::optional<double> timeout_seconds;  // per build (base, head); none = wait forever
};

struct Config {
  std::filesystem::path source;  // the file it came from (empty for defaults)
  std::optional<std::string> testbed;
  RunDefaults run;
  GateConfig gate;
  BuildConfig build;
  std::vector<SuiteConfig> suites;

  const SuiteConfig* suite(std::string_view name) const;
  // The suites named (all of them when `names` is empty), in the config's order. InputError
  // naming the file and listing the suites for an unknown name, or when there is no suite.
  std::vector<SuiteConfig> select(const std::vector<std::string>& names) const;
};

// Reads and validates a config file; throws InputError "<file>:<line>: ..." on any problem.
Config load_config(const std::filesystem::path& path);
// Same from text; relative paths in it are resolved against `base_dir`.
Config parse_config(std::string_view text, const std::string& source,
                    const std::filesystem::path& base_dir);

// Shell-style glob (fnmatch without FNM_PATHNAME: '*' also matches '/', as benchmark names
// like "BM_Sort/1024/threads:2" need).
bool glob_match(std::string_view pattern, std::string_view name);

}  // namespace benchgate::runner
