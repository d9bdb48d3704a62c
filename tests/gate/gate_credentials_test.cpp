// Credentials never reach the code under review: a probe run as a suite and as the [build]
// command, through the real binary, looks for a planted token in its own environment and in
// /proc/<pid>/environ of every ancestor (benchgate's initial environment block included), and
// reports what `[run] env_passthrough` / `env_remove` did.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/gate/gate_fixture.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using namespace testing;
namespace fs = std::filesystem;

constexpr const char* kPlanted = "planted-secret-7f3a9c";

// probe.sh LOG LABEL: appends "LABEL own=clean|leaked ancestors=clean|leaked pass=... removed=...".
constexpr const char* kProbe = R"(#!/bin/sh
log=$1; label=$2
own=clean
env | grep -q planted-secret && own=leaked
ancestors=clean
pid=$PPID
while [ -n "$pid" ] && [ "$pid" -gt 1 ]; do
  grep -aq planted-secret "/proc/$pid/environ" 2>/dev/null && ancestors=leaked
  pid=$(awk '/^PPid:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
done
echo "$label own=$own ancestors=$ancestors pass=${NPM_TOKEN:-none} removed=${PLAIN_NAME:-none}" >> "$log"
)";

class GateCredentials : public ::testing::Test {
 protected:
  // The project: probe.sh, `[run]` lists of variable names, `extra` TOML (a [build] command,
  // [[suite]] tables), committed on main.
  void commit_project(const std::string& extra) {
    write_file(repo_.work() / "probe.sh", kProbe);
    write_file(repo_.work() / "benchgate.toml",
               "testbed = \"tb\"\n"
               "[run]\nenv_passthrough = [\"NPM_TOKEN\"]\nenv_remove = [\"PLAIN_NAME\"]\n"
               "[gate]\nrounds = 1\n" +
                   extra);
    git(repo_.work(), {"add", "-A"});
    repo_.commit("probe");
  }
  std::string probe_suite() const {
    return "[[suite]]\nname = \"probe\"\nformat = \"command\"\nruns = 1\nwarmup = 0\n"
           "command = [\"sh\", \"probe.sh\", \"" +
           log_.string() + "\", \"suite\"]\n";
  }

  ProcessOptions options() const {
    ProcessOptions o;
    o.cwd = repo_.work();
    o.unset_env = ci_variables();
    o.env = {{"NO_COLOR", "1"},
             {"TMPDIR", dir_.path().string()},
             {"GITHUB_TOKEN", kPlanted},
             {"BENCHGATE_GIT_TOKEN", std::string(kPlanted) + "-git"},
             {"CI_REGISTRY_PASSWORD", std::string(kPlanted) + "-registry"},
             {"NPM_TOKEN", "npm-ok"},
             {"PLAIN_NAME", "plain"}};
    o.timeout_seconds = 120;
    return o;
  }

  TempDir dir_{"benchgate-gate-credentials"};
  GitFixture repo_{dir_.path()};
  fs::path log_ = dir_.path() / "probe.log";
};

TEST_F(GateCredentials, ASuiteRunByRunSeesNoToken) {
  commit_project(probe_suite());
  auto r = run_benchgate({"run", "-o", (dir_.path() / "out.json").string()}, options());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string log = read_file(log_);
  EXPECT_THAT(log, HasSubstr("suite own=clean ancestors=clean pass=npm-ok removed=none"));
  EXPECT_THAT(log, Not(HasSubstr("leaked")));
}

TEST_F(GateCredentials, ASuiteRunByTheGateSeesNoToken) {
  commit_project(probe_suite());
  auto r = run_benchgate({"gate", "--context", "local", "--target", "main", "--no-fetch",
                          "--report-dir", (dir_.path() / "report").string()},
                         options());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string log = read_file(log_);
  EXPECT_THAT(log, HasSubstr("suite own=clean ancestors=clean pass=npm-ok removed=none"));
  EXPECT_THAT(log, Not(HasSubstr("leaked")));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr(kPlanted)));
}

TEST_F(GateCredentials, TheBuildCommandOfAnInterleavedGateSeesNoToken) {
  const fs::path tiny = test_program("runner", "tiny_bench");
  if (!fs::exists(tiny)) GTEST_SKIP() << "tiny_bench not built";
  commit_project("[build]\ncommand = \"sh probe.sh " + log_.string() +
                 " build && mkdir -p build && cp " + tiny.string() +
                 " build/\"\n"
                 "[[suite]]\nname = \"tiny\"\ncommand = \"build/tiny_bench\"\n"
                 "filter = \"BM_Increment\"\nrepetitions = 1\n");
  git(repo_.work(), {"checkout", "-q", "-b", "topic"});
  repo_.commit("change");
  auto r = run_benchgate({"gate", "--mode", "interleaved", "--context", "local", "--target", "main",
                          "--no-fetch", "--report-dir", (dir_.path() / "report").string()},
                         options());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string log = read_file(log_);
  // Base and head are each built once.
  EXPECT_THAT(log, HasSubstr("build own=clean ancestors=clean pass=npm-ok removed=none"));
  EXPECT_THAT(log, Not(HasSubstr("leaked")));
}

}  // namespace
}  // namespace benchgate
