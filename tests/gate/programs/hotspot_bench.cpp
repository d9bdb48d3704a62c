// A Google Benchmark binary whose profile is known in advance, for the profile tests of
// `benchgate run --profile` and the gate: BM_Hot spends most of its time in work::hash_block and
// the rest in work::checksum; BM_Steady only in work::steady_sum. Built a second time with
// -DSLOW_CHECKSUM, checksum does 8x the work, so BM_Hot regresses and a diff of the two profiles
// must name work::checksum as the function that grew. noinline keeps each function its own frame.
#include <benchmark/benchmark.h>

#include <cstdint>

#ifdef SLOW_CHECKSUM
constexpr long kChecksumFactor = 8;
#else
constexpr long kChecksumFactor = 1;
#endif

namespace work {

__attribute__((noinline)) std::uint64_t hash_block(long n) {
  std::uint64_t h = 14695981039346656037ull;
  for (long i = 0; i < n; ++i) {
    h = (h ^ static_cast<std::uint64_t>(i)) * 1099511628211ull;
    benchmark::DoNotOptimize(h);
  }
  return h;
}

__attribute__((noinline)) std::uint64_t checksum(long n) {
  std::uint64_t s = 0;
  for (long i = 0; i < n * kChecksumFactor; ++i) {
    s += static_cast<std::uint64_t>(i) * static_cast<std::uint64_t>(i);
    benchmark::DoNotOptimize(s);
  }
  return s;
}

__attribute__((noinline)) std::uint64_t steady_sum(long n) {
  std::uint64_t s = 0;
  for (long i = 0; i < n; ++i) {
    s += static_cast<std::uint64_t>(i) ^ 0x9e3779b97f4a7c15ull;
    benchmark::DoNotOptimize(s);
  }
  return s;
}

}  // namespace work

static void BM_Hot(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(work::hash_block(10000));
    benchmark::DoNotOptimize(work::checksum(10000));
  }
}
BENCHMARK(BM_Hot);

static void BM_Steady(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(work::steady_sum(10000));
}
BENCHMARK(BM_Steady);

BENCHMARK_MAIN();
