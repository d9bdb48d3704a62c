#include "stats/median_interval.h"

#include <cmath>

namespace benchgate::stats {

MedianInterval median_interval(std::span<const double> sorted, double confidence) {
  const std::size_t n = sorted.size();
  // tail = P(Binomial(n, 1/2) < k) for the current k, built term by term in log space so that
  // large n does not underflow 2^-n.
  const double log_half_n = static_cast<double>(n) * std::log(0.5);
  double log_choose = 0;  // log C(n, k - 1)
  double tail = std::exp(log_half_n);
  std::size_t k = 1;  // the interval is x(k)..x(n+1-k), 1-based
  while (2 * k + 1 <= n) {
    log_choose += std::log(static_cast<double>(n - k + 1)) - std::log(static_cast<double>(k));
    const double grown = tail + std::exp(log_choose + log_half_n);
    if (1 - 2 * grown < confidence) break;
    tail = grown;
    ++k;
  }
  return {sorted[k - 1], sorted[n - k], 1 - 2 * tail};
}

}  // namespace benchgate::stats
