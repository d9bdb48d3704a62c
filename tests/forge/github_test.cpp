// forge::GithubClient end to end against the fake GitHub server.
#include "forge/github.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forge/step_summary.h"
#include "tests/forge/capture.h"
#include "tests/forge/fake_github.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kMarker = forge::sticky_marker("suite:micro");
const std::string kSha(40, 'd');

forge::GithubClient client_for(const FakeGithub& github, Capture& capture, std::string token = "") {
  return forge::GithubClient(github.api_base(),
                             forge::Secret(token.empty() ? github.options().token : token),
                             github.options().repo, capture.options());
}

TEST(GithubComment, FirstRunCreatesOneCommentWithTheMarker) {
  FakeGithub github;
  Capture capture;
  auto client = client_for(github, capture);
  forge::UpsertResult result = client.upsert_pr_comment(7, kMarker, "## benchgate\nall good");
  EXPECT_TRUE(result.created);
  auto comments = github.comments(7);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].id, result.id);
  EXPECT_EQ(comments[0].author, "benchgate-bot");
  EXPECT_EQ(comments[0].body.rfind(kMarker + "\n", 0), 0u) << comments[0].body;
  EXPECT_THAT(comments[0].body, HasSubstr("all good"));
}

TEST(GithubComment, RerunUpdatesTheSameCommentInsteadOfAddingOne) {
  FakeGithub github;
  Capture capture;
  auto first = client_for(github, capture).upsert_pr_comment(7, kMarker, "run 1");
  auto second = client_for(github, capture).upsert_pr_comment(7, kMarker, "run 2");
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.id, first.id);
  auto comments = github.comments(7);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_THAT(comments[0].body, AllOf(HasSubstr("run 2"), Not(HasSubstr("run 1"))));
  EXPECT_EQ(github.request_count("PATCH", "/issues/comments/"), 1u);
}

TEST(GithubComment, OurCommentOnPageTwoOf150IsFoundByFollowingLinks) {
  FakeGithub github;
  long long ours = 0;
  for (int i = 0; i < 150; ++i) {
    if (i == 120)
      ours = github.add_comment(7, "benchgate-bot", kMarker + "\nold report");
    else
      github.add_comment(7, i % 3 ? "alice" : "bob", "comment " + std::to_string(i));
  }
  Capture capture;
  auto result = client_for(github, capture).upsert_pr_comment(7, kMarker, "new report");
  EXPECT_FALSE(result.created);
  EXPECT_EQ(result.id, ours);
  EXPECT_EQ(github.comments(7).size(), 150u);
  EXPECT_EQ(github.request_count("POST", "/comments"), 0u);
  // Page 1 by our URL, page 2 by the server's Link URL (the /repositories/{id}/ form).
  EXPECT_EQ(github.request_count("GET", "/repos/octo/widgets/issues/7/comments"), 1u);
  EXPECT_EQ(github.request_count("GET", "/repositories/4242/issues/7/comments"), 1u);
}

TEST(GithubComment, AUsersCommentQuotingOurMarkerIsLeftAlone) {
  FakeGithub github;
  const std::string quoted = "> " + kMarker + "\nwhy is this slower?";
  long long users = github.add_comment(7, "alice", quoted);
  Capture capture;
  auto result = client_for(github, capture).upsert_pr_comment(7, kMarker, "report");
  EXPECT_TRUE(result.created);
  auto comments = github.comments(7);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].id, users);
  EXPECT_EQ(comments[0].body, quoted);
}

TEST(GithubComment, DifferentSuiteSetsGetDifferentComments) {
  FakeGithub github;
  Capture capture;
  auto client = client_for(github, capture);
  client.upsert_pr_comment(7, forge::sticky_marker("suite:a"), "a");
  client.upsert_pr_comment(7, forge::sticky_marker("suite:ab"), "ab");
  client.upsert_pr_comment(7, forge::sticky_marker("suite:a"), "a2");
  EXPECT_EQ(github.comments(7).size(), 2u);
}

TEST(GithubComment, InstallationTokenWritesAsGithubActionsBot) {
  FakeGithub::Options options;
  options.installation_token = true;
  FakeGithub github(options);
  Capture capture;
  auto client = client_for(github, capture);
  EXPECT_EQ(client.current_login(), "github-actions[bot]");
  client.upsert_pr_comment(7, kMarker, "one");
  client_for(github, capture).upsert_pr_comment(7, kMarker, "two");
  auto comments = github.comments(7);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].author, "github-actions[bot]");
  EXPECT_THAT(capture.all_lines(), HasSubstr("assuming we are github-actions[bot]"));
}

