// `benchgate gate` on a developer's machine (and as the pre-push hook runs it): no forge, the
// target from the flags or the remote's default branch, the no-baseline policy, real suites.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/gate/gate_fixture.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using namespace testing;
namespace fs = std::filesystem;

class GateLocal : public ::testing::Test {
 protected:
  ProcessResult gate(std::vector<std::string> args, const fs::path& cwd = {}) {
    report_dir_ = dir_ / ("report-" + std::to_string(++runs_));
    ProcessOptions options;
    options.cwd = cwd.empty() ? repo_.work() : cwd;
    options.unset_env = ci_variables();
    options.env = {{"NO_COLOR", "1"}};
    options.timeout_seconds = 60;
    // One recorded job of main: trusted, as on a dedicated machine (the stored-mode history is
    // tested in gate_unit_tests).
    args.insert(args.begin(), {"gate", "--testbed", "tb", "--report-dir", report_dir_.string(),
                               "--trust-single-job"});
    return run_benchgate(args, options);
  }

  TempDir dir_{"benchgate-gate-local"};
  GitFixture repo_{dir_.path()};
  fs::path fast_ = write_results(dir_ / "fast", 100.0);
  fs::path slow_ = write_results(dir_ / "slow", 150.0);
  fs::path report_dir_;
  int runs_ = 0;
};

TEST_F(GateLocal, NoBaselineIsNeutralUnlessAskedToFail) {
  // A clone on a topic branch without upstream: the target is origin's default branch.
  const fs::path clone = repo_.clone("clone");
  const std::string merge_base = git(clone, {"rev-parse", "HEAD"});
  git(clone, {"checkout", "-q", "-b", "topic"});
  repo_.commit("topic work", clone);

  auto pass = gate({"--results", fast_.string()}, clone);
  ASSERT_EQ(pass.exit_code, 0) << pass.err;
  const std::string message = "no baseline for testbed tb within 50 commits of " +
                              merge_base.substr(0, 12) + "; this run will not block";
  EXPECT_THAT(pass.err, HasSubstr(message));
  EXPECT_THAT(pass.err, HasSubstr("against origin/main"));
  EXPECT_THAT(read_file(report_dir_ / "comparison.md"), HasSubstr(message));
  // Every sink says plainly that nothing was compared, not "PASS".
  EXPECT_THAT(pass.out + pass.err, HasSubstr("benchgate: NO BASELINE — nothing was compared"));
  EXPECT_THAT(read_file(report_dir_ / "comparison.md"),
              HasSubstr("**benchgate: NOTHING COMPARED**"));
  EXPECT_THAT(read_file(report_dir_ / "comparison.txt"), HasSubstr("gate: NOTHING COMPARED"));
  EXPECT_THAT(read_file(report_dir_ / "comparison.xml"), HasSubstr("gate: NOTHING COMPARED"));
  EXPECT_EQ(nlohmann::json::parse(read_file(report_dir_ / "comparison.json"))["nothing_compared"],
            true);

  auto fail = gate({"--results", fast_.string(), "--no-baseline", "fail"}, clone);
  EXPECT_EQ(fail.exit_code, 1) << fail.err;
  EXPECT_THAT(fail.err, HasSubstr("--no-baseline fail: the gate fails"));
}

