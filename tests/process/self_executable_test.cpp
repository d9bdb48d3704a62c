// self_executable() names the program that is running: here this test program, which CTest
// built at a known place, and which answers when started again from that path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "process/launch.h"
#include "process/self_executable.h"

namespace benchgate::process {
namespace {

namespace fs = std::filesystem;

fs::path built_test_program() {
  const char* dir = std::getenv("BENCHGATE_BINARY_DIR");
  return fs::path(dir ? dir : ".") / "tests" / "process" / "process_tests";
}

TEST(SelfExecutable, IsTheAbsolutePathOfTheRunningProgram) {
  const fs::path self = self_executable();
  EXPECT_TRUE(self.is_absolute()) << self;
  ASSERT_TRUE(fs::exists(built_test_program())) << built_test_program();
  EXPECT_TRUE(fs::equivalent(self, built_test_program())) << self;
}

TEST(SelfExecutable, StartsThisProgramAgain) {
  ChildSpec spec;
  spec.argv = {self_executable().string(), "--gtest_list_tests", "--gtest_filter=SelfExecutable.*"};
  spec.capture_stdout = true;
  const ChildOutcome o = run_child(spec);
  ASSERT_TRUE(o.succeeded()) << o.stderr_tail;
  EXPECT_THAT(o.stdout_text, ::testing::HasSubstr("StartsThisProgramAgain"));
}

}  // namespace
}  // namespace benchgate::process
