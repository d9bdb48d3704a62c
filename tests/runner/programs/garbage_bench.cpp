// Links Google Benchmark (so it is detected as such) but, when measured, writes garbage where
// the JSON results should be and exits 0.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>

#include "launch_fault.h"

static void BM_Never(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(state.iterations());
}
BENCHMARK(BM_Never);

int main(int argc, char** argv) {
  decide_fault(argc, argv);
  for (int i = 1; i < argc && g_fault_this_launch; ++i) {
    if (std::strncmp(argv[i], "--benchmark_out=", 16) != 0) continue;
    std::ofstream(argv[i] + 16) << "Segmentation fault? No: <html>not json</html>\n{{{\n";
    std::printf("garbage garbage garbage\n");
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
