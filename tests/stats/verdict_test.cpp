// The verdict rule of docs/statistics.md#the-verdict-rule-in-plain-words at its boundaries, and the
// units-needed formula by hand.
#include "stats/verdict.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace benchgate::stats {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(DecideVerdict, Regression) {
  EXPECT_EQ(decide_verdict(0.01, 1.10, 1.06, 1.14, 0.05, 0.05), Verdict::kRegression);
  EXPECT_EQ(decide_verdict(0.05, 1.05, 1.001, 1.14, 0.05, 0.05), Verdict::kRegression);  // edges
}

TEST(DecideVerdict, RegressionNeedsAllThreeConditions) {
  // Not significant after adjustment.
  EXPECT_EQ(decide_verdict(0.051, 1.10, 1.06, 1.14, 0.05, 0.05), Verdict::kInconclusive);
  // CI touches 1.
  EXPECT_EQ(decide_verdict(0.01, 1.10, 1.0, 1.14, 0.05, 0.05), Verdict::kInconclusive);
  // Significant but smaller than the threshold, CI not inside the band either.
  EXPECT_EQ(decide_verdict(0.01, 1.04, 1.01, 1.07, 0.05, 0.05), Verdict::kInconclusive);
}

TEST(DecideVerdict, ImprovementMirrors) {
  EXPECT_EQ(decide_verdict(0.01, 0.90, 0.86, 0.94, 0.05, 0.05), Verdict::kImprovement);
  EXPECT_EQ(decide_verdict(0.01, 0.96, 0.93, 0.99, 0.05, 0.05), Verdict::kInconclusive);
  EXPECT_EQ(decide_verdict(0.01, 0.90, 0.86, 1.0, 0.05, 0.05), Verdict::kInconclusive);
}

TEST(DecideVerdict, UnchangedNeedsTheWholeCiInsideTheBand) {
  EXPECT_EQ(decide_verdict(0.8, 1.0, 0.96, 1.04, 0.05, 0.05), Verdict::kUnchanged);
  // Significant but tiny: still unchanged at this threshold.
  EXPECT_EQ(decide_verdict(1e-6, 1.02, 1.01, 1.03, 0.05, 0.05), Verdict::kUnchanged);
  EXPECT_EQ(decide_verdict(0.8, 1.0, 0.95, 1.04, 0.05, 0.05), Verdict::kInconclusive);  // open
  EXPECT_EQ(decide_verdict(0.8, 1.0, 0.0, kInf, 0.05, 0.05), Verdict::kInconclusive);   // unbounded
}

TEST(UnitsNeeded, InsideTheBandAimsAtTheNearerEdge) {
  // ratio 1.03, delta 5%: d = log(1.05) - log(1.03) = 0.0192314 (nearer than log(0.95)).
  // a = alpha = 0.05: z = 1.959964 + 0.841621 = 2.801585.
  // Welch: n = 2 * 2.801585^2 * 0.03^2 / 0.0192314^2 = 38.1997 -> 39.
  // U test: * pi/3 = 40.0026 -> 41.
  SampleSizeQuestion q{.log_ratio = std::log(1.03),
                       .log_sd = 0.03,
                       .threshold = 0.05,
                       .alpha = 0.05,
                       .family_size = 100,
                       .test = TestKind::kWelch,
                       .current_n = 5};
  EXPECT_EQ(units_needed(q), 39u);
  q.test = TestKind::kMannWhitney;
  EXPECT_EQ(units_needed(q), 41u);
}

TEST(UnitsNeeded, OutsideTheBandNeedsSignificanceAfterHolm) {
  // ratio 1.10: d = log(1.10) = 0.0953102; a = 0.05 / 100 = 5e-4: z = 3.480756 + 0.841621.
  // Welch: n = 2 * 4.322378^2 * 0.1^2 / 0.0953102^2 = 41.1336 -> 42; U test 43.075 -> 44.
  SampleSizeQuestion q{.log_ratio = std::log(1.10),
                       .log_sd = 0.1,
                       .threshold = 0.05,
                       .alpha = 0.05,
                       .family_size = 100,
                       .test = TestKind::kWelch,
                       .current_n = 5};
  EXPECT_EQ(units_needed(q), 42u);
  q.test = TestKind::kMannWhitney;
  EXPECT_EQ(units_needed(q), 44u);
}

TEST(UnitsNeeded, NeverBelowWhatTheExactTestCanReachOrTheCurrentCount) {
  // No spread at all: the normal formula says 0, but the exact U test needs 2 / C(2n, n) <= 5e-4,
  // i.e. n = 8 (C(14,7) = 3432 is not enough, C(16,8) = 12870 is).
  SampleSizeQuestion q{.log_ratio = std::log(1.2),
                       .log_sd = 0,
                       .threshold = 0.05,
                       .alpha = 0.05,
                       .family_size = 100,
                       .test = TestKind::kMannWhitney,
                       .current_n = 3};
  EXPECT_EQ(units_needed(q), 8u);
  q.current_n = 12;
  EXPECT_EQ(units_needed(q), 13u);
}

TEST(UnitsNeeded, EmptyWhenTheEstimateSitsOnABoundary) {
  SampleSizeQuestion q{.log_ratio = 0, .log_sd = 0.05, .threshold = 0.0};
  EXPECT_FALSE(units_needed(q).has_value());
}

TEST(SmallestUnits, ExactTestReach) {
  // 2/C(6,3) = 0.1 > 0.05; 2/C(8,4) = 0.0286 <= 0.05.
  EXPECT_EQ(smallest_units_for_significance(0.05), 4u);
  EXPECT_EQ(smallest_units_for_significance(0.0005), 8u);
}

}  // namespace
}  // namespace benchgate::stats

namespace benchgate {
namespace {
// BH warns only where Holm left the question open: inconclusive rows with q <= warning_q.
TEST(BhWarning, OnlyInconclusiveRowsAtOrBelowQ) {
  EXPECT_TRUE(stats::bh_warning(Verdict::kInconclusive, 0.10, 0.10));
  EXPECT_FALSE(stats::bh_warning(Verdict::kInconclusive, 0.11, 0.10));
  for (Verdict decided :
       {Verdict::kRegression, Verdict::kImprovement, Verdict::kUnchanged, Verdict::kUntested})
    EXPECT_FALSE(stats::bh_warning(decided, 0.001, 0.10)) << to_string(decided);
}
}  // namespace
}  // namespace benchgate
