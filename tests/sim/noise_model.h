#pragma once
// A noise simulator for interleaved jobs that matches what this kind of machine does
// (docs/statistics.md#error-rates), so that error-rate claims are measured under the noise we
// really have and not only under independent Gaussian draws. Everything is in log(time); a job is
// rounds of one base and one head process, each process measuring every benchmark once (its
// per-process median).
//
// The components, each switchable (all 0 = no noise at all):
//  - process noise: independent per process and benchmark, Gaussian or heavy-tailed (Student t);
//  - round drift: shared by both processes of a round and all benchmarks (interleaving cancels it);
//  - job episodes: the machine enters and leaves slow spells; a spell covers consecutive processes
//    and moves every benchmark of a process together, so the round in which it starts or ends is
//    disturbed on one side only;
//  - a run-second penalty: the second process of a round is slower, by a job-wide amount (varying
//    a little per benchmark);
//  - one-sided bursts: now and then one benchmark in one process is much slower, or a whole
//    process is (every benchmark at once, each by 30-100% of the burst);
//  - bimodal benchmarks: a process lands in a slow state (another CPU, another cache layout) that
//    some benchmarks feel strongly and others not at all;
//  - composition: some benchmarks change speed when their process runs a different set of
//    benchmarks (what ran before them); a design that narrows the set mid-job sees it.
#include <cstdint>
#include <string>

namespace benchgate::sim {

struct NoiseModel {
  std::string name;
  double process_sd = 0;         // per process x benchmark
  double tail_df = 0;            // > 0: process noise is Student t with this many df (scaled to sd)
  double round_drift_sd = 0;     // per round, both sides, all benchmarks
  double episode_rate = 0;       // per process: chance that a slow spell starts (or, in one, ends)
  double episode_shift = 0;      // how much slower every benchmark is during a spell
  double second_penalty = 0;     // the job's second-run penalty (log)
  double second_penalty_sd = 0;  // its spread between benchmarks
  double burst_rate = 0;         // per process x benchmark: chance of a one-sided burst
  double burst_mean = 0;         // mean size of a burst (exponential, log)
  double process_burst_rate = 0;    // per process: chance the whole process is disturbed
  double process_burst_mean = 0;    // mean size (exponential, log), felt 30-100% per benchmark
  double bimodal_fraction = 0;      // share of benchmarks that feel the process's slow state
  double slow_state_rate = 0;       // chance a process is in the slow state
  double slow_state_shift = 0;      // how much slower a bimodal benchmark is in it
  double composition_fraction = 0;  // share of benchmarks whose speed depends on the process's set
  double composition_shift = 0;     // their change when the set differs from the whole suite
};

// Scenarios used by the acceptance tests: each component alone (at the size measured or larger),
// everything together, and the machine this project was measured on (fitted to tests/data/aa).
NoiseModel gaussian_scenario();
NoiseModel job_episodes_scenario();
NoiseModel second_run_penalty_scenario();
NoiseModel bursts_scenario();
NoiseModel heavy_tails_scenario();
NoiseModel bimodal_scenario();
NoiseModel composition_scenario();
NoiseModel everything_scenario();
NoiseModel this_machine_scenario();

}  // namespace benchgate::sim
