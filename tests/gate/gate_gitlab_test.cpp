// `benchgate gate` in GitLab CI, end to end: a default-branch pipeline records the baseline, a
// merge-request pipeline compares against it, upserts one MR note on a fake GitLab API and writes
// the JUnit file for `artifacts:reports:junit`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/forge/fake_gitlab.h"
#include "tests/gate/gate_fixture.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using namespace testing;
namespace fs = std::filesystem;

constexpr long long kMr = 3;

class GateGitlab : public ::testing::Test {
 protected:
  // main: c0 -- c1 (baseline recorded by the default-branch pipeline); feature (!3): c1 -- c2.
  void SetUp() override {
    c1_ = repo_.commit("c1");
    git(repo_.work(), {"push", "-q", "origin", "main"});
    auto recorded = run({{"CI_COMMIT_SHA", c1_}, {"CI_COMMIT_BRANCH", "main"}}, fast_);
    ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
    ASSERT_THAT(repo_.remote_note(c1_), HasSubstr("BM_Work")) << recorded.err;
    git(repo_.work(), {"checkout", "-q", "-b", "feature"});
    c2_ = repo_.commit("c2");
  }

  std::map<std::string, std::string> merge_request() const {
    return {{"CI_COMMIT_SHA", c2_},
            {"CI_MERGE_REQUEST_IID", std::to_string(kMr)},
            {"CI_MERGE_REQUEST_DIFF_BASE_SHA", c1_},
            {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"},
            {"CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature"},
            {"BENCHGATE_GITLAB_TOKEN", gitlab_.options().token}};
  }

  ProcessResult run(const std::map<std::string, std::string>& job, const fs::path& results) {
    report_dir_ = dir_ / ("report-" + std::to_string(++runs_));
    ProcessOptions options;
    options.cwd = repo_.work();
    options.unset_env = ci_variables();
    options.env = {{"GITLAB_CI", "true"},
                   {"CI_API_V4_URL", gitlab_.api_base()},
                   {"CI_PROJECT_ID", gitlab_.options().project_id},
                   {"CI_DEFAULT_BRANCH", "main"},
                   {"NO_COLOR", "1"}};
    for (const auto& [k, v] : job) options.env[k] = v;
    return run_benchgate(
        {"gate", "--allow-insecure-http", "--results", results.string(), "--suite", "bench",
         "--testbed", "tb", "--report-dir", report_dir_.string(), "--trust-single-job"},
        options);
  }

  TempDir dir_{"benchgate-gate-gitlab"};
  GitFixture repo_{dir_.path()};
  FakeGitlab gitlab_;
  fs::path fast_ = write_results(dir_ / "fast", 100.0);
  fs::path slow_ = write_results(dir_ / "slow", 150.0);
  std::string c1_, c2_;
  fs::path report_dir_;
  int runs_ = 0;
};

TEST_F(GateGitlab, MergeRequestNoteIsUpsertedAndJUnitWritten) {
  gitlab_.add_note(kMr, "project_42_bot", "added 1 commit", true);  // a system note, never ours
  gitlab_.add_note(kMr, "alice", "please check the benchmarks", false);

  auto first = run(merge_request(), fast_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("baseline " + c1_.substr(0, 12) + " (the merge-base)"));
  auto second = run(merge_request(), slow_);
  ASSERT_EQ(second.exit_code, 1) << second.err;

  std::vector<FakeGitlab::Note> ours;
  for (const auto& note : gitlab_.notes(kMr))
    if (note.author == "project_42_bot" && !note.system) ours.push_back(note);
  ASSERT_EQ(ours.size(), 1u) << "one note, updated by the rerun";
  EXPECT_THAT(ours[0].body, HasSubstr("<!-- benchgate:gate-"));
  EXPECT_THAT(ours[0].body, HasSubstr("FAIL"));
  EXPECT_EQ(gitlab_.notes(kMr).size(), 3u);

  const std::string junit = read_file(report_dir_ / "comparison.xml");
  EXPECT_THAT(junit, HasSubstr("<testsuite"));
  EXPECT_THAT(junit, HasSubstr("BM_Work"));
  EXPECT_THAT(junit, HasSubstr("<failure"));
  EXPECT_THAT(all_file_contents(report_dir_), Not(HasSubstr(gitlab_.options().token)));
  EXPECT_THAT(second.out + second.err, Not(HasSubstr(gitlab_.options().token)));
  EXPECT_EQ(repo_.remote_note(c2_), "") << "merge requests do not write baselines";
}

TEST_F(GateGitlab, OnlyAJobTokenIsExplainedAndDoesNotFail) {
  auto job = merge_request();
  job.erase("BENCHGATE_GITLAB_TOKEN");
  job["CI_JOB_TOKEN"] = "job-token-0123456789abcdef";
  auto r = run(job, fast_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err,
              HasSubstr("only CI_JOB_TOKEN is available, and it cannot post merge request notes"));
  EXPECT_THAT(r.err, HasSubstr("BENCHGATE_GITLAB_TOKEN"));
  EXPECT_TRUE(fs::exists(report_dir_ / "comparison.xml"));
  EXPECT_EQ(gitlab_.request_count("POST", "/notes"), 0u);
}

}  // namespace
}  // namespace benchgate
