// The change-point detector (stats/change_points.h): the energy statistic by hand, the t-test step
// against scipy, and the settings that keep noise, spikes and tiny steps out.
#include "stats/change_points.h"

#include <cmath>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "stats/energy_statistic.h"
#include "tests/stats/python_oracle.h"

namespace benchgate::stats {
namespace {

// `n` Gaussian log levels of SD `sd` around 0, seeded; `step` added from index `at` on.
std::vector<double> noisy(std::size_t n, double sd, std::uint64_t seed, std::size_t at = 0,
                          double step = 0) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, sd);
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = noise(rng) + (i >= at ? step : 0);
  return v;
}

TEST(EnergyStatistic, HandComputedSixPoints) {
  // x = 0 0 1 | 5 5 6 at tau = 3: cross sum 2 * 16 + 13 = 45, within sums 2 and 2 over C(3,2) = 3,
  // E = 2 * 45 / 9 - 2/3 - 2/3 = 26/3, Q = 9/6 * 26/3 = 13.
  // tau = 2: 0 0 | 1 5 5 6: cross 34, within 0 and 15 / 6, E = 68/8 - 2.5 = 6, Q = 8/6 * 6 = 8.
  // tau = 4: 0 0 1 5 | 5 6: cross 32, within 16 / 6 and 1, E = 64/8 - 8/3 - 1 = 13/3,
  // Q = 8/6 * 13/3 = 52/9.
  const std::vector<double> x = {0, 0, 1, 5, 5, 6};
  const std::vector<double> q = energy_statistics(x, 2);
  ASSERT_EQ(q.size(), 6u);
  EXPECT_TRUE(std::isnan(q[0]));
  EXPECT_TRUE(std::isnan(q[1]));
  EXPECT_NEAR(q[2], 8, 1e-12);
  EXPECT_NEAR(q[3], 13, 1e-12);
  EXPECT_NEAR(q[4], 52.0 / 9, 1e-12);
  EXPECT_TRUE(std::isnan(q[5]));
  // min_segment 3 leaves only tau = 3.
  const std::vector<double> q3 = energy_statistics(x, 3);
  EXPECT_TRUE(std::isnan(q3[2]));
  EXPECT_NEAR(q3[3], 13, 1e-12);
  EXPECT_TRUE(std::isnan(q3[4]));
}

TEST(EnergyStatistic, AgreesWithTheDefinitionOnARandomSeries) {
  const std::vector<double> x = noisy(40, 1, 7, 25, 2);
  const std::vector<double> q = energy_statistics(x, 3);
  for (std::size_t tau = 3; tau + 3 <= x.size(); ++tau) {
    double cross = 0, within_x = 0, within_y = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
      for (std::size_t j = i + 1; j < x.size(); ++j) {
        const double d = std::fabs(x[i] - x[j]);
        (j < tau ? within_x : i >= tau ? within_y : cross) += d;
      }
    const double m = static_cast<double>(tau), n = static_cast<double>(x.size() - tau);
    const double e =
        2 * cross / (m * n) - within_x / (m * (m - 1) / 2) - within_y / (n * (n - 1) / 2);
    EXPECT_NEAR(q[tau], m * n / (m + n) * e, 1e-9) << tau;
  }
}

TEST(ChangePoints, ClearStepIsFoundAtItsIndexWithItsLevels) {
  const std::vector<double> x = noisy(200, 0.01, 11, 120, std::log(1.10));
  const ChangePointSettings settings;
  const auto found = detect_change_points(x, settings);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].index, 120u);
  EXPECT_LT(found[0].p_value, 1e-20);
  // The levels are the means of the window next to the change, with their t intervals.
  EXPECT_EQ(found[0].before_n, settings.window);
  EXPECT_EQ(found[0].after_n, settings.window);
  EXPECT_NEAR(found[0].before, 0, 0.01);
  EXPECT_NEAR(found[0].after, std::log(1.10), 0.01);
  EXPECT_LT(found[0].before_low, found[0].before);
  EXPECT_GT(found[0].before_high, found[0].before);
  EXPECT_LT(found[0].after_low, found[0].after);
  EXPECT_GT(found[0].after_high, found[0].after);
}

