#include "stats/mann_whitney.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "stats/distributions.h"
#include "stats/mann_whitney_exact.h"

namespace benchgate::stats {
namespace {

struct RankSums {
  double u1 = 0;
  double tie_term = 0;  // sum over groups of tied values of t^3 - t
  bool ties = false;
};

// U of x and the tie term from one merge of the two sorted samples: for each run of equal values,
// x's members beat every y value below the run and half of the y values inside it. Same result
// as ranking the pooled sample with average ranks, without building the ranks.
RankSums rank_sums_sorted(std::span<const double> x, std::span<const double> y) {
  RankSums r;
  std::size_t i = 0, j = 0;
  double ys_below = 0;
  while (i < x.size() || j < y.size()) {
    const double v = j == y.size() || (i < x.size() && x[i] < y[j]) ? x[i] : y[j];
    std::size_t cx = 0, cy = 0;
    while (i < x.size() && x[i] == v) ++i, ++cx;
    while (j < y.size() && y[j] == v) ++j, ++cy;
    r.u1 += static_cast<double>(cx) * (ys_below + static_cast<double>(cy) / 2);
    ys_below += static_cast<double>(cy);
    const auto t = static_cast<double>(cx + cy);
    if (t > 1) {
      r.ties = true;
      r.tie_term += t * t * t - t;
    }
  }
  return r;
}

double exact_p(double u, std::size_t m, std::size_t n) {
  // P(U_stat >= u) = P(U_stat <= mn - u) by symmetry, so only the lower tail is read (no
  // cancellation). scipy truncates a non-integer U (possible only with ties) to an integer.
  const auto k = static_cast<long long>(u);
  return 2 * mwu_exact_cdf(m, n, static_cast<long long>(m * n) - k);
}

double asymptotic_p(double u, std::size_t m, std::size_t n, double tie_term) {
  const double mn = static_cast<double>(m) * static_cast<double>(n);
  const double total = static_cast<double>(m + n);
  const double s = std::sqrt(mn / 12 * ((total + 1) - tie_term / (total * (total - 1))));
  // All values tied: no variance, no evidence of a difference.
  if (!(s > 0)) return 1.0;
  const double z = (u - mn / 2 - 0.5) / s;  // continuity correction towards the centre
  return 2 * boost::math::cdf(boost::math::complement(Normal(), z));
}

}  // namespace

MannWhitneyResult mann_whitney_u_sorted(std::span<const double> x, std::span<const double> y,
                                        MwuMethod method) {
  if (x.empty() || y.empty())
    throw std::invalid_argument("Mann-Whitney U test needs at least one value per sample");
  const std::size_t m = x.size(), n = y.size();
  const RankSums sums = rank_sums_sorted(x, y);
  if (method == MwuMethod::kAuto)
    method = !sums.ties && m <= kMwuExactMaxN && n <= kMwuExactMaxN ? MwuMethod::kExact
                                                                    : MwuMethod::kAsymptotic;
  // Two-sided: the larger of U1 and U2 = mn - U1, and twice its upper tail.
  const double u = std::max(sums.u1, static_cast<double>(m * n) - sums.u1);
  const double p =
      method == MwuMethod::kExact ? exact_p(u, m, n) : asymptotic_p(u, m, n, sums.tie_term);
  return {sums.u1, std::min(p, 1.0), method, sums.ties};
}

MannWhitneyResult mann_whitney_u(std::span<const double> x, std::span<const double> y,
                                 MwuMethod method) {
  auto sorted_without_nan = [](std::span<const double> v) {
    std::vector<double> out;
    out.reserve(v.size());
    for (double value : v)
      if (!std::isnan(value)) out.push_back(value);
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto xs = sorted_without_nan(x);
  const auto ys = sorted_without_nan(y);
  return mann_whitney_u_sorted(xs, ys, method);
}

}  // namespace benchgate::stats
