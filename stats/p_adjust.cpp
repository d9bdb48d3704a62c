#include "stats/p_adjust.h"

#include <algorithm>
#include <numeric>

namespace benchgate::stats {
namespace {

// Indices that order p ascending (stable, so equal p-values keep their input order).
std::vector<std::size_t> ascending_order(std::span<const double> p) {
  std::vector<std::size_t> order(p.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  return order;
}

}  // namespace

std::vector<double> holm_adjust(std::span<const double> p) {
  const std::size_t m = p.size();
  const auto order = ascending_order(p);
  std::vector<double> adjusted(m);
  // The i-th smallest (0-based) is compared with alpha / (m - i); a running maximum keeps the
  // adjusted values monotone, so a benchmark never passes while a smaller p failed.
  double running_max = 0;
  for (std::size_t i = 0; i < m; ++i) {
    running_max = std::max(running_max, static_cast<double>(m - i) * p[order[i]]);
    adjusted[order[i]] = std::min(1.0, running_max);
  }
  return adjusted;
}

std::vector<double> benjamini_hochberg_adjust(std::span<const double> p) {
  const std::size_t m = p.size();
  const auto order = ascending_order(p);
  std::vector<double> adjusted(m);
  // The i-th smallest (1-based rank r) scales by m / r; a running minimum from the largest down
  // makes it step-up: a p-value is rejected whenever a larger one is.
  double running_min = 1.0;
  for (std::size_t i = m; i-- > 0;) {
    const double scaled = static_cast<double>(m) / static_cast<double>(i + 1) * p[order[i]];
    running_min = std::min(running_min, scaled);
    adjusted[order[i]] = running_min;
  }
  return adjusted;
}

}  // namespace benchgate::stats
