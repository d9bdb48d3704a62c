#pragma once
// Hodges–Lehmann estimate of the shift of y relative to x (the median of all m*n pairwise
// differences y_j - x_i) with its distribution-free confidence interval: order statistics of the
// same differences, at ranks given by the Mann–Whitney critical value (Hollander & Wolfe §4.3).
#include <cstddef>
#include <span>
#include <vector>

#include "stats/shift_estimate.h"

namespace benchgate::stats {

// The 1-based rank k such that [D_(k), D_(mn+1-k)] of the sorted differences covers the true
// shift with probability >= `confidence` (exactly 1 - 2 P(U <= k-1) for continuous data). Uses the
// exact U distribution when both sizes <= kMwuExactMaxN, the normal approximation (with continuity
// correction) otherwise. 0 means that even [min, max] is not enough: the interval is unbounded.
std::size_t hodges_lehmann_ci_rank(std::size_t m, std::size_t n, double confidence);

// Both samples must be free of NaN and non-empty (else std::invalid_argument). The interval is
// (-inf, +inf) when the samples are too small for `confidence` — never silently narrower.
// This overload needs `x` and `y` sorted ascending; `scratch` is reused between calls.
ShiftEstimate hodges_lehmann_shift(std::span<const double> x, std::span<const double> y,
                                   double confidence, std::vector<double>& scratch);
// Any order: sorts copies first.
ShiftEstimate hodges_lehmann_shift(std::span<const double> x, std::span<const double> y,
                                   double confidence);

}  // namespace benchgate::stats
