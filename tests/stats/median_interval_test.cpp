// The order-statistic interval of a median, against hand-computed binomial tails.
#include <gtest/gtest.h>

#include <vector>

#include "stats/median_interval.h"

namespace benchgate::stats {
namespace {

std::vector<double> one_to(int n) {
  std::vector<double> v;
  for (int i = 1; i <= n; ++i) v.push_back(i);
  return v;
}

TEST(MedianInterval, FewValuesFallBackToMinMaxWithTheirCoverage) {
  // n = 5: x(1)..x(5) covers 1 - 2/32 = 93.75%, short of 95%.
  const MedianInterval five = median_interval(one_to(5));
  EXPECT_EQ(five.low, 1);
  EXPECT_EQ(five.high, 5);
  EXPECT_NEAR(five.coverage, 1 - 2.0 / 32, 1e-12);
  const MedianInterval one = median_interval(one_to(1));
  EXPECT_EQ(one.low, 1);
  EXPECT_EQ(one.high, 1);
}

TEST(MedianInterval, NarrowestIntervalWithEnoughCoverage) {
  // n = 8: x(2)..x(7) would cover 1 - 2 * 9/256 = 93.0%; x(1)..x(8) covers 99.2%.
  const MedianInterval eight = median_interval(one_to(8));
  EXPECT_EQ(eight.low, 1);
  EXPECT_EQ(eight.high, 8);
  EXPECT_NEAR(eight.coverage, 1 - 2.0 / 256, 1e-12);
  // n = 11: x(2)..x(10) covers 1 - 2 * 12/2048; x(3)..x(9) only 1 - 2 * 67/2048 = 93.5%.
  const MedianInterval eleven = median_interval(one_to(11));
  EXPECT_EQ(eleven.low, 2);
  EXPECT_EQ(eleven.high, 10);
  EXPECT_NEAR(eleven.coverage, 1 - 2 * 12.0 / 2048, 1e-12);
  // n = 100: the textbook ranks 40 and 61 (P(B <= 39) = 0.0176, P(B <= 40) = 0.0284).
  const MedianInterval hundred = median_interval(one_to(100));
  EXPECT_EQ(hundred.low, 40);
  EXPECT_EQ(hundred.high, 61);
}

}  // namespace
}  // namespace benchgate::stats
