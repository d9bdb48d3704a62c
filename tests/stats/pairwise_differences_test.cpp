// Order statistics of pairwise differences by counting, against the obvious oracle: write all
// m*n differences down and sort them.
#include "stats/pairwise_differences.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace benchgate::stats {
namespace {

double kth(const std::vector<double>& x, const std::vector<double>& y, std::size_t r,
           std::vector<double>& scratch) {
  double value;
  pairwise_difference_order_statistics(x, y, std::span(&r, 1), std::span(&value, 1), scratch);
  return value;
}

std::vector<double> all_differences_sorted(const std::vector<double>& x,
                                           const std::vector<double>& y) {
  std::vector<double> d;
  for (double yj : y)
    for (double xi : x) d.push_back(yj - xi);
  std::sort(d.begin(), d.end());
  return d;
}

TEST(PairwiseDifferences, HandExample) {
  // x = 1 2 3, y = 2 4 7: differences sorted -1 0 1 1 2 3 4 5 6.
  const std::vector<double> x{1, 2, 3}, y{2, 4, 7};
  std::vector<double> scratch;
  const double expected[] = {-1, 0, 1, 1, 2, 3, 4, 5, 6};
  for (std::size_t r = 0; r < 9; ++r) EXPECT_EQ(kth(x, y, r, scratch), expected[r]) << "r=" << r;
}

TEST(PairwiseDifferences, EveryRankMatchesSortingOnRandomSamples) {
  std::mt19937_64 rng(99);
  std::vector<double> scratch;
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t m = 1 + rng() % 40, n = 1 + rng() % 40;
    // A third of the trials on a coarse grid (many equal differences), some heavily skewed.
    const int kind = trial % 3;
    std::lognormal_distribution<double> dist(0, kind == 2 ? 2.0 : 0.2);
    auto draw = [&](std::size_t size) {
      std::vector<double> v(size);
      for (double& value : v) value = kind == 1 ? std::round(dist(rng) * 10) : std::log(dist(rng));
      std::sort(v.begin(), v.end());
      return v;
    };
    const auto x = draw(m), y = draw(n);
    const auto sorted = all_differences_sorted(x, y);
    for (std::size_t r = 0; r < sorted.size(); ++r)
      ASSERT_EQ(kth(x, y, r, scratch), sorted[r])
          << "trial " << trial << " m=" << m << " n=" << n << " r=" << r;
    // Several ranks in one call share their counting; any order.
    const std::size_t total = sorted.size();
    const std::size_t ranks[] = {total / 2, 0, total - 1, total / 4, (total - 1) / 2};
    double values[5];
    pairwise_difference_order_statistics(x, y, ranks, values, scratch);
    for (std::size_t i = 0; i < 5; ++i) ASSERT_EQ(values[i], sorted[ranks[i]]) << "trial " << trial;
  }
}

TEST(PairwiseDifferences, AllEqual) {
  std::vector<double> scratch;
  const std::vector<double> x(30, 5.0), y(30, 5.0);
  EXPECT_EQ(kth(x, y, 0, scratch), 0.0);
  EXPECT_EQ(kth(x, y, 899, scratch), 0.0);
}

}  // namespace
}  // namespace benchgate::stats
