#include "stats/verdict.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numbers>
#include <tuple>
#include <vector>

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
// The factor depends on n alone and every row of a large comparison asks for the same few n:
// computed once per n.
double spread_upper_bound(double log_sd, std::size_t n) {
  static std::mutex mutex;
  static std::map<std::size_t, double> factors;
  std::lock_guard lock(mutex);
  auto [it, added] = factors.try_emplace(n, 0.0);
  if (added) {
    const double df = static_cast<double>(n - 1);
    const boost::math::chi_squared_distribution<double, DoublePolicy> chi2(df);
    it->second = std::sqrt(df / boost::math::quantile(chi2, 1 - kSpreadBoundLevel));
  }
  return log_sd * it->second;
}

// The power condition of units_needed solved for the spread: with se = scale / sqrt(n),
//   log(1+δ) - t_0.8 se >= max(t_{1-a/2} se, log(1+δ/2) + t_{1-α/2} se)
// holds exactly when scale <= sqrt(n) min(log(1+δ) / (t_0.8 + t_{1-a/2}),
//                                         (log(1+δ) - log(1+δ/2)) / (t_0.8 + t_{1-α/2})).
// That bound grows with n, so one table per design answers every benchmark by binary search: a
// comparison of 10,000 benchmarks asks the same question 10,000 times with different spreads.
struct PlanTable {
  std::vector<std::size_t> n;
  std::vector<double> largest_scale;
};

const PlanTable& plan_table(bool paired, double a, double alpha, double threshold,
                            std::size_t first_n) {
  using Key = std::tuple<bool, double, double, double, std::size_t>;
  static std::mutex mutex;
  static std::map<Key, PlanTable> tables;
  std::lock_guard lock(mutex);
  auto [it, added] = tables.try_emplace(Key{paired, a, alpha, threshold, first_n});
  if (!added) return it->second;
  const double target = std::log1p(threshold), rule = std::log1p(threshold / 2);
  for (std::size_t n = first_n; n <= kMostUnits; n += n < 64 ? 1 : n / 16) {
    const double df = paired ? static_cast<double>(n - 1) : static_cast<double>(2 * n - 2);
    const double power = t_quantile(df, kPower);
    const double bound = std::min(target / (power + t_quantile(df, 1 - a / 2)),
                                  (target - rule) / (power + t_quantile(df, 1 - alpha / 2)));
    it->second.n.push_back(n);
    it->second.largest_scale.push_back(std::sqrt(static_cast<double>(n)) * bound);
  }
  return it->second;
}

}  // namespace

std::size_t smallest_rounds_for_significance(double a) {
  std::size_t n = 1;
  while (2 / std::ldexp(1.0, static_cast<int>(n)) > a && n < 1000) ++n;
  return n;
}

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
  const std::size_t first =
      std::max<std::size_t>(2, paired ? smallest_rounds_for_significance(a)
                                      : (ranks ? smallest_units_for_significance(a) : 2));
  const PlanTable& table = plan_table(paired, a, q.alpha, q.threshold, first);
  const auto it = std::lower_bound(table.largest_scale.begin(), table.largest_scale.end(), scale);
  if (it == table.largest_scale.end()) return std::nullopt;
  return table.n[static_cast<std::size_t>(it - table.largest_scale.begin())];
}

}  // namespace benchgate::stats
