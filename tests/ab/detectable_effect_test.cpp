// The smallest detectable change: its power, recomputed by scipy's noncentral t, is the 80% asked.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include <fmt/format.h>

#include "stats/detectable_effect.h"
#include "tests/support/process.h"

namespace benchgate::stats {
namespace {

// Power of the two-sided t test on the logs at `ratio`, from scipy.
double scipy_power(double ratio, double sd, int n, double alpha, bool paired) {
  const double se = sd * (paired ? std::sqrt(1.0 / n) : std::sqrt(2.0 / n));
  const int df = paired ? n - 1 : 2 * n - 2;
  auto r = testing::run_process(
      {"/usr/bin/python3", "-c",
       fmt::format("from scipy.stats import nct, t\nimport math\nlam=math.log({:.17g})/{:.17g}\n"
                   "c=t.isf({:.17g}/2,{})\nprint(repr(nct.sf(c,{},lam)+nct.cdf(-c,{},lam)))",
                   ratio, se, alpha, df, df, df)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return std::stod(r.out);
}

TEST(DetectableEffect, PairedDesignHasTheAskedPower) {
  DetectableEffectQuestion q{
      .log_sd = 0.03, .n = 12, .alpha = 0.05, .power = 0.8, .design = EffectDesign::kPaired};
  const double ratio = detectable_ratio(q);
  EXPECT_GT(ratio, 1.0);
  // The signed-rank test is charged its efficiency against the t test: the t test would have
  // 80% power at the effect shrunk by sqrt(pi / 3).
  const double t_equivalent = std::exp(std::log(ratio) / std::sqrt(std::numbers::pi / 3));
  EXPECT_NEAR(scipy_power(t_equivalent, 0.03, 12, 0.05, true), 0.8, 1e-6);
  // Below the exact floor (2 / 2^n > alpha) nothing is detectable.
  q.n = 5;
  EXPECT_TRUE(std::isinf(detectable_ratio(q)));
}

TEST(DetectableEffect, TwoSampleWelchDesignHasTheAskedPower) {
  DetectableEffectQuestion q{.log_sd = 0.02,
                             .n = 8,
                             .alpha = 0.05 / 3,
                             .power = 0.8,
                             .design = EffectDesign::kTwoSample,
                             .test = TestKind::kWelch};
  const double ratio = detectable_ratio(q);
  EXPECT_NEAR(scipy_power(ratio, 0.02, 8, 0.05 / 3, false), 0.8, 1e-6);
}

TEST(DetectableEffect, RankTestNeedsMoreAndCannotGoBelowItsExactFloor) {
  DetectableEffectQuestion q{.log_sd = 0.02,
                             .n = 8,
                             .alpha = 0.05,
                             .power = 0.8,
                             .design = EffectDesign::kTwoSample,
                             .test = TestKind::kWelch};
  const double t_ratio = detectable_ratio(q);
  q.test = TestKind::kMannWhitney;
  const double u_ratio = detectable_ratio(q);
  EXPECT_NEAR(std::log(u_ratio) / std::log(t_ratio), std::sqrt(M_PI / 3), 1e-12);
  // 3 units per side: the exact U test's smallest p is 2 / C(6, 3) = 0.1 > 0.05.
  q.n = 3;
  EXPECT_EQ(detectable_ratio(q), std::numeric_limits<double>::infinity());
}

TEST(DetectableEffect, ShrinksWithMoreRoundsAndGrowsWithNoise) {
  DetectableEffectQuestion q{.log_sd = 0.03, .n = 8, .design = EffectDesign::kPaired};
  const double at8 = detectable_ratio(q);
  q.n = 32;
  EXPECT_LT(detectable_ratio(q), at8);
  q.log_sd = 0.06;
  EXPECT_GT(detectable_ratio(q),
            detectable_ratio({.log_sd = 0.03, .n = 32, .design = EffectDesign::kPaired}));
  q.n = 1;
  EXPECT_EQ(detectable_ratio(q), std::numeric_limits<double>::infinity());
}

TEST(DetectableEffect, TwoSampleSpreadIsTheRootMeanSquareOfLogSds) {
  const std::vector<double> base = {1, std::exp(0.2)}, head = {1, std::exp(0.4)};
  // sd of {0, 0.2} = 0.2 / sqrt 2, of {0, 0.4} = 0.4 / sqrt 2.
  EXPECT_NEAR(two_sample_log_sd(base, head), std::sqrt((0.02 + 0.08) / 2), 1e-12);
  const std::vector<double> bad = {1, -1};
  EXPECT_TRUE(std::isnan(two_sample_log_sd(bad, head)));
}

}  // namespace
}  // namespace benchgate::stats
