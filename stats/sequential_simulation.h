#pragma once
// Monte Carlo check of the adaptive interleaved design: simulated jobs of one benchmark whose
// per-process log times are drift (shared by the two processes of a round) + noise + the true
// effect on the head side. Pure and seeded: the same settings give the same figures everywhere
// (our own normal generator, not std::normal_distribution, whose output differs by library).
#include <cstdint>

#include "stats/sequential_monitor.h"

namespace benchgate::stats {

enum class StoppingRule {
  kGroupSequential,  // SequentialMonitor: alpha spending + the verdict rule
  kNaive,            // stop at the first look with a fixed-sample p <= alpha (the invalid one)
  kFixed,            // one look after max_rounds
};

struct SimulationSettings {
  StoppingRule rule = StoppingRule::kGroupSequential;
  SequentialDesign design;
  int look_every = 4;          // rounds between looks (the last look is at design.max_rounds)
  double threshold = 0.05;     // δ; 0 turns the verdict into the bare test (no "unchanged" stop)
  double true_log_ratio = 0;   // log(head / base) of the simulated change
  double noise_log_sd = 0.03;  // per-process noise of log time
  double drift_log_sd = 0.10;  // per-round drift shared by base and head (cancels in pairs)
  int jobs = 2000;
  std::uint64_t seed = 1;
};

struct SimulationSummary {
  int jobs = 0;
  int rejected = 0;  // jobs that declared a difference ("no change" rejected)
  int regressions = 0;
  double mean_rounds = 0;  // rounds measured per job
  double rejection_rate() const { return jobs ? static_cast<double>(rejected) / jobs : 0; }
};

SimulationSummary simulate_jobs(const SimulationSettings& settings);

}  // namespace benchgate::stats
