#include "stats/signed_rank.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "stats/distributions.h"

namespace benchgate::stats {
namespace {

using Table = std::vector<double>;  // cumulative probabilities P(T+ <= k)

// The null distribution of T+ is the coefficient list of prod_{i=1..n} (1 + q^i) / 2: rank i is
// positive or not with probability 1/2 each. Like scipy's _get_wilcoxon_distr this works with
// probabilities (halving at each factor) rather than counts, so nothing overflows for any n and
// every step adds positive numbers only (small tails keep their relative precision).
std::unique_ptr<const Table> build_table(std::size_t n) {
  const std::size_t total = n * (n + 1) / 2;
  auto table = std::make_unique<Table>(total + 1, 0.0);
  Table& p = *table;
  p[0] = 1;
  for (std::size_t i = 1; i <= n; ++i)
    // In place from the top: p[j - i] still holds the previous factor's value when read.
    for (std::size_t j = i * (i + 1) / 2 + 1; j-- > 0;)
      p[j] = 0.5 * (p[j] + (j >= i ? p[j - i] : 0.0));
  for (std::size_t k = 1; k <= total; ++k) p[k] += p[k - 1];
  p[total] = 1;  // the sum of the pmf, up to rounding; exactly 1 by definition
  return table;
}

struct Ranks {
  double r_plus = 0, r_minus = 0;
  double tie_term = 0;  // sum over groups of tied |x| of t^3 - t
};

// Average ranks of |x| (x nonzero), summed by sign.
Ranks signed_rank_sums(std::vector<double> d) {
  std::sort(d.begin(), d.end(), [](double a, double b) { return std::fabs(a) < std::fabs(b); });
  Ranks r;
  for (std::size_t i = 0; i < d.size();) {
    std::size_t j = i;
    while (j < d.size() && std::fabs(d[j]) == std::fabs(d[i])) ++j;
    // Positions i..j-1 share the 1-based ranks i+1..j, whose average is (i + 1 + j) / 2.
    const double rank = static_cast<double>(i + 1 + j) / 2;
    for (std::size_t k = i; k < j; ++k) (d[k] > 0 ? r.r_plus : r.r_minus) += rank;
    const auto t = static_cast<double>(j - i);
    r.tie_term += t * t * t - t;
    i = j;
  }
  return r;
}

double exact_p(double r_plus, std::size_t n) {
  // scipy truncates r_plus to an integer (it is a half-integer only with ties, which the exact
  // method ignores) and doubles the smaller tail; the centre of the distribution gives 1.
  const auto r = static_cast<std::size_t>(r_plus);
  const std::size_t total = n * (n + 1) / 2;
  if (r == total / 2) return 1.0;
  const Table& cdf = signed_rank_exact_cdf_table(n);
  const double p_less = cdf[r];
  // P(T+ >= r) = P(T+ <= total - r) by symmetry: a lower tail, so no cancellation.
  const double p_greater = cdf[total - r];
  return std::min(1.0, 2 * std::min(p_less, p_greater));
}

double approx_p(double t, std::size_t n, double tie_term) {
  // Same expressions and order as scipy, so that rounding agrees as far as possible.
  const auto count = static_cast<double>(n);
  const double mn = count * (count + 1) * 0.25;
  double se = count * (count + 1) * (2 * count + 1);
  se -= 0.5 * tie_term;
  se = std::sqrt(se / 24);  // > 0 for n >= 1 even when all |x| are tied
  // Continuity correction towards the mean (0 when t is the mean).
  const double d = t > mn ? 0.5 : t < mn ? -0.5 : 0.0;
  const double z = (t - mn - d) / se;
  return 2 * boost::math::cdf(boost::math::complement(Normal(), std::fabs(z)));
}

}  // namespace

const std::vector<double>& signed_rank_exact_cdf_table(std::size_t n) {
  // Every benchmark at a look asks for the same few n: remember the last table per thread so that
  // the common case takes no lock.
  thread_local std::size_t last_n = 0;
  thread_local const Table* last = nullptr;
  if (last && last_n == n) return *last;
  // Never evicted (one table per n; n stays around a hundred), so references stay valid.
  static std::mutex mutex;
  static std::map<std::size_t, std::unique_ptr<const Table>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[n];
  if (!slot) slot = build_table(n);
  last_n = n;
  last = slot.get();
  return *slot;
}

double signed_rank_exact_cdf(std::size_t n, double k) {
  if (std::isnan(k)) throw std::invalid_argument("signed-rank CDF asked at NaN");
  if (k < 0) return 0.0;
  const std::size_t total = n * (n + 1) / 2;
  if (k >= static_cast<double>(total)) return 1.0;
  return signed_rank_exact_cdf_table(n)[static_cast<std::size_t>(k)];
}

SignedRankResult wilcoxon_signed_rank(std::span<const double> x, SignedRankMethod method) {
  std::vector<double> nonzero;
  nonzero.reserve(x.size());
  for (double v : x) {
    if (std::isnan(v)) throw std::invalid_argument("Wilcoxon signed-rank test got a NaN value");
    if (v != 0) nonzero.push_back(v);
  }
  const std::size_t n = nonzero.size();
  if (n == 0) return {};  // nothing but zeros: no evidence either way
  // scipy decides 'auto' on the full length (zeros included), then falls back from exact to the
  // approximation whenever there are zeros, even when exact was asked for.
  const bool zeros = n < x.size();
  const bool exact =
      !zeros && (method == SignedRankMethod::kExact ||
                 (method == SignedRankMethod::kAuto && x.size() <= kSignedRankExactMaxN));
  const Ranks r = signed_rank_sums(std::move(nonzero));
  const double t = std::min(r.r_plus, r.r_minus);
  const double p = exact ? exact_p(r.r_plus, n) : approx_p(t, n, r.tie_term);
  return {t, p, n, exact};
}

}  // namespace benchgate::stats
