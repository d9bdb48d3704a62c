// Mann–Whitney U: exact null distribution and p-values computed by hand (counting interleavings).
#include "stats/mann_whitney.h"

#include <cmath>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "stats/mann_whitney_exact.h"

namespace benchgate::stats {
namespace {

// Counts of U over the C(m+n, m) equally likely interleavings, enumerated by hand:
// m = n = 2 (6 orders): xxyy U=0, xyxy 1, xyyx 2, yxxy 2, yxyx 3, yyxx 4 -> 1 1 2 1 1.
TEST(MannWhitneyExact, DistributionTwoByTwo) {
  const double counts[] = {1, 1, 2, 1, 1};
  double cumulative = 0;
  for (int k = 0; k <= 4; ++k) {
    cumulative += counts[k];
    EXPECT_DOUBLE_EQ(mwu_exact_cdf(2, 2, k), cumulative / 6) << "k=" << k;
  }
  EXPECT_EQ(mwu_exact_cdf(2, 2, -1), 0.0);
  EXPECT_EQ(mwu_exact_cdf(2, 2, 99), 1.0);
}

// m = 4, n = 3 (35 orders). Counts 1 1 2 3 4 4 5 4 4 3 2 1 1 (the coefficients of the Gaussian
// binomial [7 choose 3]_q, checked by listing the orders by number of inversions).
TEST(MannWhitneyExact, DistributionFourByThreeIsSymmetricInSizes) {
  const double counts[] = {1, 1, 2, 3, 4, 4, 5, 4, 4, 3, 2, 1, 1};
  double cumulative = 0;
  for (int k = 0; k <= 12; ++k) {
    cumulative += counts[k];
    EXPECT_DOUBLE_EQ(mwu_exact_cdf(4, 3, k), cumulative / 35) << "k=" << k;
    EXPECT_DOUBLE_EQ(mwu_exact_cdf(3, 4, k), cumulative / 35) << "k=" << k;
  }
}

TEST(MannWhitneyExact, CompleteSeparationTwoByTwo) {
  // x below y everywhere: U1 = 0, U = max(0, 4) = 4, p = 2 P(U >= 4) = 2 * 1/6 = 1/3.
  const auto r = mann_whitney_u(std::vector<double>{1, 2}, std::vector<double>{3, 4});
  EXPECT_EQ(r.u1, 0);
  EXPECT_EQ(r.method, MwuMethod::kExact);
  EXPECT_FALSE(r.ties);
  EXPECT_DOUBLE_EQ(r.p_value, 1.0 / 3);
}

TEST(MannWhitneyExact, ThreeByThree) {
  // x = 1 2 4, y = 3 5 6: only 4 > 3, so U1 = 1, U = max(1, 8) = 8.
  // m = n = 3 counts 1 1 2 3 3 3 3 2 1 1 (20 orders): P(U >= 8) = P(U <= 1) = 2/20, p = 0.2.
  const auto r = mann_whitney_u(std::vector<double>{4, 1, 2}, std::vector<double>{6, 3, 5});
  EXPECT_EQ(r.u1, 1);
  EXPECT_DOUBLE_EQ(r.p_value, 0.2);
}

TEST(MannWhitneyExact, FourByThree) {
  // x = 1 5 6 7, y = 2 3 4: 1 beats nothing, 5 6 7 beat all three: U1 = 9, U2 = 3, U = 9.
  // P(U >= 9) = P(U <= 3) = (1 + 1 + 2 + 3) / 35 = 0.2, p = 0.4.
  const auto r = mann_whitney_u(std::vector<double>{1, 5, 6, 7}, std::vector<double>{2, 3, 4});
  EXPECT_EQ(r.u1, 9);
  EXPECT_DOUBLE_EQ(r.p_value, 0.4);
}

TEST(MannWhitneyExact, IdenticalSamplesGiveOne) {
  // U1 = U2 = mn/2: 2 P(U >= 2) for 2x2 = 2 * 4/6 > 1, clipped.
  const auto r = mann_whitney_u(std::vector<double>{1, 4}, std::vector<double>{2, 3});
  EXPECT_EQ(r.u1, 2);
  EXPECT_EQ(r.p_value, 1.0);
}

TEST(MannWhitneyAsymptotic, TiesHandComputed) {
  // x = 1 2 2, y = 2 3 3. Pooled ranks: 1 -> 1; the three 2s -> (2+3+4)/3 = 3; the two 3s -> 5.5.
  // R1 = 1 + 3 + 3 = 7, U1 = 7 - 3*4/2 = 1, U = max(1, 8) = 8, mn/2 = 4.5.
  // Tie term: (27 - 3) + (8 - 2) = 30; N = 6: s = sqrt(9/12 * (7 - 30/30)) = sqrt(4.5).
  // z = (8 - 4.5 - 0.5) / sqrt(4.5) = sqrt(2); p = 2 * (1 - Phi(sqrt 2)) = erfc(1).
  const auto r = mann_whitney_u(std::vector<double>{1, 2, 2}, std::vector<double>{2, 3, 3});
  EXPECT_EQ(r.u1, 1);
  EXPECT_TRUE(r.ties);
  EXPECT_EQ(r.method, MwuMethod::kAsymptotic);  // auto: ties rule out the exact distribution
  EXPECT_NEAR(r.p_value, std::erfc(1.0), 1e-14);
}

TEST(MannWhitneyAsymptotic, AllTiedGivesOne) {
  const auto r = mann_whitney_u(std::vector<double>{5, 5, 5}, std::vector<double>{5, 5});
  EXPECT_EQ(r.p_value, 1.0);
}

TEST(MannWhitney, AutoUsesExactUpToTwentyPerSide) {
  std::vector<double> x(20), y(21);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(2 * i);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<double>(2 * i + 1);
  EXPECT_EQ(mann_whitney_u(x, std::span(y).first(20)).method, MwuMethod::kExact);
  EXPECT_EQ(mann_whitney_u(x, y).method, MwuMethod::kAsymptotic);
}

TEST(MannWhitney, NaNIsSkippedAndEmptyIsRejected) {
  const double nan = std::nan("");
  const auto r = mann_whitney_u(std::vector<double>{1, nan, 2}, std::vector<double>{3, 4, nan});
  EXPECT_DOUBLE_EQ(r.p_value, 1.0 / 3);  // as CompleteSeparationTwoByTwo
  EXPECT_THROW(mann_whitney_u(std::vector<double>{nan}, std::vector<double>{1}),
               std::invalid_argument);
}

TEST(MannWhitneyExact, TooLargeForExactCountsIsRefused) {
  EXPECT_TRUE(mwu_exact_available(33, 33));   // C(66, 33) ~ 7.2e18 < 2^64
  EXPECT_FALSE(mwu_exact_available(40, 40));  // C(80, 40) ~ 1.1e23
  EXPECT_THROW(mwu_exact_cdf(40, 40, 3), std::invalid_argument);
}

TEST(MannWhitneyExact, LargestTableAgreesWithItsSymmetry) {
  // P(U <= k) + P(U <= mn - k - 1) = 1 for a symmetric distribution: a check on the wrap-around
  // arithmetic at the largest table that fits in 64 bits.
  for (long long k : {0LL, 100LL, 500LL, 1088LL})
    EXPECT_NEAR(mwu_exact_cdf(33, 33, k) + mwu_exact_cdf(33, 33, 33 * 33 - k - 1), 1.0, 1e-12);
}

TEST(MannWhitneyExact, CacheIsSafeAcrossThreads) {
  // Several threads asking for fresh tables at once must all see the same, complete numbers.
  std::vector<std::thread> threads;
  std::vector<double> seen(8);
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      double sum = 0;
      for (std::size_t m = 2; m <= 18; ++m) sum += mwu_exact_cdf(m, 19 - (t % 2), 10);
      seen[t] = sum;
    });
  for (auto& th : threads) th.join();
  for (std::size_t t = 2; t < seen.size(); ++t) EXPECT_EQ(seen[t], seen[t % 2]);
}

}  // namespace
}  // namespace benchgate::stats
