#pragma once
// Order statistics of the m*n pairwise differences y_j - x_i of two sorted samples, found by
// counting instead of materialising and partially sorting all m*n of them.
//
// Why: the Hodges–Lehmann estimate and its CI need four such order statistics per benchmark.
// With 30 samples per side that is 900 differences, and nth_element over them dominated a
// 10,000-benchmark comparison. Because both samples are sorted, the number of differences below
// any value can be counted with one short binary search per row; a few counts, starting from a
// normal-model guess, narrow each search to O(m + n) candidates, and only those are selected
// among.
#include <cstddef>
#include <span>
#include <vector>

namespace benchgate::stats {

// Fills out[i] with the ranks[i]-th smallest (0-based, < m*n) of fl(y_j - x_i) over all i, j.
// `x` and `y` must be sorted ascending, free of NaN and non-empty. Ranks may come in any order;
// counts made for one rank also narrow the later ones. `scratch` is reused for candidates.
void pairwise_difference_order_statistics(std::span<const double> x, std::span<const double> y,
                                          std::span<const std::size_t> ranks, std::span<double> out,
                                          std::vector<double>& scratch);

}  // namespace benchgate::stats
