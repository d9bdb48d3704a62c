#pragma once
// Per function (frame name), its self and total samples on each side of a trie: what the diff's
// top-N table ranks and what a differential flame graph colours, so that the two always agree
// (docs/profiles.md#colour-legend-and-hover).
//   - self: samples where the function is the leaf, summed over every stack it appears in;
//   - total: samples with the function anywhere on the stack, each sample counted once even when
//     the function recurses (pprof's "cum").
#include <cstdint>
#include <optional>
#include <vector>

#include "core/report.h"
#include "profile/frame_trie.h"

namespace benchgate::profile {

// The share a differential flame graph is coloured by, and its table ranked by.
using ColourBy = benchgate::FrameShare;

struct FunctionCounts {
  SideCounts self{};
  SideCounts total{};
  const SideCounts& of(ColourBy by) const { return by == ColourBy::kTotal ? total : self; }
};

// Indexed by NameId. Costs the depth of each sampled node and no memory per node.
std::vector<FunctionCounts> function_counts(const FrameTrie& trie);

// Head share minus base share of `counts`, in percentage points of the samples.
double delta_points(const FrameTrie& trie, const SideCounts& counts);

// What a differential flame graph colours and the diff's table ranks, in percentage points.
// Shares alone mislead when head is slower as a whole: every unchanged function's share shrinks
// by the same factor and would be drawn as shrinking, louder than the few that grew. With the
// measured head/base time ratio (e.g. 1.12) the change is one of time, as a share of the base's
// time: head_share * ratio - base_share (an unchanged function gives 0); without it, delta_points.
double change_points(const FrameTrie& trie, const SideCounts& counts,
                     std::optional<double> time_ratio);

// The noise rule (docs/profiles.md#diff-and-the-noise-rule), one decision for the table and the
// colours: a change counts only with at least `min_samples` samples on one side and |z| >=
// `min_z`, z being the change over its sampling standard error. Without the time ratio that is
// the two-proportion test of the shares (pooled); with it, of head_share * ratio - base_share
// (unpooled: sqrt(ratio^2 p_h (1 - p_h) / n_h + p_b (1 - p_b) / n_b), the ratio taken as known),
// so a function that kept its share while head took longer can count as grown.
struct NoiseRule {
  std::uint64_t min_samples = 20;
  double min_z = 3.0;
};
double change_z(const FrameTrie& trie, const SideCounts& counts, std::optional<double> time_ratio);
bool above_noise(const NoiseRule& rule, const FrameTrie& trie, const SideCounts& counts,
                 std::optional<double> time_ratio);

}  // namespace benchgate::profile
