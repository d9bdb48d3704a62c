// A small Google Benchmark suite for the interleaved A/B tests. BM_Work runs a dependent chain
// of integer steps whose count is scaled by (100 + AB_BENCH_SLOWDOWN_PERCENT) / 100: the work is
// linear in the step count, so the slowdown is that fraction of its time by construction (the
// loop overhead of one iteration is a few ns against ~2 us of steps). Everything else is identical
// in every variant.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include <benchmark/benchmark.h>

#ifndef AB_BENCH_SLOWDOWN_PERCENT
#define AB_BENCH_SLOWDOWN_PERCENT 0
#endif

namespace {

constexpr std::int64_t kBaseSteps = 2000;
constexpr std::int64_t kSteps = kBaseSteps * (100 + AB_BENCH_SLOWDOWN_PERCENT) / 100;

void BM_Work(benchmark::State& state) {
  std::uint64_t x = 88172645463325252ull;
  for (auto _ : state) {
    for (std::int64_t i = 0; i < kSteps; ++i) {
      // xorshift64: each step depends on the last, so the compiler cannot vectorise or skip it.
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
    }
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(BM_Work);

void BM_Sort(benchmark::State& state) {
  std::vector<int> input(static_cast<std::size_t>(state.range(0)));
  std::uint32_t seed = 12345;
  for (auto& v : input) v = static_cast<int>(seed = seed * 1664525u + 1013904223u);
  for (auto _ : state) {
    std::vector<int> copy = input;
    std::sort(copy.begin(), copy.end());
    benchmark::DoNotOptimize(copy.data());
  }
}
BENCHMARK(BM_Sort)->Arg(512);

void BM_Accumulate(benchmark::State& state) {
  std::vector<double> v(1024, 1.5);
  for (auto _ : state) benchmark::DoNotOptimize(std::accumulate(v.begin(), v.end(), 0.0));
}
BENCHMARK(BM_Accumulate);

}  // namespace

BENCHMARK_MAIN();
