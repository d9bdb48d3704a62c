// Holm and Benjamini–Hochberg adjustments, computed by hand.
#include "stats/p_adjust.h"

#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace benchgate::stats {
namespace {
using ::testing::DoubleEq;
using ::testing::ElementsAre;

// p = 0.01 0.04 0.03 0.005 (m = 4); ascending: 0.005 (#4), 0.01 (#1), 0.03 (#3), 0.04 (#2).
const std::vector<double> kP{0.01, 0.04, 0.03, 0.005};

TEST(PAdjust, HolmHandComputed) {
  // Holm: 4*0.005 = 0.02, 3*0.01 = 0.03, 2*0.03 = 0.06, 1*0.04 = 0.04 -> running max 0.06.
  EXPECT_THAT(holm_adjust(kP),
              ElementsAre(DoubleEq(0.03), DoubleEq(0.06), DoubleEq(0.06), DoubleEq(0.02)));
}

TEST(PAdjust, BenjaminiHochbergHandComputed) {
  // BH: 0.005*4/1 = 0.02, 0.01*4/2 = 0.02, 0.03*4/3 = 0.04, 0.04*4/4 = 0.04; running min from
  // the top leaves them as they are.
  EXPECT_THAT(benjamini_hochberg_adjust(kP),
              ElementsAre(DoubleEq(0.02), DoubleEq(0.04), DoubleEq(0.04), DoubleEq(0.02)));
}

TEST(PAdjust, ClippingAndStepUp) {
  // Holm: 2*0.5 = 1.0, then 0.9 -> max 1.0. BH: 0.9*2/2 = 0.9; 0.5*2/1 = 1.0 -> min 0.9.
  const std::vector<double> p{0.5, 0.9};
  EXPECT_THAT(holm_adjust(p), ElementsAre(DoubleEq(1.0), DoubleEq(1.0)));
  EXPECT_THAT(benjamini_hochberg_adjust(p), ElementsAre(DoubleEq(0.9), DoubleEq(0.9)));
}

TEST(PAdjust, EmptyAndSingle) {
  EXPECT_TRUE(holm_adjust(std::vector<double>{}).empty());
  EXPECT_THAT(holm_adjust(std::vector<double>{0.2}), ElementsAre(DoubleEq(0.2)));
  EXPECT_THAT(benjamini_hochberg_adjust(std::vector<double>{0.2}), ElementsAre(DoubleEq(0.2)));
}

}  // namespace
}  // namespace benchgate::stats
