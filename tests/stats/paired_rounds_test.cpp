// The interleaved analysis of one benchmark (stats/paired_rounds.h): the 2x2 crossover's position
// effect by hand, and the whole analysis against an independent Python implementation (numpy for
// the Hodges–Lehmann shift and the Walsh averages, scipy's wilcoxon for the test).
#include "stats/paired_rounds.h"

#include <cmath>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "stats/clusters.h"
#include "tests/stats/python_oracle.h"

namespace benchgate::stats {
namespace {

TEST(PairedRounds, ThePositionEffectOfABalancedDesignIsRemovedExactly) {
  // theta = log 1.10, pi = log 1.04 (second runs 4% slower), no other noise:
  // head second -> d = theta + pi; head first -> d = theta - pi.
  std::vector<RoundPair> rounds;
  for (int i = 1; i <= 8; ++i) {
    const bool head_second = i % 2 == 0;
    const double d = std::log(1.10) + (head_second ? 1 : -1) * std::log(1.04);
    rounds.push_back(
        {.round = i, .base = 50, .head = 50 * std::exp(d), .head_second = head_second});
  }
  const auto a = analyse_paired_rounds(rounds, 0.95);
  EXPECT_TRUE(a.position_adjusted);
  EXPECT_NEAR(a.position_log, std::log(1.04), 1e-12);
  EXPECT_NEAR(a.log_ratio, std::log(1.10), 1e-12);
  EXPECT_NEAR(a.log_sd, 0, 1e-12);
}

TEST(PairedRounds, OneOrderOnlyCannotBeAdjusted) {
  const std::vector<RoundPair> rounds = {{1, 10, 11, true}, {2, 10, 12, true}, {3, 10, 11.5, true}};
  const auto a = analyse_paired_rounds(rounds, 0.5);
  EXPECT_FALSE(a.position_adjusted);
  EXPECT_EQ(a.position_log, 0);
  // Walsh averages of l1 = log 1.1, l2 = log 1.2, l3 = log 1.15, sorted: l1, (l1+l3)/2,
  // (l1+l2)/2, l3, (l2+l3)/2, l2; the median is the mean of the middle two.
  const double l1 = std::log(1.1), l2 = std::log(1.2), l3 = std::log(1.15);
  EXPECT_NEAR(a.log_ratio, ((l1 + l2) / 2 + l3) / 2, 1e-12);
  EXPECT_THROW(analyse_paired_rounds(std::vector<RoundPair>{{1, 0, 1, true}}, 0.9),
               std::invalid_argument);
  EXPECT_THROW(analyse_paired_rounds(std::vector<RoundPair>{}, 0.9), std::invalid_argument);
}

constexpr const char* kOracle = R"PY(
import sys, numpy as np
from scipy import stats
for line in open(sys.argv[1]):
    fields = line.split()
    conf = float(fields[0])
    rows = [tuple(map(float, f.split(','))) for f in fields[1:]]
    d = np.array([np.log(h) - np.log(b) for b, h, s in rows])
    second = np.array([s == 1 for b, h, s in rows])
    pi = np.median(np.subtract.outer(d[second], d[~second]).ravel()) / 2
    adj = d - np.where(second, pi, -pi)
    n = len(adj)
    walsh = np.sort([(adj[i] + adj[j]) / 2 for i in range(n) for j in range(i, n)])
    p = stats.wilcoxon(adj, zero_method='wilcox', correction=True, method='auto').pvalue
    print(repr(float(pi)), repr(float(np.median(walsh))), repr(float(p)))
)PY";

TEST(PairedRounds, AgreesWithAnIndependentPythonImplementation) {
  if (const auto why = testing::scipy_missing_reason(); !why.empty()) GTEST_SKIP() << why;
  std::mt19937_64 rng(20261205);
  std::normal_distribution<double> noise(0, 0.05);
  std::student_t_distribution<double> tails(2.5);
  std::vector<std::vector<RoundPair>> cases;
  std::string input;
  for (int c = 0; c < 120; ++c) {
    const int n = 6 + c % 30;
    std::vector<RoundPair> rounds;
    std::string line = "0.95";
    for (int i = 1; i <= n; ++i) {
      const bool head_second = (i + c) % 2 == 0;
      const double base = 100 * std::exp(noise(rng));
      const double head =
          base * std::exp(0.03 * (c % 3) + (head_second ? 0.02 : -0.02) + 0.03 * tails(rng));
      rounds.push_back({.round = i, .base = base, .head = head, .head_second = head_second});
      line += fmt::format(" {:.17g},{:.17g},{}", base, head, head_second ? 1 : 0);
    }
    cases.push_back(rounds);
    input += line + "\n";
  }
  std::istringstream out(testing::run_python_oracle(kOracle, input));
  for (const auto& rounds : cases) {
    double pi = 0, estimate = 0, p = 0;
    ASSERT_TRUE(out >> pi >> estimate >> p);
    const auto a = analyse_paired_rounds(rounds, 0.95);
    EXPECT_NEAR(a.position_log, pi, 1e-12);
    EXPECT_NEAR(a.log_ratio, estimate, 1e-12);
    EXPECT_NEAR(a.p_value, p, 1e-9 * std::max(1.0, p));
  }
}

TEST(TwoClusters, FindsTwoStatesAndNotOrdinarySpread) {
  // The example suite's BM_StringJoin on this machine, unpinned: ~1.1 us on one CPU, ~1.8 us on
  // the other.
  const std::vector<double> two = {1110, 1830, 1830, 1090, 1090, 1820, 1910, 1750,
                                   1280, 2080, 1180, 1270, 1850, 1230, 1150, 1220};
  const auto c = two_clusters(two);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->low_count, 9u);
  EXPECT_EQ(c->high_count, 7u);
  EXPECT_NEAR(c->low, 1180, 1e-9);  // the medians of the two groups
  EXPECT_NEAR(c->high, 1830, 1e-9);
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0, 0.05);
  int found = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<double> one;
    for (int i = 0; i < 16; ++i) one.push_back(1000 * std::exp(noise(rng)));
    found += two_clusters(one).has_value();
  }
  EXPECT_LE(found, 2) << "5% lognormal noise is one cluster";
  EXPECT_FALSE(two_clusters(std::vector<double>{1, 2, 3}).has_value());
}

}  // namespace
}  // namespace benchgate::stats
