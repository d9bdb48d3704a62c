#include "stats/verdict.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <boost/math/distributions/chi_squared.hpp>

#include "stats/distributions.h"

namespace benchgate::stats {
namespace {

constexpr double kPower = 0.80;
constexpr double kSpreadBoundLevel = 0.90;  // the upper confidence bound on the observed SD

double t_quantile(double df, double p) {
  return boost::math::quantile(StudentsT(df), p);
}

// sigma * sqrt((n - 1) / chi2_{1 - level}(n - 1)): the SD is itself an estimate, and planning with
// it as if it were the truth promises too few units about half of the time.
double spread_upper_bound(double log_sd, std::size_t n) {
  const double df = static_cast<double>(n - 1);
  const boost::math::chi_squared_distribution<double, DoublePolicy> chi2(df);
  return log_sd * std::sqrt(df / boost::math::quantile(chi2, 1 - kSpreadBoundLevel));
}

// Smallest n whose exact signed-rank test can reach p <= a at all: 2 / 2^n <= a.
std::size_t smallest_rounds_for_significance(double a) {
  std::size_t n = 1;
  while (2 / std::ldexp(1.0, static_cast<int>(n)) > a && n < 1000) ++n;
  return n;
}

}  // namespace

std::size_t smallest_units_for_significance(double a) {
  double central = 2;  // C(2n, n) for n = 1
  std::size_t n = 1;
  // C(2n, n) grows like 4^n, so this ends after a few dozen steps even for absurdly small a.
  while (2 / central > a && n < 1000) {
    ++n;
    central *= static_cast<double>(2 * n) * static_cast<double>(2 * n - 1) /
               (static_cast<double>(n) * static_cast<double>(n));
  }
  return n;
}

bool bh_warning(Verdict verdict, double q_value, double warning_q) {
  return verdict == Verdict::kInconclusive && q_value <= warning_q;
}

Verdict flip_direction(Verdict verdict) {
  if (verdict == Verdict::kRegression) return Verdict::kImprovement;
  if (verdict == Verdict::kImprovement) return Verdict::kRegression;
  return verdict;
}

Verdict decide_verdict(double p_adjusted, double ci_low, double ci_high, double alpha,
                       double threshold) {
  const bool significant = p_adjusted <= alpha;
  if (significant && ci_low > 1 + threshold / 2) return Verdict::kRegression;
  if (significant && ci_high < 1 - threshold / 2) return Verdict::kImprovement;
  if (ci_low > 1 - threshold && ci_high < 1 + threshold) return Verdict::kUnchanged;
  return Verdict::kInconclusive;
}

std::optional<std::size_t> units_needed(const SampleSizeQuestion& q) {
  if (q.current_n < 2 || !std::isfinite(q.log_sd) || q.log_sd < 0 || !(q.threshold > 0))
    return std::nullopt;
  const bool paired = q.design == UnitDesign::kPairedRounds;
  const double a = q.alpha / static_cast<double>(std::max<std::size_t>(q.family_size, 1));
  // Rank tests cost a factor pi/3 in variance against the t test on normal data.
  const bool ranks = paired || q.test == TestKind::kMannWhitney;
  const double scale = spread_upper_bound(q.log_sd, q.current_n) *
                       std::sqrt((paired ? 1.0 : 2.0) * (ranks ? std::numbers::pi / 3 : 1.0));
  const double target = std::log1p(q.threshold), rule = std::log1p(q.threshold / 2);
  std::size_t n =
      std::max<std::size_t>(2, paired ? smallest_rounds_for_significance(a)
                                      : (ranks ? smallest_units_for_significance(a) : 2));
  for (; n <= kMostUnits; n += n < 64 ? 1 : n / 16) {
    const double df = paired ? static_cast<double>(n - 1) : static_cast<double>(2 * n - 2);
    const double se = scale / std::sqrt(static_cast<double>(n));
    const double needed =
        std::max(t_quantile(df, 1 - a / 2) * se, rule + t_quantile(df, 1 - q.alpha / 2) * se);
    if (target - t_quantile(df, kPower) * se >= needed) return n;
  }
  return std::nullopt;
}

}  // namespace benchgate::stats
