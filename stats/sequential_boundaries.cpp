#include "stats/sequential_boundaries.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "stats/distributions.h"

namespace benchgate::stats {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Below this increment a look spends nothing: its boundary is infinite.
constexpr double kNothingSpent = 1e-15;
// Grid of the numerical integration: at least this many Simpson panels over the continuation
// region, and at most 1/kStepsPerSd of the increment's standard deviation per step, so the
// boundaries are accurate to ~1e-5 even for closely spaced looks.
constexpr int kMinPanels = 300;
constexpr double kStepsPerSd = 8;
// Where an infinite boundary's continuation region is cut off (on the score scale, in SDs).
constexpr double kTruncationSds = 10;

// Phi(-x) through erfc: this sits in the innermost loop, where Boost's policy machinery costs
// several times more for the same double-precision answer.
double upper_tail(double x) {
  return 0.5 * std::erfc(x / std::numbers::sqrt2);
}

double normal_density(double x) {
  return std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi);
}

// The sub-density of the score S_k = Z_k sqrt(t_k) over the continuation region, as point
// masses (Simpson weight x density) on a grid: what is left of the probability after the looks
// so far did not stop.
struct Masses {
  std::vector<double> at, mass;
};

// Probability of leaving (-b, b) at the next look, whose increment has standard deviation sd.
double crossing_probability(const Masses& previous, double b, double sd) {
  double p = 0;
  for (std::size_t i = 0; i < previous.at.size(); ++i) {
    const double u = previous.at[i];
    p += previous.mass[i] * (upper_tail((b - u) / sd) + upper_tail((b + u) / sd));
  }
  return p;
}

// Solves crossing_probability(b) = target by bisection (it falls monotonically in b).
double solve_boundary(const Masses& previous, double sd, double target, double upper) {
  double lo = 0, hi = upper;
  for (int i = 0; i < 100 && hi - lo > 1e-8; ++i) {
    const double mid = 0.5 * (lo + hi);
    (crossing_probability(previous, mid, sd) > target ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

// The sub-density after a look that did not stop: convolve with the increment, keep (-b, b).
Masses continue_inside(const Masses& previous, double b, double sd) {
  const int panels = std::max(kMinPanels, 2 * static_cast<int>(std::ceil(b * kStepsPerSd / sd)));
  const double h = 2 * b / panels;
  Masses next;
  next.at.resize(panels + 1);
  next.mass.resize(panels + 1);
  for (int j = 0; j <= panels; ++j) {
    const double s = -b + h * j;
    double density = 0;
    for (std::size_t i = 0; i < previous.at.size(); ++i)
      density += previous.mass[i] * normal_density((s - previous.at[i]) / sd) / sd;
    const double simpson = (j == 0 || j == panels) ? 1 : (j % 2 ? 4 : 2);
    next.at[j] = s;
    next.mass[j] = density * simpson * h / 3;
  }
  return next;
}

}  // namespace

double alpha_spent(SpendingFunction spending, double alpha, double t) {
  if (t <= 0) return 0;
  if (t >= 1) return alpha;
  if (spending == SpendingFunction::kPocock) return alpha * std::log(1 + (std::numbers::e - 1) * t);
  // Each side spends alpha / 2 through the one-sided O'Brien–Fleming function (Lan & DeMets
  // 1983; the convention of ldbounds and gsDesign, whose tables the tests check).
  const double z = boost::math::quantile(Normal(), 1 - alpha / 4);
  return 4 * upper_tail(z / std::sqrt(t));
}

std::vector<double> group_sequential_boundaries(SpendingFunction spending, double alpha,
                                                std::span<const double> information) {
  if (!(alpha > 0 && alpha < 1)) throw std::invalid_argument("alpha must be in (0, 1)");
  double previous_t = 0;
  for (double t : information) {
    if (!(t > previous_t && t <= 1))
      throw std::invalid_argument("information fractions must increase within (0, 1]");
    previous_t = t;
  }
  std::vector<double> boundaries;
  Masses alive{{0.0}, {1.0}};  // before the first look: S_0 = 0 with certainty
  previous_t = 0;
  double spent = 0;
  for (double t : information) {
    const double sd = std::sqrt(t - previous_t);
    const double target = alpha_spent(spending, alpha, t) - spent;
    const double cutoff = kTruncationSds * std::sqrt(t);
    double b = kInfinity;
    if (target > kNothingSpent) {
      b = solve_boundary(alive, sd, target, cutoff);
      spent += crossing_probability(alive, b, sd);
    }
    boundaries.push_back(std::isinf(b) ? kInfinity : b / std::sqrt(t));
    alive = continue_inside(alive, std::isinf(b) ? cutoff : b, sd);
    previous_t = t;
  }
  return boundaries;
}

double nominal_level(double boundary) {
  if (std::isinf(boundary)) return 0;
  return 2 * upper_tail(boundary);
}

double z_for_two_sided_p(double p) {
  if (p <= 0) return kInfinity;
  if (p >= 1) return 0;
  return boost::math::quantile(boost::math::complement(Normal(), p / 2));
}

}  // namespace benchgate::stats
