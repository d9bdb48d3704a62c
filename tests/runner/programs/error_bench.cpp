// One benchmark that works and one that reports error_occurred via SkipWithError.
#include <benchmark/benchmark.h>

#include "launch_fault.h"

static void BM_Works(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
}
BENCHMARK(BM_Works);

static void BM_NeedsFixture(benchmark::State& state) {
  state.SkipWithError("fixture file data/input.bin not found");
  for (auto _ : state) {
  }
}
BENCHMARK(BM_NeedsFixture);

int main(int argc, char** argv) {
  return test_benchmark_main(argc, argv);
}
