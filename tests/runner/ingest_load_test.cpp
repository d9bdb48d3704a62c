// load_results: files, directories (one file per process), format detection and forcing,
// merging, and the errors for paths that hold no results.
#include <cmath>
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/run_record_json.h"
#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ingest_fixture;
using testing::load_error;
using testing::raw_fixture;

TEST(IngestLoad, EveryFileOfADirectoryIsOneMoreProcess) {
  const fs::path dir = ingest_fixture("gbench/two_processes");
  RunRecord r = load_results(dir);
  ASSERT_EQ(r.processes.size(), 2u);
  EXPECT_EQ(r.processes[0].source, (dir / "run1.json").string());
  EXPECT_EQ(r.processes[1].source, (dir / "run2.json").string());
  EXPECT_EQ(r.processes[1].id, 1);
  ASSERT_EQ(r.benchmarks.size(), 2u);
  for (const auto& b : r.benchmarks) {
    EXPECT_THAT(b.process, ElementsAre(0, 0, 1, 1)) << b.name;
    EXPECT_THAT(b.repetition, ElementsAre(0, 1, 0, 1)) << b.name;
  }
  // Samples are the files' own values, in file order.
  const auto raw2 = raw_fixture("gbench/two_processes/run2.json");
  const auto& real = *r.find("BM_Accumulate/64")->metric(kRealTime);
  EXPECT_DOUBLE_EQ(real[3], raw2["benchmarks"][1]["real_time"].get<double>());
  EXPECT_EQ(r.processes[1].context, raw2["context"]);
}

TEST(IngestLoad, ListOfFilesEqualsTheirDirectory) {
  const fs::path dir = ingest_fixture("gbench/two_processes");
  RunRecord from_dir = load_results(dir);
  RunRecord from_list = load_results(std::vector<fs::path>{dir / "run1.json", dir / "run2.json"});
  EXPECT_EQ(to_json(from_dir), to_json(from_list));
}

TEST(IngestLoad, DirectoryOrderIsByNameNotByCreation) {
  testing::TempDir dir;
  // Written in reverse order: the record must still list b-... after a-....
  fs::copy_file(ingest_fixture("gbench/two_processes/run2.json"), dir / "b-second.json");
  fs::copy_file(ingest_fixture("gbench/two_processes/run1.json"), dir / "a-first.json");
  testing::write_file(dir / "notes.txt", "not a result");
  RunRecord r = load_results(dir.path());
  ASSERT_EQ(r.processes.size(), 2u);
  EXPECT_EQ(fs::path(r.processes[0].source).filename(), "a-first.json");
  EXPECT_EQ(fs::path(r.processes[1].source).filename(), "b-second.json");
}

TEST(IngestLoad, FormatsAreDetectedPerFileAndCanBeMixed) {
  testing::TempDir dir;
  fs::copy_file(ingest_fixture("gbench/single.json"), dir / "1-gbench.json");
  fs::copy_file(ingest_fixture("hyperfine/basic.json"), dir / "2-hyperfine.json");
  fs::copy_file(ingest_fixture("benchgate/two_processes.json"), dir / "3-record.json");
  RunRecord r = load_results(dir.path());
  EXPECT_EQ(r.processes.size(), 1u + 10u + 2u);
  // Process ids of later files are shifted past the earlier ones.
  EXPECT_THAT(r.find("true")->process, ElementsAre(6, 7, 8, 9, 10));
  EXPECT_THAT(r.find("BM_Sort/1024")->process, ElementsAre(11, 11, 12, 12));
  for (std::size_t i = 0; i < r.processes.size(); ++i)
    EXPECT_EQ(r.processes[i].id, static_cast<int>(i));
}

