#pragma once
// Two-sided Wilcoxon signed-rank test of one sample (e.g. per-round log ratios) against a centre
// of zero, with the conventions of scipy 1.10.1's
//   scipy.stats.wilcoxon(x, zero_method='wilcox', correction=True, alternative='two-sided',
//   method=M)
// so that results can be checked against it to 1e-9. The one deliberate difference: scipy raises
// (or returns NaN) when no value is nonzero; here that is "no evidence", p = 1.
#include <cstddef>
#include <span>
#include <vector>

namespace benchgate::stats {

enum class SignedRankMethod {
  kAuto,    // scipy's 'auto': exact when size() <= kSignedRankExactMaxN and no value is zero
  kExact,   // exact null distribution; still the approximation when some value is zero (scipy)
  kApprox,  // normal approximation with tie correction and continuity correction
};

// Largest sample size (zeros included, as scipy counts them) for which kAuto is exact.
inline constexpr std::size_t kSignedRankExactMaxN = 50;

struct SignedRankResult {
  double statistic = 0;  // min(W+, W-), sums of the average ranks of |x| among nonzero values
  double p_value = 1;    // two-sided, at most 1
  std::size_t n = 0;     // nonzero values used (zeros are dropped: zero_method='wilcox')
  bool exact = false;    // the exact distribution was used (false for n = 0: no test possible)
};

// Throws std::invalid_argument when some value is NaN.
SignedRankResult wilcoxon_signed_rank(std::span<const double> x,
                                      SignedRankMethod method = SignedRankMethod::kAuto);

// P(T+ <= k) under H0 for n nonzero, untied values (T+ = sum of the ranks of the positive
// values, each of the 2^n sign patterns equally likely); k is floored, k < 0 gives 0.
double signed_rank_exact_cdf(std::size_t n, double k);

// The whole table: element k is P(T+ <= k), k = 0..n(n+1)/2. Built once per n (O(n^3)) and
// cached for the life of the program, so the reference stays valid; safe from several threads.
const std::vector<double>& signed_rank_exact_cdf_table(std::size_t n);

}  // namespace benchgate::stats
