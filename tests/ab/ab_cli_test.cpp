// `benchgate ab` end to end: real Google Benchmark processes in interleaved rounds, the files it
// writes, seeded order, retries and missing rounds, adaptive rounds, and usage errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "tests/ab/ab_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
using testing::ab_program;
using testing::ab_suite_command;
using testing::ab_tags;
using testing::comparison_row;
using ::testing::HasSubstr;
using testing::read_json;
using testing::run_benchgate;
namespace fs = std::filesystem;

class AbCli : public ::testing::Test {
 protected:
  testing::ProcessResult ab(std::vector<std::string> args,
                            const testing::ProcessOptions& options = {}) {
    args.insert(args.begin(), {"ab", "-o", out().string()});
    return run_benchgate(args, options);
  }
  fs::path out() const { return dir_ / "out"; }
  testing::TempDir dir_{"benchgate-ab-cli"};
};

TEST_F(AbCli, FixedRoundsWriteTaggedRecordsComparisonAndNoiseReport) {
  // Twice as slow: a verdict no amount of machine noise can blur in 8 rounds (the exact
  // signed-rank test's smallest p, 2 / 2^8 = 0.0078, is below Holm's first step 0.05 / 3).
  auto r =
      ab({"--base", ab_suite_command("ab_bench"), "--head", ab_suite_command("ab_bench_slow100"),
          "--rounds", "8", "--seed", "42", "--format", "json"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  // 8 rounds, or 10 when the screening replaced a disturbed block (the first round of a job often
  // is: cold caches).
  EXPECT_THAT(r.err, ::testing::ContainsRegex("round (8/8|10/10) done"));
  EXPECT_THAT(r.err, HasSubstr("ETA"));
  auto base = read_json(out() / "base.json"), head = read_json(out() / "head.json");
  const std::size_t run = base["processes"].size();
  ASSERT_TRUE(run == 8u || run == 10u) << r.err;
  ASSERT_EQ(head["processes"].size(), run);
  std::set<int> positions;
  for (std::size_t i = 0; i < run; ++i) {
    auto b = ab_tags(base)[i], h = ab_tags(head)[i];
    EXPECT_EQ(b["side"], "base");
    EXPECT_EQ(h["side"], "head");
    EXPECT_EQ(b["round"], static_cast<int>(i) + 1);
    EXPECT_EQ(b["position"].get<int>() + h["position"].get<int>(), 1) << "one first, one second";
    positions.insert(b["position"].get<int>());
    if (i % 2 == 1) {  // AB/BA blocks: the two rounds of a block run both orders
      EXPECT_NE(b["position"], ab_tags(base)[i - 1]["position"]) << "block " << (i + 1) / 2;
    }
  }
  EXPECT_EQ(positions.size(), 2u);
  EXPECT_EQ(base["seed"], 42);

  auto comparison = read_json(out() / "comparison.json");
  EXPECT_EQ(comparison_row(comparison, "BM_Work")["verdict"], "regression");
  EXPECT_EQ(comparison_row(comparison, "BM_Work")["base_n"], 8);
  EXPECT_EQ(comparison_row(comparison, "BM_Work")["unit"], "paired-rounds");
  EXPECT_NE(comparison_row(comparison, "BM_Sort/512")["verdict"], "regression");
  EXPECT_EQ(nlohmann::json::parse(r.out)["verdict"], "fail") << "stdout has the primary format";
  for (const char* file : {"comparison.md", "comparison.txt", "comparison.xml"})
    EXPECT_TRUE(fs::exists(out() / file)) << file;

  auto noise = read_json(out() / "noise.json");
  ASSERT_EQ(noise["benchmarks"].size(), 3u);
  for (const auto& row : noise["benchmarks"]) {
    EXPECT_EQ(row["rounds"], 8);
    EXPECT_GE(row["cv_base"].get<double>(), 0.0);
  }
  EXPECT_THAT(r.err, HasSubstr("Noise in this job")) << "with --format json it goes to stderr";
}

TEST_F(AbCli, SameSeedSameOrder) {
  auto order = [&](const std::string& seed) {
    auto r = ab({"--base", ab_suite_command("ab_bench", 0.001), "--head",
                 ab_suite_command("ab_bench", 0.001), "--rounds", "5", "--seed", seed, "-q",
                 "--filter", "BM_Accumulate"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<int> positions;
    for (const auto& tag : ab_tags(read_json(out() / "base.json")))
      positions.push_back(tag["position"]);
    return positions;
  };
  // 5 rounds are rounded up to whole AB/BA blocks; a block the screening replaces adds two more
  // rounds, whose order the seed fixes too.
  auto first = order("7"), second = order("7");
  ASSERT_GE(first.size(), 6u);
  ASSERT_GE(second.size(), 6u);
  EXPECT_EQ(first.size() % 2, 0u);
  first.resize(6);
  second.resize(6);
  EXPECT_EQ(first, second);
}

// A head command wrapped in a script that crashes its measured launches listed in CRASH_ON.
class AbFailures : public AbCli {
 protected:
  void SetUp() override {
    testing::write_file(script_, R"(#!/bin/sh
case " $* " in *--benchmark_out=*)
  n=$(( $(cat "$COUNTER" 2>/dev/null || echo 0) + 1 )); echo $n > "$COUNTER"
  case ",$CRASH_ON," in *,$n,*) echo "injected crash in launch $n" >&2; kill -SEGV $$;; esac;;
esac
exec "$BENCH" "$@"
)");
    fs::permissions(script_, fs::perms::owner_all);
  }
  testing::ProcessResult run_with_crashes(const std::string& crash_on) {
    testing::ProcessOptions options;
    options.env = {{"COUNTER", (dir_ / "count").string()},
                   {"CRASH_ON", crash_on},
                   {"BENCH", ab_program("ab_bench").string()}};
    return ab({"--base", ab_suite_command("ab_bench", 0.001), "--head",
               // The script's path has a space: the quotes must keep it one word.
               "'" + script_.string() + "' --benchmark_min_time=0.001", "--rounds", "4", "--seed",
               "3", "--format", "json", "--filter", "BM_Accumulate|BM_Sort"},
              options);
  }
  fs::path script_ = dir_ / "crashy head";  // a space: the command must be quoted
};

TEST_F(AbFailures, ACrashIsRetriedOnce) {
  auto r = run_with_crashes("2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("round 2, head process (attempt 1 of 2) failed"));
  EXPECT_THAT(r.err, HasSubstr("injected crash in launch 2"));
  auto head = read_json(out() / "head.json");
  int failed = 0, ok = 0;
  for (const auto& p : head["processes"]) (p["status"] == "failed" ? failed : ok) += 1;
  EXPECT_EQ(failed, 1);
  // 4 rounds, the retry measuring round 2; 6 when the screening replaced a disturbed block.
  EXPECT_TRUE(ok == 4 || ok == 6) << ok << " measured processes: the retry measured round 2";
  auto comparison = nlohmann::json::parse(r.out);
  EXPECT_EQ(comparison_row(comparison, "BM_Accumulate")["base_n"], 4);
}

TEST_F(AbFailures, TwoCrashesInARoundLeaveItMissingAndTheComparisonSaysSo) {
  auto r = run_with_crashes("2,3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto head = read_json(out() / "head.json");
  int failed = 0, missing = 0;
  for (const auto& p : head["processes"]) {
    failed += p["status"] == "failed";
    missing += p["status"] == "missing";
  }
  EXPECT_EQ(failed, 2);
  EXPECT_EQ(missing, 1);
  auto comparison = nlohmann::json::parse(r.out);
  EXPECT_EQ(comparison_row(comparison, "BM_Accumulate")["base_n"], 3) << "round 2 is not paired";
  EXPECT_THAT(comparison["warnings"].dump(), HasSubstr("round(s) 2 were incomplete"));
  EXPECT_EQ(read_json(out() / "base.json")["processes"].size(), 4u) << "base of round 2 is kept";
}

TEST_F(AbCli, AdaptiveRoundsDecideAndEveryProcessRunsEveryBenchmark) {
  auto r =
      ab({"--base", ab_suite_command("ab_bench"), "--head", ab_suite_command("ab_bench_slow100"),
          "--rounds", "auto", "--max-rounds", "16", "--seed", "5", "--format", "json"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  auto comparison = nlohmann::json::parse(r.out);
  auto work = comparison_row(comparison, "BM_Work");
  EXPECT_EQ(work["verdict"], "regression");
  EXPECT_THAT(comparison["warnings"].dump(), HasSubstr("group-sequential"));
  EXPECT_THAT(work["note"].get<std::string>(), HasSubstr("paired rounds"));
  // A benchmark's timing can depend on what ran before it in its process: every process of the
  // job runs every benchmark, decided or not, and the latest look analyses all of them.
  const int rounds = static_cast<int>(read_json(out() / "base.json")["processes"].size());
  // (A block the screening left out is run but not analysed.)
  EXPECT_LE(work["base_n"].get<int>(), rounds) << r.err;
  EXPECT_GE(work["base_n"].get<int>(), 4) << r.err;
  for (const char* side : {"base.json", "head.json"})
    for (const auto& b : read_json(out() / side)["benchmarks"])
      EXPECT_EQ(static_cast<int>(b["process"].size()), rounds * 3) << b["name"] << " in " << side;
}

// A wrapper around ab_bench that appends one line to $COUNTER for each launch that writes results
// (measured and warm-up processes pass --benchmark_out; the probes of its flags and list do not).
class AbCounted : public AbCli {
 protected:
  void SetUp() override {
    testing::write_file(script_, R"(#!/bin/sh
case " $* " in *--benchmark_out=*) echo launch >> "$COUNTER";; esac
exec "$BENCH" "$@"
)");
    fs::permissions(script_, fs::perms::owner_all);
  }
  testing::ProcessResult run(std::vector<std::string> extra) {
    testing::ProcessOptions options;
    options.env = {{"COUNTER", counter_.string()}, {"BENCH", ab_program("ab_bench").string()}};
    const std::string command = script_.string() + " --benchmark_min_time=0.001";
    std::vector<std::string> args = {"--base", command, "--head",   command,        "--seed",
                                     "11",     "-q",    "--filter", "BM_Accumulate"};
    args.insert(args.end(), extra.begin(), extra.end());
    return ab(args, options);
  }
  int launches() const {
    std::string text = fs::exists(counter_) ? testing::read_file(counter_) : "";
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  }
  // Every process's context.cpus in both records.
  std::set<std::string> recorded_cpus() const {
    std::set<std::string> cpus;
    for (const char* side : {"base.json", "head.json"}) {
      const nlohmann::json record = read_json(out() / side);  // outlives the loop over it
      for (const auto& p : record["processes"]) {
        cpus.insert(p["context"].value("cpus", "?"));
        EXPECT_GE(p["context"].value("involuntary_context_switches", -1), 0);
      }
    }
    return cpus;
  }
  fs::path script_ = dir_ / "counting_bench";
  fs::path counter_ = dir_ / "launches";
};

TEST_F(AbCounted, WarmupProcessesRunBeforeEachRoundAndAreInNoRecord) {
  auto r = run({"--rounds", "2", "--warmup-processes", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(launches(), 2 * 2 + 2) << "two measured and one warm-up process per round";
  EXPECT_EQ(read_json(out() / "base.json")["processes"].size(), 2u);
  EXPECT_EQ(read_json(out() / "head.json")["processes"].size(), 2u);
}

TEST_F(AbCounted, BothSidesRunOnTheSameCpus) {
  // The CPUs this test may use, as the kernel lists them ("0-1"): the highest is auto's choice.
  const std::string status = testing::read_file("/proc/self/status");
  const auto at = status.find("Cpus_allowed_list:\t") + 19;
  const std::string list = status.substr(at, status.find('\n', at) - at);
  const bool one_cpu = list.find_first_of(",-") == std::string::npos;
  const std::string highest = list.substr(list.find_last_of(",-") + 1);
  const std::string lowest = list.substr(0, list.find_first_of(",-"));

  ASSERT_EQ(run({"--rounds", "2"}).exit_code, 0);
  EXPECT_EQ(recorded_cpus(), std::set<std::string>{one_cpu ? "none" : highest}) << "auto";
  ASSERT_EQ(run({"--rounds", "2", "--cpus", lowest}).exit_code, 0);
  EXPECT_EQ(recorded_cpus(), std::set<std::string>{lowest});
  ASSERT_EQ(run({"--rounds", "2", "--cpus", "none"}).exit_code, 0);
  EXPECT_EQ(recorded_cpus(), std::set<std::string>{"none"});
  EXPECT_EQ(launches(), 3 * 4) << "no warm-up processes by default";
}

TEST_F(AbCli, UsageErrorsExitTwo) {
  const std::string good = ab_suite_command("ab_bench", 0.001);
  const std::vector<std::vector<std::string>> bad = {
      {"--base", good},
      {"--base", good, "--head", good, "--rounds", "0"},
      {"--base", good, "--head", good, "--rounds", "many"},
      {"--base", good, "--head", good, "--budget", "5 parsecs"},
      {"--base", good, "--head", good, "--alpha", "2"},
      {"--base", good, "--head", good, "--format", "pdf"},
      {"--base", good, "--head", "'unterminated"},
      {"--base", good, "--head", ""},
      {"--base", good, "--head", (dir_ / "no-such-program").string()},
      {"--base", good, "--head", good, "--rounds", "auto", "--max-rounds", "3"},
      {"--base", good, "--head", good, "--cpus", "4096"},
      {"--base", good, "--head", good, "--cpus", "some"},
      {"--base", good, "--head", good, "--warmup-processes", "-1"},
  };
  for (const auto& args : bad) {
    auto r = ab(args);
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(args) << "\n" << r.err;
    EXPECT_FALSE(fs::exists(out() / "base.json")) << "nothing measured on a usage error";
  }
}

}  // namespace
}  // namespace benchgate
