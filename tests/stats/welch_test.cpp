// Welch's t-test: statistic and Welch–Satterthwaite df computed by hand (p-values are checked
// against scipy in scipy_oracle_test.cpp).
#include "stats/welch.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace benchgate::stats {
namespace {

TEST(Welch, HandComputedStatisticAndDf) {
  // x = 1 2 3: mean 2, var 1;  y = 4..8: mean 6, var 2.5.
  // vx = 1/3, vy = 2.5/5 = 1/2; se = sqrt(5/6); t = (2 - 6) / se = -4 / sqrt(5/6).
  // df = (5/6)^2 / ((1/3)^2/2 + (1/2)^2/4) = (25/36) / (17/144) = 100/17.
  const WelchResult r =
      welch_t_test(std::vector<double>{1, 2, 3}, std::vector<double>{4, 5, 6, 7, 8});
  EXPECT_NEAR(r.t, -4 / std::sqrt(5.0 / 6), 1e-12);
  EXPECT_NEAR(r.df, 100.0 / 17, 1e-12);
  EXPECT_DOUBLE_EQ(r.shift, 4);
  EXPECT_GT(r.p_value, 0);
  EXPECT_LT(r.p_value, 0.01);
}

TEST(Welch, IntervalIsSymmetricAroundTheShiftAndWidensWithConfidence) {
  const WelchResult r =
      welch_t_test(std::vector<double>{1, 2, 3}, std::vector<double>{4, 5, 6, 7, 8});
  const ShiftEstimate i95 = welch_shift_interval(r, 0.95), i99 = welch_shift_interval(r, 0.99);
  EXPECT_NEAR(i95.shift - i95.low, i95.high - i95.shift, 1e-12);
  EXPECT_LT(i99.low, i95.low);
  EXPECT_GT(i99.high, i95.high);
  // The interval excludes 0 exactly when p < 0.05 (p ~ 0.0049 here).
  EXPECT_GT(i95.low, 0);
}

TEST(Welch, DegenerateSamples) {
  EXPECT_TRUE(std::isnan(welch_t_test(std::vector<double>{1}, std::vector<double>{1, 2}).p_value));
  EXPECT_EQ(welch_t_test(std::vector<double>{3, 3}, std::vector<double>{3, 3}).p_value, 1.0);
  EXPECT_EQ(welch_t_test(std::vector<double>{3, 3}, std::vector<double>{4, 4}).p_value, 0.0);
}

}  // namespace
}  // namespace benchgate::stats
