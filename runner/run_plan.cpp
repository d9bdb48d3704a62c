#include "runner/run_plan.h"

#include <random>

namespace benchgate::runner {
namespace {

// Uniform in [0, n) without modulo bias: reject the incomplete top block of the 64-bit range.
std::uint64_t bounded(std::mt19937_64& generator, std::uint64_t n) {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x;
  do x = generator();
  while (x >= limit);
  return x % n;
}

}  // namespace

std::vector<Launch> plan_launches(const std::vector<SuiteLaunchCount>& suites, std::uint64_t seed) {
  std::vector<Launch> warmups, measured;
  for (int s = 0; s < static_cast<int>(suites.size()); ++s) {
    for (int w = 0; w < suites[s].warmups; ++w) warmups.push_back({s, w, true});
    for (int p = 0; p < suites[s].measured; ++p) measured.push_back({s, p, false});
  }
  std::mt19937_64 generator(seed);
  for (std::size_t i = measured.size(); i > 1; --i)
    std::swap(measured[i - 1], measured[bounded(generator, i)]);
  warmups.insert(warmups.end(), measured.begin(), measured.end());
  return warmups;
}

std::uint64_t random_seed() {
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

}  // namespace benchgate::runner
