// The verdict rule of docs/statistics.md#the-verdict-rule-in-plain-words at its boundaries, and the
// design-based units-needed formula against scipy.
#include "stats/verdict.h"

#include <cmath>
#include <limits>

#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/support/process.h"

namespace benchgate::stats {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(DecideVerdict, RegressionNeedsSignificanceAndTheIntervalClearOfHalfDelta) {
  EXPECT_EQ(decide_verdict(0.01, 1.06, 1.14, 0.05, 0.05), Verdict::kRegression);
  EXPECT_EQ(decide_verdict(0.05, 1.0251, 1.14, 0.05, 0.05), Verdict::kRegression);  // edges
  // Not significant after adjustment.
  EXPECT_EQ(decide_verdict(0.051, 1.06, 1.14, 0.05, 0.05), Verdict::kInconclusive);
  // The issue's example: +7.5% [+2.0%, +13.4%] at δ = 5% must not block (2.0% < δ/2).
  EXPECT_EQ(decide_verdict(0.001, 1.020, 1.134, 0.05, 0.05), Verdict::kInconclusive);
  EXPECT_EQ(decide_verdict(0.001, 1.025, 1.134, 0.05, 0.05), Verdict::kInconclusive);  // open
  // Precisely measured +4% [+3%, +5%]: above δ/2, so it blocks (the rule's guarantee is about
  // changes below δ/2, not below δ).
  EXPECT_EQ(decide_verdict(1e-6, 1.03, 1.049, 0.05, 0.05), Verdict::kRegression);
}

TEST(DecideVerdict, ImprovementMirrors) {
  EXPECT_EQ(decide_verdict(0.01, 0.86, 0.94, 0.05, 0.05), Verdict::kImprovement);
  EXPECT_EQ(decide_verdict(0.01, 0.93, 0.976, 0.05, 0.05), Verdict::kInconclusive);
  EXPECT_EQ(decide_verdict(0.01, 0.86, 0.974, 0.05, 0.05), Verdict::kImprovement);
  EXPECT_EQ(decide_verdict(0.06, 0.86, 0.94, 0.05, 0.05), Verdict::kInconclusive);
}

TEST(DecideVerdict, UnchangedNeedsTheWholeCiInsideTheBand) {
  EXPECT_EQ(decide_verdict(0.8, 0.96, 1.04, 0.05, 0.05), Verdict::kUnchanged);
  // Significant but tiny: still unchanged at this threshold.
  EXPECT_EQ(decide_verdict(1e-6, 1.01, 1.02, 0.05, 0.05), Verdict::kUnchanged);
  EXPECT_EQ(decide_verdict(0.8, 0.95, 1.04, 0.05, 0.05), Verdict::kInconclusive);  // open
  EXPECT_EQ(decide_verdict(0.8, 0.0, kInf, 0.05, 0.05), Verdict::kInconclusive);   // unbounded
}

// units_needed against an independent implementation of the same design formula in Python with
// scipy's t and chi-squared quantiles (skipped with the reason when scipy is missing).
constexpr const char* kUnitsOracle = R"PY(
import sys, math
from scipy import stats
for line in sys.stdin:
    paired, test, sd, n0, delta, alpha, m = line.split()
    paired, sd, n0, delta, alpha, m = paired == '1', float(sd), int(n0), float(delta), float(alpha), int(m)
    a = alpha / m
    ranks = paired or test == 'mwu'
    upper = sd * math.sqrt((n0 - 1) / stats.chi2.ppf(0.10, n0 - 1))
    scale = upper * math.sqrt((1 if paired else 2) * (math.pi / 3 if ranks else 1))
    if paired:
        n = 1
        while 2 / 2**n > a: n += 1
    elif ranks:
        n = 1
        while 2 / math.comb(2 * n, n) > a: n += 1
    else:
        n = 2
    n = max(n, 2)
    answer = 'none'
    while n <= 10000:
        df = n - 1 if paired else 2 * n - 2
        se = scale / math.sqrt(n)
        need = max(stats.t.ppf(1 - a / 2, df) * se, math.log1p(delta / 2) + stats.t.ppf(1 - alpha / 2, df) * se)
        if math.log1p(delta) - stats.t.ppf(0.8, df) * se >= need:
            answer = str(n); break
        n += 1 if n < 64 else n // 16
    print(answer)
)PY";

TEST(UnitsNeeded, MatchesAnIndependentScipyImplementation) {
  const auto probe =
      benchgate::testing::run_process({"/usr/bin/python3", "-c", "import scipy.stats"});
  if (probe.exit_code != 0) GTEST_SKIP() << "/usr/bin/python3 cannot import scipy: " << probe.err;
  std::vector<SampleSizeQuestion> questions;
  std::string input;
  for (bool paired : {true, false})
    for (TestKind test : {TestKind::kMannWhitney, TestKind::kWelch})
      for (double sd : {0.005, 0.03, 0.12, 0.4})
        for (std::size_t n0 : {2u, 8u, 20u})
          for (std::size_t m : {1u, 90u}) {
            SampleSizeQuestion q{
                .design = paired ? UnitDesign::kPairedRounds : UnitDesign::kTwoSample,
                .test = test,
                .log_sd = sd,
                .current_n = n0,
                .threshold = 0.05,
                .alpha = 0.05,
                .family_size = m};
            questions.push_back(q);
            input += fmt::format("{} {} {} {} {} {} {}\n", paired ? 1 : 0,
                                 test == TestKind::kMannWhitney ? "mwu" : "welch", sd, n0, 0.05,
                                 0.05, m);
          }
  benchgate::testing::ProcessOptions options;
  options.stdin_text = input;
  const auto out =
      benchgate::testing::run_process({"/usr/bin/python3", "-c", kUnitsOracle}, options);
  ASSERT_EQ(out.exit_code, 0) << out.err;
  std::istringstream answers(out.out);
  for (const auto& q : questions) {
    std::string expected;
    ASSERT_TRUE(answers >> expected);
    const auto got = units_needed(q);
    EXPECT_EQ(got ? std::to_string(*got) : "none", expected)
        << "sd " << q.log_sd << " n0 " << q.current_n << " family " << q.family_size;
  }
}

TEST(UnitsNeeded, GrowsWithTheSpreadAndNeedsTwoUnitsToPlan) {
  SampleSizeQuestion q{.design = UnitDesign::kPairedRounds, .log_sd = 0.02, .current_n = 12};
  const auto quiet = units_needed(q);
  q.log_sd = 0.08;
  const auto noisy = units_needed(q);
  ASSERT_TRUE(quiet && noisy);
  EXPECT_LT(*quiet, *noisy);
  q.current_n = 1;
  EXPECT_FALSE(units_needed(q).has_value());
  q.current_n = 12;
  q.log_sd = 5;  // far beyond any plan
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
