// The adaptive design's bookkeeping: decisions freeze, Holm across benchmarks, repeated p-values
// agree with the step-down decisions, and the paired statistic against scipy.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "stats/p_adjust.h"
#include "stats/sequential_monitor.h"
#include "tests/support/process.h"

namespace benchgate::stats {
namespace {

TEST(PairedLogLook, MatchesScipyPairedT) {
  const std::vector<double> base = {100, 102, 98, 101, 99, 103};
  const std::vector<double> head = {104, 105, 101, 106, 100, 108};
  const auto look = paired_log_look(base, head);
  auto r = testing::run_process(
      {"/usr/bin/python3", "-c",
       "import numpy as np; from scipy.stats import ttest_rel\n"
       "b=np.log([100,102,98,101,99,103]); h=np.log([104,105,101,106,100,108])\n"
       "print(repr(ttest_rel(h, b).pvalue), repr(np.mean(h-b)))"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  double p = 0, mean = 0;
  ASSERT_EQ(std::sscanf(r.out.c_str(), "%lf %lf", &p, &mean), 2) << r.out;
  EXPECT_NEAR(look.p_value, p, 1e-9);
  EXPECT_NEAR(look.mean_log_ratio, mean, 1e-12);
  EXPECT_EQ(look.rounds, 6u);
}

TEST(PairedLogLook, DegenerateAndInvalidInput) {
  const std::vector<double> same = {1, 2, 3};
  EXPECT_EQ(paired_log_look(same, same).p_value, 1.0);
  const std::vector<double> doubled = {2, 4, 6};
  EXPECT_LT(paired_log_look(same, doubled).p_value, 1e-20) << "a constant ratio";
  const std::vector<double> one = {1};
  EXPECT_THROW(paired_log_look(one, one), std::invalid_argument);
  EXPECT_THROW(paired_log_look(same, one), std::invalid_argument);
}

// Deterministic series: head = base x ratio x (1 +- wiggle) alternating, so the paired spread is
// small and known.
PairedSeries series(const std::string& name, int rounds, double ratio, double wiggle) {
  PairedSeries s{.name = name, .base = {}, .head = {}, .threshold = 0.05};
  for (int i = 0; i < rounds; ++i) {
    s.base.push_back(100 + i);
    s.head.push_back((100 + i) * ratio * (i % 2 ? 1 + wiggle : 1 - wiggle));
  }
  return s;
}

TEST(SequentialMonitor, DecidesClearCasesAndFreezesThem) {
  SequentialMonitor monitor({.alpha = 0.05, .max_rounds = 20});
  std::vector<PairedSeries> data = {series("slow", 8, 1.30, 0.01), series("same", 8, 1.0, 0.002),
                                    series("unclear", 8, 1.04, 0.05)};
  monitor.look(8, data);
  const auto& st = monitor.states();
  ASSERT_EQ(st.size(), 3u);
  EXPECT_EQ(st[0].verdict, Verdict::kRegression);
  EXPECT_EQ(st[1].verdict, Verdict::kUnchanged);
  EXPECT_EQ(st[2].verdict, Verdict::kInconclusive);
  EXPECT_EQ(monitor.undecided(), std::vector<std::string>{"unclear"});
  EXPECT_FALSE(monitor.all_decided());

  // Later rounds only for the undecided one; the decided ones keep their deciding look.
  std::vector<PairedSeries> more = {series("unclear", 12, 1.04, 0.05)};
  monitor.look(12, more);
  EXPECT_EQ(monitor.states()[0].rounds, 8);
  EXPECT_EQ(monitor.states()[2].rounds, 12);
  monitor.look(16, more, /*final=*/true);
  EXPECT_EQ(monitor.information().back(), 1.0);
  EXPECT_THROW(monitor.look(20, more), std::logic_error);
}

TEST(SequentialMonitor, HolmOnRepeatedPValuesReproducesTheStepDown) {
  SequentialMonitor monitor({.alpha = 0.05, .max_rounds = 16});
  const std::vector<std::pair<std::string, double>> ratios = {
      {"a", 1.08}, {"b", 1.03}, {"c", 1.01}, {"d", 0.97}};
  for (int rounds : {8, 16}) {
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

}  // namespace
}  // namespace benchgate::stats
