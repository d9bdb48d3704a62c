#pragma once
// The input data of the example suites: the same pseudo-random numbers for every run.
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

inline std::vector<std::uint32_t> random_numbers(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::uint32_t> v(n);
  for (auto& x : v) x = rng();
  return v;
}
