#include "tests/sim/change_point_series.h"

#include <cmath>
#include <cstdlib>
#include <limits>

#include "stats/job_rows.h"

namespace benchgate::sim {

SimulatedSeries simulate_series(const SeriesScenario& scenario, std::size_t points,
                                std::uint64_t seed) {
  StoredJobsSimulator sim(scenario.noise, seed);
  const SuiteShape shape{.benchmarks = 1};
  const SuiteTraits suite = sim.suite(shape, "history", scenario.job_sd);
  SimulatedSeries out;
  std::size_t at = points;
  if (scenario.step != 0 && points > 40) {
    at = 20 + static_cast<std::size_t>(sim.uniform() * static_cast<double>(points - 40));
    out.changes.push_back(at);
  }
  std::vector<RunRecord> jobs;
  jobs.reserve(points);
  for (std::size_t j = 0; j < points; ++j) {
    double change = j >= at ? std::log1p(scenario.step) : 0;
    if (points > 1)
      change +=
          std::log1p(scenario.drift) * static_cast<double>(j) / static_cast<double>(points - 1);
    jobs.push_back(sim.job(suite, shape, Episode::kByChance, {change}));
  }
  std::vector<const RunRecord*> pointers;
  for (const RunRecord& job : jobs) pointers.push_back(&job);
  const stats::JobLevels levels = stats::levels_of_jobs(pointers, kRealTime);
  for (const auto& job : levels.levels) out.levels.push_back(job.at(0));
  return out;
}

double DetectionScore::recall() const {
  return true_changes == 0 ? std::numeric_limits<double>::quiet_NaN()
                           : static_cast<double>(caught) / static_cast<double>(true_changes);
}

double DetectionScore::precision() const {
  return detections == 0 ? std::numeric_limits<double>::quiet_NaN()
                         : static_cast<double>(true_detections) / static_cast<double>(detections);
}

DetectionScore score_detector(const SeriesScenario& scenario, std::size_t series,
                              std::size_t points, std::uint64_t seed,
                              const stats::ChangePointSettings& settings, std::size_t tolerance) {
  const auto near = [tolerance](std::size_t a, std::size_t b) {
    return (a > b ? a - b : b - a) <= tolerance;
  };
  DetectionScore score;
  for (std::size_t s = 0; s < series; ++s) {
    const SimulatedSeries x = simulate_series(scenario, points, seed + s);
    const auto found = stats::detect_change_points(x.levels, settings);
    ++score.series;
    score.true_changes += x.changes.size();
    score.detections += found.size();
    for (std::size_t change : x.changes) {
      bool caught = false;
      for (const auto& c : found) caught = caught || near(c.index, change);
      score.caught += caught ? 1 : 0;
    }
    for (const auto& c : found) {
      bool true_detection = false;
      for (std::size_t change : x.changes) true_detection = true_detection || near(c.index, change);
      score.true_detections += true_detection ? 1 : 0;
    }
  }
  return score;
}

}  // namespace benchgate::sim
