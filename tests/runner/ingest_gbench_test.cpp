// Google Benchmark JSON, checked against real files written by libbenchmark 1.7.1
// (tests/data/ingest/gbench/, see generate/): the expected values come from the raw JSON.
#include <cmath>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/json_input.h"
#include "core/run_record.h"
#include "runner/gbench_format.h"
#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ingest_fixture;
using testing::raw_fixture;

double ns_per(const std::string& unit) {
  if (unit == "ns") return 1;
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  return 1e9;
}

// The per-repetition entries of a raw file, in order.
std::vector<nlohmann::json> iteration_entries(const nlohmann::json& raw) {
  std::vector<nlohmann::json> out;
  for (const auto& e : raw["benchmarks"])
    if (e["run_type"] == "iteration") out.push_back(e);
  return out;
}

std::vector<std::string> names_of(const RunRecord& r) {
  std::vector<std::string> names;
  for (const auto& b : r.benchmarks) names.push_back(b.name);
  return names;
}

TEST(IngestGbench, RepetitionsAreSamplesOfOneProcess) {
  const auto path = ingest_fixture("gbench/repetitions.json");
  RunRecord r = load_results(path);
  ASSERT_EQ(r.processes.size(), 1u);
  EXPECT_EQ(r.processes[0].id, 0);
  EXPECT_EQ(r.processes[0].source, path.string());
  EXPECT_EQ(r.processes[0].status, "ok");
  // Aggregates (_mean, _median, _stddev, _cv) and complexity entries (_BigO, _RMS) are not
  // benchmarks of their own.
  EXPECT_THAT(names_of(r), ElementsAre("BM_Accumulate/64", "BM_Accumulate/512", "BM_StringBuild",
                                       "BM_SortThreads/threads:2", "BM_NeedsNetwork"));
  for (const auto& b : r.benchmarks) {
    if (b.name == "BM_NeedsNetwork") continue;
    EXPECT_THAT(b.process, ElementsAre(0, 0, 0)) << b.name;
    EXPECT_THAT(b.repetition, ElementsAre(0, 1, 2)) << b.name;
  }
}

TEST(IngestGbench, TimesAreNormalisedToNanosecondsAndMatchTheFile) {
  const auto raw = raw_fixture("gbench/repetitions.json");
  RunRecord r = load_results(ingest_fixture("gbench/repetitions.json"));
  std::size_t checked = 0;
  for (const auto& e : iteration_entries(raw)) {
    if (e.contains("error_occurred")) continue;
    const BenchmarkResult* b = r.find(e["run_name"].get<std::string>());
    ASSERT_NE(b, nullptr) << e["run_name"];
    const int k = e["repetition_index"].get<int>();
    const double scale = ns_per(e["time_unit"].get<std::string>());
    EXPECT_DOUBLE_EQ(b->metric(kRealTime)->at(k), e["real_time"].get<double>() * scale);
    EXPECT_DOUBLE_EQ(b->metric(kCpuTime)->at(k), e["cpu_time"].get<double>() * scale);
    EXPECT_EQ(b->iterations.at(k), e["iterations"].get<double>());
    ++checked;
  }
  EXPECT_EQ(checked, 12u);  // 4 benchmarks x 3 repetitions
  // The microsecond benchmark really was scaled: BM_StringBuild takes about 0.35 us.
  const auto* sb = r.find("BM_StringBuild")->metric(kRealTime);
  EXPECT_GT(sb->at(0), 10.0);
}

TEST(IngestGbench, UserCountersAreMetricsUnderTheirOwnNames) {
  const auto raw = raw_fixture("gbench/repetitions.json");
  RunRecord r = load_results(ingest_fixture("gbench/repetitions.json"));
  auto metric_names = [&](const std::string& name) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : r.find(name)->metrics) keys.push_back(k);
    return keys;
  };
  EXPECT_THAT(metric_names("BM_Accumulate/64"),
              ElementsAre("bytes_per_second", "cpu_time", "items_per_second", "real_time"));
  EXPECT_THAT(metric_names("BM_StringBuild"), ElementsAre("chars", "cpu_time", "real_time"));
  EXPECT_THAT(metric_names("BM_SortThreads/threads:2"), ElementsAre("cpu_time", "real_time"));
  for (const auto& e : iteration_entries(raw)) {
    if (e["run_name"] != "BM_Accumulate/512") continue;
    const auto& items = *r.find("BM_Accumulate/512")->metric("items_per_second");
    EXPECT_DOUBLE_EQ(items.at(e["repetition_index"].get<int>()),
                     e["items_per_second"].get<double>());
  }
}

TEST(IngestGbench, ThreadsAreKept) {
  RunRecord r = load_results(ingest_fixture("gbench/repetitions.json"));
  EXPECT_EQ(r.find("BM_SortThreads/threads:2")->threads, 2);
  EXPECT_EQ(r.find("BM_StringBuild")->threads, 1);
}

TEST(IngestGbench, ErrorsAreCarriedNeverSamples) {
  RunRecord r = load_results(ingest_fixture("gbench/repetitions.json"));
  const BenchmarkResult* b = r.find("BM_NeedsNetwork");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->sample_count(), 0u);
  EXPECT_TRUE(b->metrics.empty());
  ASSERT_EQ(b->errors.size(), 3u);  // one per repetition
  for (const auto& e : b->errors) {
    EXPECT_EQ(e.process, 0);
    EXPECT_EQ(e.message, "error: no network in the test sandbox");
  }
}

