// Google Benchmark's command line (runner/gbench_args.h) against a real Google Benchmark binary
// (programs/filter_names_bench.cpp), whose names are regex syntax: for every name it lists,
// listing it again with our filter must print that name and nothing else. The binary's own regex
// engine is the oracle.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "runner/gbench_args.h"
#include "runner/suite_binary_probe.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::runner::gbench {
namespace {

using ::testing::ElementsAre;
using ::testing::Gt;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAreArray;

std::string program() {
  return benchgate::testing::test_program("runner", "filter_names_bench").string();
}

// What the binary prints for --benchmark_list_tests with `extra_args`, one name a line (read
// here without listed_benchmarks(), which is under test below).
std::vector<std::string> list_benchmarks(const std::vector<std::string>& extra_args) {
  std::vector<std::string> argv{program(), "--benchmark_list_tests=true"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  const auto result = benchgate::testing::run_process(argv);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> names;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) names.push_back(line);
  return names;
}

TEST(GbenchFilter, EscapesEveryRegexMetacharacterThatNeedsIt) {
  EXPECT_EQ(exact_benchmark_filter("BM_x/8"), "^BM_x/8$");
  EXPECT_EQ(exact_benchmark_filter("BM_Sort<int>/8/real_time"), "^BM_Sort<int>/8/real_time$");
  EXPECT_EQ(exact_benchmark_filter(". [ ] ( ) * + ? ^ $ | \\ / { }"),
            "^\\. \\[ ] \\( \\) \\* \\+ \\? \\^ \\$ \\| \\\\ / \\{ }$")
      << "']' and '}' stay as they are: ordinary in a POSIX extended regex, refused escaped";
  EXPECT_EQ(exact_benchmarks_filter({"BM_x/8", "BM_a.b"}), "^(BM_x/8|BM_a\\.b)$");
}

TEST(GbenchFilter, SelectsExactlyOneBenchmarkOfARealBinary) {
  const auto all = list_benchmarks({});
  ASSERT_THAT(all, ::testing::IsSupersetOf({"BM_x<int>/8/real_time", "BM_x<int>/8", "BM_Sort/1024",
                                            "BM_Sort/10240", "BM_a.b", "BM_call(f)[0]+1",
                                            "BM_$^|?*{2}", "BM_a\\b"}));
  // The names do trip a plain filter: without anchoring and escaping, one name selects several.
  EXPECT_THAT(list_benchmarks({"--benchmark_filter=BM_Sort/1024"}), SizeIs(Gt(1u)));
  EXPECT_THAT(list_benchmarks({"--benchmark_filter=^BM_a.b$"}), SizeIs(Gt(1u)));
  for (const auto& name : all) {
    EXPECT_THAT(list_benchmarks({filter_flag(exact_benchmark_filter(name))}), ElementsAre(name))
        << "filter " << exact_benchmark_filter(name);
  }
}

// The adaptive A/B job re-runs only the undecided benchmarks with one filter for all of them.
TEST(GbenchFilter, SelectsExactlyASetOfBenchmarks) {
  const auto all = list_benchmarks({});
  ASSERT_GE(all.size(), 4u);
  for (std::size_t skip = 0; skip < all.size(); ++skip) {
    std::vector<std::string> chosen;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (i != skip) chosen.push_back(all[i]);
    EXPECT_THAT(list_benchmarks({filter_flag(exact_benchmarks_filter(chosen))}),
                UnorderedElementsAreArray(chosen))
        << "filter " << exact_benchmarks_filter(chosen);
  }
}

// Profiling runs one benchmark of a suite whose own arguments may already filter more widely.
TEST(GbenchRunOnly, NarrowsTheSuitesOwnFilterToOneBenchmark) {
  const auto argv = run_only({program(), "--benchmark_filter=BM_Sort", min_time_flag(0.001),
                              "--benchmark_list_tests=true"},
                             "BM_Sort/1024");
  EXPECT_EQ(argv.back(), "--benchmark_filter=^BM_Sort/1024$");
  const auto result = benchgate::testing::run_process(argv);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "BM_Sort/1024\n");
}

TEST(GbenchProbeOutput, ReadsTheListingAndTheHelpOfARealBinary) {
  std::vector<std::string> argv{program()};
  for (const auto& flag : list_flags(std::string("BM_Sort"))) argv.push_back(flag);
  const auto listing = benchgate::testing::run_process(argv);
  ASSERT_EQ(listing.exit_code, 0) << listing.err;
  EXPECT_EQ(listed_benchmarks(listing.out),
            (std::set<std::string>{"BM_Sort/102", "BM_Sort/1024", "BM_Sort/10240"}));
  EXPECT_EQ(listed_benchmarks("  BM_a  \n\nBM_b extra words\n"),
            (std::set<std::string>{"BM_a", "BM_b"}));
  EXPECT_EQ(benchmark_of_line("BM_Sort/1024     1234 ns   1230 ns   5000"), "BM_Sort/1024");
  EXPECT_EQ(benchmark_of_line("   "), "");

  std::vector<std::string> help{program()};
  for (const auto& flag : help_flags()) help.push_back(flag);
  const auto help_text = benchgate::testing::run_process(help).out;
  EXPECT_TRUE(offers_random_interleaving(help_text)) << help_text;
  EXPECT_FALSE(offers_random_interleaving("usage: a program with other flags"));
}

TEST(GbenchMeasureFlags, WriteEveryRepetitionAsJsonToTheFile) {
  benchgate::testing::TempDir dir;
  const auto out_file = dir / "results.json";
  std::vector<std::string> argv{program(), min_time_flag(0.001)};
  for (const auto& flag : measure_flags({.filter = exact_benchmark_filter("BM_a.b"),
                          .repetitions = 3,
                          .random_interleaving = true,
                          .out_file = out_file}))
    argv.push_back(flag);
  const auto result = benchgate::testing::run_process(argv);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::ifstream in(out_file);
  ASSERT_TRUE(in) << "no JSON results were written";
  const auto json = nlohmann::json::parse(in);
  int repetitions = 0;
  for (const auto& entry : json.at("benchmarks")) {
    EXPECT_EQ(entry.at("run_name"), "BM_a.b");
    repetitions += entry.at("run_type") == "iteration";
  }
  EXPECT_EQ(repetitions, 3);
}

TEST(GbenchBinary, IsRecognisedByWhatItLinks) {
  EXPECT_TRUE(probe_binary(program()).links_google_benchmark);
  EXPECT_FALSE(probe_binary("/bin/true").links_google_benchmark);
  EXPECT_TRUE(
      links_google_benchmark(std::string_view("\0\0_ZN9benchmark10InitializeEPiPPcPFvvE\0", 39)));
  EXPECT_FALSE(links_google_benchmark("an ordinary program"));
}

}  // namespace
}  // namespace benchgate::runner::gbench
