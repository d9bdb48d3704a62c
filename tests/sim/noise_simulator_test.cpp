// The noise simulator itself: seeded, each component visible where it should be, and the
// "this machine" scenario fitted to the A/A jobs recorded on this kind of machine
// (tests/data/aa, scripts/record_aa.sh).
#include "tests/sim/noise_simulator.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

#include "stats/position_effect.h"
#include "tests/sim/recorded_rounds.h"

namespace benchgate::sim {
namespace {

std::filesystem::path recordings() {
  const char* source = std::getenv("BENCHGATE_SOURCE_DIR");
  return std::filesystem::path(source ? source : ".") / "tests" / "data" / "aa";
}

TEST(NoiseSimulator, SameSeedSameJob) {
  const JobShape shape{.benchmarks = 5, .rounds = 8};
  NoiseSimulator a(everything_scenario(), 7), b(everything_scenario(), 7),
      c(everything_scenario(), 8);
  const auto ja = a.job(shape), jb = b.job(shape), jc = c.job(shape);
  EXPECT_EQ(ja[3].rounds[5].head, jb[3].rounds[5].head);
  EXPECT_NE(ja[3].rounds[5].head, jc[3].rounds[5].head);
}

TEST(NoiseSimulator, BlocksBalanceTheOrderAndThePenaltyShows) {
  NoiseSimulator simulator(second_run_penalty_scenario(), 3);
  const auto job = simulator.job({.benchmarks = 30, .rounds = 16});
  int head_second = 0;
  for (const auto& r : job[0].rounds) head_second += r.head_second;
  EXPECT_EQ(head_second, 8);
  std::vector<std::span<const stats::RoundPair>> all;
  for (const auto& s : job) all.emplace_back(s.rounds);
  const auto penalty = stats::job_second_run_penalty(all);
  ASSERT_TRUE(penalty.has_value());
  EXPECT_NEAR(penalty->ratio, 1.06, 0.02);
  EXPECT_LT(penalty->low, 1.06);
  EXPECT_GT(penalty->high, 1.06);
}

TEST(NoiseSimulator, EpisodesMoveEveryBenchmarkOfAProcessTogether) {
  NoiseModel model;  // nothing but episodes
  model.episode_rate = 0.5;
  model.episode_shift = 0.4;
  NoiseSimulator simulator(model, 5);
  const auto job = simulator.job({.benchmarks = 10, .rounds = 40});
  int disturbed_rounds = 0;
  for (std::size_t r = 0; r < job[0].rounds.size(); ++r) {
    const double d0 = std::log(job[0].rounds[r].head / job[0].rounds[r].base);
    for (const auto& s : job) EXPECT_NEAR(std::log(s.rounds[r].head / s.rounds[r].base), d0, 1e-9);
    disturbed_rounds += std::fabs(d0) > 0.3;
  }
  EXPECT_GT(disturbed_rounds, 5) << "spells start or end between the two processes of a round";
}

TEST(NoiseSimulator, NarrowingTheProcessChangesCompositionSensitiveBenchmarks) {
  NoiseModel model;
  model.composition_fraction = 1;
  model.composition_shift = -1.5;
  NoiseSimulator simulator(model, 9);
  const auto job = simulator.job({.benchmarks = 2, .rounds = 8, .narrow_after = 4});
  EXPECT_NEAR(std::log(job[0].rounds[5].base / job[0].rounds[1].base), -1.5, 1e-9);
}

TEST(NoiseSimulator, ThisMachineScenarioMatchesTheRecordedJobs) {
  const auto recorded = load_recorded_jobs(recordings());
  ASSERT_GE(recorded.size(), 3u) << "no recordings in " << recordings();
  const NoiseSummary real = summarize(recorded);
  NoiseSimulator simulator(this_machine_scenario(), 61);
  std::vector<std::vector<stats::PairedSeries>> simulated;
  for (int job = 0; job < 40; ++job)
    simulated.push_back(simulator.job({.benchmarks = static_cast<int>(recorded[0].size()),
                                       .rounds = static_cast<int>(recorded[0][0].rounds.size())}));
  const NoiseSummary sim = summarize(simulated);
  std::printf(
      "recorded: robust SD %.4f, tail share %.3f, |penalty| %.4f, side SD %.4f\n"
      "simulated: robust SD %.4f, tail share %.3f, |penalty| %.4f, side SD %.4f\n",
      real.robust_sd, real.tail_share, real.abs_penalty, real.side_robust_sd, sim.robust_sd,
      sim.tail_share, sim.abs_penalty, sim.side_robust_sd);
  EXPECT_NEAR(std::log(sim.robust_sd / real.robust_sd), 0, std::log(1.35));
  EXPECT_NEAR(std::log(sim.side_robust_sd / real.side_robust_sd), 0, std::log(1.5));
  EXPECT_NEAR(sim.tail_share, real.tail_share, 0.03);
  EXPECT_NEAR(sim.abs_penalty, real.abs_penalty, 0.02);
}

}  // namespace
}  // namespace benchgate::sim
