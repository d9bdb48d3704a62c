#pragma once
// Two-sided Mann–Whitney U test (Wilcoxon rank-sum), with scipy.stats.mannwhitneyu's conventions
// (scipy 1.10, alternative='two-sided', use_continuity=True) so that results can be checked
// against it to 1e-9.
#include <cstddef>
#include <span>

namespace benchgate::stats {

enum class MwuMethod {
  kAuto,        // exact when there are no ties and both sizes <= kMwuExactMaxN, else asymptotic
  kExact,       // exact null distribution (ties are ignored, like scipy's method='exact')
  kAsymptotic,  // normal approximation with tie correction and continuity correction
};

// Largest sample size (per side) for which kAuto uses the exact distribution.
inline constexpr std::size_t kMwuExactMaxN = 20;

struct MannWhitneyResult {
  double u1 = 0;       // U of x: pairs with x_i > y_j, ties counting one half (scipy's statistic)
  double p_value = 1;  // two-sided, clipped to 1
  MwuMethod method = MwuMethod::kAsymptotic;  // the method actually used (never kAuto)
  bool ties = false;  // some value occurs more than once in the pooled sample
};

// NaN values are skipped. Both samples need at least one value (else std::invalid_argument).
MannWhitneyResult mann_whitney_u(std::span<const double> x, std::span<const double> y,
                                 MwuMethod method = MwuMethod::kAuto);

// The same for samples already sorted ascending and free of NaN: no copy, no sort (the hot path
// of compare_runs, which sorts each side once for several statistics).
MannWhitneyResult mann_whitney_u_sorted(std::span<const double> x, std::span<const double> y,
                                        MwuMethod method = MwuMethod::kAuto);

}  // namespace benchgate::stats
