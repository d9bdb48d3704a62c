#include "tests/sim/noise_simulator.h"

#include <cmath>
#include <numbers>

#include "ab/ab_rounds.h"

namespace benchgate::sim {
namespace {

// What a benchmark is, drawn once per job.
struct BenchmarkTraits {
  double level = 0;              // log of its typical time
  double penalty = 0;            // its second-run penalty
  double burst_sensitivity = 1;  // the share of a whole-process burst it feels
  bool bimodal = false;
  bool composition_sensitive = false;
};

}  // namespace

NoiseSimulator::NoiseSimulator(NoiseModel model, std::uint64_t seed)
    : model_(std::move(model)), rng_(seed) {}

double NoiseSimulator::uniform() {
  // 53 random bits: mt19937_64's output is fixed by the standard, unlike the distributions'.
  return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53;
}

double NoiseSimulator::normal() {
  // Box–Muller; one of the pair is enough here.
  return std::sqrt(-2 * std::log(uniform())) * std::cos(2 * std::numbers::pi * uniform());
}

double NoiseSimulator::process_noise() {
  if (model_.process_sd == 0) return 0;
  if (model_.tail_df <= 2) return model_.process_sd * normal();
  // Student t with integer df, scaled to unit variance: z / sqrt(chi2 / df) * sqrt((df - 2) / df).
  const int df = static_cast<int>(model_.tail_df);
  double chi2 = 0;
  for (int i = 0; i < df; ++i) {
    const double z = normal();
    chi2 += z * z;
  }
  const double t = normal() / std::sqrt(chi2 / df);
  return model_.process_sd * t * std::sqrt((model_.tail_df - 2) / model_.tail_df);
}

std::vector<stats::PairedSeries> NoiseSimulator::job(const JobShape& shape,
                                                     const std::vector<double>& true_log_change) {
  const NoiseModel& m = model_;
  const std::uint64_t order_seed = rng_();
  std::vector<BenchmarkTraits> traits(static_cast<std::size_t>(shape.benchmarks));
  for (auto& t : traits) {
    t.level = std::log(100.0) + uniform() * std::log(1e4);
    t.penalty = m.second_penalty + m.second_penalty_sd * normal();
    t.bimodal = uniform() < m.bimodal_fraction;
    t.composition_sensitive = uniform() < m.composition_fraction;
    t.burst_sensitivity = 0.3 + 0.7 * uniform();
  }
  std::vector<stats::PairedSeries> series(traits.size());
  for (std::size_t b = 0; b < series.size(); ++b) {
    series[b].name = "BM_sim/" + std::to_string(b);
    series[b].threshold = shape.threshold;
  }
  bool in_spell = false;
  for (int round = 1; round <= shape.rounds; ++round) {
    const bool base_first = shape.order == RoundOrder::kBlocks
                                ? ab::base_runs_first(order_seed, round)
                                : uniform() < 0.5;
    const double drift = m.round_drift_sd * normal();
    const bool narrowed = shape.narrow_after > 0 && round > shape.narrow_after;
    std::vector<double> values[2];  // [0] base, [1] head
    for (int position = 0; position < 2; ++position) {
      const bool head = (position == 0) != base_first;
      if (uniform() < m.episode_rate) in_spell = !in_spell;
      const bool slow_state = uniform() < m.slow_state_rate;
      const double process_burst = m.process_burst_rate > 0 && uniform() < m.process_burst_rate
                                       ? -m.process_burst_mean * std::log(uniform())
                                       : 0;
      auto& out = values[head ? 1 : 0];
      for (std::size_t b = 0; b < traits.size(); ++b) {
        const BenchmarkTraits& t = traits[b];
        double v = t.level + drift + process_noise();
        const double change = b < true_log_change.size() ? true_log_change[b] : 0;
        // A benchmark measured in another composition runs another path: the change may not be
        // on it (the worst case: not at all), and its level moves.
        if (head && !(narrowed && t.composition_sensitive)) v += change;
        if (narrowed && t.composition_sensitive) v += m.composition_shift;
        if (position == 1) v += t.penalty;
        if (in_spell) v += m.episode_shift;
        if (m.burst_rate > 0 && uniform() < m.burst_rate) v += -m.burst_mean * std::log(uniform());
        if (t.bimodal && slow_state) v += m.slow_state_shift;
        v += process_burst * t.burst_sensitivity;
        out.push_back(v);
      }
    }
    for (std::size_t b = 0; b < series.size(); ++b)
      series[b].rounds.push_back({.round = round,
                                  .base = std::exp(values[0][b]),
                                  .head = std::exp(values[1][b]),
                                  .head_second = base_first});
  }
  return series;
}

std::vector<stats::PairedSeries> first_rounds(const std::vector<stats::PairedSeries>& series,
                                              int rounds) {
  std::vector<stats::PairedSeries> out = series;
  for (auto& s : out)
    if (static_cast<int>(s.rounds.size()) > rounds)
      s.rounds.resize(static_cast<std::size_t>(rounds));
  return out;
}

}  // namespace benchgate::sim
