// `benchgate run` on a `lines` suite: a command that prints its own results, one per line, run by
// the real benchgate binary from a benchgate.toml.
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

TEST(RunLines, EachProcessPrintsItsSamples) {
  testing::TempDir dir;
  testing::write_file(
      dir / "benchgate.toml",
      "[[suite]]\nname = \"startup\"\nformat = \"lines\"\nprocesses = 3\n"
      "command = [\"/bin/sh\", \"-c\", \"echo 1500; echo 1600; echo parse,2,us\"]\n");
  auto r = run_benchgate(
      {"run", "-c", (dir / "benchgate.toml").string(), "-q", "-o", (dir / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  RunRecord record = read_run_record_file(dir / "out" / "startup.json");
  EXPECT_EQ(record.environment["format"], "lines");
  ASSERT_EQ(record.processes.size(), 3u);
  const BenchmarkResult* startup = record.find("startup");
  ASSERT_NE(startup, nullptr);
  EXPECT_EQ(startup->sample_count(), 6u);  // 2 lines x 3 processes
  EXPECT_EQ(std::set<int>(startup->process.begin(), startup->process.end()),
            (std::set<int>{0, 1, 2}));
  ASSERT_NE(record.find("parse"), nullptr);
  EXPECT_EQ(record.find("parse")->metric(kRealTime)->at(0), 2000);
}

TEST(RunLines, AnUnreadableLineFailsTheProcessNamingTheLine) {
  testing::TempDir dir;
  auto r = run_benchgate({"run", "--format", "lines", "-p", "2", "-q", "-o",
                          (dir / "r.json").string(), "--", "/bin/sh", "-c", "echo 1; echo oops"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.out, HasSubstr("printed results benchgate cannot read: stdout line 2: the number: "
                               "\"oops\" is not a number"));
}

TEST(RunLines, UnknownFormatInTheConfigListsLines) {
  testing::TempDir dir;
  testing::write_file(dir / "benchgate.toml",
                      "[[suite]]\nname = \"x\"\nformat = \"numbers\"\ncommand = \"/bin/true\"\n");
  auto r = run_benchgate({"run", "-c", (dir / "benchgate.toml").string(), "-q"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("expected auto, gbench, catch2, lines or command"));
}

}  // namespace
}  // namespace benchgate::runner
