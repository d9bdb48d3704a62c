// Hodges–Lehmann shift and its distribution-free CI, against hand computation and published
// Mann–Whitney critical values.
#include "stats/hodges_lehmann.h"

#include <cmath>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace benchgate::stats {
namespace {

TEST(HodgesLehmann, ThreeByThreeHandComputed) {
  // x = 1 2 3, y = 2 4 7. Differences y_j - x_i:
  //   y=2: 1 0 -1   y=4: 3 2 1   y=7: 6 5 4
  // sorted: -1 0 1 1 2 3 4 5 6 -> median (5th of 9) = 2.
  // 90%: tail 0.05; for 3x3, P(U <= 0) = 1/20 = 0.05 <= 0.05 but P(U <= 1) = 2/20 > 0.05, so
  // k = 1 and the CI is [D_(1), D_(9)] = [-1, 6] with coverage 1 - 2/20 = 90%.
  const std::vector<double> x{1, 2, 3}, y{2, 4, 7};
  const ShiftEstimate at90 = hodges_lehmann_shift(x, y, 0.90);
  EXPECT_DOUBLE_EQ(at90.shift, 2);
  EXPECT_DOUBLE_EQ(at90.low, -1);
  EXPECT_DOUBLE_EQ(at90.high, 6);
  // 95%: even [min, max] covers only 90%, so the interval must be unbounded, not [-1, 6].
  const ShiftEstimate at95 = hodges_lehmann_shift(x, y, 0.95);
  EXPECT_DOUBLE_EQ(at95.shift, 2);
  EXPECT_TRUE(std::isinf(at95.low) && at95.low < 0);
  EXPECT_TRUE(std::isinf(at95.high) && at95.high > 0);
}

TEST(HodgesLehmann, EvenNumberOfDifferencesAveragesTheMiddleTwo) {
  // x = 0 1, y = 2 4: differences 2 1 4 3 -> sorted 1 2 3 4 -> median (2 + 3) / 2 = 2.5.
  EXPECT_DOUBLE_EQ(
      hodges_lehmann_shift(std::vector<double>{0, 1}, std::vector<double>{2, 4}, 0.5).shift, 2.5);
}

TEST(HodgesLehmann, RankFromPublishedCriticalValues) {
  // Two-sided alpha = 0.05 critical values of U (tables, e.g. Siegel & Castellan): U <= 2 for
  // n = 5/5, U <= 13 for 8/8, U <= 23 for 10/10. The CI rank is one above: k = U_crit + 1.
  EXPECT_EQ(hodges_lehmann_ci_rank(5, 5, 0.95), 3u);
  EXPECT_EQ(hodges_lehmann_ci_rank(8, 8, 0.95), 14u);
  EXPECT_EQ(hodges_lehmann_ci_rank(10, 10, 0.95), 24u);
  // Too small: 3x3 at 95% (2/20 > 0.05), 3x4 at 95% (2/35 > 0.05); 4x4 reaches 2/70.
  EXPECT_EQ(hodges_lehmann_ci_rank(3, 3, 0.95), 0u);
  EXPECT_EQ(hodges_lehmann_ci_rank(3, 4, 0.95), 0u);
  EXPECT_EQ(hodges_lehmann_ci_rank(4, 4, 0.95), 1u);
}

TEST(HodgesLehmann, RankByNormalApproximationAboveTwenty) {
  // m = n = 25: mn = 625, sd = sqrt(625 * 51 / 12) = 51.5388; z(0.975) = 1.959964;
  // k = floor(312.5 + 0.5 - 1.959964 * 51.5388) = floor(211.986) = 211.
  EXPECT_EQ(hodges_lehmann_ci_rank(25, 25, 0.95), 211u);
}

TEST(HodgesLehmann, CiBoundsAreTheOrderStatistics) {
  // 5x5, 95%: k = 3 (above), so the CI is [D_(3), D_(23)] of the 25 differences. With x = 0..4
  // and y = 10, 20, .., 50 every difference is distinct: D = 10a - b for a in 1..5, b in 0..4,
  // sorted 6 7 8 9 10 16 ... 50; D_(3) = 8, D_(23) = 48; median D_(13) = 28.
  const std::vector<double> x{4, 0, 3, 1, 2}, y{30, 10, 50, 20, 40};
  const ShiftEstimate e = hodges_lehmann_shift(x, y, 0.95);
  EXPECT_DOUBLE_EQ(e.shift, 28);
  EXPECT_DOUBLE_EQ(e.low, 8);
  EXPECT_DOUBLE_EQ(e.high, 48);
}

TEST(HodgesLehmann, RejectsEmptyAndBadConfidence) {
  EXPECT_THROW(hodges_lehmann_shift(std::vector<double>{}, std::vector<double>{1}, 0.9),
               std::invalid_argument);
  EXPECT_THROW(hodges_lehmann_ci_rank(5, 5, 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace benchgate::stats
