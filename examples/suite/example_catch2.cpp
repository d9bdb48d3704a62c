// The same kind of everyday kernels as example_bench.cpp, as Catch2 BENCHMARKs in a Catch2 test
// binary (Debian's catch2, v2: header-only, benchmarking switched on by a macro). benchgate runs
// it with `--reporter xml` and reads one mean per benchmark and process (docs/run-record.md).
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <catch2/catch.hpp>

#include "random_numbers.h"

TEST_CASE("sorting", "[benchmark]") {
  const std::vector<std::uint32_t> input = random_numbers(4096, 1);
  BENCHMARK_ADVANCED("sort 4096 integers")(Catch::Benchmark::Chronometer meter) {
    std::vector<std::vector<std::uint32_t>> copies(meter.runs(), input);
    meter.measure([&](int i) { std::sort(copies[i].begin(), copies[i].end()); });
  };
}

TEST_CASE("hashing", "[benchmark]") {
  const std::vector<std::uint32_t> keys = random_numbers(1024, 2);
  BENCHMARK("count 1024 keys") {
    std::unordered_map<std::uint32_t, int> counts;
    for (std::uint32_t k : keys) ++counts[k % 512];
    return counts.size();
  };
}

TEST_CASE("strings", "[benchmark]") {
  BENCHMARK("join 256 words") {
    std::string out;
    out.reserve(256 * 8);
    for (int i = 0; i < 256; ++i) out += std::to_string(i) + ",";
    return out.size();
  };
}
