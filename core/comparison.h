#pragma once
// The result of comparing a base run with a head run: one row per benchmark and the settings that
// produced it. stats/ fills it in; reporters/ only format it (docs/architecture.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace benchgate {

enum class Verdict {
  kRegression,    // significantly slower by at least the threshold
  kImprovement,   // significantly faster by at least the threshold
  kUnchanged,     // the whole confidence interval lies inside (1-δ, 1+δ)
  kInconclusive,  // none of the above: more samples would settle it
  kUntested,      // fewer than 2 samples on a side: ratio only, no test
  kNew,           // only in head
  kMissing,       // only in base (or failed in head)
};

std::string_view to_string(Verdict verdict);
std::optional<Verdict> verdict_from_string(std::string_view word);

// The test that decided the verdicts. Two samples: Mann-Whitney U or Welch's t (--test). Paired
// rounds of an interleaved job: the Wilcoxon signed-rank test, whatever --test says.
enum class TestKind { kMannWhitney, kWelch, kSignedRank };
std::string_view to_string(TestKind kind);

// What each analysis unit is: docs/design.md#the-unit-of-analysis.
enum class AnalysisUnit {
  kProcessMedians,  // >= 2 processes per side: one value per process (its median)
  kRepetitions,     // a single process on some side: repetitions, between-run drift unmeasured
  kPairedRounds,    // interleaved: one position-adjusted log ratio per round (base and head)
  kJobs,            // stored mode: head's job against stored jobs, job-to-job spread from history
};
std::string_view to_string(AnalysisUnit unit);
// How a count of these units reads: "processes", "repetitions", "rounds".
std::string_view unit_noun(AnalysisUnit unit);

struct BenchmarkComparison {
  std::string name;
  std::string metric;
  Verdict verdict = Verdict::kInconclusive;
  AnalysisUnit unit = AnalysisUnit::kProcessMedians;
  std::size_t base_n = 0, head_n = 0;                  // analysis units per side
  std::size_t base_samples = 0, head_samples = 0;      // raw repetitions per side
  std::size_t base_processes = 0, head_processes = 0;  // distinct processes per side
  double base_median = 0, head_median = 0;             // median of the analysis units
  // Effect as a ratio head/base (Hodges–Lehmann on log values, or Welch's mean difference).
  // NaN where undefined; ci_low/ci_high may be 0 / +inf when n is too small for the confidence.
  double ratio = 0, ci_low = 0, ci_high = 0;
  double confidence = 0.95;          // of [ci_low, ci_high]
  std::optional<double> p_value;     // raw two-sided; empty when untested
  std::optional<double> p_adjusted;  // Holm across the comparison: decides the gate
  std::optional<double> q_value;     // Benjamini–Hochberg: decides warnings
  double cv_base = 0, cv_head = 0;   // coefficient of variation of the analysis units
  double threshold = 0.05;           // δ used for this benchmark
  bool noisy = false;                // a CV larger than δ: too noisy to gate at this δ
  bool warning = false;              // BH says "probably changed" though Holm did not fail it
  bool single_run = false;           // analysed on repetitions of a single process: unconfirmed
  // Base and head are separate jobs and the job-to-job spread is unknown, so the processes of
  // each side were tested as if the jobs did not differ: a regression is unconfirmed.
  bool job_noise_unmeasured = false;
  // Units (per side; rounds when paired) the design in use needs to catch a true change of δ with
  // 80% power (stats/verdict.h units_needed); set for inconclusive rows.
  std::optional<std::size_t> units_needed;
  std::vector<std::string> errors;  // error messages from either side
  std::string note;                 // one human sentence explaining the verdict
};

// The defaults of every comparison, in one place for the flags, benchgate.toml and the library.
inline constexpr std::string_view kDefaultMetric = "real_time";
inline constexpr double kDefaultAlpha = 0.05;
inline constexpr double kDefaultThreshold = 0.05;  // δ: 5%
// The family-wise α a comparison accepts: above 0.5 a "significant" result means little, and
// below 1e-12 no test here can reach it.
inline constexpr double kMinAlpha = 1e-12;
inline constexpr double kMaxAlpha = 0.5;
inline bool valid_alpha(double alpha) {
  return alpha >= kMinAlpha && alpha <= kMaxAlpha;
}

struct CompareSettings {
  std::string metric = std::string(kDefaultMetric);
  double alpha = kDefaultAlpha;
  double threshold = kDefaultThreshold;
  double warning_q = 0.10;
  TestKind test = TestKind::kMannWhitney;
  bool trust_single_run = false;
  // Let regressions of rows with job_noise_unmeasured count (`--trust-single-job`).
  bool trust_single_job = false;
  bool fail_on_regression = true;  // --fail-on never sets this false
  // Further verdicts that fail the gate (config `fail_on = ["regression", "missing"]`).
  std::vector<Verdict> also_fail_on;
  // Throughput metrics (items_per_second, ...): a drop is the regression. Ratios and CIs stay
  // head/base of the metric itself; only the verdict's direction flips.
  bool higher_is_better = false;
};

// The direction `--direction auto` assumes: throughput metrics (a name with "per_second") are
// better higher, everything else (times, counts of work) lower.
bool higher_is_better_by_name(std::string_view metric);

enum class ComparisonOutcome { kPass, kFail };
std::string_view to_string(ComparisonOutcome outcome);  // "pass", "fail"

// Stored mode's view of the whole job (stats/job_comparison.h): what the machine did to every
// benchmark at once, removed before each benchmark is judged.
struct JobLevelSummary {
  std::size_t base_jobs = 0;     // stored jobs head was judged against
  std::size_t history_jobs = 0;  // recorded jobs the spread was learnt from
  double common_shift = 1;       // ratio head/base shared by the benchmarks (1 when not removed)
  bool common_mode_removed = false;
  double common_mode_limit = 0;  // largest ordinary common shift (ratio above 1); 0 when unknown
  double scatter = 1;            // how much wider than usual the job's benchmarks scattered
};

struct Comparison {
  CompareSettings settings;
  // Which mode produced the verdicts and what it tested, one line (always set by compare_runs).
  std::string method;
  // The false-alarm rate measured for this mode on this testbed (`benchgate calibrate`), or that
  // it has not been measured; empty where no testbed applies.
  std::string false_alarms;
  std::optional<JobLevelSummary> job_level;
  std::vector<BenchmarkComparison> benchmarks;
  std::vector<std::string> warnings;   // comparison-wide, e.g. "between-run drift not measured"
  std::string base_label, head_label;  // what was compared, for humans (paths, commits)

  // True when some regression counts towards the gate (confirmed, or single-run and trusted).
  bool has_blocking_regression() const;
  // kFail when the gate fails (a blocking regression and fail_on_regression, or a row whose
  // verdict is in also_fail_on), else kPass.
  ComparisonOutcome outcome() const;
  bool fails() const { return outcome() == ComparisonOutcome::kFail; }
  // No row had both sides (no baseline, or no benchmark in common): a pass that checked nothing,
  // which every report must say plainly.
  bool nothing_compared() const;
  bool any_single_run() const;
  std::size_t count(Verdict verdict) const;
};

// Whether this row's regression verdict is allowed to fail the gate under `settings`.
bool blocks_gate(const BenchmarkComparison& row, const CompareSettings& settings);

}  // namespace benchgate
