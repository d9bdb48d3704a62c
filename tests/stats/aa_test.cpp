// The A/A test (docs/statistics.md#how-this-is-tested-testsstats, "Done when"): many benchmarks
// with identical distributions on both sides must rarely fail the gate, and a real 20% slowdown
// among them must almost always be caught. Seeded, so every run sees the same 200 trials.
#include <iostream>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "stats/compare.h"
#include "tests/stats/record_builder.h"

namespace benchgate {
namespace {
using benchgate::testing::add_lognormal_benchmark;

constexpr int kTrials = 200;
constexpr int kBenchmarks = 100;
constexpr int kProcesses = 10;  // per side
constexpr int kRepetitions = 3;
// Realistic shared-machine noise: processes drift by ~4%, repetitions within one by ~1%.
constexpr double kProcessSd = 0.04;
constexpr double kRepetitionSd = 0.01;

struct Trial {
  RunRecord base, head;
};

// 100 benchmarks of different speeds; benchmark 0 is `slowdown` times slower in head.
Trial make_trial(std::mt19937_64& rng, double slowdown) {
  Trial t;
  std::uniform_real_distribution<double> log10_ns(1, 6);
  for (int b = 0; b < kBenchmarks; ++b) {
    const std::string name = "BM_" + std::to_string(b);
    const double center = std::pow(10.0, log10_ns(rng));
    add_lognormal_benchmark(t.base, name, center, kProcesses, kRepetitions, kProcessSd,
                            kRepetitionSd, rng);
    add_lognormal_benchmark(t.head, name, center * (b == 0 ? slowdown : 1.0), kProcesses,
                            kRepetitions, kProcessSd, kRepetitionSd, rng);
  }
  return t;
}

TEST(AaTest, IdenticalDistributionsRarelyFailTheGate) {
  std::mt19937_64 rng(12345);
  stats::CompareOptions options;
  // Threshold 0: only Holm's adjusted p (and the CI) stand between noise and a failed gate, the
  // strictest version of this check.
  options.settings.threshold = 0.0;
  int failed = 0, raw_would_fail = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    const Trial t = make_trial(rng, 1.0);
    const Comparison c = stats::compare_runs(t.base, t.head, options);
    ASSERT_EQ(c.benchmarks.size(), static_cast<std::size_t>(kBenchmarks));
    ASSERT_EQ(c.benchmarks[0].unit, AnalysisUnit::kProcessMedians);
    failed += c.fails() ? 1 : 0;
    // The control: gating on the raw p-values would fail almost every trial.
    bool any_raw = false;
    for (const auto& row : c.benchmarks)
      any_raw = any_raw || (*row.p_value <= 0.05 && row.ci_low > 1);
    raw_would_fail += any_raw ? 1 : 0;
  }
  std::cout << "A/A: the gate failed in " << failed << " of " << kTrials
            << " trials; raw p-values would have failed " << raw_would_fail << "\n";
  EXPECT_LE(failed, kTrials * 5 / 100) << failed << " of " << kTrials << " A/A trials failed";
  EXPECT_GE(raw_would_fail, kTrials / 2) << "the control lost its teeth: " << raw_would_fail;
}

TEST(AaTest, TwentyPercentSlowdownIsCaught) {
  std::mt19937_64 rng(67890);
  int caught = 0, false_alarms = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    const Trial t = make_trial(rng, 1.2);
    const Comparison c = stats::compare_runs(t.base, t.head, {});
    caught += c.benchmarks[0].verdict == Verdict::kRegression ? 1 : 0;
    for (std::size_t b = 1; b < c.benchmarks.size(); ++b)
      false_alarms += c.benchmarks[b].verdict == Verdict::kRegression ? 1 : 0;
  }
  std::cout << "A/A with a 20% slowdown: caught in " << caught << " of " << kTrials << " trials, "
            << false_alarms << " false regressions among the others\n";
  EXPECT_GE(caught, kTrials * 95 / 100) << "caught " << caught << " of " << kTrials;
  EXPECT_LE(false_alarms, kTrials * 5 / 100);
}

}  // namespace
}  // namespace benchgate
