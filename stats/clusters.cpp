#include "stats/clusters.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/descriptive.h"

namespace benchgate::stats {
namespace {

constexpr double kSmallestGap = 0.0953;  // log(1.10)
constexpr double kGapOverSpread = 3;

}  // namespace

std::optional<TwoClusters> two_clusters(std::span<const double> values) {
  std::vector<double> logs;
  for (double v : values)
    if (v > 0 && std::isfinite(v)) logs.push_back(std::log(v));
  std::sort(logs.begin(), logs.end());
  const std::size_t n = logs.size();
  const std::size_t smallest = std::max<std::size_t>(2, (n + 4) / 5);
  if (n < 2 * smallest) return std::nullopt;
  std::size_t split = 0;
  double gap = 0;
  for (std::size_t k = smallest; k + smallest <= n; ++k)
    if (logs[k] - logs[k - 1] > gap) {
      gap = logs[k] - logs[k - 1];
      split = k;
    }
  if (split == 0 || gap < kSmallestGap) return std::nullopt;
  const std::span<const double> low(logs.data(), split), high(logs.data() + split, n - split);
  const double spread = std::max(sample_sd(low), sample_sd(high));
  if (!(gap >= kGapOverSpread * spread)) return std::nullopt;
  return TwoClusters{.low = std::exp(median_of_sorted(low)),
                     .high = std::exp(median_of_sorted(high)),
                     .low_count = low.size(),
                     .high_count = high.size()};
}

}  // namespace benchgate::stats