TEST_F(GateLocal, WithoutUpstreamOrOriginHeadTheDefaultBranchIsFoundElseItAsksForTarget) {
  git(repo_.work(), {"checkout", "-q", "-b", "orphan-topic"});  // no upstream; no origin/HEAD
  auto found = gate({"--results", fast_.string()});
  EXPECT_EQ(found.exit_code, 0) << found.err;
  EXPECT_THAT(found.err, HasSubstr("against origin/main"));

  // Nothing left to find: no origin/main, no local main or master, init.defaultBranch elsewhere.
  git(repo_.work(), {"update-ref", "-d", "refs/remotes/origin/main"});
  git(repo_.work(), {"branch", "-q", "-D", "main"});
  git(repo_.work(), {"config", "init.defaultBranch", "nothere"});
  auto r = gate({"--results", fast_.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("give --target"));
  EXPECT_THAT(r.err, HasSubstr("init.defaultBranch"));

  // init.defaultBranch names the default branch when the remote's is unknown.
  git(repo_.work(), {"branch", "-q", "nothere"});
  auto by_config = gate({"--results", fast_.string()});
  EXPECT_EQ(by_config.exit_code, 0) << by_config.err;
  EXPECT_THAT(by_config.err, HasSubstr("against nothere"));
}

TEST_F(GateLocal, SeveralSuitesAreComparedOneByOneAndAnyRegressionFails) {
  const std::string base = repo_.commit("base");
  auto record = gate({"--results", fast_.string(), "--results", fast_.string(), "--suite", "alpha",
                      "--suite", "beta", "--record", "always", "--target", "HEAD~1"});
  ASSERT_EQ(record.exit_code, 0) << record.err;
  EXPECT_THAT(record.err, HasSubstr("pushed baselines to origin"));
  EXPECT_THAT(repo_.remote_note(base), HasSubstr("\"suite\":\"beta\""));

  repo_.commit("change");
  auto r = gate({"--results", fast_.string(), "--results", slow_.string(), "--suite", "alpha",
                 "--suite", "beta", "--target", "HEAD~1"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("FAIL — suite beta"));
  EXPECT_THAT(read_file(report_dir_ / "comparison-alpha.md"), HasSubstr("PASS"));
  EXPECT_THAT(read_file(report_dir_ / "comparison-beta.md"), HasSubstr("FAIL"));
  EXPECT_TRUE(fs::exists(report_dir_ / "comparison-beta.xml"));
  EXPECT_THAT(r.out, HasSubstr("== suite alpha =="));
}

// A report directory reused by the next run holds only that run's reports: the per-suite files of
// an earlier run with other suites go, files benchgate does not name stay.
TEST_F(GateLocal, ANewRunRemovesTheReportsOfSuitesItDidNotWrite) {
  repo_.commit("base");
  const fs::path reports = dir_ / "reused-reports";
  const auto run = [&](std::vector<std::string> args) {
    ProcessOptions options;
    options.cwd = repo_.work();
    options.unset_env = ci_variables();
    options.timeout_seconds = 60;
    args.insert(args.begin(), {"gate", "--testbed", "tb", "--target", "HEAD~1", "--no-fetch",
                               "--report-dir", reports.string()});
    ProcessResult r = run_benchgate(args, options);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  };
  write_file(reports / "notes.md", "mine");
  write_file(reports / "comparison-notes.pdf", "mine too");
  run({"--results", fast_.string(), "--results", fast_.string(), "--suite", "alpha", "--suite",
       "beta"});
  ASSERT_TRUE(fs::exists(reports / "comparison-alpha.json"));
  ASSERT_TRUE(fs::exists(reports / "comparison-beta.md"));

  ProcessResult one = run({"--results", fast_.string(), "--suite", "alpha"});
  EXPECT_TRUE(fs::exists(reports / "comparison.md"));
  for (const char* ext : {"txt", "md", "json", "xml"}) {
    EXPECT_FALSE(fs::exists(reports / fmt::format("comparison-alpha.{}", ext))) << ext;
    EXPECT_FALSE(fs::exists(reports / fmt::format("comparison-beta.{}", ext))) << ext;
  }
  EXPECT_THAT(one.err, HasSubstr("removed comparison-beta.md"));
  EXPECT_EQ(read_file(reports / "notes.md"), "mine");
  EXPECT_EQ(read_file(reports / "comparison-notes.pdf"), "mine too");

  run({"--results", fast_.string(), "--results", fast_.string(), "--suite", "alpha", "--suite",
       "gamma"});
  EXPECT_FALSE(fs::exists(reports / "comparison.md"));
  EXPECT_TRUE(fs::exists(reports / "comparison-gamma.xml"));
  EXPECT_EQ(read_file(reports / "notes.md"), "mine");
}

TEST_F(GateLocal, RunsTheConfiguredSuitesAndRecordsThemAsBaselines) {
  const fs::path tiny = test_program("runner", "tiny_bench");
  if (!fs::exists(tiny)) GTEST_SKIP() << "tiny_bench not built";
  write_file(repo_.work() / "benchgate.toml",
             "testbed = \"tb-config\"\n"
             "[[suite]]\nname = \"tiny\"\ncommand = [\"" +
                 tiny.string() +
                 "\"]\n"
                 "filter = \"BM_Increment\"\nprocesses = 3\nrepetitions = 2\n");
  const std::string first = repo_.commit("first measured commit");
  ProcessOptions options;
  options.cwd = repo_.work();
  options.unset_env = ci_variables();
  options.timeout_seconds = 60;
  auto recorded = run_benchgate({"gate", "--record", "always", "--no-push", "--target", "HEAD~1",
                                 "--report-dir", (dir_ / "r1").string()},
                                options);
  ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
  const std::string note = git(repo_.work(), {"notes", "--ref", "benchgate", "show", first});
  EXPECT_THAT(note, HasSubstr("\"suite\":\"tiny\""));
  EXPECT_THAT(note, HasSubstr("\"testbed\":\"tb-config\""));
  EXPECT_THAT(note, HasSubstr("BM_Increment"));
  EXPECT_EQ(repo_.remote_note(first), "") << "--no-push keeps the baseline local";

  repo_.commit("next commit");
  auto compared = run_benchgate(
      {"gate", "--no-fetch", "--target", "HEAD~1", "--report-dir", (dir_ / "r2").string()},
      options);
  // Three processes per side cannot reach significance (exact U: p >= 0.1), so the same binary
  // twice always passes; what matters is that the recorded run was found and used.
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_THAT(compared.err, HasSubstr("baseline " + first.substr(0, 12) + " (the merge-base)"));
  auto report = nlohmann::json::parse(read_file(dir_ / "r2" / "comparison.json"));
  ASSERT_EQ(report["benchmarks"].size(), 1u);
  EXPECT_EQ(report["benchmarks"][0]["base_n"], 3);
  EXPECT_EQ(report["benchmarks"][0]["head_n"], 3);
}

// A record made on a feature branch (here by `--record always`) is never the baseline of that
// branch's next push: the pre-push hook compares with the remote's tip of the branch, and that
// commit's own record would hide every regression made since main.
TEST_F(GateLocal, RecordsOfAFeatureBranchAreNeverItsNextPushsBaseline) {
  const std::string base = repo_.commit("base");
  auto on_main = gate({"--results", fast_.string(), "--suite", "bench", "--record", "always",
                       "--target", "HEAD~1"});
  ASSERT_EQ(on_main.exit_code, 0) << on_main.err;
  const std::string main_note = git(repo_.work(), {"notes", "--ref", "benchgate", "show", base});
  EXPECT_THAT(main_note, HasSubstr("\"branch\":\"main\""));
  EXPECT_THAT(main_note, HasSubstr("\"default_branch\":true"));

  git(repo_.work(), {"checkout", "-q", "-b", "topic"});
  const std::string pushed = repo_.commit("topic: slower");
  auto on_topic = gate(
      {"--results", slow_.string(), "--suite", "bench", "--record", "always", "--target", "main"});
  EXPECT_EQ(on_topic.exit_code, 1) << on_topic.err;
  EXPECT_THAT(on_topic.err, HasSubstr("lookups pass these records over unless told otherwise"));
  EXPECT_THAT(git(repo_.work(), {"notes", "--ref", "benchgate", "show", pushed}),
              HasSubstr("\"default_branch\":false"));

  repo_.commit("topic: more");
  auto next = gate({"--results", slow_.string(), "--suite", "bench", "--target", pushed});
  EXPECT_EQ(next.exit_code, 1) << next.err;
  EXPECT_THAT(next.err, HasSubstr("passed over 1 stored record(s) not made on the target branch"));
  EXPECT_THAT(next.err, HasSubstr("made by local run on branch topic"));
  EXPECT_THAT(next.err, HasSubstr("baseline " + base.substr(0, 12)));

  // Told otherwise, the branch's own record counts (and the slowdown is measured against it).
  auto any = gate({"--results", slow_.string(), "--suite", "bench", "--target", pushed,
                   "--baselines-from", "any"});
  EXPECT_EQ(any.exit_code, 0) << any.err;
  EXPECT_THAT(any.err, HasSubstr("baseline " + pushed.substr(0, 12)));
  // A branch's records also count when that branch is the target by name.
  auto by_name = gate({"--results", slow_.string(), "--suite", "bench", "--target", "topic"});
  EXPECT_EQ(by_name.exit_code, 0) << by_name.err;
  EXPECT_THAT(by_name.err, HasSubstr("baseline " + pushed.substr(0, 12)));
}

// `run --config -o DIR` writes one record per suite; the gate reads such a directory as those
// suites, each against its own baseline, never as one merged suite that no baseline matches.
TEST_F(GateLocal, ADirectoryOfSuiteRecordsIsOneSuitePerRecord) {
  const fs::path tiny = test_program("runner", "tiny_bench");
  if (!fs::exists(tiny)) GTEST_SKIP() << "tiny_bench not built";
  const fs::path config = dir_ / "suites.toml";
  write_file(config, "[[suite]]\nname = \"core\"\ncommand = [\"" + tiny.string() +
                         "\"]\nfilter = \"BM_Increment\"\nprocesses = 2\nrepetitions = 2\n"
                         "[[suite]]\nname = \"startup\"\ncommand = [\"" +
                         tiny.string() +
                         "\"]\nfilter = \"BM_Increment\"\nprocesses = 2\nrepetitions = 2\n");
  ProcessOptions options;
  options.cwd = repo_.work();
  options.unset_env = ci_variables();
  options.timeout_seconds = 60;
  const fs::path runs = dir_ / "runs";
  auto run = run_benchgate({"run", "--config", config.string(), "-o", runs.string()}, options);
  ASSERT_EQ(run.exit_code, 0) << run.err;

  const std::string base = repo_.commit("measured");
  auto recorded = gate({"--results", runs.string(), "--record", "always", "--target", "HEAD~1"});
  ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
  const std::string note = git(repo_.work(), {"notes", "--ref", "benchgate", "show", base});
  EXPECT_THAT(note, HasSubstr("\"suite\":\"core\""));
  EXPECT_THAT(note, HasSubstr("\"suite\":\"startup\""));
  EXPECT_THAT(note, Not(HasSubstr("\"suite\":\"runs\"")));

  repo_.commit("next");
  auto compared = gate({"--results", runs.string(), "--target", "HEAD~1"});
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_THAT(compared.err, Not(HasSubstr("no baseline")));
  EXPECT_TRUE(fs::exists(report_dir_ / "comparison-core.json"));
  EXPECT_TRUE(fs::exists(report_dir_ / "comparison-startup.json"));

  // --suite picks one suite of such a directory, and names the ones there when it is not.
  auto one = gate({"--results", runs.string(), "--suite", "startup", "--target", "HEAD~1"});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_TRUE(fs::exists(report_dir_ / "comparison.json"));
  auto wrong = gate({"--results", runs.string(), "--suite", "nope", "--target", "HEAD~1"});
  EXPECT_EQ(wrong.exit_code, 2) << wrong.err;
  EXPECT_THAT(wrong.err, HasSubstr("holds suite(s) core, startup, not nope"));
}

}  // namespace
}  // namespace benchgate
