#include "stats/descriptive.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace benchgate::stats {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

double median_in_place(std::span<double> values) {
  // Move the NaNs to the back and ignore them.
  auto end = std::partition(values.begin(), values.end(), [](double v) { return !std::isnan(v); });
  const auto n = static_cast<std::size_t>(end - values.begin());
  if (n == 0) return kNaN;
  // nth_element places the upper middle value and leaves everything below it on its left, so for
  // an even count the lower middle is simply the largest value of that left part.
  auto upper = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(values.begin(), upper, end);
  if (n % 2 == 1) return *upper;
  const double lower = *std::max_element(values.begin(), upper);
  return (lower + *upper) / 2;
}

double median(std::span<const double> values) {
  std::vector<double> copy(values.begin(), values.end());
  return median_in_place(copy);
}

double median_of_sorted(std::span<const double> sorted) {
  const std::size_t n = sorted.size();
  if (n == 0) return kNaN;
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double mean(std::span<const double> values) {
  double sum = 0;
  std::size_t n = 0;
  for (double v : values) {
    if (std::isnan(v)) continue;
    sum += v;
    ++n;
  }
  return n == 0 ? kNaN : sum / static_cast<double>(n);
}

double sample_sd(std::span<const double> values) {
  // Two passes (mean first, then squared deviations): the one-pass sum-of-squares formula loses
  // all precision when the spread is tiny relative to the values, which is typical of timings.
  const double m = mean(values);
  double squares = 0;
  std::size_t n = 0;
  for (double v : values) {
    if (std::isnan(v)) continue;
    squares += (v - m) * (v - m);
    ++n;
  }
  return n < 2 ? kNaN : std::sqrt(squares / static_cast<double>(n - 1));
}

double coefficient_of_variation(std::span<const double> values) {
  return sample_sd(values) / mean(values);
}

}  // namespace benchgate::stats
