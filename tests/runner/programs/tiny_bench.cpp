// A small, fast, well-behaved Google Benchmark binary.
#include <benchmark/benchmark.h>

#include "launch_fault.h"

#include <numeric>
#include <vector>

static void BM_Accumulate(benchmark::State& state) {
  std::vector<int> v(static_cast<std::size_t>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(std::accumulate(v.begin(), v.end(), 0));
}
BENCHMARK(BM_Accumulate)->Arg(64)->Arg(512);

static void BM_Increment(benchmark::State& state) {
  int x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(++x);
}
BENCHMARK(BM_Increment);

int main(int argc, char** argv) {
  return test_benchmark_main(argc, argv);
}
