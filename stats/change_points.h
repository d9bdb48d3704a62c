#pragma once
// Change points of a series: e-divisive means with a t-test significance step, as Hunter/Otava
// use it (docs/statistics.md#change-points). Deterministic: no permutations. Vectors in, change
// points out.
#include <cstddef>
#include <span>
#include <vector>

namespace benchgate::stats {

struct ChangePointSettings {
  // Points either side of a candidate that the significance test looks at; 0 means all.
  std::size_t window = 30;
  // Fewest points in every segment, so one spiky job is never a change point on its own.
  std::size_t min_segment = 3;
  // Smallest relative change of level reported (|after/before - 1|).
  double min_magnitude = 0.02;
  // Largest p-value of the t-test that accepts a change point.
  double max_p_value = 0.001;
};

struct ChangePoint {
  std::size_t index = 0;  // first point of the new segment
  double p_value = 1;
  // Segment levels either side (means of the values, same scale as the input) with 95% intervals.
  double before = 0, before_low = 0, before_high = 0;
  double after = 0, after_low = 0, after_high = 0;
  std::size_t before_n = 0, after_n = 0;
};

// The change points of `values` (oldest first; the caller passes log levels so that changes are
// ratios), sorted by index. NaN values are not allowed.
std::vector<ChangePoint> detect_change_points(std::span<const double> values,
                                              const ChangePointSettings& settings);

}  // namespace benchgate::stats
