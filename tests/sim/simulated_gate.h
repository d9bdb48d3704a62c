#pragma once
// A gate run of interleaved suites, simulated: each suite is a job from the NoiseSimulator,
// analysed by the real code (block screening, the group-sequential monitor at the suite's share of
// alpha, ab::apply_sequential_verdicts, ab::add_diagnoses), so the error rates measured here are
// those of the engine users run.
#include <vector>

#include "core/comparison.h"
#include "tests/sim/noise_simulator.h"

namespace benchgate::sim {

struct Design {
  bool adaptive = false;
  int rounds = 16;     // fixed rounds, or the adaptive design's most rounds
  int look_every = 4;  // adaptive
  double alpha = 0.05;
};

struct SimulatedGate {
  bool failed = false;
  std::vector<Comparison> suites;
  std::vector<int> rounds_used;  // per suite
};

// `changes[s][b]`: true log change of suite s, benchmark b (missing: none).
SimulatedGate simulate_gate(NoiseSimulator& simulator, const JobShape& shape, int suites,
                            const Design& design,
                            const std::vector<std::vector<double>>& changes = {});

}  // namespace benchgate::sim
