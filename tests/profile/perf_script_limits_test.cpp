// `perf script` is bounded in output and time: a stand-in `perf` (a shell script) that prints
// too much, or never finishes, is stopped with an error naming the command.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "core/errors.h"
#include "profile/perf_tool.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using ::testing::HasSubstr;
using testing::TempDir;

std::string fake_perf(const TempDir& dir, const std::string& body) {
  const auto path = dir / "perf";
  testing::write_file(path, "#!/bin/sh\n" + body + "\n");
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path.string();
}

TEST(PerfScriptLimits, OutputBeyondTheLimitIsAnInputErrorNamingTheCommand) {
  TempDir dir;
  const std::string perf = fake_perf(dir, "yes 'main;work 1' | head -c 3000000");
  try {
    run_perf_script(dir / "perf.data", perf, {.max_output_bytes = 1 << 20});
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("script -i"));
    EXPECT_THAT(e.what(), HasSubstr("printed more than 1 MiB"));
    EXPECT_THAT(e.what(), HasSubstr("perf.data is too large"));
  }
}

TEST(PerfScriptLimits, OutputWithinTheLimitIsReturnedWhole) {
  TempDir dir;
  const std::string perf = fake_perf(dir, "yes 'main;work 1' | head -c 1000000");
  EXPECT_EQ(run_perf_script(dir / "perf.data", perf, {.max_output_bytes = 1 << 20}).size(),
            1'000'000u);
}

TEST(PerfScriptLimits, AHangingPerfScriptTimesOut) {
  TempDir dir;
  const std::string perf = fake_perf(dir, "exec sleep 60");
  try {
    run_perf_script(dir / "perf.data", perf, {.timeout = std::chrono::milliseconds(300)});
    ADD_FAILURE() << "no error";
  } catch (const EnvironmentError& e) {
    EXPECT_THAT(e.what(), HasSubstr("script -i"));
    EXPECT_THAT(e.what(), HasSubstr("timed out after 0.3 s"));
  }
}

}  // namespace
}  // namespace benchgate::profile
