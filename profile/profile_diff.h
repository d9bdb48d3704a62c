#pragma once
// Diff: where did the time go between two profiles of the same benchmark? Both sides are
// normalised to shares of their own totals (profiles of different lengths or frequencies are
// comparable); each function's *self* share (samples where it is the leaf, summed over every
// stack it appears in) is compared, or with `rank_by` total its total share
// (profile/function_shares.h): the same share the differential flame graph is coloured by.
//
// Noise rule (docs/profiles.md, profile/function_shares.h: above_noise): a function is listed
// only when
//   - it has at least `min_samples` samples on one side, and
//   - the change is significant: |z| >= `min_z`; without the time ratio, for two binomial
//     proportions, z = (p_head - p_base) / sqrt(p (1 - p) (1/n_base + 1/n_head)), p the pooled
//     share; with it, the change of time over its standard error.
// A function with 3 samples that went to 6 is +100% but |z| ≈ 1: sampling noise, not a finding.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/report.h"
#include "profile/frame_trie.h"
#include "profile/function_shares.h"
#include "profile/profile_info.h"

namespace benchgate::profile {

struct DiffOptions {
  std::size_t top = 10;
  ColourBy rank_by = ColourBy::kSelf;  // which share is compared (and the noise rule counts)
  std::uint64_t min_samples = 20;
  double min_z = 3.0;
  // head time / base time of the benchmark as measured by the timing runs (e.g. 1.07): turns
  // share deltas into time deltas relative to the base's time.
  std::optional<double> time_ratio;
  // the base's measured time per iteration (ns), to state time deltas in ns as well.
  std::optional<double> base_time_ns;
};

// One function's change (core/report.h): reports show it, so it is part of the report model.
using benchgate::FunctionDelta;

struct ProfileDiff {
  ProfileInfo base;
  ProfileInfo head;
  ColourBy ranked_by = ColourBy::kSelf;
  std::optional<double> time_ratio;
  std::uint64_t min_samples = 0;  // the noise rule that was applied
  double min_z = 0;
  std::size_t functions_compared = 0;
  std::size_t functions_below_noise = 0;  // changed, but did not pass the noise rule
  // by |time_delta_of_base| when time_ratio is known, else |delta_points|, largest first: the
  // number the differential flame graph colours (change_points)
  std::vector<FunctionDelta> top;
};

// `trie` holds the base on kBase and the head on kHead.
ProfileDiff diff_profiles(const FrameTrie& trie, const ProfileInfo& base, const ProfileInfo& head,
                          const DiffOptions& options);

// Share of `count` in `total`, 0 for an empty profile.
inline double share(std::uint64_t count, std::uint64_t total) {
  return total == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(total);
}

}  // namespace benchgate::profile
