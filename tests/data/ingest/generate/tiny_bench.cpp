// Source of the Google Benchmark fixtures in tests/data/ingest/ (see ../README.md). Deliberately
// covers what the reader must handle: user counters (rates and a plain counter), a non-default
// time unit, an explicit thread count, an erroring benchmark and complexity (BigO/RMS) aggregates.
// BM_UndefinedRatio is only run for the malformed fixture: Google Benchmark writes a NaN counter
// as the bare word NaN, which is not JSON.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

static void BM_Accumulate(benchmark::State& state) {
  std::vector<int> v(static_cast<std::size_t>(state.range(0)));
  std::iota(v.begin(), v.end(), 0);
  for (auto _ : state) benchmark::DoNotOptimize(std::accumulate(v.begin(), v.end(), 0L));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * state.range(0) * static_cast<long>(sizeof(int)));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Accumulate)->Range(64, 512)->Complexity(benchmark::oN);

static void BM_StringBuild(benchmark::State& state) {
  std::size_t total = 0;
  for (auto _ : state) {
    std::string s;
    for (int i = 0; i < 64; ++i) s += std::to_string(i);
    total += s.size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["chars"] = static_cast<double>(total) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_StringBuild)->Unit(benchmark::kMicrosecond);

static void BM_SortThreads(benchmark::State& state) {
  std::vector<int> v(256);
  for (auto _ : state) {
    std::iota(v.rbegin(), v.rend(), 0);
    std::sort(v.begin(), v.end());
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_SortThreads)->Threads(2);

static void BM_NeedsNetwork(benchmark::State& state) {
  for (auto _ : state) {
    state.SkipWithError("no network in the test sandbox");
    break;
  }
}
BENCHMARK(BM_NeedsNetwork);

static void BM_UndefinedRatio(benchmark::State& state) {
  double hits = 0, lookups = 0;
  for (auto _ : state) benchmark::DoNotOptimize(hits);
  state.counters["hit_ratio"] = hits / lookups;  // 0/0: NaN
}
BENCHMARK(BM_UndefinedRatio);

BENCHMARK_MAIN();
