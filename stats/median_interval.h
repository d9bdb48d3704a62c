#pragma once
// A distribution-free interval for the median of a few values (docs/history.md#the-points): the
// order statistics x(k) and x(n+1-k) cover the population median with probability
// 1 - 2 P(Binomial(n, 1/2) < k), whatever the distribution. History uses it for a job's level,
// the median of its processes' medians, where the processes are the independent units.
#include <cstddef>
#include <span>

namespace benchgate::stats {

struct MedianInterval {
  double low = 0;
  double high = 0;
  double coverage = 0;  // the interval's exact coverage probability
};

// The narrowest order-statistic interval of `sorted` (ascending, no NaN, not empty) whose coverage
// is at least `confidence`; min..max when even that falls short (fewer than 6 values at 95%), with
// its smaller coverage.
MedianInterval median_interval(std::span<const double> sorted, double confidence = 0.95);

}  // namespace benchgate::stats
