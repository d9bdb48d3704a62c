#pragma once
// Descriptive statistics over plain vectors of values. NaN values are skipped everywhere: a NaN
// is "no measurement", never a number to average in. Results are NaN when too few values remain.
#include <span>

namespace benchgate::stats {

// Median; reorders `values` (nth_element, not a full sort: O(n) instead of O(n log n)).
double median_in_place(std::span<double> values);
// Median of a copy: the input is left untouched.
double median(std::span<const double> values);
// Median of values already sorted ascending and free of NaN: O(1), nothing reordered.
double median_of_sorted(std::span<const double> sorted);
double mean(std::span<const double> values);
// Sample standard deviation (n - 1 in the denominator); NaN below 2 values.
double sample_sd(std::span<const double> values);
// Sample standard deviation / mean: the scale-free spread used to flag noisy benchmarks.
double coefficient_of_variation(std::span<const double> values);

}  // namespace benchgate::stats
