// One-sample Hodges–Lehmann estimate and its Walsh-average confidence interval: hand-computed
// cases, published signed-rank critical values, a brute-force Python oracle and a coverage
// simulation.
#include "stats/walsh_interval.h"

#include <cmath>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "stats/signed_rank.h"
#include "tests/stats/python_oracle.h"

namespace benchgate::stats {
namespace {
using benchgate::testing::run_python_oracle;
using benchgate::testing::scipy_missing_reason;

TEST(WalshInterval, ThreeValuesHandComputed) {
  // x = 1 2 4. Walsh averages (x_i + x_j)/2, i <= j: 1 1.5 2.5 2 3 4 -> sorted 1 1.5 2 2.5 3 4;
  // N = 6, median (2 + 2.5)/2 = 2.25. n = 3: P(T+ <= 0) = 1/8, so at 75% (tail 1/8) k = 1 and
  // the interval is [W_(1), W_(6)] = [1, 4] with coverage exactly 75%.
  const std::vector<double> x{4, 1, 2};
  const WalshInterval at75 = walsh_interval(x, 0.75);
  EXPECT_DOUBLE_EQ(at75.estimate, 2.25);
  EXPECT_DOUBLE_EQ(at75.low, 1);
  EXPECT_DOUBLE_EQ(at75.high, 4);
  // 90%: even [min, max] covers only 75%: unbounded, never [1, 4].
  const WalshInterval at90 = walsh_interval(x, 0.90);
  EXPECT_DOUBLE_EQ(at90.estimate, 2.25);
  EXPECT_TRUE(std::isinf(at90.low) && at90.low < 0);
  EXPECT_TRUE(std::isinf(at90.high) && at90.high > 0);
}

TEST(WalshInterval, PowersOfTwoHandComputed) {
  // x = 1 2 4 .. 128 (n = 8): every pair sum 2^a + 2^b (a <= b) is distinct and the sums sort
  // by b: {2} {3 4} {5 6 8} {9 10 12 16} {17 18 20 24 32} {33 34 36 40 48 64} ... {.. 256}.
  // N = 36: the median averages sums #18 and #19, 36 and 40 -> Walsh (18 + 20)/2 = 19.
  // 90%: n = 8 has P(T+ <= 5) = 10/256 <= 0.05 < P(T+ <= 6) = 14/256, so k = 6:
  // W_(6) = 8/2 = 4 and W_(31) = the 6th largest sum 132 / 2 = 66.
  const std::vector<double> x{128, 1, 64, 2, 32, 4, 16, 8};
  const WalshInterval w = walsh_interval(x, 0.90);
  EXPECT_DOUBLE_EQ(w.estimate, 19);
  EXPECT_DOUBLE_EQ(w.low, 4);
  EXPECT_DOUBLE_EQ(w.high, 66);
}

TEST(WalshInterval, SingleValue) {
  // One Walsh average; no confidence is reachable with 2 sign patterns below 50%.
  const WalshInterval w = walsh_interval(std::vector<double>{3.5}, 0.9);
  EXPECT_EQ(w.estimate, 3.5);
  EXPECT_TRUE(std::isinf(w.low) && std::isinf(w.high));
}

TEST(WalshCiRank, PublishedCriticalValuesAndBoundaries) {
  // Two-sided 5% critical values T_crit of the signed-rank test (Siegel & Castellan, Table H):
  // n=6: 0, 8: 3, 12: 13, 20: 52, 30: 137. The CI rank is one above: k = T_crit + 1.
  EXPECT_EQ(walsh_ci_rank(6, 0.95), 1u);
  EXPECT_EQ(walsh_ci_rank(8, 0.95), 4u);
  EXPECT_EQ(walsh_ci_rank(12, 0.95), 14u);
  EXPECT_EQ(walsh_ci_rank(20, 0.95), 53u);
  EXPECT_EQ(walsh_ci_rank(30, 0.95), 138u);
  EXPECT_EQ(walsh_ci_rank(5, 0.95), 0u);  // 2/32 > 0.05: unbounded
  // n = 4 at 87.5%: tail exactly 1/16 = P(T+ <= 0), reached despite the rounding of 1 - 0.875.
  EXPECT_EQ(walsh_ci_rank(4, 0.875), 1u);
}

TEST(WalshCiRank, NormalApproximationAboveFifty) {
  // n = 60: N = 1830, sd = sqrt(60*61*121/24) = 135.839979; z(0.975) = 1.959964;
  // k = floor(915 + 0.5 - 1.959964 * 135.839979) = floor(649.2585) = 649.
  EXPECT_EQ(walsh_ci_rank(60, 0.95), 649u);
}

TEST(WalshInterval, RejectsBadInput) {
  EXPECT_THROW(walsh_interval(std::vector<double>{}, 0.9), std::invalid_argument);
  EXPECT_THROW(walsh_interval(std::vector<double>{1, std::nan("")}, 0.9), std::invalid_argument);
  EXPECT_THROW(walsh_ci_rank(10, 1.0), std::invalid_argument);
  EXPECT_THROW(walsh_ci_rank(10, 0.0), std::invalid_argument);
}

// Coverage by simulation: the interval must cover the centre of a symmetric distribution at
// least as often as promised (continuous data: exactly 1 - 2 P(T+ <= k-1), 95.75% for n = 12).
TEST(WalshInterval, CoverageBySimulation) {
  constexpr int kSamples = 2000;
  constexpr std::size_t kN = 12;
  constexpr double kCentre = 3.7;
  const double se = std::sqrt(0.95 * 0.05 / kSamples);
  const std::size_t k = walsh_ci_rank(kN, 0.95);
  const double promised = 1 - 2 * signed_rank_exact_cdf(kN, static_cast<double>(k) - 1);
  std::mt19937_64 rng(99);
  std::normal_distribution<double> normal(kCentre, 2.0);
  std::exponential_distribution<double> expo(1.0);  // difference of two: Laplace, heavy tails
  for (int dist = 0; dist < 2; ++dist) {
    int covered = 0;
    for (int s = 0; s < kSamples; ++s) {
      std::vector<double> x(kN);
      for (double& v : x) v = dist == 0 ? normal(rng) : kCentre + expo(rng) - expo(rng);
      const WalshInterval w = walsh_interval(x, 0.95);
      covered += w.low <= kCentre && kCentre <= w.high ? 1 : 0;
    }
    const double coverage = static_cast<double>(covered) / kSamples;
    EXPECT_GE(coverage, 0.95 - 3 * se) << "distribution " << dist;
    // Not wider than it needs to be either (an unbounded interval would cover always).
    EXPECT_LE(coverage, promised + 3 * se) << "distribution " << dist;
  }
}

// ---- brute-force oracle ----

// Reads "confidence;x1,x2,.." lines; prints "k estimate low high". The signed-rank null
// distribution comes from enumerating all 2^n sign patterns for n <= 14, from exact integer
// polynomial counts prod (1 + q^i) up to n = 50, and from scipy's normal quantile above; the
// rank k is chosen with exact rational arithmetic on the decimal confidence level.
constexpr const char* kOracle = R"PY(
import itertools, math, statistics, sys
from fractions import Fraction
from functools import lru_cache
from scipy import stats

@lru_cache(maxsize=None)
def null_counts(n):
    counts = [0] * (n * (n + 1) // 2 + 1)
    if n <= 14:
        for signs in itertools.product((0, 1), repeat=n):
            counts[sum(r for r, s in zip(range(1, n + 1), signs) if s)] += 1
        return counts
    c = [1]
    for i in range(1, n + 1):
        new = c + [0] * i
        for j, v in enumerate(c):
            new[j + i] += v
        c = new
    return c

def rank(n, conf):
    total = n * (n + 1) // 2
    tail = (1 - Fraction(conf)) / 2
    if n <= 50:
        bound = tail * 2 ** n
        k, cum = 0, 0
        for count in null_counts(n):  # k = how many s have P(T+ <= s) <= tail
            cum += count
            if cum > bound:
                break
            k += 1
        return k
    sd = math.sqrt(n * (n + 1) * (2 * n + 1) / 24)
    k = math.floor(total / 2 + 0.5 - stats.norm.isf(float(tail)) * sd)
    return max(k, 0)

for line in open(sys.argv[1]):
    conf, xs = line.rstrip('\n').split(';')
    x = [float(v) for v in xs.split(',')]
    n = len(x)
    w = sorted((x[i] + x[j]) / 2 for i in range(n) for j in range(i, n))
    k = rank(n, conf)
    low, high = (w[k - 1], w[len(w) - k]) if k > 0 else (-math.inf, math.inf)
    print(k, repr(statistics.median(w)), repr(low), repr(high))
)PY";

TEST(WalshIntervalOracle, AgreesWithBruteForce) {
  if (const std::string reason = scipy_missing_reason(); !reason.empty()) GTEST_SKIP() << reason;

  struct Case {
    double confidence;
    std::vector<double> x;
  };
  std::mt19937_64 rng(31337);
  std::uniform_int_distribution<std::size_t> size(1, 60);
  std::normal_distribution<double> value(0.01, 0.05);
  const double levels[] = {0.5, 0.8, 0.875, 0.9, 0.95, 0.99};
  std::vector<Case> cases;
  for (int i = 0; i < 300; ++i) {
    // Sizes 1..14 half of the time (brute-force enumeration), 1..60 otherwise; every fourth
    // sample on a coarse grid so that Walsh averages tie.
    const std::size_t n = i % 2 == 0 ? size(rng) % 14 + 1 : size(rng);
    std::vector<double> x(n);
    for (double& v : x) v = i % 4 == 3 ? std::round(value(rng) / 0.02) * 0.02 : value(rng);
    cases.push_back({levels[i % 6], x});
  }
  std::string input;
  for (const Case& c : cases) input += fmt::format("{};{}\n", c.confidence, fmt::join(c.x, ","));
  std::istringstream lines(run_python_oracle(kOracle, input));
  std::size_t checked = 0, unbounded = 0, large = 0;
  for (const Case& c : cases) {
    std::size_t k;
    std::string est, low, high;  // std::stod, unlike operator>>, reads "inf"
    ASSERT_TRUE(lines >> k >> est >> low >> high) << "oracle output ended early";
    const std::string label =
        fmt::format("case {} conf={} n={}", checked, c.confidence, c.x.size());
    EXPECT_EQ(walsh_ci_rank(c.x.size(), c.confidence), k) << label;
    const WalshInterval w = walsh_interval(c.x, c.confidence);
    // Values are order statistics or midpoints of the same doubles: equal to 1e-9 absolutely
    // (the data are of order 0.1), infinities exactly.
    EXPECT_NEAR(w.estimate, std::stod(est), 1e-9) << label;
    if (k == 0) {
      EXPECT_EQ(w.low, std::stod(low)) << label;
      EXPECT_EQ(w.high, std::stod(high)) << label;
    } else {
      EXPECT_NEAR(w.low, std::stod(low), 1e-9) << label;
      EXPECT_NEAR(w.high, std::stod(high), 1e-9) << label;
    }
    unbounded += k == 0 ? 1 : 0;
    large += c.x.size() > 50 ? 1 : 0;
    ++checked;
  }
  EXPECT_EQ(checked, cases.size());
  // Both the unbounded convention and the normal approximation must be exercised.
  EXPECT_GT(unbounded, 20u);
  EXPECT_GT(large, 10u);
}

}  // namespace
}  // namespace benchgate::stats
