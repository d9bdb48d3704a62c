// Mann–Whitney U and Welch's t-test against scipy (Debian's python3-scipy), the independent
// oracle: the test draws random samples itself, hands them to /usr/bin/python3, and compares.
#include <cmath>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "stats/compare.h"
#include "stats/mann_whitney.h"
#include "stats/welch.h"
#include "tests/stats/record_builder.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::stats {
namespace {
using benchgate::testing::run_process;
using benchgate::testing::TempDir;
using benchgate::testing::write_file;

constexpr const char* kPython = "/usr/bin/python3";

// Reads "kind;method;x1,x2,..;y1,y2,.." lines, prints "statistic pvalue" per line with repr()
// (shortest exact round trip).
constexpr const char* kOracle = R"PY(
import sys
import numpy as np
from scipy import stats
for line in open(sys.argv[1]):
    kind, method, xs, ys = line.rstrip('\n').split(';')
    x = [float(v) for v in xs.split(',')]
    y = [float(v) for v in ys.split(',')]
    if kind == 'mwu':
        r = stats.mannwhitneyu(x, y, alternative='two-sided', method=method, use_continuity=True)
    else:
        r = stats.ttest_ind(np.log(x), np.log(y), equal_var=False)
    print(repr(float(r.statistic)), repr(float(r.pvalue)))
)PY";

struct Case {
  std::string kind;    // "mwu" or "welch"
  std::string method;  // for mwu: "exact" or "asymptotic"
  std::vector<double> x, y;
};

struct OracleAnswer {
  double statistic = 0, p = 0;
};

void skip_unless_scipy(bool& skip, std::string& reason) {
  const auto probe = run_process({kPython, "-c", "import scipy.stats"});
  skip = probe.exit_code != 0;
  reason = fmt::format("{} cannot import scipy (install python3-scipy): {}", kPython, probe.err);
}

