#include "stats/sequential_simulation.h"

#include <cmath>
#include <numbers>
#include <random>

namespace benchgate::stats {
namespace {

// Box–Muller over mt19937_64 (whose output the standard fixes): reproducible across libraries.
class NormalSource {
 public:
  explicit NormalSource(std::uint64_t seed) : engine_(seed) {}
  double next() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = (static_cast<double>(engine_() >> 11) + 1) * 0x1.0p-53;  // (0, 1]
    const double u2 = static_cast<double>(engine_() >> 11) * 0x1.0p-53;
    const double r = std::sqrt(-2 * std::log(u1));
    spare_ = r * std::sin(2 * std::numbers::pi * u2);
    has_spare_ = true;
    return r * std::cos(2 * std::numbers::pi * u2);
  }

 private:
  std::mt19937_64 engine_;
  double spare_ = 0;
  bool has_spare_ = false;
};

void add_round(PairedSeries& series, const SimulationSettings& s, NormalSource& normal) {
  const double drift = s.drift_log_sd * normal.next();
  series.base.push_back(std::exp(drift + s.noise_log_sd * normal.next()));
  series.head.push_back(std::exp(drift + s.true_log_ratio + s.noise_log_sd * normal.next()));
}

struct JobResult {
  int rounds = 0;
  bool rejected = false, regression = false;
};

JobResult run_job(const SimulationSettings& s, NormalSource& normal, BoundaryCache& cache) {
  PairedSeries series{.name = "simulated", .base = {}, .head = {}, .threshold = s.threshold};
  const int max_rounds = s.design.max_rounds;
  JobResult job;
  if (s.rule == StoppingRule::kGroupSequential) {
    SequentialMonitor monitor(s.design, &cache);
    for (int rounds = 1; rounds <= max_rounds; ++rounds) {
      add_round(series, s, normal);
      const bool last = rounds == max_rounds;
      if (rounds % s.look_every != 0 && !last) continue;
      monitor.look(rounds, std::span(&series, 1), last);
      if (monitor.all_decided() || last) break;
    }
    const SequentialState& state = monitor.states().front();
    job.rounds = static_cast<int>(series.base.size());
    job.rejected = state.rejected;
    job.regression = state.verdict == Verdict::kRegression;
    return job;
  }
  const int step = s.rule == StoppingRule::kFixed ? max_rounds : s.look_every;
  for (int rounds = 1; rounds <= max_rounds; ++rounds) {
    add_round(series, s, normal);
    if (rounds % step != 0 && rounds != max_rounds) continue;
    const PairedLook look = paired_log_look(series.base, series.head);
    if (look.p_value <= s.design.alpha) {
      job.rejected = true;
      job.regression = look.mean_log_ratio >= std::log1p(s.threshold);
      break;
    }
  }
  job.rounds = static_cast<int>(series.base.size());
  return job;
}

}  // namespace

SimulationSummary simulate_jobs(const SimulationSettings& settings) {
  NormalSource normal(settings.seed);
  BoundaryCache cache(settings.design.spending);
  SimulationSummary summary;
  long long rounds = 0;
  for (int j = 0; j < settings.jobs; ++j) {
    const JobResult job = run_job(settings, normal, cache);
    ++summary.jobs;
    summary.rejected += job.rejected;
    summary.regressions += job.regression;
    rounds += job.rounds;
  }
  summary.mean_rounds = summary.jobs ? static_cast<double>(rounds) / summary.jobs : 0;
  return summary;
}

}  // namespace benchgate::stats
