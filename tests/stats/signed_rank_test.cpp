// Wilcoxon signed-rank test: hand-computed cases, published critical values, and scipy 1.10.1
// (Debian's python3-scipy) as the independent oracle on random samples.
#include "stats/signed_rank.h"

#include <cmath>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/stats/python_oracle.h"

namespace benchgate::stats {
namespace {
using benchgate::testing::run_python_oracle;
using benchgate::testing::scipy_missing_reason;

// The null distribution of T+ for n = 5, by listing the subsets of {1..5} by their sum s:
//   s     0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
//   count 1 1 1 2 2 3 3 3 3 3  3  2  2  1  1  1   (32 in all)
TEST(SignedRankExactCdf, NEqualsFiveByEnumeration) {
  EXPECT_DOUBLE_EQ(signed_rank_exact_cdf(5, 0), 1.0 / 32);
  EXPECT_DOUBLE_EQ(signed_rank_exact_cdf(5, 2), 3.0 / 32);
  EXPECT_DOUBLE_EQ(signed_rank_exact_cdf(5, 6), 13.0 / 32);
  EXPECT_DOUBLE_EQ(signed_rank_exact_cdf(5, 6.5), 13.0 / 32);  // k is floored
  EXPECT_DOUBLE_EQ(signed_rank_exact_cdf(5, 7), 16.0 / 32);
  EXPECT_DOUBLE_EQ(signed_rank_exact_cdf(5, 14), 31.0 / 32);
  EXPECT_EQ(signed_rank_exact_cdf(5, 15), 1.0);
  EXPECT_EQ(signed_rank_exact_cdf(5, -1), 0.0);
  EXPECT_EQ(signed_rank_exact_cdf(0, 0), 1.0);  // no values: T+ = 0 surely
}

TEST(SignedRankExactCdf, PublishedTwoSidedFivePercentCriticalValues) {
  // Critical values T_crit of the two-sided 5% test (e.g. Siegel & Castellan, Table H): the
  // largest T with P(T+ <= T) <= 0.025.
  const std::pair<std::size_t, double> table[] = {{6, 0},   {8, 3},   {10, 8},  {12, 13},
                                                  {15, 25}, {20, 52}, {25, 89}, {30, 137}};
  for (const auto& [n, crit] : table) {
    EXPECT_LE(signed_rank_exact_cdf(n, crit), 0.025) << "n=" << n;
    EXPECT_GT(signed_rank_exact_cdf(n, crit + 1), 0.025) << "n=" << n;
  }
}

TEST(SignedRankExactCdf, LargeNStaysSymmetricAndFinite) {
  // P(T+ <= k) + P(T+ <= N-k-1) = 1 by the symmetry T+ <-> N - T+; n = 100 has 2^100 patterns.
  const std::size_t n = 100, total = n * (n + 1) / 2;
  for (std::size_t k : {0u, 1000u, 2000u, 2524u, 2525u, 4000u})
    EXPECT_NEAR(signed_rank_exact_cdf(n, k) + signed_rank_exact_cdf(n, total - k - 1), 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(signed_rank_exact_cdf(n, 0), std::ldexp(1.0, -100));
}

TEST(SignedRank, AllPositiveFiveIsTheSmallestExactP) {
  // T+ = 15 of 15: only one of 32 patterns is as extreme on each side, p = 2/32.
  const auto r = wilcoxon_signed_rank(std::vector<double>{0.3, 1.1, 0.2, 4.0, 0.5});
  EXPECT_EQ(r.statistic, 0);
  EXPECT_DOUBLE_EQ(r.p_value, 0.0625);
  EXPECT_EQ(r.n, 5u);
  EXPECT_TRUE(r.exact);
}

TEST(SignedRank, MixedSignsExactAndApprox) {
  // x = 1.5 -0.5 2 3 -4: |x| ranks 2 1 3 4 5; W+ = 2+3+4 = 9, W- = 1+5 = 6, T = 6.
  // Exact: 2 P(T+ >= 9) = 2 P(T+ <= 6) = 2 * 13/32 = 0.8125.
  // Approx: mean 5*6/4 = 7.5, sd = sqrt(5*6*11/24) = 3.70809924; T - mean = -1.5 is corrected by
  // +0.5: z = -1/3.70809924 = -0.26967994, p = erfc(0.26967994/sqrt 2) = 0.78740649066627.
  const std::vector<double> x{1.5, -0.5, 2, 3, -4};
  const auto exact = wilcoxon_signed_rank(x, SignedRankMethod::kExact);
  EXPECT_EQ(exact.statistic, 6);
  EXPECT_DOUBLE_EQ(exact.p_value, 0.8125);
  const auto approx = wilcoxon_signed_rank(x, SignedRankMethod::kApprox);
  EXPECT_EQ(approx.statistic, 6);
  EXPECT_NEAR(approx.p_value, 0.7874064906662693, 1e-12);
  EXPECT_FALSE(approx.exact);
}

TEST(SignedRank, ExactWithTiesTruncatesRPlusLikeScipy) {
  // x = -1 1 2 3 4: |x| ranks 1.5 1.5 3 4 5; W+ = 13.5, W- = 1.5, T = 1.5. scipy's exact method
  // takes int(13.5) = 13: p = 2 P(T+ >= 13) = 2 P(T+ <= 2) = 2 * 3/32 = 0.1875 (rounding up to
  // 14 would give 0.125).
  const auto r = wilcoxon_signed_rank(std::vector<double>{-1, 1, 2, 3, 4});
  EXPECT_EQ(r.statistic, 1.5);
  EXPECT_DOUBLE_EQ(r.p_value, 0.1875);
  EXPECT_TRUE(r.exact);
}

TEST(SignedRank, ZerosAreDroppedAndForceTheApproximation) {
  // x = 0 1 -1 2 2 -3: the zero is dropped (n = 5); |x| ranks 1.5 1.5 3.5 3.5 5;
  // W+ = 1.5+3.5+3.5 = 8.5, W- = 1.5+5 = 6.5, T = 6.5. Even method=exact uses the approximation
  // (scipy). Tie groups (2, 2): variance sum 5*6*11 - 0.5*(6 + 6) = 324, sd = sqrt(324/24) =
  // 3.67423461; z = (6.5 - 7.5 + 0.5)/sd = -0.13608276, p = 0.89175585350679.
  const std::vector<double> x{0, 1, -1, 2, 2, -3};
  for (auto m : {SignedRankMethod::kAuto, SignedRankMethod::kExact}) {
    const auto r = wilcoxon_signed_rank(x, m);
    EXPECT_EQ(r.n, 5u);
    EXPECT_FALSE(r.exact);
    EXPECT_EQ(r.statistic, 6.5);
    EXPECT_NEAR(r.p_value, 0.8917558535067943, 1e-12);
  }
}

TEST(SignedRank, SingleValueAndNothingButZeros) {
  // n = 1: T+ is 0 or 1 with probability 1/2 each; doubling the smaller tail exceeds 1 -> 1.
  // Approx: mean 0.5, sd 0.5, T = 0 corrected by +0.5 -> z = 0 -> p = 1.
  for (double v : {2.0, -2.0})
    for (auto m : {SignedRankMethod::kExact, SignedRankMethod::kApprox}) {
      const auto r = wilcoxon_signed_rank(std::vector<double>{v}, m);
      EXPECT_EQ(r.statistic, 0);
      EXPECT_EQ(r.p_value, 1.0);
      EXPECT_EQ(r.n, 1u);
    }
  for (const std::vector<double>& zeros :
       {std::vector<double>{}, std::vector<double>{0, 0, -0.0}}) {
    const auto r = wilcoxon_signed_rank(zeros);
    EXPECT_EQ(r.n, 0u);
    EXPECT_EQ(r.p_value, 1.0);
    EXPECT_EQ(r.statistic, 0);
  }
}

TEST(SignedRank, AutoIsExactUpToFiftyValuesWithoutZeros) {
  std::vector<double> x;
  for (int i = 1; i <= 51; ++i) x.push_back(i % 3 == 0 ? -i : i);
  EXPECT_FALSE(wilcoxon_signed_rank(x).exact);  // 51 values
  x.pop_back();
  EXPECT_TRUE(wilcoxon_signed_rank(x).exact);  // 50 values
  x.back() = 0;
  EXPECT_FALSE(wilcoxon_signed_rank(x).exact);  // a zero
}

TEST(SignedRank, RejectsNaN) {
  EXPECT_THROW(wilcoxon_signed_rank(std::vector<double>{1, std::nan(""), 2}),
               std::invalid_argument);
}

// ---- scipy oracle ----

// Reads "method;x1,x2,.." lines and prints "statistic pvalue" per line with repr() (shortest
// exact round trip), or "nan nan" when scipy refuses (all values zero).
constexpr const char* kOracle = R"PY(
import sys, warnings
from scipy import stats
warnings.simplefilter('ignore')
for line in open(sys.argv[1]):
    method, xs = line.rstrip('\n').split(';')
    x = [float(v) for v in xs.split(',')]
    try:
        r = stats.wilcoxon(x, zero_method='wilcox', correction=True,
                           alternative='two-sided', method=method)
        print(repr(float(r.statistic)), repr(float(r.pvalue)))
    except ValueError:
        print('nan nan')
)PY";

struct Case {
  SignedRankMethod method;
  std::vector<double> x;
};

const char* scipy_name(SignedRankMethod m) {
  return m == SignedRankMethod::kExact    ? "exact"
         : m == SignedRankMethod::kApprox ? "approx"
                                          : "auto";
}

// `grid` > 0 rounds to multiples of it: ties among |x| and exact zeros become common.
std::vector<double> draw(std::mt19937_64& rng, std::size_t n, double shift, double grid) {
  std::normal_distribution<double> dist(shift, 0.05);
  std::vector<double> v(n);
  for (double& value : v) {
    value = dist(rng);
    if (grid > 0) value = std::round(value / grid) * grid;
  }
  return v;
}

std::vector<Case> random_cases(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> size(1, 60);
  std::uniform_real_distribution<double> shift(-0.04, 0.04);
  const SignedRankMethod methods[] = {SignedRankMethod::kExact, SignedRankMethod::kApprox,
                                      SignedRankMethod::kAuto};
  std::vector<Case> cases;
  for (int i = 0; i < 600; ++i) {
    const SignedRankMethod m = methods[i % 3];
    const int kind = (i / 3) % 3;  // continuous, coarse grid (ties, zeros), grid without zeros
    std::vector<double> x = draw(rng, size(rng), shift(rng), kind == 0 ? 0 : 0.02);
    if (kind == 2)
      for (double& v : x)
        if (v == 0) v = 0.02;
    cases.push_back({m, x});
  }
  // Around the 50-value threshold of 'auto', and samples with nothing but zeros.
  for (std::size_t n = 45; n <= 56; ++n)
    cases.push_back({SignedRankMethod::kAuto, draw(rng, n, 0.02, 0)});
  for (auto m : methods) cases.push_back({m, std::vector<double>(7, 0.0)});
  return cases;
}

TEST(SignedRankScipyOracle, AgreesOnRandomSamples) {
  if (const std::string reason = scipy_missing_reason(); !reason.empty()) GTEST_SKIP() << reason;

  std::mt19937_64 rng(20240612);
  const auto cases = random_cases(rng);
  std::string input;
  for (const Case& c : cases)
    input += fmt::format("{};{}\n", scipy_name(c.method), fmt::join(c.x, ","));
  std::istringstream lines(run_python_oracle(kOracle, input));
  std::vector<std::pair<double, double>> answers;
  std::string stat, p;  // std::stod, unlike operator>>, reads "nan"
  while (lines >> stat >> p) answers.emplace_back(std::stod(stat), std::stod(p));
  ASSERT_EQ(answers.size(), cases.size());

  std::size_t exact = 0, approx = 0, tied = 0, zeros = 0, small_p = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const auto [want_stat, want_p] = answers[i];
    const auto ours = wilcoxon_signed_rank(c.x, c.method);
    const std::string label = fmt::format("case {} method={} size={} x={}", i, scipy_name(c.method),
                                          c.x.size(), fmt::join(c.x, ","));
    if (std::isnan(want_p)) {  // scipy refuses an all-zero sample; we report no evidence
      EXPECT_EQ(ours.n, 0u) << label;
      EXPECT_EQ(ours.p_value, 1.0) << label;
      continue;
    }
    // The statistic is a sum of half-integers, exact in double: it must be equal. The p-value
    // must agree to 1e-9 absolutely and, so that small tails are checked too, relatively.
    EXPECT_EQ(ours.statistic, want_stat) << label;
    EXPECT_NEAR(ours.p_value, want_p, 1e-9) << label;
    EXPECT_NEAR(ours.p_value, want_p, 1e-9 * want_p) << label;
    (ours.exact ? exact : approx) += 1;
    std::vector<double> mags;
    for (double v : c.x)
      if (v != 0) mags.push_back(std::fabs(v));
    std::sort(mags.begin(), mags.end());
    tied += std::adjacent_find(mags.begin(), mags.end()) != mags.end() ? 1 : 0;
    zeros += ours.n < c.x.size() ? 1 : 0;
    small_p += want_p < 0.01 ? 1 : 0;
  }
  // The random cases must really cover every path, or the comparison is weak.
  EXPECT_GT(exact, 150u);
  EXPECT_GT(approx, 250u);
  EXPECT_GT(tied, 250u);
  EXPECT_GT(zeros, 60u);
  EXPECT_GT(small_p, 60u);
}

}  // namespace
}  // namespace benchgate::stats
