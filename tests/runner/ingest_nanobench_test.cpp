// nanobench's JSON template, checked against real files written by nanobench 4.6.0
// (tests/data/ingest/nanobench/, see its README); expected values come from the raw JSON.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/run_record.h"
#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::ingest_fixture;
using testing::load_error;
using testing::raw_fixture;

TEST(IngestNanobench, EveryEpochIsARepetitionOfOneProcess) {
  const auto raw = raw_fixture("nanobench/basic.json");
  RunRecord r = load_results(ingest_fixture("nanobench/basic.json"));
  ASSERT_EQ(r.processes.size(), 1u);
  EXPECT_EQ(r.processes[0].context["title"], "kernels");
  ASSERT_EQ(r.benchmarks.size(), raw["results"].size());
  for (std::size_t i = 0; i < r.benchmarks.size(); ++i) {
    const auto& epochs = raw["results"][i]["measurements"];
    const BenchmarkResult& b = r.benchmarks[i];
    SCOPED_TRACE(b.name);
    EXPECT_EQ(b.name, raw["results"][i]["name"]);
    ASSERT_EQ(b.sample_count(), epochs.size());
    for (std::size_t k = 0; k < epochs.size(); ++k) {
      EXPECT_EQ(b.process[k], 0);
      EXPECT_EQ(b.repetition[k], static_cast<int>(k));
      EXPECT_EQ(b.iterations[k], epochs[k]["iterations"].get<double>());
      EXPECT_DOUBLE_EQ(b.metric(kRealTime)->at(k), epochs[k]["elapsed"].get<double>() * 1e9);
    }
  }
}

TEST(IngestNanobench, ABatchGivesTimePerUnit) {
  const auto raw = raw_fixture("nanobench/batch.json");
  ASSERT_EQ(raw["results"][0]["batch"], 1000);
  RunRecord r = load_results(ingest_fixture("nanobench/batch.json"));
  const auto& epochs = raw["results"][0]["measurements"];
  for (std::size_t k = 0; k < epochs.size(); ++k)
    EXPECT_DOUBLE_EQ(r.benchmarks[0].metric(kRealTime)->at(k),
                     epochs[k]["elapsed"].get<double>() * 1e9 / 1000);
}

TEST(IngestNanobench, HyperfineIsStillHyperfine) {
  // Both have a `results` array: detection goes by what the results hold.
  EXPECT_EQ(load_results(ingest_fixture("hyperfine/basic.json")).processes.size(), 10u);
  EXPECT_EQ(load_results(ingest_fixture("nanobench/basic.json"), std::string("nanobench"))
                .benchmarks.size(),
            2u);
}

TEST(IngestNanobench, AQuoteInANameIsInvalidJsonNamedByLine) {
  // nanobench does not escape names: `sum "1000"` makes its file invalid JSON.
  const auto path = ingest_fixture("malformed/nanobench_quoted_name.json");
  EXPECT_THAT(load_error(path),
              AllOf(HasSubstr(path.string() + ":5:30: invalid JSON in field `name`")));
}

TEST(IngestNanobench, MalformedFieldsAreNamed) {
  testing::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"results": [{"name": "a", "measurements": []}]})",
       "field `results[0].measurements`: empty"},
      {R"({"results": [{"name": "a", "measurements": [{"iterations": 3, "elapsed": -1}]}]})",
       "field `results[0].measurements[0].elapsed`: -1 is not a positive duration"},
      {R"({"results": [{"name": "a", "measurements": [{"iterations": 0, "elapsed": 1}]}]})",
       "field `results[0].measurements[0].iterations`: 0 is not a positive count"},
      {R"({"results": [{"name": "a", "measurements": [{"elapsed": 1}]}]})",
       "results[0].measurements[0].iterations"},
      {R"({"results": [{"name": "a", "batch": 0, "measurements": [{"iterations": 1, "elapsed": 1}]}]})",
       "field `results[0].batch`: 0 is not a positive batch size"},
      {R"({"results": [{"name": "", "measurements": [{"iterations": 1, "elapsed": 1}]}]})",
       "field `results[0].name`: empty"},
  };
  for (const auto& [content, expected] : cases) {
    const auto path = dir / "nb.json";
    testing::write_file(path, content);
    EXPECT_THAT(load_error(path), AllOf(HasSubstr(path.string()), HasSubstr(expected))) << content;
  }
}

}  // namespace
}  // namespace benchgate::runner