TEST(IngestLoad, BenchgateRunRecordIsReadAsWritten) {
  // The fixture is the complete example of docs/run-record.md, written by hand.
  RunRecord r = load_results(ingest_fixture("benchgate/two_processes.json"));
  EXPECT_EQ(r.testbed, "ci-runner-x86");
  EXPECT_EQ(r.commit, "3f2a9c1d5e7b8a6f4c2d1e0f9a8b7c6d5e4f3a2b");
  EXPECT_EQ(r.seed, 42u);
  ASSERT_EQ(r.processes.size(), 2u);
  const BenchmarkResult* sort = r.find("BM_Sort/1024");
  ASSERT_NE(sort, nullptr);
  EXPECT_THAT(sort->process, ElementsAre(0, 0, 1, 1));
  EXPECT_THAT(*sort->metric(kRealTime), ElementsAre(10250.0, 10310.5, 10480.0, 10422.25));
  const auto& items = *sort->metric("items_per_second");
  EXPECT_TRUE(std::isnan(items[2])) << "null is 'no value'";
  EXPECT_EQ(r.find("BM_Download")->errors.size(), 2u);
}

TEST(IngestLoad, ForcedFormatIsUsedEvenWhenAnotherWouldBeDetected) {
  const fs::path gbench = ingest_fixture("gbench/single.json");
  EXPECT_NO_THROW(load_results(gbench, "gbench"));
  std::string msg = load_error(gbench, "hyperfine");
  EXPECT_THAT(msg, HasSubstr(gbench.string()));
  EXPECT_THAT(msg, HasSubstr("`results`: missing"));
}

TEST(IngestLoad, UnknownFormatNameListsTheKnownOnes) {
  std::string msg = load_error(ingest_fixture("gbench/single.json"), "criterion");
  EXPECT_THAT(msg, HasSubstr("\"criterion\""));
  EXPECT_THAT(msg, HasSubstr("gbench, nanobench, hyperfine, catch2"));
  EXPECT_THAT(msg, HasSubstr("benchgate"));
}

TEST(IngestLoad, UnrecognisedDocumentSaysWhatWasExpected) {
  testing::TempDir dir;
  testing::write_file(dir / "other.json", R"({"tests": []})");
  std::string msg = load_error(dir / "other.json");
  EXPECT_THAT(msg, HasSubstr((dir / "other.json").string()));
  EXPECT_THAT(msg, HasSubstr("not a recognised result file"));
  EXPECT_THAT(msg, HasSubstr("Google Benchmark"));
  EXPECT_THAT(msg, HasSubstr("hyperfine"));
}

TEST(IngestLoad, EmptyDirectoryIsAnError) {
  testing::TempDir dir;
  std::string msg = load_error(dir.path());
  EXPECT_THAT(msg, HasSubstr(dir.path().string()));
  EXPECT_THAT(msg, HasSubstr("directory is empty"));
  EXPECT_THAT(msg, HasSubstr("*.json"));
}

TEST(IngestLoad, DirectoryWithoutJsonFilesIsAnError) {
  testing::TempDir dir;
  testing::write_file(dir / "results.txt", "12 ns");
  fs::create_directory(dir / "sub.json");  // a directory named like a result is not one
  std::string msg = load_error(dir.path());
  EXPECT_THAT(msg, HasSubstr("no *.json files among its 2 entries"));
}

TEST(IngestLoad, MissingPathIsAnError) {
  testing::TempDir dir;
  std::string msg = load_error(dir / "nope.json");
  EXPECT_THAT(msg, HasSubstr((dir / "nope.json").string()));
  EXPECT_THAT(msg, HasSubstr("no such file or directory"));
}

TEST(IngestLoad, ErrorInTheSecondFileOfADirectoryNamesThatFile) {
  testing::TempDir dir;
  fs::copy_file(ingest_fixture("gbench/single.json"), dir / "1.json");
  testing::write_file(dir / "2.json", R"({"benchmarks": [{"name": "BM_a", "iterations": 1,
    "real_time": "fast", "cpu_time": 1, "time_unit": "ns"}]})");
  std::string msg = load_error(dir.path());
  EXPECT_THAT(msg, HasSubstr((dir / "2.json").string() + ": field `benchmarks[0].real_time`"));
}

TEST(IngestLoad, NoPathsIsAnError) {
  EXPECT_THROW(load_results(std::vector<fs::path>{}), InputError);
}

}  // namespace
}  // namespace benchgate::runner
