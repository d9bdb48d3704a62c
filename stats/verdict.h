#pragma once
// The verdict rule of docs/statistics.md#the-verdict-rule-in-plain-words for one tested benchmark,
// and the rough sample size that would settle an inconclusive one.
#include <cstddef>
#include <optional>

#include "core/comparison.h"

namespace benchgate::stats {

// The block rule (docs/statistics.md#the-verdict-rule-in-plain-words), chosen with the noise
// simulator (tests/sim): a change must be significant AND its interval must clear half of δ.
// regression:   p_adjusted <= alpha and ci_low > 1 + threshold / 2
// improvement:  p_adjusted <= alpha and ci_high < 1 - threshold / 2
// unchanged:    1 - threshold < ci_low and ci_high < 1 + threshold (the whole CI inside)
// inconclusive: anything else
// So a true change of at most δ/2 is called a regression with probability <= alpha / 2 however
// noisy the benchmark (the interval covers it), while δ is the change the design is sized to
// catch. Comparing the point estimate with δ instead let +7.5% [+2.0%, +13.4%] block at δ = 5%.
//
// Benjamini–Hochberg's say (docs/design.md#statistics): a row Holm could not confirm but that is
// probably a real change is shown as a warning. Only inconclusive rows qualify: a row already
// decided (or proven unchanged within ±δ) has nothing to warn about, and warning on it would be
// crying wolf.
bool bh_warning(Verdict verdict, double q_value, double warning_q);

// Regression <-> improvement, for metrics where higher is better (throughput).
Verdict flip_direction(Verdict verdict);

Verdict decide_verdict(double p_adjusted, double ci_low, double ci_high, double alpha,
                       double threshold);

// How many analysis units a design needs to call a true change of exactly δ a regression with
// 80% power under the block rule above: never from the observed effect (which says nothing about
// what a further measurement would find), always from the design in use.
enum class UnitDesign {
  kPairedRounds,  // one position-adjusted log ratio per round, signed-rank test (interleaved)
  kTwoSample,     // independent units per side (processes or jobs), `test` of the comparison
};

struct SampleSizeQuestion {
  UnitDesign design = UnitDesign::kTwoSample;
  TestKind test = TestKind::kMannWhitney;  // kTwoSample only
  double log_sd = 0;                       // observed SD of the log units (paired: of the ratios)
  std::size_t current_n = 0;               // units behind log_sd (rounds, or per side)
  double threshold = 0.05;                 // δ
  double alpha = 0.05;
  std::size_t family_size = 1;  // benchmarks tested together (Holm's first step is alpha / this)
};

// Units (rounds, or per side) such that, with t quantiles and a 90% upper confidence bound on the
// spread (the observed SD is itself noisy), the estimate of a true change δ clears both the
// significance boundary at alpha / family_size and the rule's δ/2 with 80% power; the rank tests'
// asymptotic efficiency (3/pi) is charged, and the exact rank test must be able to reach
// alpha / family_size at all. Empty when current_n < 2, the spread is not finite, or more than
// kMostUnits would be needed.
std::optional<std::size_t> units_needed(const SampleSizeQuestion& question);

inline constexpr std::size_t kMostUnits = 10000;

// Smallest number of paired rounds for which the exact two-sided signed-rank test can reach
// p <= a at all: its smallest p-value (every round the same sign) is 2 / 2^n. E.g. 6 for
// a = 0.05, 12 for a = 0.05 / 90.
std::size_t smallest_rounds_for_significance(double a);

// Smallest n per side for which the exact two-sided U test can reach p <= a at all: its smallest
// p-value (complete separation of the two samples) is 2 / C(2n, n). E.g. 4 for a = 0.05, 8 for
// a = 0.0005 (alpha 0.05 over 100 benchmarks).
std::size_t smallest_units_for_significance(double a);

}  // namespace benchgate::stats
