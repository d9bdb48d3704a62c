#include "stats/hodges_lehmann.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "stats/distributions.h"
#include "stats/mann_whitney.h"
#include "stats/mann_whitney_exact.h"
#include "stats/pairwise_differences.h"

namespace benchgate::stats {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

std::size_t hodges_lehmann_ci_rank(std::size_t m, std::size_t n, double confidence) {
  if (!(confidence > 0 && confidence < 1))
    throw std::invalid_argument("confidence level must lie strictly between 0 and 1");
  // Allowed probability outside on each side. The tiny allowance absorbs the rounding of
  // 1 - confidence (1 - 0.9 is 0.09999999999999998), so that exact boundaries such as 3x3 at 90%
  // (P(U <= 0) = 1/20 = 0.05) count as reached; it changes coverage by less than 1e-12.
  const double tail = (1 - confidence) / 2 + 1e-12;
  if (m <= kMwuExactMaxN && n <= kMwuExactMaxN) {
    // Largest k with P(U <= k-1) <= tail: the first table entry above `tail` is at index k.
    const auto& cdf = mwu_exact_cdf_table(m, n);
    return static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), tail) - cdf.begin());
  }
  // P(U <= k-1) ~ Phi((k - 1 + 0.5 - mn/2) / sd) <= tail  <=>  k <= mn/2 + 0.5 - z * sd.
  const double mn = static_cast<double>(m) * static_cast<double>(n);
  const double sd = std::sqrt(mn * static_cast<double>(m + n + 1) / 12);
  // Every benchmark of a comparison asks for the same confidence: compute z once per thread.
  thread_local double last_tail = -1, z = 0;
  if (tail != last_tail) {
    z = boost::math::quantile(boost::math::complement(Normal(), tail));
    last_tail = tail;
  }
  const double k = std::floor(mn / 2 + 0.5 - z * sd);
  return k < 1 ? 0 : static_cast<std::size_t>(k);
}

ShiftEstimate hodges_lehmann_shift(std::span<const double> x, std::span<const double> y,
                                   double confidence, std::vector<double>& scratch) {
  if (x.empty() || y.empty())
    throw std::invalid_argument("Hodges-Lehmann estimate needs at least one value per sample");
  const std::size_t total = x.size() * y.size();
  const std::size_t k = hodges_lehmann_ci_rank(x.size(), y.size(), confidence);
  // 0-based ranks: the two middle differences (the same one when their count is odd), then
  // D_(k) and D_(mn+1-k) of the CI. The median goes first: its search narrows the others.
  const std::size_t ranks[] = {total / 2, (total - 1) / 2, k > 0 ? k - 1 : 0,
                               k > 0 ? total - k : 0};
  double values[4];
  pairwise_difference_order_statistics(x, y, std::span(ranks, k > 0 ? 4 : 2), values, scratch);
  ShiftEstimate est{(values[0] + values[1]) / 2, -kInf, kInf};
  if (k == 0) return est;  // too few samples for this confidence: unbounded, never narrower
  est.low = values[2];
  est.high = values[3];
  return est;
}

ShiftEstimate hodges_lehmann_shift(std::span<const double> x, std::span<const double> y,
                                   double confidence) {
  std::vector<double> xs(x.begin(), x.end()), ys(y.begin(), y.end()), scratch;
  std::sort(xs.begin(), xs.end());
  std::sort(ys.begin(), ys.end());
  return hodges_lehmann_shift(xs, ys, confidence, scratch);
}

}  // namespace benchgate::stats
