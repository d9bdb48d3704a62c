#include "stats/job_comparison.h"

#include <algorithm>
#include <cmath>

#include "stats/descriptive.h"
#include "stats/distributions.h"

namespace benchgate::stats {
namespace {

// The median |Z| of a standard normal.
constexpr double kMedianAbsNormal = 0.6744897501960817;

double t_quantile(double degrees_of_freedom, double probability) {
  return quantile(StudentsT(degrees_of_freedom), probability);
}

}  // namespace

JobComparison compare_jobs(std::span<const JobContrastInput> inputs, double confidence) {
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
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    if (!std::isfinite(differences[i]) || !in.spread || !(in.spread->difference_sd > 0)) continue;
    const double w = static_cast<double>(in.base_levels.size());
    spreads[i] = in.spread->difference_sd * std::sqrt((1 + 1 / w) / 2);
    scaled.push_back(std::fabs(differences[i] - out.common_shift) / spreads[i]);
  }
  if (scaled.size() >= kFewestCommonModeBenchmarks)
    out.scatter = std::max(1.0, median_in_place(scaled) / kMedianAbsNormal);

  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!(spreads[i] > 0)) continue;
    const double df = inputs[i].spread->degrees_of_freedom;
    JobContrast row;
    row.shift = differences[i] - out.common_shift;
    row.spread = spreads[i] * out.scatter;
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
