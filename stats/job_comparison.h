#pragma once
// Stored mode's test (docs/statistics.md#stored-mode-the-job-is-a-unit): head's job against W
// stored jobs, with the job-to-job spread learnt from history (stats/job_spread.h). It is a
// prediction interval for a new job, not a test of two bags of processes: the processes of one
// job share its machine state, so their number does not shrink the spread between jobs.
//
// Per benchmark b, with d_b = log(head level) - mean over the W base jobs of log(base level):
// - the common-mode shift c = median_b d_b is removed (when the suite has enough benchmarks), as
//   it was from the history the spread came from;
// - the spread of r_b = d_b - c for an unchanged benchmark is s_b = difference_sd_b *
//   sqrt((1 + 1/W) / 2) (difference_sd is that of one job against one job);
// - a job the machine disturbed as a whole scatters every benchmark at once: the scatter
//   lambda = max(1, median_b |r_b| / s_b / 0.6745) widens every interval of the job (0.6745 is
//   the median |Z| of a standard normal, so an ordinary job has lambda near 1);
// - a disturbed job moves the benchmarks by about the same amount each, not in proportion to
//   their usual spread: measured here, one job was 20-74% slower, i.e. a common factor felt
//   30-100% by each benchmark, which leaves a benchmark usually steady to 0.5% off by ±15% after
//   the common mode (and a disturbed job among W base jobs by 1/W of that). lambda, a median over
//   all benchmarks, widened such a benchmark's interval by ~4 and blocked it
//   (tests/sim/stored_mode_acceptance_test.cpp). So its spread is also at least
//   sqrt(s_b^2 + tau^2), tau the added spread that brings median |r_b| / sqrt(s_b^2 + tau^2)
//   over the steadier half of the benchmarks down to 0.6745 (fitted where it matters), when the
//   job is disturbed: lambda > kDisturbedScatter, or that half's scatter > kSteadyDisturbedScatter
//   (stats/job_spread.h), or a common shift beyond an ordinary job's. Not in an ordinary job:
//   there the median of ~15 benchmarks strays above 0.6745 by chance, and a tau fitted to that
//   cost the steadiest benchmarks a tenth of their power;
// - with S_b = max(lambda s_b, sqrt(s_b^2 + tau^2)): p = the two-sided Student's t p-value of
//   r_b / S_b with the spread's degrees of freedom, and the interval r_b +- t_{(1+confidence)/2}
//   S_b.
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "stats/job_spread.h"

namespace benchgate::stats {

struct JobContrastInput {
  double head_level = 0;             // log of head's level; NaN when not measured
  std::vector<double> base_levels;   // log of each stored job's level (empty: not measured)
  const BenchmarkJobSpread* spread;  // null: this benchmark's job-to-job spread is unknown
};

struct JobContrast {
  double shift = 0;  // log ratio head/base after the common mode
  double low = 0, high = 0;
  double p_value = 1;
  double spread = 0;  // S_b: the SD used
};

struct JobComparison {
  double common_shift = 0;  // c (log); 0 when not removed
  bool common_mode_removed = false;
  std::size_t common_mode_benchmarks = 0;  // benchmarks c is the median of
  double scatter = 1;                      // lambda
  double added_spread = 0;                 // tau (log)
  // One entry per input: empty where a side is missing or the spread is unknown.
  std::vector<std::optional<JobContrast>> rows;
};

// `common_mode_limit`: the largest common shift of an ordinary job (a ratio above 1, as
// JobLevelSummary::common_mode_limit); a job beyond it is disturbed (tau fitted whatever the
// scatter).
JobComparison compare_jobs(std::span<const JobContrastInput> inputs, double confidence,
                           double common_mode_limit = std::numeric_limits<double>::infinity());

// The smallest threshold δ at which a true change of δ is blocked with 80% power in stored mode:
// it must clear the Holm first step (two-sided `alpha_per_benchmark`) and, by the block rule, its
// interval at `confidence` must clear δ/2 (stats/verdict.h). `spread` is s_b for the window used.
double stored_detectable_threshold(double spread, double degrees_of_freedom,
                                   double alpha_per_benchmark, double confidence);

}  // namespace benchgate::stats
