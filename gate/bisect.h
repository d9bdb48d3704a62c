#pragma once
// `benchgate bisect` without its command line (docs/history.md#benchgate-bisect): which commit of
// the first-parent path from GOOD to BAD made the benchmarks slower, found by a binary search
// whose every step is an interleaved A/B job (ab/ab_job.h) of a commit against GOOD, both built
// in temporary worktrees exactly as the interleaved gate builds its base
// (gate/interleaved_plan.h). A step decides only what its adaptive rounds settle; an
// inconclusive step ends the search with the smallest range it settled, never with a guess.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/comparison.h"
#include "gate/gate_settings.h"

namespace benchgate::gate {

struct BisectSettings {
  // The config, its one suite (settings.suites), the repository, the comparison settings (alpha
  // is the whole search's error bound) and max_rounds per step; rounds are always adaptive.
  GateSettings gate;
  std::string good, bad;  // revisions
  // The benchmarks that count (a POSIX extended regex, searched in the name as Google Benchmark
  // does); nothing: every benchmark of the suite.
  std::optional<std::string> benchmark;
  // The whole search: builds and measuring. A build under way is not cut short, and a step's first
  // AB/BA block always runs; no new step starts once it is spent.
  std::optional<std::chrono::duration<double>> budget;
};

// What one step found out about the commit it measured.
enum class StepVerdict {
  kBad,           // some hunted benchmark is a regression against GOOD
  kGood,          // every hunted benchmark is unchanged (or faster) against GOOD
  kInconclusive,  // neither, after the rounds the step could run
};
std::string_view to_string(StepVerdict verdict);

struct BisectStep {
  int number = 0;      // 0: GOOD against BAD (is there a regression to hunt?); then 1, 2, ...
  std::string commit;  // measured against GOOD
  StepVerdict verdict = StepVerdict::kInconclusive;
  double alpha = 0;  // this step's error rate: its share of the search's alpha
  int rounds = 0;    // complete rounds analysed
  // Commits still suspected after the step (the culprit is one of them).
  std::size_t commits_left = 0;
  std::vector<BenchmarkComparison> benchmarks;  // the rows that counted
  std::string note;                             // why it is inconclusive, when it is
};

enum class BisectOutcome {
  kFound,         // one commit is the first bad one
  kNoRegression,  // GOOD against BAD shows no regression of the benchmarks asked for
  kRange,         // the budget ran out or a step stayed inconclusive: a range, no single commit
};
std::string_view to_string(BisectOutcome outcome);

struct BisectResult {
  BisectOutcome outcome = BisectOutcome::kRange;
  std::string suite;
  std::string good, bad;  // full commit ids
  // The first-parent path from GOOD (first) to BAD (last).
  std::vector<std::string> path;
  // The settled range: last_good is known good, first_bad known bad, and the culprit is one of
  // the commits after last_good up to first_bad. With kFound, first_bad is the culprit.
  std::string last_good, first_bad;
  std::vector<std::string> hunted;  // the benchmarks that regressed between GOOD and BAD
  std::vector<BisectStep> steps;
  // Bound on the probability that the answer is wrong: the sum of the steps' error rates
  // (each decision errs with probability at most its alpha; a union bound over the steps).
  double error_bound = 0;
  std::string stop_reason;  // why the search ended before naming one commit; empty when found

  // The commits after last_good up to first_bad, oldest first.
  std::vector<std::string> suspects() const;
};

// One row as the log and the console show it: "BM_x: regression x1.102 [1.081, 1.124], p 0.0012"
// (Holm-adjusted p-value when there is one).
std::string describe_row(const BenchmarkComparison& row);

// The first-parent path from `good` to `bad` (full ids, `good` first). InputError when `good` is
// not a first-parent ancestor of `bad` (reversed, unrelated, or only reachable through a merged
// branch) or is `bad` itself.
std::vector<std::string> first_parent_path(const std::filesystem::path& repo,
                                           const std::string& good, const std::string& bad);

// Runs the search. InputError for a bad setting (no [build] command, not exactly one suite, no
// benchmark matching --benchmark, GOOD not below BAD); EnvironmentError for a failed build or
// when interrupted (every temporary worktree is removed on every path).
BisectResult run_bisect(const BisectSettings& settings);

}  // namespace benchgate::gate
