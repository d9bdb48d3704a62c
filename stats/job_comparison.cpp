#include "stats/job_comparison.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "stats/descriptive.h"
#include "stats/distributions.h"

namespace benchgate::stats {
namespace {

// The median |Z| of a standard normal.
constexpr double kMedianAbsNormal = 0.6744897501960817;

double t_quantile(double degrees_of_freedom, double probability) {
  return quantile(StudentsT(degrees_of_freedom), probability);
}

// median_b |r_b| / sqrt(s_b^2 + tau^2): the benchmarks' scatter once tau is added to each.
double scaled_median(std::span<const std::pair<double, double>> residuals, double tau,
                     std::vector<double>& scratch) {
  scratch.clear();
  for (const auto& [r, s] : residuals) scratch.push_back(r / std::hypot(s, tau));
  return median_in_place(scratch);
}

// The tau at which scaled_median over the steadier half of the benchmarks (s_b at most the
// median s_b) is the median |Z| of a standard normal; 0 when the job is not `disturbed` and that
// half scatters at most kSteadyDisturbedScatter times as far as usual. By bisection: the median
// falls as tau grows, and at tau = max |r| / 0.6745 every ratio is below it.
double added_spread(std::vector<std::pair<double, double>> residuals, bool disturbed) {
  std::sort(residuals.begin(), residuals.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  residuals.resize((residuals.size() + 1) / 2);
  std::vector<double> scratch;
  const double steady = scaled_median(residuals, 0, scratch) / kMedianAbsNormal;
  if (steady <= 1 || (!disturbed && steady <= kSteadyDisturbedScatter)) return 0;
  double low = 0, high = 0;
  for (const auto& [r, s] : residuals) high = std::max(high, r / kMedianAbsNormal);
  for (int i = 0; i < 60; ++i) {
    const double mid = (low + high) / 2;
    (scaled_median(residuals, mid, scratch) > kMedianAbsNormal ? low : high) = mid;
  }
  return high;
}

}  // namespace

JobComparison compare_jobs(std::span<const JobContrastInput> inputs, double confidence,
                           double common_mode_limit) {
  JobComparison out;
  out.rows.resize(inputs.size());
  std::vector<double> differences(inputs.size(), std::nan(""));
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    if (!std::isfinite(in.head_level) || in.base_levels.empty()) continue;
    differences[i] = in.head_level - mean(in.base_levels);
  }
  out.common_shift = common_mode_shift(differences);
  out.common_mode_benchmarks = static_cast<std::size_t>(std::count_if(
      differences.begin(), differences.end(), [](double d) { return std::isfinite(d); }));
  out.common_mode_removed = out.common_mode_benchmarks >= kFewestCommonModeBenchmarks;

  std::vector<double> spreads(inputs.size(), 0), scaled;
  std::vector<std::pair<double, double>> residuals;  // |r_b|, s_b
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    if (!std::isfinite(differences[i]) || !in.spread || !(in.spread->difference_sd > 0)) continue;
    const double w = static_cast<double>(in.base_levels.size());
    spreads[i] = in.spread->difference_sd * std::sqrt((1 + 1 / w) / 2);
    scaled.push_back(std::fabs(differences[i] - out.common_shift) / spreads[i]);
    residuals.emplace_back(std::fabs(differences[i] - out.common_shift), spreads[i]);
  }
  if (scaled.size() >= kFewestCommonModeBenchmarks) {
    out.scatter = std::max(1.0, median_in_place(scaled) / kMedianAbsNormal);
    const bool disturbed =
        out.scatter > kDisturbedScatter ||
        (out.common_mode_removed && std::fabs(std::exp(out.common_shift) - 1) > common_mode_limit);
    out.added_spread = added_spread(std::move(residuals), disturbed);
  }

  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!(spreads[i] > 0)) continue;
    const double df = inputs[i].spread->degrees_of_freedom;
    JobContrast row;
    row.shift = differences[i] - out.common_shift;
    row.spread = std::max(spreads[i] * out.scatter, std::hypot(spreads[i], out.added_spread));
    const double t = std::fabs(row.shift) / row.spread;
    row.p_value = std::min(1.0, 2 * cdf(complement(StudentsT(df), t)));
    const double half = t_quantile(df, (1 + confidence) / 2) * row.spread;
    row.low = row.shift - half;
    row.high = row.shift + half;
    out.rows[i] = row;
  }
  return out;
}

double stored_detectable_threshold(double spread, double degrees_of_freedom,
                                   double alpha_per_benchmark, double confidence) {
  // 80% power: the estimate of a true change δ falls below δ - z_0.8 s one time in five.
  const double power_margin = t_quantile(degrees_of_freedom, 0.80);
  const double significance = t_quantile(degrees_of_freedom, 1 - alpha_per_benchmark / 2);
  const double interval = t_quantile(degrees_of_freedom, (1 + confidence) / 2);
  // δ - m s >= q s  and  δ - m s - i s >= δ / 2.
  return spread * std::max(significance + power_margin, 2 * (interval + power_margin));
}

}  // namespace benchgate::stats
