#pragma once
// Change points of a series: e-divisive means with a t-test significance step, as Hunter/Otava
// use it (docs/statistics.md#change-points). Deterministic: no permutations. Vectors in, change
// points out.
#include <cstddef>
#include <span>
#include <vector>

namespace benchgate::stats {

// The defaults were chosen with the simulated histories of tests/sim/change_points_acceptance_test
// (its DISABLED_SettingsGrid; table in docs/statistics.md#change-points): at window 50 the false
// changes in 100 flat histories of 200 jobs (Gaussian / heavy tails / this machine) were 0 / 5 / 0
// with min_segment 3 (a 3-point end segment with a lucky small spread), 0 / 1 / 2 with p 0.001 and
// 0 / 1 / 0 with these; min_segment 8 saved the last one but reports a change three jobs later. A
// window of 30 instead of 50 cut the recall of a 10% step under this machine's noise from 68% to
// 41%.
struct ChangePointSettings {
  // Points either side of a candidate that the significance test looks at; 0 means all. Keeps a
  // slow drift elsewhere in a long segment out of the test.
  std::size_t window = 50;
  // Fewest points in every segment, so one spiky job (or a few) is never a change point on its own.
  // A change in the last min_segment - 1 jobs is not reported until enough jobs follow it.
  std::size_t min_segment = 5;
  // Smallest relative change of level reported (|after/before - 1|).
  double min_magnitude = 0.02;
  // Largest p-value of the t-test that accepts a change point.
  double max_p_value = 1e-4;
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
// ratios), sorted by index. Throws std::invalid_argument on a NaN or infinite value.
//
// E-divisive means: the series is split at the point that maximises the energy statistic
// (stats/energy_statistic.h); if Welch's t-test between the `window` points either side (within
// the segment) gives p <= max_p_value and the change of level is at least min_magnitude, the
// point is kept and both sides are split in turn. At the end every change point is tested again
// between its final neighbours and the weakest failure dropped until all pass (a later split
// next to an earlier point shortens the segments it was accepted on). The levels reported are the
// means of those windows with 95% t intervals.
std::vector<ChangePoint> detect_change_points(std::span<const double> values,
                                              const ChangePointSettings& settings);

}  // namespace benchgate::stats
