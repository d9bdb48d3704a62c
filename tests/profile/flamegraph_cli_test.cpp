// `benchgate flamegraph fold | render | diff | record` as real processes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/profile/profile_test_util.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::profile_data;
using benchgate::testing::read_file;
using benchgate::testing::run_benchgate;
using benchgate::testing::TempDir;
using benchgate::testing::write_file;
using ::testing::HasSubstr;

TEST(FlamegraphCli, FoldRenderDiff) {
  TempDir dir;
  const auto folded = (dir / "edge.folded").string();
  auto result = run_benchgate(
      {"flamegraph", "fold", profile_data("perf_script_edge_cases.txt").string(), "-o", folded});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("skipped 3 malformed lines"));
  EXPECT_THAT(read_file(folded), HasSubstr("# event: cpu-clock\n"));
  EXPECT_THAT(read_file(folded), HasSubstr("main;[unknown];[libc.so.6] 1\n"));

  result = run_benchgate({"flamegraph", "render", folded, "-o", (dir / "edge.svg").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(read_file(dir / "edge.svg"), HasSubstr("<g id=\"frames\">"));

  write_file(dir / "base.folded", "# event: cpu-clock\nmain;parse 600\nmain;emit 400\n");
  write_file(dir / "head.folded", "# event: cpu-clock\nmain;parse 900\nmain;emit 100\n");
  result = run_benchgate({"flamegraph", "diff", (dir / "base.folded").string(),
                          (dir / "head.folded").string(), "--format", "json", "--ratio", "1.5"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["top_functions"][0]["name"], "emit");  // -30 pp, tie with parse +30 broken by name
  EXPECT_NEAR(json["top_functions"][1]["time_delta_of_base"].get<double>(), 0.9 * 1.5 - 0.6, 1e-12);

  result =
      run_benchgate({"flamegraph", "diff", (dir / "base.folded").string(),
                     (dir / "head.folded").string(), "-o", (dir / "d.svg").string(), "--top", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("| emit | 40.00% | 10.00% | -30.00 |"));
  EXPECT_THAT(read_file(dir / "d.svg"), HasSubstr("var DIFF = true;"));
}

TEST(FlamegraphCli, DifferentEventsAreRefused) {
  TempDir dir;
  write_file(dir / "a.folded", "# event: cpu-clock\nmain 1\n");
  write_file(dir / "b.folded", "# event: cycles\nmain 1\n");
  const auto result = run_benchgate({"flamegraph", "diff", (dir / "a.folded").string(),
                                     (dir / "b.folded").string(), "--format", "markdown"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("different events"));
}

TEST(FlamegraphCli, MissingInputIsAnInputError) {
  const auto result = run_benchgate({"flamegraph", "render", "/nonexistent.folded"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("/nonexistent.folded"));
}

TEST(FlamegraphCli, RecordWithoutPerfSaysWhyAndHowToFix) {
  const auto result = run_benchgate(
      {"flamegraph", "record", "--perf", "/nonexistent/perf", "-o", "/dev/null", "--", "true"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_THAT(result.err, HasSubstr("fix: install perf"));
}

}  // namespace
}  // namespace benchgate::profile
