#pragma once
// Multiplicity across a whole gate run (docs/statistics.md#many-benchmarks-at-once): the gate
// fails when any suite fails, so Holm's family is every tested benchmark of every suite, not each
// suite on its own (with per-suite Holm the family-wise false-alarm rate grows with the number of
// suites). Each comparison is first decided on its own; this then re-adjusts the raw p-values
// over all of them together.
#include <span>

#include "core/comparison.h"

namespace benchgate::stats {

// Holm and Benjamini–Hochberg over every row with a p-value in `comparisons`. A larger family can
// only raise adjusted p-values, so verdicts only ever lose significance: a regression or
// improvement whose adjusted p now exceeds alpha becomes inconclusive, with a note saying why.
// Nothing else changes. With a single comparison this is a no-op. All comparisons must share
// alpha (std::invalid_argument otherwise).
void adjust_across_comparisons(std::span<Comparison* const> comparisons);

}  // namespace benchgate::stats
