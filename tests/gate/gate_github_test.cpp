// `benchgate gate` in GitHub Actions, end to end: the real binary, a real repository whose bare
// remote carries the baselines, and a fake GitHub API (tests/forge/fake_github) in this process.
#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/gate/github_fixture.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using namespace testing;
namespace fs = std::filesystem;

TEST_F(GateGithub, PushToTheDefaultBranchRecordsTheBaselineAndPushesIt) {
  ASSERT_EQ(push_run_.exit_code, 0) << push_run_.err;
  // c1's parent c0 has no baseline: neutral, and said plainly.
  EXPECT_THAT(push_run_.err, HasSubstr("no baseline for testbed tb within 50 commits of " +
                                       c0_.substr(0, 12) + "; this run will not block"));
  const std::string note = repo_.remote_note(c1_);
  EXPECT_THAT(note, HasSubstr("\"testbed\":\"tb\""));
  EXPECT_THAT(note, HasSubstr("BM_Work"));
  EXPECT_THAT(note, HasSubstr("\"suite\":\"bench\""));
  EXPECT_THAT(note, HasSubstr(c1_)) << "the record names the commit it measured";
  // A push has no PR to comment on, but gets a (neutral) check run on its commit.
  EXPECT_TRUE(github_.comments(kPr).empty());
  auto checks = github_.check_runs();
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].created["head_sha"], c1_);
  EXPECT_EQ(checks[0].created["conclusion"], "neutral");
}

TEST_F(GateGithub, PullRequestFindsTheBaselineThroughTheMergeBaseInAFreshClone) {
  // A CI checkout: its notes can only come from the remote.
  const fs::path ci = repo_.clone("ci");
  auto r = run(github_, "pull_request", pr(), slow_, {}, {}, ci);
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("baseline " + c1_.substr(0, 12) +
                               " (1 commit below the merge-base " + c3_.substr(0, 12) + ")"));
  EXPECT_THAT(r.out, HasSubstr("regression"));
  auto comments = github_.comments(kPr);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_THAT(comments[0].body, HasSubstr("BM\\_Work"));
  EXPECT_THAT(comments[0].body, HasSubstr("regression"));
  auto checks = github_.check_runs();
  ASSERT_EQ(checks.size(), 2u);  // the push run's and this one
  EXPECT_EQ(checks[1].created["head_sha"], c2_) << "the PR head, not GITHUB_SHA's merge commit";
  EXPECT_EQ(checks[1].created["conclusion"], "failure");
  // PR runs do not write baselines.
  EXPECT_EQ(repo_.remote_note(c2_), "");
  EXPECT_EQ(git(ci, {"notes", "--ref", "benchgate", "list"}).find(c2_), std::string::npos);
}

