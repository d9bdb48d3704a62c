// A Google Benchmark binary whose names trip a naive --benchmark_filter: "BM_Sort/1024" is a
// prefix of "BM_Sort/10240", '.' matches any character ("BM_a.b" vs "BM_aXb"), and template,
// call and index punctuation are regex syntax. tests/runner/exec_gbench_args_test.cpp lists it
// with the filter exact_benchmark_filter() builds for each name and expects that name alone.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

namespace {

template <typename T>
void BM_x(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(static_cast<T>(state.range(0)));
}
BENCHMARK_TEMPLATE(BM_x, int)->Arg(8)->UseRealTime();
BENCHMARK_TEMPLATE(BM_x, int)->Arg(8);
BENCHMARK_TEMPLATE(BM_x, long)->Arg(8)->UseRealTime();

void BM_Sort(benchmark::State& state) {
  std::vector<int> values(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) std::sort(values.begin(), values.end());
}
BENCHMARK(BM_Sort)->Arg(1024)->Arg(10240)->Arg(102);

void BM_named(benchmark::State& state) {
  for (auto _ : state) benchmark::ClobberMemory();
}

}  // namespace

int main(int argc, char** argv) {
  for (const char* name : {"BM_a.b", "BM_aXb", "BM_call(f)[0]+1", "BM_call(f)[0]+11", "BM_$^|?*{2}",
                           "BM_a\\b", "BM_ab"})
    benchmark::RegisterBenchmark(name, BM_named);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
