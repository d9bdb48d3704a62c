// hyperfine --export-json, checked against real files written by hyperfine 1.15
// (tests/data/ingest/hyperfine/, see generate/); expected values come from the raw JSON.
#include <cmath>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/json_input.h"
#include "core/run_record.h"
#include "runner/hyperfine_format.h"
#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ingest_fixture;
using testing::raw_fixture;

TEST(IngestHyperfine, EveryRunIsASampleOfItsOwnProcess) {
  const auto path = ingest_fixture("hyperfine/basic.json");
  const auto raw = raw_fixture("hyperfine/basic.json");
  RunRecord r = load_results(path);
  ASSERT_EQ(r.benchmarks.size(), 2u);
  EXPECT_EQ(r.benchmarks[0].name, "sleep 0.01");
  EXPECT_EQ(r.benchmarks[1].name, "true");
  EXPECT_EQ(r.processes.size(), 10u);  // 2 commands x 5 runs
  std::set<int> ids;
  for (const auto& b : r.benchmarks) {
    EXPECT_EQ(b.sample_count(), 5u);
    EXPECT_THAT(b.repetition, ElementsAre(0, 1, 2, 3, 4));
    ids.insert(b.process.begin(), b.process.end());
  }
  EXPECT_EQ(ids.size(), 10u) << "no two runs may share a process";
  for (const auto& p : r.processes) {
    EXPECT_EQ(p.source, path.string());
    EXPECT_EQ(p.status, "ok");
  }
  // Which command and run a process was is kept for people reading the record.
  const ProcessInfo& p = r.processes.at(r.benchmarks[1].process[3]);
  EXPECT_EQ(p.context["command"], "true");
  EXPECT_EQ(p.context["run"], 3);
}

TEST(IngestHyperfine, TimesAreSecondsConvertedToNanoseconds) {
  const auto raw = raw_fixture("hyperfine/basic.json");
  RunRecord r = load_results(ingest_fixture("hyperfine/basic.json"));
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& times = raw["results"][i]["times"];
    const auto& real = *r.benchmarks[i].metric(kRealTime);
    ASSERT_EQ(real.size(), times.size());
    for (std::size_t k = 0; k < times.size(); ++k)
      EXPECT_DOUBLE_EQ(real[k], times[k].get<double>() * 1e9);
    EXPECT_EQ(r.benchmarks[i].iterations, std::vector<double>(times.size(), 1.0));
  }
  // `sleep 0.01` takes at least 10 ms: really nanoseconds.
  EXPECT_GE(r.benchmarks[0].metric(kRealTime)->at(0), 1e7);
}

TEST(IngestHyperfine, MeanUserAndSystemTimesAreNotTurnedIntoSamples) {
  // hyperfine writes `user` and `system` as means over all runs: no per-run CPU time exists.
  const auto raw = raw_fixture("hyperfine/basic.json");
  ASSERT_TRUE(raw["results"][0]["user"].is_number());
  RunRecord r = load_results(ingest_fixture("hyperfine/basic.json"));
  EXPECT_EQ(r.benchmarks[0].metric(kCpuTime), nullptr);
  EXPECT_EQ(r.benchmarks[0].metric("user_time"), nullptr);
}

