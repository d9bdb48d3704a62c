// Group-sequential boundaries against two independent oracles: published Lan–DeMets boundaries
// (Jennison & Turnbull 2000, table 7.5 / gsDesign) and scipy's multivariate normal CDF, which
// gives the probability of crossing under no change for whatever boundaries we computed.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "stats/sequential_boundaries.h"
#include "tests/support/process.h"

namespace benchgate::stats {
namespace {

const std::vector<double> kFiveEqualLooks = {0.2, 0.4, 0.6, 0.8, 1.0};

TEST(SequentialBoundaries, OBrienFlemingFiveLooksMatchPublishedValues) {
  // gsDesign::gsDesign(k = 5, test.type = 2, alpha = 0.025, sfu = sfLDOF)$upper$bound
  const std::vector<double> published = {4.8769, 3.3569, 2.6803, 2.2898, 2.0310};
  auto c = group_sequential_boundaries(SpendingFunction::kOBrienFleming, 0.05, kFiveEqualLooks);
  ASSERT_EQ(c.size(), published.size());
  for (std::size_t k = 0; k < c.size(); ++k) EXPECT_NEAR(c[k], published[k], 2e-3) << "look " << k;
}

TEST(SequentialBoundaries, PocockFiveLooksMatchPublishedValues) {
  // gsDesign::gsDesign(k = 5, test.type = 2, alpha = 0.025, sfu = sfLDPocock)$upper$bound
  const std::vector<double> published = {2.4380, 2.4268, 2.4101, 2.3966, 2.3859};
  auto c = group_sequential_boundaries(SpendingFunction::kPocock, 0.05, kFiveEqualLooks);
  for (std::size_t k = 0; k < c.size(); ++k) EXPECT_NEAR(c[k], published[k], 2e-3) << "look " << k;
}

TEST(SequentialBoundaries, OneLookIsTheFixedSampleTest) {
  const std::vector<double> one = {1.0};
  for (auto f : {SpendingFunction::kOBrienFleming, SpendingFunction::kPocock}) {
    auto c = group_sequential_boundaries(f, 0.05, one);
    EXPECT_NEAR(c[0], 1.959963985, 1e-6);
    EXPECT_NEAR(nominal_level(c[0]), 0.05, 1e-8);
  }
}

TEST(SequentialBoundaries, SpendingFunctionsSpendAlphaByTheEnd) {
  EXPECT_DOUBLE_EQ(alpha_spent(SpendingFunction::kOBrienFleming, 0.05, 1.0), 0.05);
  EXPECT_DOUBLE_EQ(alpha_spent(SpendingFunction::kPocock, 0.05, 1.0), 0.05);
  EXPECT_EQ(alpha_spent(SpendingFunction::kPocock, 0.05, 0.0), 0.0);
  // O'Brien–Fleming spends almost nothing at a quarter of the information.
  EXPECT_LT(alpha_spent(SpendingFunction::kOBrienFleming, 0.05, 0.25), 1e-4);
}

TEST(SequentialBoundaries, RejectsBadSchedules) {
  const std::vector<double> decreasing = {0.5, 0.4}, beyond = {0.5, 1.2}, zero = {0.0, 1.0};
  for (const auto* s : {&decreasing, &beyond, &zero})
    EXPECT_THROW(group_sequential_boundaries(SpendingFunction::kPocock, 0.05, *s),
                 std::invalid_argument);
  const std::vector<double> fine = {1.0};
  EXPECT_THROW(group_sequential_boundaries(SpendingFunction::kPocock, 1.5, fine),
               std::invalid_argument);
}

// P(some |Z_j| >= c_j, j <= k) under no change, from scipy's multivariate normal CDF of the
// canonical joint distribution (corr(Z_i, Z_j) = sqrt(t_i / t_j)), must equal alpha spent by t_k.
void check_against_scipy(SpendingFunction f, double alpha, const std::vector<double>& t) {
  auto c = group_sequential_boundaries(f, alpha, t);
  std::string script = R"(
import sys, json, numpy as np
from scipy.stats import multivariate_normal
t = json.loads(sys.argv[1]); c = json.loads(sys.argv[2])
out = []
for k in range(1, len(t) + 1):
    cov = [[np.sqrt(min(t[i], t[j]) / max(t[i], t[j])) for j in range(k)] for i in range(k)]
    inside = multivariate_normal.cdf(np.array(c[:k]), mean=np.zeros(k), cov=cov,
                                     maxpts=2000000, abseps=1e-7, releps=1e-7,
                                     lower_limit=-np.array(c[:k]))
    out.append(1 - inside)
print(json.dumps(out))
)";
  auto r = testing::run_process({"/usr/bin/python3", "-c", script,
                                 fmt::format("[{}]", fmt::join(t, ",")),
                                 fmt::format("[{:.12g}]", fmt::join(c, ","))});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<double> crossed;
  std::string text = r.out.substr(1, r.out.find(']') - 1);
  for (std::size_t start = 0; start < text.size();) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    crossed.push_back(std::stod(text.substr(start, comma - start)));
    start = comma + 1;
  }
  ASSERT_EQ(crossed.size(), t.size());
  for (std::size_t k = 0; k < t.size(); ++k)
    EXPECT_NEAR(crossed[k], alpha_spent(f, alpha, t[k]), 5e-5) << "look " << k;
}

TEST(SequentialBoundaries, CrossingProbabilitiesAgreeWithScipyUnequalLooks) {
  check_against_scipy(SpendingFunction::kOBrienFleming, 0.05, {0.2, 0.45, 0.7, 1.0});
  check_against_scipy(SpendingFunction::kPocock, 0.05, {0.2, 0.45, 0.7, 1.0});
}

TEST(SequentialBoundaries, CrossingProbabilitiesAgreeWithScipyAtHolmLevels) {
  // Holm tests the first hypothesis at alpha / M: small levels must be right too.
  check_against_scipy(SpendingFunction::kOBrienFleming, 0.05 / 3, {0.25, 0.5, 0.75, 1.0});
  check_against_scipy(SpendingFunction::kPocock, 0.01, {0.3, 0.6, 0.8});
}

}  // namespace
}  // namespace benchgate::stats
