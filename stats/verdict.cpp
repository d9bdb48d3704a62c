#include "stats/verdict.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stats/distributions.h"

namespace benchgate::stats {
namespace {

constexpr double kPower = 0.80;
constexpr double kMostUnits = 1e6;  // beyond this "more samples" is not advice anyone can follow

double normal_quantile(double p) {
  return boost::math::quantile(Normal(), p);
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

Verdict decide_verdict(double p_adjusted, double ratio, double ci_low, double ci_high, double alpha,
                       double threshold) {
  const bool significant = p_adjusted <= alpha;
  if (significant && ci_low > 1 && ratio >= 1 + threshold) return Verdict::kRegression;
  if (significant && ci_high < 1 && ratio <= 1 - threshold) return Verdict::kImprovement;
  if (ci_low > 1 - threshold && ci_high < 1 + threshold) return Verdict::kUnchanged;
  return Verdict::kInconclusive;
}

std::optional<std::size_t> units_needed(const SampleSizeQuestion& q) {
  const double upper = std::log1p(q.threshold), lower = std::log1p(-q.threshold);
  const bool inside = lower < q.log_ratio && q.log_ratio < upper;
  const double distance =
      inside ? std::min(upper - q.log_ratio, q.log_ratio - lower) : std::fabs(q.log_ratio);
  const double a =
      inside ? q.alpha : q.alpha / static_cast<double>(std::max<std::size_t>(q.family_size, 1));
  if (!(distance > 0) || !std::isfinite(q.log_sd)) return std::nullopt;

  const double z = normal_quantile(1 - a / 2) + normal_quantile(kPower);
  double n = 2 * z * z * q.log_sd * q.log_sd / (distance * distance);
  if (q.test == TestKind::kMannWhitney) n *= std::numbers::pi / 3;
  if (!(n <= kMostUnits)) return std::nullopt;
  std::size_t needed = static_cast<std::size_t>(std::ceil(n));
  if (q.test == TestKind::kMannWhitney)
    needed = std::max(needed, smallest_units_for_significance(a));
  return std::max({needed, q.current_n + 1, std::size_t{2}});
}

}  // namespace benchgate::stats
