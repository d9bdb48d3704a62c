// stats::compare_runs: one case per verdict word, the analysis-unit rule, drift between processes,
// row order and the stats::CompareOptions callbacks.
#include "stats/compare.h"

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/stats/record_builder.h"

namespace benchgate {
namespace {
using benchgate::testing::add_lognormal_benchmark;
using benchgate::testing::add_process;
using ::testing::HasSubstr;

// `processes` processes per side, each with `reps` repetitions exactly at `value` * (1 + small
// deterministic wobble); no randomness, so the expected verdict cannot flake.
void add_steady(RunRecord& r, const std::string& name, double value, int processes, int reps,
                double spread) {
  for (int p = 0; p < processes; ++p) {
    // Process levels spread evenly over [-spread, +spread] around value.
    const double level =
        value * (1 + spread * (processes == 1 ? 0 : 2.0 * p / (processes - 1) - 1));
    std::vector<double> v;
    for (int i = 0; i < reps; ++i) v.push_back(level * (1 + 0.001 * ((i % 3) - 1)));
    add_process(r, name, p, v);
  }
}

const BenchmarkComparison& row(const Comparison& c, const std::string& name) {
  for (const auto& r : c.benchmarks)
    if (r.name == name) return r;
  throw std::runtime_error("no row " + name);
}

TEST(CompareRuns, RegressionOnProcessMedians) {
  RunRecord base, head;
  add_steady(base, "BM_Sort", 100, 10, 3, 0.01);
  add_steady(head, "BM_Sort", 120, 10, 3, 0.01);
  const Comparison c = stats::compare_runs(base, head, {});
  const auto& r = row(c, "BM_Sort");
  EXPECT_EQ(r.verdict, Verdict::kRegression);
  EXPECT_EQ(r.unit, AnalysisUnit::kProcessMedians);
  EXPECT_FALSE(r.single_run);
  EXPECT_EQ(r.base_n, 10u);
  EXPECT_EQ(r.base_samples, 30u);
  EXPECT_EQ(r.base_processes, 10u);
  EXPECT_NEAR(r.ratio, 1.2, 1e-9);  // every level is scaled by exactly 1.2
  EXPECT_GT(r.ci_low, 1.0);
  EXPECT_DOUBLE_EQ(r.confidence, 0.95);
  // Complete separation of 10 vs 10: p = 2 / C(20, 10) = 2 / 184756.
  EXPECT_NEAR(*r.p_value, 2.0 / 184756, 1e-15);
  EXPECT_NEAR(*r.p_adjusted, 2.0 / 184756, 1e-15);  // the only benchmark: Holm leaves it
  EXPECT_NEAR(r.base_median, 100, 1e-9);
  EXPECT_FALSE(r.noisy);
  EXPECT_FALSE(r.warning);
  EXPECT_THAT(r.note, HasSubstr("regression: +20.0%"));
  EXPECT_TRUE(blocks_gate(r, c.settings));
  EXPECT_EQ(to_string(c.outcome()), "fail");
}

TEST(CompareRuns, Improvement) {
  RunRecord base, head;
  add_steady(base, "BM_Hash", 100, 10, 3, 0.01);
  add_steady(head, "BM_Hash", 80, 10, 3, 0.01);
  const Comparison r_comparison = stats::compare_runs(base, head, {});
  const auto& r = row(r_comparison, "BM_Hash");
  EXPECT_EQ(r.verdict, Verdict::kImprovement);
  EXPECT_NEAR(r.ratio, 0.8, 1e-9);
  EXPECT_LT(r.ci_high, 1.0);
}

// Throughput: a 20% drop is the regression, a 20% rise the improvement; the ratio stays head/base.
TEST(CompareRuns, HigherIsBetterFlipsTheDirection) {
  RunRecord base, head;
  add_steady(base, "BM_Drop", 100, 10, 3, 0.01);
  add_steady(head, "BM_Drop", 80, 10, 3, 0.01);
  add_steady(base, "BM_Rise", 100, 10, 3, 0.01);
  add_steady(head, "BM_Rise", 120, 10, 3, 0.01);
  stats::CompareOptions options;
  options.settings.higher_is_better = true;
  const Comparison c = stats::compare_runs(base, head, options);
  EXPECT_EQ(row(c, "BM_Drop").verdict, Verdict::kRegression);
  EXPECT_NEAR(row(c, "BM_Drop").ratio, 0.8, 1e-9);
  EXPECT_EQ(row(c, "BM_Rise").verdict, Verdict::kImprovement);
  EXPECT_EQ(to_string(c.outcome()), "fail");
}

TEST(CompareRuns, UnchangedWhenTheCiFitsInTheBand) {
  RunRecord base, head;
  add_steady(base, "BM_Str", 100, 12, 3, 0.01);
  add_steady(head, "BM_Str", 100.5, 12, 3, 0.01);
  const Comparison r_comparison = stats::compare_runs(base, head, {});
  const auto& r = row(r_comparison, "BM_Str");
  EXPECT_EQ(r.verdict, Verdict::kUnchanged);
  EXPECT_GT(r.ci_low, 0.95);
  EXPECT_LT(r.ci_high, 1.05);
  EXPECT_FALSE(r.units_needed.has_value());
}

TEST(CompareRuns, InconclusiveSaysWhatWouldSettleIt) {
  RunRecord base, head;
  add_steady(base, "BM_X", 100, 4, 3, 0.04);
  add_steady(head, "BM_X", 103, 4, 3, 0.04);
  const Comparison r_comparison = stats::compare_runs(base, head, {});
  const auto& r = row(r_comparison, "BM_X");
  EXPECT_EQ(r.verdict, Verdict::kInconclusive);
  ASSERT_TRUE(r.units_needed.has_value());
  EXPECT_GT(*r.units_needed, 4u);
  // The count is a field of its own (reporters print it); the note does not repeat it.
  EXPECT_THAT(r.note, ::testing::StartsWith("inconclusive: +3.0%"));
}

TEST(CompareRuns, TooFewUnitsAreUntestedAndSayItLoudly) {
  RunRecord base, head;
  add_process(base, "BM_Once", 0, {100});
  add_process(head, "BM_Once", 0, {110, 111, 112});
  const Comparison c = stats::compare_runs(base, head, {});
  const auto& r = row(c, "BM_Once");
  EXPECT_EQ(r.verdict, Verdict::kUntested);
  EXPECT_FALSE(r.p_value.has_value());
  EXPECT_FALSE(r.p_adjusted.has_value());
  EXPECT_DOUBLE_EQ(r.ratio, 1.11);  // ratio of medians only: 111 / 100
  EXPECT_EQ(r.ci_low, 0);
  EXPECT_TRUE(std::isinf(r.ci_high));
  EXPECT_THAT(r.note, HasSubstr("UNTESTED"));
  EXPECT_THAT(r.note, HasSubstr("beyond"));
  EXPECT_FALSE(blocks_gate(r, c.settings));
  EXPECT_THAT(c.warnings, ::testing::Contains(HasSubstr("untested")));
}

TEST(CompareRuns, NonPositiveValuesAreUntested) {
  RunRecord base, head;
  add_steady(base, "BM_Zero", 0, 5, 3, 0.0);
  add_steady(head, "BM_Zero", 0, 5, 3, 0.0);
  const Comparison r_comparison = stats::compare_runs(base, head, {});
  const auto& r = row(r_comparison, "BM_Zero");
  EXPECT_EQ(r.verdict, Verdict::kUntested);
  EXPECT_THAT(r.note, HasSubstr("<= 0"));
}

TEST(CompareRuns, NewAndMissingAndRowOrder) {
  RunRecord base, head;
  add_steady(base, "BM_Gone", 50, 3, 3, 0.01);
  add_steady(base, "BM_Both", 100, 3, 3, 0.01);
  add_steady(head, "BM_Fresh", 70, 3, 3, 0.01);
  add_steady(head, "BM_Both", 100, 3, 3, 0.01);
  // Head ran BM_Broken but every repetition failed: it counts as missing, errors kept.
  add_steady(base, "BM_Broken", 10, 3, 3, 0.01);
  head.find_or_add("BM_Broken").errors.push_back({0, "assertion failed: x > 0"});
  const Comparison c = stats::compare_runs(base, head, {});
  std::vector<std::string> names;
  for (const auto& r : c.benchmarks) names.push_back(r.name);
  EXPECT_THAT(names, ::testing::ElementsAre("BM_Fresh", "BM_Both", "BM_Broken", "BM_Gone"));
  EXPECT_EQ(row(c, "BM_Fresh").verdict, Verdict::kNew);
  EXPECT_EQ(row(c, "BM_Fresh").head_n, 3u);
  EXPECT_EQ(row(c, "BM_Gone").verdict, Verdict::kMissing);
  EXPECT_EQ(row(c, "BM_Gone").base_n, 3u);
  const auto& broken = row(c, "BM_Broken");
  EXPECT_EQ(broken.verdict, Verdict::kMissing);
  EXPECT_THAT(broken.errors, ::testing::ElementsAre(HasSubstr("assertion failed: x > 0")));
  EXPECT_THAT(broken.note, HasSubstr("errors"));
  EXPECT_EQ(to_string(c.outcome()), "pass");
}

TEST(CompareRuns, NoisyWhenTheCvExceedsTheThreshold) {
  RunRecord base, head;
  add_steady(base, "BM_Noisy", 100, 6, 3, 0.15);  // levels 85..115: CV ~ 11%
  add_steady(head, "BM_Noisy", 100, 6, 3, 0.15);
  const Comparison r_comparison = stats::compare_runs(base, head, {});
  const auto& r = row(r_comparison, "BM_Noisy");
  EXPECT_TRUE(r.noisy);
  EXPECT_GT(r.cv_base, 0.05);
  EXPECT_THAT(r.note, HasSubstr("noisy"));
}

TEST(CompareRuns, SingleRunRegressionIsKeptButUnconfirmed) {
  RunRecord base, head;
  std::mt19937_64 rng(3);
  add_lognormal_benchmark(base, "BM_Lone", 100, 1, 20, 0.0, 0.01, rng);
  add_lognormal_benchmark(head, "BM_Lone", 120, 1, 20, 0.0, 0.01, rng);
  const Comparison c = stats::compare_runs(base, head, {});
  const auto& r = row(c, "BM_Lone");
  EXPECT_EQ(r.verdict, Verdict::kRegression);
  EXPECT_EQ(r.unit, AnalysisUnit::kRepetitions);
  EXPECT_TRUE(r.single_run);
  EXPECT_EQ(r.base_n, 20u);
  EXPECT_EQ(r.base_processes, 1u);
  EXPECT_THAT(r.note, HasSubstr("unconfirmed"));
  EXPECT_THAT(c.warnings, ::testing::Contains(HasSubstr("between-run drift is not measured")));
  EXPECT_FALSE(blocks_gate(r, c.settings));
  EXPECT_EQ(to_string(c.outcome()), "pass");
  CompareSettings trusted = c.settings;
  trusted.trust_single_run = true;
  EXPECT_TRUE(blocks_gate(r, trusted));
}

TEST(CompareRuns, OneSideWithOneProcessMeansRepetitions) {
  RunRecord base, head;
  add_steady(base, "BM_Mixed", 100, 1, 10, 0.0);
  add_steady(head, "BM_Mixed", 100, 4, 3, 0.01);
  const Comparison r_comparison = stats::compare_runs(base, head, {});
  const auto& r = row(r_comparison, "BM_Mixed");
  EXPECT_EQ(r.unit, AnalysisUnit::kRepetitions);
  EXPECT_TRUE(r.single_run);
  EXPECT_EQ(r.base_n, 10u);
  EXPECT_EQ(r.head_n, 12u);
}

// A small but real change inside the band is "unchanged", and no warning: within ±δ is what the
// user said does not matter.
TEST(CompareRuns, NoWarningForASmallRealChangeInsideTheBand) {
  RunRecord base, head;
  add_steady(base, "BM_Tiny", 100, 12, 3, 0.005);
  add_steady(head, "BM_Tiny", 102, 12, 3, 0.005);  // 2%: significant, inside the 5% band
  const Comparison r_comparison = stats::compare_runs(base, head, {});
  const auto& r = row(r_comparison, "BM_Tiny");
  EXPECT_EQ(r.verdict, Verdict::kUnchanged);
  EXPECT_LE(*r.q_value, 0.10);
  EXPECT_FALSE(r.warning);
  EXPECT_THAT(r.note, ::testing::Not(HasSubstr("probably changed")));
}

TEST(CompareRuns, DriftBetweenTightProcessesIsNotARegression) {
  // Each process is internally tight (0.1%), but the process levels drift by several percent,
  // the same way on both sides (docs/design.md#the-unit-of-analysis). Head's processes happen to
  // sit ~3% higher on average.
  const std::vector<double> base_levels{100, 97, 106, 99, 103};
  const std::vector<double> head_levels{104, 109, 98, 107, 101};
  RunRecord base, head, base_pooled, head_pooled;
  for (int p = 0; p < 5; ++p) {
    std::vector<double> b, h;
    for (int i = 0; i < 10; ++i) {
      b.push_back(base_levels[p] * (1 + 0.001 * ((i % 5) - 2)));
      h.push_back(head_levels[p] * (1 + 0.001 * ((i % 5) - 2)));
    }
    add_process(base, "BM_Drift", p, b);
    add_process(head, "BM_Drift", p, h);
    add_process(base_pooled, "BM_Drift", 0, b);  // the same samples as if from one process
    add_process(head_pooled, "BM_Drift", 0, h);
  }
  const Comparison r_comparison = stats::compare_runs(base, head, {});
  const auto& r = row(r_comparison, "BM_Drift");
  EXPECT_EQ(r.unit, AnalysisUnit::kProcessMedians);
  EXPECT_NE(r.verdict, Verdict::kRegression);
  EXPECT_GT(*r.p_value, 0.05);
  // The control: treating the 50 repetitions as independent would call it a regression, which
  // is exactly the mistake the process unit prevents.
  const Comparison naive_comparison = stats::compare_runs(base_pooled, head_pooled, {});
  const auto& naive = row(naive_comparison, "BM_Drift");
  EXPECT_EQ(naive.unit, AnalysisUnit::kRepetitions);
  EXPECT_LT(*naive.p_value, 0.05);
}

TEST(CompareRuns, IgnoreAndThresholdCallbacks) {
  RunRecord base, head;
  add_steady(base, "BM_A", 100, 10, 3, 0.01);
  add_steady(head, "BM_A", 108, 10, 3, 0.01);
  add_steady(base, "BM_Skip", 100, 10, 3, 0.01);
  add_steady(head, "BM_Skip", 200, 10, 3, 0.01);
  add_steady(base, "BM_SkipGone", 100, 10, 3, 0.01);
  stats::CompareOptions options;
  options.ignore = [](std::string_view name) { return name.starts_with("BM_Skip"); };
  options.threshold_for = [](std::string_view name) { return name == "BM_A" ? 0.20 : 0.05; };
  const Comparison c = stats::compare_runs(base, head, options);
  ASSERT_EQ(c.benchmarks.size(), 1u);
  EXPECT_EQ(c.benchmarks[0].threshold, 0.20);
  // +8% is significant but below half of its own 20% threshold: not a regression.
  EXPECT_NE(c.benchmarks[0].verdict, Verdict::kRegression);
  options.threshold_for = nullptr;
  EXPECT_EQ(row(stats::compare_runs(base, head, options), "BM_A").verdict, Verdict::kRegression);
}

TEST(CompareRuns, WelchUsesTheMeanLogDifference) {
  RunRecord base, head;
  add_process(base, "BM_W", 0, {100});
  add_process(base, "BM_W", 1, {110});
  add_process(head, "BM_W", 0, {121});
  add_process(head, "BM_W", 1, {132});
  stats::CompareOptions options;
  options.settings.test = TestKind::kWelch;
  const Comparison r_comparison = stats::compare_runs(base, head, options);
  const auto& r = row(r_comparison, "BM_W");
  // mean(log head) - mean(log base) = (log 121 + log 132 - log 100 - log 110) / 2
  //   = log sqrt(121 * 132 / (100 * 110)) = log sqrt(1.452), ratio 1.20499.
  EXPECT_NEAR(r.ratio, std::sqrt(121.0 * 132 / (100.0 * 110)), 1e-12);
  EXPECT_LT(r.ci_low, r.ratio);
  EXPECT_GT(r.ci_high, r.ratio);
  EXPECT_TRUE(r.p_value.has_value());
}

TEST(CompareRuns, MetricSelectionAndNaNSamples) {
  RunRecord base, head;
  add_steady(base, "BM_M", 100, 10, 3, 0.01);
  add_steady(head, "BM_M", 100, 10, 3, 0.01);
  // cpu_time: only 3 real values in base, nothing but NaN in head.
  auto& base_cpu = base.find_or_add("BM_M").metrics[kCpuTime];
  base_cpu.assign(30, std::nan(""));
  base_cpu[0] = 1, base_cpu[1] = 2, base_cpu[2] = 3;
  head.find_or_add("BM_M").metrics[kCpuTime].assign(30, std::nan(""));
  stats::CompareOptions options;
  options.settings.metric = kCpuTime;
  const Comparison c = stats::compare_runs(base, head, options);
  const auto& r = row(c, "BM_M");
  EXPECT_EQ(r.metric, kCpuTime);
  EXPECT_EQ(r.verdict, Verdict::kMissing);  // head has no (non-NaN) cpu_time sample
  EXPECT_EQ(r.base_samples, 3u);
}

TEST(CompareRuns, WarnsWhenTooFewUnitsCanNeverPassHolm) {
  RunRecord base, head;
  for (int b = 0; b < 100; ++b) {
    add_steady(base, "BM_" + std::to_string(b), 100, 5, 2, 0.01);
    add_steady(head, "BM_" + std::to_string(b), 130, 5, 2, 0.01);
  }
  const Comparison c = stats::compare_runs(base, head, {});
  // 5 vs 5: the smallest p is 2 / 252 = 0.0079 > 0.05 / 100, so nothing can be a regression.
  EXPECT_EQ(c.count(Verdict::kRegression), 0u);
  EXPECT_THAT(c.warnings, ::testing::Contains(HasSubstr("use at least 8 per side")));
}

TEST(CompareRuns, RejectsBadSettings) {
  stats::CompareOptions options;
  options.settings.alpha = 0;
  EXPECT_THROW(stats::compare_runs({}, {}, options), std::invalid_argument);
  options.settings.alpha = 0.05;
  options.threshold_for = [](std::string_view) { return -0.1; };
  RunRecord r;
  add_steady(r, "BM", 1, 2, 2, 0.0);
  EXPECT_THROW(stats::compare_runs(r, r, options), std::invalid_argument);
}

}  // namespace
}  // namespace benchgate
