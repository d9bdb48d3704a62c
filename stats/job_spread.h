#pragma once
// The job-to-job spread of stored mode (docs/statistics.md#stored-mode-the-job-is-a-unit).
//
// A CI job shares its machine state across all its processes, so two jobs of one unchanged binary
// differ by more than their processes suggest; on this kind of machine one job in a sitting ran
// 20-74% slower in every benchmark. Stored mode therefore judges head's job against stored jobs
// with the spread of whole jobs, learnt from the jobs recorded on the target branch.
//
// Two pieces, both computed from successive jobs of the history (oldest first):
// - the common-mode shift of a pair of jobs: the median over benchmarks of their log differences.
//   That is the machine (or a change of everything at once); it is removed from every benchmark
//   when the suite has enough benchmarks to tell it apart (kFewestCommonModeBenchmarks);
// - per benchmark, the spread of what remains: a 20%-trimmed root mean square of the successive
//   differences. A real step of the history is one large difference and a disturbed job two, so
//   trimming keeps both out, where a plain standard deviation of the levels would count every step
//   as noise. Jobs disturbed as a whole are too frequent for the trim (one in seven here), so the
//   pairs of successive jobs that scatter like one (kDisturbedScatter) are left out first.
#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace benchgate::stats {

// Below this many benchmarks present in both jobs a median over them says little about the
// machine, and removing it would eat a real change of a small suite: no common mode then. Five,
// so that the bundled 6-benchmark example suite has one: measured here, its jobs in one sitting
// differed by 14-42% in every benchmark at once. The price: a change that moves at least half of
// a small suite's benchmarks alike is read as the machine (the report says so, and points to
// interleaved mode).
inline constexpr std::size_t kFewestCommonModeBenchmarks = 5;

// Above this scatter (median_b |residual_b| / spread_b / 0.6745, about 1 for an ordinary job) the
// machine disturbed a job as a whole: it is left out of the spread, and head's job is widened.
inline constexpr double kDisturbedScatter = 1.5;
// The same over the steadier half of the benchmarks (spread at most the median), which a
// disturbance of about the same size in every benchmark moves most: over ~15 benchmarks an
// ordinary job's median strays past 1.5 one time in 20 by chance, past 2 about one in 2000; a
// disturbed job's steady benchmarks scatter 4-10 times as far.
inline constexpr double kSteadyDisturbedScatter = 2;

// The share of the largest successive differences left out of the spread.
inline constexpr double kSpreadTrim = 0.2;

// One suite's recorded jobs, oldest first: levels[j][b] is log(job j's level of benchmark b)
// (the median of its processes' medians), NaN where job j did not measure benchmark b.
struct JobLevels {
  std::vector<std::string> benchmarks;
  std::vector<std::vector<double>> levels;
};

struct BenchmarkJobSpread {
  // SD of the (common-mode adjusted) log difference between two jobs of an unchanged benchmark.
  double difference_sd = 0;
  // Effective degrees of freedom of that estimate, for Student's t: about half the number of
  // differences (the trimmed estimate of dependent differences; docs/statistics.md).
  double degrees_of_freedom = 0;
  std::size_t differences = 0;  // successive pairs of jobs behind it
};

struct SuiteJobSpread {
  std::size_t jobs = 0;              // recorded jobs looked at
  bool common_mode_removed = false;  // every pair had enough benchmarks in common
  // Spread (same estimator) of the common-mode shift between successive jobs not disturbed as a
  // whole; NaN without it.
  double common_mode_sd = 0;
  std::map<std::string, BenchmarkJobSpread, std::less<>> benchmarks;  // those with >= 2 pairs
};

// Median of the finite differences when there are at least kFewestCommonModeBenchmarks of them,
// else 0 (no common mode is removed).
double common_mode_shift(std::span<const double> differences);

// sqrt(mean of the squares of `values` after dropping the kSpreadTrim largest |values|), scaled so
// that it estimates the SD of normal values. NaN for an empty input.
double trimmed_rms(std::vector<double> values);

// Effective degrees of freedom of trimmed_rms over `differences` successive differences.
double spread_degrees_of_freedom(std::size_t differences);

// Whether the common-mode adjusted log differences of two jobs (per benchmark; NaN: missing)
// scatter like a disturbed job against `spreads` (difference_sd, one job against one): the median
// of |residual_b| / spread_b / 0.6745 above kDisturbedScatter, or that median over the steadier
// half (spread at most the median) above kSteadyDisturbedScatter. False with fewer than
// kFewestCommonModeBenchmarks benchmarks.
bool disturbed_difference(const std::vector<double>& residuals, const std::vector<double>& spreads);

SuiteJobSpread estimate_job_spread(const JobLevels& jobs);

}  // namespace benchgate::stats
