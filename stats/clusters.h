#pragma once
// Whether a benchmark's per-process values form two groups far apart (docs/interleaved.md,
// diagnoses): then the spread is not noise around one value but a process having two states,
// for example because the timing depends on what ran before it in the process, or on the CPU the
// process landed on. A verdict that pools both groups should say so instead of "noisy".
#include <cstddef>
#include <optional>
#include <span>

namespace benchgate::stats {

struct TwoClusters {
  double low = 0, high = 0;  // the median of each group
  std::size_t low_count = 0, high_count = 0;
};

// The split of the sorted log values at their widest gap, when each side has at least 2 values
// (and a fifth of them), the gap is at least 10% and at least 3 times the larger within-group SD.
// Values <= 0 are ignored.
std::optional<TwoClusters> two_clusters(std::span<const double> values);

}  // namespace benchgate::stats
