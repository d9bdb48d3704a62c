// Change-point detection speed (target, docs/development.md: a 1,000-point series in well under
// 50 ms): Gaussian noise with a few steps, and flat noise (one pass, nothing accepted), and a
// staircase with a step every 50 points (the deepest bisection a long history will see).
#include <cmath>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "stats/change_points.h"

namespace {

std::vector<double> series(std::size_t n, std::size_t step_every, double step) {
  std::mt19937_64 rng(42);
  std::normal_distribution<double> noise(0, 0.02);
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = noise(rng) + (step_every > 0 ? static_cast<double>(i / step_every) * step : 0);
  return v;
}

void run(benchmark::State& state, const std::vector<double>& x) {
  const benchgate::stats::ChangePointSettings settings;
  std::size_t found = 0;
  for (auto _ : state) {
    const auto points = benchgate::stats::detect_change_points(x, settings);
    found = points.size();
    benchmark::DoNotOptimize(points.data());
  }
  state.counters["change_points"] = static_cast<double>(found);
}

void BM_ChangePoints1000Flat(benchmark::State& state) {
  run(state, series(1000, 0, 0));
}
void BM_ChangePoints1000ThreeSteps(benchmark::State& state) {
  run(state, series(1000, 250, std::log(1.1)));
}
void BM_ChangePoints1000Staircase(benchmark::State& state) {
  run(state, series(1000, 50, std::log(1.1)));
}
// A long history (10,000 jobs, a 10% step every 2,500): scored in stretches of 4 x window.
void BM_ChangePoints10000ThreeSteps(benchmark::State& state) {
  run(state, series(10000, 2500, std::log(1.1)));
}

BENCHMARK(BM_ChangePoints1000Flat)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChangePoints1000ThreeSteps)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChangePoints1000Staircase)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ChangePoints10000ThreeSteps)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
