#pragma once
// Simulated histories of one benchmark for the change-point detector's acceptance figures
// (docs/statistics.md#change-points): a series of recorded jobs of main, each a whole job drawn by
// the stored-mode simulator (tests/sim/stored_jobs_simulator.h, so the job-to-job spread, heavy
// tails, bursts and disturbed jobs are the ones measured on this machine), reduced to the job's
// log level as the history reads it, with known steps and drifts added.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "stats/change_points.h"
#include "tests/sim/stored_jobs_simulator.h"

namespace benchgate::sim {

struct SeriesScenario {
  std::string name;
  StoredNoise noise;
  double job_sd = 0.02;  // the benchmark's σ_job; 0: drawn log-uniform within the noise's bounds
  double step = 0;       // relative size of one real step at a random point (0: none)
  double drift = 0;      // relative change spread evenly over the whole series (0: none)
};

struct SimulatedSeries {
  std::vector<double> levels;        // log job levels, oldest first
  std::vector<std::size_t> changes;  // indices of the true steps (first point after)
};

// One series of `points` jobs; a step lands uniformly in [20, points - 20).
SimulatedSeries simulate_series(const SeriesScenario& scenario, std::size_t points,
                                std::uint64_t seed);

struct DetectionScore {
  std::size_t series = 0;
  std::size_t true_changes = 0;
  std::size_t caught = 0;  // true changes with a detection within `tolerance` points
  std::size_t detections = 0;
  std::size_t true_detections = 0;  // detections within `tolerance` of a true change
  double recall() const;            // caught / true_changes (NaN without true changes)
  double precision() const;         // true_detections / detections (NaN without detections)
  std::size_t false_detections() const { return detections - true_detections; }
};

// `series` seeded series (seeds seed, seed + 1, ...) of `points` jobs, detected with `settings`.
DetectionScore score_detector(const SeriesScenario& scenario, std::size_t series,
                              std::size_t points, std::uint64_t seed,
                              const stats::ChangePointSettings& settings,
                              std::size_t tolerance = 2);

}  // namespace benchgate::sim
