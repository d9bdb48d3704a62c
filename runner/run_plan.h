#pragma once
// The order in which process launches happen. Launches of all suites are shuffled together with
// a seeded generator (recorded in every run record), so that slow drift of the machine spreads
// over every suite and process instead of hitting whichever ran last (docs/design.md#interleave).
#include <cstdint>
#include <vector>

namespace benchgate::runner {

struct Launch {
  int suite = 0;        // index into the suites being run
  int process = 0;      // the suite's process (gbench) or timed run (command), 0-based
  bool warmup = false;  // command mode: untimed, not recorded
};

// Per suite: how many warm-up and how many measured launches it needs.
struct SuiteLaunchCount {
  int warmups = 0;
  int measured = 0;
};

// Warm-ups first (in suite order), then every measured launch in an order fixed by `seed`.
// The shuffle is our own Fisher–Yates over mt19937_64 (std::shuffle and the std distributions
// differ between standard libraries), so a seed reproduces the order everywhere.
std::vector<Launch> plan_launches(const std::vector<SuiteLaunchCount>& suites, std::uint64_t seed);

// A fresh seed from std::random_device, for runs without --seed.
std::uint64_t random_seed();

}  // namespace benchgate::runner
