#include "stats/energy_statistic.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace benchgate::stats {

std::vector<double> energy_statistics(std::span<const double> x, std::size_t min_segment) {
  const std::size_t len = x.size();
  min_segment = std::max<std::size_t>(min_segment, 2);  // C(m, 2) needs two points a side
  std::vector<double> q(len, std::numeric_limits<double>::quiet_NaN());
  if (len < 2 * min_segment) return q;
  // One pass over the pairs: left[t] = sum_{i<t}|x_i - x_t|, right[t] = sum_{j>t}|x_t - x_j|.
  // Running totals of them give both within sums for every tau, and the cross sum is the whole
  // series' sum of pairs less the two, so no tau costs more than O(1) after the pass.
  std::vector<double> left(len, 0), right(len, 0);
  double total = 0;
  for (std::size_t i = 0; i < len; ++i) {
    for (std::size_t j = i + 1; j < len; ++j) {
      const double d = std::fabs(x[i] - x[j]);
      right[i] += d;
      left[j] += d;
    }
    total += right[i];
  }
  double within_left = 0, within_right = total;  // pairs inside [0, t) and inside [t, len)
  for (std::size_t t = 0; t + min_segment <= len; ++t) {
    if (t >= min_segment) {
      const auto m = static_cast<double>(t), n = static_cast<double>(len - t);
      const double cross = total - within_left - within_right;
      const double e =
          2 * cross / (m * n) - within_left / (m * (m - 1) / 2) - within_right / (n * (n - 1) / 2);
      q[t] = m * n / (m + n) * e;
    }
    within_left += left[t];
    within_right -= right[t];
  }
  return q;
}

}  // namespace benchgate::stats