TEST(GithubComment, AFailedPostIsCheckedBeforeBeingRepeated) {
  FakeGithub github;
  github.inject_fault(Fault::on("POST", "/comments", 502));
  Capture capture;
  auto result = client_for(github, capture).upsert_pr_comment(7, kMarker, "report");
  EXPECT_TRUE(result.created);
  EXPECT_EQ(github.comments(7).size(), 1u);
  EXPECT_EQ(github.request_count("POST", "/comments"), 2u);
  EXPECT_EQ(github.request_count("GET", "/comments"), 2u);  // looked again in between
}

TEST(GithubComment, EnterprisePrefixAndPaginationWork) {
  FakeGithub::Options options;
  options.prefix = "/api/v3";
  FakeGithub github(options);
  for (int i = 0; i < 130; ++i) github.add_comment(3, "alice", "c");
  Capture capture;
  auto client = client_for(github, capture);
  client.upsert_pr_comment(3, kMarker, "x");
  client.upsert_pr_comment(3, kMarker, "y");
  EXPECT_EQ(github.comments(3).size(), 131u);
  EXPECT_EQ(github.request_count("GET", "/api/v3/repositories/4242/issues/3/comments"), 2u);
}

TEST(GithubComment, TooLongBodyIsCutToGithubsLimitKeepingTheMarker) {
  FakeGithub github;
  Capture capture;
  std::string body;
  while (body.size() < 100'000) body += "| bench \xE2\x9C\x93 | 1.0 |\n";
  client_for(github, capture).upsert_pr_comment(7, kMarker, body);
  auto stored = github.comments(7).at(0).body;
  EXPECT_LE(stored.size(), forge::kGithubCommentLimit);
  EXPECT_EQ(stored.rfind(kMarker, 0), 0u);
  EXPECT_THAT(stored, HasSubstr("cut to fit"));
}

TEST(GithubComment, BadMarkersAndPrNumbersAreInputErrors) {
  FakeGithub github;
  Capture capture;
  auto client = client_for(github, capture);
  EXPECT_THROW(client.upsert_pr_comment(7, "<!-- other -->", "x"), InputError);
  EXPECT_THROW(client.upsert_pr_comment(0, kMarker, "x"), InputError);
  EXPECT_THROW(forge::sticky_marker("a -->"), InputError);
  EXPECT_THROW(forge::GithubClient(github.api_base(), forge::Secret("t"), "no-slash"), InputError);
  EXPECT_TRUE(github.requests().empty());
}

std::vector<forge::CheckAnnotation> annotations(int count) {
  std::vector<forge::CheckAnnotation> list;
  for (int i = 0; i < count; ++i)
    list.push_back({"bench/b.cpp", i + 1, i + 1, forge::AnnotationLevel::kWarning, "slower",
                    "BM_" + std::to_string(i) + " is 12% slower"});
  return list;
}

TEST(GithubCheckRun, MoreThan50AnnotationsArePostedThenPatchedIn50s) {
  FakeGithub github;
  Capture capture;
  forge::CheckRun run{kSha,      "benchgate",     forge::CheckConclusion::kFailure, "2 regressions",
                      "summary", annotations(120)};
  forge::CheckRunResult result = client_for(github, capture).create_check_run(run);
  EXPECT_TRUE(result.created);
  EXPECT_TRUE(result.warning.empty());
  EXPECT_EQ(result.requests, 3);
  auto runs = github.check_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].id, result.id);
  EXPECT_EQ(runs[0].patches, 2);
  EXPECT_EQ(runs[0].created["output"]["annotations"].size(), 50u);
  EXPECT_EQ(runs[0].created["conclusion"], "failure");
  EXPECT_EQ(runs[0].created["status"], "completed");
  ASSERT_EQ(runs[0].annotations.size(), 120u);
  for (int i = 0; i < 120; ++i) EXPECT_EQ(runs[0].annotations[i]["start_line"], i + 1);
}

TEST(GithubCheckRun, ExactlyFiftyNeedsNoPatch) {
  FakeGithub github;
  Capture capture;
  forge::CheckRun run{kSha, "benchgate", forge::CheckConclusion::kSuccess,
                      "",   "ok",        annotations(50)};
  EXPECT_EQ(client_for(github, capture).create_check_run(run).requests, 1);
  EXPECT_EQ(github.check_runs().at(0).created["output"]["title"], "benchgate");
}

TEST(GithubCheckRun, Forbidden403IsAWarningNotAnException) {
  FakeGithub::Options options;
  options.check_runs_forbidden = true;
  FakeGithub github(options);
  Capture capture;
  forge::CheckRun run{kSha, "benchgate", forge::CheckConclusion::kNeutral, "", "s", annotations(3)};
  forge::CheckRunResult result;
  ASSERT_NO_THROW(result = client_for(github, capture).create_check_run(run));
  EXPECT_FALSE(result.created);
  EXPECT_THAT(result.warning, AllOf(HasSubstr("checks:write"), HasSubstr("403")));
  EXPECT_EQ(github.request_count("POST", "/check-runs"), 1u) << "a plain 403 is not retried";
}

