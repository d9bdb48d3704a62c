#pragma once
// The e-divisive (energy) statistic of every split of a series, the candidate step of change-point
// detection (stats/change_points.h; Matteson & James 2014, alpha = 1, as Hunter/Otava use it).
#include <cstddef>
#include <span>
#include <vector>

namespace benchgate::stats {

// q[tau] for tau in [0, x.size()): the statistic of splitting x into x[0, tau) (m points) and
// x[tau, end) (n points),
//   Q(tau) = m n / (m + n) * (2/(m n) sum|x_i - y_j| - sum_{i<k}|x_i - x_k| / C(m, 2)
//                                                    - sum_{j<k}|y_j - y_k| / C(n, 2)),
// large where the two sides differ in distribution. NaN where a side has fewer than
// max(min_segment, 2) points. O(n^2) time, O(n) memory.
std::vector<double> energy_statistics(std::span<const double> x, std::size_t min_segment);

}  // namespace benchgate::stats
