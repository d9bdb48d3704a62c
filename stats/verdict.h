#pragma once
// The verdict rule of docs/statistics.md#the-verdict-rule-in-plain-words for one tested benchmark,
// and the rough sample size that would settle an inconclusive one.
#include <cstddef>
#include <optional>

#include "core/comparison.h"

namespace benchgate::stats {

// regression:   p_adjusted <= alpha, ci_low > 1 and ratio >= 1 + threshold
// improvement:  p_adjusted <= alpha, ci_high < 1 and ratio <= 1 - threshold
// unchanged:    1 - threshold < ci_low and ci_high < 1 + threshold (the whole CI inside)
// inconclusive: anything else
// Benjamini–Hochberg's say (docs/design.md#statistics): a row Holm could not confirm but that is
// probably a real change is shown as a warning. Only inconclusive rows qualify: a row already
// decided (or proven unchanged within ±δ) has nothing to warn about, and warning on it would be
// crying wolf.
bool bh_warning(Verdict verdict, double q_value, double warning_q);

// Regression <-> improvement, for metrics where higher is better (throughput).
Verdict flip_direction(Verdict verdict);

Verdict decide_verdict(double p_adjusted, double ratio, double ci_low, double ci_high, double alpha,
                       double threshold);

struct SampleSizeQuestion {
  double log_ratio = 0;     // current estimate of the effect, log(head/base)
  double log_sd = 0;        // pooled standard deviation of the log analysis units
  double threshold = 0.05;  // δ
  double alpha = 0.05;
  std::size_t family_size = 1;  // benchmarks tested together (Holm's first step is alpha / this)
  TestKind test = TestKind::kMannWhitney;
  std::size_t current_n = 0;  // the larger side's current count; the answer is always above it
};

// Analysis units per side that would probably (power 80%) settle the verdict, assuming the
// current estimate and spread are the truth:
//   - estimate outside (1-δ, 1+δ): distance d = |log ratio| must be significant at a = alpha/M;
//   - estimate inside: the CI (level 1-alpha) must fit inside, d = distance to the nearer of
//     log(1-δ), log(1+δ), with a = alpha;
//   n = 2 (z_{1-a/2} + z_{0.8})^2 sd^2 / d^2, times pi/3 for the U test (its asymptotic relative
//   efficiency vs the t-test is 3/pi on normal data), and at least the smallest n whose exact U
//   test can reach p <= a at all (2 / C(2n, n) <= a). Empty when no sample size would do
//   (the estimate sits on a boundary, or more than a million units would be needed).
std::optional<std::size_t> units_needed(const SampleSizeQuestion& question);

// Smallest n per side for which the exact two-sided U test can reach p <= a at all: its smallest
// p-value (complete separation of the two samples) is 2 / C(2n, n). E.g. 4 for a = 0.05, 8 for
// a = 0.0005 (alpha 0.05 over 100 benchmarks).
std::size_t smallest_units_for_significance(double a);

}  // namespace benchgate::stats
