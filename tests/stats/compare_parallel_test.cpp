// stats::compare_runs analyses the rows of a large comparison on several threads
// (docs/development.md#benchmarks-of-benchgate-itself). Each row must still be exactly the row of
// its own benchmark, in head order: checked against comparing every benchmark alone, which runs on
// one thread.
#include <cstdint>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "stats/compare.h"
#include "tests/stats/record_builder.h"

namespace benchgate {
namespace {
using benchgate::testing::add_lognormal_benchmark;

TEST(CompareParallel, EveryRowIsItsOwnBenchmarksRow) {
  std::mt19937_64 rng(42);
  RunRecord base, head;
  constexpr int kBenchmarks = 2000;  // several chunks of rows for every thread
  for (int b = 0; b < kBenchmarks; ++b) {
    const std::string name = "BM_" + std::to_string(b);
    const double center = 100.0 + b;
    const int processes = 1 + b % 4, repetitions = 2 + b % 5;
    add_lognormal_benchmark(base, name, center, processes, repetitions, 0.02, 0.01, rng);
    add_lognormal_benchmark(head, name, center * (b % 7 == 0 ? 1.2 : 1.0), processes, repetitions,
                            0.02, 0.01, rng);
  }
  const Comparison all = stats::compare_runs(base, head, {});
  ASSERT_EQ(all.benchmarks.size(), static_cast<std::size_t>(kBenchmarks));
  for (int b = 0; b < kBenchmarks; b += 7) {
    RunRecord one_base, one_head;
    one_base.processes = base.processes;
    one_head.processes = head.processes;
    one_base.benchmarks = {base.benchmarks[b]};
    one_head.benchmarks = {head.benchmarks[b]};
    const BenchmarkComparison alone = stats::compare_runs(one_base, one_head, {}).benchmarks.at(0);
    const BenchmarkComparison& row = all.benchmarks[b];
    // Everything before the adjustment across benchmarks depends on this benchmark only.
    EXPECT_EQ(row.name, alone.name);
    EXPECT_EQ(row.p_value, alone.p_value) << row.name;
    EXPECT_EQ(row.ratio, alone.ratio) << row.name;
    EXPECT_EQ(row.ci_low, alone.ci_low) << row.name;
    EXPECT_EQ(row.ci_high, alone.ci_high) << row.name;
    EXPECT_EQ(row.base_n, alone.base_n) << row.name;
    EXPECT_EQ(row.head_median, alone.head_median) << row.name;
  }
}

}  // namespace
}  // namespace benchgate
