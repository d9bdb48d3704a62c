#pragma once
// One-sample Hodges–Lehmann estimate of the centre of a symmetric distribution (the median of the
// n(n+1)/2 Walsh averages (x_i + x_j) / 2, i <= j) with its distribution-free confidence
// interval: order statistics of the same averages, at ranks given by the signed-rank null
// distribution (Hollander & Wolfe, §3.3: the interval that inverts the signed-rank test).
#include <cstddef>
#include <span>

namespace benchgate::stats {

struct WalshInterval {
  double estimate = 0;  // median of the Walsh averages (mean of the middle two when N is even)
  double low = 0;       // W_(k), or -inf when k = 0
  double high = 0;      // W_(N+1-k), or +inf when k = 0
};

// The 1-based rank k such that [W_(k), W_(N+1-k)], N = n(n+1)/2, covers the centre with
// probability >= `confidence` (exactly 1 - 2 P(T+ <= k-1) for continuous symmetric data). Uses
// the exact T+ distribution for n <= kSignedRankExactMaxN (50), the normal approximation with
// continuity correction above. 0 means that even [min, max] is not enough: unbounded interval.
// Throws std::invalid_argument unless 0 < confidence < 1.
std::size_t walsh_ci_rank(std::size_t n, double confidence);

// `x` must be non-empty and free of NaN (else std::invalid_argument); any order. The interval is
// (-inf, +inf) when n is too small for `confidence` — never silently narrower (the same convention
// as hodges_lehmann_shift). O(n^2) memory and time: meant for n up to a few hundred.
WalshInterval walsh_interval(std::span<const double> x, double confidence);

}  // namespace benchgate::stats
