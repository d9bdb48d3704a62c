#pragma once
// Welch's unequal-variance t-test, as scipy.stats.ttest_ind(x, y, equal_var=False).
// compare_runs applies it to log values, so the mean difference is a log ratio.
#include <span>

#include "stats/shift_estimate.h"

namespace benchgate::stats {

struct WelchResult {
  double t = 0;               // (mean(x) - mean(y)) / standard_error: scipy's sign convention
  double df = 0;              // Welch–Satterthwaite degrees of freedom (fractional)
  double p_value = 1;         // two-sided
  double shift = 0;           // mean(y) - mean(x)
  double standard_error = 0;  // sqrt(var_x / m + var_y / n)
};

// NaN values are skipped. Fewer than 2 values on a side gives NaN in every field.
// Both samples without spread (standard error 0): p = 1 if the means are equal, else 0, and
// df = NaN (scipy returns NaN there; a constant difference is as certain as it gets).
WelchResult welch_t_test(std::span<const double> x, std::span<const double> y);

// The t interval for the shift mean(y) - mean(x) at `confidence` (e.g. 0.95).
ShiftEstimate welch_shift_interval(const WelchResult& result, double confidence);

}  // namespace benchgate::stats
