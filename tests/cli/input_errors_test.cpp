// Inputs the binary cannot use, run through the real binary: the message says what the file is,
// names it (and the line, for a config), and the exit code is 2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_benchgate;

class InputErrors : public ::testing::Test {
 protected:
  std::string path(const char* name) { return (dir_ / name).string(); }
  testing::TempDir dir_{"benchgate-input-errors"};
};

TEST_F(InputErrors, AResultFileThatIsNotJsonIsNamedAndCalledThat) {
  testing::write_file(dir_ / "hello.json", "hello world\n");
  const std::string console =
      (testing::source_dir() / "tests/data/ingest/malformed/console.txt").string();
  auto r = run_benchgate({"compare", path("hello.json"), console});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("benchgate: error: " + path("hello.json") +
                               ": not JSON (it begins `hello world`): expected a Google Benchmark "
                               "JSON file"));
  EXPECT_THAT(r.err, Not(HasSubstr("NaN")));

  r = run_benchgate({"compare", console, console});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr(console + ": not JSON but Google Benchmark's console output; "
                                         "benchgate reads its JSON: run the benchmark with "
                                         "--benchmark_out=FILE --benchmark_out_format=json"));
}

TEST_F(InputErrors, ATomlSyntaxErrorShowsTheLine) {
  testing::write_file(dir_ / "benchgate.toml",
                      "[[suite]]\nname = \"a\"\ncommand = \"./bench\"\n[gate]\nthreshold = 5%\n");
  testing::ProcessOptions in_dir;
  in_dir.cwd = dir_.path();
  auto r = run_benchgate({"run"}, in_dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err,
            "benchgate: error: benchgate.toml:5:14: invalid TOML: Error while parsing decimal "
            "integer: expected digit, saw '%'\n"
            "  5 | threshold = 5%\n"
            "    |              ^\n");
}

}  // namespace
}  // namespace benchgate
