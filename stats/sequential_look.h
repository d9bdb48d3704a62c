#pragma once
// What one look of the interleaved design sees for one benchmark: the rounds complete so far,
// each a pair (base process, head process) measured back to back. The statistic is the paired t
// on log(head / base) per round: the pairing removes drift shared by the two processes of a round
// (docs/design.md#interleave), and the log makes the effect a ratio.
#include <cstddef>
#include <span>

namespace benchgate::stats {

struct PairedLook {
  std::size_t rounds = 0;     // pairs used
  double mean_log_ratio = 0;  // mean of log(head / base): the effect estimate
  double standard_error = 0;  // of that mean (sd / sqrt(n))
  double p_value = 1;         // two-sided paired t test, n - 1 degrees of freedom
  double z = 0;  // |z| with the same two-sided p-value: what the boundaries are compared with
};

// `base[i]` and `head[i]` are round i's per-process values (> 0). Needs >= 2 rounds; throws
// std::invalid_argument otherwise or on sizes that differ. Identical differences (sd 0) give
// p = 0 unless the mean is 0 too (then p = 1).
PairedLook paired_log_look(std::span<const double> base, std::span<const double> head);

// The half-width of a repeated confidence interval for the mean log ratio at a look whose
// boundary is `boundary` (Jennison & Turnbull ch. 9): the t quantile at the boundary's nominal
// level, times the standard error. Covers the true effect at every look simultaneously with
// probability >= 1 - alpha, whenever the design stops.
double repeated_ci_half_width(const PairedLook& look, double boundary);

}  // namespace benchgate::stats
