// `git push` for real, through the hook `benchgate hook install` wrote, into a bare remote: what
// is gated against what, what blocks a push, and every way a push goes ahead ungated.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>

#include "tests/prepush/git_fixture.h"

namespace benchgate::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A pushed project: benchgate.toml timing `sleep 0.02` on main, pushed to origin, a baseline
// recorded for main's commit (testbed "prepush-test"), and the hook installed.
class PushTest : public ::testing::Test {
 protected:
  void SetUp() override {
    main_sha_ = repo_.commit_file("benchgate.toml", sleep_suite_config("0.02"), "benchmarks");
    repo_.git_ok({"push", "-q", "origin", "main"});
    const fs::path runs = repo_.work().parent_path() / "baseline-runs";
    ProcessResult run = repo_.benchgate({"run", "-q", "-o", runs.string()});
    ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
    ProcessResult save =
        repo_.benchgate({"baseline", "save", "--commit", main_sha_, (runs / "work.json").string()});
    ASSERT_EQ(save.exit_code, 0) << save.out << save.err;
    install_hook({"--budget", "240s"});
  }

  void install_hook(const std::vector<std::string>& options) {
    std::vector<std::string> args = {"hook", "install"};
    args.insert(args.end(), options.begin(), options.end());
    ProcessResult r = repo_.benchgate(args);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }

  // A branch whose benchmark got 15 times slower than the baseline (`sleep 0.3`).
  std::string commit_regression(const std::string& branch) {
    repo_.git_ok({"checkout", "-q", "-b", branch});
    return repo_.commit_file("benchgate.toml", sleep_suite_config("0.3"), "slower");
  }

  ProcessResult push(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env = {}) {
    std::vector<std::string> argv = {"push"};
    argv.insert(argv.end(), args.begin(), args.end());
    return repo_.git(argv, env);
  }

  GitFixture repo_;
  std::string main_sha_;
};

TEST_F(PushTest, NewBranchIsGatedAgainstTheRemoteDefaultBranchAndPushed) {
  repo_.git_ok({"checkout", "-q", "-b", "topic"});
  const std::string head = repo_.commit_file("README", "unrelated change\n", "docs");
  ProcessResult r = push({"origin", "topic"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("gating refs/heads/topic (" + head.substr(0, 7) +
                               ") against "
                               "origin/main (" +
                               main_sha_.substr(0, 7)));
  EXPECT_THAT(r.err, HasSubstr("refs/heads/topic: no regression"));
  EXPECT_EQ(repo_.remote_sha("refs/heads/topic"), head);
  const fs::path reports = repo_.work() / ".git" / "benchgate" / "pre-push" / "topic";
  EXPECT_TRUE(fs::exists(reports) && !fs::is_empty(reports)) << r.err;
}

TEST_F(PushTest, RegressionBlocksThePushAndNoVerifyBypassesIt) {
  const std::string head = commit_regression("slow");
  ProcessResult blocked = push({"origin", "slow"});
  EXPECT_NE(blocked.exit_code, 0) << blocked.err;
  EXPECT_THAT(blocked.err, HasSubstr("refs/heads/slow: REGRESSION found; the push is blocked"));
  EXPECT_THAT(blocked.err, HasSubstr("--no-verify"));
  EXPECT_THAT(blocked.err, HasSubstr("BENCHGATE_SKIP=1"));
  EXPECT_EQ(repo_.remote_sha("refs/heads/slow"), "");

  ProcessResult bypassed = push({"--no-verify", "origin", "slow"});
  ASSERT_EQ(bypassed.exit_code, 0) << bypassed.err;
  EXPECT_THAT(bypassed.err, Not(HasSubstr("benchgate pre-push:")));
  EXPECT_EQ(repo_.remote_sha("refs/heads/slow"), head);
}

TEST_F(PushTest, SkipVariableLetsARegressionThroughWithOneLine) {
  const std::string head = commit_regression("slow");
  ProcessResult r = push({"origin", "slow"}, {{"BENCHGATE_SKIP", "1"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count(r.err, "benchgate pre-push:"), 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("BENCHGATE_SKIP is set"));
  EXPECT_EQ(repo_.remote_sha("refs/heads/slow"), head);
}

TEST_F(PushTest, ExistingRemoteBranchIsGatedAgainstItsRemoteTip) {
  repo_.git_ok({"checkout", "-q", "-b", "topic"});
  const std::string first = repo_.commit_file("README", "one\n", "first");
  ASSERT_EQ(push({"--no-verify", "origin", "topic"}).exit_code, 0);
  repo_.commit_file("benchgate.toml", sleep_suite_config("0.3"), "slower");
  ProcessResult r = push({"origin", "topic"});
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("against refs/heads/topic on origin (" + first.substr(0, 7) + ")"));
  EXPECT_THAT(r.err, HasSubstr("REGRESSION"));
  EXPECT_EQ(repo_.remote_sha("refs/heads/topic"), first);
}

TEST_F(PushTest, SeveralRefsAtOnceGateTheCheckedOutCommitOnce) {
  repo_.git_ok({"branch", "old"});  // main's commit, not checked out below
  repo_.git_ok({"checkout", "-q", "-b", "topic"});
  const std::string head = repo_.commit_file("README", "change\n", "docs");
  ProcessResult r = push({"origin", "topic", "topic:refs/heads/topic-copy", "old"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count(r.err, "benchgate pre-push: gating "), 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("refs/heads/topic-copy: same commit and target as another ref"));
  EXPECT_THAT(r.err, HasSubstr("refs/heads/old: not gated: " + main_sha_.substr(0, 7) +
                               " is not the checked-out commit"));
  EXPECT_EQ(repo_.remote_sha("refs/heads/topic"), head);
  EXPECT_EQ(repo_.remote_sha("refs/heads/topic-copy"), head);
  EXPECT_EQ(repo_.remote_sha("refs/heads/old"), main_sha_);
}

TEST_F(PushTest, ARegressionInOneRefBlocksTheWholePush) {
  repo_.git_ok({"branch", "old"});
  commit_regression("slow");
  ProcessResult r = push({"origin", "slow", "old"});
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("REGRESSION"));
  EXPECT_EQ(repo_.remote_sha("refs/heads/slow"), "");
  EXPECT_EQ(repo_.remote_sha("refs/heads/old"), "");
}

TEST_F(PushTest, DeletionIsNotGated) {
  commit_regression("slow");
  ASSERT_EQ(push({"--no-verify", "origin", "slow"}).exit_code, 0);
  ProcessResult r = push({"origin", "--delete", "slow"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("refs/heads/slow: not gated: deletes the remote ref"));
  EXPECT_THAT(r.err, Not(HasSubstr("gating ")));
  EXPECT_EQ(repo_.remote_sha("refs/heads/slow"), "");
}

// True while a process whose command line contains `marker` is alive.
bool process_running(const std::string& marker) {
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline;
    try {
      cmdline = read_file(entry.path() / "cmdline");
    } catch (const std::exception&) {
      continue;  // it ended while we looked
    }
    if (cmdline.find(marker) != std::string::npos && cmdline.find("sleep") == 0) return true;
  }
  return false;
}

TEST_F(PushTest, OverBudgetTheGateIsStoppedAndThePushGoesAhead) {
  install_hook({"--budget", "3s"});
  repo_.git_ok({"checkout", "-q", "-b", "stuck"});
  // 3 runs of 37 s: the gate cannot finish within the 3 s budget. The odd duration marks the
  // process so the test can tell that it was stopped, not left running.
  const std::string marker = "37.00421";
  const std::string head =
      repo_.commit_file("benchgate.toml", sleep_suite_config(marker, 3), "very slow");
  const auto start = std::chrono::steady_clock::now();
  ProcessResult r = push({"origin", "stuck"});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("did not finish within the 3s budget"));
  // Loudly: a framed banner that says the push was not gated and what to change.
  EXPECT_THAT(r.err, HasSubstr("benchgate pre-push: NOT GATED: refs/heads/stuck did not finish"));
  EXPECT_THAT(r.err, HasSubstr("push went through unchecked"));
  EXPECT_THAT(r.err, HasSubstr("raise --budget"));
  EXPECT_THAT(r.err, HasSubstr("--benchmark_min_time"));
  EXPECT_EQ(count(r.err, "benchgate pre-push: ======"), 2) << r.err;
  EXPECT_EQ(repo_.remote_sha("refs/heads/stuck"), head);
  // 3 s budget + 1 s grace between SIGTERM and SIGKILL + git and process start-up.
  EXPECT_LT(seconds, 15.0) << r.err;
  bool still_running = process_running(marker);
  for (int i = 0; i < 30 && still_running; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    still_running = process_running(marker);
  }
  EXPECT_FALSE(still_running) << "the benchmark process outlived the stopped gate";
}

TEST_F(PushTest, InvalidConfigBlocksThePush) {
  repo_.git_ok({"checkout", "-q", "-b", "typo"});
  repo_.commit_file("benchgate.toml", "[gate]\ntreshold = 0.1\n", "typo");
  ProcessResult r = push({"origin", "typo"});
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("treshold"));  // the gate's own message, passed on
  EXPECT_THAT(r.err, HasSubstr("refs/heads/typo: the gate could not run"));
  EXPECT_EQ(repo_.remote_sha("refs/heads/typo"), "");
}