TEST(IngestHyperfine, FailedRunsAreErrorsOfTheirProcessNotSamples) {
  const auto raw = raw_fixture("hyperfine/ignore_failure.json");
  RunRecord r = load_results(ingest_fixture("hyperfine/ignore_failure.json"));
  ASSERT_EQ(r.benchmarks.size(), 2u);
  EXPECT_EQ(r.processes.size(), 12u);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& codes = raw["results"][i]["exit_codes"];
    const auto& times = raw["results"][i]["times"];
    const BenchmarkResult& b = r.benchmarks[i];
    std::vector<double> expected_real;
    std::vector<int> expected_runs, failed_runs;
    for (std::size_t k = 0; k < codes.size(); ++k) {
      if (codes[k] == 0) {
        expected_real.push_back(times[k].get<double>() * 1e9);
        expected_runs.push_back(static_cast<int>(k));
      } else {
        failed_runs.push_back(static_cast<int>(k));
      }
    }
    // A command whose runs all failed has no samples, hence no column at all.
    const std::vector<double>* real = b.metric(kRealTime);
    EXPECT_EQ(real ? *real : std::vector<double>{}, expected_real);
    EXPECT_EQ(b.repetition, expected_runs);
    ASSERT_EQ(b.errors.size(), failed_runs.size());
    for (std::size_t e = 0; e < failed_runs.size(); ++e) {
      const int code = codes[failed_runs[e]].get<int>();
      EXPECT_EQ(b.errors[e].message,
                "run " + std::to_string(failed_runs[e]) + ": exit code " + std::to_string(code));
      const ProcessInfo& p = r.processes.at(b.errors[e].process);
      EXPECT_EQ(p.status, "failed");
      EXPECT_EQ(p.message, "exit code " + std::to_string(code));
    }
  }
  // The file really has both kinds: some failures in the first command, only failures in the
  // second.
  EXPECT_EQ(r.benchmarks[0].errors.size(), 2u);
  EXPECT_EQ(r.benchmarks[1].sample_count(), 0u);
}

TEST(IngestHyperfine, ParametersAreKeptInTheProcessContext) {
  RunRecord r = load_results(ingest_fixture("hyperfine/parameters.json"));
  ASSERT_EQ(r.benchmarks.size(), 2u);
  EXPECT_EQ(r.benchmarks[0].name, "sleep 0.001");
  EXPECT_EQ(r.processes.at(r.benchmarks[1].process[0]).context["parameters"],
            nlohmann::json({{"ms", "2"}}));
}

TEST(IngestHyperfine, PerRunCpuTimesAndMemoryBecomeMetrics) {
  // Per-run arrays as a newer or patched hyperfine could write them (memory_usage_byte is real
  // since hyperfine 1.19); values chosen so the sums are exact by hand.
  testing::TempDir dir;
  testing::write_file(dir / "h.json", R"({"results": [{"command": "./app",
    "times": [0.5, 0.25], "user": [0.25, 0.125], "system": [0.125, 0.0625],
    "memory_usage_byte": [1048576, 2097152], "exit_codes": [0, 0]}]})");
  RunRecord r = load_results(dir / "h.json");
  const BenchmarkResult& b = r.benchmarks.at(0);
  EXPECT_THAT(*b.metric(kRealTime), ElementsAre(5e8, 2.5e8));
  EXPECT_THAT(*b.metric("user_time"), ElementsAre(2.5e8, 1.25e8));
  EXPECT_THAT(*b.metric("system_time"), ElementsAre(1.25e8, 6.25e7));
  EXPECT_THAT(*b.metric(kCpuTime), ElementsAre(3.75e8, 1.875e8));
  EXPECT_THAT(*b.metric("max_rss"), ElementsAre(1048576.0, 2097152.0));
}

TEST(IngestHyperfine, RunKilledBySignalIsAnError) {
  testing::TempDir dir;
  testing::write_file(dir / "h.json", R"({"results": [{"command": "./crashy",
    "times": [0.5, 0.25], "exit_codes": [null, 0]}]})");
  RunRecord r = load_results(dir / "h.json");
  ASSERT_EQ(r.benchmarks.at(0).errors.size(), 1u);
  EXPECT_EQ(r.benchmarks[0].errors[0].message, "run 0: terminated by a signal");
  EXPECT_THAT(r.benchmarks[0].repetition, ElementsAre(1));
}

TEST(IngestHyperfine, RecognisesOnlyHyperfineDocuments) {
  HyperfineFormat format;
  EXPECT_TRUE(format.recognises(read_json_file(ingest_fixture("hyperfine/basic.json"))));
  EXPECT_FALSE(format.recognises(read_json_file(ingest_fixture("gbench/single.json"))));
  EXPECT_FALSE(format.recognises(nlohmann::json("results")));
}

}  // namespace
}  // namespace benchgate::runner
