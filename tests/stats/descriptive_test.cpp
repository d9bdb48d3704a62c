// Descriptive statistics against values computed by hand.
#include "stats/descriptive.h"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace benchgate::stats {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Descriptive, MedianOddEvenAndUnsorted) {
  EXPECT_DOUBLE_EQ(median(std::vector<double>{5, 1, 3}), 3);
  EXPECT_DOUBLE_EQ(median(std::vector<double>{4, 1, 3, 2}), 2.5);  // (2 + 3) / 2
  EXPECT_DOUBLE_EQ(median(std::vector<double>{7}), 7);
  EXPECT_TRUE(std::isnan(median(std::vector<double>{})));
}

TEST(Descriptive, MedianSkipsNaN) {
  EXPECT_DOUBLE_EQ(median(std::vector<double>{kNaN, 9, 1, kNaN, 5}), 5);
  EXPECT_DOUBLE_EQ(median(std::vector<double>{kNaN, 2, 4}), 3);
  EXPECT_TRUE(std::isnan(median(std::vector<double>{kNaN, kNaN})));
}

TEST(Descriptive, MedianInPlaceLeavesTheSameValues) {
  std::vector<double> v{9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
  EXPECT_DOUBLE_EQ(median_in_place(v), 4.5);
  std::sort(v.begin(), v.end());
  EXPECT_EQ(v, (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST(Descriptive, MedianOfSorted) {
  EXPECT_DOUBLE_EQ(median_of_sorted(std::vector<double>{1, 2, 10}), 2);
  EXPECT_DOUBLE_EQ(median_of_sorted(std::vector<double>{1, 2, 10, 20}), 6);
}

TEST(Descriptive, MeanSdAndCv) {
  // 2, 4, 4, 4, 5, 5, 7, 9: mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
  // sample variance 32 / 7, sd = sqrt(32 / 7) = 2.138090; CV = sd / 5.
  const std::vector<double> v{2, 4, 4, 4, 5, 5, 7, 9};
  EXPECT_DOUBLE_EQ(mean(v), 5);
  EXPECT_DOUBLE_EQ(sample_sd(v), std::sqrt(32.0 / 7));
  EXPECT_DOUBLE_EQ(coefficient_of_variation(v), std::sqrt(32.0 / 7) / 5);
  // The same with NaNs sprinkled in.
  const std::vector<double> with_nan{kNaN, 2, 4, 4, kNaN, 4, 5, 5, 7, 9};
  EXPECT_DOUBLE_EQ(mean(with_nan), 5);
  EXPECT_DOUBLE_EQ(sample_sd(with_nan), std::sqrt(32.0 / 7));
}

TEST(Descriptive, SdNeedsTwoValues) {
  EXPECT_TRUE(std::isnan(sample_sd(std::vector<double>{3})));
  EXPECT_TRUE(std::isnan(sample_sd(std::vector<double>{3, kNaN})));
  EXPECT_DOUBLE_EQ(sample_sd(std::vector<double>{3, 3}), 0);
}

TEST(Descriptive, SdKeepsPrecisionForTinySpreadOnLargeValues) {
  // Timings around 1e9 ns with a spread of 1: a one-pass sum of squares would return garbage.
  // Values 1e9 + {0, 1, 2}: mean 1e9 + 1, deviations -1, 0, 1 -> variance 2 / 2 = 1.
  EXPECT_DOUBLE_EQ(sample_sd(std::vector<double>{1e9, 1e9 + 1, 1e9 + 2}), 1);
}

}  // namespace
}  // namespace benchgate::stats
