// A small benchmark suite of everyday kernels: sorting, hashing, string building, parsing.
//
// Built with -DBENCHGATE_EXAMPLE_SLOWDOWN=1, BM_StringJoin forgets to reserve its output, a
// realistic "small refactor" slowdown (about +12% on the machine this was written on, but between
// +5% and +27% from one build or sitting to the next): the size of change a gate must catch, and
// that noisy gates miss or drown in false alarms. The interleaved gate's rate of catching it is
// measured (docs/interleaved.md). With =2 the same refactor also drops the `&` of its range-for
// and copies every piece, about +40% to +75%: the demo's change, unmistakable on a busy machine.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <benchmark/benchmark.h>

#include "random_numbers.h"

#ifndef BENCHGATE_EXAMPLE_SLOWDOWN
#define BENCHGATE_EXAMPLE_SLOWDOWN 0
#endif

namespace {

void BM_SortIntegers(benchmark::State& state) {
  const auto input = random_numbers(static_cast<std::size_t>(state.range(0)), 42);
  std::vector<std::uint32_t> work;
  for (auto _ : state) {
    work = input;
    std::sort(work.begin(), work.end());
    benchmark::DoNotOptimize(work.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SortIntegers)->Arg(1 << 12)->Arg(1 << 15);

// FNV-1a over a byte buffer: a stand-in for checksum and hashing code.
std::uint64_t fnv1a(const std::vector<unsigned char>& bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char b : bytes) {
    h ^= b;
    h *= 1099511628211ull;
  }
  return h;
}

void BM_HashBytes(benchmark::State& state) {
  std::vector<unsigned char> bytes(static_cast<std::size_t>(state.range(0)));
  std::iota(bytes.begin(), bytes.end(), 0);
  for (auto _ : state) benchmark::DoNotOptimize(fnv1a(bytes));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_HashBytes)->Arg(1 << 16);

void BM_HashMapInsert(benchmark::State& state) {
  const auto keys = random_numbers(static_cast<std::size_t>(state.range(0)), 7);
  for (auto _ : state) {
    std::unordered_map<std::uint32_t, std::uint32_t> map;
    map.reserve(keys.size());
    for (auto k : keys) map[k] += 1;
    benchmark::DoNotOptimize(map.size());
  }
}
BENCHMARK(BM_HashMapInsert)->Arg(1 << 12);

std::string join(const std::vector<std::string>& pieces, const std::string& separator) {
  std::string out;
#if BENCHGATE_EXAMPLE_SLOWDOWN == 2
  // The demo's regression: not reserved, and each piece copied by a range-for without `&`.
  for (auto piece : pieces) {
    out += piece;
    out += separator;
  }
#elif BENCHGATE_EXAMPLE_SLOWDOWN == 1
  // The injected regression: the output is no longer reserved up front, so it reallocates and
  // copies itself as it grows.
  for (const auto& piece : pieces) {
    out += piece;
    out += separator;
  }
#else
  std::size_t size = 0;
  for (const auto& piece : pieces) size += piece.size() + separator.size();
  out.reserve(size);
  for (const auto& piece : pieces) {
    out += piece;
    out += separator;
  }
#endif
  return out;
}

void BM_StringJoin(benchmark::State& state) {
  std::vector<std::string> pieces;
  for (int i = 0; i < state.range(0); ++i) pieces.push_back("piece-" + std::to_string(i));
  for (auto _ : state) benchmark::DoNotOptimize(join(pieces, ", "));
}
BENCHMARK(BM_StringJoin)->Arg(256);

void BM_ParseIntegers(benchmark::State& state) {
  std::string text;
  for (auto x : random_numbers(static_cast<std::size_t>(state.range(0)), 3))
    text += std::to_string(x) + ' ';
  for (auto _ : state) {
    std::uint64_t sum = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
      std::uint32_t value = 0;
      auto result = std::from_chars(p, end, value);
      sum += value;
      p = result.ptr + 1;
    }
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_ParseIntegers)->Arg(1 << 12);

}  // namespace

BENCHMARK_MAIN();
