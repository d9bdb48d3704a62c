#pragma once
// Group-sequential boundaries with Lan–DeMets alpha spending (Jennison & Turnbull 2000, ch. 7):
// a test looked at K times while data accumulate keeps its false-alarm rate at alpha only when
// every look uses a stricter critical value than the fixed-sample one. A spending function says
// how much of alpha may be used up by information fraction t; the boundaries follow from the
// joint distribution of the standardised statistics at the looks (a Brownian motion sampled at
// the information fractions), computed here by numerical integration.
#include <span>
#include <vector>

namespace benchgate::stats {

enum class SpendingFunction {
  // Lan–DeMets O'Brien–Fleming type, alpha / 2 per side: 4 (1 - Phi(z_{1-alpha/4} / sqrt(t))).
  // Spends almost nothing
  // early, so the last look is nearly the fixed-sample test; early stops need large effects.
  kOBrienFleming,
  // Lan–DeMets Pocock type: alpha ln(1 + (e - 1) t). Spends evenly; stops early more often but
  // the last look is noticeably stricter than a fixed-sample test.
  kPocock,
};

// Cumulative two-sided alpha spent by information fraction t (0 at t = 0, alpha at t >= 1).
double alpha_spent(SpendingFunction spending, double alpha, double t);

// Two-sided boundaries c_1..c_K: stop at look k and reject when |Z_k| >= c_k, where Z_k is the
// standardised statistic on all data up to look k. `information` holds the fractions t_1 < ... <
// t_K in (0, 1]; a last fraction of 1 spends whatever alpha is left. Looks whose spent alpha does
// not grow get an infinite boundary. Throws std::invalid_argument on a bad schedule.
std::vector<double> group_sequential_boundaries(SpendingFunction spending, double alpha,
                                                std::span<const double> information);

// The fixed-sample two-sided p-value a boundary corresponds to: 2 (1 - Phi(c)).
double nominal_level(double boundary);

// The z value with the same two-sided p-value: Phi^-1(1 - p / 2) (infinite for p = 0).
double z_for_two_sided_p(double p);

}  // namespace benchgate::stats
