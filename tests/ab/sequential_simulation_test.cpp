// The "Done when" of docs/interleaved.md for the sequential design, by seeded simulation of whole
// jobs: no true change -> false alarms within 1 point of alpha over 2,000 jobs (while naive
// stop-when-significant inflates them); a 2δ change -> at least 30% fewer rounds than the fixed
// design. The figures are printed so the report can quote them.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "stats/sequential_simulation.h"

namespace benchgate::stats {
namespace {

constexpr double kAlpha = 0.05;
constexpr int kMaxRounds = 20;

SimulationSettings base_settings(StoppingRule rule) {
  SimulationSettings s;
  s.rule = rule;
  s.design.alpha = kAlpha;
  s.design.max_rounds = kMaxRounds;
  s.look_every = 4;
  s.jobs = 2000;
  s.seed = 20261122;
  return s;
}

TEST(SequentialSimulation, NoChangeKeepsFalseAlarmsAtAlpha) {
  for (auto spending : {SpendingFunction::kOBrienFleming, SpendingFunction::kPocock}) {
    auto s = base_settings(StoppingRule::kGroupSequential);
    s.design.spending = spending;
    s.threshold = 0;  // the bare test: every look runs until it rejects or the rounds run out
    const auto summary = simulate_jobs(s);
    std::printf("group-sequential (%s), no change: %d of %d jobs rejected (%.2f%%)\n",
                spending == SpendingFunction::kPocock ? "Pocock" : "O'Brien-Fleming",
                summary.rejected, summary.jobs, 100 * summary.rejection_rate());
    EXPECT_NEAR(summary.rejection_rate(), kAlpha, 0.01);
  }
}

TEST(SequentialSimulation, NaiveStopWhenSignificantInflatesFalseAlarms) {
  auto s = base_settings(StoppingRule::kNaive);
  s.threshold = 0;
  const auto naive = simulate_jobs(s);
  std::printf("naive stop-when-significant, no change: %d of %d jobs rejected (%.2f%%)\n",
              naive.rejected, naive.jobs, 100 * naive.rejection_rate());
  EXPECT_GT(naive.rejection_rate(), 2 * kAlpha);
  // The fixed design with the same data model holds alpha: the inflation is the peeking.
  s.rule = StoppingRule::kFixed;
  EXPECT_NEAR(simulate_jobs(s).rejection_rate(), kAlpha, 0.01);
}

TEST(SequentialSimulation, NoChangeWithThresholdNeverFailsTheGate) {
  auto s = base_settings(StoppingRule::kGroupSequential);
  s.threshold = 0.05;
  const auto summary = simulate_jobs(s);
  EXPECT_LE(summary.rejection_rate(), kAlpha + 0.01);
  EXPECT_EQ(summary.regressions, 0) << "an estimate >= 5% never comes from 3% noise";
  std::printf("group-sequential, no change, δ=5%%: mean rounds %.2f of %d\n", summary.mean_rounds,
              kMaxRounds);
  EXPECT_LT(summary.mean_rounds, kMaxRounds) << "'unchanged' stops early";
}

TEST(SequentialSimulation, TwiceTheThresholdStopsAtLeast30PercentEarlier) {
  // Noise chosen so that the fixed 20-round design has ~80% power at δ itself:
  // sd of a round's difference = log(1.05) sqrt(20) / (1.96 + 0.84).
  const double delta = 0.05;
  const double difference_sd = std::log1p(delta) * std::sqrt(double(kMaxRounds)) / 2.8;
  auto s = base_settings(StoppingRule::kGroupSequential);
  s.threshold = delta;
  s.noise_log_sd = difference_sd / std::sqrt(2.0);
  s.true_log_ratio = std::log1p(2 * delta);
  const auto sequential = simulate_jobs(s);
  s.rule = StoppingRule::kFixed;
  const auto fixed = simulate_jobs(s);
  std::printf(
      "2δ change: group-sequential mean rounds %.2f (%.1f%% caught), fixed %.2f (%.1f%% "
      "caught)\n",
      sequential.mean_rounds, 100.0 * sequential.regressions / sequential.jobs, fixed.mean_rounds,
      100.0 * fixed.regressions / fixed.jobs);
  EXPECT_EQ(fixed.mean_rounds, kMaxRounds);
  EXPECT_LE(sequential.mean_rounds, 0.7 * fixed.mean_rounds);
  EXPECT_GE(sequential.regressions, 0.95 * sequential.jobs) << "stopping early loses no power";
}

TEST(SequentialSimulation, SameSeedSameFigures) {
  auto s = base_settings(StoppingRule::kGroupSequential);
  s.jobs = 200;
  s.true_log_ratio = 0.05;
  const auto a = simulate_jobs(s), b = simulate_jobs(s);
  EXPECT_EQ(a.rejected, b.rejected);
  EXPECT_EQ(a.mean_rounds, b.mean_rounds);
  s.seed += 1;
  EXPECT_NE(simulate_jobs(s).mean_rounds, a.mean_rounds);
}

}  // namespace
}  // namespace benchgate::stats