TEST(ChangePoints, TwoStepsAreBothFound) {
  std::vector<double> x = noisy(150, 0.01, 12, 50, std::log(1.2));
  for (std::size_t i = 100; i < x.size(); ++i) x[i] -= std::log(1.1);
  const auto found = detect_change_points(x, ChangePointSettings{});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].index, 50u);
  EXPECT_EQ(found[1].index, 100u);
  // The second change's "before" is the middle segment, not the whole series before it.
  EXPECT_NEAR(found[1].before, std::log(1.2), 0.01);
  EXPECT_NEAR(found[1].after, std::log(1.2) - std::log(1.1), 0.01);
}

TEST(ChangePoints, FlatNoiseHasNoChangePoint) {
  std::size_t found = 0;
  for (std::uint64_t seed = 1; seed <= 50; ++seed)
    found += detect_change_points(noisy(200, 0.02, seed), ChangePointSettings{}).size();
  EXPECT_EQ(found, 0u);
}

TEST(ChangePoints, MinSegmentKeepsTwoSpikyJobsAtTheEndFromBeingAChange) {
  // Steady jobs, then the last two disturbed by the same +65%: with two points allowed on a side,
  // that is a "change" (the two agree exactly, so the test is sure); with three it is not.
  std::vector<double> x = noisy(60, 0.01, 13);
  x.push_back(0.5);
  x.push_back(0.5);
  ChangePointSettings settings;
  settings.min_segment = 2;
  const auto two = detect_change_points(x, settings);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].index, 60u);
  settings.min_segment = 3;
  EXPECT_TRUE(detect_change_points(x, settings).empty());
}

TEST(ChangePoints, LoneSpikeInTheMiddleIsNoChange) {
  std::vector<double> x = noisy(100, 0.01, 14);
  x[50] += 0.5;
  EXPECT_TRUE(detect_change_points(x, ChangePointSettings{}).empty());
}

TEST(ChangePoints, MinMagnitudeSuppressesATinySignificantStep) {
  // +1% on 0.1% noise: as significant as it gets, and too small to report at the default 2%.
  const std::vector<double> x = noisy(100, 0.001, 15, 50, std::log(1.01));
  ChangePointSettings settings;
  settings.min_magnitude = 0.005;
  const auto small = detect_change_points(x, settings);
  ASSERT_EQ(small.size(), 1u);
  EXPECT_EQ(small[0].index, 50u);
  EXPECT_LT(small[0].p_value, 1e-20);
  settings.min_magnitude = 0.02;
  EXPECT_TRUE(detect_change_points(x, settings).empty());
}

TEST(ChangePoints, MaxPValueDecides) {
  // +3% on 2% noise: t about 4 over a 30-point window, p ~ 1e-4.
  const std::vector<double> x = noisy(100, 0.02, 16, 50, std::log(1.03));
  ChangePointSettings settings;
  settings.max_p_value = 1e-2;
  const auto loose = detect_change_points(x, settings);
  ASSERT_EQ(loose.size(), 1u);
  settings.max_p_value = loose[0].p_value / 2;
  EXPECT_TRUE(detect_change_points(x, settings).empty());
}

TEST(ChangePoints, SameInputSameOutput) {
  std::vector<double> x = noisy(300, 0.02, 17, 100, std::log(1.1));
  for (std::size_t i = 200; i < x.size(); ++i) x[i] += std::log(1.05);
  const ChangePointSettings settings;
  const auto a = detect_change_points(x, settings), b = detect_change_points(x, settings);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].index, b[i].index);
    EXPECT_EQ(a[i].p_value, b[i].p_value);
    EXPECT_EQ(a[i].before, b[i].before);
    EXPECT_EQ(a[i].after_high, b[i].after_high);
  }
}

TEST(ChangePoints, ShortAndConstantSeries) {
  EXPECT_TRUE(detect_change_points({}, ChangePointSettings{}).empty());
  EXPECT_TRUE(detect_change_points(std::vector<double>{1, 2, 3, 4, 5}, {}).empty());
  EXPECT_TRUE(detect_change_points(std::vector<double>(50, 1.0), {}).empty());
  // Two constant halves: a change with p = 0 and intervals of no width.
  std::vector<double> halves(20, 0.0);
  for (std::size_t i = 10; i < 20; ++i) halves[i] = 0.5;  // exact in binary: no spread at all
  const auto found = detect_change_points(halves, {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].index, 10u);
  EXPECT_EQ(found[0].p_value, 0);
  EXPECT_EQ(found[0].after_low, found[0].after);
}

TEST(ChangePoints, RejectsNaN) {
  const std::vector<double> x = {0, 0, NAN, 1, 1, 1};
  EXPECT_THROW(detect_change_points(x, {}), std::invalid_argument);
}