TEST(IngestGbench, SkippedBenchmarksOfNewerVersionsAreErrors) {
  // Hand-edited: a Google Benchmark >= 1.8 SkipWithMessage entry (skipped + skip_message).
  RunRecord r = load_results(ingest_fixture("gbench/skipped_v1_8.json"));
  const BenchmarkResult* b = r.find("BM_NeedsGpu");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->sample_count(), 0u);
  ASSERT_EQ(b->errors.size(), 1u);
  EXPECT_EQ(b->errors[0].message, "skipped: no GPU on this machine");
  EXPECT_EQ(r.find("BM_StringBuild")->sample_count(), 1u);
}

TEST(IngestGbench, ContextBlockIsKept) {
  const auto raw = raw_fixture("gbench/repetitions.json");
  RunRecord r = load_results(ingest_fixture("gbench/repetitions.json"));
  EXPECT_EQ(r.processes[0].context, raw["context"]);
  EXPECT_EQ(r.processes[0].context["num_cpus"], raw["context"]["num_cpus"]);
}

TEST(IngestGbench, ASingleRunIsOneSamplePerBenchmark) {
  RunRecord r = load_results(ingest_fixture("gbench/single.json"));
  EXPECT_THAT(names_of(r),
              ElementsAre("BM_Accumulate/64", "BM_StringBuild", "BM_SortThreads/threads:2"));
  for (const auto& b : r.benchmarks) {
    EXPECT_THAT(b.repetition, ElementsAre(0)) << b.name;
    EXPECT_THAT(b.process, ElementsAre(0)) << b.name;
  }
}

TEST(IngestGbench, EntriesWithoutRepetitionIndexAreNumberedInOrder) {
  // Hand-written in the style of Google Benchmark before 1.5 (no run_type, no repetition_index).
  RunRecord r = load_results(ingest_fixture("gbench/legacy_no_run_type.json"));
  ASSERT_EQ(r.benchmarks.size(), 1u);
  const BenchmarkResult& b = r.benchmarks[0];
  EXPECT_THAT(b.repetition, ElementsAre(0, 1, 2));
  // 1.5, 1.75, 2.0 ms and 1.4, 1.5, 1.6 ms.
  EXPECT_THAT(*b.metric(kRealTime), ElementsAre(1.5e6, 1.75e6, 2.0e6));
  EXPECT_THAT(*b.metric(kCpuTime), ElementsAre(1.4e6, 1.5e6, 1.6e6));
}

TEST(IngestGbench, AggregatesOnlyFileIsRefusedWithAHint) {
  const auto path = ingest_fixture("gbench/aggregates_only.json");
  std::string msg = testing::load_error(path);
  EXPECT_THAT(msg, HasSubstr(path.string()));
  EXPECT_THAT(msg, HasSubstr("benchmarks"));
  EXPECT_THAT(msg, HasSubstr("aggregates"));
  EXPECT_THAT(msg, HasSubstr("--benchmark_report_aggregates_only"));
}

TEST(IngestGbench, RecognisesOnlyGoogleBenchmarkDocuments) {
  GbenchFormat format;
  EXPECT_TRUE(format.recognises(read_json_file(ingest_fixture("gbench/repetitions.json"))));
  EXPECT_FALSE(format.recognises(read_json_file(ingest_fixture("hyperfine/basic.json"))));
  EXPECT_FALSE(format.recognises(read_json_file(ingest_fixture("benchgate/two_processes.json"))));
  EXPECT_FALSE(format.recognises(nlohmann::json::array()));
  EXPECT_FALSE(format.recognises(nlohmann::json{{"benchmarks", 3}}));
}

TEST(IngestGbench, MissingMetricsOfASampleAreNaNSoColumnsStayAligned) {
  testing::TempDir dir;
  // Custom counters can be set conditionally, so a counter may be missing from some repetitions.
  testing::write_file(dir / "partial.json", R"({"benchmarks": [
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 0, "iterations": 10,
     "real_time": 5, "cpu_time": 5, "time_unit": "ns"},
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 1, "iterations": 10,
     "real_time": 6, "cpu_time": 6, "time_unit": "ns", "hits": 3},
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 2, "iterations": 10,
     "real_time": 7, "cpu_time": 7, "time_unit": "ns"}]})");
  RunRecord r = load_results(dir / "partial.json");
  const auto& hits = *r.benchmarks.at(0).metric("hits");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_TRUE(std::isnan(hits[0]));
  EXPECT_EQ(hits[1], 3.0);
  EXPECT_TRUE(std::isnan(hits[2]));
}

TEST(IngestGbench, SameBenchmarkInAnotherUnitIsNormalisedAcrossFiles) {
  testing::TempDir dir;
  // A benchmark whose Unit() changed between two builds: both files mean the same durations.
  testing::write_file(dir / "a.json", R"({"benchmarks": [{"name": "BM_x", "iterations": 1,
    "real_time": 2, "cpu_time": 2, "time_unit": "ms"}]})");
  testing::write_file(dir / "b.json", R"({"benchmarks": [{"name": "BM_x", "iterations": 1,
    "real_time": 2000, "cpu_time": 2000, "time_unit": "us"}]})");
  RunRecord r = load_results(dir.path());
  EXPECT_THAT(*r.find("BM_x")->metric(kRealTime), ElementsAre(2e6, 2e6));
  EXPECT_THAT(r.find("BM_x")->process, ElementsAre(0, 1));
}

}  // namespace
}  // namespace benchgate::runner