TEST_F(PushTest, AGateThatFailsLetsThePushThroughWithAWarning) {
  repo_.git_ok({"checkout", "-q", "-b", "failing"});
  // Every run of `false` fails: the gate has nothing to compare and exits 3.
  std::string config = sleep_suite_config("0.02");
  config.replace(config.find("[\"sleep\", \"0.02\"]"), 17, "[\"false\"]");
  const std::string head = repo_.commit_file("benchgate.toml", config, "failing suite");
  ProcessResult r = push({"origin", "failing"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("refs/heads/failing: the gate failed (exited with status 3)"));
  EXPECT_THAT(r.err, HasSubstr("Run it yourself: "));
  EXPECT_EQ(repo_.remote_sha("refs/heads/failing"), head);
}

TEST_F(PushTest, AHookWhoseBinaryIsGoneLetsThePushThrough) {
  const fs::path hook = repo_.work() / ".git" / "hooks" / "pre-push";
  std::string script = read_file(hook);
  const auto line = script.find("benchgate=");
  script.replace(line, script.find('\n', line) - line, "benchgate=/nonexistent/benchgate");
  write_file(hook, script);
  const std::string head = commit_regression("slow");
  ProcessResult r = push({"origin", "slow"}, {{"PATH", "/usr/bin:/bin"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/benchgate is gone and benchgate is not in PATH"));
  EXPECT_EQ(repo_.remote_sha("refs/heads/slow"), head);
}

TEST_F(PushTest, WithoutABenchgateTomlThePushIsNotGated) {
  repo_.git_ok({"checkout", "-q", "-b", "plain"});
  repo_.git_ok({"rm", "-q", "benchgate.toml"});
  repo_.git_ok({"commit", "-q", "-m", "no benchmarks"});
  ProcessResult r = push({"origin", "plain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("no benchgate.toml"));
  EXPECT_THAT(r.err, Not(HasSubstr("gating ")));
  EXPECT_NE(repo_.remote_sha("refs/heads/plain"), "");
}

}  // namespace
}  // namespace benchgate::testing