// For each case: the two windows the detector tested, as scipy sees them.
constexpr std::string_view kOracle = R"PY(
import sys
import numpy as np
from scipy import stats
for line in open(sys.argv[1]):
    before, after = (np.array([float(v) for v in side.split(',')]) for side in line.split())
    p = stats.ttest_ind(before, after, equal_var=False).pvalue
    out = [p]
    for side in (before, after):
        low, high = stats.t.interval(0.95, len(side) - 1, loc=side.mean(), scale=stats.sem(side))
        out += [side.mean(), low, high]
    print(' '.join(repr(float(v)) for v in out))
)PY";

TEST(ChangePoints, TTestAndLevelsAgreeWithScipy) {
  if (const auto why = testing::scipy_missing_reason(); !why.empty()) GTEST_SKIP() << why;
  std::vector<ChangePoint> points;
  std::string input;
  for (std::uint64_t seed = 100; seed < 130; ++seed) {
    // Steps of 4-12% on 1-3% noise, some near the ends so windows are cut by the series.
    const std::size_t n = 40 + seed % 5 * 30, at = 5 + seed * 7 % (n - 10);
    const std::vector<double> x =
        noisy(n, 0.01 + 0.01 * static_cast<double>(seed % 3), seed, at, 0.04 + 0.02 * (seed % 5));
    ChangePointSettings settings;
    settings.window = seed % 2 == 0 ? 0 : 20;
    settings.max_p_value = 0.05;
    for (const ChangePoint& c : detect_change_points(x, settings)) {
      std::string line;
      for (std::size_t i = c.index - c.before_n; i < c.index + c.after_n; ++i)
        line += fmt::format("{}{:.17g}",
                            i == c.index                ? " "
                            : i == c.index - c.before_n ? ""
                                                        : ",",
                            x[i]);
      input += line + "\n";
      points.push_back(c);
    }
  }
  ASSERT_GE(points.size(), 20u);
  std::istringstream out(testing::run_python_oracle(kOracle, input));
  for (const ChangePoint& c : points) {
    double p = 0, before = 0, before_low = 0, before_high = 0, after = 0, after_low = 0,
           after_high = 0;
    ASSERT_TRUE(out >> p >> before >> before_low >> before_high >> after >> after_low >>
                after_high);
    EXPECT_NEAR(c.p_value, p, 1e-9 * std::max(p, 1e-12)) << c.index;
    EXPECT_NEAR(c.before, before, 1e-12);
    EXPECT_NEAR(c.before_low, before_low, 1e-9);
    EXPECT_NEAR(c.before_high, before_high, 1e-9);
    EXPECT_NEAR(c.after, after, 1e-12);
    EXPECT_NEAR(c.after_low, after_low, 1e-9);
    EXPECT_NEAR(c.after_high, after_high, 1e-9);
  }
}

// A history longer than 4 x window is scored in stretches: every step is still found where it is,
// at either end and next to a much larger one, and the result is the same whatever the series'
// length modulo the stretch.
TEST(ChangePoints, LongSeriesAreScoredInStretchesAndKeepEveryStep) {
  ChangePointSettings settings;
  settings.window = 50;
  for (std::size_t n : {2000u, 2013u, 2077u}) {
    std::vector<double> x = noisy(n, 0.01, 11);
    const std::vector<std::pair<std::size_t, double>> steps = {
        {20, 0.1}, {600, 0.5}, {660, 0.05}, {1400, -0.08}, {n - 20, 0.1}};
    for (const auto& [at, step] : steps)
      for (std::size_t i = at; i < n; ++i) x[i] += step;
    const std::vector<ChangePoint> found = detect_change_points(x, settings);
    ASSERT_EQ(found.size(), steps.size()) << "n = " << n;
    for (std::size_t k = 0; k < steps.size(); ++k)
      EXPECT_NEAR(static_cast<double>(found[k].index), static_cast<double>(steps[k].first), 1)
          << "n = " << n << ", step " << k;
  }
}

// Up to 4 x window points a series is scored whole: the stretches change nothing there.
TEST(ChangePoints, ShortSeriesAreScoredWhole) {
  const std::vector<double> x = noisy(200, 0.01, 5, 120, 0.05);
  ChangePointSettings windowed;
  windowed.window = 50;
  ChangePointSettings whole = windowed;
  whole.window = 0;
  const auto a = detect_change_points(x, windowed), b = detect_change_points(x, whole);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].index, b[0].index);
}

}  // namespace
}  // namespace benchgate::stats
