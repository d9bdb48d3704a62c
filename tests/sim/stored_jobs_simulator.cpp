#include "tests/sim/stored_jobs_simulator.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

#include <fmt/format.h>

namespace benchgate::sim {
namespace {

// The variance of the median of n standard normals (n = 3, 5, 7 exactly; else its large-n form).
double median_variance(int n) {
  switch (n) {
    case 1:
      return 1;
    case 3:
      return 0.4487;
    case 5:
      return 0.2868;
    case 7:
      return 0.2104;
    default:
      return std::numbers::pi / (2 * n);
  }
}

constexpr double kRepetitionShare = 0.25;  // repetition SD as a share of the process SD

// The quiet part every scenario shares: σ_job log-uniform 0.5-10% (the A/A jobs' benchmarks
// range from hash loops steady to 1% to a sort that spreads 5-18%), processes at 60% of it.
StoredNoise base(std::string name) {
  return {.name = std::move(name), .process_share = 0.6};
}

}  // namespace

double process_variance_share(int processes, double process_share) {
  const double process_median = 1 + median_variance(3) * kRepetitionShare * kRepetitionShare;
  return median_variance(processes) * process_median * process_share * process_share;
}

StoredNoise gaussian_jobs() {
  return base("gaussian jobs");
}

// Sizes measured here (tests/data/aa and the sitting of six A/A jobs): jobs differ by ~2% as a
// whole; one job in ~7 ran 20-74% slower in every benchmark (a factor of +30-74% felt 30-100% by
// each benchmark); processes heavy-tailed (t, 3 df), one in 16 disturbed as a whole, one
// measurement in 33 bursting on its own; a real +10% step in a third of the histories; a fifth of
// the benchmarks composition-dependent (~200 us -> ~45 us, as in the compression suite).
StoredNoise this_machine_jobs() {
  StoredNoise m = base("this machine (jobs)");
  m.tail_df = 3;
  m.common_sd = 0.02;
  m.episode_rate = 0.15;
  m.episode_low = std::log(1.3);
  m.episode_high = std::log(1.74);
  m.burst_rate = 0.03;
  m.burst_mean = 0.20;
  m.process_burst_rate = 0.06;
  m.process_burst_mean = 0.35;
  m.step_rate = 0.3;
  m.step_size = std::log(1.10);
  m.composition_fraction = 0.2;
  m.composition_shift = -1.5;
  return m;
}

StoredNoise this_machine_without_episodes() {
  StoredNoise m = this_machine_jobs();
  m.name = "this machine, no episodes";
  m.episode_rate = 0;
  return m;
}

StoredJobsSimulator::StoredJobsSimulator(StoredNoise noise, std::uint64_t seed)
    : noise_(std::move(noise)), rng_(seed) {}

double StoredJobsSimulator::uniform() {
  // 53 random bits: mt19937_64's output is fixed by the standard, unlike the distributions'.
  return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53;
}

double StoredJobsSimulator::normal() {
  // Box-Muller, both of the pair: drawing normals is most of a simulated gate run's time.
  if (spare_) return *std::exchange(spare_, std::nullopt);
  const double radius = std::sqrt(-2 * std::log(uniform()));
  const double angle = 2 * std::numbers::pi * uniform();
  spare_ = radius * std::sin(angle);
  return radius * std::cos(angle);
}

double StoredJobsSimulator::process_noise(double sd) {
  if (noise_.tail_df <= 2) return sd * normal();
  // Student t with integer df, scaled to unit variance.
  const int df = static_cast<int>(noise_.tail_df);
  double chi2 = 0;
  for (int i = 0; i < df; ++i) {
    const double z = normal();
    chi2 += z * z;
  }
  return sd * normal() / std::sqrt(chi2 / df) * std::sqrt((noise_.tail_df - 2) / noise_.tail_df);
}

SuiteTraits StoredJobsSimulator::suite(const SuiteShape& shape, const std::string& prefix,
                                       double first_job_sd) {
  SuiteTraits t;
  const double span = std::log(noise_.job_sd_high / noise_.job_sd_low);
  for (int b = 0; b < shape.benchmarks; ++b) {
    t.names.push_back(fmt::format("{}/BM_{}", prefix, b));
    t.level.push_back(std::log(100.0) + uniform() * std::log(1e4));
    t.job_sd.push_back(noise_.job_sd_low * std::exp(uniform() * span));
    t.composition.push_back(uniform() < noise_.composition_fraction ? noise_.composition_shift : 0);
  }
  if (first_job_sd > 0 && !t.job_sd.empty()) t.job_sd[0] = first_job_sd;
  return t;
}

RunRecord StoredJobsSimulator::job(const SuiteTraits& suite, const SuiteShape& shape,
                                   Episode episode, const std::vector<double>& change,
                                   double common) {
  const StoredNoise& m = noise_;
  const std::size_t n = suite.names.size();
  const bool disturbed =
      episode == Episode::kAlways || (episode == Episode::kByChance && uniform() < m.episode_rate);
  const double factor =
      disturbed ? m.episode_low + (m.episode_high - m.episode_low) * uniform() : 0;
  const double machine = common + m.common_sd * normal();
  const double job_share =
      std::sqrt(std::max(0.0, 1 - process_variance_share(shape.processes, m.process_share)));

  // Each benchmark's mean in this job, then each process's offsets.
  std::vector<double> mean(n);
  for (std::size_t b = 0; b < n; ++b) {
    const double amplification = m.amplification_low + (1 - m.amplification_low) * uniform();
    mean[b] = suite.level[b] + suite.composition[b] + machine + factor * amplification +
              job_share * suite.job_sd[b] * normal() + (b < change.size() ? change[b] : 0);
  }
  RunRecord record;
  record.testbed = "simulated";
  std::vector<double> process_burst(static_cast<std::size_t>(shape.processes), 0);
  for (int p = 0; p < shape.processes; ++p) {
    ProcessInfo process;
    process.id = p;
    process.source = fmt::format("process {}", p);
    record.processes.push_back(std::move(process));
    if (uniform() < m.process_burst_rate)
      process_burst[static_cast<std::size_t>(p)] = -m.process_burst_mean * std::log(uniform());
  }
  record.benchmarks.resize(n);
  for (std::size_t b = 0; b < n; ++b) {
    BenchmarkResult& result = record.benchmarks[b];
    result.name = suite.names[b];
    std::vector<double>& values = result.metrics[kRealTime];
    const double process_sd = m.process_share * suite.job_sd[b];
    for (int p = 0; p < shape.processes; ++p) {
      double offset = process_noise(process_sd);
      if (uniform() < m.burst_rate) offset -= m.burst_mean * std::log(uniform());
      offset += process_burst[static_cast<std::size_t>(p)] * (0.3 + 0.7 * uniform());
      for (int r = 0; r < shape.repetitions; ++r) {
        result.process.push_back(p);
        result.repetition.push_back(r);
        result.iterations.push_back(1000);
        values.push_back(std::exp(mean[b] + offset + kRepetitionShare * process_sd * normal()));
      }
    }
  }
  return record;
}

}  // namespace benchgate::sim
