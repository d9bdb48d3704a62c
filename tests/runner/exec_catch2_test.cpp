// `benchgate run` on a real Catch2 test binary, the example suite examples/suite/example_catch2.cpp
// built with Debian's catch2, and `benchgate compare` of the records it writes: end to end,
// through the real benchgate binary and its exit codes.
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/run_record_json.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::runner {
namespace {

using ::testing::HasSubstr;
using testing::run_benchgate;

std::string example_catch2() {
  return (testing::benchgate_binary().parent_path().parent_path() / "examples/example_catch2")
      .string();
}

// Few samples and a short warm-up: the test checks the plumbing, not the timings.
std::vector<std::string> run_args(const std::filesystem::path& out) {
  return {"run",
          "--processes",
          "2",
          "--seed",
          "7",
          "--quiet",
          "-o",
          out.string(),
          "--",
          example_catch2(),
          "--benchmark-samples",
          "5",
          "--benchmark-warmup-time",
          "5"};
}

TEST(RunCatch2, DetectedAndRunAsProcessesOfOneMeanPerBenchmark) {
  testing::TempDir dir;
  const auto out = dir / "base.json";
  auto r = run_benchgate(run_args(out));
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  RunRecord record = read_run_record_file(out);
  EXPECT_EQ(record.environment["format"], "catch2");
  ASSERT_EQ(record.processes.size(), 2u);
  for (const auto& p : record.processes) {
    EXPECT_EQ(p.status, "ok") << p.message;
    EXPECT_THAT(p.source, HasSubstr("--reporter xml"));
  }
  ASSERT_EQ(record.benchmarks.size(), 3u);
  EXPECT_NE(record.find("sorting/sort 4096 integers"), nullptr);
  EXPECT_NE(record.find("hashing/count 1024 keys"), nullptr);
  EXPECT_NE(record.find("strings/join 256 words"), nullptr);
  for (const auto& b : record.benchmarks) {
    SCOPED_TRACE(b.name);
    EXPECT_EQ(b.sample_count(), 2u);
    EXPECT_EQ(std::set<int>(b.process.begin(), b.process.end()), (std::set<int>{0, 1}));
    for (double t : *b.metric(kRealTime)) EXPECT_GT(t, 0.0);
    for (double n : b.iterations) EXPECT_GE(n, 5.0);  // 5 samples of at least one iteration
  }
}

TEST(RunCatch2, TwoRecordsCompareEndToEnd) {
  testing::TempDir dir;
  ASSERT_EQ(run_benchgate(run_args(dir / "base.json")).exit_code, 0);
  ASSERT_EQ(run_benchgate(run_args(dir / "head.json")).exit_code, 0);
  // A record against itself: nothing changed, exit 0.
  auto same =
      run_benchgate({"compare", (dir / "base.json").string(), (dir / "base.json").string()});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_THAT(same.out, HasSubstr("sorting/sort 4096 integers"));
  // Two runs: a verdict (0 or 1, never a usage or internal error) on every benchmark.
  auto two = run_benchgate(
      {"compare", "--format", "json", (dir / "base.json").string(), (dir / "head.json").string()});
  EXPECT_TRUE(two.exit_code == 0 || two.exit_code == 1) << two.exit_code << two.err;
  for (const char* name :
       {"sorting/sort 4096 integers", "hashing/count 1024 keys", "strings/join 256 words"})
    EXPECT_THAT(two.out, HasSubstr(name));
}

TEST(RunCatch2, AProgramThatWritesNoXmlIsAFailedProcess) {
  testing::TempDir dir;
  auto r = run_benchgate({"run", "--format", "catch2", "-p", "1", "-q", "-o",
                          (dir / "echo.json").string(), "--", "/bin/echo", "hello"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.out, HasSubstr("wrote no results"));
  EXPECT_THAT(r.out, HasSubstr("is it a Catch2 binary?"));
}

TEST(RunCatch2, FilterIsATestSpec) {
  testing::TempDir dir;
  const auto out = dir / "hashing.json";
  std::vector<std::string> args = run_args(out);
  args.insert(args.begin() + 1, {"--filter", "hashing"});
  auto r = run_benchgate(args);
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  RunRecord record = read_run_record_file(out);
  ASSERT_EQ(record.benchmarks.size(), 1u);
  EXPECT_EQ(record.benchmarks[0].name, "hashing/count 1024 keys");
}

}  // namespace
}  // namespace benchgate::runner
