#pragma once
// Simulated interleaved jobs under a NoiseModel (tests/sim/noise_model.h), seeded and
// deterministic (our own generators, so figures do not depend on the standard library's).
#include <cstdint>
#include <random>
#include <vector>

#include "stats/sequential_monitor.h"
#include "tests/sim/noise_model.h"

namespace benchgate::sim {

enum class RoundOrder {
  kBlocks,    // AB/BA blocks, as benchgate runs them (ab::base_runs_first)
  kCoinFlip,  // an independent coin flip per round (the design before blocks)
};

struct JobShape {
  int benchmarks = 30;
  int rounds = 16;
  RoundOrder order = RoundOrder::kBlocks;
  // Rounds after which the process runs only some benchmarks (the old adaptive narrowing);
  // 0 = every process runs the whole suite (what benchgate does).
  int narrow_after = 0;
  double threshold = 0.05;
};

class NoiseSimulator {
 public:
  NoiseSimulator(NoiseModel model, std::uint64_t seed);

  // One job. `true_log_change[b]` (missing entries: 0) is added to head's benchmark b.
  std::vector<stats::PairedSeries> job(const JobShape& shape,
                                       const std::vector<double>& true_log_change = {});

  const NoiseModel& model() const { return model_; }

 private:
  double normal();
  double uniform();
  double process_noise();

  NoiseModel model_;
  std::mt19937_64 rng_;
};

// The first `rounds` rounds of every series (an adaptive look sees a prefix of the job).
std::vector<stats::PairedSeries> first_rounds(const std::vector<stats::PairedSeries>& series,
                                              int rounds);

}  // namespace benchgate::sim
