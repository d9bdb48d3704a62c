#pragma once
// Per function (frame name), its self and total samples on each side of a trie: what the diff's
// top-N table ranks and what a differential flame graph colours, so that the two always agree
// (docs/profiles.md#colour-legend-and-hover).
//   - self: samples where the function is the leaf, summed over every stack it appears in;
//   - total: samples with the function anywhere on the stack, each sample counted once even when
//     the function recurses (pprof's "cum").
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

// Indexed by NameId. `subtree_totals` is trie.subtree_totals() (callers often have it already).
std::vector<FunctionCounts> function_counts(const FrameTrie& trie,
                                            const std::vector<SideCounts>& subtree_totals);

// Head share minus base share of `counts`, in percentage points of the samples.
double delta_points(const FrameTrie& trie, const SideCounts& counts);

// What a differential flame graph colours and the diff's table ranks, in percentage points.
// Shares alone mislead when head is slower as a whole: every unchanged function's share shrinks
// by the same factor and would be drawn as shrinking, louder than the few that grew. With the
// measured head/base time ratio (e.g. 1.12) the change is one of time, as a share of the base's
// time: head_share * ratio - base_share (an unchanged function gives 0); without it, delta_points.
double change_points(const FrameTrie& trie, const SideCounts& counts,
                     std::optional<double> time_ratio);

}  // namespace benchgate::profile
