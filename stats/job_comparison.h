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
// - p = the two-sided Student's t p-value of r_b / (lambda s_b) with the spread's degrees of
//   freedom, and the interval r_b +- t_{(1+confidence)/2} lambda s_b.
#include <cstddef>
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
  double spread = 0;  // s_b * lambda: the SD used
};

struct JobComparison {
  double common_shift = 0;  // c (log); 0 when not removed
  bool common_mode_removed = false;
  std::size_t common_mode_benchmarks = 0;  // benchmarks c is the median of
  double scatter = 1;                      // lambda
  // One entry per input: empty where a side is missing or the spread is unknown.
  std::vector<std::optional<JobContrast>> rows;
};

JobComparison compare_jobs(std::span<const JobContrastInput> inputs, double confidence);

// The smallest threshold δ at which a true change of δ is blocked with 80% power in stored mode:
// it must clear the Holm first step (two-sided `alpha_per_benchmark`) and, by the block rule, its
// interval at `confidence` must clear δ/2 (stats/verdict.h). `spread` is s_b for the window used.
double stored_detectable_threshold(double spread, double degrees_of_freedom,
                                   double alpha_per_benchmark, double confidence);

}  // namespace benchgate::stats
