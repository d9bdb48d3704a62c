#pragma once
// A noise simulator for stored mode (docs/statistics.md#stored-mode-simulated-error-rates): whole
// CI jobs of one suite as real RunRecords (processes x repetitions), under the noise a job has on
// this kind of machine, where every process of a job shares one machine state. Everything is drawn
// in log(time), seeded and deterministic (our own generators, as in noise_simulator.h).
//
// A benchmark's level in a job is the median of its processes' medians (what the gate reads). Its
// SD between quiet jobs is the benchmark's σ_job; the components, each switchable:
//  - σ_job heterogeneous across benchmarks: log-uniform between two bounds;
//  - process noise within a job (a share of σ_job, so that the level's SD stays σ_job), Gaussian
//    or heavy-tailed (Student t), and repetitions within a process;
//  - the machine's level of a job, shared by every benchmark (removed as the common mode);
//  - job episodes: a disturbed job is slower in every benchmark, by a common factor times a
//    per-benchmark amplification (measured here: one job 20-74% slower across the board);
//  - bursts: one benchmark of one process, or a whole process, one-sided;
//  - real steps in the history: one benchmark of main steps at some commit and stays there;
//  - composition: benchmarks whose time depends on what ran before them; every job runs the whole
//    suite, so it is a constant, and must not matter.
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/run_record.h"

namespace benchgate::sim {

struct StoredNoise {
  std::string name;
  double job_sd_low = 0.005, job_sd_high = 0.10;  // σ_job bounds (log-uniform between)
  double process_share = 0;  // process SD as a share of σ_job; repetitions a quarter of that
  double tail_df = 0;        // > 0: process noise is Student t with this many df (scaled to sd)
  double common_sd = 0;      // a job's machine level, every benchmark
  double episode_rate = 0;   // chance that a job is disturbed as a whole
  double episode_low = 0, episode_high = 0;  // its common factor (log), uniform between
  double amplification_low = 0.3;            // each benchmark feels U(low, 1) of the factor
  double burst_rate = 0, burst_mean = 0;     // per process x benchmark; exponential size (log)
  double process_burst_rate = 0, process_burst_mean = 0;  // per process, felt 30-100%
  double step_rate = 0;  // chance that a suite's history holds a real step of one benchmark
  double step_size = 0;  // its size (log); head, a descendant, keeps it
  double composition_fraction = 0, composition_shift = 0;
};

// Gaussian job noise and quiet processes: the df check and the power figures' reference.
StoredNoise gaussian_jobs();
// Every component at the size measured on this machine (tests/data/aa, the six-job sitting).
StoredNoise this_machine_jobs();
// this_machine_jobs without job episodes.
StoredNoise this_machine_without_episodes();

struct SuiteShape {
  int benchmarks = 30;
  int processes = 5;    // per job
  int repetitions = 3;  // per process
};

// One suite's benchmarks, drawn once per gate run.
struct SuiteTraits {
  std::vector<std::string> names;
  std::vector<double> level;        // log of the typical time (ns)
  std::vector<double> job_sd;       // σ_job
  std::vector<double> composition;  // constant offset of composition-dependent benchmarks
};

enum class Episode { kByChance, kAlways, kNever };

class StoredJobsSimulator {
 public:
  StoredJobsSimulator(StoredNoise noise, std::uint64_t seed);

  // `first_job_sd` > 0 fixes benchmark 0's σ_job (the power tests' changed benchmark).
  SuiteTraits suite(const SuiteShape& shape, const std::string& prefix, double first_job_sd = 0);

  // One job of `suite`. `change[b]` (missing: 0) is added to benchmark b; `common` to every one.
  RunRecord job(const SuiteTraits& suite, const SuiteShape& shape, Episode episode,
                const std::vector<double>& change = {}, double common = 0);

  double uniform();
  double normal();
  const StoredNoise& noise() const { return noise_; }

 private:
  double process_noise(double sd);

  StoredNoise noise_;
  std::mt19937_64 rng_;
  std::optional<double> spare_;  // the second normal of the last Box-Muller pair
};

// The share of σ_job's variance that the median of `processes` process medians carries (for a
// Gaussian process noise of SD 1 and repetitions of SD 1/4): the job's own effect is the rest.
double process_variance_share(int processes, double process_share);

}  // namespace benchgate::sim
