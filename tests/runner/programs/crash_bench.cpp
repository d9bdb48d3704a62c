// Segfaults in the middle of its run (after BM_Before, in BM_Crash) in the chosen launch.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "launch_fault.h"

static void BM_Before(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
}
BENCHMARK(BM_Before);

static void BM_Crash(benchmark::State& state) {
  if (g_fault_this_launch) {
    std::fprintf(stderr, "about to dereference a null pointer\n");
    rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);  // no core files in the test directory
    volatile int* volatile null = nullptr;
    *null = 1;  // a real SIGSEGV, not raise(): volatile so the compiler cannot turn it into a trap
  }
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
}
BENCHMARK(BM_Crash);

int main(int argc, char** argv) {
  return test_benchmark_main(argc, argv);
}
