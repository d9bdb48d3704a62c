// What `benchgate gate` says about its inputs before it measures anything: the config file it did
// not find, the store flag it was given, the commit it compares with. The real binary in real git
// repositories (and outside one).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/gate/gate_fixture.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using namespace testing;
namespace fs = std::filesystem;

class GateMessages : public ::testing::Test {
 protected:
  ProcessResult benchgate(const std::vector<std::string>& args, const fs::path& cwd) {
    ProcessOptions options;
    options.cwd = cwd;
    options.unset_env = ci_variables();
    options.env = {{"NO_COLOR", "1"}};
    options.timeout_seconds = 60;
    return run_benchgate(args, options);
  }

  TempDir dir_{"benchgate-gate-messages"};
  GitFixture repo_{dir_.path()};
  fs::path fast_ = write_results(dir_ / "fast", 100.0);
  std::string store_ = "dir:" + (dir_ / "store").string();
};

TEST_F(GateMessages, WithoutAConfigFileItSaysWhereItLooked) {
  auto r = benchgate({"gate", "--store", store_, "--target", "HEAD"}, repo_.work());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("benchgate: error: nothing to gate: no benchgate.toml in " +
                               repo_.work().string()));
  EXPECT_THAT(r.err, HasSubstr("create one, name another with --config FILE, or gate result "
                               "files with --results PATH"));
  EXPECT_THAT(r.err, Not(HasSubstr("defines no [[suite]]")));

  // A file that is there but defines no suite is a different mistake, and said so.
  write_file(repo_.work() / "benchgate.toml", "[gate]\nalpha = 0.01\n");
  r = benchgate({"gate", "--store", store_, "--target", "HEAD"}, repo_.work());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("benchgate.toml defines no [[suite]]"));
}

TEST_F(GateMessages, TheDirectoryStoreIsSuggestedOnlyWhenItWasNotGiven) {
  const fs::path outside = dir_ / "not-a-repository";
  fs::create_directories(outside);
  auto r = benchgate({"gate", "--store", store_, "--results", fast_.string()}, outside);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("not inside a git repository"));
  EXPECT_THAT(r.err, Not(HasSubstr("--store dir:PATH")));

  // Where only the default store needs git, the directory store is the way out.
  r = benchgate({"baseline", "list"}, outside);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("not inside a git repository"));
  EXPECT_THAT(r.err, HasSubstr("or use --store dir:PATH"));
}

TEST_F(GateMessages, TheTargetCommitIsNamedOnce) {
  const std::string base = repo_.commit("base");
  repo_.commit("head");
  auto r = benchgate(
      {"gate", "--store", store_, "--testbed", "tb", "--results", fast_.string(), "--target", base},
      repo_.work());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("against " + base.substr(0, 12) + "\n"));
  EXPECT_THAT(r.err, Not(HasSubstr(base))) << "the 40-digit id as well as the short one";

  r = benchgate({"gate", "--store", store_, "--testbed", "tb", "--results", fast_.string(),
                 "--target", "HEAD~1"},
                repo_.work());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("against HEAD~1 " + base.substr(0, 12) + "\n"));
}

}  // namespace
}  // namespace benchgate
