#include "tests/sim/simulated_gate.h"

#include <cmath>

#include "ab/diagnoses.h"
#include "ab/round_screen.h"
#include "ab/sequential_verdicts.h"

namespace benchgate::sim {
namespace {

// Extra rounds a job may add to replace disturbed blocks (ab/ab_job.cpp).
int most_replaced(int rounds) {
  return 2 * static_cast<int>(std::ceil(ab::kMostReplaced * rounds / 2));
}

// One suite's job, run block by block as ab/ab_job.cpp runs it: each block screened
// (ab::disturbed_as_a_whole) and replaced when disturbed, a look every look_every analysed
// rounds (adaptive) until every benchmark is decided, and a final look.
Comparison analyse_suite(const std::vector<stats::PairedSeries>& job, const Design& design,
                         double alpha_share, int& rounds_used) {
  // Boundaries depend only on (level, schedule): computed once for all simulated jobs.
  static stats::BoundaryCache boundaries(stats::SpendingFunction::kOBrienFleming);
  stats::SequentialMonitor monitor({.alpha = design.alpha * alpha_share,
                                    .interval_alpha = design.alpha,
                                    .max_rounds = design.rounds},
                                   &boundaries);
  std::vector<stats::PairedSeries> included = first_rounds(job, 0);
  const int most = most_replaced(design.rounds);
  int paired = 0, replaced = 0, next_look = design.look_every, run = 0;
  const int available = static_cast<int>(job.front().rounds.size());
  while (paired < design.rounds && run + 2 <= available) {
    for (std::size_t b = 0; b < job.size(); ++b)
      for (int r = run; r < run + 2; ++r) included[b].rounds.push_back(job[b].rounds[r]);
    run += 2;
    paired += 2;
    // As the job does: the first block is judged with the second, then each new block.
    for (std::size_t first : ab::first_rounds_to_screen(static_cast<std::size_t>(run))) {
      const int round = job.front().rounds[first].round;
      if (replaced + 2 > most || !ab::disturbed_as_a_whole(included, round)) continue;
      for (auto& s : included)
        std::erase_if(s.rounds, [round](const stats::RoundPair& p) {
          return p.round == round || p.round == round + 1;
        });
      replaced += 2;
      paired -= 2;
    }
    if (design.adaptive && paired < design.rounds && paired >= next_look) {
      next_look += design.look_every;
      std::string note;
      monitor.look(paired, ab::same_state_rounds(included, note));
      if (monitor.all_decided()) break;
    }
  }
  rounds_used = run;
  std::string note;
  if (!design.adaptive || !monitor.all_decided())
    monitor.look(paired, ab::same_state_rounds(included, note), /*final=*/true);
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
  ab::add_diagnoses(c, included, {});
  return c;
}

}  // namespace

SimulatedGate simulate_gate(NoiseSimulator& simulator, const JobShape& shape, int suites,
                            const Design& design, const std::vector<std::vector<double>>& changes) {
  SimulatedGate gate;
  for (int s = 0; s < suites; ++s) {
    JobShape suite_shape = shape;
    suite_shape.rounds = design.rounds + most_replaced(design.rounds);
    const auto job = simulator.job(suite_shape, static_cast<std::size_t>(s) < changes.size()
                                                    ? changes[s]
                                                    : std::vector<double>{});
    int rounds = 0;
    // Equal suites: each gets an equal share of alpha (gate/gate_interleaved.cpp).
    gate.suites.push_back(analyse_suite(job, design, 1.0 / suites, rounds));
    gate.rounds_used.push_back(rounds);
  }
  for (const auto& c : gate.suites) gate.failed = gate.failed || c.fails();
  return gate;
}

}  // namespace benchgate::sim
