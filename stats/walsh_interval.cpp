#include "stats/walsh_interval.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "stats/distributions.h"
#include "stats/signed_rank.h"

namespace benchgate::stats {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

std::size_t walsh_ci_rank(std::size_t n, double confidence) {
  if (!(confidence > 0 && confidence < 1))
    throw std::invalid_argument("confidence level must lie strictly between 0 and 1");
  const std::size_t total = n * (n + 1) / 2;
  // Allowed probability outside on each side. The tiny allowance absorbs the rounding of
  // 1 - confidence (1 - 0.9 is 0.09999999999999998), so that exact boundaries such as n = 4 at
  // 87.5% (P(T+ <= 0) = 1/16) count as reached; it changes coverage by less than 1e-12.
  const double tail = (1 - confidence) / 2 + 1e-12;
  std::size_t k;
  if (n <= kSignedRankExactMaxN) {
    // Largest k with P(T+ <= k-1) <= tail: the first table entry above `tail` is at index k.
    const auto& cdf = signed_rank_exact_cdf_table(n);
    k = static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), tail) - cdf.begin());
  } else {
    // P(T+ <= k-1) ~ Phi((k - 1 + 0.5 - N/2) / sd) <= tail  <=>  k <= N/2 + 0.5 - z * sd.
    const auto count = static_cast<double>(n);
    const double sd = std::sqrt(count * (count + 1) * (2 * count + 1) / 24);
    const double z = boost::math::quantile(boost::math::complement(Normal(), tail));
    const double bound = std::floor(static_cast<double>(total) / 2 + 0.5 - z * sd);
    k = bound < 1 ? 0 : static_cast<std::size_t>(bound);
  }
  // A confidence near 0 could otherwise ask for a "low" rank above the "high" one.
  return std::min(k, (total + 1) / 2);
}

WalshInterval walsh_interval(std::span<const double> x, double confidence) {
  if (x.empty()) throw std::invalid_argument("Walsh interval needs at least one value");
  for (double v : x)
    if (std::isnan(v)) throw std::invalid_argument("Walsh interval got a NaN value");
  const std::size_t k = walsh_ci_rank(x.size(), confidence);
  std::vector<double> w;
  w.reserve(x.size() * (x.size() + 1) / 2);
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = i; j < x.size(); ++j) w.push_back((x[i] + x[j]) / 2);
  const std::size_t total = w.size();
  // Select the CI ranks first (0-based k-1 and N-k), then the middle within what lies between:
  // each nth_element narrows the range the next one has to search.
  WalshInterval result{0, -kInf, kInf};
  auto first = w.begin(), last = w.end();
  if (k > 0) {
    std::nth_element(w.begin(), w.begin() + (k - 1), w.end());
    result.low = w[k - 1];
    std::nth_element(w.begin() + (k - 1), w.begin() + (total - k), w.end());
    result.high = w[total - k];
    first = w.begin() + (k - 1);
    last = w.begin() + (total - k) + 1;
  }
  // k <= (N+1)/2, so both middle ranks lie in [k-1, N-k].
  const std::size_t hi = total / 2, lo = (total - 1) / 2;
  std::nth_element(first, w.begin() + hi, last);
  const double upper = w[hi];
  // The lower middle is the largest value before `hi` after the partition (or the same value).
  const double lower = lo == hi ? upper : *std::max_element(first, w.begin() + hi);
  result.estimate = (lower + upper) / 2;
  return result;
}

}  // namespace benchgate::stats