TEST_F(GateGithub, FirstRunCreatesOneCommentAndTheRerunUpdatesIt) {
  auto first = run(github_, "pull_request", pr(), fast_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(github_.comments(kPr).size(), 1u);
  EXPECT_THAT(github_.comments(kPr)[0].body, HasSubstr("benchgate: PASS"));

  auto second = run(github_, "pull_request", pr(), slow_);
  ASSERT_EQ(second.exit_code, 1) << second.err;
  auto comments = github_.comments(kPr);
  ASSERT_EQ(comments.size(), 1u) << "a rerun must not add a second comment";
  EXPECT_THAT(comments[0].body, HasSubstr("FAIL"));
  EXPECT_EQ(github_.request_count("POST", "/issues/7/comments"), 1u);
  EXPECT_EQ(github_.request_count("PATCH", "/issues/comments/"), 1u);
}

TEST_F(GateGithub, FindsItsCommentOnPage2Of150) {
  const std::string marker = learn_marker();
  ASSERT_THAT(marker, HasSubstr("<!-- benchgate:"));
  constexpr long long kBusyPr = 8;
  for (int i = 0; i < 120; ++i)
    github_.add_comment(kBusyPr, "reviewer", "looks fine " + std::to_string(i));
  const long long ours = github_.add_comment(kBusyPr, "benchgate-bot", marker + "\nold report");
  for (int i = 0; i < 29; ++i) github_.add_comment(kBusyPr, "reviewer", "nit " + std::to_string(i));
  ASSERT_EQ(github_.comments(kBusyPr).size(), 150u);

  auto r = run(github_, "pull_request", pr(kBusyPr), fast_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto comments = github_.comments(kBusyPr);
  EXPECT_EQ(comments.size(), 150u) << "found on page 2, so no new comment";
  auto it =
      std::find_if(comments.begin(), comments.end(), [&](const auto& c) { return c.id == ours; });
  ASSERT_NE(it, comments.end());
  EXPECT_THAT(it->body, Not(HasSubstr("old report")));
  EXPECT_THAT(it->body, HasSubstr("BM\\_Work"));
  EXPECT_GE(github_.request_count("GET", "page=2"), 1u);
}

TEST_F(GateGithub, LeavesAUsersCommentWithOurMarkerAlone) {
  const std::string marker = learn_marker();
  constexpr long long kQuotedPr = 9;
  const std::string quote = marker + "\nI copied the bot's comment here";
  github_.add_comment(kQuotedPr, "mallory", quote);

  auto r = run(github_, "pull_request", pr(kQuotedPr), fast_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto comments = github_.comments(kQuotedPr);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].author, "mallory");
  EXPECT_EQ(comments[0].body, quote);
  EXPECT_EQ(comments[1].author, "benchgate-bot");
}

TEST_F(GateGithub, WaitsOutA429WithRetryAfter) {
  github_.inject_fault(Fault::on("POST", "/issues/7/comments", 429).header("retry-after", "2"));
  const auto start = std::chrono::steady_clock::now();
  auto r = run(github_, "pull_request", pr(), fast_);
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(waited, std::chrono::seconds(2));
  EXPECT_THAT(r.err, HasSubstr("retry-after"));
  EXPECT_EQ(github_.comments(kPr).size(), 1u);
  EXPECT_EQ(github_.request_count("POST", "/issues/7/comments"), 2u);
}

TEST_F(GateGithub, A403OnCheckRunsIsAWarningNotAFailure) {
  FakeGithub::Options options;
  options.check_runs_forbidden = true;
  FakeGithub forbidden(options);
  auto pass = run(forbidden, "pull_request", pr(), fast_);
  EXPECT_EQ(pass.exit_code, 0) << pass.err;
  EXPECT_THAT(pass.err, HasSubstr("warning: could not create the check run"));
  EXPECT_EQ(forbidden.comments(kPr).size(), 1u) << "the comment is still posted";
  auto fail = run(forbidden, "pull_request", pr(), slow_);
  EXPECT_EQ(fail.exit_code, 1) << "the verdict decides the exit code\n" << fail.err;
}

TEST_F(GateGithub, AForkPullRequestWritesTheHandOffAndExitsByVerdict) {
  auto fail = run(github_, "pull_request", pr(kPr, "mallory/widgets"), slow_);
  EXPECT_EQ(fail.exit_code, 1) << fail.err;
  auto pass = run(github_, "pull_request", pr(kPr, "mallory/widgets"), fast_);
  ASSERT_EQ(pass.exit_code, 0) << pass.err;
  EXPECT_THAT(pass.err, HasSubstr("from a fork"));
  for (const char* file : {"report.md", "event.json", "comparison.json", "comparison.md"})
    EXPECT_TRUE(fs::exists(report_dir_ / file)) << file;
  auto event = nlohmann::json::parse(read_file(report_dir_ / "event.json"));
  EXPECT_EQ(event["pr_number"], kPr);
  EXPECT_EQ(event["head_sha"], c2_);
  EXPECT_EQ(event["repository"], "octo/widgets");
  EXPECT_THAT(event["marker_key"].get<std::string>(), HasSubstr("gate-"));
  EXPECT_THAT(read_file(report_dir_ / "report.md"), HasSubstr("BM\\_Work"));
  // With a read-only token there is nothing to try: no request reaches the API.
  EXPECT_EQ(github_.request_count("POST", "/issues/7/comments"), 0u);
  EXPECT_EQ(github_.check_runs().size(), 1u) << "only the push run's";
}

TEST_F(GateGithub, TheTokenNeverAppearsInOutputOrFiles) {
  FakeGithub::Options options;
  options.check_runs_forbidden = true;
  options.echo_authorization_in_errors = true;  // the 403 quotes our Authorization header
  FakeGithub careless(options);
  const fs::path summary = dir_ / "step-summary.md";
  auto r =
      run(careless, "pull_request", pr(), slow_, {}, {{"GITHUB_STEP_SUMMARY", summary.string()}});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string token = options.token;
  EXPECT_THAT(r.err, HasSubstr("***")) << "the echoed header reached the warning, redacted";
  EXPECT_THAT(r.out + r.err, Not(HasSubstr(token)));
  EXPECT_THAT(all_file_contents(report_dir_), Not(HasSubstr(token)));
  ASSERT_TRUE(fs::exists(summary));
  EXPECT_THAT(read_file(summary), HasSubstr("BM\\_Work"));
  EXPECT_THAT(read_file(summary), Not(HasSubstr(token)));
  for (const auto& c : careless.comments(kPr)) EXPECT_THAT(c.body, Not(HasSubstr(token)));
}

TEST_F(GateGithub, TheBenchmarksNeverSeeTheToken) {
  // The suites are the pull request's code: the token is removed from their environment.
  const fs::path seen = dir_ / "benchmark-env.txt";
  write_file(repo_.work() / "benchgate.toml",
             "[[suite]]\nname = \"envdump\"\nformat = \"command\"\nruns = 2\nwarmup = 0\n"
             "command = [\"/bin/sh\", \"-c\", \"env > " +
                 seen.string() + "\"]\n");
  ProcessOptions options =
      github_job(github_.api_base(), "octo/widgets", "pull_request", pr(), dir_ / "event-env.json",
                 github_.options().token, repo_.work());
  auto r = run_benchgate(
      {"gate", "--allow-insecure-http", "--testbed", "tb", "--report-dir", (dir_ / "r").string()},
      options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(fs::exists(seen));
  EXPECT_THAT(read_file(seen), HasSubstr("GITHUB_REPOSITORY=octo/widgets")) << "the env was dumped";
  EXPECT_THAT(read_file(seen), Not(HasSubstr(github_.options().token)));
  EXPECT_EQ(github_.comments(kPr).size(), 1u) << "while the gate itself still had the token";
}

TEST_F(GateGithub, ATokenIsNeverSentOverPlainHttpUnlessAllowed) {
  // The fake server speaks http: without --allow-insecure-http the gate stops before any suite
  // runs and before any request leaves, naming the variable and the URL.
  const fs::path ran = dir_ / "suite-ran.txt";
  write_file(repo_.work() / "benchgate.toml",
             "[[suite]]\nname = \"probe\"\nformat = \"command\"\nruns = 1\nwarmup = 0\n"
             "command = [\"/bin/sh\", \"-c\", \"touch " +
                 ran.string() + "\"]\n");
  ProcessOptions options =
      github_job(github_.api_base(), "octo/widgets", "pull_request", pr(), dir_ / "event-http.json",
                 github_.options().token, repo_.work());
  const std::size_t requests_before = github_.requests().size();
  auto r =
      run_benchgate({"gate", "--testbed", "tb", "--report-dir", (dir_ / "r").string()}, options);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("benchgate: error: GITHUB_API_URL is " + github_.origin()));
  EXPECT_THAT(r.err, HasSubstr("--allow-insecure-http"));
  EXPECT_FALSE(fs::exists(ran)) << "no suite may run";
  EXPECT_EQ(github_.requests().size(), requests_before) << "no request may leave";
}

TEST_F(GateGithub, VerifiesTlsAndAcceptsAPrivateCaOnlyWithCaFile) {
  FakeGithub::Options options;
  options.tls = make_self_signed_cert(dir_.path());
  FakeGithub tls(options);
  auto refused = run(tls, "pull_request", pr(), fast_);
  EXPECT_EQ(refused.exit_code, 0) << "publishing problems do not decide the verdict\n"
                                  << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("warning: the report comment was not posted"));
  EXPECT_TRUE(tls.comments(kPr).empty());
  auto trusted = run(tls, "pull_request", pr(), fast_, {"--ca-file", options.tls->cert.string()});
  EXPECT_EQ(trusted.exit_code, 0) << trusted.err;
  EXPECT_EQ(tls.comments(kPr).size(), 1u) << trusted.err;
}

}  // namespace
}  // namespace benchgate
