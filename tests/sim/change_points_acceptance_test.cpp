// Precision and recall of the change-point detector (stats/change_points.h) on simulated histories
// of main with known steps (tests/sim/change_point_series.h), with the default settings; prints
// the table docs/statistics.md#change-points quotes. 200 series of 200 jobs per scenario, seeded.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/sim/change_point_series.h"

namespace benchgate::sim {
namespace {

constexpr std::size_t kSeries = 200, kPoints = 200;
constexpr std::uint64_t kSeed = 20261206;

// The noises of the table: Gaussian jobs, heavy tails and bursts without disturbed jobs, and
// everything measured on this machine (disturbed jobs one in seven, the machine's 2% level).
StoredNoise heavy_tails() {
  StoredNoise n = this_machine_without_episodes();
  n.name = "heavy tails + bursts";
  return n;
}

SeriesScenario scenario(const StoredNoise& noise, double job_sd, double step, double drift = 0) {
  return {.name = noise.name, .noise = noise, .job_sd = job_sd, .step = step, .drift = drift};
}

DetectionScore run(const SeriesScenario& s) {
  const DetectionScore score =
      score_detector(s, kSeries, kPoints, kSeed, stats::ChangePointSettings{});
  std::printf(
      "%-28s sigma_job %-6s step %4.0f%% drift %3.0f%%: recall %5.3f precision %5.3f "
      "false detections %3zu in %zu series\n",
      s.name.c_str(), s.job_sd > 0 ? std::to_string(s.job_sd).substr(0, 5).c_str() : "0.5-10%",
      100 * s.step, 100 * s.drift, score.recall(), score.precision(), score.false_detections(),
      score.series);
  return score;
}

TEST(ChangePointAcceptance, NoChangeInFlatHistories) {
  // No step: every detection is false (measured: 0, 1, 0 and 0 in 200 series).
  EXPECT_LE(run(scenario(gaussian_jobs(), 0.02, 0)).false_detections(), 1u);
  EXPECT_LE(run(scenario(heavy_tails(), 0.02, 0)).false_detections(), 3u);
  EXPECT_LE(run(scenario(this_machine_jobs(), 0.02, 0)).false_detections(), 2u);
  EXPECT_LE(run(scenario(this_machine_jobs(), 0, 0)).false_detections(), 2u);
}

// Least recall and precision per noise, a margin below what was measured (docs/statistics.md). A
// small step's point is often found a few jobs off (DISABLED_DetectionOffsets): outside the +-2
// tolerance that is a miss and a false detection at once, hence the lower precision at 3%.
struct Bounds {
  double recall, precision;
};

void expect(const DetectionScore& score, Bounds least, double step) {
  EXPECT_GE(score.recall(), least.recall) << step;
  if (score.detections > 10) {
    EXPECT_GE(score.precision(), least.precision) << step;
  }
}

TEST(ChangePointAcceptance, StepsAreFoundWhereTheyAre) {
  struct Expect {
    double step;
    Bounds gaussian, heavy, machine;  // σ_job 2% under each noise
  };
  const Expect table[] = {
      {0.03, {0.75, 0.75}, {0.45, 0.55}, {0, 0}},
      {0.05, {0.97, 0.95}, {0.8, 0.8}, {0.02, 0.5}},
      {0.10, {0.99, 0.98}, {0.99, 0.98}, {0.6, 0.9}},
      {0.20, {0.99, 0.98}, {0.99, 0.98}, {0.93, 0.92}},
  };
  for (const Expect& e : table) {
    expect(run(scenario(gaussian_jobs(), 0.02, e.step)), e.gaussian, e.step);
    expect(run(scenario(heavy_tails(), 0.02, e.step)), e.heavy, e.step);
    expect(run(scenario(this_machine_jobs(), 0.02, e.step)), e.machine, e.step);
  }
}

TEST(ChangePointAcceptance, SpreadLikeTheMeasuredOne) {
  // σ_job log-uniform 0.5-10% as measured across the example suite's benchmarks, with disturbed
  // jobs: the noisiest benchmarks hide even 10% steps.
  expect(run(scenario(this_machine_jobs(), 0, 0.05)), {0.02, 0.6}, 0.05);
  expect(run(scenario(this_machine_jobs(), 0, 0.10)), {0.5, 0.8}, 0.10);
  expect(run(scenario(this_machine_jobs(), 0, 0.20)), {0.9, 0.9}, 0.20);
}

TEST(ChangePointAcceptance, SlowDriftIsCutIntoSteps) {
  // A drift has no step, but once it moves the level by min_magnitude within a window the
  // detector cuts it into steps: measured, 44 points in 200 series for 5% over 200 jobs, 1250
  // (about six per series) for 30%.
  const DetectionScore small = run(scenario(gaussian_jobs(), 0.02, 0, 0.05));
  const DetectionScore large = run(scenario(gaussian_jobs(), 0.02, 0, 0.30));
  run(scenario(this_machine_jobs(), 0.02, 0, 0.30));
  EXPECT_LE(small.detections, 70u);
  EXPECT_GE(large.detections, 800u);
}

// The defaults' choice (stats/change_points.h): false detections in flat histories against recall
// of 5% and 10% steps, under this machine's noise at σ_job 2%, for a grid of settings. ~1 minute.
TEST(ChangePointAcceptance, DISABLED_SettingsGrid) {
  for (std::size_t window : {20u, 30u, 50u})
    for (std::size_t min_segment : {3u, 5u, 8u})
      for (double p : {1e-3, 1e-4}) {
        stats::ChangePointSettings settings;
        settings.window = window;
        settings.min_segment = min_segment;
        settings.max_p_value = p;
        const auto score = [&](const StoredNoise& noise, double step) {
          return score_detector(scenario(noise, 0.02, step), 100, kPoints, kSeed, settings);
        };
        const auto gflat = score(gaussian_jobs(), 0), hflat = score(heavy_tails(), 0),
                   mflat = score(this_machine_jobs(), 0), g3 = score(gaussian_jobs(), 0.03),
                   h5 = score(heavy_tails(), 0.05), m10 = score(this_machine_jobs(), 0.10);
        std::printf(
            "window %2zu min_segment %zu p %.0e: false in flat %2zu %2zu %2zu | recall "
            "(precision) gaussian 3%% %.2f (%.2f) heavy 5%% %.2f (%.2f) machine 10%% %.2f "
            "(%.2f)\n",
            window, min_segment, p, gflat.false_detections(), hflat.false_detections(),
            mflat.false_detections(), g3.recall(), g3.precision(), h5.recall(), h5.precision(),
            m10.recall(), m10.precision());
      }
}

// Where the detections of a step land relative to it: a small step's point is found a few jobs
// off, which the +-2 tolerance counts as a miss and a false detection.
TEST(ChangePointAcceptance, DISABLED_DetectionOffsets) {
  for (const StoredNoise& noise : {gaussian_jobs(), heavy_tails(), this_machine_jobs()})
    for (double step : {0.03, 0.05, 0.10}) {
      std::map<long, int> offsets;
      for (std::size_t s = 0; s < kSeries; ++s) {
        const SimulatedSeries x = simulate_series(scenario(noise, 0.02, step), kPoints, kSeed + s);
        for (const auto& c : stats::detect_change_points(x.levels, stats::ChangePointSettings{})) {
          const long d = static_cast<long>(c.index) - static_cast<long>(x.changes.at(0));
          ++offsets[std::clamp(d, -20L, 20L)];
        }
      }
      std::printf("%s step %.0f%%:", noise.name.c_str(), 100 * step);
      for (const auto& [d, count] : offsets) std::printf(" %ld:%d", d, count);
      std::printf("\n");
    }
}

}  // namespace
}  // namespace benchgate::sim
