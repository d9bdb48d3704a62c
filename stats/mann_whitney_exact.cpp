#include "stats/mann_whitney_exact.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace benchgate::stats {
namespace {

// C(m+n, m), or 0 when it does not fit in 64 bits.
std::uint64_t binomial_or_zero(std::size_t m, std::size_t n) {
  std::uint64_t result = 1;
  for (std::size_t i = 1; i <= m; ++i) {
    // result * (n + i) / i is an integer at every step (it is C(n+i, i)).
    unsigned __int128 next = static_cast<unsigned __int128>(result) * (n + i) / i;
    if (next > UINT64_MAX) return 0;
    result = static_cast<std::uint64_t>(next);
  }
  return result;
}

// Number of interleavings with U = k, for k = 0..m*n. These counts are the coefficients of the
// Gaussian binomial coefficient [m+n choose m]_q = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i),
// which is the classic counting recursion f(m, n, k) = f(m-1, n, k-n) + f(m, n-1, k) solved one
// factor at a time: O(m * mn) work instead of O(m * n * mn).
//
// The arithmetic is modulo 2^64 on purpose: multiplying by (1 - q^a) and dividing by (1 - q^i)
// (a running sum) are exact ring operations, so intermediate "negative" coefficients wrap around
// and unwrap again; the final coefficients are exact because they are all <= C(m+n, m) < 2^64.
std::vector<std::uint64_t> u_counts(std::size_t m, std::size_t n) {
  const std::size_t size = m * n + 1;
  std::vector<std::uint64_t> c(size, 0);
  c[0] = 1;
  for (std::size_t i = 1; i <= m; ++i) {
    const std::size_t a = n + i;
    for (std::size_t k = size; k-- > a;) c[k] -= c[k - a];    // times (1 - q^a)
    for (std::size_t k = i; k < size; ++k) c[k] += c[k - i];  // divided by (1 - q^i)
  }
  return c;
}

using Table = std::vector<double>;  // cumulative probabilities P(U <= k)

std::unique_ptr<const Table> build_table(std::size_t m, std::size_t n) {
  const auto total = static_cast<double>(binomial_or_zero(m, n));
  const auto counts = u_counts(m, n);
  auto table = std::make_unique<Table>(counts.size());
  // Sum the counts exactly in integers and divide once, so the CDF has no accumulated rounding.
  std::uint64_t running = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    running += counts[k];
    (*table)[k] = static_cast<double>(running) / total;
  }
  return table;
}

}  // namespace

const std::vector<double>& mwu_exact_cdf_table(std::size_t m, std::size_t n) {
  if (!mwu_exact_available(m, n))
    throw std::invalid_argument(fmt::format(
        "exact Mann-Whitney distribution unavailable for sample sizes {} and {}", m, n));
  // The distribution of U is symmetric in (m, n): cache one table for both orders.
  if (m > n) std::swap(m, n);
  // A comparison asks for the same (m, n) thousands of times in a row: remember the last table
  // per thread so that the common case takes no lock.
  thread_local std::size_t last_m = 0, last_n = 0;
  thread_local const Table* last = nullptr;
  if (last && last_m == m && last_n == n) return *last;
  // Tables are never evicted (at most a few hundred small ones in practice), so references into
  // the cache stay valid for the life of the program.
  static std::mutex mutex;
  static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<const Table>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[{m, n}];
  if (!slot) slot = build_table(m, n);
  last_m = m;
  last_n = n;
  last = slot.get();
  return *slot;
}

bool mwu_exact_available(std::size_t m, std::size_t n) {
  if (m > 0 && n > 0 && m + n <= 62) return true;  // C(62, 31) ~ 4.6e17: always fits
  return m > 0 && n > 0 && binomial_or_zero(m, n) != 0;
}

double mwu_exact_cdf(std::size_t m, std::size_t n, long long k) {
  const Table& table = mwu_exact_cdf_table(m, n);
  if (k < 0) return 0.0;
  if (static_cast<std::size_t>(k) >= m * n) return 1.0;
  return table[static_cast<std::size_t>(k)];
}

}  // namespace benchgate::stats