TEST(GithubPullRequest, HeadShaComesFromTheApi) {
  FakeGithub github;
  github.set_pull_request(12, std::string(40, 'e'));
  Capture capture;
  auto client = client_for(github, capture);
  EXPECT_EQ(client.pull_request_head_sha(12), std::string(40, 'e'));
  try {
    client.pull_request_head_sha(13);
    FAIL() << "an unknown PR was accepted";
  } catch (const forge::HttpError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_THAT(e.what(), HasSubstr("PR #13"));
  }
}

TEST(StepSummary, CutAtOneMiBOnAUtf8BoundaryAndSaysSo) {
  TempDir dir;
  const auto path = dir / "summary.md";
  write_file(path, "earlier step output\n");
  std::string markdown;
  // 3- and 4-byte characters, no newlines, so the cut must land mid-text on a character boundary.
  while (markdown.size() < 2 * forge::kMiB) markdown += "\xE2\x82\xAC\xF0\x9F\x98\x80x";
  forge::Redactor redactor;
  forge::StepSummaryResult result = forge::write_step_summary(path, markdown, redactor);
  EXPECT_TRUE(result.truncated);
  EXPECT_THAT(result.warning, HasSubstr("cut"));
  // Independent oracle: Python decodes the file strictly as UTF-8 and measures it.
  auto check = run_process(
      {"/usr/bin/python3", "-c",
       "import sys; b = open(sys.argv[1], 'rb').read(); t = b.decode('utf-8');"
       "print(len(b)); print('limit of 1 MiB' in t); print(t.startswith('earlier step output'))",
       path.string()});
  ASSERT_EQ(check.exit_code, 0) << check.err;
  std::size_t size = std::stoull(check.out.substr(0, check.out.find('\n')));
  EXPECT_LE(size, forge::kMiB);
  EXPECT_GT(size, forge::kMiB - 64);  // filled up to the limit, less at most a character + slack
  EXPECT_THAT(check.out, HasSubstr("True\nTrue"));
}

TEST(StepSummary, SmallReportIsAppendedWhole) {
  TempDir dir;
  forge::Redactor redactor;
  forge::write_step_summary(dir / "s.md", "# one\n", redactor);
  auto result = forge::write_step_summary(dir / "s.md", "# two\n", redactor);
  EXPECT_FALSE(result.truncated);
  EXPECT_EQ(read_file(dir / "s.md"), "# one\n# two\n");
}

// Every string the tests could capture — exception messages, log lines, warnings, the job
// summary, what the server stored — is searched for the token.
TEST(GithubSecrecy, TheTokenAppearsNowhere) {
  FakeGithub::Options options;
  options.echo_authorization_in_errors = true;
  options.check_runs_forbidden = true;
  FakeGithub github(options);
  const std::string token = options.token;
  const std::string wrong_token = "ghp_WrongTokenButStillSecret0123456789";
  Capture capture;
  std::vector<std::string> captured;
  auto collect = [&](const std::function<void()>& f) {
    try {
      f();
    } catch (const std::exception& e) {
      captured.emplace_back(e.what());
    }
  };
  auto client = client_for(github, capture);
  collect([&] { client.pull_request_head_sha(999); });  // 404 echoing Authorization
  collect([&] { client.upsert_pr_comment(7, kMarker, "accidentally quoting " + token); });
  forge::CheckRun run{kSha, "benchgate", forge::CheckConclusion::kNeutral, "", "s " + token, {}};
  collect([&] { captured.push_back(client.create_check_run(run).warning); });
  auto wrong = client_for(github, capture, wrong_token);
  collect([&] { wrong.upsert_pr_comment(7, kMarker, "x"); });  // 401 echoing the wrong token
  collect([&] {
    forge::GithubClient("https://user:" + token + "@api.github.com", forge::Secret(token), "o/r");
  });

  TempDir dir;
  forge::write_step_summary(dir / "summary.md", "token was " + token, client.redactor());
  captured.push_back(read_file(dir / "summary.md"));
  for (const auto& comment : github.comments(7)) captured.push_back(comment.body);
  captured.push_back(capture.all_lines());

  ASSERT_GE(captured.size(), 7u);
  EXPECT_THAT(captured[0], HasSubstr("Authorization: Bearer ***"));  // the echo happened, masked
  for (const auto& text : captured) {
    EXPECT_THAT(text, Not(HasSubstr(token)));
    EXPECT_THAT(text, Not(HasSubstr(wrong_token)));
  }
}

}  // namespace
}  // namespace benchgate::testing
