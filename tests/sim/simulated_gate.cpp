#include "tests/sim/simulated_gate.h"

#include "ab/diagnoses.h"
#include "ab/sequential_verdicts.h"
#include "stats/family_adjust.h"

namespace benchgate::sim {
namespace {

// One suite's job, looked at as ab/ab_job.cpp does: every look_every rounds (adaptive) until
// every benchmark is decided, and a final look.
Comparison analyse_suite(const std::vector<stats::PairedSeries>& job, const Design& design,
                         int& rounds_used) {
  // Boundaries depend only on (level, schedule): computed once for all simulated jobs.
  static stats::BoundaryCache boundaries(stats::SpendingFunction::kOBrienFleming);
  stats::SequentialMonitor monitor({.alpha = design.alpha, .max_rounds = design.rounds},
                                   &boundaries);
  rounds_used = design.rounds;
  if (design.adaptive) {
    for (int r = design.look_every; r < design.rounds; r += design.look_every) {
      monitor.look(r, first_rounds(job, r));
      if (monitor.all_decided()) {
        rounds_used = r;
        break;
      }
    }
  }
  if (!monitor.all_decided() || !design.adaptive)
    monitor.look(rounds_used, first_rounds(job, rounds_used), /*final=*/true);
  Comparison c;
  c.settings.alpha = design.alpha;
  for (const auto& s : job) {
    BenchmarkComparison row;
    row.name = s.name;
    row.metric = "real_time";
    row.threshold = s.threshold;
    c.benchmarks.push_back(row);
  }
  ab::apply_sequential_verdicts(c, monitor);
  ab::add_diagnoses(c, first_rounds(job, rounds_used), {});
  return c;
}

}  // namespace

SimulatedGate simulate_gate(NoiseSimulator& simulator, const JobShape& shape, int suites,
                            const Design& design,
                            const std::vector<std::vector<double>>& changes) {
  SimulatedGate gate;
  for (int s = 0; s < suites; ++s) {
    JobShape suite_shape = shape;
    suite_shape.rounds = design.rounds;
    const auto job = simulator.job(
        suite_shape, static_cast<std::size_t>(s) < changes.size() ? changes[s] : std::vector<double>{});
    int rounds = 0;
    gate.suites.push_back(analyse_suite(job, design, rounds));
    gate.rounds_used.push_back(rounds);
  }
  std::vector<Comparison*> all;
  for (auto& c : gate.suites) all.push_back(&c);
  stats::adjust_across_comparisons(all);
  for (const auto& c : gate.suites) gate.failed = gate.failed || c.fails();
  return gate;
}

}  // namespace benchgate::sim
