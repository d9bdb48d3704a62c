#include "stats/job_spread.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/descriptive.h"
#include "stats/distributions.h"

namespace benchgate::stats {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// E[Z^2 | |Z| <= q] for a standard normal Z, where q keeps the share `kept` of |Z|: the factor
// that makes a trimmed mean square estimate the variance.
double trimmed_second_moment(double kept) {
  if (kept >= 1) return 1;
  const Normal normal;
  const double q = quantile(normal, (1 + kept) / 2);
  return 1 - 2 * q * pdf(normal, q) / kept;
}

}  // namespace

double common_mode_shift(std::span<const double> differences) {
  std::vector<double> finite;
  for (double d : differences)
    if (std::isfinite(d)) finite.push_back(d);
  if (finite.size() < kFewestCommonModeBenchmarks) return 0;
  return median_in_place(finite);
}

double trimmed_rms(std::vector<double> values) {
  if (values.empty()) return kNaN;
  for (double& v : values) v = std::fabs(v);
  std::sort(values.begin(), values.end());
  const auto dropped = static_cast<std::size_t>(std::floor(kSpreadTrim * values.size()));
  const std::size_t kept = values.size() - dropped;
  double sum = 0;
  for (std::size_t i = 0; i < kept; ++i) sum += values[i] * values[i];
  const double kept_share = static_cast<double>(kept) / static_cast<double>(values.size());
  return std::sqrt(sum / static_cast<double>(kept) / trimmed_second_moment(kept_share));
}

double spread_degrees_of_freedom(std::size_t differences) {
  // Measured by simulation of normal jobs (tests/sim): the 20%-trimmed RMS of n successive
  // differences varies like a chi-square estimate with about n/2 degrees of freedom.
  return std::max(1.0, static_cast<double>(differences) / 2);
}

SuiteJobSpread estimate_job_spread(const JobLevels& jobs) {
  SuiteJobSpread out;
  out.jobs = jobs.levels.size();
  const std::size_t n = jobs.benchmarks.size();
  std::vector<std::vector<double>> residuals(n);
  std::vector<double> shifts;
  bool every_pair_removed = out.jobs >= 2;
  std::vector<double> differences(n);
  for (std::size_t j = 1; j < jobs.levels.size(); ++j) {
    const auto& before = jobs.levels[j - 1];
    const auto& after = jobs.levels[j];
    for (std::size_t b = 0; b < n; ++b)
      differences[b] = b < before.size() && b < after.size() ? after[b] - before[b] : kNaN;
    const double shift = common_mode_shift(differences);
    const bool removed = std::count_if(differences.begin(), differences.end(), [](double d) {
                           return std::isfinite(d);
                         }) >= static_cast<std::ptrdiff_t>(kFewestCommonModeBenchmarks);
    every_pair_removed = every_pair_removed && removed;
    if (removed) shifts.push_back(shift);
    for (std::size_t b = 0; b < n; ++b)
      if (std::isfinite(differences[b])) residuals[b].push_back(differences[b] - shift);
  }
  out.common_mode_removed = every_pair_removed;
  out.common_mode_sd = shifts.size() >= 2 ? trimmed_rms(shifts) : kNaN;
  for (std::size_t b = 0; b < n; ++b) {
    if (residuals[b].size() < 2) continue;
    BenchmarkJobSpread s;
    s.differences = residuals[b].size();
    s.difference_sd = trimmed_rms(std::move(residuals[b]));
    s.degrees_of_freedom = spread_degrees_of_freedom(s.differences);
    out.benchmarks.emplace(jobs.benchmarks[b], s);
  }
  return out;
}

}  // namespace benchgate::stats
