// `benchgate hook install|uninstall` on real repositories: where the hook goes, what it runs,
// and that a hook benchgate did not write is neither overwritten nor removed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/prepush/git_fixture.h"

namespace benchgate::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// Quotes our marker inside a longer line: still not ours.
constexpr const char* kForeignHook =
    "#!/bin/sh\necho 'the team hook ran, not \"# benchgate-hook: pre-push\"' >&2\nexit 0\n";

bool is_executable(const fs::path& path) {
  return (fs::status(path).permissions() & fs::perms::owner_exec) != fs::perms::none;
}

TEST(HookInstall, WritesAnExecutableHookThatRunsThisBinary) {
  GitFixture repo;
  ProcessResult r = repo.benchgate({"hook", "install", "--budget", "45s"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path hook = repo.work() / ".git" / "hooks" / "pre-push";
  ASSERT_TRUE(fs::exists(hook)) << r.out;
  EXPECT_TRUE(is_executable(hook));
  const std::string script = read_file(hook);
  EXPECT_THAT(script, HasSubstr("# benchgate-hook: pre-push"));
  EXPECT_THAT(script, HasSubstr(fs::canonical(benchgate_binary()).string()));
  EXPECT_THAT(script, HasSubstr("pre-push --budget 45s \"$@\""));
  EXPECT_THAT(r.out, HasSubstr(hook.string()));
}

TEST(HookInstall, FollowsCoreHooksPathRelativeToTheWorkTree) {
  GitFixture repo;
  repo.git_ok({"config", "core.hooksPath", "tools/githooks"});
  ProcessResult r = repo.benchgate({"hook", "install"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(repo.work() / "tools" / "githooks" / "pre-push")) << r.out;
  EXPECT_FALSE(fs::exists(repo.work() / ".git" / "hooks" / "pre-push"));
  EXPECT_THAT(r.out, HasSubstr("core.hooksPath"));
}

TEST(HookInstall, WorksFromASubdirectoryAndWithRepo) {
  GitFixture repo;
  fs::create_directories(repo.work() / "src" / "deep");
  ProcessOptions options;
  options.cwd = repo.work() / "src" / "deep";
  options.env = repo.env();
  ProcessResult r = run_benchgate({"hook", "install"}, options);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(repo.work() / ".git" / "hooks" / "pre-push"));

  ProcessResult again = run_benchgate({"hook", "uninstall", "--repo", repo.work().string()});
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_FALSE(fs::exists(repo.work() / ".git" / "hooks" / "pre-push"));
}

TEST(HookInstall, RefusesAForeignHookWithoutForce) {
  GitFixture repo;
  const fs::path hook = repo.work() / ".git" / "hooks" / "pre-push";
  write_file(hook, kForeignHook);
  ProcessResult r = repo.benchgate({"hook", "install"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("not written by benchgate"));
  EXPECT_THAT(r.err, HasSubstr("--force"));
  EXPECT_EQ(read_file(hook), kForeignHook);
}

TEST(HookInstall, ForceKeepsTheForeignHookAndUninstallRestoresIt) {
  GitFixture repo;
  const fs::path hooks = repo.work() / ".git" / "hooks";
  write_file(hooks / "pre-push", kForeignHook);
  ProcessResult r = repo.benchgate({"hook", "install", "--force"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(read_file(hooks / "pre-push"), HasSubstr("# benchgate-hook: pre-push"));
  EXPECT_EQ(read_file(hooks / "pre-push.before-benchgate"), kForeignHook);

  ProcessResult removed = repo.benchgate({"hook", "uninstall"});
  ASSERT_EQ(removed.exit_code, 0) << removed.out << removed.err;
  EXPECT_EQ(read_file(hooks / "pre-push"), kForeignHook);
  EXPECT_FALSE(fs::exists(hooks / "pre-push.before-benchgate"));
}

TEST(HookInstall, ReplacesItsOwnHookWithoutForce) {
  GitFixture repo;
  ASSERT_EQ(repo.benchgate({"hook", "install", "--budget", "10s"}).exit_code, 0);
  ProcessResult r = repo.benchgate({"hook", "install", "--budget", "90s"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("updated"));
  const std::string script = read_file(repo.work() / ".git" / "hooks" / "pre-push");
  EXPECT_THAT(script, HasSubstr("--budget 90s"));
  EXPECT_THAT(script, Not(HasSubstr("--budget 10s")));
}

TEST(HookUninstall, LeavesAForeignHookAlone) {
  GitFixture repo;
  const fs::path hook = repo.work() / ".git" / "hooks" / "pre-push";
  write_file(hook, kForeignHook);
  ProcessResult r = repo.benchgate({"hook", "uninstall"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("left alone"));
  EXPECT_EQ(read_file(hook), kForeignHook);
}

TEST(HookUninstall, WithoutAHookSaysSoAndSucceeds) {
  GitFixture repo;
  ProcessResult r = repo.benchgate({"hook", "uninstall"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("nothing to remove"));
}

TEST(HookInstall, BadBudgetIsAUsageErrorNamingTheFlagAndTheForms) {
  GitFixture repo;
  ProcessResult r = repo.benchgate({"hook", "install", "--budget", "soon"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("benchgate: error: --budget 'soon'"));
  EXPECT_THAT(r.err, HasSubstr("500ms, 90s, 1.5m, 1h"));
  EXPECT_FALSE(fs::exists(repo.work() / ".git" / "hooks" / "pre-push"));
}

// The same duration syntax as the gate's --budget: hours and combined forms too.
TEST(HookInstall, BudgetTakesTheGatesDurationSyntax) {
  GitFixture repo;
  ProcessResult r = repo.benchgate({"hook", "install", "--budget", "1h"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(read_file(repo.work() / ".git" / "hooks" / "pre-push"),
              HasSubstr("pre-push --budget 3600s \"$@\""));
  r = repo.benchgate({"hook", "install", "--budget", "1m30s"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(read_file(repo.work() / ".git" / "hooks" / "pre-push"), HasSubstr("--budget 90s"));
}

// One trial run of `sleep 0.4` takes >= 0.4 s; the gate would make 6 of them, >= 2.4 s, past a 2 s
// budget: install warns naming the suite, and still installs the hook.
TEST(HookInstall, WarnsWhenTheSuitesWouldOverrunTheBudget) {
  GitFixture repo;
  repo.commit_file("benchgate.toml", sleep_suite_config("0.4", 6), "benchmarks");
  ProcessResult r = repo.benchgate({"hook", "install", "--budget", "2s"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(repo.work() / ".git" / "hooks" / "pre-push"));
  EXPECT_THAT(r.err, HasSubstr("skip with --no-check"));
  EXPECT_THAT(r.err, HasSubstr("more than the 2s budget"));
  EXPECT_THAT(r.err, HasSubstr("suite work: 6 runs x "));
  EXPECT_THAT(r.err, HasSubstr("--benchmark_min_time"));
}

TEST(HookInstall, SaysWhenTheSuitesFitAndNoCheckSkipsTheTrial) {
  GitFixture repo;
  repo.commit_file("benchgate.toml", sleep_suite_config("0.01", 3), "benchmarks");
  ProcessResult r = repo.benchgate({"hook", "install", "--budget", "60s"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("the suites fit in the budget"));
  EXPECT_THAT(r.err, Not(HasSubstr("warning")));

  r = repo.benchgate({"hook", "install", "--budget", "1s", "--no-check"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("timing one process")));
}

// Benchmarks not built yet: the check says why it could not estimate, and the hook is installed.
TEST(HookInstall, ASuiteThatCannotRunIsNamedAndTheInstallSucceeds) {
  GitFixture repo;
  repo.commit_file("benchgate.toml",
                   "[[suite]]\nname = \"unbuilt\"\ncommand = [\"./build/no_such_bench\"]\n",
                   "benchmarks");
  ProcessResult r = repo.benchgate({"hook", "install"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(repo.work() / ".git" / "hooks" / "pre-push"));
  EXPECT_THAT(r.err, HasSubstr("suite unbuilt: not estimated"));
  EXPECT_THAT(r.err, HasSubstr("no_such_bench"));
}

}  // namespace
}  // namespace benchgate::testing
