// exact_benchmark_filter() against a real Google Benchmark binary (programs/
// filter_names_bench.cpp): for every name the binary lists, listing it again with our filter
// must print that name and nothing else. The binary's own regex engine is the oracle.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "profile/profiler.h"
#include "tests/profile/profile_test_util.h"
#include "tests/support/process.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::run_process;
using benchgate::testing::test_program;

std::vector<std::string> list_benchmarks(const std::vector<std::string>& extra_args) {
  std::vector<std::string> argv{test_program("profile_filter_names_bench").string(),
                                "--benchmark_list_tests=true"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  const auto result = run_process(argv);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> names;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) names.push_back(line);
  return names;
}

TEST(BenchmarkFilter, SelectsExactlyOneBenchmarkOfARealBinary) {
  const auto all = list_benchmarks({});
  ASSERT_THAT(all, ::testing::IsSupersetOf({"BM_x<int>/8/real_time", "BM_x<int>/8", "BM_Sort/1024",
                                            "BM_Sort/10240", "BM_a.b", "BM_call(f)[0]+1"}));
  // The names do trip a plain filter: without anchoring and escaping, one name selects several.
  EXPECT_THAT(list_benchmarks({"--benchmark_filter=BM_Sort/1024"}), ::testing::SizeIs(2));
  EXPECT_THAT(list_benchmarks({"--benchmark_filter=^BM_a.b$"}), ::testing::SizeIs(2));
  for (const auto& name : all) {
    EXPECT_THAT(list_benchmarks({"--benchmark_filter=" + exact_benchmark_filter(name)}),
                ::testing::ElementsAre(name))
        << "filter " << exact_benchmark_filter(name);
  }
}

// The adaptive A/B job re-runs only the undecided benchmarks with one filter for all of them.
TEST(BenchmarkFilter, SelectsExactlyASetOfBenchmarks) {
  const auto all = list_benchmarks({});
  ASSERT_GE(all.size(), 4u);
  for (std::size_t skip = 0; skip < all.size(); ++skip) {
    std::vector<std::string> chosen;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (i != skip) chosen.push_back(all[i]);
    EXPECT_THAT(list_benchmarks({"--benchmark_filter=" + exact_benchmarks_filter(chosen)}),
                ::testing::UnorderedElementsAreArray(chosen))
        << "filter " << exact_benchmarks_filter(chosen);
  }
}

}  // namespace
}  // namespace benchgate::profile
