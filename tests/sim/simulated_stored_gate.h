#pragma once
// A stored-mode gate run, simulated: per suite, K recorded jobs of main (oldest first, the last W
// of them the stored window) and head's one job, all real RunRecords from the
// StoredJobsSimulator, judged as gate/gate_judge.cpp judges them (gate::history_spread,
// stats::compare_runs with AcrossJobs over the pooled window, then gate::adjust_across_suites:
// Holm across every suite), so the error rates measured here are those of the gate users run.
#include <vector>

#include "core/comparison.h"
#include "tests/sim/stored_jobs_simulator.h"

namespace benchgate::sim {

struct StoredDesign {
  int history_jobs = 40;  // K: recorded jobs of main, the window's included
  int window = 1;         // W: stored jobs head is judged against
  // false: compare_runs without AcrossJobs (per-process Mann-Whitney on pooled processes), the
  // analysis before stored mode knew that the job is the unit.
  bool job_level = true;
  // false: the spread is used whatever K (to see what a smaller kFewestHistoryJobs would do).
  bool history_rule = true;
  Episode head_episode = Episode::kByChance;
  Episode history_episodes = Episode::kByChance;
  double alpha = 0.05, threshold = 0.05;
};

struct StoredChange {
  std::vector<std::vector<double>> log_change;  // [suite][benchmark] added to head (missing: 0)
  double head_common = 0;                       // added to every benchmark of head (log)
  double first_job_sd = 0;                      // > 0: σ_job of suite 0's benchmark 0
};

struct SimulatedStoredGate {
  bool failed = false;
  std::vector<Comparison> suites;
  std::vector<SuiteTraits> traits;  // per suite, for diagnoses
};

SimulatedStoredGate simulate_stored_gate(StoredJobsSimulator& simulator, const SuiteShape& shape,
                                         int suites, const StoredDesign& design,
                                         const StoredChange& change = {});

}  // namespace benchgate::sim
