#include "stats/detectable_effect.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include <boost/math/distributions/non_central_t.hpp>

#include "stats/descriptive.h"
#include "stats/distributions.h"
#include "stats/verdict.h"

namespace benchgate::stats {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
using NonCentralT = boost::math::non_central_t_distribution<double, DoublePolicy>;

// Power of the two-sided t test at level `alpha` when the noncentrality is `lambda`.
double t_test_power(double df, double alpha, double lambda) {
  const double critical = boost::math::quantile(boost::math::complement(StudentsT(df), alpha / 2));
  const NonCentralT shifted(df, lambda);
  return boost::math::cdf(boost::math::complement(shifted, critical)) +
         boost::math::cdf(shifted, -critical);
}

// The noncentrality giving `power` (power rises with lambda): bracket, then bisect.
double noncentrality_for_power(double df, double alpha, double power) {
  double lo = 0, hi = 1;
  while (t_test_power(df, alpha, hi) < power) {
    lo = hi;
    hi *= 2;
    if (hi > 1e6) return kInfinity;
  }
  for (int i = 0; i < 200 && hi - lo > 1e-10 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (t_test_power(df, alpha, mid) < power ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

std::vector<double> logs(std::span<const double> values) {
  std::vector<double> out;
  for (double v : values) out.push_back(v > 0 ? std::log(v) : std::nan(""));
  return out;
}

}  // namespace

double detectable_ratio(const DetectableEffectQuestion& q) {
  if (q.n < 2 || !std::isfinite(q.log_sd) || q.log_sd < 0) return kInfinity;
  if (!(q.alpha > 0 && q.alpha < 1) || !(q.power > 0 && q.power < 1)) return kInfinity;
  const double n = static_cast<double>(q.n);
  const bool paired = q.design == EffectDesign::kPaired;
  const double df = paired ? n - 1 : 2 * n - 2;
  const double standard_error = q.log_sd * (paired ? std::sqrt(1 / n) : std::sqrt(2 / n));
  double log_effect = noncentrality_for_power(df, q.alpha, q.power) * standard_error;
  if (paired) {
    // The signed-rank test: its exact floor is 2 / 2^n, its efficiency that of the U test.
    if (smallest_rounds_for_significance(q.alpha) > q.n) return kInfinity;
    log_effect *= std::sqrt(std::numbers::pi / 3);
  } else if (q.test == TestKind::kMannWhitney) {
    if (smallest_units_for_significance(q.alpha) > q.n) return kInfinity;
    log_effect *= std::sqrt(std::numbers::pi / 3);
  }
  return std::exp(log_effect);
}

double two_sample_log_sd(std::span<const double> base, std::span<const double> head) {
  const auto base_logs = logs(base), head_logs = logs(head);
  for (double v : base_logs)
    if (std::isnan(v)) return std::nan("");
  for (double v : head_logs)
    if (std::isnan(v)) return std::nan("");
  const double b = sample_sd(base_logs), h = sample_sd(head_logs);
  return std::sqrt((b * b + h * h) / 2);
}

double paired_log_sd(std::span<const double> base, std::span<const double> head) {
  std::vector<double> differences;
  for (std::size_t i = 0; i < base.size() && i < head.size(); ++i) {
    if (!(base[i] > 0) || !(head[i] > 0)) return std::nan("");
    differences.push_back(std::log(head[i]) - std::log(base[i]));
  }
  return sample_sd(differences);
}

}  // namespace benchgate::stats
