// Stored mode's disturbed jobs (stats/job_spread.h, stats/job_comparison.h): a job the machine
// slowed as a whole moves every benchmark by about the same amount, which neither the spread of
// history nor head's comparison may take for the steady benchmarks' own noise. The error rates
// are measured in tests/sim/stored_mode_acceptance_test.cpp; these are the mechanisms.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stats/job_comparison.h"
#include "stats/job_spread.h"

namespace benchgate::stats {
namespace {

constexpr int kBenchmarks = 30;

// Box-Muller on mt19937_64's fixed output, so that the values are the same everywhere.
class Normal01 {
 public:
  explicit Normal01(std::uint64_t seed) : rng_(seed) {}
  double operator()() {
    const double u = (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53;
    const double v = (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53;
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * v);
  }
  double uniform() { return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  std::mt19937_64 rng_;
};

// Half the benchmarks steady (σ_job 0.5%), half noisy (8%).
double job_sd(int b) {
  return b % 2 == 0 ? 0.005 : 0.08;
}

// A disturbed job: a common factor felt 30-100% by each benchmark (measured: 20-74% slower).
double disturbance(Normal01& random) {
  return 0.5 * (0.3 + 0.7 * random.uniform());
}

JobLevels history(int jobs, const std::vector<int>& disturbed, Normal01& random) {
  JobLevels out;
  for (int b = 0; b < kBenchmarks; ++b) out.benchmarks.push_back("BM_" + std::to_string(b));
  for (int j = 0; j < jobs; ++j) {
    const bool slow = std::find(disturbed.begin(), disturbed.end(), j) != disturbed.end();
    std::vector<double> levels;
    for (int b = 0; b < kBenchmarks; ++b)
      levels.push_back(job_sd(b) * random() + (slow ? disturbance(random) : 0));
    out.levels.push_back(std::move(levels));
  }
  return out;
}

TEST(JobSpread, DisturbedJobsOfTheHistoryDoNotCountAsTheSteadyBenchmarksNoise) {
  // Four disturbed jobs of 20 touch 8 of 19 successive pairs, more than the 20% trim leaves out:
  // counted, they made 14 of the 15 steady benchmarks look more than twice as noisy as they are.
  Normal01 random(1);
  const SuiteJobSpread spread = estimate_job_spread(history(20, {3, 8, 12, 16}, random));
  for (int b = 0; b < kBenchmarks; b += 2) {
    const double sd = spread.benchmarks.at("BM_" + std::to_string(b)).difference_sd;
    EXPECT_LT(sd, 2 * std::sqrt(2.0) * job_sd(b)) << b;
  }
}

TEST(JobSpread, AnOrdinaryHistoryKeepsItsPairs) {
  Normal01 random(2);
  const SuiteJobSpread spread = estimate_job_spread(history(30, {}, random));
  for (const auto& [name, s] : spread.benchmarks) EXPECT_GE(s.differences, 27u) << name;
}

std::vector<JobContrastInput> contrast(const SuiteJobSpread& spread,
                                       const JobLevels& head_and_base) {
  std::vector<JobContrastInput> inputs(kBenchmarks);
  for (int b = 0; b < kBenchmarks; ++b) {
    inputs[b].head_level = head_and_base.levels[1][b];
    inputs[b].base_levels = {head_and_base.levels[0][b]};
    inputs[b].spread = &spread.benchmarks.at(head_and_base.benchmarks[b]);
  }
  return inputs;
}

TEST(JobComparison, ADisturbedHeadJobWidensTheSteadyBenchmarksMost) {
  // Head disturbed as a whole: its steady benchmarks move by ±0.1 around the common shift, ~14
  // times their spread. The scatter lambda (a median over all benchmarks, the noisy half
  // included) widened them too little, and 3 of the 15 passed Holm's first step over 90
  // benchmarks; the added spread tau makes them as wide as the disturbance.
  Normal01 random(3);
  const SuiteJobSpread spread = estimate_job_spread(history(30, {}, random));
  const JobLevels pair = history(2, {1}, random);
  const JobComparison judged = compare_jobs(contrast(spread, pair), 0.95);
  EXPECT_GT(judged.added_spread, 0.05);
  for (int b = 0; b < kBenchmarks; ++b)
    EXPECT_GT(judged.rows[b]->p_value, 0.05 / 90) << b << ": " << judged.rows[b]->shift;
}

TEST(JobComparison, AnOrdinaryJobAddsNoSpread) {
  Normal01 random(4);
  const SuiteJobSpread spread = estimate_job_spread(history(30, {}, random));
  for (int i = 0; i < 20; ++i) {
    const JobComparison judged = compare_jobs(contrast(spread, history(2, {}, random)), 0.95);
    EXPECT_EQ(judged.added_spread, 0) << i;
  }
}

TEST(JobComparison, AUniformShiftBeyondTheOrdinaryStillLetsAChangeShow) {
  // +40% in every benchmark, and +20% more in a steady one: the common mode takes the first; the
  // job counts as disturbed (its shift is beyond the ordinary), but its benchmarks do not scatter,
  // so tau stays small and the +20% is significant.
  Normal01 random(5);
  const SuiteJobSpread spread = estimate_job_spread(history(30, {}, random));
  JobLevels pair = history(2, {}, random);
  for (double& level : pair.levels[1]) level += std::log(1.4);
  pair.levels[1][0] += std::log(1.2);
  const JobComparison judged = compare_jobs(contrast(spread, pair), 0.95, 0.1);
  EXPECT_NEAR(judged.common_shift, std::log(1.4), 0.01);
  EXPECT_LT(judged.rows[0]->p_value, 0.05 / 90);
  EXPECT_GT(judged.rows[0]->low, std::log(1.1));
}

}  // namespace
}  // namespace benchgate::stats
