// Hangs forever in BM_Hang in the chosen launch, ignoring SIGTERM (only SIGKILL stops it).
#include <benchmark/benchmark.h>
#include <signal.h>

#include "launch_fault.h"

static void BM_Quick(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
}
BENCHMARK(BM_Quick);

static void BM_Hang(benchmark::State& state) {
  if (g_fault_this_launch) {
    std::fprintf(stderr, "hanging now\n");
    std::fflush(stderr);
    signal(SIGTERM, SIG_IGN);
    for (;;) pause();
  }
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
}
BENCHMARK(BM_Hang);

int main(int argc, char** argv) {
  return test_benchmark_main(argc, argv);
}