std::vector<OracleAnswer> ask_scipy(const std::vector<Case>& cases) {
  TempDir dir("benchgate-scipy");
  std::string input;
  for (const Case& c : cases)
    input +=
        fmt::format("{};{};{};{}\n", c.kind, c.method, fmt::join(c.x, ","), fmt::join(c.y, ","));
  write_file(dir / "cases.txt", input);
  write_file(dir / "oracle.py", kOracle);
  const auto result =
      run_process({kPython, (dir / "oracle.py").string(), (dir / "cases.txt").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<OracleAnswer> answers;
  std::istringstream lines(result.out);
  OracleAnswer a;
  while (lines >> a.statistic >> a.p) answers.push_back(a);
  EXPECT_EQ(answers.size(), cases.size());
  return answers;
}

// Log-normal timings; `grid` > 0 rounds to multiples of it, which makes ties common.
std::vector<double> draw(std::mt19937_64& rng, std::size_t n, double shift, double grid) {
  std::lognormal_distribution<double> dist(std::log(100.0) + shift, 0.1);
  std::vector<double> v(n);
  for (double& value : v) {
    value = dist(rng);
    if (grid > 0) value = std::max(grid, std::round(value / grid) * grid);
  }
  return v;
}

std::size_t size_between(std::mt19937_64& rng, std::size_t lo, std::size_t hi) {
  return std::uniform_int_distribution<std::size_t>(lo, hi)(rng);
}

std::vector<Case> random_cases(std::mt19937_64& rng) {
  std::vector<Case> cases;
  std::uniform_real_distribution<double> shift(-0.15, 0.15);
  // Exact: no ties, sizes 2..30 (20 is the automatic limit; beyond it only on request).
  for (int i = 0; i < 300; ++i)
    cases.push_back({"mwu", "exact", draw(rng, size_between(rng, 2, 30), 0, 0),
                     draw(rng, size_between(rng, 2, 30), shift(rng), 0)});
  // Asymptotic, with many ties (grid of 5 around 100) and without.
  for (int i = 0; i < 300; ++i)
    cases.push_back({"mwu", "asymptotic", draw(rng, size_between(rng, 2, 40), 0, 5),
                     draw(rng, size_between(rng, 2, 40), shift(rng), 5)});
  for (int i = 0; i < 200; ++i)
    cases.push_back({"mwu", "asymptotic", draw(rng, size_between(rng, 2, 40), 0, 0),
                     draw(rng, size_between(rng, 2, 40), shift(rng), 0)});
  for (int i = 0; i < 300; ++i)
    cases.push_back({"welch", "", draw(rng, size_between(rng, 2, 40), 0, 0),
                     draw(rng, size_between(rng, 2, 40), shift(rng), 0)});
  return cases;
}

std::vector<double> logs(const std::vector<double>& v) {
  std::vector<double> out;
  for (double x : v) out.push_back(std::log(x));
  return out;
}

TEST(ScipyOracle, MannWhitneyAndWelchAgreeOnRandomSamples) {
  bool skip;
  std::string reason;
  skip_unless_scipy(skip, reason);
  if (skip) GTEST_SKIP() << reason;

  std::mt19937_64 rng(20240611);
  const auto cases = random_cases(rng);
  const auto answers = ask_scipy(cases);
  ASSERT_EQ(answers.size(), cases.size());
  std::size_t tied = 0, small_p = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const std::string label =
        fmt::format("case {} {} {} m={} n={}", i, c.kind, c.method, c.x.size(), c.y.size());
    if (c.kind == "mwu") {
      const auto ours = mann_whitney_u(
          c.x, c.y, c.method == "exact" ? MwuMethod::kExact : MwuMethod::kAsymptotic);
      EXPECT_EQ(ours.u1, answers[i].statistic) << label;
      EXPECT_NEAR(ours.p_value, answers[i].p, 1e-9) << label;
      tied += ours.ties ? 1 : 0;
    } else {
      const WelchResult ours = welch_t_test(logs(c.x), logs(c.y));
      EXPECT_NEAR(ours.t, answers[i].statistic, 1e-9 * std::max(1.0, std::fabs(ours.t))) << label;
      EXPECT_NEAR(ours.p_value, answers[i].p, 1e-9) << label;
    }
    small_p += answers[i].p < 0.01 ? 1 : 0;
  }
  // The random cases must really cover ties and clear differences, or the comparison is weak.
  EXPECT_GT(tied, 250u);
  EXPECT_GT(small_p, 100u);
}

TEST(ScipyOracle, CompareRunsReportsScipysPValueOnProcessUnits) {
  bool skip;
  std::string reason;
  skip_unless_scipy(skip, reason);
  if (skip) GTEST_SKIP() << reason;

  // One sample per process, so the per-process medians are the samples themselves and scipy can
  // be asked about exactly the units compare_runs tests. Sizes 3..20 use the exact test, 21..35
  // the normal approximation (no ties either way).
  std::mt19937_64 rng(7);
  RunRecord base, head;
  std::vector<Case> cases;
  for (int b = 0; b < 40; ++b) {
    const std::size_t m = size_between(rng, 3, 35), n = size_between(rng, 3, 35);
    Case c{"mwu", m <= 20 && n <= 20 ? "exact" : "asymptotic", draw(rng, m, 0, 0),
           draw(rng, n, 0.05, 0)};
    const std::string name = fmt::format("BM_{}", b);
    for (std::size_t i = 0; i < m; ++i)
      benchgate::testing::add_process(base, name, static_cast<int>(i), {c.x[i]});
    for (std::size_t i = 0; i < n; ++i)
      benchgate::testing::add_process(head, name, static_cast<int>(i), {c.y[i]});
    cases.push_back(c);
    cases.push_back({"welch", "", c.x, c.y});
  }
  const auto answers = ask_scipy(cases);
  ASSERT_EQ(answers.size(), cases.size());
  CompareOptions mwu, welch;
  welch.settings.test = TestKind::kWelch;
  const Comparison by_u = compare_runs(base, head, mwu);
  const Comparison by_t = compare_runs(base, head, welch);
  for (std::size_t b = 0; b < 40; ++b) {
    ASSERT_EQ(by_u.benchmarks[b].unit, AnalysisUnit::kProcessMedians);
    EXPECT_NEAR(*by_u.benchmarks[b].p_value, answers[2 * b].p, 1e-9) << by_u.benchmarks[b].name;
    EXPECT_NEAR(*by_t.benchmarks[b].p_value, answers[2 * b + 1].p, 1e-9) << by_t.benchmarks[b].name;
  }
}

}  // namespace
}  // namespace benchgate::stats
