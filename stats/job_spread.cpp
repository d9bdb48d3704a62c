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

bool disturbed_difference(const std::vector<double>& residuals,
                          const std::vector<double>& spreads) {
  std::vector<std::pair<double, double>> scaled;  // spread_b, |residual_b| / spread_b
  for (std::size_t b = 0; b < residuals.size() && b < spreads.size(); ++b)
    if (std::isfinite(residuals[b]) && spreads[b] > 0)
      scaled.emplace_back(spreads[b], std::fabs(residuals[b]) / spreads[b]);
  if (scaled.size() < kFewestCommonModeBenchmarks) return false;
  std::sort(scaled.begin(), scaled.end());
  std::vector<double> all, steady;
  for (std::size_t i = 0; i < scaled.size(); ++i) {
    all.push_back(scaled[i].second);
    if (2 * i < scaled.size()) steady.push_back(scaled[i].second);
  }
  constexpr double kMedianAbsNormal = 0.6744897501960817;
  return median_in_place(all) > kDisturbedScatter * kMedianAbsNormal ||
         median_in_place(steady) > kSteadyDisturbedScatter * kMedianAbsNormal;
}

SuiteJobSpread estimate_job_spread(const JobLevels& jobs) {
  SuiteJobSpread out;
  out.jobs = jobs.levels.size();
  const std::size_t n = jobs.benchmarks.size();
  // pairs[j][b]: the common-mode adjusted difference of jobs j and j + 1 (NaN: not both).
  std::vector<std::vector<double>> pairs;
  std::vector<double> shifts;  // NaN where the pair had too few benchmarks for a common mode
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
    shifts.push_back(removed ? shift : kNaN);
    for (double& d : differences) d -= shift;
    pairs.push_back(differences);
  }
  out.common_mode_removed = every_pair_removed;

  // Each benchmark's spread over the pairs `kept`, and their number.
  auto spreads_over = [&](const std::vector<bool>& kept, std::vector<std::size_t>& counts) {
    std::vector<double> spreads(n, kNaN);
    counts.assign(n, 0);
    for (std::size_t b = 0; b < n; ++b) {
      std::vector<double> residuals;
      for (std::size_t p = 0; p < pairs.size(); ++p)
        if (kept[p] && std::isfinite(pairs[p][b])) residuals.push_back(pairs[p][b]);
      counts[b] = residuals.size();
      if (residuals.size() >= 2) spreads[b] = trimmed_rms(std::move(residuals));
    }
    return spreads;
  };
  // A disturbed job moves each benchmark by about the same amount, so the steady benchmarks far
  // more than their spread; at one job in seven (measured here) its two pairs are more than the
  // trim leaves out, and the steady benchmarks' spread came out several times too large. So the
  // pairs that scatter like a disturbed job (stats/job_comparison.h) are left out, as head's
  // disturbed job is widened instead.
  // Three rounds: the first spreads still hold the disturbed pairs, which hides the smaller
  // disturbances; an ordinary pair passes either threshold by chance about one time in 100.
  std::vector<bool> kept(pairs.size(), true);
  std::vector<std::size_t> counts;
  std::vector<double> spreads = spreads_over(kept, counts);
  for (int round = 0; round < 3; ++round) {
    for (std::size_t p = 0; p < pairs.size(); ++p)
      kept[p] = !disturbed_difference(pairs[p], spreads);
    spreads = spreads_over(kept, counts);
  }

  std::vector<double> ordinary_shifts;
  for (std::size_t p = 0; p < pairs.size(); ++p)
    if (kept[p] && std::isfinite(shifts[p])) ordinary_shifts.push_back(shifts[p]);
  out.common_mode_sd = ordinary_shifts.size() >= 2 ? trimmed_rms(ordinary_shifts) : kNaN;
  for (std::size_t b = 0; b < n; ++b) {
    if (counts[b] < 2) continue;
    BenchmarkJobSpread s;
    s.differences = counts[b];
    s.difference_sd = spreads[b];
    s.degrees_of_freedom = spread_degrees_of_freedom(s.differences);
    out.benchmarks.emplace(jobs.benchmarks[b], s);
  }
  return out;
}

}  // namespace benchgate::stats
