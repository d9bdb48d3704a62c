#include "stats/welch.h"

#include <cmath>
#include <limits>

#include "stats/descriptive.h"
#include "stats/distributions.h"

namespace benchgate::stats {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::size_t count_values(std::span<const double> v) {
  std::size_t n = 0;
  for (double value : v) n += std::isnan(value) ? 0 : 1;
  return n;
}
}  // namespace

WelchResult welch_t_test(std::span<const double> x, std::span<const double> y) {
  const auto m = static_cast<double>(count_values(x));
  const auto n = static_cast<double>(count_values(y));
  if (m < 2 || n < 2) return {kNaN, kNaN, kNaN, kNaN, kNaN};
  const double sx = sample_sd(x), sy = sample_sd(y);
  const double vx = sx * sx / m, vy = sy * sy / n;  // squared standard errors of the two means
  WelchResult r;
  r.shift = mean(y) - mean(x);
  r.standard_error = std::sqrt(vx + vy);
  if (!(r.standard_error > 0)) {
    r.df = kNaN;
    r.t = r.shift == 0 ? 0.0 : std::copysign(kInf, -r.shift);
    r.p_value = r.shift == 0 ? 1.0 : 0.0;
    return r;
  }
  // Welch–Satterthwaite: the df of a chi-square that matches the variance of vx + vy.
  r.df = (vx + vy) * (vx + vy) / (vx * vx / (m - 1) + vy * vy / (n - 1));
  r.t = -r.shift / r.standard_error;
  const StudentsT dist(r.df);
  r.p_value = 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(r.t)));
  return r;
}

ShiftEstimate welch_shift_interval(const WelchResult& result, double confidence) {
  if (std::isnan(result.shift)) return {kNaN, kNaN, kNaN};
  if (!(result.standard_error > 0)) return {result.shift, result.shift, result.shift};
  const StudentsT dist(result.df);
  const double half = boost::math::quantile(boost::math::complement(dist, (1 - confidence) / 2)) *
                      result.standard_error;
  return {result.shift, result.shift - half, result.shift + half};
}

}  // namespace benchgate::stats
