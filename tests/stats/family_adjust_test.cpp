// Holm across the suites of one gate run (stats/family_adjust.h), checked by hand.
#include "stats/family_adjust.h"

#include <gtest/gtest.h>

namespace benchgate::stats {
namespace {

BenchmarkComparison tested(const std::string& name, double p, Verdict verdict) {
  BenchmarkComparison row;
  row.name = name;
  row.p_value = p;
  row.p_adjusted = p;
  row.verdict = verdict;
  return row;
}

TEST(FamilyAdjust, HolmRunsOverEverySuiteAndOnlyDemotes) {
  Comparison a, b;
  // Alone, suite a's 0.02 passes Holm over its 1 benchmark. Across 3 tested benchmarks:
  // sorted p 0.001, 0.02, 0.4 -> Holm 0.003, max(0.003, 2 x 0.02) = 0.04, 0.4.
  a.benchmarks = {tested("BM_a", 0.02, Verdict::kRegression)};
  b.benchmarks = {tested("BM_b", 0.001, Verdict::kRegression),
                  tested("BM_c", 0.4, Verdict::kUnchanged)};
  BenchmarkComparison untested;
  untested.name = "BM_new";
  untested.verdict = Verdict::kNew;
  b.benchmarks.push_back(untested);
  Comparison* both[] = {&a, &b};
  adjust_across_comparisons(both);
  EXPECT_DOUBLE_EQ(*a.benchmarks[0].p_adjusted, 0.04);
  EXPECT_EQ(a.benchmarks[0].verdict, Verdict::kRegression);  // 0.04 <= 0.05
  EXPECT_DOUBLE_EQ(*b.benchmarks[0].p_adjusted, 0.003);
  EXPECT_DOUBLE_EQ(*b.benchmarks[1].p_adjusted, 0.4);
  EXPECT_EQ(b.benchmarks[1].verdict, Verdict::kUnchanged);
  EXPECT_FALSE(b.benchmarks[2].p_adjusted.has_value());

  // A third suite's benchmark pushes BM_a over alpha: 4 tests, 0.02 is second -> 3 x 0.02.
  Comparison c;
  c.benchmarks = {tested("BM_d", 0.3, Verdict::kInconclusive)};
  a.benchmarks[0] = tested("BM_a", 0.02, Verdict::kRegression);
  Comparison* three[] = {&a, &b, &c};
  adjust_across_comparisons(three);
  EXPECT_DOUBLE_EQ(*a.benchmarks[0].p_adjusted, 0.06);
  EXPECT_EQ(a.benchmarks[0].verdict, Verdict::kInconclusive);
  EXPECT_NE(a.benchmarks[0].note.find("across all 4 tested benchmarks"), std::string::npos);
}

TEST(FamilyAdjust, OneComparisonIsLeftAlone) {
  Comparison a;
  a.benchmarks = {tested("BM_a", 0.02, Verdict::kRegression)};
  a.benchmarks[0].p_adjusted = 0.03;
  Comparison* one[] = {&a};
  adjust_across_comparisons(one);
  EXPECT_DOUBLE_EQ(*a.benchmarks[0].p_adjusted, 0.03);
}

}  // namespace
}  // namespace benchgate::stats
