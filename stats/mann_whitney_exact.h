#pragma once
// The exact null distribution of the Mann–Whitney U statistic for sample sizes m and n (no ties):
// every one of the C(m+n, m) ways to interleave the two samples is equally likely.
#include <cstddef>
#include <vector>

namespace benchgate::stats {

// Whether the exact distribution for (m, n) can be computed exactly with 64-bit counts.
bool mwu_exact_available(std::size_t m, std::size_t n);

// P(U <= k) under the null hypothesis, for U in 0..m*n (k < 0 gives 0, k >= m*n gives 1).
// Tables are built once per (m, n) and cached; safe to call from several threads.
// Throws std::invalid_argument when !mwu_exact_available(m, n).
double mwu_exact_cdf(std::size_t m, std::size_t n, long long k);

// The whole table: element k is P(U <= k), k = 0..m*n. The reference stays valid for the life of
// the program (tables are cached, never evicted). Throws like mwu_exact_cdf.
const std::vector<double>& mwu_exact_cdf_table(std::size_t m, std::size_t n);

}  // namespace benchgate::stats
