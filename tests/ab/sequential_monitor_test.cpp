// The adaptive design's bookkeeping: decisions freeze, Holm across benchmarks, repeated p-values
// agree with the step-down decisions; a fixed design is one final look.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "stats/p_adjust.h"
#include "stats/sequential_monitor.h"

namespace benchgate::stats {
namespace {

// Deterministic series in AB/BA blocks: round i (1-based) has head second when i is even; head =
// base x ratio x (1 +- wiggle), the sign alternating by block, so the rounds of a block agree,
// the position estimate is 0 and the adjusted log ratios are log(ratio) +- log(1 +- wiggle).
PairedSeries series(const std::string& name, int rounds, double ratio, double wiggle) {
  PairedSeries s{.name = name, .rounds = {}, .threshold = 0.05};
  for (int i = 1; i <= rounds; ++i) {
    const double base = 100 + i;
    const double sign = ((i + 1) / 2) % 2 ? 1 : -1;
    s.rounds.push_back({.round = i,
                        .base = base,
                        .head = base * ratio * (1 + sign * wiggle),
                        .head_second = i % 2 == 0});
  }
  return s;
}

TEST(SequentialMonitor, DecidesClearCasesAndKeepsLookingAtThem) {
  SequentialMonitor monitor({.alpha = 0.05, .max_rounds = 20});
  // 12 rounds: the exact signed-rank test can reach 2 / 2^12 = 4.9e-4, below the boundary's
  // nominal level at information 0.6 for alpha / 3.
  std::vector<PairedSeries> data = {series("slow", 12, 1.30, 0.01), series("same", 12, 1.0, 0.002),
                                    series("unclear", 12, 1.04, 0.05)};
  monitor.look(12, data);
  const auto& st = monitor.states();
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[0].verdict, Verdict::kRegression);
  EXPECT_EQ(st[1].verdict, Verdict::kUnchanged);
  EXPECT_EQ(st[2].verdict, Verdict::kInconclusive);
  EXPECT_EQ(monitor.undecided(), std::vector<std::string>{"unclear"});
  EXPECT_FALSE(monitor.all_decided());

  // Later looks analyse every benchmark that has rounds (all of them run in every process); a
  // benchmark rejected once stays rejected.
  std::vector<PairedSeries> more = {series("slow", 16, 1.30, 0.01),
                                    series("unclear", 16, 1.04, 0.05)};
  monitor.look(16, more);
  EXPECT_EQ(monitor.states()[0].rounds, 16);
  EXPECT_TRUE(monitor.states()[0].rejected);
  EXPECT_EQ(monitor.states()[1].rounds, 12) << "no rounds given for it at this look";
  EXPECT_EQ(monitor.states()[2].rounds, 16);
  monitor.look(20, more, /*final=*/true);
  EXPECT_EQ(monitor.information().back(), 1.0);
  EXPECT_THROW(monitor.look(24, more), std::logic_error);
}

TEST(SequentialMonitor, TooFewRoundsForTheExactTestDecideNothing) {
  // 4 rounds: the smallest signed-rank p is 2 / 16 = 0.125, so even a 30% change cannot be
  // significant, and the interval at the boundary's level is unbounded.
  SequentialMonitor monitor({.alpha = 0.05, .max_rounds = 20});
  std::vector<PairedSeries> data = {series("slow", 4, 1.30, 0.01)};
  monitor.look(4, data);
  EXPECT_EQ(monitor.states()[0].verdict, Verdict::kInconclusive);
  EXPECT_FALSE(monitor.states()[0].rejected);
}

TEST(SequentialMonitor, AFixedDesignIsOneFinalLookAtItsOwnP) {
  SequentialMonitor monitor({.alpha = 0.05, .max_rounds = 12});
  std::vector<PairedSeries> data = {series("a", 12, 1.08, 0.03), series("b", 12, 1.0, 0.03)};
  monitor.look(12, data, /*final=*/true);
  const auto p = monitor.sequential_p_values();
  EXPECT_EQ(p[0], monitor.states()[0].last.p_value);
  EXPECT_EQ(p[1], monitor.states()[1].last.p_value);
  EXPECT_EQ(monitor.states()[0].verdict, Verdict::kRegression);
}

TEST(SequentialMonitor, HolmOnRepeatedPValuesReproducesTheStepDown) {
  SequentialMonitor monitor({.alpha = 0.05, .max_rounds = 16});
  const std::vector<std::pair<std::string, double>> ratios = {
      {"a", 1.08}, {"b", 1.03}, {"c", 1.01}, {"d", 0.97}};
  for (int rounds : {12, 16}) {
    std::vector<PairedSeries> data;
    for (const auto& [name, ratio] : ratios) data.push_back(series(name, rounds, ratio, 0.04));
    monitor.look(rounds, data, rounds == 16);
  }
  const auto p = monitor.sequential_p_values();
  const auto adjusted = holm_adjust(p);
  int rejected = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const auto& s = monitor.states()[i];
    rejected += s.rejected;
    // Away from the bisection tolerance the two must agree.
    if (std::fabs(adjusted[i] - 0.05) > 0.002) {
      EXPECT_EQ(s.rejected, adjusted[i] <= 0.05) << s.name << " p_adj " << adjusted[i];
    }
    double best_fixed = 1;
    for (const auto& [look, z] : s.z) best_fixed = std::min(best_fixed, nominal_level(z));
    EXPECT_GE(p[i], best_fixed * 0.999) << "never below the best fixed-sample p";
  }
  EXPECT_GT(rejected, 0);
  EXPECT_LT(rejected, 4);
}

TEST(SequentialMonitor, AnEarlyLookWhoseBoundaryIsBeyondReachGivesAnUnboundedInterval) {
  // A small alpha with many planned rounds (bisect's alpha / steps, up to 40 rounds): at 4 of
  // 40 rounds the O'Brien-Fleming boundary's nominal level underflows to 0, so the interval's
  // confidence would be exactly 1. The look must still analyse the rounds, with an interval
  // that bounds nothing yet, and decide nothing.
  SequentialMonitor monitor({.alpha = 0.01, .interval_alpha = 0.01, .max_rounds = 40});
  const std::vector<PairedSeries> data = {series("slow", 4, 1.5, 0.01)};
  ASSERT_NO_THROW(monitor.look(4, data));
  const auto& st = monitor.states();
  ASSERT_EQ(st.size(), 1u);
  EXPECT_FALSE(st[0].decided);
  EXPECT_LT(st[0].ci_low, 1.5);
  EXPECT_GT(st[0].ci_high, 1.5);
}

}  // namespace
}  // namespace benchgate::stats
