#include "core/run_record_json.h"

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;

RunRecord sample_record() {
  RunRecord r;
  r.tool_version = "0.1.0";
  r.testbed = "ci-runner";
  r.created_at = "2026-11-21T12:00:00Z";
  r.commit = "0123456789abcdef0123456789abcdef01234567";
  r.seed = 42;
  r.processes = {{0, "a.json", "ok", "", {{"host_name", "x"}}},
                 {1, "b.json", "failed", "SIGSEGV", {}}};
  BenchmarkResult b;
  b.name = "BM_Sort/1024";
  b.process = {0, 0, 1};
  b.repetition = {0, 1, 0};
  b.iterations = {100, 100, 90};
  b.metrics["real_time"] = {10.5, 11.0, std::nan("")};
  b.errors = {{1, "boom"}};
  r.benchmarks.push_back(b);
  r.notes = {"process 1 crashed"};
  return r;
}

TEST(RunRecordJson, RoundTripKeepsEverything) {
  RunRecord r = run_record_from_json(nlohmann::json::parse(to_json(sample_record()).dump()));
  EXPECT_EQ(r.testbed, "ci-runner");
  EXPECT_EQ(r.seed, 42u);
  ASSERT_EQ(r.processes.size(), 2u);
  EXPECT_EQ(r.processes[1].status, "failed");
  EXPECT_EQ(r.processes[0].context["host_name"], "x");
  ASSERT_EQ(r.benchmarks.size(), 1u);
  const auto& values = r.benchmarks[0].metrics.at("real_time");
  EXPECT_DOUBLE_EQ(values[1], 11.0);
  EXPECT_TRUE(std::isnan(values[2])) << "a missing value is written as null and read back as NaN";
  EXPECT_EQ(r.benchmarks[0].errors[0].message, "boom");
  EXPECT_EQ(r.notes, std::vector<std::string>{"process 1 crashed"});
}

TEST(RunRecordJson, RaggedColumnIsRefusedNamingTheField) {
  auto j = to_json(sample_record());
  j["benchmarks"][0]["metrics"]["real_time"].erase(0);
  try {
    run_record_from_json(j);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("benchmarks[0].metrics.real_time"));
  }
}

std::string error_of(const nlohmann::json& j) {
  try {
    run_record_from_json(j);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

// Element paths are formatted only when an element is bad; each column must still name it.
TEST(RunRecordJson, BadSampleIsRefusedNamingTheElement) {
  auto bad = [](const char* column, std::size_t index, nlohmann::json value) {
    auto j = to_json(sample_record());
    nlohmann::json& c = std::string(column) == "real_time"
                            ? j["benchmarks"][0]["metrics"]["real_time"]
                            : j["benchmarks"][0][column];
    c[index] = std::move(value);
    return error_of(j);
  };
  EXPECT_EQ(bad("real_time", 2, "fast"),
            "field `benchmarks[0].metrics.real_time[2]`: expected a number, got string");
  EXPECT_EQ(bad("iterations", 1, nullptr),
            "field `benchmarks[0].iterations[1]`: expected a number, got null");
  EXPECT_EQ(bad("repetition", 0, 1.5),
            "field `benchmarks[0].repetition[0]`: expected an integer, got number");
  EXPECT_EQ(bad("process", 1, true),
            "field `benchmarks[0].process[1]`: expected an integer, got boolean");
  EXPECT_EQ(bad("process", 2, 7),
            "field `benchmarks[0].process[2]`: process 7 does not exist (record has 2 processes)");
  EXPECT_EQ(bad("real_time", 0, 3), "(no error)") << "an integer is a number";
}

TEST(RunRecordJson, UnknownProcessIsRefused) {
  auto j = to_json(sample_record());
  j["benchmarks"][0]["process"][2] = 7;
  EXPECT_THROW(run_record_from_json(j), InputError);
}

TEST(RunRecordJson, DuplicateBenchmarkIsRefused) {
  auto j = to_json(sample_record());
  j["benchmarks"].push_back(j["benchmarks"][0]);
  EXPECT_THROW(run_record_from_json(j), InputError);
}

TEST(RunRecordJson, WrongSchemaIsRefused) {
  auto j = to_json(sample_record());
  j["schema"] = "benchgate.run/99";
  EXPECT_THROW(run_record_from_json(j), InputError);
}

TEST(RunRecordJson, FileRoundTripIsAtomicAndReadable) {
  testing::TempDir dir;
  write_run_record_file(sample_record(), dir / "r.json");
  EXPECT_FALSE(std::filesystem::exists(dir / "r.json.lock"));
  EXPECT_EQ(read_run_record_file(dir / "r.json").benchmarks[0].name, "BM_Sort/1024");
}

TEST(MergeRecords, RenumbersProcessesAndPadsMissingMetrics) {
  RunRecord a = sample_record();
  RunRecord b = sample_record();
  b.benchmarks[0].metrics.clear();
  b.benchmarks[0].metrics["cpu_time"] = {1, 2, 3};
  merge_records(a, b);
  ASSERT_EQ(a.processes.size(), 4u);
  EXPECT_EQ(a.processes[3].id, 3);
  const auto& bm = a.benchmarks[0];
  EXPECT_EQ(bm.process, (std::vector<int>{0, 0, 1, 2, 2, 3}));
  ASSERT_EQ(bm.metrics.at("real_time").size(), 6u);
  ASSERT_EQ(bm.metrics.at("cpu_time").size(), 6u);
  EXPECT_TRUE(std::isnan(bm.metrics.at("cpu_time")[0]));
  EXPECT_TRUE(std::isnan(bm.metrics.at("real_time")[5]));
  EXPECT_EQ(bm.errors.back().process, 3);
}

// The bulk merge of a directory's files is the merges one by one, and frees what it merged.
TEST(MergeRecords, ManyAtOnceIsOneByOne) {
  std::vector<RunRecord> parts;
  for (int i = 0; i < 4; ++i) {
    RunRecord part = sample_record();
    if (i == 1) part.benchmarks[0].metrics.erase("real_time");
    if (i == 2) part.benchmarks[0].name = "BM_OnlyInThePart";
    if (i == 3) part.benchmarks[0].metrics["bytes"] = {8, 8, 8};
    part.notes.push_back("note " + std::to_string(i));
    parts.push_back(std::move(part));
  }
  RunRecord one_by_one = sample_record();
  for (const RunRecord& part : parts) merge_records(one_by_one, part);
  RunRecord at_once = sample_record();
  merge_records(at_once, std::move(parts));
  EXPECT_EQ(to_json(at_once).dump(), to_json(one_by_one).dump());
  EXPECT_EQ(at_once.benchmarks.size(), 2u);
  for (const RunRecord& part : parts) EXPECT_TRUE(part.benchmarks.empty());
}

}  // namespace
}  // namespace benchgate
